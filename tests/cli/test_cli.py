"""The command line as a script or a trainer uses it: exit codes, one-line errors, real PNGs."""

from __future__ import annotations

import json

import numpy as np
import pytest

from mesomap import __version__
from tests.conftest import foreground_mask, read_png


def assert_one_line_error(proc, *needles: str) -> None:
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, proc.stderr
    for needle in needles:
        assert needle.lower() in lines[0].lower(), lines[0]


def test_version(run_cli):
    proc = run_cli("--version")
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"mesomap {__version__}"


@pytest.mark.parametrize("body, height_range", [("female", (1500, 1700)), ("male", (1650, 1900))])
def test_info_reports_the_body(run_cli, body, height_range):
    proc = run_cli("info", "--body", body, "--json")
    assert proc.returncode == 0, proc.stderr
    facts = json.loads(proc.stdout)
    assert facts["vertices"] == 13380 and facts["triangles"] == 26756
    assert height_range[0] <= facts["height_mm"] <= height_range[1]
    assert 1.3 <= facts["area_m2"] <= 2.1
    assert facts["watertight"] is True


def test_info_text_and_user_mesh(run_cli, tmp_path):
    import trimesh

    box = trimesh.creation.box(extents=(0.4, 0.3, 1.7))  # metres, z tallest
    box.export(tmp_path / "box.stl")
    proc = run_cli("info", "--mesh", "box.stl")
    assert proc.returncode == 0, proc.stderr
    lines = dict(line.split(None, 1) for line in proc.stdout.splitlines() if line.strip())
    assert lines["triangles"].strip() == "12"
    assert float(lines["height"].split()[-1]) == pytest.approx(1700.0)
    assert lines["watertight"].strip() == "yes"


@pytest.mark.parametrize(
    "args, needles",
    [
        (("info", "--mesh", "missing.obj"), ("missing.obj", "no such file")),
        (("info", "--mesh", "garbage.stl"), ("garbage.stl",)),
        (("info", "--mesh", "notes.txt"), ("notes.txt", "unsupported")),
        (("info", "--body", "child"), ("child",)),
        (("render", "--size", "wide", "--out", "x.png"), ("size",)),
        (("render", "--view", "top", "--out", "x.png"), ("top",)),
        (("render", "--out", "x.jpg"), (".png",)),
        (("render",), ("--out",)),
        (("info", "--units", "m"), ("--mesh",)),
        (("fly",), ("fly",)),
    ],
)
def test_bad_input_gives_one_clear_line(run_cli, tmp_path, args, needles):
    (tmp_path / "garbage.stl").write_bytes(b"\x00\xffnot a mesh at all" * 3)
    (tmp_path / "notes.txt").write_text("hello")
    assert_one_line_error(run_cli(*args), *needles)


@pytest.fixture(scope="module")
def renders(tmp_path_factory):
    """Front, back and face PNGs of the female body, rendered by the CLI without a display."""
    import os
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("renders")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    pics = {}
    for view in ("front", "back", "face"):
        path = out / f"{view}.png"
        proc = subprocess.run(
            [sys.executable, "-m", "mesomap", "render", "--view", view, "--size", "400x500", "--out", str(path)],
            capture_output=True, text=True, env=env, timeout=120,
        )
        assert proc.returncode == 0, proc.stderr
        pics[view] = read_png(path)
    return pics


def test_render_shows_the_body(renders):
    front = renders["front"]
    assert front.shape == (500, 400, 3)
    mask = foreground_mask(front)
    assert 0.05 <= mask.mean() <= 0.60, mask.mean()
    # The body is skin-coloured: reddish, not grey.
    skin = front[mask].astype(int)
    assert np.median(skin[:, 0] - skin[:, 2]) > 30


@pytest.mark.parametrize("view", ["front", "back"])
def test_render_silhouette_is_left_right_symmetric(renders, view):
    mask = foreground_mask(renders[view])
    asymmetric = np.logical_xor(mask, mask[:, ::-1]).sum() / mask.sum()
    assert asymmetric < 0.04, asymmetric


def test_front_differs_from_back(renders):
    front, back = renders["front"].astype(int), renders["back"].astype(int)
    both = foreground_mask(renders["front"]) & foreground_mask(renders["back"])
    assert both.mean() > 0.05  # same silhouette, mirrored…
    assert np.abs(front - back)[both].mean() > 4  # …but different shading: the face and chest vs the back


def test_face_view_is_a_close_up(renders):
    face, front = foreground_mask(renders["face"]), foreground_mask(renders["front"])
    assert face.mean() > 2 * front.mean()


def test_failed_render_keeps_the_previous_png(run_cli, tmp_path):
    old = tmp_path / "plan.png"
    old.write_bytes(b"previous picture")
    (tmp_path / "broken.obj").write_text("v 0 0 0\nv 1 0 0\nv nan 1 0\nf 1 2 3\n")
    proc = run_cli("render", "--mesh", "broken.obj", "--out", "plan.png")
    assert_one_line_error(proc, "broken.obj", "nan")
    assert old.read_bytes() == b"previous picture"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".plan")) == []
