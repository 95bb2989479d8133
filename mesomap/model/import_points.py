"""Positions from elsewhere (3D Slicer point lists) as reflex points on the plan's skin.

Two pure steps, so the caller decides what to do with points off the skin:

1. :func:`prepare_import` snaps every position to the nearest point of the
   painting surface (exact: the closest point over the triangles near it) and
   sorts the results into reflex points to add and points refused because they
   lie farther than ``max_distance_mm`` from the skin (label and distance each).
2. :func:`apply_import` adds the new points and updates the matched ones as
   one new Plan value, so ``Document.edit(import_label(r), apply_import, r)``
   is one undo step.

Re-importing a file does not duplicate points: an item whose code (its label)
and side match a reflex point of the plan updates that point in place
(position, name, depth, volume, notes), and the result says what changed.

:func:`import_points` does both and refuses the whole import when any point is
too far (what the command line wants).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol

import numpy as np

from mesomap.geometry.surface import PaintingSurface
from mesomap.model.edits import POINT_EXISTS, check_point, next_id
from mesomap.model.messages import Kind, Message, MessageError
from mesomap.model.plan import Plan, ReflexPoint

MAX_DISTANCE_NEGATIVE = Kind("max_distance_negative", "max_distance_mm")
IMPORTED_POINT_INVALID = Kind("imported_point_invalid", "label", "problem")
IMPORTED_POINT_INVALID_AT = Kind("imported_point_invalid_at", "label", "where", "problem")
FAR_POINT = Kind("far_point", "label", "distance_mm", severity="info")
POINTS_TOO_FAR = Kind("points_too_far", "count", "max_distance_mm", "items")
POINTS_TOO_FAR_AND_MORE = Kind("points_too_far_and_more", "count", "max_distance_mm", "items", "more")
POINT_UPDATED = Kind("point_updated", "point", "changes", severity="info")
POINT_MOVED = Kind("point_moved", "distance_mm", severity="info")
NAME_CHANGED = Kind("name_changed", "before", "after", severity="info")
DEPTH_CHANGED = Kind("depth_changed", "before_mm", "after_mm", severity="info")
VOLUME_CHANGED = Kind("volume_changed", "before_ml", "after_ml", severity="info")
NOTES_CHANGED = Kind("notes_changed", severity="info")
IMPORT_SUMMARY = Kind("import_summary", "items", severity="info")
IMPORT_NEW_POINTS = Kind("import_new_points", "count", severity="info")
IMPORT_UPDATED_POINTS = Kind("import_updated_points", "count", "items", severity="info")
IMPORT_UPDATED_POINTS_AND_MORE = Kind("import_updated_points_and_more", "count", "items", "more", severity="info")
IMPORT_UNCHANGED_POINTS = Kind("import_unchanged_points", "count", severity="info")
UNDO_IMPORT_POINTS = Kind("undo_import_points", "count", severity="info")
UNDO_UPDATE_POINTS = Kind("undo_update_points", "count", severity="info")

#: Points farther than this from the skin are refused unless the caller allows more.
DEFAULT_MAX_DISTANCE_MM = 10.0
#: |x| within this is the midline (the same rule as a point placed by hand in the window).
MIDLINE_MM = 3.0


class PositionedPoint(Protocol):
    """What an imported point needs to offer (``mesomap.io.import_markups.MarkupPoint`` does).

    It may also offer ``name``, ``side``, ``depth_mm`` and ``volume_ml`` (None: not given).
    """

    label: str
    position_mm: tuple[float, float, float]
    description: str
    group: str


@dataclass(frozen=True)
class PointUpdate:
    """A reflex point of the plan that an imported item updates in place: before, after, what changed."""

    before: ReflexPoint
    after: ReflexPoint
    changes: tuple[Message, ...]

    @property
    def message(self) -> Message:
        """E.g. ``LI4 left: moved 2.4 mm; depth 4 → 6 mm``."""
        label = " ".join((self.after.code, self.after.side)) if self.after.side != "midline" else self.after.code
        return POINT_UPDATED(point=label, changes=self.changes)

    def describe(self) -> str:
        return self.message.text()


@dataclass(frozen=True)
class FarPoint:
    """A position refused: ``distance_mm`` from the nearest skin."""

    label: str
    distance_mm: float
    position_mm: tuple[float, float, float]


@dataclass(frozen=True)
class PointImport:
    """The outcome of snapping: reflex points ready to add, each one's snap distance, points refused."""

    points: tuple[ReflexPoint, ...]
    distances_mm: tuple[float, ...]
    far: tuple[FarPoint, ...]
    max_distance_mm: float | None
    updated: tuple[PointUpdate, ...] = ()
    unchanged: tuple[ReflexPoint, ...] = ()

    @property
    def changes_anything(self) -> bool:
        return bool(self.points or self.updated)

    @property
    def summary_message(self) -> Message:
        """E.g. ``2 new reflex points, 1 updated (LI4 left: moved 2.4 mm), 3 unchanged``."""
        parts = [IMPORT_NEW_POINTS(count=len(self.points))]
        if self.updated:
            shown = tuple(u.message for u in self.updated[:4])
            more = len(self.updated) - 4
            parts.append(IMPORT_UPDATED_POINTS_AND_MORE(count=len(self.updated), items=shown, more=more) if more > 0
                         else IMPORT_UPDATED_POINTS(count=len(self.updated), items=shown))
        if self.unchanged:
            parts.append(IMPORT_UNCHANGED_POINTS(count=len(self.unchanged)))
        return IMPORT_SUMMARY(items=tuple(parts))

    def summary(self) -> str:
        return self.summary_message.text()

    @property
    def largest_snap_mm(self) -> float:
        return max(self.distances_mm, default=0.0)

    def far_problem(self, limit: int = 8) -> Message:
        """Which points are too far, and how far (the first ``limit`` of them)."""
        shown = tuple(FAR_POINT(label=f.label, distance_mm=f.distance_mm) for f in self.far[:limit])
        more = len(self.far) - limit
        if more > 0:
            return POINTS_TOO_FAR_AND_MORE(count=len(self.far), max_distance_mm=self.max_distance_mm, items=shown,
                                           more=more)
        return POINTS_TOO_FAR(count=len(self.far), max_distance_mm=self.max_distance_mm, items=shown)

    def far_message(self, limit: int = 8) -> str:
        """One line: which points are too far, and how far (the first ``limit`` of them)."""
        return self.far_problem(limit).text()


class PointsTooFar(MessageError):
    """Some positions are too far from the skin to be put on it; ``str(err)`` lists them."""

    def __init__(self, result: PointImport):
        super().__init__(result.far_problem())
        self.result = result


def snap_to_skin(surface: PaintingSurface, positions_mm):
    """The nearest skin point of each position (n, 3): (faces (n,), barycentrics (n, 3), distances_mm (n,)).

    See :meth:`~mesomap.geometry.surface.PaintingSurface.nearest_points` (exact).
    """
    return surface.nearest_points(positions_mm)


# -- the import ------------------------------------------------------------------------------
def side_of(x_mm: float) -> str:
    return "right" if x_mm > MIDLINE_MM else "left" if x_mm < -MIDLINE_MM else "midline"


def _changes(before: ReflexPoint, after: ReflexPoint, moved_mm: float) -> tuple[Message, ...]:
    """What differs between two versions of a reflex point (positions within 0.01 mm are the same)."""
    out = [POINT_MOVED(distance_mm=moved_mm)] if moved_mm > 0.01 else []
    if after.name != before.name:
        out.append(NAME_CHANGED(before=before.name, after=after.name))
    if after.depth_mm != before.depth_mm:
        out.append(DEPTH_CHANGED(before_mm=before.depth_mm, after_mm=after.depth_mm))
    if after.volume_ml != before.volume_ml:
        out.append(VOLUME_CHANGED(before_ml=before.volume_ml, after_ml=after.volume_ml))
    if after.notes != before.notes:
        out.append(NOTES_CHANGED())
    return tuple(out)


def prepare_import(plan: Plan, surface: PaintingSurface, items: Sequence[PositionedPoint],
                   max_distance_mm: float | None = DEFAULT_MAX_DISTANCE_MM) -> PointImport:
    """Reflex points for ``plan`` at the skin nearest to each item, the plan's points they update, the items refused.

    Each item's label is its code; its side is the item's ``side`` when given,
    else follows x. An item whose (code, side) is a reflex point of the plan
    (each matched once, in plan order) updates that point: new position, and
    the item's name, depth, volume and notes where it gives them. Other items
    become new points: the item's name (else its group, the Slicer list name),
    description as notes, depth and volume when given (else the reflex point
    defaults), fresh ids. Items farther than ``max_distance_mm`` from the skin
    (None: no limit) become :class:`FarPoint` entries, in file order. An item
    whose depth or volume no reflex point may have raises ValueError naming it.
    """
    if max_distance_mm is not None and not max_distance_mm >= 0:
        raise MessageError(MAX_DISTANCE_NEGATIVE(max_distance_mm=max_distance_mm))
    items = list(items)
    positions = np.array([it.position_mm for it in items], dtype=np.float64).reshape(-1, 3)
    faces, barys, dist = snap_to_skin(surface, positions)
    taken = [p.id for p in plan.points]
    unclaimed = list(plan.points)
    points, distances, far, updated, unchanged = [], [], [], [], []
    default = ReflexPoint("", "", "", 0, (1.0, 0.0, 0.0))
    for it, face, bary, d in zip(items, faces, barys, dist):
        if max_distance_mm is not None and d > max_distance_mm:
            far.append(FarPoint(it.label, float(d), tuple(float(c) for c in it.position_mm)))
            continue
        pos, _ = surface.point_on_face(int(face), bary)
        side = getattr(it, "side", None) or side_of(float(pos[0]))
        match = next((p for p in unclaimed if p.code == it.label and p.side == side), None)
        base = match or default
        name, depth, volume = getattr(it, "name", None), getattr(it, "depth_mm", None), getattr(it, "volume_ml", None)
        point = ReflexPoint(
            id=base.id, code=it.label,
            name=name if name is not None else base.name if match else (it.group or "Imported point"),
            face=int(face), barycentric=tuple(float(b) for b in bary), side=side,
            depth_mm=base.depth_mm if depth is None else depth, volume_ml=base.volume_ml if volume is None else volume,
            angle_deg=base.angle_deg, notes=it.description,
        )
        errors = point.errors()
        if errors:  # a depth or volume from the file that no reflex point may have
            where = getattr(it, "where", "")
            raise MessageError(IMPORTED_POINT_INVALID_AT(label=it.label, where=where, problem=errors[0]) if where
                               else IMPORTED_POINT_INVALID(label=it.label, problem=errors[0]))
        if match is not None:
            unclaimed.remove(match)
            old_pos, _ = surface.point_on_face(match.face, match.barycentric)
            changes = _changes(match, point, float(np.linalg.norm(np.asarray(pos) - np.asarray(old_pos))))
            if changes:
                updated.append(PointUpdate(match, point, changes))
            else:
                unchanged.append(match)
            continue
        pid = next_id(taken, "pt")
        taken.append(pid)
        points.append(replace(point, id=pid))
        distances.append(float(d))
    return PointImport(tuple(points), tuple(distances), tuple(far), max_distance_mm, tuple(updated), tuple(unchanged))


def add_points(plan: Plan, points: Sequence[ReflexPoint]) -> Plan:
    """``plan`` with ``points`` appended (one new value: one undo step); refuses ids in use or invalid points."""
    ids = [p.id for p in plan.points]
    for point in points:
        if point.id in ids:
            raise MessageError(POINT_EXISTS(point_id=point.id))
        ids.append(point.id)
        check_point(point)
    return replace(plan, points=plan.points + tuple(points)) if points else plan


def apply_import(plan: Plan, result: PointImport) -> Plan:
    """``plan`` with the result's updated points replaced in place and its new points appended (one new value)."""
    if result.updated:
        after = {u.after.id: u.after for u in result.updated}
        for point in after.values():
            check_point(point)
        plan = replace(plan, points=tuple(after.get(p.id, p) for p in plan.points))
    return add_points(plan, result.points)


def import_points(plan: Plan, surface: PaintingSurface, items: Sequence[PositionedPoint],
                  max_distance_mm: float | None = DEFAULT_MAX_DISTANCE_MM) -> tuple[Plan, PointImport]:
    """The plan with every item added (or its point updated) on the skin; PointsTooFar (nothing changed) when any is too far."""
    result = prepare_import(plan, surface, items, max_distance_mm)
    if result.far:
        raise PointsTooFar(result)
    return apply_import(plan, result), result


def import_label(result: PointImport) -> Message:
    """The undo step's name (a Message)."""
    n = len(result.points)
    if result.updated and not n:
        return UNDO_UPDATE_POINTS(count=len(result.updated))
    return UNDO_IMPORT_POINTS(count=n)
