"""Editing zones in the window as a user does: fast strokes paint one band, the side follows where a zone
is painted, Fill inside a painted ring, Mirror a zone to the other side."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, Qt
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from mesomap.geometry.regions import surface_adjacency
from mesomap.model.placement import misplaced_injections
from mesomap.session.session import Mode
from tests.ui.conftest import click, drag, front_skin_point, screen_of, send_mouse, wait_grids

THIGH_Z = 600.0  # mm: mid-thigh on the female body; the right thigh spans x 40…178 there, the left −178…−40


def back_skin_point(win, x_mm, z_mm):
    hit = win.surface.pick(np.array([x_mm, -2000.0, z_mm]), np.array([0.0, 1.0, 0.0]))
    assert hit is not None, (x_mm, z_mm)
    return hit.point_mm


def front_face(win, x_mm, z_mm):
    return win.surface.pick(np.array([x_mm, 2000.0, z_mm]), np.array([0.0, -1.0, 0.0])).face


def components(win, faces):
    """(labels (k,), number) of the painted faces' pieces, faces joined when they share an edge."""
    a = surface_adjacency(win.surface)[faces][:, faces]
    n, labels = connected_components(sparse.csr_matrix(a), directed=False)
    return labels, n


def assert_one_band(win, faces, start_face, end_face):
    """The painted faces are one piece joined by shared edges (a speck left alone would be a gap), from
    the stroke's start to its end."""
    assert start_face in faces and end_face in faces
    labels, n = components(win, faces)
    areas = win.surface.mesh.face_areas[faces]
    main = labels[np.searchsorted(faces, start_face)]
    assert labels[np.searchsorted(faces, end_face)] == main, "the band is broken between start and end"
    assert areas[labels == main].sum() >= 0.99 * areas.sum(), f"{n} pieces: gaps along the stroke"


@pytest.fixture
def paint_window(window):
    window.mode_actions[Mode.PAINT].trigger()
    return window


# -- fast strokes ---------------------------------------------------------------------


def fast_drag(win, points):
    """Press at the first point, ONE mouse move per further point, release at the last (a fast hand)."""
    drag(win.view.plotter, points)


def test_a_fast_stroke_with_a_large_brush_paints_one_band_across_the_thigh(paint_window):
    win = paint_window
    win.editor.set_radius(40)
    zone_id = win.editor.add_zone("Thigh")
    ends = [(-170.0, 590.0), (-50.0, 610.0)]  # the left thigh, across its whole front, in two moves
    fast_drag(win, [screen_of(win, front_skin_point(win, x, z)) for x, z in
                    (ends[0], ((ends[0][0] + ends[1][0]) / 2, 600.0), ends[1])])
    faces = win.doc.plan.zone(zone_id).faces
    assert_one_band(win, faces, front_face(win, *ends[0]), front_face(win, *ends[1]))


def test_a_fast_stroke_across_the_back_paints_one_band(paint_window):
    win = paint_window
    win.view.set_view("back")
    win.editor.set_radius(40)
    zone_id = win.editor.add_zone("Back")
    start, end = back_skin_point(win, -110, 1150), back_skin_point(win, 110, 1150)
    fast_drag(win, [screen_of(win, start), screen_of(win, end)])  # one move, 220 mm on the skin
    faces = win.doc.plan.zone(zone_id).faces
    pick = win.surface.pick
    first = pick(np.array([-110, -2000.0, 1150]), np.array([0.0, 1.0, 0.0])).face
    last = pick(np.array([110, -2000.0, 1150]), np.array([0.0, 1.0, 0.0])).face
    assert_one_band(win, faces, first, last)
    assert win.surface.centroids[faces][:, 0].min() < -110 and win.surface.centroids[faces][:, 0].max() > 110


def test_a_fast_stroke_over_the_thighs_silhouette_stays_one_band(paint_window):
    """Out over the edge of the thigh (the ray misses the body) and back onto it lower down."""
    win = paint_window
    win.editor.set_radius(40)
    zone_id = win.editor.add_zone("Outer thigh")
    start, end = front_skin_point(win, 140, 650), front_skin_point(win, 140, 550)
    off_body = screen_of(win, np.array([260.0, 0.0, 600.0]))
    assert win.surface.pick(*win.view.ray_at(*off_body)) is None, "the middle of the stroke is off the body"
    fast_drag(win, [screen_of(win, start), off_body, screen_of(win, end)])
    faces = win.doc.plan.zone(zone_id).faces
    assert_one_band(win, faces, front_face(win, 140, 650), front_face(win, 140, 550))


# -- side -------------------------------------------------------------------------------


def test_painting_on_the_left_thigh_makes_a_left_zone_in_the_panel(paint_window):
    win = paint_window
    win.editor.set_radius(20)
    fast_drag(win, [screen_of(win, front_skin_point(win, x, THIGH_Z)) for x in (-150, -110, -70)])
    zone = win.doc.plan.zones[0]
    assert zone.side == "left"
    assert win.zone_panel.side.currentText() == "left"
    # painting on across the belly makes it a midline zone
    fast_drag(win, [screen_of(win, front_skin_point(win, x, 1050)) for x in (-90, 0, 90)])
    assert win.zone_panel.side.currentText() == "midline"


# -- fill -------------------------------------------------------------------------------


def ring(win, cx, cz, r, n=24):
    t = np.linspace(0, 2 * np.pi, n + 1)
    return [screen_of(win, front_skin_point(win, cx + r * np.cos(a), cz + r * np.sin(a))) for a in t]


def test_fill_a_painted_ring_then_an_open_curve_is_refused(paint_window, qtbot):
    win = paint_window
    win.editor.set_radius(8)
    zone_id = win.editor.add_zone("Belly")
    points = ring(win, 70, 1050, 45)
    for part in (points[:9], points[8:17], points[16:]):  # a ring in three strokes
        drag(win.view.plotter, part)
    outline = win.doc.plan.zone(zone_id).faces
    qtbot.keyClick(win, Qt.Key.Key_F)
    assert win.editor.mode == Mode.FILL
    centre = front_face(win, 70, 1050)
    assert centre not in outline
    click(win.view.plotter, screen_of(win, front_skin_point(win, 70, 1050)))
    filled = win.doc.plan.zone(zone_id).faces
    assert centre in filled and len(filled) > len(outline) + 200
    assert win.undo_action.text() == "&Undo Fill Belly"
    added = win.surface.centroids[np.setdiff1d(filled, outline)][:, [0, 2]] - [70, 1050]
    assert np.linalg.norm(added, axis=1).max() < 45

    # an open curve elsewhere in a new zone: the click outside it is refused, nothing changes
    other = win.editor.add_zone("Curve")
    win.mode_actions[Mode.PAINT].trigger()
    drag(win.view.plotter, ring(win, -70, 1050, 45)[:14])
    curve = win.doc.plan.zone(other).faces
    win.mode_actions[Mode.FILL].trigger()
    click(win.view.plotter, screen_of(win, front_skin_point(win, -70, 1050)))
    assert np.array_equal(win.doc.plan.zone(other).faces, curve)
    assert "is not closed: close it and fill again" in win.statusBar().currentMessage()


# -- mirror -----------------------------------------------------------------------------


def test_mirror_a_gridded_zone_from_the_zone_menu(window, qtbot):
    win = window
    left = win.editor.add_zone_from_template(win.templates.zone("knee_left"))
    win.editor.set_zone_params(left, "spacing", spacing_mm=15.0)
    assert win.grid_actions.generate()
    wait_grids(qtbot, win)
    source = win.doc.plan.zone(left)
    assert source.injections
    zone_menu = next(a.menu() for a in win.menuBar().actions() if a.text() == "&Zone")
    assert win.mirror_zone_action in zone_menu.actions() and win.mirror_zone_action in win.zone_panel.tree.actions()
    win.mirror_zone_action.trigger()
    plan = win.doc.plan
    assert len(plan.zones) == 2
    other = next(z for z in plan.zones if z.id != left)
    assert other.side == "right" and other.template == "knee_right"
    assert np.array_equal(other.faces, win.surface.mirrored(source.faces))
    assert other.params == source.params and len(other.injections) == len(source.injections)
    assert misplaced_injections(plan, win.surface) == () and not other.grid_stale
    assert win.zone_panel.side.currentText() == "right"  # the new zone is selected
    assert win.undo_action.text().startswith("&Undo Mirror")
    qtbot.keyClick(win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [z.id for z in win.doc.plan.zones] == [left]


def test_mirror_of_a_midline_zone_says_it_has_no_other_side(window):
    win = window
    win.editor.add_zone_from_template(win.templates.zone("abdomen"))
    win.mirror_zone_action.trigger()
    assert len(win.doc.plan.zones) == 1
    assert "has no other side" in win.statusBar().currentMessage()
