"""Two views of one session (what a trainer's projector view is): an edit made in the window appears in
the other view at once, drawn in its own frame, and undo takes it away from both."""

from __future__ import annotations

import numpy as np

from mesomap.render.overlays import hex_to_rgb
from mesomap.ui.session_view import SessionView
from tests.ui.conftest import wait_grids, wait_exposed


def _pixels(view) -> np.ndarray:
    view.render_now()
    return np.asarray(view.plotter.screenshot(return_img=True))[..., :3].astype(int)


def _colour_count(pixels: np.ndarray, colour: str) -> int:
    """Pixels of the zone's hue, whatever the shading (the direction of the RGB vector, not its length)."""
    rgb = np.array(hex_to_rgb(colour))
    norm = np.linalg.norm(pixels, axis=2)
    cos = (pixels @ rgb) / np.maximum(norm * np.linalg.norm(rgb), 1e-9)
    return int(((cos > 0.995) & (norm > 60)).sum())


def test_an_edit_in_the_window_appears_in_the_second_view(window, qtbot):
    other = SessionView(window.session)
    qtbot.addWidget(other)
    other.resize(500, 700)
    other.show()
    wait_exposed(qtbot, other)
    other.view.set_view("front")
    assert other.view.mesh is window.session.surface.coarse  # the same body, its own camera

    zone_id = window.editor.add_zone_from_template(window.templates.zone("abdomen"))
    colour = window.doc.plan.zone(zone_id).color
    assert zone_id in other.scene.zones.shown
    assert _colour_count(_pixels(other.view), colour) > 500  # painted on the other view's body

    window.grid_actions.generate()  # the window's Grid action; the other view draws the grid too
    wait_grids(qtbot, window)
    assert zone_id in other.scene.grid.shown

    window.session.select_zone(zone_id)
    assert other.scene.zones.selected == zone_id and other.scene.outline.zone_id == zone_id

    window.undo_action.trigger()  # undo the grid
    window.undo_action.trigger()  # undo the zone
    assert zone_id not in other.scene.zones.shown and zone_id not in other.scene.grid.shown
    assert _colour_count(_pixels(other.view), colour) < 50


def test_an_edit_through_the_session_appears_in_the_window(window, qtbot):
    other = SessionView(window.session)
    qtbot.addWidget(other)
    other.show()
    wait_exposed(qtbot, other)
    point_id = other.session.add_point_from_template(window.templates.point("st36_left"))
    assert point_id in window.scene.points.positions  # the window's own scene drew it
    assert window.point_panel.tree.topLevelItemCount() == 1  # and the window's point list shows it
