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


#: The socket an eye sits in: the body's vertices this many eye radii or closer to the eye's centre.
SOCKET_RADII = 1.6


def follow_socket(centre_mm, radius_mm: float, reference_vertices: np.ndarray,
                  vertices: np.ndarray) -> tuple[np.ndarray, float]:
    """An eye baked in ``reference_vertices`` (n, 3) mm moved into the same socket of ``vertices`` (n, 3) mm, a
    body of the same topology (shaped, or fitted onto a scan): the centre (3,) mm moves with the socket's
    vertices (their mean displacement) and the radius (mm) scales with the socket's size (their mean distance
    from the centre)."""
    centre = np.asarray(centre_mm, dtype=np.float64)
    near = np.linalg.norm(reference_vertices - centre, axis=1) <= SOCKET_RADII * radius_mm
    if not near.any():
        return centre, float(radius_mm)
    moved = centre + (vertices[near] - reference_vertices[near]).mean(axis=0)
    before = np.linalg.norm(reference_vertices[near] - reference_vertices[near].mean(axis=0), axis=1).mean()
    after = np.linalg.norm(vertices[near] - vertices[near].mean(axis=0), axis=1).mean()
    return moved, float(radius_mm * (after / before if before > 0 else 1.0))


def eyes_polydata(mesh: BodyMesh) -> pv.PolyData | None:
    """Both eyeballs of a body of the hm08 topology — bundled, shaped or fitted onto a scan (the eyes follow
    their sockets) — or None for a body without known eyes."""
    if mesh.topology != "hm08-body":
        return None
    eyes = bundled_eyes(mesh.body_id)
    if eyes is None:
        return None
    reference = _bundled_vertices(mesh.body_id)
    balls = []
    for side in ("left", "right"):
        centre, radius = eyes[side]["centre_mm"], eyes[side]["radius_mm"]
        if reference is not None and reference.shape == mesh.vertices.shape:
            centre, radius = follow_socket(centre, radius, reference, mesh.vertices)
        balls.append(eyeball(centre, radius))
    return balls[0].merge(balls[1])


def _bundled_vertices(body_id: str) -> np.ndarray | None:
    """(n, 3) mm: the vertices of the bundled body the eyes were baked in (None when it cannot be read)."""
    from mesomap.io.meshes import MeshLoadError, load_bundled_body

    try:
        return load_bundled_body(body_id).vertices
    except MeshLoadError:
        return None


def show_eyes(plotter, mesh: BodyMesh) -> None:
    """Add (or replace, or remove) the eyes of ``mesh`` on ``plotter`` (no render)."""
    plotter.remove_actor(EYES_ACTOR_NAME, render=False)
    poly = eyes_polydata(mesh)
    if poly is not None:
        plotter.add_mesh(poly, scalars="rgb", rgb=True, smooth_shading=True, ambient=0.25, diffuse=0.75,
                         specular=0.3, specular_power=30.0, name=EYES_ACTOR_NAME, reset_camera=False,
                         render=False, pickable=False, show_scalar_bar=False)
