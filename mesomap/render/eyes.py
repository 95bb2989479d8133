"""Eyeballs in the sockets of a bundled body: white sclera, a plain iris and a dark pupil looking forward.

Render only: they are no part of the painting surface (picking casts rays at the body's triangles,
never at actors), and they are not pickable actors either.
"""

from __future__ import annotations

import numpy as np
import pyvista as pv

from mesomap.geometry.body_mesh import BodyMesh
from mesomap.io.assets import bundled_eyes

SCLERA_RGB = (0.93, 0.92, 0.89)
IRIS_RGB = (0.33, 0.45, 0.55)  # a plain grey-blue
PUPIL_RGB = (0.05, 0.05, 0.06)
#: Angular radius (degrees, seen from the eyeball's centre) of the iris and the pupil.
IRIS_DEG, PUPIL_DEG = 26.0, 11.0
#: Where the eyes look: anterior (+y in mesomap's RAS frame).
GAZE = np.array([0.0, 1.0, 0.0])
EYES_ACTOR_NAME = "eyes"


def eyeball(centre_mm, radius_mm: float, gaze=GAZE) -> pv.PolyData:
    """A sphere of ``radius_mm`` at ``centre_mm`` (3,) with per-cell RGB (uint8, "rgb"): sclera,
    iris and pupil caps around ``gaze`` (3,)."""
    g = np.asarray(gaze, dtype=np.float64) / np.linalg.norm(gaze)
    ball = pv.Sphere(radius=radius_mm, center=centre_mm, direction=g, theta_resolution=48, phi_resolution=48)
    toward = ball.cell_centers().points - np.asarray(centre_mm, dtype=np.float64)
    angle = np.degrees(np.arccos(np.clip(toward @ g / np.linalg.norm(toward, axis=1), -1, 1)))
    rgb = np.select([(angle <= PUPIL_DEG)[:, None], (angle <= IRIS_DEG)[:, None]], [np.array(PUPIL_RGB), np.array(IRIS_RGB)],
                    np.array(SCLERA_RGB))
    ball.cell_data["rgb"] = (np.asarray(rgb) * 255).astype(np.uint8)
    return ball


def eyes_polydata(mesh: BodyMesh) -> pv.PolyData | None:
    """Both eyeballs of a bundled body (hm08 topology), or None for a body without known eyes."""
    if mesh.topology != "hm08-body":
        return None
    eyes = bundled_eyes(mesh.body_id)
    if eyes is None:
        return None
    return eyeball(eyes["left"]["centre_mm"], eyes["left"]["radius_mm"]).merge(
        eyeball(eyes["right"]["centre_mm"], eyes["right"]["radius_mm"]))


def show_eyes(plotter, mesh: BodyMesh) -> None:
    """Add (or replace, or remove) the eyes of ``mesh`` on ``plotter`` (no render)."""
    plotter.remove_actor(EYES_ACTOR_NAME, render=False)
    poly = eyes_polydata(mesh)
    if poly is not None:
        plotter.add_mesh(poly, scalars="rgb", rgb=True, smooth_shading=True, ambient=0.25, diffuse=0.75,
                         specular=0.3, specular_power=30.0, name=EYES_ACTOR_NAME, reset_camera=False,
                         render=False, pickable=False, show_scalar_bar=False)
