"""Shared fixtures for the window tests: isolated settings and data dir, no real dialogs, mouse helpers."""

from __future__ import annotations

import gc

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, QSettings, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from mesomap.ui.main_window import MainWindow
from mesomap.ui.plan_files import PlanFiles


@pytest.fixture(autouse=True)
def delete_closed_windows(qapp):
    """Delete the windows earlier tests closed (pytest-qt only asks Qt to, and without an event loop
    turning they would pile up: thousands of widgets and GBs over the suite)."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    gc.collect()
    yield


@pytest.fixture(autouse=True)
def isolated_data(tmp_path, monkeypatch):
    """Autosaves go to a temporary dir; no test ever opens a blocking question box."""
    monkeypatch.setenv("MESOMAP_DATA_DIR", str(tmp_path / "data"))
    asked: list[str] = []

    def no_question(parent, title, text, *a, **k):
        asked.append(text)
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "question", no_question)
    monkeypatch.setattr(PlanFiles, "ask_restore", lambda self, recovery: False)
    return asked


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def wait_exposed(qtbot, widget, timeout: int = 5000) -> None:
    """Wait until ``widget``'s window is on screen. (``qtbot.waitExposed`` is a context manager: called on its own, as
    these tests did, it waits for nothing.) Raises pytest-qt's TimeoutError after ``timeout`` ms."""
    with qtbot.waitExposed(widget, timeout=timeout):
        pass


def wait_active(qtbot, widget, timeout: int = 5000) -> None:
    """Wait until ``widget``'s window is the active one: keyboard shortcuts reach only the active window, so a key
    sent before that is lost (single-letter shortcuts failed now and then under load)."""
    with qtbot.waitActive(widget, timeout=timeout):
        pass


def open_window(qtbot, settings, **kwargs) -> MainWindow:
    win = MainWindow(settings=settings, **kwargs)
    qtbot.addWidget(win)
    win.resize(1100, 800)
    win.show()
    wait_exposed(qtbot, win)
    win.activateWindow()
    wait_active(qtbot, win)
    win.view.set_view("front")
    return win


@pytest.fixture
def window(qtbot, settings):
    return open_window(qtbot, settings)


@pytest.fixture
def errors(monkeypatch):
    """Messages the window shows in error boxes (the boxes themselves are not opened)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a, **k: shown.append(text))
    return shown


# -- mouse ---------------------------------------------------------------------
def send_mouse(widget, kind: QEvent.Type, pos, button=Qt.MouseButton.LeftButton,
               buttons=Qt.MouseButton.LeftButton, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """Deliver a mouse event with explicit button state (QTest's moves carry no buttons in Qt 6)."""
    p = QPointF(*pos)
    event = QMouseEvent(kind, p, widget.mapToGlobal(p), button, buttons, modifiers)
    QApplication.sendEvent(widget, event)


def drag(widget, points, button=Qt.MouseButton.LeftButton) -> None:
    """Press at points[0], move through the rest with the button held, release at the last."""
    send_mouse(widget, QEvent.Type.MouseButtonPress, points[0], button, button)
    for p in points[1:]:
        send_mouse(widget, QEvent.Type.MouseMove, p, Qt.MouseButton.NoButton, button)
    send_mouse(widget, QEvent.Type.MouseButtonRelease, points[-1], button, Qt.MouseButton.NoButton)


def hover(widget, pos) -> None:
    send_mouse(widget, QEvent.Type.MouseMove, pos, Qt.MouseButton.NoButton, Qt.MouseButton.NoButton)


def click(widget, pos) -> None:
    drag(widget, [pos])


# -- geometry --------------------------------------------------------------------
def front_skin_point(win, x_mm: float, z_mm: float) -> np.ndarray:
    """The skin point seen straight from the front at (x, z)."""
    hit = win.surface.pick(np.array([x_mm, 2000.0, z_mm]), np.array([0.0, -1.0, 0.0]))
    assert hit is not None, (x_mm, z_mm)
    return hit.point_mm


def screen_of(win, point_mm) -> tuple[float, float]:
    x, y, _ = win.view.to_widget(point_mm)
    return x, y


def camera(win):
    cam = win.view.plotter.camera
    return np.array(cam.position), np.array(cam.focal_point)


# -- grids -------------------------------------------------------------------------
GRID_TIMEOUT_MS = 60000  # the first layout also starts the worker process and loads the body there


def wait_grids(qtbot, win, timeout=GRID_TIMEOUT_MS) -> None:
    """Until every layout asked for has been applied (or dropped)."""
    qtbot.waitUntil(lambda: not win.grids.busy, timeout=timeout)


def wait_summary(qtbot, win) -> None:
    """Until the summary dock has caught up with the plan."""
    qtbot.waitUntil(lambda: not win.summary_panel.timer.isActive(), timeout=5000)


def gridded_window(qtbot, win, *zone_ids):
    """``win`` with template zones added and all their grids laid out."""
    for zone_id in zone_ids:
        win.editor.add_zone_from_template(win.templates.zone(zone_id))
    assert win.grid_actions.generate(all_zones=True)
    wait_grids(qtbot, win)
    assert all(z.injections and not z.grid_stale for z in win.doc.plan.zones)
    return win
