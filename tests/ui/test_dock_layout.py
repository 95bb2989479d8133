"""The side panels at 1366×768: every field and button fits, the 3D view keeps most of the width;
View › Panels hides and shows each dock, the layout is remembered, Reset layout restores it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLabel

from mesomap.session import points
from tests.ui.conftest import open_window


def clipped(dock) -> list[str]:
    """The labels, buttons, lists and number fields of ``dock`` narrower than they ask to be, or cut off on the right."""
    out = []
    for kind in (QLabel, QAbstractButton, QComboBox, QAbstractSpinBox):
        for w in dock.findChildren(kind):
            if not w.isVisible():
                continue
            wraps = isinstance(w, QLabel) and w.wordWrap()
            need = w.minimumSizeHint().width() if wraps else w.sizeHint().width()
            right = w.mapTo(dock, QPoint(0, 0)).x() + w.width()
            if need > w.width() or right > dock.width():
                out.append(f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r}: needs {need} px, has {w.width()}")
    return out


def test_at_1366x768_every_panel_field_fits_and_the_view_keeps_most_of_the_width(qtbot, settings):
    win = open_window(qtbot, settings)
    win.resize(1366, 768)
    qtbot.waitUntil(lambda: win.width() == 1366)
    win.editor.add_zone_from_template(win.templates.zone("periorbital_left"))  # a long name
    win.editor.add_zone_from_template(win.templates.zone("abdomen"))  # the zone form shows
    for dock in (win.zone_panel, win.summary_panel):
        assert dock.isVisible() and not clipped(dock), clipped(dock)
    tree = win.zone_panel.tree
    assert tree.columnWidth(0) >= tree.sizeHintForColumn(0), (tree.columnWidth(0), tree.sizeHintForColumn(0))
    assert tree.columnWidth(1) >= tree.sizeHintForColumn(1)  # names and areas in full, not elided
    points.add_point_from_template(win.editor, win.templates.reflex_points[0])  # the point form shows
    win.point_panel.raise_()
    qtbot.waitUntil(win.point_panel.form_box.isVisible)
    assert not clipped(win.point_panel), clipped(win.point_panel)
    assert win.view.width() >= 0.55 * win.width(), (win.view.width(), win.width())


def test_a_hidden_panel_stays_hidden_after_a_restart_and_reset_layout_brings_every_panel_back(qtbot, settings):
    win = open_window(qtbot, settings)
    toggles = {a.text(): a for a in win.docks_menu.actions() if a.isCheckable()}
    assert set(toggles) == {"Zones", "Reflex points", "Summary"}
    toggles["Summary"].trigger()
    assert not win.summary_panel.isVisible()
    win.close()

    again = open_window(qtbot, settings)
    assert not again.summary_panel.isVisible() and again.zone_panel.isVisible()
    again.point_panel.setFloating(True)
    again.reset_layout_action.trigger()
    for dock in (again.zone_panel, again.point_panel, again.summary_panel):
        assert not dock.isFloating() and again.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert again.summary_panel.isVisible() and again.zone_panel.isVisible()
    assert again.tabifiedDockWidgets(again.zone_panel) == [again.point_panel]
    assert again.view.width() >= 0.55 * again.width()


def test_at_1366x768_the_zone_form_is_in_sight_without_scrolling(qtbot, settings):
    """The Zones dock takes most of the right-hand column: a selected zone's name, technique, depth and spacing
    are on screen as the window opens; the Summary and Technique depth tabs below it scroll instead of
    squeezing it."""
    win = open_window(qtbot, settings)
    win.resize(1366, 768)
    qtbot.waitUntil(lambda: win.width() == 1366)
    win.editor.add_zone_from_template(win.templates.zone("abdomen"))
    panel = win.zone_panel
    qtbot.waitUntil(panel.form_box.isVisible)
    assert win.tabifiedDockWidgets(win.summary_panel) == [win.depth_panel]  # the depth view a tab beside it
    assert panel.height() > win.summary_panel.height(), (panel.height(), win.summary_panel.height())
    for field in (panel.name, panel.technique, panel.depth, panel.spacing):
        seen = field.visibleRegion().boundingRect()
        assert seen.height() == field.height(), (field, seen, field.height())
