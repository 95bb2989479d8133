"""The plan editor: the open document, the painting surface, the selection and the tool settings.

Everything the tools and panels do to a plan goes through here as a document
edit (so it is undoable); the selection, zone visibility, brush radius,
mirror flag and tool mode are view state (not undoable, not saved).

The edits live by what they edit, mixed into :class:`PlanEditor`: painting and
zones in :mod:`mesomap.ui.editor_zones`, injection points of a grid in
:mod:`mesomap.ui.editor_injections`, reflex points in :mod:`mesomap.ui.editor_points`.
"""

from __future__ import annotations

import contextlib
from enum import Enum

from PySide6.QtCore import QObject, Signal

from mesomap.geometry.brush import BRUSH_MAX_MM, BRUSH_MIN_MM
from mesomap.geometry.surface import PaintingSurface
from mesomap.model.document import Document
from mesomap.model.plan import InjectionPoint, Plan, ReflexPoint, Zone
from mesomap.ui.editor_injections import InjectionEdits
from mesomap.ui.editor_points import PointEdits
from mesomap.ui.editor_zones import ZoneEdits

# The helpers this module held before the edits moved out stay importable from here (grids.py imports
# LAYOUT_FIELDS and layout_changed); new code imports them from where they are defined.
from mesomap.ui.editor_injections import plan_order  # noqa: F401
from mesomap.ui.editor_points import MIDLINE_MM  # noqa: F401
from mesomap.ui.editor_zones import (  # noqa: F401
    LAYOUT_FIELDS,
    in_zone,
    layout_changed,
    new_partner_zone,
    partner_zone,
    swap_side_words,
    zone_at_face,
)

DEFAULT_RADIUS_MM = 15.0


class Mode(str, Enum):
    NAVIGATE = "navigate"
    PAINT = "paint"
    ERASE = "erase"
    POINT = "point"
    INJECT = "inject"  # add, move and select injection points of a zone's grid


class PlanEditor(ZoneEdits, InjectionEdits, PointEdits, QObject):
    """Edits the document's plan on a painting surface; holds selection and tool state.

    ``surface`` is None while a user mesh (not a bundled body) is shown: then
    the plan cannot be edited and every editing call is refused.
    """

    selection_changed = Signal()
    injection_changed = Signal()  # the selected injection point changed (or its values did)
    injection_hovered = Signal(object)  # (zone id, index) under the cursor, or None
    visibility_changed = Signal(str)  # zone id
    brush_changed = Signal()  # radius or mirror
    mode_changed = Signal(str)
    message = Signal(str)  # a status line for the user

    def __init__(self, doc: Document, surface: PaintingSurface | None = None):
        super().__init__()
        self.doc = doc
        self.surface = surface
        self.zone_id: str | None = None
        self.point_id: str | None = None
        self.injection: tuple[str, int] | None = None  # (zone id, index in its injections)
        self.grids = None  # a GridController: gridded zones follow their layout parameters
        self.hidden: set[str] = set()
        self.radius_mm = DEFAULT_RADIUS_MM
        self.mirror = False
        self.mode = Mode.NAVIGATE
        self._gesture: contextlib.ExitStack | None = None
        self._stroke_zone: str | None = None
        self._stroke_erase = False
        self._stroking = False
        self._new_zone_name: str | None = None
        self.doc.changed.connect(self._tidy_selection)

    # -- state ---------------------------------------------------------------
    @property
    def plan(self) -> Plan:
        return self.doc.plan

    @property
    def enabled(self) -> bool:
        return self.surface is not None

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

    def select_zone(self, zone_id: str | None) -> None:
        if zone_id != self.zone_id:
            self.zone_id = zone_id
            self.selection_changed.emit()

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

    def set_zone_visible(self, zone_id: str, visible: bool) -> None:
        if visible == (zone_id in self.hidden):
            (self.hidden.discard if visible else self.hidden.add)(zone_id)
            self.visibility_changed.emit(zone_id)

    def _tidy_selection(self, change) -> None:
        """Forget selections and hidden flags of zones and points that are gone (after undo, open…)."""
        zone_ids = {z.id for z in self.plan.zones}
        self.hidden &= zone_ids
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
            self.zone_id = change.zones_added[-1] if self._gesture is None or self._stroke_zone is None else self._stroke_zone
            changed = True
        if change.points_added and not change.reset:
            self.point_id = change.points_added[-1]
            changed = True
        if changed:
            self.selection_changed.emit()

    def _refuse(self, why: str) -> bool:
        self.message.emit(why)
        return False

    # -- gestures: one drag = one undo step ----------------------------------
    @property
    def in_gesture(self) -> bool:
        return self._gesture is not None

    def _begin_gesture(self, label: str) -> None:
        self.end_gesture()
        self._gesture = contextlib.ExitStack()
        self._gesture.enter_context(self.doc.macro(label))

    def end_gesture(self) -> None:
        """Close the running stroke or drag (its edits become one undo step)."""
        gesture, self._gesture = self._gesture, None
        self._stroke_zone = None
        self._stroking = False
        if gesture is not None:
            gesture.close()
