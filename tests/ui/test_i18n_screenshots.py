"""Screenshots in French and Russian at 1366×768: the main window with a body plan and presentation mode's
audience window, as a clinician or a room sees them ($MESOMAP_SHOTS_DIR when set, else the test's folder).

Each is checked for what would spoil it: the window not in the language, a visible label, button or column
narrower than its words, or a character the window's font cannot draw (the ■ box).
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QLabel, QToolBar, QToolButton

from mesomap.ui.i18n import install_translators
from tests.ui.test_present_screenshots import PLANS as PRESENT_PLANS
from tests.ui.test_present_screenshots import presenting
from tests.ui.test_screenshots import planned_window, shots_dir, skin_fraction, window_picture

SIZE = (1366, 768)
FILE_MENU = {"fr": "&Fichier", "ru": "&Файл"}


@pytest.fixture(params=["fr", "ru"])
def lang(request, qapp):
    install_translators(qapp, request.param)
    yield request.param
    install_translators(qapp, "en")


def undrawable(win) -> list[str]:
    """Visible texts with a character no font of the system draws (Qt would show a box)."""
    out = []
    for widget in win.findChildren(QLabel) + win.findChildren(QAbstractButton):
        text = widget.text()
        if not widget.isVisible() or not text:
            continue
        metrics = QFontMetrics(widget.font())
        missing = [ch for ch in text if not ch.isspace() and not metrics.inFontUcs4(ord(ch))
                   and not any(QFontMetrics(QFontDatabase.font(f, "", 10)).inFontUcs4(ord(ch))
                               for f in QFontDatabase.families())]
        if missing:
            out.append(f"{text!r}: {missing}")
    return out


def test_main_window_with_a_body_plan(qtbot, settings, tmp_path, lang):
    from PIL import Image

    win = planned_window(qtbot, settings, "body", SIZE)
    picture = window_picture(win)
    path = shots_dir(tmp_path) / f"window-body-{SIZE[0]}x{SIZE[1]}-{lang}.png"
    Image.fromarray(picture).save(path)

    assert win.menuBar().actions()[0].text() == FILE_MENU[lang], path
    assert win.width() == SIZE[0], (path, win.width())  # laying out did not widen the window past the screen
    assert skin_fraction(np.asarray(win.view.plotter.screenshot(return_img=True))[..., :3]) > 0.03, path
    assert not undrawable(win), path
    narrow = [f"{w.text()!r} {w.width()} < {w.sizeHint().width()} px"
              for w in win.findChildren(QLabel) + win.findChildren(QAbstractButton)
              if w.isVisible() and w.text() and not getattr(w, "wordWrap", lambda: False)()
              and w.width() + 1 < w.sizeHint().width()]
    assert not narrow, (path, narrow)
    assert not hidden_tools(win), path


def hidden_tools(win) -> list[str]:
    """Toolbars too long for the window: Qt hides their last tools behind a » button."""
    return [bar.windowTitle() for bar in win.findChildren(QToolBar)
            if bar.isVisible() and (ext := bar.findChild(QToolButton, "qt_toolbar_ext_button")) and ext.isVisible()]


def test_presentation_mode(qtbot, settings, tmp_path, lang):
    from PIL import Image

    win, audience = presenting(qtbot, settings, "body", SIZE)
    audience.view.render_now()
    picture = np.asarray(audience.view.plotter.screenshot(return_img=True))[..., :3]
    path = shots_dir(tmp_path) / f"present-audience-body-{SIZE[0]}x{SIZE[1]}-{lang}.png"
    Image.fromarray(picture).save(path)
    presenter = window_picture(win)
    Image.fromarray(presenter).save(path.with_name(f"present-presenter-body-{lang}.png"))

    assert audience.windowTitle() != "mesomap — audience", path  # the window speaks the language
    assert skin_fraction(picture) > 0.03, path
    assert len(audience.layer.labels.shown) >= len(PRESENT_PLANS["body"][1]) - 1, path  # the labels are drawn
    assert not undrawable(win), path
    win.present.stop()
