"""Session operations on the body's shape: sliders, height and weight, and following undo.

The plan records the shape in its :class:`mesomap.model.plan.BodyRef`; the session's surface is
the shaped painting surface (zones, points and injections keep their faces and barycentrics). A
shape change is one undo step that also marks every laid-out grid out of date (the spacing along
the skin changed); the grid requests then lay those grids out again at the same spacing (their own
undo step, as any layout), keeping pinned injections.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from mesomap.io.body_shapes import load_shape_directions, shaped_body
from mesomap.model.body_shape import BodyMeasures, Shape, body_key, fit_height_weight, measures, normalize
from mesomap.model.messages import Kind
from mesomap.model.plan import Plan
from mesomap.session import messages as M

if TYPE_CHECKING:
    from mesomap.model.document import Change
    from mesomap.session.session import Session

UNDO_BODY_SHAPE = Kind("undo_body_shape")
SHAPE_NEEDS_BUNDLED_BODY = Kind("shape_needs_bundled_body", severity="hint")


def _reshaped(plan: Plan, shape: Shape) -> Plan:
    """The plan on its body in ``shape``; grids laid out are marked out of date (their source cleared)."""
    zones = tuple(replace(z, grid_source="") if z.injections else z for z in plan.zones)
    return replace(plan, body=replace(plan.body, shape=shape), zones=zones)


def set_body_shape(s: Session, values, *, relayout: bool = True) -> bool:
    """Give the plan's body the shape ``values`` (slider name -> value; missing sliders are 0) as one
    undo step; True when the shape changed. ShapeError (nothing changes) for an unknown slider or a
    value out of range. ``relayout``: lay the out-of-date grids out again on the new shape."""
    shape = normalize(values)
    if s.surface is None:
        return s.refuse(SHAPE_NEEDS_BUNDLED_BODY())
    if shape == s.plan.body.shape:
        return False
    s.end_gesture()
    s.doc.edit(UNDO_BODY_SHAPE(), _reshaped, shape)  # the session follows to the shaped surface (follow_shape)
    gridded = [z.id for z in s.plan.zones if z.injections and len(z.faces)]
    if relayout and gridded and s.grids is not None:
        s.grids.generate(gridded, label=M.UNDO_GENERATE_ALL() if len(gridded) > 1 else None)
    return True


def follow_shape(s: Session, change: Change) -> None:
    """After a plan change (a shape set, undone or redone, a plan opened): the session edits on the
    plan's body in the plan's shape."""
    ref = s.plan.body
    if not change.reset or s.surface is None or s.surface.coarse.body_id != ref.body_id or s.surface.shape == ref.shape:
        return
    from mesomap.session.prefetch import surface_for

    s.set_surface(surface_for(body_key(ref)))


def body_measures(s: Session, shape: Shape | None = None) -> BodyMeasures:
    """Height (mm) and estimated weight (kg) of the plan's body in ``shape`` (default: its own)."""
    ref = s.plan.body
    body = shaped_body(ref.body_id, ref.shape if shape is None else normalize(shape))
    return measures(body.vertices, body.faces)


def shape_for(s: Session, height_mm: float | None = None, weight_kg: float | None = None,
              shape: Shape | None = None) -> Shape:
    """The plan's shape (or ``shape``) with its height and weight sliders set so the body measures
    ``height_mm`` and ``weight_kg`` (ShapeError when out of the sliders' reach). Nothing is applied."""
    ref = s.plan.body
    base = shaped_body(ref.body_id)
    return fit_height_weight(base.vertices, base.faces, load_shape_directions(),
                             ref.shape if shape is None else normalize(shape), height_mm, weight_kg)
