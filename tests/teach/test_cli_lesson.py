"""``mesomap lesson render`` and ``mesomap lesson export`` on the shipped examples, without a display (issue 14)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np

from tests.cli.test_cli import assert_one_line_error
from tests.conftest import read_png

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "lessons"


def _share(pixels: np.ndarray, colour: str, tolerance: int = 40) -> float:
    """Fraction of pixels within ``tolerance`` of ``colour`` "#rrggbb"."""
    rgb = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])
    return float((np.abs(pixels.astype(int) - rgb).max(axis=2) < tolerance).mean())


def _vivid_blue(p: np.ndarray) -> float:
    """Share of strongly blue pixels (the left cheek's #56b4e9 in its own colour, shaded)."""
    p = p.astype(int)
    return float((p[..., 2] - p[..., 0] > 60).mean())


def _pale_blue(p: np.ndarray) -> float:
    """Share of pale blue pixels (the left cheek faded towards white)."""
    p = p.astype(int)
    return float(((p[..., 2] - p[..., 0] > 15) & (p[..., 2] - p[..., 0] <= 60) & (p[..., 2] > 120)).mean())


def _vivid_orange(p: np.ndarray) -> float:
    """Share of strongly orange pixels (the forehead's #e69f00, shaded)."""
    p = p.astype(int)
    return float(((p[..., 0] - p[..., 2] > 120) & (p[..., 1] - p[..., 2] > 60)).mean())


def test_lesson_render_writes_one_picture_per_step_with_its_camera_and_highlight(run_cli, tmp_path):
    lesson_path = EXAMPLES / "face.mesomap-lesson.json"
    proc = run_cli("lesson", "render", str(lesson_path), "--out", str(tmp_path / "steps"))
    assert proc.returncode == 0, proc.stderr
    files = sorted((tmp_path / "steps").glob("*.png"))
    assert [f.name for f in files] == ["step-01.png", "step-02.png", "step-03.png", "step-04.png"]
    assert read_png(files[0]).shape == (900, 1200, 3)
    # the left 1000 px: the depth colour legend of the injection discs sits at the right edge
    overview, forehead_step, cheeks_step, neck_step = (read_png(f)[:, :1000] for f in files)
    # step 2 frames the forehead close up: it fills far more of the picture than in the overview
    assert _vivid_orange(forehead_step) > 2 * _vivid_orange(overview) > 0
    # step 3 highlights the cheeks: in their own colour; step 4 highlights the neck: the cheeks are shown faded
    assert _vivid_blue(cheeks_step) > 0.03
    assert _vivid_blue(neck_step) < 0.001 < 0.01 < _pale_blue(neck_step)


def test_lesson_export_prints_a_page_per_step_with_the_picture_and_the_depth_view(run_cli, tmp_path):
    out = tmp_path / "handout.pdf"
    proc = run_cli("lesson", "export", str(EXAMPLES / "body.mesomap-lesson.json"), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(out), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page*.png"))
    assert len(pages) == 4
    dermis = [_share(read_png(p), "#f3d9c6", 6) for p in pages]
    assert dermis[0] == 0 and all(d > 0.001 for d in dermis[1:])  # the overview highlights nothing: no depth view
    dark = [float((read_png(p).max(axis=2) < 80).mean()) for p in pages]
    assert all(d > 0.05 for d in dark)  # each page carries its step's picture (the dark background)


def test_a_broken_lesson_is_one_line(run_cli, tmp_path):
    bad = tmp_path / "x.mesomap-lesson.json"
    bad.write_text('{"@schema": "mesomap-lesson/1", "units": {}}', encoding="utf-8")
    proc = run_cli("lesson", "render", str(bad), "--out", str(tmp_path / "o"))
    assert_one_line_error(proc, "x.mesomap-lesson.json")


def test_the_handout_prints_captions_but_not_the_presenters_notes(run_cli, tmp_path):
    from mesomap.io.lesson_file import load_lesson

    lesson = load_lesson(EXAMPLES / "face.mesomap-lesson.json")
    out = tmp_path / "handout.pdf"
    assert run_cli("lesson", "export", str(EXAMPLES / "face.mesomap-lesson.json"), "--out", str(out)).returncode == 0
    text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert lesson.header.title in text
    assert all(" ".join(s.caption.split())[:60] in text for s in lesson.steps)
    assert not any(s.notes[:30] in text for s in lesson.steps)


def test_a_recorded_camera_is_the_views_pose():
    from mesomap.render.camera import CameraPose
    from mesomap.render.lesson_png import camera_pose, lesson_camera

    pose = CameraPose((10.0, 900.0, 1500.0), (0.0, 0.0, 1400.0), (0.0, 0.0, 1.0), 25.0)
    assert camera_pose(lesson_camera(pose)) == pose


def test_a_lesson_on_a_shaped_body_renders_that_body(tmp_path):
    """The lesson's plan records its body shape: `lesson render` draws the shaped body, not the body as bundled."""
    from dataclasses import replace

    from mesomap.cli_lesson import _open
    from mesomap.io.lesson_file import load_lesson, save_lesson

    lesson = load_lesson(Path(__file__).resolve().parents[2] / "examples" / "lessons" / "face.mesomap-lesson.json")
    shape = (("height", 0.5),)
    shaped = replace(lesson, plan=replace(lesson.plan, body=replace(lesson.plan.body, shape=shape)))
    path = save_lesson(shaped, tmp_path / "tall.mesomap-lesson.json")
    _lesson, surface = _open(str(path))
    assert surface.shape == shape and surface.coarse.height_mm > 1800  # the bundled body is 1590 mm
