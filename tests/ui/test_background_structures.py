"""Only the body on screen keeps its pick and brush structures (issue 18, memory): the background build
after the first frame makes them for the shown body alone (≈175 MB each), and showing another body drops
the first body's. Picks and brush dabs on a body shown again are the same as before."""

from __future__ import annotations

import numpy as np

from mesomap.geometry.brush import brush_faces
from mesomap.session import prefetch
from mesomap.session.prefetch import built_structures, surface_for


def _show(window, qtbot, body_id: str) -> None:
    """Show ``body_id`` and wait until the window's background build for it has finished."""
    window.body_actions[body_id].trigger()
    window.view.plotter.render()
    qtbot.waitUntil(lambda: prefetch.kept() is window.session.surface, timeout=120_000)
    prefetch.settled()
    assert window.session.surface is surface_for(body_id)


def test_only_the_shown_body_keeps_its_pick_and_brush_tables(window, qtbot):
    female, male = surface_for("female"), surface_for("male")
    origin, direction = window.view.ray_at(window.view.width() // 2, window.view.height() // 2)
    hit = female.pick(origin, direction)
    dab = brush_faces(female, hit, 50.0)

    _show(window, qtbot, "male")
    assert {"bvh", "brush_tables", "vertex_tree"} <= set(built_structures(male))
    assert built_structures(female) == []  # dropped once the male body is shown

    _show(window, qtbot, "female")
    assert {"bvh", "brush_tables", "vertex_tree"} <= set(built_structures(female))
    assert built_structures(male) == []  # the body not on screen holds none
    again = female.pick(origin, direction)  # built again: the same face, point and brush selection
    assert again.face == hit.face and np.array_equal(again.point_mm, hit.point_mm)
    assert np.array_equal(brush_faces(female, again, 50.0), dab)
