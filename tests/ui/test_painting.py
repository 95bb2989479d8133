"""Painting zones with the mouse, like a user: strokes land on the visible skin, one drag is one undo step."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

from mesomap.model import edits
from mesomap.session.session import Mode
from tests.ui.conftest import camera, drag, front_skin_point, hover, screen_of, send_mouse

THIGH_Z = 600.0  # mm: mid-thigh on the female body (crotch ~750, knee ~450)
THIGH_X = (40.0, 178.0)  # the patient's right thigh at that height (x > 0)


def thigh_stroke(win, x0=75.0, x1=145.0, steps=8):
    """Screen points across the front of the right thigh, left to right on the skin."""
    xs = np.linspace(x0, x1, steps)
    return [screen_of(win, front_skin_point(win, x, THIGH_Z)) for x in xs]


def zone_faces(win, zone_id):
    return win.doc.plan.zone(zone_id).faces


def assert_front_of_right_thigh(win, faces, radius):
    surface = win.surface
    normals = surface.mesh.face_normals[faces]
    centroids = surface.centroids[faces]
    assert (normals @ np.array([0.0, -1.0, 0.0]) < 0).all(), "a painted face looks away from the camera"
    assert (centroids[:, 0] > THIGH_X[0] - 5).all() and (centroids[:, 0] < THIGH_X[1] + 5).all(), "off the thigh"
    slack = radius + 15.0  # the brush reaches round the curve of the thigh
    assert (np.abs(centroids[:, 2] - THIGH_Z) < slack).all(), "outside the thigh band"
    assert (centroids[:, 1] > -20).all(), "reached the back of the leg"


@pytest.fixture
def paint_window(window):
    window.mode_actions[Mode.PAINT].trigger()
    window.editor.set_radius(15)
    return window


def test_stroke_paints_only_the_front_of_the_thigh_and_undo_redo_it(paint_window, qtbot):
    win = paint_window
    zone_id = win.editor.add_zone("Thigh")
    drag(win.view.plotter, thigh_stroke(win, 75, 110))
    first = zone_faces(win, zone_id)
    assert len(first) > 50
    drag(win.view.plotter, thigh_stroke(win, 110, 145))
    both = zone_faces(win, zone_id)
    assert len(both) > len(first)
    assert_front_of_right_thigh(win, both, 15)
    assert win.undo_action.text() == "&Undo Paint Thigh" and win.undo_action.isEnabled()

    qtbot.keyClick(win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert np.array_equal(zone_faces(win, zone_id), first), "undo removes exactly the last stroke"
    qtbot.keyClick(win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert np.array_equal(zone_faces(win, zone_id), both)
    qtbot.keyClick(win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(win, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert np.array_equal(zone_faces(win, zone_id), both)
    # the overlay shows the zone's faces
    assert win.scene.zones._meshes[zone_id][0].poly.n_cells == len(both)


def test_a_fast_stroke_has_no_gaps(paint_window):
    """Two mouse samples 70 mm apart on the skin: the dabs between them are filled in."""
    win = paint_window
    win.editor.set_radius(10)
    zone_id = win.editor.add_zone("Band")
    drag(win.view.plotter, thigh_stroke(win, 75, 145, steps=2))
    x = np.sort(win.surface.centroids[zone_faces(win, zone_id)][:, 0])
    assert x.min() < 75 and x.max() > 145
    assert np.diff(x).max() < 5.0, "a gap along the stroke"


def test_mouse_moves_that_arrive_together_are_painted_in_one_update_without_gaps(paint_window):
    """A fast hand while a frame draws: the moves waiting when the window gets to them are painted as one
    update of the zone (not one update and redraw each, which would leave the stroke ever further behind
    the mouse), and the band along their path still has no gap."""
    win = paint_window
    win.editor.set_radius(10)
    zone_id = win.editor.add_zone("Band")
    points = thigh_stroke(win, 75, 145, steps=12)
    updates: list[object] = []
    win.doc.changed.connect(updates.append)
    plotter = win.view.plotter
    send_mouse(plotter, QEvent.Type.MouseButtonPress, points[0])
    painted_by_press = len(updates)
    for x, y in points[1:]:  # queued, as the window system delivers moves that came during a frame
        p = QPointF(x, y)
        QApplication.postEvent(plotter, QMouseEvent(QEvent.Type.MouseMove, p, plotter.mapToGlobal(p),
                                                     Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton,
                                                     Qt.KeyboardModifier.NoModifier))
    for _ in range(3):
        QApplication.processEvents()
    assert len(updates) - painted_by_press == 1, "one update for the moves that came together"
    send_mouse(plotter, QEvent.Type.MouseButtonRelease, points[-1], Qt.MouseButton.LeftButton,
               Qt.MouseButton.NoButton)
    x = np.sort(win.surface.centroids[zone_faces(win, zone_id)][:, 0])
    assert x.min() < 75 and x.max() > 145
    assert np.diff(x).max() < 5.0, "a gap along the stroke"


def test_first_stroke_makes_a_zone_and_one_undo_removes_it(paint_window, qtbot):
    win = paint_window
    assert win.doc.plan.zones == ()
    drag(win.view.plotter, thigh_stroke(win))
    (zone,) = win.doc.plan.zones
    assert win.editor.zone_id == zone.id and len(zone.faces) > 0
    assert win.zone_panel.tree.topLevelItemCount() == 1
    assert f"{win.surface.area_cm2(zone.faces):.1f} cm²" == win.zone_panel.tree.topLevelItem(0).text(1)
    qtbot.keyClick(win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert win.doc.plan.zones == () and win.zone_panel.tree.topLevelItemCount() == 0


def test_mirror_paints_the_other_thigh_into_a_midline_zone(paint_window, qtbot):
    win = paint_window
    qtbot.keyClick(win, Qt.Key.Key_M)
    assert win.editor.mirror and win.mirror_action.isChecked()
    zone_id = win.editor.add_zone("Thighs")
    drag(win.view.plotter, thigh_stroke(win))
    faces = zone_faces(win, zone_id)
    right = faces[win.surface.centroids[faces][:, 0] > 0]
    left = faces[win.surface.centroids[faces][:, 0] < 0]
    assert_front_of_right_thigh(win, right, 15)
    assert np.array_equal(np.sort(win.surface.mirrored(right)), np.sort(left)), "the left thigh gets the mirror"


def test_mirror_of_a_left_zone_goes_to_its_right_partner(paint_window):
    win = paint_window
    win.editor.set_mirror(True)
    zone_id = win.editor.add_zone("Thigh, right")
    win.doc.edit("side", edits.update_zone, zone_id, side="right")
    drag(win.view.plotter, thigh_stroke(win))
    zones = {z.side: z for z in win.doc.plan.zones}  # the side is data: the partner is found by it, not by name
    assert set(zones) == {"right", "left"} and zones["left"].name == "Thigh, right"
    right, left = zones["right"].faces, zones["left"].faces
    assert (win.surface.centroids[right][:, 0] > 0).all() and (win.surface.centroids[left][:, 0] < 0).all()
    assert np.array_equal(win.surface.mirrored(right), left)
    assert win.editor.zone_id == zone_id, "the painted zone stays selected"
    win.undo()
    assert [z.name for z in win.doc.plan.zones] == ["Thigh, right"], "one step: the partner goes too"


def test_erase_removes_what_the_stroke_covers(paint_window, qtbot):
    win = paint_window
    zone_id = win.editor.add_zone("Thigh")
    win.editor.set_radius(30)
    drag(win.view.plotter, thigh_stroke(win))
    painted = zone_faces(win, zone_id)
    qtbot.keyClick(win, Qt.Key.Key_E)
    assert win.editor.mode == Mode.ERASE
    win.editor.set_radius(10)
    drag(win.view.plotter, thigh_stroke(win, 100, 120))
    left = zone_faces(win, zone_id)
    assert 0 < len(left) < len(painted) and np.isin(left, painted).all()
    gone = np.setdiff1d(painted, left)
    assert (np.abs(win.surface.centroids[gone][:, 0] - 110) < 25).all()
    assert win.undo_action.text() == "&Undo Erase Thigh"


def test_clear_zone_is_undoable(paint_window):
    win = paint_window
    zone_id = win.editor.add_zone("Thigh")
    drag(win.view.plotter, thigh_stroke(win))
    painted = zone_faces(win, zone_id)
    win.clear_zone_action.trigger()
    assert len(zone_faces(win, zone_id)) == 0 and zone_id not in win.scene.zones.shown
    win.undo_action.trigger()
    assert np.array_equal(zone_faces(win, zone_id), painted) and zone_id in win.scene.zones.shown


def test_painting_does_not_move_the_camera_but_navigating_does(paint_window, qtbot):
    win = paint_window
    before = camera(win)
    drag(win.view.plotter, thigh_stroke(win))
    after = camera(win)
    assert np.allclose(before[0], after[0]) and np.allclose(before[1], after[1])
    assert len(win.doc.plan.zones) == 1

    qtbot.keyClick(win, Qt.Key.Key_N)
    assert win.editor.mode == Mode.NAVIGATE
    faces = win.doc.plan.zones[0].faces
    w, h = win.view.plotter.width(), win.view.plotter.height()
    drag(win.view.plotter, [(w / 2 + dx, h / 2) for dx in range(0, 200, 20)])
    moved = camera(win)
    assert not np.allclose(moved[0], after[0]), "a navigate drag orbits"
    assert np.array_equal(win.doc.plan.zones[0].faces, faces), "and paints nothing"


def test_right_drag_still_navigates_in_paint_mode(paint_window):
    win = paint_window
    before = camera(win)
    w, h = win.view.plotter.width(), win.view.plotter.height()
    drag(win.view.plotter, [(w / 2, h / 2 + dy) for dy in range(0, 200, 20)], button=Qt.MouseButton.RightButton)
    assert not np.allclose(camera(win)[0], before[0])
    assert win.doc.plan.zones == ()


def wheel(widget, pos, notches, modifiers):
    p = QPointF(*pos)
    event = QWheelEvent(p, widget.mapToGlobal(p), QPoint(), QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
                        modifiers, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_ring_follows_the_cursor_and_ctrl_wheel_sizes_the_brush(paint_window):
    win = paint_window
    target = front_skin_point(win, 110, THIGH_Z)
    hover(win.view.plotter, screen_of(win, target))
    ring = win.view.plotter.actors["brush-ring"].mapper.dataset.points
    centre = ring.mean(axis=0)
    assert np.linalg.norm(centre - target) < 3.0
    assert np.linalg.norm(ring - centre, axis=1).mean() == pytest.approx(15.0, rel=0.05)

    before = camera(win)
    wheel(win.view.plotter, screen_of(win, target), 2, Qt.KeyboardModifier.ControlModifier)
    assert win.editor.radius_mm == pytest.approx(15 * 1.15**2, abs=0.1)
    assert win.radius_spin.value() == round(win.editor.radius_mm)
    assert np.allclose(camera(win)[0], before[0]), "Ctrl+wheel does not zoom"
    ring = win.view.plotter.actors["brush-ring"].mapper.dataset.points
    assert np.linalg.norm(ring - ring.mean(axis=0), axis=1).mean() == pytest.approx(win.editor.radius_mm, rel=0.05)

    wheel(win.view.plotter, screen_of(win, target), 1, Qt.KeyboardModifier.NoModifier)
    assert not np.allclose(camera(win)[0], before[0]), "a plain wheel still zooms"

    send_leave = QEvent(QEvent.Type.Leave)
    QApplication.sendEvent(win.view.plotter, send_leave)
    assert "brush-ring" not in win.view.plotter.actors
    hover(win.view.plotter, (5, 5))  # beside the body: no ring
    assert "brush-ring" not in win.view.plotter.actors


def test_a_press_beside_the_body_makes_no_zone_and_no_step(paint_window):
    win = paint_window
    drag(win.view.plotter, [(5, 5), (15, 8)])
    assert win.doc.plan.zones == () and not win.undo_action.isEnabled()
