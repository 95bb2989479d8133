"""Session operations on injection points: add, move, delete, pin or unpin one point of a zone's
grid, clear the grid; and the points' numbering in the whole plan.

Each operation is a function of the :class:`mesomap.session.session.Session` (bound there as a
method) and uses its document, selection (``injection``) and gestures. A point is edited
only on a current grid, stays inside its zone and, once moved or added by hand, is pinned (kept
when the grid is laid out again). A press, drag and release is one undo step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from dataclasses import replace

from mesomap.geometry.pick import RayHit
from mesomap.model import edits
from mesomap.model.plan import InjectionPoint, Plan, Zone
from mesomap.session import messages as M
from mesomap.session.zones import in_zone


def plan_order(plan: Plan, zone_id: str, index: int) -> int:
    """The 1-based number of injection ``index`` of a zone in the whole plan's order (as exported)."""
    n = 0
    for z in plan.zones:
        if z.id == zone_id:
            return n + index + 1
        n += len(z.injections)
    raise KeyError(zone_id)


if TYPE_CHECKING:
    from mesomap.session.session import Session


def _grid_ready(s: Session, zone: Zone) -> bool:
    if not zone.injections:
        return s.refuse(M.NO_GRID_TO_EDIT(zone=zone.name))
    if zone.grid_stale:
        return s.refuse(M.GRID_OUT_OF_DATE_TO_EDIT(zone=zone.name))
    return True


def begin_add_injection(s: Session, zone_id: str, hit: RayHit) -> bool:
    """Add a pinned injection at ``hit`` (on the skin, inside the zone) and select it; following
    :meth:`drag_injection` calls join its undo step (press, drag to adjust, release)."""
    if not s.enabled:
        return False
    zone = s.plan.zone(zone_id)
    if not _grid_ready(s, zone):
        return False
    if not in_zone(zone, int(hit.face)):
        return s.refuse(M.OUTSIDE_ZONE(zone=zone.name))
    point = InjectionPoint(int(hit.face), tuple(float(b) for b in hit.barycentric), True)
    label = M.UNDO_ADD_INJECTION(zone=zone.name)
    s.begin_gesture(label)
    s.doc.edit(label, edits.add_injection, zone_id, point)
    s.select_injection(zone_id, len(s.plan.zone(zone_id).injections) - 1)
    return True


def add_injection(s: Session, zone_id: str, hit: RayHit) -> int | None:
    """Add a pinned injection at ``hit`` as one undo step; its index, or None when refused."""
    if not s.begin_add_injection(zone_id, hit):
        return None
    s.end_gesture()
    return s.injection[1]


def begin_move_injection(s: Session, zone_id: str, index: int) -> bool:
    """Select an injection; the following :meth:`drag_injection` calls are one undo step."""
    zone = s.plan.zone(zone_id)
    s.select_injection(zone_id, index)
    if not _grid_ready(s, zone):
        return False
    s.begin_gesture(M.UNDO_MOVE_INJECTION(order=plan_order(s.plan, zone_id, index), zone=zone.name))
    return True


def drag_injection(s: Session, hit: RayHit) -> bool:
    """Move the selected injection to ``hit`` (snapped to the skin; it stays inside its zone and is pinned)."""
    if s.injection is None or not s.in_gesture:
        return False
    zone_id, index = s.injection
    zone = s.plan.zone(zone_id)
    if not in_zone(zone, int(hit.face)):
        return False  # the point waits at the zone's edge until the cursor comes back inside
    point = InjectionPoint(int(hit.face), tuple(float(b) for b in hit.barycentric), True)
    return s.doc.edit(M.UNDO_MOVE_INJECTION(order=plan_order(s.plan, zone_id, index), zone=zone.name),
                      edits.edit_injection, zone_id, index, point)


def delete_injection(s: Session) -> bool:
    """Delete the selected injection point — only one of the selected, visible zone (one undo step)."""
    if s.injection is None or not s.enabled:
        return False
    zone_id, index = s.injection
    if zone_id != s.zone_id or zone_id in s.hidden:
        return False
    zone = s.plan.zone(zone_id)
    n = plan_order(s.plan, zone_id, index)
    s.end_gesture()
    s.doc.edit(M.UNDO_DELETE_INJECTION(order=n, zone=zone.name), edits.edit_injection, zone_id, index, None)
    left = len(s.plan.zone(zone_id).injections)
    s.select_injection(zone_id, min(index, left - 1) if left else None)
    return True


def set_injection_pinned(s: Session, pinned: bool | None = None) -> bool:
    """Pin (kept when the grid is generated again) or unpin the selected injection; None toggles."""
    point = s.injection_point
    if point is None or not s.enabled:
        return False
    zone_id, index = s.injection
    pinned = (not point.pinned) if pinned is None else bool(pinned)
    zone = s.plan.zone(zone_id)
    n = plan_order(s.plan, zone_id, index)
    return s.doc.edit((M.UNDO_PIN_INJECTION if pinned else M.UNDO_UNPIN_INJECTION)(order=n, zone=zone.name),
                      edits.edit_injection,
                         zone_id, index, replace(point, pinned=pinned))


def clear_grid(s: Session, zone_id: str | None = None) -> bool:
    zone = s.plan.zone(zone_id) if zone_id else s.zone
    if zone is None or not zone.injections:
        return False
    return s.doc.edit(M.UNDO_CLEAR_GRID(zone=zone.name), edits.clear_zone_grid, zone.id)
