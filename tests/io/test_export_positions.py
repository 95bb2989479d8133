"""Positions and normals in the CSV/JSON exports, plan files and device programs are each
point's own ``point_on_face``, rounded as the format rounds — exactly, though they are computed
for all points at once (``points_on_faces``), so an export's text does not depend on how."""

from __future__ import annotations

import pytest

from mesomap.io.device_program import program_requests
from mesomap.io.exports import injection_rows
from mesomap.io.meshes import load_painting_surface
from mesomap.io.plan_builder import new_plan
from mesomap.io.plan_file import plan_to_dict
from mesomap.io.templates import load_templates
from mesomap.model.grid import grid_plan


@pytest.fixture(scope="module")
def surface():
    return load_painting_surface("female")


@pytest.fixture(scope="module")
def plan(surface):
    plan = new_plan(surface, load_templates(), ["cheek_left", "knee_right"], ["LI4", "GV20"], spacing_mm=12.0)
    return grid_plan(plan, surface)


def one_by_one(plan, surface):
    """(position, normal) of every injection in treatment order, each placed on its own."""
    items = [q for z in plan.zones for q in z.injections] + list(plan.points)
    return [tuple(tuple(map(float, v)) for v in surface.point_on_face(q.face, q.barycentric)) for q in items]


def test_injection_rows_are_each_points_own_position(plan, surface):
    rows = injection_rows(plan, surface)
    expected = one_by_one(plan, surface)
    assert len(rows) == len(expected) > len(plan.points) == 3
    assert [(r.position_mm, r.normal) for r in rows] == expected
    assert [r.order for r in rows] == list(range(1, len(rows) + 1))
    assert [r.zone for r in rows[-3:]] == ["LI4 left", "LI4 right", "GV20"]


def test_plan_file_positions_are_each_points_own(plan, surface):
    doc = plan_to_dict(plan, surface)
    written = [(e["position_mm"], e["normal"]) for z in doc["zones"] for e in z["injections"]]
    written += [(e["position_mm"], e["normal"]) for e in doc["reflex_points"]]
    assert written == [([round(c, 4) for c in pos], [round(c, 6) for c in n]) for pos, n in one_by_one(plan, surface)]
    assert all("position_mm" not in e for z in plan_to_dict(plan)["zones"] for e in z["injections"])


def test_program_points_are_each_points_own(plan, surface):
    requests, _ = program_requests(plan, surface)
    points = [p for r in requests for p in r.points]
    expected = one_by_one(plan, surface)
    assert [p.order for p in points] == list(range(1, len(expected) + 1))
    assert [(p.position_mm, p.normal) for p in points] == [
        (tuple(round(c, 3) for c in pos), tuple(round(c, 5) for c in n)) for pos, n in expected]
    assert [r.points[0].label for r in requests if r.source == "reflex"] == [r.name for r in requests if r.source == "reflex"]
    assert all(p.label == "" for r in requests if r.source == "zone" for p in r.points)
