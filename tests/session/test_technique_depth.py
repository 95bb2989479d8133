"""Changing a zone's technique brings that technique's default depth — unless the clinician set the depth."""

from __future__ import annotations

from mesomap.io.templates import load_templates
from mesomap.model.techniques import TECHNIQUES
from mesomap.session.session import Session
from tests.io.test_device_helpers import gridded_plan, surface


def session() -> Session:
    s = Session(plan=gridded_plan(), surface=surface())
    s.templates = load_templates()
    return s


def test_a_default_depth_follows_the_technique():
    s = session()
    forehead = s.plan.zones[1]  # IDP from its template, at the template's depth
    assert s.set_zone_params(forehead.id, "technique", technique="NAP") == []
    assert s.plan.zone(forehead.id).params.depth_mm == TECHNIQUES["NAP"].default_depth_mm  # nappage: 2 mm
    assert s.set_zone_params(forehead.id, "technique", technique="IDP") == []  # and back to that default
    assert s.plan.zone(forehead.id).params.depth_mm == min(TECHNIQUES["IDP"].default_depth_mm,
                                                          forehead.params.needle.length_mm)


def test_a_depth_the_clinician_set_stays():
    s = session()
    forehead = s.plan.zones[1]
    assert s.set_zone_params(forehead.id, "depth", depth_mm=3.3) == []
    assert s.set_zone_params(forehead.id, "technique", technique="NAP") == []
    assert s.plan.zone(forehead.id).params.depth_mm == 3.3
