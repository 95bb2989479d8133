"""Grids, summaries and CSV from the command line, as a trainer would script them."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest

from tests.cli.test_cli import assert_one_line_error


@pytest.fixture(scope="module")
def planned(tmp_path_factory):
    """A fresh plan (abdomen + left knee + ST36 both sides) and its gridded copy, made by the CLI."""
    import os
    import subprocess
    import sys

    d = tmp_path_factory.mktemp("grid")
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}

    def cli(*args):
        proc = subprocess.run([sys.executable, "-m", "mesomap", *args], capture_output=True, text=True, cwd=d, env=env, timeout=300)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    cli("plan", "new", "--zone", "abdomen", "--zone", "knee_left", "--point", "ST36", "--spacing-mm", "20",
        "--technique", "IDS", "--depth-mm", "2", "--out", "plan.mesomap.json")
    cli("grid", "plan.mesomap.json", "--out", "grid.mesomap.json")
    return d, cli


def test_summary_before_grid_estimates_then_counts(planned):
    d, cli = planned
    before = json.loads(cli("summary", "plan.mesomap.json", "--json"))
    after = json.loads(cli("summary", "grid.mesomap.json", "--json"))
    assert all(z["count_is_estimate"] for z in before["zones"])
    assert not any(z["count_is_estimate"] for z in after["zones"])
    grid = json.loads((d / "grid.mesomap.json").read_text())
    for z_after, z_file, z_before in zip(after["zones"], grid["zones"], before["zones"]):
        assert z_after["count"] == len(z_file["injections"]) > 0
        assert z_before["count"] == pytest.approx(z_after["count"], rel=0.2)  # the live estimate is close
        assert z_after["volume_ml"] == pytest.approx(z_after["count"] * z_file["params"]["volume_per_point_ml"])
    for z in after["zones"]:  # the gun steps from neighbour to neighbour: about one spacing per injection
        assert 0.9 * (z["count"] - 1) * 20 <= z["path_length_mm"] <= 1.5 * (z["count"] - 1) * 20
    assert all(z["path_length_mm"] is None for z in before["zones"])
    totals = after["totals"]
    assert totals["count"] == sum(z["count"] for z in after["zones"]) + 2  # + ST36 left and right
    assert totals["duration_min"] > 10
    assert set(after) == {"zones", "totals", "warnings", "errors", "hints"} and after["hints"] == []


def test_summary_warns_in_plain_words(planned):
    d, cli = planned
    after = json.loads(cli("summary", "grid.mesomap.json", "--json"))
    count = after["totals"]["count"]
    if count > 200:
        assert any("more than the usual 10–200" in w for w in after["warnings"])
    text = cli("summary", "grid.mesomap.json")
    assert "Abdomen" in text and "total" in text and f"{count}" in text


def test_export_csv_one_row_per_injection_in_order(planned):
    d, cli = planned
    cli("export", "grid.mesomap.json", "--format", "csv", "--out", "session.csv")
    with open(d / "session.csv", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["order", "zone", "technique", "x_mm", "y_mm", "z_mm", "nx", "ny", "nz", "depth_mm", "volume_ml"]
    assert [int(r["order"]) for r in rows] == list(range(1, len(rows) + 1))
    summary = json.loads(cli("summary", "grid.mesomap.json", "--json"))
    assert len(rows) == summary["totals"]["count"]
    normals = np.array([[float(r[k]) for k in ("nx", "ny", "nz")] for r in rows])
    assert np.allclose(np.linalg.norm(normals, axis=1), 1.0, atol=1e-3)
    abdomen = np.array([[float(r[k]) for k in ("x_mm", "y_mm", "z_mm")] for r in rows if r["zone"] == "Abdomen"])
    steps = np.linalg.norm(np.diff(abdomen, axis=0), axis=1)
    assert np.median(steps) < 1.5 * 20  # the gun moves to a neighbour, not across the zone
    assert {r["zone"] for r in rows} >= {"Abdomen", "Knee, left", "ST36 left", "ST36 right"}


def test_export_refuses_a_plan_without_grid_and_writes_nothing(planned, run_cli):
    d, _ = planned
    proc = run_cli("export", str(d / "plan.mesomap.json"), "--format", "csv", "--out", "x.csv")
    assert_one_line_error(proc, "no injection grid", "mesomap grid")


def test_render_shows_the_grid(planned):
    from tests.conftest import read_png

    d, cli = planned
    cli("render", "grid.mesomap.json", "--size", "400x500", "--out", "g.png", "--no-labels")
    cli("render", "plan.mesomap.json", "--size", "400x500", "--out", "p.png", "--no-labels")
    g, p = read_png(d / "g.png").astype(int), read_png(d / "p.png").astype(int)
    changed = np.abs(g - p).max(axis=2) > 40
    assert changed.sum() > 100  # the grid's discs (and legend) appear
