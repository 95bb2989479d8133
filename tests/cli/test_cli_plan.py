"""Plans on the command line: validate whatever the bytes, and draw a plan's zones."""

from __future__ import annotations

import json

import numpy as np
import pytest

from mesomap.geometry.brush import brush_faces
from mesomap.io.meshes import load_painting_surface
from mesomap.io.plan_file import body_ref, save_plan
from mesomap.model import edits
from mesomap.model.plan import Plan, ReflexPoint, Zone
from tests.cli.test_cli import assert_one_line_error
from tests.conftest import read_png

ZONE_RGB = (0x00, 0x72, 0xB2)


@pytest.fixture(scope="module")
def plan_file(tmp_path_factory):
    """A plan with a zone painted on the front of the abdomen and one reflex point."""
    surface = load_painting_surface("female")
    down = np.array([0.0, -1.0, 0.0])
    faces = np.concatenate([brush_faces(surface, surface.pick([x, 2000, 1000], down), 40, down) for x in (-40, 0, 40)])
    plan = Plan(body=body_ref(surface))
    plan = edits.add_zone(plan, Zone("abdomen", "Abdomen", "#0072b2", faces=faces))
    hit = surface.pick([0, 2000, 1150], down)
    plan = edits.add_point(plan, ReflexPoint("p1", "CV12", "Zhongwan", hit.face, tuple(hit.barycentric)))
    path = tmp_path_factory.mktemp("plans") / "session.mesomap.json"
    save_plan(plan, path, surface)
    return path


def test_validate_accepts_a_good_plan(run_cli, plan_file):
    proc = run_cli("validate", str(plan_file))
    assert proc.returncode == 0, proc.stderr
    assert "valid plan" in proc.stdout and "1 zones" in proc.stdout and "1 reflex points" in proc.stdout


def _mutations(good: dict):
    def with_(fn):
        data = json.loads(json.dumps(good))
        fn(data)
        return json.dumps(data).encode()

    yield "garbage.mesomap.json", bytes(range(256)) * 4, "not a text file"
    yield "empty.mesomap.json", b"", "not valid json"
    yield "list.mesomap.json", b"[1, 2]", "expected an object"
    yield "nan.mesomap.json", with_(lambda d: d["zones"][0]["params"].update(depth_mm=float("nan"))), "nan"
    yield "deep.mesomap.json", with_(lambda d: d["zones"][0]["params"].update(depth_mm=-2)), "zones[0].params"
    yield "faces.mesomap.json", with_(lambda d: d["zones"][0].update(faces=[[10**9, 5]])), "zones[0].faces"
    yield "schema.mesomap.json", with_(lambda d: d.update({"@schema": "mesomap-plan/9"})), "newer"
    yield "body.mesomap.json", with_(lambda d: d["body"].update(content_sha256="0" * 64)), "different"
    yield "point.mesomap.json", with_(lambda d: d["reflex_points"][0].update(face=-1)), "reflex_points[0].face"


@pytest.mark.parametrize("case", range(9))
def test_validate_refuses_bad_plans_in_one_line(run_cli, plan_file, tmp_path, case):
    name, data, needle = list(_mutations(json.loads(plan_file.read_text())))[case]
    (tmp_path / name).write_bytes(data)
    assert_one_line_error(run_cli("validate", name), name, needle)


def test_render_plan_draws_zone_and_point(run_cli, plan_file, tmp_path):
    proc = run_cli("render", str(plan_file), "--size", "400x500", "--out", "plan.png")
    assert proc.returncode == 0, proc.stderr
    pixels = read_png(tmp_path / "plan.png").astype(int)
    zone = (np.abs(pixels - np.array(ZONE_RGB)).max(axis=2) < 60)
    assert zone.sum() > 200  # the zone shows, in its colour…
    ys, xs = np.nonzero(zone)
    assert abs(xs.mean() - 200) < 20  # …in the middle of the body (the abdomen)…
    assert 150 < ys.mean() < 300  # …between chest and hips
    bare = run_cli("render", "--size", "400x500", "--out", "bare.png")
    assert bare.returncode == 0
    bare_px = read_png(tmp_path / "bare.png").astype(int)
    assert (np.abs(bare_px - np.array(ZONE_RGB)).max(axis=2) < 60).sum() < 20


def test_render_plan_rejects_body_options(run_cli, plan_file):
    assert_one_line_error(run_cli("render", str(plan_file), "--body", "male", "--out", "x.png"), "own body")


def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_zones_lists_templates_with_body_specific_areas(run_cli):
    female = json_lines(run_cli("zones").stdout)
    male = json_lines(run_cli("zones", "--body", "male").stdout)
    assert len(female) >= 30 and [z["id"] for z in female] == [z["id"] for z in male]
    for z in female:
        assert set(z) >= {"id", "name", "side", "area_cm2", "technique", "spacing_mm", "depth_mm"}
        assert z["area_cm2"] > 0 and z["side"] in ("left", "right", "midline", "bilateral")
    by_id = {z["id"]: z for z in female}
    assert by_id["knee_left"]["area_cm2"] == pytest.approx(by_id["knee_right"]["area_cm2"], rel=1e-6)
    male_abdomen = next(z for z in male if z["id"] == "abdomen")["area_cm2"]
    assert male_abdomen != by_id["abdomen"]["area_cm2"]  # same faces, the male's own geometry


def test_points_lists_the_library_on_the_skin(run_cli):
    points = json_lines(run_cli("points").stdout)
    assert len(points) >= 20
    for p in points:
        x = p["position_mm"][0]
        assert (p["side"] == "left") == (x < -1) and (p["side"] == "right") == (x > 1)
    assert {"ST36", "LI4", "GV20"} <= {p["code"] for p in points}


def test_plan_new_from_templates_with_overrides(run_cli, tmp_path):
    proc = run_cli("plan", "new", "--body", "male", "--zone", "abdomen", "--zone", "knee_right",
                   "--point", "ST36", "--spacing-mm", "15", "--technique", "IDS", "--depth-mm", "2",
                   "--patient", "AB", "--out", "new.mesomap.json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads((tmp_path / "new.mesomap.json").read_text())
    assert data["body"]["id"] == "male" and data["header"]["patient_ref"] == "AB"
    assert [z["template"] for z in data["zones"]] == ["abdomen", "knee_right"]
    assert all(z["params"]["spacing_mm"] == 15 and z["params"]["technique"] == "IDS" for z in data["zones"])
    assert sorted(p["side"] for p in data["reflex_points"]) == ["left", "right"]
    zones = {z["id"]: z for z in json_lines(run_cli("zones", "--body", "male").stdout)}
    assert data["zones"][0]["area_cm2"] == pytest.approx(zones["abdomen"]["area_cm2"], rel=0.01)  # border smoothed
    assert run_cli("validate", "new.mesomap.json").returncode == 0


@pytest.mark.parametrize(
    "args, needle",
    [
        (("--zone", "elbow_middle"), "elbow_middle"),
        (("--point", "XX99"), "XX99"),
        (("--zone", "abdomen", "--depth-mm", "25"), "depth"),
        (("--zone", "abdomen", "--spacing-mm", "0.5"), "spacing"),
        ((), "--zone"),
    ],
)
def test_plan_new_refuses_bad_requests_and_writes_nothing(run_cli, tmp_path, args, needle):
    assert_one_line_error(run_cli("plan", "new", *args, "--out", "bad.mesomap.json"), needle)
    assert not (tmp_path / "bad.mesomap.json").exists()
