"""A missing or stale grid is a structured ExportError: the io layer names the zone and the problem,
each front end says how to fix it in its own words (the CLI a command, the window a menu)."""

from __future__ import annotations

import pickle
from dataclasses import replace

import pytest

from mesomap.io.device_program import check_grids
from mesomap.io.exports import MISPLACED, NO_GRID, STALE_GRID, ExportError, check_exportable
from mesomap.model.placement import Misplaced
from tests.io.test_device_helpers import gridded_plan, surface, with_zone_params

UI_HINT_WORDS = ("Ctrl+G", "Generate grid", "Grid ▸")


def no_grid_plan():
    plan = gridded_plan()
    return replace(plan, zones=(replace(plan.zones[0], injections=(), grid_source=""),) + plan.zones[1:])


def stale_plan():
    return with_zone_params(gridded_plan(), 1, spacing_mm=12.0)  # a layout parameter: the grid is out of date


def check_on_body(plan):
    check_exportable(plan, surface())


@pytest.mark.parametrize("check", [check_on_body, check_grids])
@pytest.mark.parametrize("make, kind, zone, words", [
    (no_grid_plan, NO_GRID, "Knee, left", "zone 'Knee, left' has no injection grid yet; lay it out first"),
    (stale_plan, STALE_GRID, "Forehead", "zone 'Forehead' changed since its grid was laid out; lay it out again"),
])
def test_grid_errors_say_which_zone_and_what_without_naming_a_front_end(check, make, kind, zone, words):
    with pytest.raises(ExportError) as info:
        check(make())
    err = info.value
    assert (err.kind, err.zone, str(err), err.needs_grid) == (kind, zone, words, True)
    assert "mesomap grid" not in str(err) and not any(w in str(err) for w in UI_HINT_WORDS)


def test_other_export_errors_need_no_grid():
    err = ExportError("the plan has no injections to export")
    assert (err.kind, err.zone, err.needs_grid) == ("", "", False)
    with pytest.raises(ExportError) as info:
        check_exportable(replace(gridded_plan(), zones=(), points=()), surface())
    assert not info.value.needs_grid


def test_the_kind_survives_the_trip_back_from_the_worker_process():
    err = pickle.loads(pickle.dumps(ExportError.stale_grid("Forehead")))
    assert (type(err), err.kind, err.zone, str(err)) == (ExportError, STALE_GRID, "Forehead", str(ExportError.stale_grid("Forehead")))
    off = ExportError.off_zone((Misplaced("z1", "Forehead", 5, 123, 1105.6),))
    back = pickle.loads(pickle.dumps(off))
    assert (back.kind, back.misplaced, str(back)) == (MISPLACED, off.misplaced, str(off))


@pytest.mark.parametrize("make, args", [
    (no_grid_plan, ("export", "my plan.mesomap.json", "--format", "csv", "--out", "x.csv")),
    (stale_plan, ("export", "my plan.mesomap.json", "--format", "device", "--device", "generic", "--out", "x.device.json")),
])
def test_the_command_line_says_which_command_lays_the_grid_out(run_cli, tmp_path, make, args):
    from mesomap.io.plan_file import save_plan

    save_plan(make(), tmp_path / "my plan.mesomap.json", surface())
    proc = run_cli(*args)
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 1 and len(lines) == 1, proc.stderr
    assert lines[0].startswith("mesomap: error: zone '")
    assert lines[0].endswith("(run `mesomap grid 'my plan.mesomap.json'`)")
    assert not any(w in proc.stderr for w in UI_HINT_WORDS)
    assert not (tmp_path / args[-1]).exists()


def test_the_command_line_adds_no_hint_to_other_errors():
    from mesomap.cli import error_text

    assert error_text(ExportError("the plan has no injections to export")) == "the plan has no injections to export"
    assert error_text(ExportError.no_grid("Knee")).endswith("lay it out first (run `mesomap grid PLAN`)")
