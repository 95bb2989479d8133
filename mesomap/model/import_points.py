"""Positions from elsewhere (3D Slicer point lists) as reflex points on the plan's skin.

Two pure steps, so the caller decides what to do with points off the skin:

1. :func:`prepare_import` snaps every position to the nearest point of the
   painting surface (exact: the closest point over the triangles near it) and
   sorts the results into reflex points to add and points refused because they
   lie farther than ``max_distance_mm`` from the skin (label and distance each).
2. :func:`add_points` adds the new points to a plan as one new Plan value, so
   ``Document.edit("Import …", add_points, points)`` is one undo step.

:func:`import_points` does both and refuses the whole import when any point is
too far (what the command line wants).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol

import numpy as np

from mesomap.geometry.surface import PaintingSurface
from mesomap.model.edits import next_id
from mesomap.model.plan import Plan, ReflexPoint

#: Points farther than this from the skin are refused unless the caller allows more.
DEFAULT_MAX_DISTANCE_MM = 10.0
#: |x| within this is the midline (the same rule as a point placed by hand in the window).
MIDLINE_MM = 3.0


class PositionedPoint(Protocol):
    """What an imported point needs to offer (``mesomap.io.import_markups.MarkupPoint`` does)."""

    label: str
    position_mm: tuple[float, float, float]
    description: str
    group: str


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

    @property
    def largest_snap_mm(self) -> float:
        return max(self.distances_mm, default=0.0)

    def far_message(self, limit: int = 8) -> str:
        """One line: which points are too far, and how far (the first ``limit`` of them)."""
        shown = ", ".join(f"{f.label} ({f.distance_mm:.1f} mm)" for f in self.far[:limit])
        more = f" and {len(self.far) - limit} more" if len(self.far) > limit else ""
        n = len(self.far)
        return (f"{n} point{'s are' if n != 1 else ' is'} farther than {self.max_distance_mm:g} mm from the skin: "
                f"{shown}{more}")


class PointsTooFar(ValueError):
    """Some positions are too far from the skin to be put on it; ``str(err)`` lists them."""

    def __init__(self, result: PointImport):
        super().__init__(result.far_message())
        self.result = result


def snap_to_skin(surface: PaintingSurface, positions_mm):
    """The nearest skin point of each position (n, 3): (faces (n,), barycentrics (n, 3), distances_mm (n,)).

    See :meth:`~mesomap.geometry.surface.PaintingSurface.nearest_points` (exact).
    """
    return surface.nearest_points(positions_mm)


# -- the import ------------------------------------------------------------------------------
def side_of(x_mm: float) -> str:
    return "right" if x_mm > MIDLINE_MM else "left" if x_mm < -MIDLINE_MM else "midline"


def prepare_import(plan: Plan, surface: PaintingSurface, items: Sequence[PositionedPoint],
                   max_distance_mm: float | None = DEFAULT_MAX_DISTANCE_MM) -> PointImport:
    """Reflex points for ``plan`` at the skin nearest to each item, and the items refused.

    Each new point takes the item's label as its code, the item's group (the
    Slicer list name) as its name and its description as notes; its side
    follows x; depth, volume and angle are the reflex point defaults. Ids are
    fresh for ``plan``. Items farther than ``max_distance_mm`` from the skin
    (None: no limit) become :class:`FarPoint` entries, in file order.
    """
    if max_distance_mm is not None and not max_distance_mm >= 0:
        raise ValueError(f"the largest distance from the skin must be 0 mm or more, not {max_distance_mm}")
    items = list(items)
    positions = np.array([it.position_mm for it in items], dtype=np.float64).reshape(-1, 3)
    faces, barys, dist = snap_to_skin(surface, positions)
    taken = [p.id for p in plan.points]
    points, distances, far = [], [], []
    for it, face, bary, d in zip(items, faces, barys, dist):
        if max_distance_mm is not None and d > max_distance_mm:
            far.append(FarPoint(it.label, float(d), tuple(float(c) for c in it.position_mm)))
            continue
        pid = next_id(taken, "pt")
        taken.append(pid)
        pos, _ = surface.point_on_face(int(face), bary)
        points.append(ReflexPoint(
            id=pid, code=it.label, name=it.group or "Imported point", face=int(face),
            barycentric=tuple(float(b) for b in bary), side=side_of(float(pos[0])), notes=it.description,
        ))
        distances.append(float(d))
    return PointImport(tuple(points), tuple(distances), tuple(far), max_distance_mm)


def add_points(plan: Plan, points: Sequence[ReflexPoint]) -> Plan:
    """``plan`` with ``points`` appended (one new value: one undo step); refuses ids in use or invalid points."""
    ids = [p.id for p in plan.points]
    for point in points:
        if point.id in ids:
            raise ValueError(f"a reflex point {point.id!r} exists already")
        ids.append(point.id)
        errors = point.errors()
        if errors:
            raise ValueError(f"point {point.code or point.id}: " + "; ".join(errors))
    return replace(plan, points=plan.points + tuple(points)) if points else plan


def import_points(plan: Plan, surface: PaintingSurface, items: Sequence[PositionedPoint],
                  max_distance_mm: float | None = DEFAULT_MAX_DISTANCE_MM) -> tuple[Plan, PointImport]:
    """The plan with every item added on the skin; PointsTooFar (nothing added) when any is too far."""
    result = prepare_import(plan, surface, items, max_distance_mm)
    if result.far:
        raise PointsTooFar(result)
    return add_points(plan, result.points), result


def import_label(result: PointImport) -> str:
    """The undo step's name."""
    n = len(result.points)
    return f"Import {n} reflex point{'s' if n != 1 else ''}"
