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

import weakref
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


# -- nearest point on the skin -------------------------------------------------------------
def closest_on_triangles(point: np.ndarray, triangles: np.ndarray) -> np.ndarray:
    """(k, 3) barycentric weights of the point of each triangle (k, 3, 3) closest to ``point`` (3,).

    Ericson, Real-Time Collision Detection §5.1.5, over all triangles at once:
    the Voronoi region of ``point`` (a corner, an edge, the inside) decides.
    """
    p = np.asarray(point, dtype=np.float64)
    a, b, c = triangles[:, 0], triangles[:, 1], triangles[:, 2]
    ab, ac = b - a, c - a
    ap, bp, cp = p - a, p - b, p - c
    d1, d2 = (ab * ap).sum(1), (ac * ap).sum(1)
    d3, d4 = (ab * bp).sum(1), (ac * bp).sum(1)
    d5, d6 = (ab * cp).sum(1), (ac * cp).sum(1)
    va, vb, vc = d3 * d6 - d5 * d4, d5 * d2 - d1 * d6, d1 * d4 - d3 * d2
    with np.errstate(divide="ignore", invalid="ignore"):
        denom = va + vb + vc
        v, w = vb / denom, vc / denom
        bary = np.stack([1.0 - v - w, v, w], axis=1)
        # lowest priority first: each later region overrides (Ericson tests A, B, AB, C, AC, BC, inside)
        t = (d4 - d3) / ((d4 - d3) + (d5 - d6))
        bary = np.where(((va <= 0) & (d4 - d3 >= 0) & (d5 - d6 >= 0))[:, None],
                        np.stack([np.zeros_like(t), 1.0 - t, t], axis=1), bary)
        t = d2 / (d2 - d6)
        bary = np.where(((vb <= 0) & (d2 >= 0) & (d6 <= 0))[:, None],
                        np.stack([1.0 - t, np.zeros_like(t), t], axis=1), bary)
        bary = np.where(((d6 >= 0) & (d5 <= d6))[:, None], [0.0, 0.0, 1.0], bary)
        t = d1 / (d1 - d3)
        bary = np.where(((vc <= 0) & (d1 >= 0) & (d3 <= 0))[:, None],
                        np.stack([1.0 - t, t, np.zeros_like(t)], axis=1), bary)
        bary = np.where(((d3 >= 0) & (d4 <= d3))[:, None], [0.0, 1.0, 0.0], bary)
        bary = np.where(((d1 <= 0) & (d2 <= 0))[:, None], [1.0, 0.0, 0.0], bary)
    bad = ~np.isfinite(bary).all(axis=1)  # degenerate triangles: their first corner
    bary[bad] = [1.0, 0.0, 0.0]
    return bary


_MAX_EDGE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _max_edge_mm(surface: PaintingSurface) -> float:
    """The longest painting-face edge (every corner of a face is this close to any point of it)."""
    if surface not in _MAX_EDGE:
        t = surface.mesh.triangles
        _MAX_EDGE[surface] = float(np.linalg.norm(t - np.roll(t, 1, axis=1), axis=2).max())
    return _MAX_EDGE[surface]


def snap_to_skin(surface: PaintingSurface, positions_mm):
    """The nearest skin point of each position (n, 3): (faces (n,), barycentrics (n, 3), distances_mm (n,)).

    Exact: the search covers every face with a corner within (nearest-vertex
    distance + longest edge) of the position, a set that holds the nearest face.
    That ball only reaches a thin shell of the body, so even a point a metre
    off costs about a millisecond.
    """
    pts = np.asarray(positions_mm, dtype=np.float64).reshape(-1, 3)
    tree, incident, tris = surface.vertex_tree, surface.vertex_faces, surface.mesh.triangles
    reach = _max_edge_mm(surface)
    d_vertex, _ = tree.query(pts)
    faces = np.zeros(len(pts), dtype=np.int64)
    barys = np.zeros((len(pts), 3))
    dist = np.zeros(len(pts))
    for i, p in enumerate(pts):
        near = np.asarray(tree.query_ball_point(p, d_vertex[i] + reach + 1e-9), dtype=np.int64)
        candidates = np.unique(incident[near].indices)
        b = closest_on_triangles(p, tris[candidates])
        d = np.linalg.norm(np.einsum("kj,kjc->kc", b, tris[candidates]) - p, axis=1)
        best = int(np.argmin(d))
        faces[i], barys[i], dist[i] = candidates[best], b[best], d[best]
    barys = np.clip(barys, 0.0, None)
    barys /= barys.sum(axis=1, keepdims=True)
    return faces, barys, dist


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
