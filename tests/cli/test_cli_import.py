"""`mesomap import-points`: a Slicer point list into a plan, refused in one line when it cannot be right."""

from __future__ import annotations

import json

import numpy as np
import pytest

from tests.cli.test_cli import assert_one_line_error

SCHEMA_URL = ("https://raw.githubusercontent.com/slicer/slicer/master/Modules/Loadable/Markups/"
              "Resources/Schema/markups-schema-v1.0.3.json#")


@pytest.fixture
def planned(run_cli, tmp_path):
    """A plan with ST36 (both sides), and library skin positions (RAS mm) of three other points."""
    proc = run_cli("plan", "new", "--point", "ST36", "--out", "plan.mesomap.json")
    assert proc.returncode == 0, proc.stderr
    lib = [json.loads(line) for line in run_cli("points").stdout.splitlines()]
    wanted = {p["id"]: p["position_mm"] for p in lib if p["id"] in ("li4_left", "li4_right", "gv20")}
    assert len(wanted) == 3
    return tmp_path, wanted


def markups_file(path, points, system="LPS", units="mm"):
    """Points {label: RAS mm} written as Slicer writes them (LPS by default)."""
    flip = np.array([-1.0, -1.0, 1.0]) if system == "LPS" else np.ones(3)
    cps = [{"id": str(i + 1), "label": label, "description": f"from Slicer {i + 1}",
            "position": list(np.asarray(pos) * flip * (1000.0 if units == "um" else 1.0)),
            "positionStatus": "defined"} for i, (label, pos) in enumerate(points.items())]
    doc = {"@schema": SCHEMA_URL, "markups": [{"type": "Fiducial", "name": "Acupoints", "coordinateSystem": system,
                                               "coordinateUnits": units, "controlPoints": cps}]}
    path.write_text(json.dumps(doc))
    return path


def test_import_adds_the_points_on_the_skin_and_the_plan_validates(run_cli, planned):
    d, wanted = planned
    markups_file(d / "acu.mrk.json", wanted)
    before = (d / "plan.mesomap.json").read_bytes()
    proc = run_cli("import-points", "plan.mesomap.json", "acu.mrk.json", "--out", "plan2.mesomap.json")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("plan2.mesomap.json: imported 3 reflex points from acu.mrk.json")
    assert proc.stderr == ""
    assert (d / "plan.mesomap.json").read_bytes() == before  # --out leaves PLAN alone
    check = run_cli("validate", "plan2.mesomap.json")
    assert check.returncode == 0, check.stderr
    assert "5 reflex points" in check.stdout
    points = json.loads((d / "plan2.mesomap.json").read_text())["reflex_points"]
    assert [p["code"] for p in points] == ["ST36", "ST36", *wanted]
    new = points[2:]
    assert {p["name"] for p in new} == {"Acupoints"} and new[0]["notes"] == "from Slicer 1"
    for p, pos in zip(new, wanted.values()):
        assert np.abs(np.array(p["position_mm"]) - pos).max() < 0.01  # LPS read back to RAS, on the skin
    assert [p["side"] for p in new] == ["left", "right", "midline"]


def test_import_in_place_and_in_micrometres_ras(run_cli, planned):
    d, wanted = planned
    markups_file(d / "acu.mrk.json", wanted, system="RAS", units="um")
    proc = run_cli("import-points", "plan.mesomap.json", "acu.mrk.json")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("plan.mesomap.json: imported 3 reflex points")
    points = json.loads((d / "plan.mesomap.json").read_text())["reflex_points"]
    assert len(points) == 5
    assert np.abs(np.array(points[-1]["position_mm"]) - wanted["gv20"]).max() < 0.01
    assert sorted(f.name for f in d.iterdir() if f.name.startswith(".")) == []  # no temporary file left


def test_far_points_refuse_the_import_naming_them(run_cli, planned):
    d, wanted = planned
    lifted = dict(wanted)
    lifted["up high"] = list(np.array(wanted["gv20"]) + [0.0, 0.0, 40.0])  # 4 cm above the crown
    markups_file(d / "acu.mrk.json", lifted)
    before = (d / "plan.mesomap.json").read_bytes()
    proc = run_cli("import-points", "plan.mesomap.json", "acu.mrk.json")
    assert proc.returncode == 1
    assert_one_line_error(proc, "acu.mrk.json: 1 point is farther than 10 mm from the skin: up high (",
                          "nothing was imported", "--max-distance-mm")
    assert (d / "plan.mesomap.json").read_bytes() == before
    distance = float(proc.stderr.split("up high (")[1].split(" mm")[0])
    assert 30 < distance <= 40
    ok = run_cli("import-points", "plan.mesomap.json", "acu.mrk.json", "--max-distance-mm", "45", "--out", "p3.mesomap.json")
    assert ok.returncode == 0, ok.stderr
    assert f"each was at most {distance:.2f} mm from the skin" in ok.stdout


def test_skipped_points_are_warned_about(run_cli, planned):
    d, wanted = planned
    path = markups_file(d / "acu.mrk.json", wanted)
    doc = json.loads(path.read_text())
    doc["markups"][0]["controlPoints"][1]["positionStatus"] = "undefined"
    path.write_text(json.dumps(doc))
    proc = run_cli("import-points", "plan.mesomap.json", "acu.mrk.json", "--out", "p2.mesomap.json")
    assert proc.returncode == 0, proc.stderr
    assert "imported 2 reflex points" in proc.stdout
    assert proc.stderr.strip() == ("mesomap: warning: acu.mrk.json: skipped li4_right "
                                   "(markups[0].controlPoints[1]) is not placed (undefined)")


@pytest.mark.parametrize("args, code, needles", [
    (("import-points", "plan.mesomap.json"), 2, ("FILE.mrk.json",)),
    (("import-points", "plan.mesomap.json", "acu.mrk.json", "--max-distance-mm", "-1"), 2, ("--max-distance-mm", "-1")),
    (("import-points", "plan.mesomap.json", "acu.mrk.json", "--max-distance-mm", "nan"), 2, ("--max-distance-mm",)),
    (("import-points", "plan.mesomap.json", "acu.mrk.json", "--max-distance-mm", "ten"), 2, ("--max-distance-mm",)),
    (("import-points", "plan.mesomap.json", "acu.mrk.json", "--out", "p.txt"), 2, ("--out", "p.txt")),
    (("import-points", "plan.mesomap.json", "missing.mrk.json"), 1, ("missing.mrk.json: no such file",)),
    (("import-points", "nope.mesomap.json", "acu.mrk.json"), 1, ("nope.mesomap.json: no such file",)),
    (("import-points", "plan.mesomap.json", "broken.mrk.json"), 1,
     ("broken.mrk.json: markups[0].controlPoints[1].position: expected 3 numbers",)),
    (("import-points", "plan.mesomap.json", "plan.mesomap.json"), 1,
     ("plan.mesomap.json: @schema: 'mesomap-plan/2' is not a 3D Slicer markups schema",)),
])
def test_bad_input_is_one_line_with_the_right_exit_code(run_cli, planned, args, code, needles):
    d, wanted = planned
    markups_file(d / "acu.mrk.json", wanted)
    broken = json.loads((d / "acu.mrk.json").read_text())
    broken["markups"][0]["controlPoints"][1]["position"] = [1.0, 2.0]
    (d / "broken.mrk.json").write_text(json.dumps(broken))
    before = (d / "plan.mesomap.json").read_bytes()
    proc = run_cli(*args)
    assert proc.returncode == code, proc.stderr
    assert_one_line_error(proc, *needles)
    assert (d / "plan.mesomap.json").read_bytes() == before
