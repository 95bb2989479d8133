"""An injection order animation on the skin: the gun's path so far as a growing polyline, the injections
drawn as dots, the current one ringed, numbered as the exports number them.

Draws what :meth:`mesomap.session.order_animation.OrderAnimation.drawn` returns: positions (k, 3) mm in gun
order and their plan-wide numbers (k,).
"""

from __future__ import annotations

import numpy as np
import pyvista as pv

PATH_RGB = (1.0, 1.0, 1.0)
DOT_RGB = (0.15, 0.55, 1.0)
CURRENT_RGB = (1.0, 0.9, 0.1)
LIFT_MM = 2.5  # the path floats above the grid's discs
NUMBER_EVERY = 5  # besides the first and the current, every fifth injection drawn is numbered
PATH_NAME = "present:path"
DOTS_NAME = "present:dots"
CURRENT_NAME = "present:current"
NUMBERS_NAME = "present:numbers"
NUMBERS_ACTOR = f"{NUMBERS_NAME}-labels"  # the actor pyvista's add_point_labels names after ``name``
NUMBER_FONT_PX = 18  # at 100 %
CURRENT_RADIUS_PX = 9.0  # the current injection's ball, on screen at 100 %


def numbered(numbers: np.ndarray) -> np.ndarray:
    """(m,) indices into ``numbers`` (k,) to write on screen: the first, the current (last) and every fifth."""
    k = len(numbers)
    if k == 0:
        return np.zeros(0, dtype=np.int64)
    pick = np.zeros(k, dtype=bool)
    pick[0] = pick[-1] = True
    pick[np.asarray(numbers) % NUMBER_EVERY == 0] = True
    return np.flatnonzero(pick)


class OrderPath:
    """The animation's actors; ``count``: injections drawn, ``current`` (3,) mm of the last one (or None)."""

    def __init__(self, plotter):
        self._plotter = plotter
        self.count = 0
        self.current: np.ndarray | None = None
        self.numbers: list[str] = []

    def show(self, positions_mm, numbers, normals=None, scale: float = 1.0, radius_mm: float = 4.0,
             visible=None) -> None:
        """Draw the first ``len(positions_mm)`` injections (positions (k, 3) mm, numbers (k,)); ``normals``
        (k, 3) lift them off the skin; ``visible(points (m, 3)) -> (m,) bool`` says which numbers the body does
        not hide (all, without it) (no render)."""
        pos = np.asarray(positions_mm, dtype=float).reshape(-1, 3)
        if not len(pos):
            self.hide()
            return
        if normals is not None:
            pos = pos + LIFT_MM * np.asarray(normals, dtype=float).reshape(-1, 3)
        common = {"reset_camera": False, "render": False, "pickable": False, "lighting": False}
        if len(pos) >= 2:
            self._plotter.add_mesh(pv.lines_from_points(pos), color=PATH_RGB, line_width=4 * scale, name=PATH_NAME, **common)
        else:
            self._plotter.remove_actor(PATH_NAME, render=False)
        self._plotter.add_mesh(pv.PolyData(pos), color=DOT_RGB, point_size=10 * scale, render_points_as_spheres=True,
                               name=DOTS_NAME, **common)
        self._plotter.add_mesh(pv.Sphere(radius=radius_mm, center=pos[-1]), color=CURRENT_RGB, name=CURRENT_NAME, **common)
        which = numbered(numbers)
        if visible is not None:
            which = which[visible(np.asarray(positions_mm, dtype=float).reshape(-1, 3)[which])]
        self.numbers = [str(int(numbers[i])) for i in which]
        if not len(which):
            self._plotter.remove_actor(NUMBERS_ACTOR, render=False)
        else:
            self._plotter.add_point_labels(pos[which], self.numbers, font_size=round(NUMBER_FONT_PX * scale), point_size=1,
                                           show_points=False, text_color="black", shape="rounded_rect",
                                           shape_color=(1.0, 1.0, 1.0), shape_opacity=0.85, margin=3,
                                           always_visible=True, name=NUMBERS_NAME, reset_camera=False, render=False)
        self.count = len(pos)
        self.current = pos[-1]

    def hide(self) -> None:
        if self.count:
            self._plotter.remove_actor([PATH_NAME, DOTS_NAME, CURRENT_NAME, NUMBERS_ACTOR], render=False)
            self.count = 0
            self.current = None
            self.numbers = []
