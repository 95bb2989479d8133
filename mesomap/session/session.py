"""The open planning session: the document and its history, the selection, the active tool and its
parameters, the grid requests — and every user operation, as a method. No Qt, no VTK.

Views follow a session; they never own its state. The window's panels, the 3D scene
(:class:`mesomap.render.plan_scene.PlanScene`), a trainer's audience view and the command line
all act through the same methods and hear the same events (psygnal signals):

- ``doc.changed(Change)`` / ``doc.state_changed()``: what in the plan changed; dirty flag, undo;
- ``selection_changed``, ``injection_changed``, ``injection_hovered(target)``,
  ``visibility_changed(zone_id)``, ``brush_changed``, ``mode_changed(mode)``;
- ``message(text)``: a line for the user;
- ``grids.*`` (:class:`mesomap.session.grids.GridRequests`): layouts, previews, progress.

Every change to the plan is a document edit (undoable); the selection, hidden zones, brush
radius, mirror flag and tool mode are view state (not undoable, not saved). The operations live
by what they edit — painting and zones (:mod:`.zones`), a zone as a whole: its side, Fill and
Mirror to the other side (:mod:`.zone_shapes`), injection points of a grid
(:mod:`.injections`), reflex points (:mod:`.points`) — as functions of the session, bound here.
"""

from __future__ import annotations

import contextlib
from enum import Enum
from pathlib import Path

import numpy as np
from psygnal import Signal

from mesomap.geometry.brush_limits import BRUSH_MAX_MM, BRUSH_MIN_MM
from mesomap.geometry.surface import PaintingSurface
from mesomap.io.plan_check import OpenedPlan, open_plan_file
from mesomap.model.document import Document
from mesomap.model.plan import InjectionPoint, Plan, ReflexPoint, Zone
from mesomap.session import body_shape, device, files, injections, points, zone_shapes, zones
from mesomap.session import messages as M
from mesomap.session.zones import Stroke

DEFAULT_RADIUS_MM = 15.0


class Mode(str, Enum):
    NAVIGATE = "navigate"
    PAINT = "paint"
    ERASE = "erase"
    POINT = "point"
    INJECT = "inject"  # add, move and select injection points of a zone's grid
    FILL = "fill"  # click inside a closed outline of the selected zone to fill it


class Session:
    """One plan being planned on one painting surface, with its selection and tool state.

    ``surface`` is None while a user mesh (not a bundled body) is shown: then the plan cannot be
    edited and every editing call is refused. ``grids`` (a GridRequests, set by whoever composes
    the session) lays out grids in the background; without it, parameter changes apply at once.
    """

    selection_changed = Signal()
    injection_changed = Signal()  # the selected injection point changed (or its values did)
    injection_hovered = Signal(object)  # (zone id, index) under the cursor, or None
    visibility_changed = Signal(str)  # zone id
    points_visibility_changed = Signal()  # which reflex points are shown (a lesson step)
    highlight_changed = Signal()  # the zones a lesson step highlights (the others are drawn faded)
    brush_changed = Signal()  # radius or mirror
    mode_changed = Signal(str)
    message = Signal(object)  # a Message (mesomap.session.messages) for the status line
    surface_changed = Signal()  # the body the plan is edited on changed (or editing turned off)

    def __init__(self, doc: Document | None = None, surface: PaintingSurface | None = None, plan: Plan | None = None):
        if doc is None:
            if plan is None:
                raise ValueError("a session needs a document or a plan")
            doc = Document(plan)
        self.doc = doc
        self.surface = surface
        self.zone_id: str | None = None
        self.point_id: str | None = None
        self.injection: tuple[str, int] | None = None  # (zone id, index in its injections)
        self.grids = None  # a GridRequests: gridded zones follow their layout parameters
        self.autosaver = None  # an Autosaver: autosave_tick() keeps a copy of unsaved changes
        self.records_link = None  # a RecordsLink: the autosave notes which records session the plan belongs to
        self.templates = None  # the zone and point templates (mirror partners of template zones come from them)
        self.hidden: set[str] = set()
        self.hidden_points: set[str] = set()  # reflex points not shown (view state, like hidden zones)
        self.highlighted: tuple[str, ...] = ()  # a lesson step's highlighted zones (view state)
        self.sides_by_hand: set[str] = set()  # zones whose side the user chose (painting leaves it)
        self.radius_mm = DEFAULT_RADIUS_MM
        self.mirror = False
        self.mode = Mode.NAVIGATE
        self.stroke_state: Stroke | None = None
        self._gesture: contextlib.ExitStack | None = None
        self._positions: dict[str, tuple[tuple[InjectionPoint, ...], np.ndarray]] = {}  # zone id -> (points, mm)
        self.doc.changed.connect(self._tidy_selection)
        self.doc.refused.connect(self.say)
        self.doc.changed.connect(self._follow_shape)

    # -- operations (functions of the session, by what they edit) --------------------------------
    begin_stroke = zones.begin_stroke
    dab_faces = zones.dab_faces
    stroke = zones.stroke
    apply_faces = zones.apply_faces
    add_zone = zones.add_zone
    add_zone_from_template = zones.add_zone_from_template
    delete_zone = zones.delete_zone
    clear_zone = zones.clear_zone
    update_zone = zones.update_zone
    set_zone_params = zones.set_zone_params
    shown_params = zones.shown_params
    fill_at = zone_shapes.fill_at
    mirror_zone = zone_shapes.mirror_zone
    begin_add_injection = injections.begin_add_injection
    add_injection = injections.add_injection
    begin_move_injection = injections.begin_move_injection
    drag_injection = injections.drag_injection
    delete_injection = injections.delete_injection
    set_injection_pinned = injections.set_injection_pinned
    clear_grid = injections.clear_grid
    add_point_from_template = points.add_point_from_template
    begin_place_point = points.begin_place_point
    begin_move_point = points.begin_move_point
    drag_point = points.drag_point
    delete_point = points.delete_point
    update_point = points.update_point
    lay_out = files.lay_out
    move_to_body = files.move_to_body
    set_body_shape = body_shape.set_body_shape
    _follow_shape = body_shape.follow_shape
    body_measures = body_shape.body_measures
    shape_for = body_shape.shape_for
    new_plan = files.new_plan
    open_plan = files.open_plan
    restore = files.restore
    import_points = files.import_points
    device_program = device.device_program
    send = device.send
    save = files.save
    autosave_tick = files.autosave_tick
    export = files.export

    # -- state ---------------------------------------------------------------
    @classmethod
    def open(cls, path, *, inline: bool = False) -> tuple[Session, OpenedPlan]:
        """A session on the plan in ``path`` and on its body (PlanFileError, MeshLoadError when it cannot be
        opened), with what opening found (injections off their zone, stale stored values).

        ``inline``: grids are laid out in the caller's thread (the command line), not in a worker process.
        """
        from mesomap.session.grids import GridRequests
        from mesomap.session.worker import InlineWorker

        opened = open_plan_file(path)
        session = cls(Document(opened.plan, Path(path)), opened.surface)
        from mesomap.session.scan import plan_layout_key

        folder = Path(path).resolve().parent  # a plan on a scan: its fit file is beside it
        session.grids = GridRequests(session.doc, lambda: plan_layout_key(session.plan, folder)
                                     if session.enabled else None, InlineWorker() if inline else None)
        return session, opened

    @property
    def plan(self) -> Plan:
        return self.doc.plan

    @property
    def enabled(self) -> bool:
        """The plan can be edited: a bundled body is shown and the document is not locked (a done session)."""
        return self.surface is not None and self.doc.locked is None

    def why_not_editable(self):
        """The Message saying why editing is off (see :attr:`enabled`)."""
        return self.doc.locked if self.doc.locked is not None else M.NEEDS_BUNDLED_BODY()

    @property
    def zone(self) -> Zone | None:
        try:
            return self.plan.zone(self.zone_id) if self.zone_id else None
        except KeyError:
            return None

    @property
    def point(self) -> ReflexPoint | None:
        try:
            return self.plan.point(self.point_id) if self.point_id else None
        except KeyError:
            return None

    @property
    def injection_point(self) -> InjectionPoint | None:
        """The selected injection point (None when none is selected)."""
        if self.injection is None:
            return None
        zone_id, index = self.injection
        try:
            return self.plan.zone(zone_id).injections[index]
        except (KeyError, IndexError):
            return None

    def set_surface(self, surface: PaintingSurface | None) -> None:
        """The body the plan is edited on (None: a user mesh is shown, editing is off)."""
        self.end_gesture()
        changed = surface is not self.surface
        self.surface = surface
        self._positions.clear()
        if changed:
            self.surface_changed.emit()

    # -- where things are (geometry, never read back from a view) ---------------------------------
    def injection_positions(self, zone: Zone) -> np.ndarray:
        """(n, 3) mm skin positions of a zone's injections, in order (cached per grid)."""
        cached = self._positions.get(zone.id)
        if cached is not None and cached[0] is zone.injections:
            return cached[1]
        if not zone.injections:
            pos = np.zeros((0, 3))
        else:
            pos, _ = self.surface.points_on_faces([q.face for q in zone.injections],
                                                  [q.barycentric for q in zone.injections])
        self._positions[zone.id] = (zone.injections, pos)
        return pos

    def point_positions(self) -> dict[str, np.ndarray]:
        """Reflex point id -> (3,) mm skin position."""
        pts = self.plan.points
        if not pts or self.surface is None:
            return {}
        pos, _ = self.surface.points_on_faces([p.face for p in pts], [p.barycentric for p in pts])
        return {p.id: pos[i] for i, p in enumerate(pts)}

    # -- tool ----------------------------------------------------------------
    def set_mode(self, mode: Mode | str) -> None:
        mode = Mode(mode)
        if mode != self.mode:
            self.end_gesture()
            self.mode = mode
            self.mode_changed.emit(mode.value)

    def set_radius(self, radius_mm: float) -> None:
        r = float(min(max(radius_mm, BRUSH_MIN_MM), BRUSH_MAX_MM))
        if r != self.radius_mm:
            self.radius_mm = r
            self.brush_changed.emit()

    def set_mirror(self, on: bool) -> None:
        if bool(on) != self.mirror:
            self.mirror = bool(on)
            self.brush_changed.emit()

    # -- selection -----------------------------------------------------------
    def select_zone(self, zone_id: str | None) -> None:
        """Select a zone; an injection point selected in another zone is no longer selected (Delete and Pin
        act only on what the user sees selected)."""
        if zone_id != self.zone_id:
            self.zone_id = zone_id
            self.selection_changed.emit()
            if self.highlighted and zone_id not in self.highlighted:
                self.set_highlighted(())  # the user picked another zone: no longer a step's highlight
        if self.injection is not None and self.injection[0] != zone_id:
            self.injection = None
            self.injection_changed.emit()

    def select_point(self, point_id: str | None) -> None:
        if point_id != self.point_id:
            self.point_id = point_id
            self.selection_changed.emit()

    def select_injection(self, zone_id: str | None, index: int | None = None) -> None:
        """Select injection ``index`` of a zone (and the zone); None clears."""
        target = None if zone_id is None or index is None else (zone_id, int(index))
        if zone_id is not None:
            self.select_zone(zone_id)
        if target != self.injection:
            self.injection = target
            self.injection_changed.emit()

    def hover_injection(self, target: tuple[str, int] | None) -> None:
        """The injection under the pointer changed (None: none)."""
        self.injection_hovered.emit(target)

    def set_zone_visible(self, zone_id: str, visible: bool) -> None:
        """Show or hide a zone; hiding it drops the selection of an injection point in it."""
        if visible == (zone_id in self.hidden):
            (self.hidden.discard if visible else self.hidden.add)(zone_id)
            self.visibility_changed.emit(zone_id)
        if not visible and self.injection is not None and self.injection[0] == zone_id:
            self.injection = None
            self.injection_changed.emit()

    def set_highlighted(self, zone_ids) -> None:
        """Highlight these zones (a lesson step), the others drawn faded; () ends it. View state."""
        zone_ids = tuple(zone_ids)
        if zone_ids != self.highlighted:
            self.highlighted = zone_ids
            self.highlight_changed.emit()

    def set_points_shown(self, point_ids) -> None:
        """Show only the reflex points ``point_ids`` (view state: the plan does not change)."""
        hidden = {p.id for p in self.plan.points} - set(point_ids)
        if hidden != self.hidden_points:
            self.hidden_points = hidden
            self.points_visibility_changed.emit()

    def say(self, message) -> None:
        """Tell the user (a Message; the window's status bar, the CLI's stderr word it)."""
        self.message.emit(message)

    def refuse(self, why) -> bool:
        """Say why an operation was refused (a Message); False, for ``return s.refuse(...)``."""
        self.message.emit(why)
        return False

    def _tidy_selection(self, change) -> None:
        """Forget selections and hidden flags of zones and points that are gone (after undo, open…)."""
        zone_ids = {z.id for z in self.plan.zones}
        self.hidden &= zone_ids
        self.hidden_points &= {p.id for p in self.plan.points}
        if any(z not in zone_ids for z in self.highlighted):
            self.set_highlighted(z for z in self.highlighted if z in zone_ids)
        self.sides_by_hand = set() if change.reset else self.sides_by_hand & zone_ids
        for zone_id in [z for z in self._positions if z not in zone_ids]:
            del self._positions[zone_id]
        changed = False
        if self.injection is not None:
            zone_id, index = self.injection
            gone = change.reset or zone_id not in zone_ids or index >= len(self.plan.zone(zone_id).injections)
            if gone:
                self.injection = None
            if gone or zone_id in change.zones_changed:
                self.injection_changed.emit()
        if self.zone_id is not None and self.zone_id not in zone_ids:
            self.zone_id = self.plan.zones[-1].id if self.plan.zones else None
            changed = True
        if self.point_id is not None and self.point_id not in {p.id for p in self.plan.points}:
            self.point_id = None
            changed = True
        if change.zones_added and not change.reset:
            stroke_zone = self.stroke_state.zone_id if self.stroke_state is not None else None
            self.zone_id = change.zones_added[-1] if self._gesture is None or stroke_zone is None else stroke_zone
            changed = True
        if change.points_added and not change.reset:
            self.point_id = change.points_added[-1]
            changed = True
        if changed:
            self.selection_changed.emit()

    # -- gestures: one drag = one undo step ----------------------------------
    @property
    def in_gesture(self) -> bool:
        return self._gesture is not None

    def begin_gesture(self, label: str) -> None:
        """Open one undo step that the following edits join, until :meth:`end_gesture`."""
        self.end_gesture()
        self._gesture = contextlib.ExitStack()
        self._gesture.enter_context(self.doc.macro(label))

    def end_gesture(self) -> None:
        """Close the running stroke or drag (its edits become one undo step)."""
        if self._gesture is not None:
            zone_shapes.end_stroke(self)  # the stroke's zone takes its side, in the stroke's undo step
        gesture, self._gesture = self._gesture, None
        self.stroke_state = None
        if gesture is not None:
            gesture.close()
