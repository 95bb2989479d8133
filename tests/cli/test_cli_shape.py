"""``mesomap plan shape``: the patient's height and weight shape the plan's body; zones keep their
faces, grids are laid out again and the before → after areas and counts are printed."""

from __future__ import annotations

import json

from tests.cli.test_cli import assert_one_line_error


def test_plan_shape_by_height_and_weight_records_the_shape_and_re_lays_the_grid(run_cli, tmp_path):
    assert run_cli("plan", "new", "--zone", "abdomen", "--spacing-mm", "20", "--out", "p.mesomap.json").returncode == 0
    assert run_cli("grid", "p.mesomap.json").returncode == 0
    before = json.loads((tmp_path / "p.mesomap.json").read_text())

    proc = run_cli("plan", "shape", "p.mesomap.json", "--height-mm", "1700", "--weight-kg", "64", "--out", "q.mesomap.json")
    assert proc.returncode == 0, proc.stderr
    after = json.loads((tmp_path / "q.mesomap.json").read_text())
    assert set(after["body"]["shape"]) == {"height", "weight"}
    assert after["zones"][0]["faces"] == before["zones"][0]["faces"]
    n_before, n_after = len(before["zones"][0]["injections"]), len(after["zones"][0]["injections"])
    assert n_after > n_before
    assert after["zones"][0]["area_cm2"] > before["zones"][0]["area_cm2"]
    assert "height 1590 → 1700 mm" in proc.stdout
    line = next(ln for ln in proc.stdout.splitlines() if ln.startswith("Abdomen"))
    assert f"{before['zones'][0]['area_cm2']:.1f} → {after['zones'][0]['area_cm2']:.1f}" in line
    assert f"{n_before} → {n_after}" in line
    assert run_cli("validate", "q.mesomap.json").returncode == 0

    slim = run_cli("plan", "shape", "q.mesomap.json", "--set", "weight=-1", "--out", "r.mesomap.json")
    assert slim.returncode == 0, slim.stderr
    assert json.loads((tmp_path / "r.mesomap.json").read_text())["body"]["shape"]["weight"] == -1


def test_plan_shape_refuses_what_the_sliders_cannot_reach(run_cli, tmp_path):
    assert run_cli("plan", "new", "--zone", "abdomen", "--out", "p.mesomap.json").returncode == 0
    proc = run_cli("plan", "shape", "p.mesomap.json", "--weight-kg", "130", "--out", "q.mesomap.json")
    assert_one_line_error(proc, "130 kg is out of the weight slider's reach")
    proc = run_cli("plan", "shape", "p.mesomap.json", "--set", "girth=1", "--out", "q.mesomap.json")
    assert_one_line_error(proc, "there is no slider girth")
    assert not (tmp_path / "q.mesomap.json").exists()
