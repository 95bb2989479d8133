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
