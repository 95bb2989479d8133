"""A grid that would be far too large is refused at once, with its estimated count, before any layout work."""

from __future__ import annotations

import json

import numpy as np
import pytest

from mesomap.io.meshes import load_painting_surface
from mesomap.io.plan_file import body_ref, save_plan
from mesomap.model import edits, grid
from mesomap.model.grid import GridLimit, GridTooLarge, layout_zone
from mesomap.model.plan import Plan, TreatmentParams, Zone
from tests.cli.test_cli import assert_one_line_error


def whole_body_zone(spacing_mm: float) -> Zone:
    surface = load_painting_surface("female")
    return Zone("body", "Whole body", "#0072b2", faces=np.arange(surface.n_faces),
                params=TreatmentParams(spacing_mm=spacing_mm, margin_mm=0.0))


def test_the_whole_body_at_2_mm_is_refused_before_any_solver_is_built():
    surface = load_painting_surface("female")
    zone = whole_body_zone(2.0)
    solvers_before = dict(grid._solvers)
    with pytest.raises(GridTooLarge) as err:
        layout_zone(zone, surface)
    assert 350_000 < err.value.estimate < 500_000  # 1.46 m² at 3.46 mm² per point (2 mm hexagonal)
    assert grid._solvers == solvers_before  # nothing was built: refused on the estimate alone
    text = str(err.value)
    assert "'Whole body'" in text and f"{err.value.estimate:,}" in text and "5,000 per zone" in text


def test_a_device_limit_is_tighter_than_the_zone_limit():
    surface = load_painting_surface("female")
    zone = whole_body_zone(40.0)  # ~1,000 points: fine per zone, too many for a 250-shot program
    limit = GridLimit.for_device("Test gun", 250)
    with pytest.raises(GridTooLarge, match="250 shots one program of Test gun holds"):
        layout_zone(zone, surface, limit=limit)
    assert GridLimit.for_device("Big gun", 10**6) == GridLimit()


@pytest.fixture
def whole_body_plan(tmp_path):
    surface = load_painting_surface("female")
    plan = edits.add_zone(Plan(body=body_ref(surface)), whole_body_zone(2.0))
    path = tmp_path / "body.mesomap.json"
    save_plan(plan, path, surface)
    return path


def test_cli_grid_refuses_in_one_line_and_leaves_the_plan_as_it_was(run_cli, whole_body_plan):
    before = whole_body_plan.read_bytes()
    proc = run_cli("grid", whole_body_plan.name, timeout=90)  # a hang guard, not a speed test
    assert_one_line_error(proc, "whole body", "would get about", "more than the limit of 5,000 per zone")
    assert whole_body_plan.read_bytes() == before


def test_cli_grid_with_a_device_refuses_zones_past_its_program_size(run_cli, tmp_path):
    proc = run_cli("plan", "new", "--zone", "abdomen", "--spacing-mm", "4", "--out", "a.mesomap.json")
    assert proc.returncode == 0, proc.stderr
    proc = run_cli("grid", "a.mesomap.json", "--device", "example-perfusion")
    assert_one_line_error(proc, "abdomen", "250 shots one program of EXAMPLE injector")
    assert not json.loads((tmp_path / "a.mesomap.json").read_text())["zones"][0]["injections"]
