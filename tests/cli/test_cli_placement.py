"""A plan with an injection moved by hand off its zone: validate says where, and nothing exports it."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_cli import assert_one_line_error


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """good.mesomap.json (knee + forehead, grids laid out), moved.mesomap.json (forehead injection 5 on the knee),
    drifted.mesomap.json (a stored position 1 mm off, a normal and an area wrong)."""
    from mesomap.io.plan_file import save_plan
    from tests.io.test_device_helpers import gridded_plan, surface

    d = tmp_path_factory.mktemp("placement")
    save_plan(gridded_plan(), d / "good.mesomap.json", surface())
    data = json.loads((d / "good.mesomap.json").read_text())
    knee_injection = data["zones"][0]["injections"][0]
    moved = json.loads(json.dumps(data))
    moved["zones"][1]["injections"][4] = dict(knee_injection)  # face, barycentric, position and normal of the knee's
    (d / "moved.mesomap.json").write_text(json.dumps(moved))
    drifted = json.loads(json.dumps(data))
    drifted["zones"][0]["injections"][2]["position_mm"][0] += 1.0
    drifted["zones"][1]["injections"][0]["normal"] = [0, 0, 1]
    drifted["zones"][1]["area_cm2"] += 5
    drifted["reflex_points"][0]["position_mm"] = "here"
    (d / "drifted.mesomap.json").write_text(json.dumps(drifted))
    return d


def _run_in(run_cli, files, *args):
    return run_cli(*[str(files / a) if a.endswith(".mesomap.json") else a for a in args])


def test_validate_names_the_moved_injection_by_zone_order_and_distance(run_cli, files):
    proc = _run_in(run_cli, files, "validate", "moved.mesomap.json")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr + proc.stdout
    lines = proc.stdout.splitlines()
    assert lines[0].endswith("not valid: 1 problem")
    assert "zone 'Forehead', injection 5: lies" in lines[1] and "mm outside the zone" in lines[1]
    distance = float(lines[1].split("lies ")[1].split(" mm")[0])
    assert distance > 500  # knee to forehead


def test_validate_reports_derived_values_that_disagree(run_cli, files):
    proc = _run_in(run_cli, files, "validate", "drifted.mesomap.json")
    assert proc.returncode == 1
    out = proc.stdout
    assert "not valid: 4 problems" in out.splitlines()[0]
    assert "zones[0].injections[2].position_mm" in out and "off by 1 mm" in out
    assert "zones[1].injections[0].normal" in out
    assert "zones[1].area_cm2" in out and "cm²" in out
    assert "reflex_points[0].position_mm is not a value mesomap wrote" in out


def test_validate_accepts_the_good_plan(run_cli, files):
    proc = _run_in(run_cli, files, "validate", "good.mesomap.json")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "valid plan" in proc.stdout


# every format that carries injections (``mesh`` writes only the body's surface)
@pytest.mark.parametrize("fmt, out", [("csv", "x.csv"), ("slicer", "x.mrk.json"), ("json", "x.json"), ("pdf", "x.pdf"),
                                      ("device", "x.device.json"), ("sheet", "x.csv")])
def test_every_export_refuses_the_moved_plan_and_writes_nothing(run_cli, files, tmp_path, fmt, out):
    device = ("--device", "generic") if fmt in ("device", "sheet") else ()
    proc = run_cli("export", str(files / "moved.mesomap.json"), "--format", fmt, *device, "--out", out)
    assert_one_line_error(proc, "injection 5", "outside its zone", "Forehead")
    assert not (tmp_path / out).exists()
