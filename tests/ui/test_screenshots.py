"""Screenshots of what the clinician sees: the main window at laptop and desktop sizes with a face plan
and a body plan (template zones, grids laid out), and the session sheet's pages.

The pictures go to $MESOMAP_SHOTS_DIR when set (to look at them), else to the test's temporary folder;
each is checked for what makes it worth looking at: the body, the zones, the depth legend.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from mesomap.render.colors import srgb_to_lab
from mesomap.render.overlays import LEGEND_TITLE
from mesomap.render.scene import SKIN_RGB
from tests.conftest import read_png
from tests.ui.conftest import gridded_window, open_window

PLANS = {
    "face": ("face", ["forehead", "cheek_left", "cheek_right", "perioral"]),
    "body": ("front", ["abdomen", "flank_left", "flank_right", "knee_left", "decollete"]),
}
SIZES = [(1366, 768), (1920, 1080)]


def shots_dir(tmp_path: Path) -> Path:
    out = Path(os.environ.get("MESOMAP_SHOTS_DIR") or tmp_path / "shots")
    out.mkdir(parents=True, exist_ok=True)
    return out


def window_picture(win) -> np.ndarray:
    """(h, w, 3) uint8: the whole window as on screen, the 3D view pasted from its own render."""
    from PIL import Image

    img = win.grab().toImage().convertToFormat(win.grab().toImage().Format.Format_RGB888)
    ratio = win.devicePixelRatioF()
    w, h = img.width(), img.height()
    frame = np.frombuffer(img.constBits(), dtype=np.uint8, count=img.sizeInBytes()).reshape(h, img.bytesPerLine())
    frame = frame[:, :w * 3].reshape(h, w, 3).copy()
    view = np.asarray(win.view.plotter.screenshot(return_img=True))[..., :3]
    origin = win.view.plotter.mapTo(win, win.view.plotter.rect().topLeft())
    x, y = int(origin.x() * ratio), int(origin.y() * ratio)
    vh, vw = min(view.shape[0], h - y), min(view.shape[1], w - x)
    frame[y:y + vh, x:x + vw] = view[:vh, :vw]
    Image.fromarray(frame)  # a valid picture
    return frame


def skin_fraction(pixels: np.ndarray) -> float:
    """Share of pixels within a lit range of the skin's colour (the body is in view)."""
    lab = srgb_to_lab(pixels.reshape(-1, 3) / 255.0)
    skin = srgb_to_lab(SKIN_RGB)[0]
    return float((np.linalg.norm(lab[:, 1:] - skin[1:], axis=1) < 10).mean())


def planned_window(qtbot, settings, kind: str, size: tuple[int, int]):
    """A window of ``size`` (px) with the ``kind`` plan of PLANS laid out, seen from its view, rendered."""
    view, zones = PLANS[kind]
    win = open_window(qtbot, settings)
    win.resize(*size)
    qtbot.waitUntil(lambda: (win.width(), win.height()) == size, timeout=5000)
    gridded_window(qtbot, win, *zones)
    win.view.set_view(view)
    QApplication.processEvents()
    win.view.render_now()
    return win


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("kind", list(PLANS))
def test_window_screenshots(qtbot, settings, tmp_path, kind, size):
    from PIL import Image

    win = planned_window(qtbot, settings, kind, size)
    picture = window_picture(win)
    path = shots_dir(tmp_path) / f"window-{kind}-{size[0]}x{size[1]}.png"
    Image.fromarray(picture).save(path)

    assert picture.shape[:2] == (size[1], size[0])
    scene = np.asarray(win.view.plotter.screenshot(return_img=True))[..., :3]
    assert skin_fraction(scene) > (0.08 if kind == "face" else 0.03), path  # the body is there, framed
    assert LEGEND_TITLE in win.view.plotter.scalar_bars  # the depth legend is shown...
    bar = win.view.plotter.scalar_bars[LEGEND_TITLE]
    h, w = scene.shape[:2]
    x0, y0 = bar.GetPosition()
    column = scene[:, int((x0 + 0.25 * bar.GetWidth()) * w)]
    light = srgb_to_lab(column[int(h * (1 - y0 - 0.1 * bar.GetHeight()))] / 255.0)[0, 0]
    dark = srgb_to_lab(column[int(h * (1 - y0 - 0.9 * bar.GetHeight()))] / 255.0)[0, 0]
    assert light - dark > 30, path  # ...and drawn: shallow light at the bottom, deep dark on top
    panel = picture[:, : int(0.15 * size[0])]  # the docks beside the view are drawn, not black
    assert panel.std() > 5, path
    if kind == "face":  # the eyes have pupils, not blank skin-coloured sockets
        from mesomap.io.assets import bundled_eyes

        ratio = win.view.plotter.devicePixelRatioF()
        for eye in bundled_eyes("female").values():
            x, y, _ = win.view.to_widget(np.array(eye["centre_mm"]) + [0.0, eye["radius_mm"], 0.0])
            pupil = scene[int(round(y * ratio)) - 1: int(round(y * ratio)) + 2, int(round(x * ratio)) - 1: int(round(x * ratio)) + 2]
            assert srgb_to_lab(pupil.reshape(-1, 3) / 255.0)[:, 0].max() < 30, path


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (installed by dev.sh) is missing")
@pytest.mark.parametrize("kind", list(PLANS))
def test_sheet_page_screenshots(tmp_path, kind):
    from mesomap.io.meshes import load_painting_surface
    from mesomap.io.plan_builder import new_plan
    from mesomap.io.templates import load_templates
    from mesomap.model.grid import grid_plan
    from mesomap.render.sheet import export_session_pdf

    surface = load_painting_surface("female")
    plan = grid_plan(new_plan(surface, load_templates(), PLANS[kind][1], ["LI4"] if kind == "body" else []), surface)
    out = shots_dir(tmp_path)
    pdf = export_session_pdf(plan, surface, tmp_path / f"sheet-{kind}.pdf")
    subprocess.run(["pdftoppm", "-r", "100", "-png", str(pdf), str(out / f"sheet-{kind}-page")], check=True)
    pages = sorted(out.glob(f"sheet-{kind}-page-*.png"))
    assert len(pages) >= 2
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Injection order" in text  # each zone up close with its order numbers
    first = read_png(pages[0]).astype(int)
    assert skin_fraction(first) > 0.02  # the body views are on the first page
    coloured = sum(((p.max(axis=2) - p.min(axis=2)) > 60).sum() for p in map(lambda f: read_png(f).astype(int), pages))
    assert coloured > 0.01 * first.shape[0] * first.shape[1]  # the zones, whole and close up
