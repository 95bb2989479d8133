"""Session operations on painting and zones: brush strokes (mirrored or not), add, delete, clear,
rename and re-parameter zones; with the helpers they need (mirror partners, layout parameters,
which zone holds a face).

Each operation is a function of the :class:`mesomap.session.session.Session` (bound there as a
method). Every change is a document edit (undoable); one brush stroke is one undo step.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING
from dataclasses import dataclass, replace

import numpy as np

from mesomap.geometry.pick import RayHit
from mesomap.geometry.regions import surface_side
from mesomap.geometry.surface import PaintingSurface
from mesomap.io.plan_builder import zone_from_template
from mesomap.model import edits
from mesomap.model.plan import Plan, Zone, face_set
from mesomap.model.techniques import TECHNIQUES
from mesomap.session import messages as M


#: The parameters a grid is laid out from (see Zone.layout_fingerprint).
LAYOUT_FIELDS = ("pattern", "spacing_mm", "margin_mm", "row_spacing_mm", "row_angle_deg")


def layout_changed(old, new) -> bool:
    """True when two TreatmentParams lay out different grids."""
    return any(getattr(old, f) != getattr(new, f) for f in LAYOUT_FIELDS)


#: Sides that have a mirror image on the other side of the midline.
OTHER_SIDE = {"left": "right", "right": "left"}


def mirror_overlap(surface: PaintingSurface, faces, other_faces) -> int:
    """How many of ``other_faces`` are mirror images of ``faces`` (painting face ids; 0 without a mirror map)."""
    if surface.face_mirror is None or len(faces) == 0 or len(other_faces) == 0:
        return 0
    return int(np.isin(surface.mirrored(faces), other_faces, assume_unique=True).sum())


def partner_zone(plan: Plan, zone: Zone, surface: PaintingSurface) -> Zone | None:
    """The zone for the other side of a left/right zone: of the zones whose side (data) is the other one,
    the one covering most of this zone's mirror image (None when none covers any of it)."""
    other = OTHER_SIDE.get(zone.side)
    if other is None:
        return None
    scored = [(mirror_overlap(surface, zone.faces, z.faces), z) for z in plan.zones
              if z.id != zone.id and z.side == other]
    best = max(scored, key=lambda pair: pair[0], default=(0, None))
    return best[1] if best[0] > 0 else None


def mirror_template(templates, template_id: str | None, surface: PaintingSurface):
    """The template of the other side whose faces are this template's mirror image (None if there is none)."""
    if templates is None or template_id is None:
        return None
    try:
        t = templates.zone(template_id)
    except KeyError:
        return None
    other = OTHER_SIDE.get(t.side)
    if other is None:
        return None
    mine = surface.children_of(t.faces)
    scored = [(mirror_overlap(surface, mine, surface.children_of(u.faces)), u) for u in templates.zones
              if u.side == other]
    best = max(scored, key=lambda pair: pair[0], default=(0, None))
    return best[1] if best[0] > len(mine) // 2 else None


def new_partner_zone(plan: Plan, zone: Zone, surface: PaintingSurface, templates=None) -> Zone:
    """A fresh zone for the other side of ``zone``, with its parameters and no faces: named and linked
    after the mirror template when ``zone`` comes from one, else with ``zone``'s own name (the side,
    which is data, tells them apart)."""
    partner_template = mirror_template(templates, zone.template, surface)
    return Zone(
        id=edits.next_id([z.id for z in plan.zones], "zone"),
        name=partner_template.label() if partner_template is not None else zone.name,
        color=edits.next_color(plan), side=OTHER_SIDE[zone.side], params=zone.params,
        template=partner_template.id if partner_template is not None else None,
    )


def in_zone(zone: Zone, face: int) -> bool:
    """True when painting face ``face`` belongs to ``zone``."""
    i = np.searchsorted(zone.faces, face)
    return bool(i < len(zone.faces) and zone.faces[i] == face)


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


if TYPE_CHECKING:
    from mesomap.session.session import Session


@dataclass
class Stroke:
    """The brush stroke under way: its zone (None until the first dab makes one) and whether it erases."""

    zone_id: str | None
    erase: bool
    new_zone_name: str | None  # the name a zone made by the first dab gets
    side_before: str | None = None  # the side the zone's faces gave as the stroke began (None: no faces)


# -- painting ------------------------------------------------------------


def begin_stroke(s: Session, erase: bool = False) -> bool:
    """Start a brush stroke on the current zone (the first dab makes a zone when there is none)."""
    if not s.enabled:
        return s.refuse(s.why_not_editable())
    zone = s.zone
    if zone is None and erase:
        return s.refuse(M.SELECT_ZONE_TO_ERASE())
    new_name = None if zone else f"Zone {len(s.plan.zones) + 1}"
    s.begin_gesture((M.UNDO_ERASE if erase else M.UNDO_PAINT)(zone=zone.name if zone else new_name))
    side_before = surface_side(s.surface, zone.faces) if zone is not None else None
    s.stroke_state = Stroke(zone.id if zone else None, erase, new_name, side_before)
    if zone is not None and zone.id in s.hidden:
        s.set_zone_visible(zone.id, True)
        s.say(M.HIDDEN_ZONE_SHOWN(zone=zone.name))
    return True


def dab_faces(s: Session, hits: Iterable[tuple[RayHit, np.ndarray]]) -> np.ndarray:
    """The painting faces covered by brush dabs at ``hits`` [(hit, ray direction)]."""
    from mesomap.geometry.brush import brush_faces  # with scipy: loaded by the first dab, not with the window

    parts = [brush_faces(s.surface, hit, s.radius_mm, view_dir=direction) for hit, direction in hits]
    if not parts:
        return np.empty(0, dtype=np.int64)
    return parts[0] if len(parts) == 1 else edits.union_faces(parts)  # (sorted runs: merged, not re-sorted)


def stroke(s: Session, hits: Iterable[tuple[RayHit, np.ndarray]]) -> bool:
    """Apply dabs at ``hits`` to the stroke's zone (and its mirror) as one edit."""
    current = s.stroke_state
    if current is None:
        return False
    faces = s.dab_faces(hits)
    if len(faces) == 0:
        return False
    if current.zone_id is None:  # nothing selected: the stroke's first dab makes the zone
        zone = Zone(id=edits.next_id([z.id for z in s.plan.zones], "zone"), name=current.new_zone_name,
                    color=edits.next_color(s.plan))
        s.doc.edit(M.UNDO_ADD_ZONE(zone=zone.name), edits.add_zone, zone)
        s.select_zone(zone.id)
        current.zone_id = zone.id
    return s.apply_faces(current.zone_id, faces, erase=current.erase)


def apply_faces(s: Session, zone_id: str, faces: np.ndarray, erase: bool = False) -> bool:
    """Paint (or erase) ``faces`` into a zone, and with mirror on their mirror image too.

    Mirror: a midline or bilateral zone receives both halves; a left or
    right zone sends the mirror half to its partner zone for the other
    side, which painting creates when missing (erasing never creates).
    """
    zone = s.plan.zone(zone_id)
    targets: list[tuple[str, np.ndarray]] = [(zone.id, faces)]
    if s.mirror and s.surface.face_mirror is not None:
        mirrored = s.surface.mirrored(faces)
        partner = partner_zone(s.plan, zone, s.surface)
        if zone.side not in ("left", "right"):
            targets = [(zone.id, face_set(np.concatenate([faces, mirrored])))]
        elif partner is not None:
            targets.append((partner.id, mirrored))
        elif not erase:
            partner = new_partner_zone(s.plan, zone, s.surface, s.templates)
            s.doc.edit(M.UNDO_ADD_ZONE(zone=partner.name), edits.add_zone, partner)
            targets.append((partner.id, mirrored))

    def apply(plan: Plan) -> Plan:
        for zid, f in targets:
            plan = (edits.erase if erase else edits.paint)(plan, zid, f)
        return plan

    return s.doc.edit((M.UNDO_ERASE if erase else M.UNDO_PAINT)(zone=zone.name), apply)

# -- zones ---------------------------------------------------------------


def add_zone(s: Session, name: str | None = None) -> str | None:
    if not s.enabled:
        return s.say(s.why_not_editable())
    plan = s.plan
    zone = Zone(id=edits.next_id([z.id for z in plan.zones], "zone"),
                name=name or f"Zone {len(plan.zones) + 1}", color=edits.next_color(plan))
    s.doc.edit(M.UNDO_ADD_ZONE(zone=zone.name), edits.add_zone, zone)
    s.select_zone(zone.id)
    return zone.id


def add_zone_from_template(s: Session, template) -> str | None:
    """Add a template's zone with its faces and defaults (or select it when already there)."""
    if not s.enabled:
        return s.say(s.why_not_editable())
    existing = next((z for z in s.plan.zones if z.template == template.id), None)
    if existing is not None:
        s.select_zone(existing.id)
        s.say(M.ZONE_ALREADY_IN_PLAN(zone=existing.name))
        return existing.id
    zone = zone_from_template(template, s.surface, s.plan)
    s.doc.edit(M.UNDO_ADD_ZONE(zone=zone.name), edits.add_zone, zone)
    s.select_zone(zone.id)
    return zone.id


def delete_zone(s: Session, zone_id: str | None = None) -> bool:
    zone_id = zone_id or s.zone_id
    if zone_id is None:
        return False
    index = [z.id for z in s.plan.zones].index(zone_id)
    name = s.plan.zone(zone_id).name
    s.doc.edit(M.UNDO_DELETE_ZONE(zone=name), edits.remove_zone, zone_id)
    rest = s.plan.zones
    s.select_zone(rest[min(index, len(rest) - 1)].id if rest else None)
    return True


def clear_zone(s: Session, zone_id: str | None = None) -> bool:
    zone = s.plan.zone(zone_id) if zone_id else s.zone
    if zone is None:
        return False
    return s.doc.edit(M.UNDO_CLEAR_ZONE(zone=zone.name), edits.set_zone_faces, zone.id, [])


def update_zone(s: Session, zone_id: str, what: str, **changes) -> list[str]:
    """Change a zone's name, side, colour or notes; returns the reasons when refused."""
    zone = s.plan.zone(zone_id)
    if "name" in changes and not str(changes["name"]).strip():
        return ["a zone needs a name"]
    try:
        s.doc.edit(M.UNDO_SET_ZONE_FIELD(field=what, zone=zone.name), edits.update_zone, zone_id, **changes)
    except ValueError as err:
        return [str(err)]
    if "side" in changes:
        s.sides_by_hand.add(zone_id)  # the user's choice: strokes no longer change it
    return []


def set_zone_params(s: Session, zone_id: str, what: str, **changes) -> list[str]:
    """Change treatment parameters; refused (nothing changes) with the reasons when invalid."""
    zone = s.plan.zone(zone_id)
    pending = s.grids.pending_params(zone_id) if s.grids is not None else None
    base = pending or zone.params
    if "needle" in changes and isinstance(changes["needle"], dict):
        changes["needle"] = replace(base.needle, **changes["needle"])
    if "technique" in changes and "depth_mm" not in changes:
        depth = technique_depth(s, zone, base, changes["technique"])
        if depth is not None:
            changes["depth_mm"] = depth
    params = replace(base, **changes)
    errors = params.errors()
    if errors:
        return errors
    label = M.UNDO_SET_ZONE_FIELD(field=what, zone=zone.name)
    if s.grids is not None and zone.injections and (pending is not None or layout_changed(zone.params, params)):
        s.grids.relayout(zone_id, label, params)  # the grid follows: parameters + grid, one step
        return []
    s.doc.edit(label, edits.set_zone_params, zone_id, params)
    return []


def technique_depth(s: Session, zone: Zone, params, technique: str) -> float | None:
    """The depth (mm) a zone takes with a new technique: the technique's default depth, unless the user set
    the depth — i.e. it is neither the old technique's default nor the zone template's. None: keep it.
    The default is capped at the needle's length."""
    new, old = TECHNIQUES.get(technique), TECHNIQUES.get(params.technique)
    if new is None or technique == params.technique:
        return None
    defaults = {old.default_depth_mm} if old is not None else set()
    template = None
    if s.templates is not None and zone.template:
        try:
            template = s.templates.zone(zone.template)
        except KeyError:
            template = None
    if template is not None:
        defaults.add(template.depth_mm)
    if params.depth_mm not in defaults:
        return None
    return min(new.default_depth_mm, params.needle.length_mm)


def shown_params(s: Session, zone: Zone):
    """The parameters to show for ``zone``: those being previewed or laid out, else the plan's."""
    shown = s.grids.display_params(zone.id) if s.grids is not None else None
    return shown or zone.params
