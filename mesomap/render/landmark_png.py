"""Small pictures of where each landmark goes: the reference body with the landmark marked (issue 16).

Rendered offscreen at first use and cached as PNG files (``landmark_picture``); the landmark dock shows
them beside the list so the trainer sees where to click on the scan.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from mesomap.geometry.body_mesh import BodyMesh
from mesomap.io.cache_folder import cache_folder
from mesomap.render.camera import VIEWS
from mesomap.render.offscreen import offscreen_plotter, save_screenshot

#: Picture size (px): small, beside the landmark list.
PICTURE_SIZE = (180, 200)
MARK_RGB = (1.0, 0.85, 0.1)
#: Least height (mm) shown around a landmark: enough of the body to recognise the place.
CONTEXT_MM = 420.0
#: Bump when the pictures change, so old cached ones are not shown.
VERSION = 1


def cache_dir() -> Path:
    """``$MESOMAP_DATA_DIR/cache/landmarks`` if set, else the platform's user cache dir + ``/landmarks``."""
    return cache_folder("landmarks")


def landmark_view(normal) -> str:
    """The preset view (front, back, left, right) that looks most squarely at a skin normal (3,)."""
    names = ("front", "back", "left", "right")
    return max(names, key=lambda v: float(np.dot(VIEWS[v].direction, normal)))


def landmark_point(mesh: BodyMesh, face: int, barycentric) -> tuple[np.ndarray, np.ndarray]:
    """(point (3,) mm, unit normal (3,)) of a landmark given by face + barycentric on ``mesh``."""
    point = np.asarray(barycentric, dtype=float) @ mesh.vertices[mesh.faces[face]]
    return point, mesh.face_normals[face]


def render_landmark_png(mesh: BodyMesh, face: int, barycentric, out: str | Path,
                        size: tuple[int, int] = PICTURE_SIZE) -> Path:
    """Draw ``mesh`` with the landmark at ``face`` + ``barycentric`` marked, from the view facing it."""
    import pyvista as pv

    from mesomap.render.camera import frame_points
    from mesomap.render.scene import BodyActor, apply_camera

    point, normal = landmark_point(mesh, face, barycentric)
    view = landmark_view(normal)
    with offscreen_plotter(size) as plotter:
        BodyActor(plotter).set_body(mesh)
        plotter.add_mesh(pv.Sphere(radius=9.0, center=point + 3.0 * normal), color=MARK_RGB, name="landmark",
                         reset_camera=False, render=False)
        apply_camera(plotter, frame_points(point[None, :], view, size[0] / size[1], min_height_mm=CONTEXT_MM))
        return save_screenshot(plotter, out)


def landmark_picture(mesh: BodyMesh, landmark_id: str, face: int, barycentric) -> Path:
    """The cached picture of a landmark on ``mesh`` (rendered on first use)."""
    out = cache_dir() / f"{mesh.body_id}-{landmark_id}-v{VERSION}.png"
    if not out.is_file():
        out.parent.mkdir(parents=True, exist_ok=True)
        render_landmark_png(mesh, face, barycentric, out)
    return out
