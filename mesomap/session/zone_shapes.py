"""Session operations that reshape a zone as a whole: its side decided from where it lies, Fill inside
an outline, and Mirror to the other side (faces, parameters and grid).

Each operation is a function of the :class:`mesomap.session.session.Session` (bound there as a
method) and one undo step.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from mesomap.geometry.pick import RayHit
from mesomap.geometry.regions import enclosed_faces, surface_adjacency, surface_side
from mesomap.geometry.surface import PaintingSurface
from mesomap.model import edits
from mesomap.model.plan import InjectionPoint, Plan, Zone
from mesomap.session import messages as M
from mesomap.session.zones import OTHER_SIDE, new_partner_zone, partner_zone

if TYPE_CHECKING:
    from mesomap.session.session import Session

#: Painted zones get their side from their faces; these sides follow the faces.
AUTOMATIC_SIDES = ("left", "right", "midline", "bilateral")


# -- side ----------------------------------------------------------------------


def auto_side(s: Session, zone: Zone) -> str | None:
    """The side ``zone``'s faces lie on (None when it has none)."""
    return surface_side(s.surface, zone.faces) if s.surface is not None else None


def follow_side(s: Session, zone_id: str, side_before: str | None) -> None:
    """After a stroke or a fill: give the zone the side its faces lie on, unless the user chose its side —
    by hand in this session, or a side its faces did not give before (``side_before``: the side its
    faces gave before the change; None when it had none). Joins the running edit or undo step."""
    if zone_id in s.sides_by_hand or zone_id not in {z.id for z in s.plan.zones}:
        return
    zone = s.plan.zone(zone_id)
    if zone.side not in AUTOMATIC_SIDES or (side_before is not None and zone.side != side_before):
        return
    side = auto_side(s, zone)
    if side is not None and side != zone.side:
        s.doc.edit(M.UNDO_SET_ZONE_FIELD(field="side", zone=zone.name), edits.update_zone, zone_id, side=side)


def end_stroke(s: Session) -> None:
    """Called as a stroke (painting or erasing) ends, inside its undo step: the stroke's zone takes its side."""
    stroke = s.stroke_state
    if stroke is not None and stroke.zone_id is not None:
        follow_side(s, stroke.zone_id, stroke.side_before)


# -- fill ----------------------------------------------------------------------


def fill_at(s: Session, hit: RayHit | None) -> bool:
    """Fill the selected zone's closed outline around the clicked face (one undo step).

    Refused with a message, changing nothing, when no zone is selected, the click is off the skin or
    on the outline, or the outline is not closed around the click (the flood would reach the body).
    """
    if not s.enabled:
        return s.refuse(s.why_not_editable())
    zone = s.zone
    if zone is None or len(zone.faces) == 0:
        return s.refuse(M.SELECT_ZONE_TO_FILL())
    if hit is None:
        return s.refuse(M.CLICK_INSIDE_OUTLINE(zone=zone.name))
    inside = enclosed_faces(surface_adjacency(s.surface), s.surface.mesh.face_areas, zone.faces, hit.face)
    if inside is None:
        return s.refuse(M.OUTLINE_NOT_CLOSED(zone=zone.name))
    if len(inside) == 0:
        return s.refuse(M.CLICK_INSIDE_OUTLINE(zone=zone.name))
    before = auto_side(s, zone)
    with s.doc.macro(M.UNDO_FILL(zone=zone.name)):
        s.apply_faces(zone.id, inside)
        follow_side(s, zone.id, before)
    return True


# -- mirror --------------------------------------------------------------------


def mirrored_injections(surface: PaintingSurface, injections) -> tuple[InjectionPoint, ...]:
    """Injections mirrored across the midline: each on its face's mirror face, at the mirror point.

    The body is exactly left/right symmetric: the mirror face's corners are the mirrors of the face's
    corners, so the barycentric weights follow their corners (pinned flags are kept).
    """
    if not injections:
        return ()
    faces = np.array([q.face for q in injections], dtype=np.int64)
    weights = np.array([q.barycentric for q in injections], dtype=np.float64)  # (p, 3)
    corners = surface.mesh.faces[faces]  # (p, 3)
    mirror_faces = surface.face_mirror[faces]
    mirror_corners = surface.mesh.faces[mirror_faces]  # (p, 3)
    images = surface.mesh.mirror[corners]  # (p, 3): where each corner goes
    # new weight of mirror corner j = weight of the corner i whose image is j
    match = images[:, :, None] == mirror_corners[:, None, :]  # (p, i, j)
    new = np.einsum("pi,pij->pj", weights, match.astype(np.float64))
    return tuple(InjectionPoint(int(f), tuple(float(w) for w in b), q.pinned)
                 for f, b, q in zip(mirror_faces, new, injections))


def mirrored_name(name: str, side: str) -> str:
    """The name of the other side's zone: "left" and "right" swapped in it, else ``side`` appended."""
    swapped = re.sub(r"\b(left|right)\b", lambda m: _same_case(OTHER_SIDE[m.group(0).lower()], m.group(0)),
                     name, flags=re.IGNORECASE)
    return swapped if swapped != name else f"{name} ({side})"


def _same_case(word: str, like: str) -> str:
    return word.upper() if like.isupper() else word.capitalize() if like[0].isupper() else word


def mirror_zone(s: Session, zone_id: str | None = None) -> str | None:
    """Mirror a left or right zone to the other side, as one undo step: the other side's zone (its linked
    partner, else a new one) gets the mirror image of the faces, the same parameters and the mirrored grid.
    Returns the other side's zone id (None, with a message, when the zone has no other side)."""
    if not s.enabled:
        s.refuse(s.why_not_editable())
        return None
    zone = s.plan.zone(zone_id) if zone_id else s.zone
    if zone is None:
        s.refuse(M.SELECT_ZONE_TO_MIRROR())
        return None
    side = zone.side
    if side == "midline":
        side = auto_side(s, zone) or side  # painted before sides followed the faces: where it lies
    if side not in OTHER_SIDE:
        s.refuse(M.NO_OTHER_SIDE(zone=zone.name, side=zone.side))
        return None
    if s.surface.face_mirror is None:
        s.refuse(M.NO_MIRROR_MAP())
        return None
    source = replace(zone, side=side)
    partner = partner_zone(s.plan, source, s.surface)
    with s.doc.macro(M.UNDO_MIRROR_ZONE(zone=zone.name)):
        if side != zone.side:
            s.doc.edit(M.UNDO_SET_ZONE_FIELD(field="side", zone=zone.name), edits.update_zone, zone.id, side=side)
        if partner is None:
            partner = new_partner_zone(s.plan, source, s.surface, s.templates)
            if partner.template is None:
                partner = replace(partner, name=mirrored_name(zone.name, partner.side))
            s.doc.edit(M.UNDO_ADD_ZONE(zone=partner.name), edits.add_zone, partner)
        image = replace(s.plan.zone(partner.id), faces=s.surface.mirrored(zone.faces), params=zone.params,
                        side=OTHER_SIDE[side])
        grid = mirrored_injections(s.surface, zone.injections)
        s.doc.edit(M.UNDO_MIRROR_ZONE(zone=zone.name), _set_mirror_image, image, grid, zone.grid_stale)
    s.sides_by_hand.discard(partner.id)
    s.select_zone(partner.id)
    s.say(M.ZONE_MIRRORED(zone=zone.name, other=partner.name, side=OTHER_SIDE[side]))
    return partner.id


def _set_mirror_image(plan: Plan, image: Zone, grid: tuple[InjectionPoint, ...], stale: bool) -> Plan:
    """The other side's zone with its faces and parameters, then its grid (or none) — out of date when
    the grid it mirrors is."""
    plan = edits.replace_zone(plan, replace(image, injections=(), grid_source=""))
    if not grid:
        return plan
    plan = edits.set_zone_grid(plan, image.id, grid)
    return edits.replace_zone(plan, replace(plan.zone(image.id), grid_source="")) if stale else plan
