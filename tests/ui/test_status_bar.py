"""The status bar speaks to clinicians: the plan's counts and volume, what the tool does, the region
under a click — never triangles, faces or coordinates."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QLabel

from mesomap.session import messages as M
from mesomap.session.session import Mode
from mesomap.ui.i18n import install_translators
from mesomap.ui.main_window import MainWindow
from tests.ui.conftest import click, gridded_window, hover, screen_of, wait_exposed


def status_text(win) -> str:
    """Everything the status bar shows: its message and every label in it."""
    labels = [w.text() for w in win.statusBar().findChildren(QLabel) if w.isVisible()]
    return " | ".join([win.statusBar().currentMessage(), *labels])


def test_after_a_layout_the_status_bar_counts_zones_injections_and_volume(window, qtbot):
    gridded_window(qtbot, window, "abdomen")
    zone = window.doc.plan.zones[0]
    n = len(zone.injections)
    ml = n * zone.params.volume_per_point_ml
    text = status_text(window)
    assert f"1 zone · 0 points · {n:,} injections · {ml:.2f} ml" in text, text
    assert "Female body" in text
    assert "triangle" not in text.lower() and "Face " not in text


def test_the_tool_hint_follows_the_mode_and_names_the_selected_zone(window, qtbot):
    assert "click a zone or point to select it" in window.status.hint.text()  # navigating the bundled body
    window.editor.add_zone_from_template(window.templates.zone("abdomen"))
    name = window.doc.plan.zones[0].name
    window.mode_actions[Mode.PAINT].trigger()
    hint = window.status.hint.text()
    assert hint.startswith("Paint: drag on the skin to add to") and name in hint, hint
    window.mode_actions[Mode.ERASE].trigger()
    assert window.status.hint.text().startswith("Erase:") and name in window.status.hint.text()
    window.mode_actions[Mode.NAVIGATE].trigger()
    assert "click a zone or point to select it" in window.status.hint.text()


def test_a_click_on_a_zone_names_it_not_its_triangle(window, qtbot):
    window.editor.add_zone_from_template(window.templates.zone("abdomen"))
    zone = window.doc.plan.zones[0]
    centres = window.surface.mesh.triangles[zone.faces].mean(axis=1)
    inner = centres[np.argmin(np.linalg.norm(centres - np.median(centres, axis=0), axis=1))]
    window.statusBar().clearMessage()
    click(window.view.plotter, screen_of(window, inner))
    assert window.last_pick is not None
    message = window.statusBar().currentMessage()
    assert message == zone.name, message
    assert "Face" not in status_text(window) and "triangle" not in status_text(window).lower()


def test_resting_the_mouse_on_the_skin_names_the_template_region_there(window, qtbot):
    template = window.templates.zone("abdomen")  # not in the plan: its anatomical name, from the templates
    centres = window.mesh.triangles[template.faces].mean(axis=1)
    inner = centres[np.argmin(np.linalg.norm(centres - np.median(centres, axis=0), axis=1))]
    window.statusBar().clearMessage()
    hover(window.view.plotter, screen_of(window, inner))
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() != "")
    assert window.statusBar().currentMessage() == template.name
    assert "Face" not in window.statusBar().currentMessage()


def test_a_mouse_resting_as_the_view_closes_names_nothing_and_raises_nothing(window, qtbot):
    """The hover timer fired after the 3D view had closed (CI: 'NoneType' object has no attribute 'GetSize' in the
    event loop): the rest is forgotten when the view hides, and a closed view has nothing under the cursor."""
    from mesomap.ui.status import HOVER_REST_MS

    x, y = screen_of(window, window.mesh.triangles[window.templates.zone("abdomen").faces].mean(axis=(0, 1)))
    hover(window.view.plotter, (x, y))
    window.view.plotter.close()  # as closing the window does, before the timer's turn
    qtbot.wait(2 * HOVER_REST_MS)  # pytest-qt fails the test on an exception in the event loop
    assert window.view.pick_at(x, y) is None


def shown_whole(label: QLabel) -> bool:
    """True when every word of ``label`` is on screen: wrapped onto lines that all fit its height, or on one
    line no wider than the label."""
    if label.wordWrap():
        return label.heightForWidth(label.width()) <= label.height()
    return label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()


@pytest.mark.parametrize("lang", ["en", "fr", "ru"])
def test_a_long_message_is_shown_whole_in_every_language(qtbot, qapp, settings, lang):
    """At 1366×768 a session message naming two long zones twice (longer than the bar in French and Russian)
    is not cut at the right: it is on screen whole, left of the plan's counts, and its tooltip holds it too;
    after it the paint hint naming a long zone is whole as well."""
    install_translators(qapp, lang)
    try:
        win = MainWindow(settings=settings)
        qtbot.addWidget(win)
        win.resize(1366, 768)
        win.show()
        wait_exposed(qtbot, win)
        for t in ("abdomen", "outer_thigh_left"):
            win.editor.add_zone_from_template(win.templates.zone(t))
        names = ", ".join(z.name for z in win.doc.plan.zones)
        message = M.CHANGED_WHILE_LAID_OUT(zones=f"{names}, {names}")
        win.session.message.emit(message)
        qtbot.wait(50)
        bar = win.statusBar()
        text = bar.currentMessage()
        assert text == str(message) and len(text) > 150
        shown = [w for w in bar.findChildren(QLabel) if w.isVisible() and w.text() == text]
        assert shown, "the message is painted on one line and cut, not shown by a label"
        label = shown[0]
        assert shown_whole(label) and label.toolTip() == text
        assert label.geometry().right() <= win.status.plan.geometry().left()  # not under the counts
        assert label.geometry().bottom() <= bar.height()

        win.mode_actions[Mode.PAINT].trigger()  # the long zone is selected: the hint names it
        bar.clearMessage()
        qtbot.wait(50)
        assert win.status.hint.isVisible() and win.doc.plan.zones[1].name in win.status.hint.text()
        assert shown_whole(win.status.hint)
    finally:
        install_translators(qapp, "en")
