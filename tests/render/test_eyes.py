"""The bundled bodies have eyes (white, a plain iris, a dark pupil), drawn only: painting never hits them."""

from __future__ import annotations

import numpy as np
import pytest

from mesomap.io.assets import bundled_eyes
from mesomap.io.meshes import load_painting_surface
from mesomap.render.camera import camera_for
from mesomap.render.colors import srgb_to_lab
from mesomap.render.offscreen import offscreen_plotter
from mesomap.render.scene import BodyActor, apply_camera

SIZE = (500, 600)


def world_to_pixel(plotter, point) -> tuple[int, int]:
    """(column, row) of a world point (mm) in the screenshot (row 0 at the top)."""
    ren = plotter.renderer
    ren.SetWorldPoint(*point, 1.0)
    ren.WorldToDisplay()
    x, y, _ = ren.GetDisplayPoint()
    return int(round(x)), int(round(SIZE[1] - 1 - y))


@pytest.mark.parametrize("body", ["female", "male"])
def test_the_face_has_eyes_with_an_iris_and_picking_goes_through_them(body):
    surface = load_painting_surface(body)
    eyes = bundled_eyes(body)
    with offscreen_plotter(SIZE) as plotter:
        BodyActor(plotter).set_body(surface.coarse)
        apply_camera(plotter, camera_for(surface.coarse, "face", aspect=SIZE[0] / SIZE[1]))
        img = plotter.screenshot(return_img=True)[..., :3].astype(float) / 255
        for side in ("left", "right"):
            c, r = np.array(eyes[side]["centre_mm"]), eyes[side]["radius_mm"]
            front = c + [0.0, r, 0.0]
            col, row = world_to_pixel(plotter, front)
            pupil = srgb_to_lab(img[row - 1:row + 2, col - 1:col + 2].reshape(-1, 3))
            assert pupil[:, 0].max() < 25, (side, pupil)  # dark pupil, not a blank skin socket
            # the iris ring around it: a bluish colour (skin is warm: b* > 0)
            off = c + r * np.array([np.sin(np.radians(18)), np.cos(np.radians(18)), 0.0])
            col2, row2 = world_to_pixel(plotter, off)
            iris = srgb_to_lab(img[row2, col2])[0]
            assert iris[2] < -5 and 20 < iris[0] < 70, (side, iris)
            # painting picks the skin in the socket behind the eyeball, never the eyeball
            eye_point = np.array(plotter.camera.position)
            direction = front - eye_point
            direction /= np.linalg.norm(direction)
            hit = surface.pick(eye_point, direction)
            assert hit is None or np.linalg.norm(np.asarray(hit.point_mm) - eye_point) > np.linalg.norm(front - eye_point) + 0.5


def test_a_body_without_baked_eyes_has_none():
    assert bundled_eyes("my-scan.obj") is None


def test_the_eyes_follow_their_sockets_on_a_shaped_body():
    """A taller, heavier body moves the head: the eyes move with their sockets (not left at the bundled body's
    place, hidden inside the head), so the shaped face still shows a pupil in each eye."""
    from mesomap.io.body_shapes import load_shaped_surface
    from mesomap.render.eyes import eyes_polydata

    surface = load_shaped_surface("female", (("height", 0.5), ("weight", 2.0)))
    bundled = bundled_eyes("female")
    poly = eyes_polydata(surface.coarse)
    lo_z = poly.bounds[4]
    assert lo_z > bundled["left"]["centre_mm"][2] + 100  # ~360 mm taller body: the eyes rose with the head
    with offscreen_plotter(SIZE) as plotter:
        BodyActor(plotter).set_body(surface.coarse)
        apply_camera(plotter, camera_for(surface.coarse, "face", aspect=SIZE[0] / SIZE[1]))
        img = plotter.screenshot(return_img=True)[..., :3].astype(float) / 255
        for part in poly.split_bodies():
            centre = np.array(part.center)
            r = (part.bounds[1] - part.bounds[0]) / 2
            col, row = world_to_pixel(plotter, centre + [0.0, r, 0.0])
            pupil = srgb_to_lab(img[row - 1:row + 2, col - 1:col + 2].reshape(-1, 3))
            assert pupil[:, 0].max() < 25, pupil


def test_follow_socket_moves_and_scales_an_eye_with_its_socket():
    from mesomap.render.eyes import follow_socket

    rng = np.random.default_rng(3)
    ref = rng.normal(size=(400, 3)) * 20.0
    centre, radius = np.zeros(3), 12.0
    same = follow_socket(centre, radius, ref, ref)
    assert np.allclose(same[0], centre) and same[1] == pytest.approx(radius)
    moved = follow_socket(centre, radius, ref, ref * 1.1 + [5.0, -2.0, 300.0])
    assert np.allclose(moved[0], [5.0, -2.0, 300.0], atol=0.5) and moved[1] == pytest.approx(13.2, rel=0.02)
