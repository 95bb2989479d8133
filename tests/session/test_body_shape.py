"""Shaping the body (issue 16, "No scanner? Shape the body"): sliders, height and weight, the plan
follows the shape (faces and injections keep their places), the plan file records it, undo."""

from __future__ import annotations

import json

import numpy as np
import pytest

from mesomap.io.body_shapes import load_shaped_surface, shaped_body
from mesomap.io.meshes import load_painting_surface
from mesomap.io.plan_file import body_ref
from mesomap.io.templates import load_templates
from mesomap.model.body_shape import ShapeError, body_key, height_mm, measures
from mesomap.model.placement import misplaced_injections
from mesomap.model.plan import Plan
from mesomap.session.grids import GridRequests
from mesomap.session.session import Session
from mesomap.session.worker import LayoutWorker


def session_with_grids() -> Session:
    surface = load_painting_surface("female")
    s = Session(plan=Plan(body=body_ref(surface)), surface=surface)
    s.grids = GridRequests(s.doc, lambda: body_key(s.plan.body), LayoutWorker(use_process=False))
    return s


def test_weight_up_makes_the_abdomen_larger_and_weight_down_smaller():
    s = session_with_grids()
    zone_id = s.add_zone_from_template(load_templates().zone("abdomen"))
    faces = s.plan.zone(zone_id).faces
    neutral = load_painting_surface("female").area_cm2(faces)
    heavy = load_shaped_surface("female", (("weight", 1.0),)).area_cm2(faces)
    slim = load_shaped_surface("female", (("weight", -1.0),)).area_cm2(faces)
    assert heavy > neutral * 1.03 and slim < neutral * 0.97, (slim, neutral, heavy)


def test_shape_change_keeps_zones_and_re_lays_grids_on_the_new_shape_and_undo_restores():
    s = session_with_grids()
    templates = load_templates()
    abdomen = s.add_zone_from_template(templates.zone("abdomen"))
    assert s.lay_out()
    before = s.plan.zone(abdomen)
    count_before = len(before.injections)
    neutral_surface = s.surface

    assert s.set_body_shape({"weight": 1.5, "height": 0.2})
    assert s.plan.body.shape == (("height", 0.2), ("weight", 1.5))
    assert s.surface.shape == s.plan.body.shape  # the session edits on the shaped body
    assert s.plan.zone(abdomen).grid_stale  # until the re-layout lands
    s.grids.wait(600)
    after = s.plan.zone(abdomen)
    assert np.array_equal(after.faces, before.faces)
    assert after.injections and not after.grid_stale
    assert len(after.injections) > count_before  # same spacing on more skin
    assert not misplaced_injections(s.plan, s.surface)  # every injection on its zone, on the shaped skin
    assert s.surface.area_cm2(after.faces) > neutral_surface.area_cm2(after.faces)

    s.doc.undo()  # the re-layout
    s.doc.undo()  # the shape
    assert s.plan.body.shape == () and s.surface.shape == ()
    assert s.plan.zone(abdomen) == before


def test_entering_height_and_weight_sets_the_sliders():
    s = session_with_grids()
    shape = s.shape_for(height_mm=1700.0, weight_kg=62.0)
    body = shaped_body("female", shape)
    m = measures(body.vertices, body.faces)
    assert abs(m.height_mm - 1700.0) <= 1.0 and abs(m.weight_kg - 62.0) <= 0.2, m
    only_height = s.shape_for(height_mm=1700.0)
    assert abs(height_mm(shaped_body("female", only_height).vertices) - 1700.0) <= 1.0


def test_height_and_weight_out_of_reach_say_the_reach():
    s = session_with_grids()
    with pytest.raises(ShapeError) as err:
        s.shape_for(height_mm=2600.0)
    assert "2600 mm" in str(err.value) and "1223–2312 mm" in str(err.value)
    with pytest.raises(ShapeError) as err:
        s.shape_for(weight_kg=150.0)
    assert "150 kg" in str(err.value) and "reach" in str(err.value)
    with pytest.raises(ShapeError, match="muscle is 3, it must lie between -1 and 1"):
        s.set_body_shape({"muscle": 3})
    assert s.plan.body.shape == ()


def test_plan_file_keeps_the_shape_and_opening_builds_the_shaped_body(tmp_path):
    s = session_with_grids()
    s.add_zone_from_template(load_templates().zone("abdomen"))
    s.set_body_shape({"weight": 0.8, "muscle": -0.25}, relayout=False)
    path = s.save(tmp_path / "shaped.mesomap.json")
    written = json.loads(path.read_text())
    assert written["body"]["shape"] == {"muscle": -0.25, "weight": 0.8}
    faces = s.plan.zones[0].faces  # the stored area is the shaped body's
    assert written["zones"][0]["area_cm2"] == round(s.surface.area_cm2(faces), 3)
    assert abs(written["zones"][0]["area_cm2"] - load_painting_surface("female").area_cm2(faces)) > 10.0

    opened, found = Session.open(path, inline=True)
    assert opened.plan.body.shape == (("muscle", -0.25), ("weight", 0.8))
    assert opened.surface.shape == opened.plan.body.shape
    zone = opened.plan.zones[0]
    shaped = load_shaped_surface("female", opened.plan.body.shape)
    assert opened.surface.area_cm2(zone.faces) == pytest.approx(shaped.area_cm2(zone.faces))
    assert not found.stale  # stored areas were measured on the shaped body


def test_plans_without_a_shape_open_as_before_and_are_written_without_one(tmp_path):
    s = session_with_grids()
    s.add_zone_from_template(load_templates().zone("abdomen"))
    path = s.save(tmp_path / "plain.mesomap.json")
    assert "shape" not in json.loads(path.read_text())["body"]
    opened, found = Session.open(path, inline=True)
    assert opened.plan.body.shape == () and opened.surface is load_painting_surface("female")
    assert not found.stale


def test_a_version_1_plan_opens_on_the_body_as_bundled():
    from pathlib import Path

    opened, _ = Session.open(Path(__file__).resolve().parents[1] / "data" / "plan-v1.mesomap.json", inline=True)
    assert opened.plan.body.shape == () and opened.surface is load_painting_surface(opened.plan.body.body_id)
