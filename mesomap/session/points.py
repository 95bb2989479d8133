"""Session operations on reflex points: add from the library, place on the skin by hand, move,
delete, change any of its fields.

Each operation is a function of the :class:`mesomap.session.session.Session` (bound there as a
method) and uses its document, surface, selection (``point_id``) and gestures. Placing
a point and dragging it before the release is one undo step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mesomap.geometry.pick import RayHit
from mesomap.io.plan_builder import point_from_template
from mesomap.model import edits
from mesomap.model.plan import ReflexPoint
from mesomap.session import messages as M


#: Points closer than this to the midline (mm) are "midline" when placed by hand.
MIDLINE_MM = 3.0


if TYPE_CHECKING:
    from mesomap.session.session import Session


def _new_point_id(s: Session) -> str:
    return edits.next_id([p.id for p in s.plan.points], "pt")


def add_point_from_template(s: Session, template) -> str | None:
    if not s.enabled:
        return s.say(s.why_not_editable())
    existing = next((p for p in s.plan.points
                     if p.code == template.code and p.side == template.side and p.name == template.name), None)
    if existing is not None:
        s.select_point(existing.id)
        s.say(M.POINT_ALREADY_IN_PLAN(code=existing.code, side=existing.side))
        return existing.id
    point = point_from_template(template, s.surface, s.plan)
    s.doc.edit(M.UNDO_ADD_POINT(code=point.code), edits.add_point, point)
    s.select_point(point.id)
    return point.id


def begin_place_point(s: Session, hit: RayHit) -> str | None:
    """Place a custom point at ``hit``; following :meth:`drag_point` calls join its undo step."""
    if not s.enabled:
        return s.say(s.why_not_editable())
    taken = {p.code for p in s.plan.points}
    n = 1
    while f"P{n}" in taken:
        n += 1
    x = hit.point_mm[0]
    side = "right" if x > MIDLINE_MM else "left" if x < -MIDLINE_MM else "midline"
    point = ReflexPoint(id=_new_point_id(s), code=f"P{n}", name="Custom point", face=int(hit.face),
                        barycentric=tuple(float(b) for b in hit.barycentric), side=side)
    label = M.UNDO_PLACE_POINT(code=point.code)
    s.begin_gesture(label)
    s.doc.edit(label, edits.add_point, point)
    s.select_point(point.id)
    return point.id


def begin_move_point(s: Session, point_id: str) -> None:
    s.select_point(point_id)
    s.begin_gesture(M.UNDO_MOVE_POINT(code=s.plan.point(point_id).code))


def drag_point(s: Session, hit: RayHit) -> bool:
    """Move the selected point to ``hit`` (snapped to the skin)."""
    if s.point_id is None:
        return False
    return s.doc.edit(M.UNDO_MOVE_POINT(code=s.plan.point(s.point_id).code), edits.update_point, s.point_id, face=int(hit.face),
                         barycentric=tuple(float(b) for b in hit.barycentric))


def delete_point(s: Session, point_id: str | None = None) -> bool:
    point_id = point_id or s.point_id
    if point_id is None:
        return False
    code = s.plan.point(point_id).code
    s.doc.edit(M.UNDO_DELETE_POINT(code=code), edits.remove_point, point_id)
    s.select_point(None)
    return True


def update_point(s: Session, point_id: str, what: str, **changes) -> list[str]:
    point = s.plan.point(point_id)
    try:
        s.doc.edit(M.UNDO_SET_POINT_FIELD(field=what, point=point.code or point.name), edits.update_point, point_id,
                   **changes)
    except ValueError as err:
        return [str(err).split(": ", 1)[-1]]
    return []
