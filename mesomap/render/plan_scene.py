"""Keeps a 3D view in step with a planning session: zone overlays, grids, point glyphs, the brush ring.

A :class:`PlanScene` follows a :class:`mesomap.session.session.Session` by itself
(``PlanScene(view, session)``): it subscribes to the session's events — a document change
names the zones and points that differ, and only those are redrawn; selection, hidden zones,
the selected injection, grid previews and the body — then asks its view for one render
(coalesced: many changes, one frame). Several scenes can follow one session (the clinician's
window, a trainer's audience view); none holds state of its own about the plan. The view is
anything with a PyVista ``plotter`` and a ``request_render()``.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from mesomap.geometry.surface import PaintingSurface
from mesomap.model.document import Change
from mesomap.model.placement import misplaced_injections
from mesomap.model.plan import Plan, Zone
from mesomap.render.grid_glyphs import NUMBER_LABELS_ACTOR, NUMBERS_ACTOR
from mesomap.render.markers import OffZoneMarkers
from mesomap.render.motion import motion_of
from mesomap.render.overlays import (
    GRID_RADIUS_FRACTION,
    GRID_RADIUS_MM,
    BrushRing,
    GridGlyphs,
    InjectionMarker,
    PointGlyphs,
    ZoneOutline,
    ZoneOverlay,
)
from mesomap.session.session import Session


def injection_frames(surface: PaintingSurface, injections) -> tuple[np.ndarray, np.ndarray]:
    """(positions (n, 3) mm, unit normals (n, 3)) of injection points, vectorised."""
    if not injections:
        return np.zeros((0, 3)), np.zeros((0, 3))
    faces = np.fromiter((q.face for q in injections), dtype=np.int64, count=len(injections))
    bary = np.array([q.barycentric for q in injections], dtype=np.float64)
    pos = np.einsum("ij,ijk->ik", bary, surface.mesh.triangles[faces])
    normals = np.einsum("ij,ijk->ik", bary, surface.vertex_normals[surface.mesh.faces[faces]])
    normals /= np.linalg.norm(normals, axis=1, keepdims=True)
    return pos, normals


def disc_radius_mm(zone: Zone) -> float:
    lo, hi = GRID_RADIUS_MM
    return min(max(GRID_RADIUS_FRACTION * zone.params.spacing_mm, lo), hi)


class PlanScene:
    """The plan's actors on a view. ``attach`` a painting surface to draw, ``detach`` to hide; with a
    ``session``, both follow the session's body and every change is drawn as it happens."""

    def __init__(self, view, session: Session | None = None):
        self.view = view
        self.session: Session | None = None
        self.surface: PaintingSurface | None = None
        self.zones: ZoneOverlay | None = None
        self.points: PointGlyphs | None = None
        self.outline: ZoneOutline | None = None
        self.grid: GridGlyphs | None = None
        self.off_zone: OffZoneMarkers | None = None
        self.ring = BrushRing(view.plotter)
        self.marker = InjectionMarker(view.plotter)
        self.labels = True
        self.numbers = False
        self.previews: dict = {}  # zone id -> (params, injections) drawn instead of the zone's grid (the session's)
        self._grid_keys: dict[str, tuple] = {}  # zone id -> what its discs show (redrawn when it differs)
        self._frames: dict[str, tuple] = {}  # zone id -> (injections, positions, normals) for drawing the marker
        self._marked = None  # the injection the marker rings (zone id, index)
        self._outline_stale = False  # the selected zone's border moved during a stroke: redraw when it ends
        if session is not None:
            self.follow(session)

    # -- following a session -------------------------------------------------------
    def follow(self, session: Session) -> None:
        """Draw ``session``'s plan on its body from now on, and every change to it."""
        self.session = session
        if session.grids is not None:
            self.previews = session.grids.previews  # one preview state: the session's
            session.grids.preview_changed.connect(self._preview_changed)
        session.doc.changed.connect(self._doc_changed)
        session.doc.state_changed.connect(self._state_changed)
        session.selection_changed.connect(self._selection_changed)
        session.visibility_changed.connect(self._visibility_changed)
        session.points_visibility_changed.connect(self._points_visibility_changed)
        session.highlight_changed.connect(self._highlight_changed)
        session.injection_changed.connect(self._injection_changed)
        session.surface_changed.connect(self._surface_changed)
        self._surface_changed()

    def _surface_changed(self) -> None:
        s = self.session
        if s.surface is None:
            self.detach()
        elif s.surface is not self.surface:
            self.attach(s.surface, s.plan, s.hidden, s.zone_id, s.point_id)

    def _doc_changed(self, change: Change) -> None:
        s = self.session
        plan = s.plan
        if self.surface is None or (change.reset and plan.body.body_id != self.surface.coarse.body_id):
            return  # another body: drawn when the session's surface follows
        self.zones.smooth = not s.in_gesture  # a stroke paints raw faces (fast); smoothed when it ends
        self.apply(change, plan)
        selected = s.zone_id
        if selected is not None and (selected in change.zones_changed or selected in change.zones_added):
            if s.in_gesture:
                self.hide_outline()  # the border moves with every dab: redrawn when the stroke ends
                self._outline_stale = True
            else:
                self.show_outline(plan)

    def _state_changed(self) -> None:
        if self.zones is not None and not self.session.in_gesture:
            self.zones.smooth = True
            rough = self.zones.rough
            if rough:
                for zone in self.session.plan.zones:
                    if zone.id in rough:
                        self.zones.update_zone(zone)
                self.view.request_render()
        if self._outline_stale and not self.session.in_gesture:
            self._outline_stale = False
            self.show_outline(self.session.plan)

    def _selection_changed(self) -> None:
        s = self.session
        self.set_zone_selected(s.plan, s.zone_id)
        self.set_point_selected(s.plan, s.point_id)

    def _visibility_changed(self, zone_id: str) -> None:
        self.set_zone_hidden(self.session.plan, zone_id, zone_id in self.session.hidden)

    def _injection_changed(self) -> None:
        self.show_marker(self.session.plan, self.session.injection)

    def _preview_changed(self, zone_id: str) -> None:
        self.set_preview(self.session.plan, zone_id)

    def attach(self, surface: PaintingSurface, plan: Plan, hidden=(), zone_id=None, point_id=None) -> None:
        """Draw ``plan`` on ``surface`` (replacing whatever plan was drawn)."""
        self.detach()
        self.surface = surface
        self.zones = ZoneOverlay(self.view.plotter, surface)
        if self.session is not None:
            self.zones.lit = set(self.session.highlighted)
        self.points = PointGlyphs(self.view.plotter, surface)
        self.outline = ZoneOutline(self.view.plotter, surface)
        self.grid = GridGlyphs(self.view.plotter, surface)
        self.off_zone = OffZoneMarkers(self.view.plotter, surface)
        motion_of(self.view.plotter).still_only.add(NUMBER_LABELS_ACTOR)  # placed from the depth buffer: still frames
        self.grid.numbers = self.numbers
        self.grid.number_box = (1.0, 1.0, 1.0)  # boxed labels: readable over any zone colour
        self.grid.number_font_size = 11
        self.points.labels = self.labels
        self.redraw(plan, hidden, zone_id, point_id)

    def detach(self) -> None:
        """Remove every plan actor (a user mesh is shown: the plan does not fit it)."""
        if self.zones is not None:
            for zone_id in list(self.zones.shown):
                self.zones.remove_zone(zone_id)
            self.points.show_points(())
            self.outline.hide()
            with self.grid.batch():
                for zone_id in list(self.grid.shown):
                    self.grid.remove_zone(zone_id)
            self.view.plotter.remove_actor(NUMBERS_ACTOR, render=False)
            self.off_zone.hide()
        self.ring.hide()
        self.marker.hide()
        self._grid_keys.clear()
        self._frames.clear()
        self.surface = self.zones = self.points = self.outline = self.grid = self.off_zone = None
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
        with self.grid.batch():
            for zone_id in list(self.grid.shown):
                self.grid.remove_zone(zone_id)
        self._grid_keys.clear()
        self.update_grids(plan, [z.id for z in plan.zones], numbers=True)
        self.points.selected = point_id
        self.points.show_points(self.shown_points(plan))
        self.show_outline(plan)
        self.off_zone.show(plan, misplaced_injections(plan, self.surface))
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
        if change.reset:  # the session forgets hidden zones that are gone: so does the drawing
            hidden = self.session.hidden if self.session is not None else self.zones.hidden
            self.redraw(plan, hidden, self.zones.selected, self.points.selected)
            return
        for zone_id in change.zones_removed:
            self.zones.remove_zone(zone_id)
        for zone_id in (*change.zones_added, *change.zones_changed):
            self.zones.update_zone(plan.zone(zone_id))
        self.update_grids(plan, (*change.zones_removed, *change.zones_added, *change.zones_changed),
                          numbers=bool(change.zone_order_changed or change.zones_removed))
        if change.points_added or change.points_removed or change.points_changed:
            self.points.show_points(self.shown_points(plan))
        if change.zones_removed or change.zones_added or change.zones_changed:
            self.off_zone.show(plan, misplaced_injections(plan, self.surface))
        self.view.request_render()

    def set_zone_selected(self, plan: Plan, zone_id: str | None) -> None:
        if self.zones is not None and self.zones.selected != zone_id:
            self.zones.selected = zone_id
            for zone in plan.zones:
                self.zones.update_zone(zone)
            self.show_outline(plan)

    def shown_points(self, plan: Plan) -> tuple:
        """The plan's reflex points the session shows (a lesson step may hide some)."""
        hidden = self.session.hidden_points if self.session is not None else ()
        return tuple(p for p in plan.points if p.id not in hidden)

    def _highlight_changed(self) -> None:
        if self.zones is not None:
            self.zones.lit = set(self.session.highlighted)
            for zone in self.session.plan.zones:
                self.zones.update_zone(zone)
            self.view.request_render()

    def _points_visibility_changed(self) -> None:
        if self.points is not None:
            self.points.show_points(self.shown_points(self.session.plan))
            self.view.request_render()

    def set_point_selected(self, plan: Plan, point_id: str | None) -> None:
        if self.points is not None and self.points.selected != point_id:
            self.points.selected = point_id
            self.points.show_points(self.shown_points(plan))
            self.view.request_render()

    def set_zone_hidden(self, plan: Plan, zone_id: str, hidden: bool) -> None:
        if self.zones is None:
            return
        (self.zones.hidden.add if hidden else self.zones.hidden.discard)(zone_id)
        self.zones.update_zone(plan.zone(zone_id))
        self.update_grids(plan, [zone_id], numbers=True)
        if zone_id == self.zones.selected:
            self.show_outline(plan)
        self.view.request_render()

    def set_labels(self, plan: Plan, on: bool) -> None:
        self.labels = on
        if self.points is not None:
            self.points.labels = on
            self.points.show_points(self.shown_points(plan))
            self.view.request_render()

    def show_ring(self, centre_mm: np.ndarray, normal: np.ndarray, radius_mm: float) -> None:
        self.ring.show(centre_mm, normal, radius_mm)
        self.view.request_render()

    def hide_ring(self) -> None:
        if self.ring.visible:
            self.ring.hide()
            self.view.request_render()

    # -- injection grids ---------------------------------------------------------
    def _grid_key(self, zone: Zone) -> tuple:
        preview = self.previews.get(zone.id)
        if zone.id in self.zones.hidden:
            return ("hidden",)
        if preview is not None:
            return ("preview", preview)
        if not zone.injections:
            return ("none",)
        return ("grid", zone.injections, zone.params.depth_mm, zone.params.spacing_mm, zone.grid_stale)

    @staticmethod
    def _same_key(a: tuple | None, b: tuple) -> bool:
        if a is None or len(a) != len(b) or a[0] != b[0]:
            return False
        return all(x is y or (not isinstance(x, tuple) and x == y) for x, y in zip(a[1:], b[1:]))

    def update_grids(self, plan: Plan, zone_ids, numbers: bool = False) -> bool:
        """Redraw the discs of the named zones whose grid, depth, spacing, staleness, visibility or
        preview changed (a paint dab on a gridded zone redraws nothing after its first). True if any did."""
        if self.grid is None:
            return False
        present = {z.id: z for z in plan.zones}
        with self.grid.batch():  # every zone's discs are one mesh: rebuilt once, at the end
            redrawn = self._update_zone_grids(plan, zone_ids, present)
        if redrawn or numbers:
            self.grid.show_numbers(plan, hidden=set(self.zones.hidden) | set(self.previews))
            self.view.request_render()
        return redrawn

    def _update_zone_grids(self, plan: Plan, zone_ids, present: dict) -> bool:
        redrawn = False
        for zone_id in dict.fromkeys(zone_ids):
            zone = present.get(zone_id)
            if zone is None:
                if self._grid_keys.pop(zone_id, None) is not None or zone_id in self.grid.shown:
                    self.grid.remove_zone(zone_id)
                    redrawn = True
                self._frames.pop(zone_id, None)
                continue
            key = self._grid_key(zone)
            if self._same_key(self._grid_keys.get(zone_id), key):
                continue
            self._grid_keys[zone_id] = key
            redrawn = True
            if key[0] in ("hidden", "none"):
                self.grid.remove_zone(zone_id)
            elif key[0] == "preview":
                params, injections = key[1]
                self.grid.show_zone(replace(zone, params=params, injections=injections))
            else:
                self.grid.show_zone(zone, stale=zone.grid_stale)
        return redrawn

    def set_numbers(self, plan: Plan, on: bool) -> None:
        self.numbers = on
        if self.grid is not None:
            self.grid.numbers = on
            self.grid.show_numbers(plan, hidden=set(self.zones.hidden) | set(self.previews))
            self.view.request_render()

    def set_preview(self, plan: Plan, zone_id: str) -> None:
        """The zone's preview (``previews[zone_id]`` = (params, injections), the session's) changed: draw it
        instead of the zone's grid, or the grid again when it is gone."""
        self.update_grids(plan, [zone_id], numbers=True)
        if self.marker.visible or zone_id not in self.previews:
            self.show_marker(plan, self._marked)

    def injection_frames(self, zone: Zone) -> tuple[np.ndarray, np.ndarray]:
        """(positions, normals) of a zone's injection points (cached per grid), for drawing."""
        cached = self._frames.get(zone.id)
        if cached is not None and cached[0] is zone.injections:
            return cached[1], cached[2]
        pos, normals = injection_frames(self.surface, zone.injections)
        self._frames[zone.id] = (zone.injections, pos, normals)
        return pos, normals

    def show_marker(self, plan: Plan, injection) -> None:
        """Ring the selected injection (zone id, index); None hides the ring."""
        self._marked = injection
        zone = None
        if injection is not None and self.surface is not None:
            zone = next((z for z in plan.zones if z.id == injection[0]), None)
        if (zone is None or injection[1] >= len(zone.injections) or zone.id in self.zones.hidden
                or zone.id in self.previews):
            if self.marker.visible:
                self.marker.hide()
                self.view.request_render()
            return
        pos, normals = self.injection_frames(zone)
        index = injection[1]
        self.marker.show(pos[index], normals[index], disc_radius_mm(zone) * 1.9)
        self.view.request_render()
