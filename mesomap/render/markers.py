"""Red rings around injections that lie off their zone (see :mod:`mesomap.model.placement`).

Such injections block every export and transfer; the rings show the user where they are.
One merged line mesh for all of them, replaced as a whole when the plan changes.
"""

from __future__ import annotations

import pyvista as pv

from mesomap.geometry.surface import PaintingSurface
from mesomap.model.placement import Misplaced
from mesomap.model.plan import Plan
from mesomap.render.overlays import skin_circle

OFF_ZONE_RGB = (0.85, 0.05, 0.05)
OFF_ZONE_RADIUS_MM = 12.0  # about 10 px across on the whole-body view


class OffZoneMarkers:
    """Rings of :data:`OFF_ZONE_RADIUS_MM` around each misplaced injection."""

    NAME = "grid:off-zone"

    def __init__(self, plotter: pv.Plotter, surface: PaintingSurface):
        self._plotter = plotter
        self._surface = surface
        self.shown: tuple[Misplaced, ...] = ()

    def show(self, plan: Plan, misplaced: tuple[Misplaced, ...]) -> None:
        if misplaced == self.shown:
            return
        self.shown = misplaced
        if not misplaced:
            self._plotter.remove_actor(self.NAME, render=False)
            return
        by_zone = {z.id: z for z in plan.zones}
        points = [by_zone[m.zone_id].injections[m.order - 1] for m in misplaced]
        pos, normals = self._surface.points_on_faces([q.face for q in points], [q.barycentric for q in points])
        rings = [pv.lines_from_points(skin_circle(p, n, OFF_ZONE_RADIUS_MM, lift_mm=1.5, segments=24))
                 for p, n in zip(pos, normals)]
        lines = rings[0].merge(rings[1:]) if len(rings) > 1 else rings[0]
        self._plotter.add_mesh(lines, color=OFF_ZONE_RGB, line_width=5, name=self.NAME, reset_camera=False,
                               render=False, pickable=False)

    def hide(self) -> None:
        if self.shown:
            self._plotter.remove_actor(self.NAME, render=False)
            self.shown = ()
