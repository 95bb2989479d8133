"""Slicer markups round trip: a plan's reflex points exported, then imported (`import-points`) keep code,
name, side, depth and volume; importing the same file again updates in place, never duplicates."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest

from mesomap.io.export_interop import write_slicer
from mesomap.io.import_markups import load_markups
from mesomap.io.meshes import load_painting_surface
from mesomap.io.plan_builder import new_plan
from mesomap.io.plan_file import load_plan, save_plan
from mesomap.io.templates import load_templates
from mesomap.model.grid import grid_plan
from mesomap.model.import_points import DEPTH_CHANGED, import_points


@pytest.fixture(scope="module")
def surface():
    return load_painting_surface("female")


@pytest.fixture(scope="module")
def plan(surface):
    """A gridded forehead and four reflex points, each with its own name, depth, volume and notes."""
    plan = grid_plan(new_plan(surface, load_templates(), ["forehead"], ["ST36", "LI4"], spacing_mm=15.0), surface)
    points = tuple(replace(p, name=f"Точка {i}; α", depth_mm=2.5 + i, volume_ml=0.05 * (i + 1), notes=f"note {i}")
                   for i, p in enumerate(plan.points))
    return replace(plan, points=points)


def kept(points):
    return [(p.code, p.name, p.side, p.depth_mm, p.volume_ml, p.notes) for p in points]


def test_export_then_import_keeps_code_name_side_depth_volume(plan, surface, tmp_path):
    out = write_slicer(plan, surface, tmp_path / "plan.mrk.json")
    empty = replace(plan, zones=(), points=())
    imported, result = import_points(empty, surface, load_markups(out).points)
    assert kept(imported.points) == kept(plan.points)
    for a, b in zip(imported.points, plan.points):
        pa, _ = surface.point_on_face(a.face, a.barycentric)
        pb, _ = surface.point_on_face(b.face, b.barycentric)
        assert np.linalg.norm(pa - pb) < 1e-3
    assert not imported.zones  # the forehead's grid is not turned into reflex points


def test_reimporting_the_same_file_changes_nothing_and_adds_nothing(plan, surface, tmp_path):
    out = write_slicer(plan, surface, tmp_path / "plan.mrk.json")
    again, result = import_points(plan, surface, load_markups(out).points)
    assert again.points == plan.points
    assert result.points == () and result.updated == () and len(result.unchanged) == 4


def test_a_point_moved_and_redosed_in_slicer_is_updated_in_place(plan, surface, tmp_path):
    out = write_slicer(plan, surface, tmp_path / "plan.mrk.json")
    doc = json.loads(out.read_text())
    cp = doc["markups"][-1]["controlPoints"][1]  # ST36 right
    target = plan.points[1]
    pos, normal = surface.point_on_face(target.face, target.barycentric)
    tangent = np.cross(normal, [0.0, 0.0, 1.0])
    cp["position"] = list(pos + 4.0 * tangent / np.linalg.norm(tangent))
    cp["description"] = cp["description"].replace(f"depth {target.depth_mm:g} mm", "depth 6 mm")
    out.write_text(json.dumps(doc))
    again, result = import_points(plan, surface, load_markups(out).points)
    assert [p.id for p in again.points] == [p.id for p in plan.points]  # same points, no duplicate
    assert len(result.updated) == 1 and len(result.unchanged) == 3 and result.points == ()
    update = result.updated[0]
    assert update.before == target and update.after.id == target.id and update.after.depth_mm == 6.0
    assert str(update.changes[0]).startswith("moved 4.")
    assert update.changes[1] == DEPTH_CHANGED(before_mm=target.depth_mm, after_mm=6.0)
    assert str(update.changes[1]) == f"depth {target.depth_mm:g} → 6 mm"
    assert update.describe().startswith(f"{target.code} {target.side}: moved 4.")


def test_cli_import_twice_reports_and_does_not_duplicate(plan, surface, tmp_path, run_cli):
    save_plan(replace(plan, points=plan.points[:2]), tmp_path / "p.mesomap.json", surface)
    write_slicer(plan, surface, tmp_path / "all.mrk.json")
    first = run_cli("import-points", "p.mesomap.json", "all.mrk.json")
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("p.mesomap.json: imported 2 reflex points from all.mrk.json, 2 unchanged")
    assert "zone's injection grid" in first.stderr  # the forehead list is skipped, said on stderr
    second = run_cli("import-points", "p.mesomap.json", "all.mrk.json")
    assert second.returncode == 0, second.stderr
    assert second.stdout.startswith("p.mesomap.json: imported 0 reflex points from all.mrk.json, 4 unchanged")
    assert kept(load_plan(tmp_path / "p.mesomap.json").points) == kept(plan.points)


def test_a_depth_no_reflex_point_may_have_refuses_the_import_naming_the_point(plan, surface, tmp_path, run_cli):
    save_plan(plan, tmp_path / "p.mesomap.json", surface)
    out = write_slicer(plan, surface, tmp_path / "all.mrk.json")
    doc = json.loads(out.read_text())
    cp = doc["markups"][-1]["controlPoints"][0]
    cp["description"] = cp["description"].replace(f"depth {plan.points[0].depth_mm:g} mm", "depth 50 mm")
    out.write_text(json.dumps(doc))
    before = (tmp_path / "p.mesomap.json").read_bytes()
    proc = run_cli("import-points", "p.mesomap.json", "all.mrk.json")
    assert proc.returncode == 1
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith(f"mesomap: error: all.mrk.json: {plan.points[0].code} (markups[1].controlPoints[0]): depth")
    assert "50" in line and "nothing was imported" in line and "Traceback" not in proc.stderr
    assert (tmp_path / "p.mesomap.json").read_bytes() == before
