"""The plan editor's reflex point edits: add from the library, place on the skin by hand, move,
delete, change any of its fields.

:class:`PointEdits` is mixed into :class:`mesomap.ui.editor.PlanEditor`; its methods use the
editor's document, surface, selection (``point_id``), gestures and ``message`` signal. Placing
a point and dragging it before the release is one undo step.
"""

from __future__ import annotations

from mesomap.geometry.pick import RayHit
from mesomap.io.plan_builder import point_from_template
from mesomap.model import edits
from mesomap.model.plan import ReflexPoint

#: Points closer than this to the midline (mm) are "midline" when placed by hand.
MIDLINE_MM = 3.0


class PointEdits:
    """Reflex point edits of the PlanEditor."""

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
