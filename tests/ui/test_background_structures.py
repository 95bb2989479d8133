"""Only the body on screen keeps its pick and brush structures (issue 18, memory): the background build
after the first frame makes them for the shown body alone (≈175 MB each), and showing another body drops
the first body's. Picks and brush dabs on a body shown again are the same as before."""

from __future__ import annotations

import numpy as np

from mesomap.geometry.brush import brush_faces
from mesomap.session import prefetch
from mesomap.session.prefetch import built_structures, surface_for


def _first_frame_and_background_done(window, qtbot) -> None:
    window.view.plotter.render()
    qtbot.waitUntil(lambda: "skin_graph" in vars(window.session.surface), timeout=120_000)
    prefetch.settled()


def test_only_the_shown_body_keeps_its_pick_and_brush_tables(window, qtbot):
    _first_frame_and_background_done(window, qtbot)
    female = window.session.surface
    assert window.bodies.shown == "female" and female is surface_for("female")
    assert set(built_structures(female)) >= {"bvh", "skin_graph", "vertex_tree"}
    assert built_structures(surface_for("male")) == []  # the body not on screen holds none

    origin, direction = window.view.ray_at(window.view.width() // 2, window.view.height() // 2)
    hit = female.pick(origin, direction)
    dab = brush_faces(female, hit, 50.0)

    window.body_actions["male"].trigger()
    _first_frame_and_background_done(window, qtbot)
    assert window.session.surface is surface_for("male")
    assert {"bvh", "skin_graph"} <= set(built_structures(surface_for("male")))
    assert built_structures(female) == []  # dropped once the male body is shown

    window.body_actions["female"].trigger()
    _first_frame_and_background_done(window, qtbot)
    assert built_structures(surface_for("male")) == []
    again = female.pick(origin, direction)  # built again: the same face, point and brush selection
    assert again.face == hit.face and np.array_equal(again.point_mm, hit.point_mm)
    assert np.array_equal(brush_faces(female, again, 50.0), dab)
