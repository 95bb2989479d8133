"""Laying out a plan's injection grids: zones in, InjectionPoints out (pure, no I/O).

Pinned points of a zone are kept exactly; the rest is laid out afresh from
the zone's faces and parameters. Solvers (the per-zone precomputation) are
cached by the zone's faces, so moving a spacing slider only re-runs the layout.
"""

from __future__ import annotations

import hashlib
import math
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from mesomap.geometry.surface import PaintingSurface, boundary_length_mm
from mesomap.model import edits
from mesomap.model.messages import Kind, MessageError
from mesomap.model.plan import InjectionPoint, Plan, Zone

if TYPE_CHECKING:  # the layout (and scipy) load with the first layout or estimate, not with the app's window
    from mesomap.geometry.layout import ZoneLayoutSolver

SOLVER_CACHE_SIZE = 16
#: The most injections one zone's grid may have. A session is usually 10–200 injections; a zone past
#: this is a spacing typed wrong (2 mm over a whole trunk), and laying it out would take minutes and GBs.
MAX_INJECTIONS_PER_ZONE = 5000
_solvers: OrderedDict[tuple, ZoneLayoutSolver] = OrderedDict()


GRID_TOO_LARGE = Kind("grid_too_large", "zone", "estimate", "limit")
GRID_TOO_LARGE_FOR_DEVICE = Kind("grid_too_large_for_device", "zone", "estimate", "limit", "device")


class GridTooLarge(MessageError):
    """A zone's grid would exceed the limit: refused before any layout work. ``str(err)`` says the estimate."""

    def __init__(self, zone_name: str, estimate: int, limit: int, device: str = ""):
        self.zone_name, self.estimate, self.limit, self.device = zone_name, estimate, limit, device
        super().__init__(GRID_TOO_LARGE_FOR_DEVICE(zone=zone_name, estimate=estimate, limit=limit, device=device)
                         if device else GRID_TOO_LARGE(zone=zone_name, estimate=estimate, limit=limit))

    def __reduce__(self):  # crosses from the layout worker process
        return type(self), (self.zone_name, self.estimate, self.limit, self.device)


def row_direction(angle_deg: float) -> np.ndarray:
    """(3,) unit direction of rows: 0° runs along the body's long axis (z), 90° across (x)."""
    a = math.radians(angle_deg)
    return np.array([math.sin(a), 0.0, math.cos(a)])


def solver_for(surface: PaintingSurface, zone: Zone) -> ZoneLayoutSolver:
    """The zone's layout solver, built once per (body, faces)."""
    key = (surface.coarse.content_hash, hashlib.sha1(np.asarray(zone.faces).tobytes()).hexdigest())
    solver = _solvers.get(key)
    if solver is None:
        from mesomap.geometry.layout import ZoneLayoutSolver

        solver = ZoneLayoutSolver.from_surface(surface, zone.faces)
        _solvers[key] = solver
        while len(_solvers) > SOLVER_CACHE_SIZE:
            _solvers.popitem(last=False)
    else:
        _solvers.move_to_end(key)
    return solver


@dataclass(frozen=True)
class GridLimit:
    """The most injections a zone's grid may have, and what sets it (for the message)."""

    count: int = MAX_INJECTIONS_PER_ZONE
    device: str = ""  # the device whose program size sets the limit; "" for the per-zone limit

    @classmethod
    def for_device(cls, name: str, max_shots_per_program: int) -> GridLimit:
        """The tighter of the per-zone limit and a device's shots per program (a zone is one program)."""
        if max_shots_per_program >= MAX_INJECTIONS_PER_ZONE:
            return cls()
        return cls(max_shots_per_program, name)


def check_grid_size(zone: Zone, surface: PaintingSurface, limit: GridLimit = GridLimit()) -> int:
    """The zone's estimated injection count (from its area and border, < 1 s even for the whole body);
    GridTooLarge when it exceeds the limit."""
    estimate = estimated_count(zone, surface.area_cm2(zone.faces), boundary_length_mm(surface.mesh, zone.faces))
    if estimate > limit.count:
        raise GridTooLarge(zone.name, estimate, limit.count, limit.device)
    return estimate


def layout_zone(zone: Zone, surface: PaintingSurface, seed: int = 0, *, fix: bool = True,
                limit: GridLimit = GridLimit()) -> tuple[InjectionPoint, ...]:
    """The zone's injection points in injection order (pinned ones kept exactly).

    ``fix=False`` skips thinning and hole filling: a quick preview (≈15–30 ms once
    the zone's solver exists) of what ``fix=True`` (the default) lays out.
    GridTooLarge, before any layout work, when the zone would get more than the limit
    (default :data:`MAX_INJECTIONS_PER_ZONE`), and after it, should the layout still come out larger.
    """
    if len(zone.faces) == 0:
        return ()
    check_grid_size(zone, surface, limit)
    p = zone.params
    rows = p.pattern == "rows"
    pinned = [q for q in zone.injections if q.pinned]
    pins = (np.array([q.face for q in pinned], dtype=np.int64), np.array([q.barycentric for q in pinned], dtype=float)) if pinned else None
    result = solver_for(surface, zone).layout(
        p.spacing_mm, p.pattern, p.margin_mm, row_spacing_mm=p.row_spacing_mm if rows else None,
        direction=row_direction(p.row_angle_deg) if rows else None, pinned=pins, seed=seed, fix=fix,
    )
    if len(result.sequence) > limit.count:
        raise GridTooLarge(zone.name, len(result.sequence), limit.count, limit.device)
    return tuple(InjectionPoint(int(result.faces[i]), tuple(float(b) for b in result.barycentric[i]), bool(result.pinned[i]))
                 for i in result.sequence)


def grid_plan(plan: Plan, surface: PaintingSurface, zone_ids=None, seed: int = 0,
              limit: GridLimit = GridLimit()) -> Plan:
    """``plan`` with the grids of ``zone_ids`` (default: every zone) laid out again.

    Every zone's size is checked before any is laid out (GridTooLarge names the first too large)."""
    zones = [z for z in plan.zones if zone_ids is None or z.id in zone_ids]
    for z in zones:
        if len(z.faces):
            check_grid_size(z, surface, limit)
    for z in zones:
        plan = edits.set_zone_grid(plan, z.id, layout_zone(z, surface, seed, limit=limit))
    return plan


def estimated_count(zone: Zone, area_cm2: float, perimeter_mm: float | None = None) -> int:
    """Points a grid of this zone would have, from its area and border length (live feedback)."""
    from mesomap.geometry.layout import estimate_count

    p = zone.params
    return estimate_count(area_cm2 * 100.0, p.spacing_mm, p.margin_mm, p.pattern, perimeter_mm=perimeter_mm,
                          row_spacing_mm=p.row_spacing_mm if p.pattern == "rows" else None)


def estimator(surface: PaintingSurface):
    """``estimate(zone, area_cm2)`` for :func:`mesomap.model.summary.summarize` on this body."""

    def estimate(zone: Zone, area_cm2: float) -> int:
        return estimated_count(zone, area_cm2, boundary_length_mm(surface.mesh, zone.faces))

    return estimate


def path_lengths_mm(plan: Plan, surface: PaintingSurface) -> dict[str, float]:
    """Zone id -> length (mm, straight steps) of the gun's path through its grid, in order."""
    out = {}
    for z in plan.zones:
        if len(z.injections) > 1:
            pos, _ = surface.points_on_faces([q.face for q in z.injections], [q.barycentric for q in z.injections])
            out[z.id] = float(np.linalg.norm(np.diff(pos, axis=0), axis=1).sum())
    return out
