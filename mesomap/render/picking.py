"""From a pixel in a renderer to a ray in mm (the geometry layer then finds the face)."""

from __future__ import annotations

import numpy as np


def pixel_ray(renderer, x_px: float, y_px: float) -> tuple[np.ndarray, np.ndarray]:
    """Ray through display pixel (x_px, y_px), VTK convention (origin bottom-left).

    Returns (origin (3,) mm on the near plane, unit direction (3,)).
    """
    ends = []
    for depth in (0.0, 1.0):
        renderer.SetDisplayPoint(float(x_px), float(y_px), depth)
        renderer.DisplayToWorld()
        w = np.array(renderer.GetWorldPoint(), dtype=np.float64)
        ends.append(w[:3] / w[3])
    direction = ends[1] - ends[0]
    return ends[0], direction / np.linalg.norm(direction)


def world_to_display(renderer, points_mm) -> tuple[np.ndarray, np.ndarray]:
    """Display positions (n, 2) in device px, VTK convention (origin bottom-left), and view depths (n,) in 0–1
    of points (n, 3) mm — vectorised (one matrix for all points, no VTK call per point)."""
    pts = np.asarray(points_mm, dtype=np.float64).reshape(-1, 3)
    matrix = renderer.GetActiveCamera().GetCompositeProjectionTransformMatrix(renderer.GetTiledAspectRatio(), -1, 1)
    m = np.array([[matrix.GetElement(i, j) for j in range(4)] for i in range(4)])
    clip = np.c_[pts, np.ones(len(pts))] @ m.T
    ndc = clip[:, :3] / clip[:, 3:4]
    width_px, height_px = renderer.GetRenderWindow().GetSize()
    vx0, vy0, vx1, vy1 = renderer.GetViewport()
    dx = ((ndc[:, 0] + 1.0) / 2.0 * (vx1 - vx0) + vx0) * width_px
    dy = ((ndc[:, 1] + 1.0) / 2.0 * (vy1 - vy0) + vy0) * height_px
    return np.c_[dx, dy], (ndc[:, 2] + 1.0) / 2.0
