"""Mirroring pairs zones by their side and the body's mirror map — never by the words in their names."""

from __future__ import annotations

import numpy as np
import pytest

from mesomap.io.meshes import load_painting_surface
from mesomap.io.plan_file import body_ref
from mesomap.io.templates import load_templates
from mesomap.model.plan import Plan
from mesomap.session.session import Session
from mesomap.session.zones import mirror_template

DOWN = np.array([0.0, -1.0, 0.0])


@pytest.fixture(scope="module")
def surface():
    return load_painting_surface("female")


@pytest.fixture(scope="module")
def templates():
    return load_templates()


def session(surface, templates) -> Session:
    s = Session(plan=Plan(body=body_ref(surface)), surface=surface)
    s.templates = templates
    return s


def knee_stroke(s: Session, zone_id: str) -> None:
    zone = s.plan.zone(zone_id)
    centre = s.surface.centroids[zone.faces].mean(axis=0)
    hit = s.surface.pick(centre + np.array([0.0, 300.0, 0.0]), DOWN)
    s.select_zone(zone_id)
    s.set_mirror(True)
    assert s.begin_stroke()
    s.stroke([(hit, DOWN)])
    s.end_gesture()


def test_the_mirror_template_is_found_on_the_body(surface, templates):
    assert mirror_template(templates, "knee_left", surface).id == "knee_right"
    assert mirror_template(templates, "cheek_right", surface).id == "cheek_left"
    assert mirror_template(templates, "forehead", surface) is None  # midline: no mirror


def test_painting_a_template_zone_with_mirror_makes_its_mirror_template_zone(surface, templates):
    s = session(surface, templates)
    left = s.add_zone_from_template(templates.zone("knee_left"))
    renamed = s.update_zone(left, "name", name="Genou gauche")  # a name in any language changes nothing
    assert renamed == []
    knee_stroke(s, left)
    partner = next(z for z in s.plan.zones if z.id != left)
    assert (partner.side, partner.template, partner.name) == ("right", "knee_right", templates.zone("knee_right").name)
    assert len(partner.faces) > 0 and np.isin(partner.faces, surface.mirrored(s.plan.zone(left).faces)).all()


def test_an_existing_partner_receives_the_mirror_half(surface, templates):
    s = session(surface, templates)
    left = s.add_zone_from_template(templates.zone("knee_left"))
    right = s.add_zone_from_template(templates.zone("knee_right"))
    s.update_zone(right, "name", name="Колено справа")
    before = s.plan.zone(right).faces
    knee_stroke(s, left)
    assert len(s.plan.zones) == 2  # no new zone: the right knee was found by its side and faces
    assert len(s.plan.zone(right).faces) >= len(before)
