"""The plan editor: the open document, the painting surface, the selection and the tool settings.

Everything the tools and panels do to a plan goes through here as a document
edit (so it is undoable); the selection, zone visibility, brush radius,
mirror flag and tool mode are view state (not undoable, not saved).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from dataclasses import replace
from enum import Enum

import numpy as np
from PySide6.QtCore import QObject, Signal

from mesomap.geometry.brush import BRUSH_MAX_MM, BRUSH_MIN_MM, brush_faces
from mesomap.geometry.pick import RayHit
from mesomap.geometry.surface import PaintingSurface
from mesomap.model import edits
from mesomap.model.document import Document
from mesomap.model.plan import InjectionPoint, Plan, ReflexPoint, Zone, face_set
from mesomap.io.plan_builder import point_from_template, zone_from_template

#: Points closer than this to the midline (mm) are "midline" when placed by hand.
MIDLINE_MM = 3.0
DEFAULT_RADIUS_MM = 15.0
#: Template patterns that the plan model names differently.


class Mode(str, Enum):
    NAVIGATE = "navigate"
    PAINT = "paint"
    ERASE = "erase"
    POINT = "point"
    INJECT = "inject"  # add, move and select injection points of a zone's grid


def swap_side_words(text: str) -> str:
    """'Cheek, left' -> 'Cheek, right' and 'cheek_left' -> 'cheek_right' (case kept)."""
    def swap(m: re.Match) -> str:
        word = m.group(0)
        new = {"left": "right", "right": "left"}[word.lower()]
        return new.capitalize() if word[0].isupper() else new

    return re.sub(r"(?i)(?<![a-z])(left|right)(?![a-z])", swap, text)


def partner_zone(plan: Plan, zone: Zone) -> Zone | None:
    """The zone for the other side of a left/right zone (same template or same name), if any."""
    if zone.side not in ("left", "right"):
        return None
    other = "right" if zone.side == "left" else "left"
    for z in plan.zones:
        if z.id == zone.id or z.side != other:
            continue
        if zone.template and z.template == swap_side_words(zone.template):
            return z
        if z.name == swap_side_words(zone.name):
            return z
    return None


def new_partner_zone(plan: Plan, zone: Zone) -> Zone:
    """A fresh zone for the other side of ``zone``, with its parameters and no faces."""
    other = "right" if zone.side == "left" else "left"
    name = swap_side_words(zone.name)
    if name == zone.name:
        name = f"{zone.name} ({other})"
    template = swap_side_words(zone.template) if zone.template else None
    return Zone(
        id=edits.next_id([z.id for z in plan.zones], "zone"), name=name, color=edits.next_color(plan),
        side=other, params=zone.params, template=template if template != zone.template else None,
    )


#: The parameters a grid is laid out from (see Zone.layout_fingerprint).
LAYOUT_FIELDS = ("pattern", "spacing_mm", "margin_mm", "row_spacing_mm", "row_angle_deg")


def layout_changed(old, new) -> bool:
    """True when two TreatmentParams lay out different grids."""
    return any(getattr(old, f) != getattr(new, f) for f in LAYOUT_FIELDS)


def in_zone(zone: Zone, face: int) -> bool:
    """True when painting face ``face`` belongs to ``zone``."""
    i = np.searchsorted(zone.faces, face)
    return bool(i < len(zone.faces) and zone.faces[i] == face)


def plan_order(plan: Plan, zone_id: str, index: int) -> int:
    """The 1-based number of injection ``index`` of a zone in the whole plan's order (as exported)."""
    n = 0
    for z in plan.zones:
        if z.id == zone_id:
            return n + index + 1
        n += len(z.injections)
    raise KeyError(zone_id)


def zone_at_face(plan: Plan, face: int, hidden: Iterable[str] = ()) -> Zone | None:
    """The visible zone holding painting face ``face`` (the last in list order wins)."""
    hidden = set(hidden)
    for z in reversed(plan.zones):
        if z.id in hidden or len(z.faces) == 0:
            continue
        i = np.searchsorted(z.faces, face)
        if i < len(z.faces) and z.faces[i] == face:
            return z
    return None


class PlanEditor(QObject):
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

    # -- painting ------------------------------------------------------------
    def begin_stroke(self, erase: bool = False) -> bool:
        """Start a brush stroke on the current zone (the first dab makes a zone when there is none)."""
        if not self.enabled:
            return self._refuse("Plans are painted on the bundled bodies: switch to Female or Male.")
        zone = self.zone
        if zone is None and erase:
            return self._refuse("Select a zone to erase from.")
        verb = "Erase" if erase else "Paint"
        self._new_zone_name = None if zone else f"Zone {len(self.plan.zones) + 1}"
        self._begin_gesture(f"{verb} {zone.name if zone else self._new_zone_name}")
        self._stroke_zone = zone.id if zone else None
        self._stroke_erase = erase
        self._stroking = True
        if zone is not None and zone.id in self.hidden:
            self.set_zone_visible(zone.id, True)
            self.message.emit(f"{zone.name} was hidden: it is shown again while you paint it.")
        return True

    def dab_faces(self, hits: Iterable[tuple[RayHit, np.ndarray]]) -> np.ndarray:
        """The painting faces covered by brush dabs at ``hits`` [(hit, ray direction)]."""
        parts = [brush_faces(self.surface, hit, self.radius_mm, view_dir=direction) for hit, direction in hits]
        if not parts:
            return np.empty(0, dtype=np.int64)
        return parts[0] if len(parts) == 1 else face_set(np.concatenate(parts))

    def stroke(self, hits: Iterable[tuple[RayHit, np.ndarray]]) -> bool:
        """Apply dabs at ``hits`` to the stroke's zone (and its mirror) as one edit."""
        if not self._stroking:
            return False
        faces = self.dab_faces(hits)
        if len(faces) == 0:
            return False
        if self._stroke_zone is None:  # nothing selected: the stroke's first dab makes the zone
            zone = Zone(id=edits.next_id([z.id for z in self.plan.zones], "zone"), name=self._new_zone_name,
                        color=edits.next_color(self.plan))
            self.doc.edit(f"Add {zone.name}", edits.add_zone, zone)
            self.select_zone(zone.id)
            self._stroke_zone = zone.id
        return self.apply_faces(self._stroke_zone, faces, erase=self._stroke_erase)

    def apply_faces(self, zone_id: str, faces: np.ndarray, erase: bool = False) -> bool:
        """Paint (or erase) ``faces`` into a zone, and with mirror on their mirror image too.

        Mirror: a midline or bilateral zone receives both halves; a left or
        right zone sends the mirror half to its partner zone for the other
        side, which painting creates when missing (erasing never creates).
        """
        zone = self.plan.zone(zone_id)
        targets: list[tuple[str, np.ndarray]] = [(zone.id, faces)]
        if self.mirror and self.surface.face_mirror is not None:
            mirrored = self.surface.mirrored(faces)
            partner = partner_zone(self.plan, zone)
            if zone.side not in ("left", "right"):
                targets = [(zone.id, face_set(np.concatenate([faces, mirrored])))]
            elif partner is not None:
                targets.append((partner.id, mirrored))
            elif not erase:
                partner = new_partner_zone(self.plan, zone)
                self.doc.edit(f"Add {partner.name}", edits.add_zone, partner)
                targets.append((partner.id, mirrored))

        def apply(plan: Plan) -> Plan:
            for zid, f in targets:
                plan = (edits.erase if erase else edits.paint)(plan, zid, f)
            return plan

        return self.doc.edit(f"{'Erase' if erase else 'Paint'} {zone.name}", apply)

    # -- zones ---------------------------------------------------------------
    def add_zone(self, name: str | None = None) -> str | None:
        if not self.enabled:
            return None
        plan = self.plan
        zone = Zone(id=edits.next_id([z.id for z in plan.zones], "zone"),
                    name=name or f"Zone {len(plan.zones) + 1}", color=edits.next_color(plan))
        self.doc.edit(f"Add {zone.name}", edits.add_zone, zone)
        self.select_zone(zone.id)
        return zone.id

    def add_zone_from_template(self, template) -> str | None:
        """Add a template's zone with its faces and defaults (or select it when already there)."""
        if not self.enabled:
            return None
        existing = next((z for z in self.plan.zones if z.template == template.id), None)
        if existing is not None:
            self.select_zone(existing.id)
            self.message.emit(f"{existing.name} is in the plan already: selected it.")
            return existing.id
        zone = zone_from_template(template, self.surface, self.plan)
        self.doc.edit(f"Add {zone.name}", edits.add_zone, zone)
        self.select_zone(zone.id)
        return zone.id

    def delete_zone(self, zone_id: str | None = None) -> bool:
        zone_id = zone_id or self.zone_id
        if zone_id is None:
            return False
        index = [z.id for z in self.plan.zones].index(zone_id)
        name = self.plan.zone(zone_id).name
        self.doc.edit(f"Delete {name}", edits.remove_zone, zone_id)
        rest = self.plan.zones
        self.select_zone(rest[min(index, len(rest) - 1)].id if rest else None)
        return True

    def clear_zone(self, zone_id: str | None = None) -> bool:
        zone = self.plan.zone(zone_id) if zone_id else self.zone
        if zone is None:
            return False
        return self.doc.edit(f"Clear {zone.name}", edits.set_zone_faces, zone.id, [])

    def update_zone(self, zone_id: str, what: str, **changes) -> list[str]:
        """Change a zone's name, side, colour or notes; returns the reasons when refused."""
        zone = self.plan.zone(zone_id)
        if "name" in changes and not str(changes["name"]).strip():
            return ["a zone needs a name"]
        try:
            self.doc.edit(f"Set {what} of {zone.name}", edits.update_zone, zone_id, **changes)
        except ValueError as err:
            return [str(err)]
        return []

    def set_zone_params(self, zone_id: str, what: str, **changes) -> list[str]:
        """Change treatment parameters; refused (nothing changes) with the reasons when invalid."""
        zone = self.plan.zone(zone_id)
        pending = self.grids.pending_params(zone_id) if self.grids is not None else None
        base = pending or zone.params
        if "needle" in changes and isinstance(changes["needle"], dict):
            changes["needle"] = replace(base.needle, **changes["needle"])
        params = replace(base, **changes)
        errors = params.errors()
        if errors:
            return errors
        label = f"Set {what} of {zone.name}"
        if self.grids is not None and zone.injections and (pending is not None or layout_changed(zone.params, params)):
            self.grids.relayout(zone_id, label, params)  # the grid follows: parameters + grid, one step
            return []
        self.doc.edit(label, edits.set_zone_params, zone_id, params)
        return []

    def shown_params(self, zone: Zone):
        """The parameters to show for ``zone``: those being previewed or laid out, else the plan's."""
        shown = self.grids.display_params(zone.id) if self.grids is not None else None
        return shown or zone.params

    # -- injection points ------------------------------------------------------
    @property
    def injection_point(self) -> InjectionPoint | None:
        if self.injection is None:
            return None
        zone_id, index = self.injection
        try:
            return self.plan.zone(zone_id).injections[index]
        except (KeyError, IndexError):
            return None

    def select_injection(self, zone_id: str | None, index: int | None = None) -> None:
        """Select injection ``index`` of a zone (and the zone); None clears."""
        target = None if zone_id is None or index is None else (zone_id, int(index))
        if zone_id is not None:
            self.select_zone(zone_id)
        if target != self.injection:
            self.injection = target
            self.injection_changed.emit()

    def _grid_ready(self, zone: Zone) -> bool:
        if not zone.injections:
            return self._refuse(f"{zone.name} has no grid yet: generate it first (Ctrl+G), then edit its points.")
        if zone.grid_stale:
            return self._refuse(f"{zone.name} changed since its grid was laid out: regenerate it (Ctrl+G) "
                                "before editing its points.")
        return True

    def begin_add_injection(self, zone_id: str, hit: RayHit) -> bool:
        """Add a pinned injection at ``hit`` (on the skin, inside the zone) and select it; following
        :meth:`drag_injection` calls join its undo step (press, drag to adjust, release)."""
        if not self.enabled:
            return False
        zone = self.plan.zone(zone_id)
        if not self._grid_ready(zone):
            return False
        if not in_zone(zone, int(hit.face)):
            return self._refuse(f"That is outside {zone.name}: injection points are added inside their zone.")
        point = InjectionPoint(int(hit.face), tuple(float(b) for b in hit.barycentric), True)
        self._begin_gesture(f"Add injection to {zone.name}")
        self.doc.edit(f"Add injection to {zone.name}", edits.add_injection, zone_id, point)
        self.select_injection(zone_id, len(self.plan.zone(zone_id).injections) - 1)
        return True

    def add_injection(self, zone_id: str, hit: RayHit) -> int | None:
        """Add a pinned injection at ``hit`` as one undo step; its index, or None when refused."""
        if not self.begin_add_injection(zone_id, hit):
            return None
        self.end_gesture()
        return self.injection[1]

    def begin_move_injection(self, zone_id: str, index: int) -> bool:
        """Select an injection; the following :meth:`drag_injection` calls are one undo step."""
        zone = self.plan.zone(zone_id)
        self.select_injection(zone_id, index)
        if not self._grid_ready(zone):
            return False
        self._begin_gesture(f"Move injection {plan_order(self.plan, zone_id, index)} of {zone.name}")
        return True

    def drag_injection(self, hit: RayHit) -> bool:
        """Move the selected injection to ``hit`` (snapped to the skin; it stays inside its zone and is pinned)."""
        if self.injection is None or not self.in_gesture:
            return False
        zone_id, index = self.injection
        zone = self.plan.zone(zone_id)
        if not in_zone(zone, int(hit.face)):
            return False  # the point waits at the zone's edge until the cursor comes back inside
        point = InjectionPoint(int(hit.face), tuple(float(b) for b in hit.barycentric), True)
        return self.doc.edit("Move injection", edits.edit_injection, zone_id, index, point)

    def delete_injection(self) -> bool:
        if self.injection is None or not self.enabled:
            return False
        zone_id, index = self.injection
        zone = self.plan.zone(zone_id)
        n = plan_order(self.plan, zone_id, index)
        self.end_gesture()
        self.doc.edit(f"Delete injection {n} of {zone.name}", edits.edit_injection, zone_id, index, None)
        left = len(self.plan.zone(zone_id).injections)
        self.select_injection(zone_id, min(index, left - 1) if left else None)
        return True

    def set_injection_pinned(self, pinned: bool | None = None) -> bool:
        """Pin (kept when the grid is generated again) or unpin the selected injection; None toggles."""
        point = self.injection_point
        if point is None or not self.enabled:
            return False
        zone_id, index = self.injection
        pinned = (not point.pinned) if pinned is None else bool(pinned)
        zone = self.plan.zone(zone_id)
        n = plan_order(self.plan, zone_id, index)
        return self.doc.edit(f"{'Pin' if pinned else 'Unpin'} injection {n} of {zone.name}", edits.edit_injection,
                             zone_id, index, replace(point, pinned=pinned))

    def clear_grid(self, zone_id: str | None = None) -> bool:
        zone = self.plan.zone(zone_id) if zone_id else self.zone
        if zone is None or not zone.injections:
            return False
        return self.doc.edit(f"Clear grid of {zone.name}", edits.clear_zone_grid, zone.id)

    # -- reflex points -------------------------------------------------------
    def _new_point_id(self) -> str:
        return edits.next_id([p.id for p in self.plan.points], "pt")

    def add_point_from_template(self, template) -> str | None:
        if not self.enabled:
            return None
        existing = next((p for p in self.plan.points
                         if p.code == template.code and p.side == template.side and p.name == template.name), None)
        if existing is not None:
            self.select_point(existing.id)
            self.message.emit(f"{existing.code} ({existing.side}) is in the plan already: selected it.")
            return existing.id
        point = point_from_template(template, self.surface, self.plan)
        self.doc.edit(f"Add point {point.code}", edits.add_point, point)
        self.select_point(point.id)
        return point.id

    def begin_place_point(self, hit: RayHit) -> str | None:
        """Place a custom point at ``hit``; following :meth:`drag_point` calls join its undo step."""
        if not self.enabled:
            return None
        taken = {p.code for p in self.plan.points}
        n = 1
        while f"P{n}" in taken:
            n += 1
        x = hit.point_mm[0]
        side = "right" if x > MIDLINE_MM else "left" if x < -MIDLINE_MM else "midline"
        point = ReflexPoint(id=self._new_point_id(), code=f"P{n}", name="Custom point", face=int(hit.face),
                            barycentric=tuple(float(b) for b in hit.barycentric), side=side)
        self._begin_gesture(f"Place point {point.code}")
        self.doc.edit(f"Place point {point.code}", edits.add_point, point)
        self.select_point(point.id)
        return point.id

    def begin_move_point(self, point_id: str) -> None:
        self.select_point(point_id)
        self._begin_gesture(f"Move point {self.plan.point(point_id).code}")

    def drag_point(self, hit: RayHit) -> bool:
        """Move the selected point to ``hit`` (snapped to the skin)."""
        if self.point_id is None:
            return False
        return self.doc.edit("Move point", edits.update_point, self.point_id, face=int(hit.face),
                             barycentric=tuple(float(b) for b in hit.barycentric))

    def delete_point(self, point_id: str | None = None) -> bool:
        point_id = point_id or self.point_id
        if point_id is None:
            return False
        code = self.plan.point(point_id).code
        self.doc.edit(f"Delete point {code}", edits.remove_point, point_id)
        self.select_point(None)
        return True

    def update_point(self, point_id: str, what: str, **changes) -> list[str]:
        point = self.plan.point(point_id)
        try:
            self.doc.edit(f"Set {what} of {point.code or point.name}", edits.update_point, point_id, **changes)
        except ValueError as err:
            return [str(err).split(": ", 1)[-1]]
        return []
