"""From the template library to plan objects: zones and reflex points with their defaults.

The one place that turns a :class:`ZoneTemplate` (faces on the bundled mesh)
into a model :class:`Zone` (faces on the painting surface), and a
:class:`ReflexPointTemplate` into a :class:`ReflexPoint`. The window and the
command line both use it.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from mesomap.geometry.regions import smooth_region
from mesomap.geometry.surface import PaintingSurface
from mesomap.io.plan_file import body_ref
from mesomap.io.templates import ReflexPointTemplate, Templates, ZoneTemplate
from mesomap.model import edits
from mesomap.model.messages import Kind, MessageError
from mesomap.model.plan import Header, Needle, Plan, ReflexPoint, TreatmentParams, Zone

NO_ZONE_TEMPLATE = Kind("no_zone_template", "templates")  # raised as KeyError(message): str(err.args[0]) words it
NO_POINT_TEMPLATE = Kind("no_point_template", "key")
TEMPLATE_ZONE_PROBLEMS = Kind("template_zone_problems", "template", "problems")  # a template's values overridden


#: Templates are drawn on the coarse bundled mesh; their sawtooth borders are
#: smoothed on the painting surface with a majority filter of this radius (mm).
TEMPLATE_SMOOTHING_MM = 8.0


def params_from_template(t: ZoneTemplate) -> TreatmentParams:
    """The template's clinical defaults as TreatmentParams (a needle at least as long as the depth)."""
    default = TreatmentParams()
    length = t.needle_length_mm or max(default.needle.length_mm, float(np.ceil(t.depth_mm)))
    return TreatmentParams(
        technique=t.technique, depth_mm=t.depth_mm, spacing_mm=t.spacing_mm, pattern=t.pattern,
        margin_mm=t.margin_mm, volume_per_point_ml=t.volume_per_point_ml,
        needle=Needle(length, t.needle_gauge or default.needle.gauge),
    )


def zone_from_template(t: ZoneTemplate, surface: PaintingSurface, plan: Plan, **overrides) -> Zone:
    """A new zone for ``plan`` (fresh id and colour) covering the template's faces, border smoothed.

    overrides : TreatmentParams fields (technique=, depth_mm=, spacing_mm=,
    volume_per_point_ml=, …) replacing the template's defaults.
    """
    params = replace(params_from_template(t), **overrides)
    errors = params.errors()
    if errors:
        raise MessageError(TEMPLATE_ZONE_PROBLEMS(template=t.id, problems=tuple(errors)))
    return Zone(
        id=edits.next_id([z.id for z in plan.zones], "zone"), name=t.label(), color=edits.next_color(plan),
        side=t.side, faces=smooth_region(surface, surface.children_of(t.faces), TEMPLATE_SMOOTHING_MM),
        params=params, template=t.id,
    )


def point_from_template(t: ReflexPointTemplate, surface: PaintingSurface, plan: Plan) -> ReflexPoint:
    """A new reflex point for ``plan`` at the template's place on the painting surface."""
    face, bary = surface.locate(t.face, t.barycentric)
    return ReflexPoint(
        id=edits.next_id([p.id for p in plan.points], "pt"), code=t.code, name=t.name, face=int(face),
        barycentric=tuple(float(b) for b in bary), side=t.side, depth_mm=t.depth_mm,
        volume_ml=t.volume_ml, angle_deg=t.angle_deg,
    )


def find_points(templates: Templates, key: str) -> list[ReflexPointTemplate]:
    """Library points named by id (``st36_left``) or by code (``ST36``: every side)."""
    by_id = [p for p in templates.reflex_points if p.id == key]
    return by_id or [p for p in templates.reflex_points if p.code.lower() == key.lower()]


def new_plan(surface: PaintingSurface, templates: Templates, zone_ids=(), point_keys=(),
             header: Header | None = None, **overrides) -> Plan:
    """A plan on ``surface``'s body from template zones and library points.

    Unknown ids raise KeyError naming them; ``overrides`` apply to every zone.
    """
    plan = Plan(body=body_ref(surface), header=header or Header())
    known = {z.id for z in templates.zones}
    missing = [z for z in zone_ids if z not in known]
    if missing:
        raise KeyError(NO_ZONE_TEMPLATE(templates=", ".join(missing)))
    for zone_id in zone_ids:
        plan = edits.add_zone(plan, zone_from_template(templates.zone(zone_id), surface, plan, **overrides))
    for key in point_keys:
        found = find_points(templates, key)
        if not found:
            raise KeyError(NO_POINT_TEMPLATE(key=key))
        for t in found:
            plan = edits.add_point(plan, point_from_template(t, surface, plan))
    return plan
