"""The trainer's pointer on the skin (a bright disc in a white ring) and freehand annotation strokes.

Both are drawn lifted off the skin so the body never hides them; their size is given in mm by the caller
(a fixed size on screen: see :func:`screen_radius_mm`).
"""

from __future__ import annotations

import numpy as np
import pyvista as pv

from mesomap.render.overlays import skin_circle

POINTER_RGB = (1.0, 0.1, 0.35)  # a laser pointer's red, far from skin and zone colours
POINTER_RING_RGB = (1.0, 1.0, 1.0)
POINTER_RADIUS_PX = 14.0  # on screen, at 100 %
STROKE_RGB = (0.1, 1.0, 0.9)
STROKE_WIDTH_PX = 5.0
POINTER_NAME = "present:pointer"
POINTER_RING_NAME = "present:pointer-ring"
STROKES_NAME = "present:strokes"


def screen_radius_mm(camera, point_mm, window_height_px: int, radius_px: float) -> float:
    """The mm on the skin at ``point_mm`` (3,) that ``radius_px`` screen pixels span, for a pyvista camera."""
    if camera.parallel_projection:
        return radius_px * 2.0 * camera.parallel_scale / max(window_height_px, 1)
    distance = float(np.linalg.norm(np.asarray(point_mm) - np.asarray(camera.position)))
    return radius_px * 2.0 * distance * np.tan(np.radians(camera.view_angle / 2.0)) / max(window_height_px, 1)


def disc(centre_mm, normal, radius_mm: float, lift_mm: float, segments: int = 40) -> pv.PolyData:
    """A filled disc in the skin's tangent plane at ``centre_mm`` (3,), lifted ``lift_mm`` along ``normal``."""
    rim = skin_circle(centre_mm, normal, radius_mm, lift_mm, segments)[:-1]
    return pv.PolyData(rim, faces=np.r_[segments, np.arange(segments)]).triangulate()


class Pointer:
    """The pointer actors: ``centre`` (3,) mm while shown, else None."""

    def __init__(self, plotter):
        self._plotter = plotter
        self.centre: np.ndarray | None = None

    def show(self, centre_mm, normal, radius_mm: float) -> None:
        self.centre = np.asarray(centre_mm, dtype=float)
        self._plotter.add_mesh(disc(centre_mm, normal, radius_mm, 1.5), color=POINTER_RGB, opacity=0.85,
                               lighting=False, name=POINTER_NAME, reset_camera=False, render=False, pickable=False)
        ring = skin_circle(centre_mm, normal, radius_mm * 1.35, 1.6, 48)
        self._plotter.add_mesh(pv.lines_from_points(ring), color=POINTER_RING_RGB, line_width=3, lighting=False,
                               name=POINTER_RING_NAME, reset_camera=False, render=False, pickable=False)

    def hide(self) -> None:
        if self.centre is not None:
            self._plotter.remove_actor([POINTER_NAME, POINTER_RING_NAME], render=False)
            self.centre = None


class Strokes:
    """Annotation polylines ((n, 3) mm each); ``count`` of strokes drawn."""

    def __init__(self, plotter):
        self._plotter = plotter
        self.count = 0

    def show(self, strokes, width_px: float = STROKE_WIDTH_PX) -> None:
        strokes = [np.asarray(s, dtype=float) for s in strokes if len(s) >= 2]
        if not strokes:
            self.hide()
            return
        pts = np.vstack(strokes)
        cells, start = [], 0
        for s in strokes:
            cells += [len(s), *range(start, start + len(s))]
            start += len(s)
        self._plotter.add_mesh(pv.PolyData(pts, lines=np.array(cells)), color=STROKE_RGB, line_width=width_px,
                               lighting=False, name=STROKES_NAME, reset_camera=False, render=False, pickable=False)
        self.count = len(strokes)

    def hide(self) -> None:
        if self.count:
            self._plotter.remove_actor(STROKES_NAME, render=False)
            self.count = 0
