"""Screenshots of what a trainer sees at 1920×1080: a lesson step (the Lesson dock, the technique depth view beside
the 3D view) and a quiz reveal (reference and answer in two colours, the scores). The pictures go to
$MESOMAP_SHOTS_DIR when set (to look at them), else to the test's temporary folder; each is checked for what
makes it worth looking at."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtWidgets import QApplication

from mesomap.model.depth_view import LAYER_COLOURS
from mesomap.model.quiz import REVEAL_COLOURS
from mesomap.render.colors import srgb_to_lab
from tests.ui.conftest import open_window
from tests.ui.test_screenshots import shots_dir, skin_fraction, window_picture

SIZE = (1920, 1080)
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "lessons"


def big_window(qtbot, settings):
    win = open_window(qtbot, settings, body_id="female")
    win.resize(*SIZE)
    qtbot.waitUntil(lambda: (win.width(), win.height()) == SIZE, timeout=5000)
    return win


def share_near(pixels: np.ndarray, colour: str, tol: int = 12) -> float:
    """Share of ``pixels`` (…, 3) uint8 within ``tol`` of "#rrggbb" in every channel."""
    rgb = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])
    return float((np.abs(pixels.reshape(-1, 3).astype(int) - rgb).max(axis=1) <= tol).mean())


def grab(widget) -> np.ndarray:
    image = widget.grab().toImage()
    img = image.convertToFormat(image.Format.Format_RGB888)
    w, h = img.width(), img.height()
    raw = np.frombuffer(img.constBits(), dtype=np.uint8, count=img.sizeInBytes()).reshape(h, img.bytesPerLine())
    return raw[:, :w * 3].reshape(h, w, 3).copy()  # img's memory goes with it


def save(picture: np.ndarray, tmp_path, name: str) -> Path:
    from PIL import Image

    path = shots_dir(tmp_path) / name
    Image.fromarray(picture).save(path)
    return path


def test_lesson_step_screenshot(qtbot, settings, tmp_path):
    win = big_window(qtbot, settings)
    assert win.lesson_panel.open(EXAMPLES / "face.mesomap-lesson.json")
    win.lesson_panel.next()  # step 2: the forehead highlighted (selected)
    win.depth_view_action.setChecked(True)
    win.depth_panel.raise_()
    qtbot.wait(400)  # the docks settle (tabs move animated)
    win.view.render_now()
    path = save(window_picture(win), tmp_path, "lesson-step-1920x1080.png")

    assert win.lesson_panel.isVisible() and win.lesson_panel.steps.currentRow() == 1
    scene = np.asarray(win.view.plotter.screenshot(return_img=True))[..., :3]
    assert skin_fraction(scene) > 0.05, path  # the face, framed by the step's camera
    canvas = grab(win.depth_panel.canvas)
    for layer in ("dermis", "hypodermis"):  # the cross-section is drawn, its layers in their colours
        assert share_near(canvas, LAYER_COLOURS[layer]) > 0.02, (layer, path)


def test_quiz_reveal_screenshot(qtbot, settings, tmp_path):
    win = big_window(qtbot, settings)
    s = win.session
    forehead, cheek = (s.add_zone_from_template(win.templates.zone(t)) for t in ("forehead", "cheek_left"))
    ref = {z.id: z for z in win.doc.plan.zones}
    assert win.quiz_panel.start([forehead, cheek], [])
    shifted = s.surface.mirrored(ref[cheek].faces)  # the right cheek painted for the left one
    s.apply_faces(forehead, ref[forehead].faces[: len(ref[forehead].faces) // 2])  # half the forehead
    s.apply_faces(cheek, shifted)
    assert win.quiz_panel.reveal() is not None
    win.quiz_panel.raise_()
    qtbot.wait(400)
    win.view.render_now()
    path = save(window_picture(win), tmp_path, "quiz-reveal-1920x1080.png")

    scene = np.asarray(win.view.plotter.screenshot(return_img=True))[..., :3]
    assert skin_fraction(scene) > 0.03, path
    lab = srgb_to_lab(scene.reshape(-1, 3) / 255.0)
    for part in ("reference", "answer", "both"):  # the three parts in their colours (hue, whatever the light)
        want = srgb_to_lab(np.array([int(REVEAL_COLOURS[part][i:i + 2], 16) for i in (1, 3, 5)]) / 255.0)[0]
        share = float((np.linalg.norm(lab[:, 1:] - want[1:], axis=1) < 30).mean())
        assert share > 0.003, (part, share, path)
    assert win.quiz_panel.table.isVisible() and win.quiz_panel.table.rowCount() == 2
