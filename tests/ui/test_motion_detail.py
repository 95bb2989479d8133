"""While a drag turns the camera the 3D view draws light stand-ins, and full detail again when the button is
released (issue 18): a scan-sized body is drawn from a decimated copy, order numbers and presentation labels wait
for the camera to stop."""

from __future__ import annotations

import numpy as np

from mesomap.geometry.body_mesh import BodyMesh
from mesomap.ui.body_view import BodyView
from tests.ui.conftest import drag, gridded_window


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
    qtbot.waitExposed(view)
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
    full = (overlay.GetMapper().GetInput().GetNumberOfCells(), discs.GetMapper().GetInput().GetNumberOfCells())
    frames: list[tuple[bool, int, int]] = []
    window.view.frame_rendered.connect(lambda: frames.append((
        bool(labels.GetVisibility()), overlay.GetMapper().GetInput().GetNumberOfCells(),
        discs.GetMapper().GetInput().GetNumberOfCells())))
    centre = (window.view.width() / 2, window.view.height() / 2)
    drag(window.view.plotter, [centre, (centre[0] + 20, centre[1]), (centre[0] + 60, centre[1] + 5)])
    moving, still = frames[:-1], frames[-1]
    assert moving and not any(shown for shown, _, _ in moving), frames  # no depth-buffer read per moving frame
    assert all(z < 0.5 * full[0] and d < 0.2 * full[1] for _, z, d in moving), (frames, full)  # light stand-ins
    assert still == (True, *full), (still, full)  # numbers and full detail back when the camera stops
