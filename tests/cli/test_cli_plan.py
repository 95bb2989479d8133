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
