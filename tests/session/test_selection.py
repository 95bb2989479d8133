"""Delete and Pin act on what the user sees selected: never on an injection of another or a hidden zone."""

from __future__ import annotations

from mesomap.session.session import Session
from tests.io.test_device_helpers import gridded_plan, surface


def test_selecting_another_zone_drops_the_injection_and_delete_does_nothing():
    s = Session(plan=gridded_plan(), surface=surface())
    knee, forehead = s.plan.zones
    s.select_injection(knee.id, 3)
    assert s.injection == (knee.id, 3)
    s.select_zone(forehead.id)  # e.g. a click on the forehead in the zone list
    assert s.injection is None
    assert not s.delete_injection()
    assert s.plan.zone(knee.id).injections == knee.injections and not s.doc.history.can_undo


def test_hiding_the_zone_drops_its_injection_and_delete_does_nothing():
    s = Session(plan=gridded_plan(), surface=surface())
    knee = s.plan.zones[0]
    s.select_injection(knee.id, 0)
    s.set_zone_visible(knee.id, False)
    assert s.injection is None and not s.delete_injection()
    assert s.plan.zone(knee.id).injections == knee.injections


def test_delete_removes_the_selected_injection_of_the_selected_zone():
    s = Session(plan=gridded_plan(), surface=surface())
    knee = s.plan.zones[0]
    s.select_injection(knee.id, 2)
    assert s.delete_injection()
    after = s.plan.zone(knee.id).injections
    assert len(after) == len(knee.injections) - 1 and knee.injections[2] not in after
