"""Help inside the window: F1 opens the user guide, the shortcut sheet lists every shortcut the
window has, and a first start shows the three first steps until they are dismissed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from tests.ui.conftest import open_window


def test_f1_opens_the_user_guide_with_the_daily_flow(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.help.guide is not None and window.help.guide.isVisible())
    guide = window.help.guide
    assert not guide.isModal()
    text = guide.browser.toPlainText()
    for step in ("Open a body or a plan", "Add a zone", "Set technique, depth, spacing", "Lay out the grid",
                 "Check the summary", "Export, print, send", "Save, autosave, recovery"):
        assert step in text, step
    assert text.count("no medical advice") == 1


def test_the_shortcut_sheet_lists_every_shortcut_of_the_window(window, qtbot):
    window.shortcuts_action.trigger()
    rows = window.help.sheet.rows()
    with_keys = [a for a in window.findChildren(QAction) if any(not s.isEmpty() for s in a.shortcuts())]
    assert len(with_keys) >= 25
    for action in with_keys:
        name = action.text().replace("&", "").rstrip("…")
        keys = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()]
        assert any(row_name == name and all(k in row_keys for k in keys) for row_name, row_keys in rows), (name, keys)
    assert ("User guide", "F1") in rows and ("Generate grid", "Ctrl+G") in rows
    assert ("Redo", "Ctrl+Shift+Z, Ctrl+Y") in rows


def test_the_start_hint_shows_on_first_start_until_dismissed(qtbot, settings):
    first = open_window(qtbot, settings)
    hint = first.help.hint
    assert hint is not None and hint.isVisible()
    text = hint.steps.text()
    assert "Pick a zone" in text and "Lay it out" in text and "Export" in text and "Ctrl+G" in text
    assert hint.geometry().right() < first.view.width() // 2  # a corner of the view, not over the body
    qtbot.mouseClick(hint.done_button, Qt.MouseButton.LeftButton)
    assert not hint.isVisible()
    first.close()

    again = open_window(qtbot, settings)
    assert again.help.hint is None or not again.help.hint.isVisible()
    again.start_hint_action.trigger()
    assert again.help.hint.isVisible()
