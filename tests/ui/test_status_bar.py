"""The status bar speaks to clinicians: the plan's counts and volume, what the tool does, the region
under a click — never triangles, faces or coordinates."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QLabel

from mesomap.session.session import Mode
from tests.ui.conftest import click, gridded_window, hover, screen_of


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
