"""Session operations on painting and zones: brush strokes (mirrored or not), add, delete, clear,
rename and re-parameter zones; with the helpers they need (mirror partners, layout parameters,
which zone holds a face).

Each operation is a function of the :class:`mesomap.session.session.Session` (bound there as a
method). Every change is a document edit (undoable); one brush stroke is one undo step.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING
from dataclasses import dataclass, replace

import numpy as np

from mesomap.geometry.brush import brush_faces
from mesomap.geometry.pick import RayHit
from mesomap.io.plan_builder import zone_from_template
from mesomap.model import edits
from mesomap.model.plan import Plan, Zone, face_set
from mesomap.session import messages as M


#: The parameters a grid is laid out from (see Zone.layout_fingerprint).
LAYOUT_FIELDS = ("pattern", "spacing_mm", "margin_mm", "row_spacing_mm", "row_angle_deg")


def layout_changed(old, new) -> bool:
    """True when two TreatmentParams lay out different grids."""
    return any(getattr(old, f) != getattr(new, f) for f in LAYOUT_FIELDS)


def swap_side_words(text: str) -> str:
    """'Cheek, left' -> 'Cheek, right' and 'cheek_left' -> 'cheek_right' (case kept)."""
    def swap(m: re.Match) -> str:
        word = m.group(0)
        new = {"left": "right", "right": "left"}[word.lower()]
        return new.capitalize() if word[0].isupper() else new

    return re.sub(r"(?i)(?<![a-z])(left|right)(?![a-z])", swap, text)


def partner_zone(plan: Plan, zone: Zone) -> Zone | None:
    """The zone for the other side of a left/right zone (same template or same name), if any."""
    if zone.side not in ("left", "right"):
        return None
    other = "right" if zone.side == "left" else "left"
    for z in plan.zones:
        if z.id == zone.id or z.side != other:
            continue
        if zone.template and z.template == swap_side_words(zone.template):
            return z
        if z.name == swap_side_words(zone.name):
            return z
    return None


def new_partner_zone(plan: Plan, zone: Zone) -> Zone:
    """A fresh zone for the other side of ``zone``, with its parameters and no faces."""
    other = "right" if zone.side == "left" else "left"
    name = swap_side_words(zone.name)
    if name == zone.name:
        name = f"{zone.name} ({other})"
    template = swap_side_words(zone.template) if zone.template else None
    return Zone(
        id=edits.next_id([z.id for z in plan.zones], "zone"), name=name, color=edits.next_color(plan),
        side=other, params=zone.params, template=template if template != zone.template else None,
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


# -- painting ------------------------------------------------------------


def begin_stroke(s: Session, erase: bool = False) -> bool:
    """Start a brush stroke on the current zone (the first dab makes a zone when there is none)."""
    if not s.enabled:
        return s.refuse(M.NEEDS_BUNDLED_BODY())
    zone = s.zone
    if zone is None and erase:
        return s.refuse(M.SELECT_ZONE_TO_ERASE())
    verb = "Erase" if erase else "Paint"
    new_name = None if zone else f"Zone {len(s.plan.zones) + 1}"
    s.begin_gesture(f"{verb} {zone.name if zone else new_name}")
    s.stroke_state = Stroke(zone.id if zone else None, erase, new_name)
    if zone is not None and zone.id in s.hidden:
        s.set_zone_visible(zone.id, True)
        s.say(M.HIDDEN_ZONE_SHOWN(zone=zone.name))
    return True


def dab_faces(s: Session, hits: Iterable[tuple[RayHit, np.ndarray]]) -> np.ndarray:
    """The painting faces covered by brush dabs at ``hits`` [(hit, ray direction)]."""
    parts = [brush_faces(s.surface, hit, s.radius_mm, view_dir=direction) for hit, direction in hits]
    if not parts:
        return np.empty(0, dtype=np.int64)
    return parts[0] if len(parts) == 1 else face_set(np.concatenate(parts))


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
        s.doc.edit(f"Add {zone.name}", edits.add_zone, zone)
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
        partner = partner_zone(s.plan, zone)
        if zone.side not in ("left", "right"):
            targets = [(zone.id, face_set(np.concatenate([faces, mirrored])))]
        elif partner is not None:
            targets.append((partner.id, mirrored))
        elif not erase:
            partner = new_partner_zone(s.plan, zone)
            s.doc.edit(f"Add {partner.name}", edits.add_zone, partner)
            targets.append((partner.id, mirrored))

    def apply(plan: Plan) -> Plan:
        for zid, f in targets:
            plan = (edits.erase if erase else edits.paint)(plan, zid, f)
        return plan

    return s.doc.edit(f"{'Erase' if erase else 'Paint'} {zone.name}", apply)

# -- zones ---------------------------------------------------------------


def add_zone(s: Session, name: str | None = None) -> str | None:
    if not s.enabled:
        return None
    plan = s.plan
    zone = Zone(id=edits.next_id([z.id for z in plan.zones], "zone"),
                name=name or f"Zone {len(plan.zones) + 1}", color=edits.next_color(plan))
    s.doc.edit(f"Add {zone.name}", edits.add_zone, zone)
    s.select_zone(zone.id)
    return zone.id


def add_zone_from_template(s: Session, template) -> str | None:
    """Add a template's zone with its faces and defaults (or select it when already there)."""
    if not s.enabled:
        return None
    existing = next((z for z in s.plan.zones if z.template == template.id), None)
    if existing is not None:
        s.select_zone(existing.id)
        s.say(M.ZONE_ALREADY_IN_PLAN(zone=existing.name))
        return existing.id
    zone = zone_from_template(template, s.surface, s.plan)
    s.doc.edit(f"Add {zone.name}", edits.add_zone, zone)
    s.select_zone(zone.id)
    return zone.id


def delete_zone(s: Session, zone_id: str | None = None) -> bool:
    zone_id = zone_id or s.zone_id
    if zone_id is None:
        return False
    index = [z.id for z in s.plan.zones].index(zone_id)
    name = s.plan.zone(zone_id).name
    s.doc.edit(f"Delete {name}", edits.remove_zone, zone_id)
    rest = s.plan.zones
    s.select_zone(rest[min(index, len(rest) - 1)].id if rest else None)
    return True


def clear_zone(s: Session, zone_id: str | None = None) -> bool:
    zone = s.plan.zone(zone_id) if zone_id else s.zone
    if zone is None:
        return False
    return s.doc.edit(f"Clear {zone.name}", edits.set_zone_faces, zone.id, [])


def update_zone(s: Session, zone_id: str, what: str, **changes) -> list[str]:
    """Change a zone's name, side, colour or notes; returns the reasons when refused."""
    zone = s.plan.zone(zone_id)
    if "name" in changes and not str(changes["name"]).strip():
        return ["a zone needs a name"]
    try:
        s.doc.edit(f"Set {what} of {zone.name}", edits.update_zone, zone_id, **changes)
    except ValueError as err:
        return [str(err)]
    return []


def set_zone_params(s: Session, zone_id: str, what: str, **changes) -> list[str]:
    """Change treatment parameters; refused (nothing changes) with the reasons when invalid."""
    zone = s.plan.zone(zone_id)
    pending = s.grids.pending_params(zone_id) if s.grids is not None else None
    base = pending or zone.params
    if "needle" in changes and isinstance(changes["needle"], dict):
        changes["needle"] = replace(base.needle, **changes["needle"])
    params = replace(base, **changes)
    errors = params.errors()
    if errors:
        return errors
    label = f"Set {what} of {zone.name}"
    if s.grids is not None and zone.injections and (pending is not None or layout_changed(zone.params, params)):
        s.grids.relayout(zone_id, label, params)  # the grid follows: parameters + grid, one step
        return []
    s.doc.edit(label, edits.set_zone_params, zone_id, params)
    return []


def shown_params(s: Session, zone: Zone):
    """The parameters to show for ``zone``: those being previewed or laid out, else the plan's."""
    shown = s.grids.display_params(zone.id) if s.grids is not None else None
    return shown or zone.params
