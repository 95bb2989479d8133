"""Whole-zone editing in the session: a painted zone's side follows where it lies, Fill inside an outline,
and Mirror to the other side (faces, parameters, grid) — each one undo step."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from mesomap.io.meshes import load_painting_surface
from mesomap.io.plan_file import body_ref
from mesomap.io.templates import load_templates
from mesomap.model import edits
from mesomap.model.placement import misplaced_injections
from mesomap.model.plan import InjectionPoint, Plan
from mesomap.session.session import Session

FRONT = np.array([0.0, -1.0, 0.0])


@pytest.fixture(scope="module")
def surface():
    return load_painting_surface("female")


@pytest.fixture
def s(surface):
    session = Session(plan=Plan(body=body_ref(surface)), surface=surface)
    session.templates = load_templates()
    session.said = []
    session.message.connect(session.said.append)
    return session


def front_hit(s, x, z):
    hit = s.surface.pick(np.array([x, 2000.0, z]), FRONT)
    assert hit is not None, (x, z)
    return hit


def paint(s, points, erase=False):
    """One stroke through front-view points [(x, z) mm]."""
    assert s.begin_stroke(erase=erase)
    s.stroke([(front_hit(s, x, z), FRONT) for x, z in points])
    s.end_gesture()


def ring_points(cx, cz, r, n=72):
    t = np.linspace(0, 2 * np.pi, n, endpoint=False)
    return [(cx + r * np.cos(a), cz + r * np.sin(a)) for a in t]


# -- side ---------------------------------------------------------------------------


def test_a_painted_zone_takes_the_side_it_lies_on_in_the_strokes_undo_step(s):
    s.set_radius(15)
    paint(s, [(-110, 600), (-90, 600)])  # the patient's left thigh (x < 0)
    zone = s.plan.zones[0]
    assert zone.side == "left"
    assert str(s.doc.history.undo_label) == "Paint Zone 1"
    paint(s, [(x, 1050) for x in range(-80, 81, 10)])  # across the belly: now it straddles the midline
    assert s.plan.zone(zone.id).side == "midline"
    s.doc.undo()
    assert s.plan.zone(zone.id).side == "left", "undoing the stroke undoes its side too"


def test_erasing_the_part_across_the_midline_gives_the_side_back(s):
    s.set_radius(15)
    paint(s, [(-110, 600), (-90, 600)])
    paint(s, [(x, 1050) for x in range(-80, 81, 10)])
    assert s.zone.side == "midline"
    s.set_radius(40)
    paint(s, [(x, 1050) for x in range(-100, 101, 10)], erase=True)
    assert s.zone.side == "left"


def test_painting_one_thigh_with_mirror_on_makes_a_bilateral_zone(s):
    s.set_radius(15)
    s.set_mirror(True)
    paint(s, [(-110, 600), (-90, 600)])
    assert len(s.plan.zones) == 1 and s.zone.side == "bilateral"  # both thighs, apart: not the midline


def test_a_side_chosen_by_hand_stays(s):
    s.set_radius(15)
    paint(s, [(-110, 600), (-90, 600)])
    zone_id = s.zone_id
    assert s.zone.side == "left"
    assert s.update_zone(zone_id, "side", side="bilateral") == []
    paint(s, [(90, 600), (110, 600)])
    assert s.plan.zone(zone_id).side == "bilateral"
    assert s.update_zone(zone_id, "side", side="left") == []
    paint(s, [(x, 1050) for x in range(-80, 81, 10)])
    assert s.plan.zone(zone_id).side == "left", "chosen by hand, even when it is the side the faces gave"


# -- fill ---------------------------------------------------------------------------


def test_fill_inside_a_closed_ring_is_one_undo_step(s):
    s.set_radius(8)
    paint(s, ring_points(70, 1050, 45))
    ring = s.plan.zones[0].faces
    centre = front_hit(s, 70, 1050)
    assert centre.face not in ring
    assert s.fill_at(centre)
    filled = s.plan.zones[0].faces
    assert centre.face in filled and np.isin(ring, filled).all()
    added = filled[~np.isin(filled, ring)]
    seen = s.surface.centroids[added][:, [0, 2]] - [70, 1050]  # as the front view shows them
    assert np.linalg.norm(seen, axis=1).max() < 45, "the fill stayed inside the ring"
    assert s.surface.area_cm2(filled) > s.surface.area_cm2(ring) + 20  # ~π·3.5² cm² of inside added
    assert str(s.doc.history.undo_label) == "Fill Zone 1"
    s.doc.undo()
    assert np.array_equal(s.plan.zones[0].faces, ring)


def test_fill_of_an_open_outline_says_so_and_changes_nothing(s):
    s.set_radius(8)
    arc = ring_points(70, 1050, 45)[:48]  # two thirds of a ring
    paint(s, arc)
    before = s.plan.zones[0].faces
    label = str(s.doc.history.undo_label)
    assert not s.fill_at(front_hit(s, 70, 1050))
    assert np.array_equal(s.plan.zones[0].faces, before) and str(s.doc.history.undo_label) == label
    assert s.said[-1].code == "outline_not_closed"
    assert "not closed" in str(s.said[-1]) and "Zone 1" in str(s.said[-1])


# -- mirror -------------------------------------------------------------------------


def gridded_left_zone(s):
    s.set_radius(25)
    paint(s, [(-130, 620), (-90, 580)])
    zone = s.zone
    assert zone.side == "left"
    s.update_zone(zone.id, "name", name="Left thigh")
    s.set_zone_params(zone.id, "spacing", spacing_mm=12.0)
    rng = np.random.default_rng(3)
    chosen = rng.choice(zone.faces, 12, replace=False)
    weights = rng.dirichlet(np.ones(3), 12)
    grid = [InjectionPoint(int(f), tuple(map(float, w)), pinned=bool(i % 3 == 0)) for i, (f, w) in
            enumerate(zip(chosen, weights))]
    s.doc.edit("grid", edits.set_zone_grid, zone.id, grid)
    return s.plan.zone(zone.id)


def test_mirror_makes_the_other_sides_zone_with_its_grid_in_one_undo_step(s):
    left = gridded_left_zone(s)
    other_id = s.mirror_zone(left.id)
    other = s.plan.zone(other_id)
    assert other.side == "right" and other.name == "Right thigh"
    assert np.array_equal(other.faces, s.surface.mirrored(left.faces))
    assert other.params == s.plan.zone(left.id).params and other.params.spacing_mm == 12.0
    assert len(other.injections) == len(left.injections) and not other.grid_stale
    assert misplaced_injections(s.plan, s.surface) == ()
    mine = s.injection_positions(s.plan.zone(left.id))
    theirs = s.injection_positions(other)
    assert np.allclose(theirs, mine * [-1, 1, 1], atol=1e-6), "each injection at its mirror point"
    assert [q.pinned for q in other.injections] == [q.pinned for q in left.injections]
    assert str(s.doc.history.undo_label) == "Mirror Left thigh to the other side"
    s.doc.undo()
    assert [z.id for z in s.plan.zones] == [left.id]


def test_mirror_again_updates_the_linked_zone(s):
    left = gridded_left_zone(s)
    other_id = s.mirror_zone(left.id)
    s.select_zone(left.id)
    paint(s, [(-60, 700), (-40, 700)])  # the zone grows
    s.set_zone_params(left.id, "depth", depth_mm=2.0)
    assert s.mirror_zone(left.id) == other_id
    assert len(s.plan.zones) == 2
    grown = s.plan.zone(left.id)
    other = s.plan.zone(other_id)
    assert np.array_equal(other.faces, s.surface.mirrored(grown.faces)) and other.params.depth_mm == 2.0
    assert grown.grid_stale and other.grid_stale, "a grid out of date mirrors as out of date"
    assert misplaced_injections(s.plan, s.surface) == ()


def test_a_midline_zone_has_no_other_side(s):
    s.set_radius(15)
    paint(s, [(x, 1050) for x in range(-80, 81, 10)])
    zone = s.zone
    assert zone.side == "midline"
    plan = s.plan
    assert s.mirror_zone(zone.id) is None
    assert s.plan is plan
    assert s.said[-1].code == "no_other_side" and "no other side" in str(s.said[-1])
