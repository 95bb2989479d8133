"""Keeps the 3D view in step with the plan: zone overlays, point glyphs, the brush ring.

A document change names the zones and points that differ; only those are
redrawn, then the view renders once (coalesced: many changes, one frame).
"""

from __future__ import annotations

import numpy as np

from mesomap.geometry.surface import PaintingSurface
from mesomap.model.document import Change
from mesomap.model.plan import Plan
from mesomap.render.overlays import BrushRing, PointGlyphs, ZoneOutline, ZoneOverlay
from mesomap.ui.body_view import BodyView


class PlanScene:
    """The plan's actors on a BodyView. ``attach`` a painting surface to draw, ``detach`` to hide."""

    def __init__(self, view: BodyView):
        self.view = view
        self.surface: PaintingSurface | None = None
        self.zones: ZoneOverlay | None = None
        self.points: PointGlyphs | None = None
        self.outline: ZoneOutline | None = None
        self.ring = BrushRing(view.plotter)
        self.labels = True

    def attach(self, surface: PaintingSurface, plan: Plan, hidden=(), zone_id=None, point_id=None) -> None:
        """Draw ``plan`` on ``surface`` (replacing whatever plan was drawn)."""
        self.detach()
        self.surface = surface
        self.zones = ZoneOverlay(self.view.plotter, surface)
        self.points = PointGlyphs(self.view.plotter, surface)
        self.outline = ZoneOutline(self.view.plotter, surface)
        self.points.labels = self.labels
        self.redraw(plan, hidden, zone_id, point_id)

    def detach(self) -> None:
        """Remove every plan actor (a user mesh is shown: the plan does not fit it)."""
        if self.zones is not None:
            for zone_id in list(self.zones.shown):
                self.zones.remove_zone(zone_id)
            self.points.show_points(())
            self.outline.hide()
        self.ring.hide()
        self.surface = self.zones = self.points = self.outline = None
        self.view.request_render()

    def redraw(self, plan: Plan, hidden=(), zone_id=None, point_id=None) -> None:
        if self.zones is None:
            return
        for zone_id in list(self.zones.shown):  # a new document: no geometry carried over
            self.zones.remove_zone(zone_id)
        self.zones.hidden = set(hidden)
        self.zones.selected = zone_id
        for zone in plan.zones:
            self.zones.update_zone(zone)
        self.points.selected = point_id
        self.points.show_points(plan.points)
        self.show_outline(plan)
        self.view.request_render()

    def show_outline(self, plan: Plan) -> None:
        """Outline the selected zone (unless hidden); call after its faces settle (not per dab)."""
        if self.outline is None:
            return
        zone_id = self.zones.selected
        zone = next((z for z in plan.zones if z.id == zone_id), None)
        self.outline.show(zone if zone is not None and zone_id not in self.zones.hidden else None)
        self.view.request_render()

    def hide_outline(self) -> None:
        if self.outline is not None and self.outline.zone_id is not None:
            self.outline.hide()
            self.view.request_render()

    def apply(self, change: Change, plan: Plan) -> None:
        """Update what ``change`` names (a reset redraws all)."""
        if self.zones is None:
            return
        if change.reset:
            self.redraw(plan, self.zones.hidden, self.zones.selected, self.points.selected)
            return
        for zone_id in change.zones_removed:
            self.zones.remove_zone(zone_id)
        for zone_id in (*change.zones_added, *change.zones_changed):
            self.zones.update_zone(plan.zone(zone_id))
        if change.points_added or change.points_removed or change.points_changed:
            self.points.show_points(plan.points)
        self.view.request_render()

    def set_zone_selected(self, plan: Plan, zone_id: str | None) -> None:
        if self.zones is not None and self.zones.selected != zone_id:
            self.zones.selected = zone_id
            for zone in plan.zones:
                self.zones.update_zone(zone)
            self.show_outline(plan)

    def set_point_selected(self, plan: Plan, point_id: str | None) -> None:
        if self.points is not None and self.points.selected != point_id:
            self.points.selected = point_id
            self.points.show_points(plan.points)
            self.view.request_render()

    def set_zone_hidden(self, plan: Plan, zone_id: str, hidden: bool) -> None:
        if self.zones is None:
            return
        (self.zones.hidden.add if hidden else self.zones.hidden.discard)(zone_id)
        self.zones.update_zone(plan.zone(zone_id))
        if zone_id == self.zones.selected:
            self.show_outline(plan)
        self.view.request_render()

    def set_labels(self, plan: Plan, on: bool) -> None:
        self.labels = on
        if self.points is not None:
            self.points.labels = on
            self.points.show_points(plan.points)
            self.view.request_render()

    def show_ring(self, centre_mm: np.ndarray, normal: np.ndarray, radius_mm: float) -> None:
        self.ring.show(centre_mm, normal, radius_mm)
        self.view.request_render()

    def hide_ring(self) -> None:
        if self.ring.visible:
            self.ring.hide()
            self.view.request_render()
