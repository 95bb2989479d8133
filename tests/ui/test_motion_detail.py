"""While a drag turns the camera the 3D view draws light stand-ins, and full detail again when the button is
released (issue 18): a scan-sized body is drawn from a decimated copy, order numbers and presentation labels wait
for the camera to stop."""

from __future__ import annotations

import numpy as np
import pyvista as pv

from mesomap.geometry.body_mesh import BodyMesh
from mesomap.ui.body_view import BodyView
from tests.ui.conftest import drag, gridded_window, wait_exposed


def _body_cells(view) -> int:
    return view.plotter.actors["body"].GetMapper().GetInput().GetNumberOfCells()


def test_a_scan_sized_body_moves_light_and_stops_in_full_detail(qtbot):
    from mesomap.io.meshes import load_painting_surface

    skin = load_painting_surface("female").mesh  # 520k triangles: scan-sized
    assert skin.n_faces > 500_000
    view = BodyView()
    qtbot.addWidget(view)
    view.resize(500, 600)
    view.show()
    wait_exposed(qtbot, view)
    view.set_body(BodyMesh(np.asarray(skin.vertices), np.asarray(skin.faces), body_id="scan", name="scan"))
    assert _body_cells(view) == skin.n_faces
    drawn: list[int] = []
    view.frame_rendered.connect(lambda: drawn.append(_body_cells(view)))
    position = np.array(view.plotter.camera.position)
    drag(view.plotter, [(250, 300), (270, 300), (300, 305), (330, 310)])
    assert not np.allclose(view.plotter.camera.position, position), "the drag turned the camera"
    moving, last = drawn[:-1], drawn[-1]
    assert moving and all(n < 0.5 * skin.n_faces for n in moving), (moving, skin.n_faces)  # light while moving
    assert last == skin.n_faces  # full detail once released
    # the light copy is the same body: same extent within a few mm
    light = view._body_actor.light
    assert np.allclose(light.bounds, view._body_actor.polydata.bounds, atol=5.0)
    view.close_view()


def test_order_numbers_wait_for_the_camera_to_stop_and_zones_and_grids_move_light(window, qtbot):
    gridded_window(qtbot, window, "abdomen")
    window.numbers_action.trigger()
    window.view.render_now()
    zone = window.doc.plan.zones[0]
    actors = window.view.plotter.actors
    labels, overlay, discs = actors["grid:numbers-labels"], actors[f"zone:{zone.id}"], actors["grid:discs"]
    full_discs = discs.GetMapper().GetInput().GetNumberOfCells()
    frames: list[tuple[bool, bool, int]] = []
    window.view.frame_rendered.connect(lambda: frames.append((
        bool(labels.GetVisibility()), bool(overlay.GetVisibility()), discs.GetMapper().GetInput().GetNumberOfCells())))
    centre = (window.view.width() / 2, window.view.height() / 2)
    drag(window.view.plotter, [centre, (centre[0] + 20, centre[1]), (centre[0] + 60, centre[1] + 5)])
    moving, still = frames[:-1], frames[-1]
    assert moving and not any(shown for shown, _, _ in moving), frames  # no depth-buffer read per moving frame
    # light stand-ins: the zone is drawn on the skin (no overlay surface), the discs as hexagons
    assert all(not zone_shown and d < 0.2 * full_discs for _, zone_shown, d in moving), (frames, full_discs)
    assert still == (True, True, full_discs), (still, full_discs)  # numbers and full detail back when it stops


def _skin_rgb_at(view, point_mm) -> np.ndarray:
    """The colour the skin's drawn mesh carries at its vertex nearest ``point_mm`` (none: the skin colour)."""
    from mesomap.render import motion
    from mesomap.render.scene import SKIN_RGB

    mesh = pv.wrap(view.plotter.actors["body"].GetMapper().GetInput())
    tint = getattr(motion, "TINT_ARRAY", None)
    if tint not in mesh.point_data:
        return np.array(SKIN_RGB) * 255
    nearest = int(np.argmin(np.linalg.norm(mesh.points - np.asarray(point_mm), axis=1)))
    return mesh.point_data[tint][nearest].astype(float)


def test_while_the_camera_moves_zones_are_colours_of_the_skin_and_overlays_again_at_rest(window, qtbot):
    """A moving frame draws no zone surface over the skin (a second layer of fragments): the skin's own mesh
    carries the zone colours (a hidden zone's not), and the zone surfaces come back, sharp, when the camera
    stops — or stay while it moves close up, where the skin's colours would blur a zone's border."""
    from mesomap.render.colors import hex_to_rgb
    from mesomap.render.scene import SKIN_RGB

    for zone_id in ("abdomen", "outer_thigh_left"):
        window.editor.add_zone_from_template(window.templates.zone(zone_id))
    window.view.render_now()
    abdomen, thigh = window.doc.plan.zones
    surface = window.surface
    middle = {z.id: surface.centroids[z.faces].mean(axis=0) for z in (abdomen, thigh)}
    inside = {z.id: surface.centroids[z.faces][np.argmin(np.linalg.norm(surface.centroids[z.faces] - middle[z.id],
                                                                        axis=1))] for z in (abdomen, thigh)}
    seen: list = []

    def frame():
        actors = window.view.plotter.actors  # a new dict each time: the props now
        overlays = [bool(actors[f"zone:{z.id}"].GetVisibility()) for z in (abdomen, thigh) if f"zone:{z.id}" in actors]
        seen.append((overlays, _skin_rgb_at(window.view, inside[abdomen.id]), _skin_rgb_at(window.view, inside[thigh.id])))

    window.view.frame_rendered.connect(frame)
    centre = (window.view.width() / 2, window.view.height() / 2)
    drag(window.view.plotter, [centre, (centre[0] + 10, centre[1]), (centre[0] + 20, centre[1])])
    moving, still = seen[:-1], seen[-1]
    skin = np.array(SKIN_RGB) * 255
    for overlays, on_abdomen, on_thigh in moving:
        assert overlays == [False, False]
        assert np.linalg.norm(on_abdomen - np.array(hex_to_rgb(abdomen.color)) * 255) < 40, on_abdomen
        assert np.linalg.norm(on_thigh - np.array(hex_to_rgb(thigh.color)) * 255) < 40, on_thigh
    assert still[0] == [True, True] and np.allclose(still[1], skin)  # at rest: the zone surfaces, plain skin

    window.editor.set_zone_visible(thigh.id, False)
    seen.clear()
    drag(window.view.plotter, [centre, (centre[0] + 10, centre[1]), (centre[0] + 20, centre[1])])
    _, _, on_thigh = seen[0]
    assert np.linalg.norm(on_thigh - skin) < 10, on_thigh  # a hidden zone is not drawn on the skin either

    # close up, the skin's triangles are large on screen and their colours would blur the border: the zone's
    # own surface is drawn while moving too
    window.view.plotter.camera.zoom(6.0)
    seen.clear()
    drag(window.view.plotter, [centre, (centre[0] + 10, centre[1]), (centre[0] + 20, centre[1])])
    assert seen and all(overlays == [True] for overlays, _, _ in seen), seen


def test_a_moving_camera_draws_distant_discs_with_fewer_triangles_than_close_ones(window, qtbot):
    """The whole body in view: a disc is a few pixels wide and a moving frame draws it as a triangle (with its
    rim, 2 triangles an injection); zoomed in close it stays a hexagon."""
    gridded_window(qtbot, window, "abdomen")
    window.view.reset_view()
    injections = sum(len(z.injections) for z in window.doc.plan.zones)
    discs = window.view.plotter.actors["grid:discs"]
    counts: list[int] = []
    window.view.frame_rendered.connect(lambda: counts.append(discs.GetMapper().GetInput().GetNumberOfCells()))
    centre = (window.view.width() / 2, window.view.height() / 2)
    drag(window.view.plotter, [centre, (centre[0] + 5, centre[1]), (centre[0] + 10, centre[1])])
    far = counts[:-1]
    assert far and all(n <= 2 * injections for n in far), (far, injections)
    window.view.plotter.camera.zoom(8.0)
    counts.clear()
    drag(window.view.plotter, [centre, (centre[0] + 5, centre[1]), (centre[0] + 10, centre[1])])
    near = counts[:-1]
    assert near and all(n >= 6 * injections for n in near), (near, injections)
