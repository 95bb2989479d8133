"""The plan editor's painting and zone edits: brush strokes (mirrored or not), add, delete, clear,
rename and re-parameter zones; with the helpers they need (mirror partners, layout parameters,
which zone holds a face).

:class:`ZoneEdits` is mixed into :class:`mesomap.ui.editor.PlanEditor`; its methods use the
editor's document, surface, selection, gestures and ``message`` signal. Every change is a
document edit (undoable); one brush stroke is one undo step.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

import numpy as np

from mesomap.geometry.brush import brush_faces
from mesomap.geometry.pick import RayHit
from mesomap.io.plan_builder import zone_from_template
from mesomap.model import edits
from mesomap.model.plan import Plan, Zone, face_set

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


class ZoneEdits:
    """Painting and zone edits of the PlanEditor."""

    # -- painting ------------------------------------------------------------
    def begin_stroke(self, erase: bool = False) -> bool:
        """Start a brush stroke on the current zone (the first dab makes a zone when there is none)."""
        if not self.enabled:
            return self._refuse("Plans are painted on the bundled bodies: switch to Female or Male.")
        zone = self.zone
        if zone is None and erase:
            return self._refuse("Select a zone to erase from.")
        verb = "Erase" if erase else "Paint"
        self._new_zone_name = None if zone else f"Zone {len(self.plan.zones) + 1}"
        self._begin_gesture(f"{verb} {zone.name if zone else self._new_zone_name}")
        self._stroke_zone = zone.id if zone else None
        self._stroke_erase = erase
        self._stroking = True
        if zone is not None and zone.id in self.hidden:
            self.set_zone_visible(zone.id, True)
            self.message.emit(f"{zone.name} was hidden: it is shown again while you paint it.")
        return True

    def dab_faces(self, hits: Iterable[tuple[RayHit, np.ndarray]]) -> np.ndarray:
        """The painting faces covered by brush dabs at ``hits`` [(hit, ray direction)]."""
        parts = [brush_faces(self.surface, hit, self.radius_mm, view_dir=direction) for hit, direction in hits]
        if not parts:
            return np.empty(0, dtype=np.int64)
        return parts[0] if len(parts) == 1 else face_set(np.concatenate(parts))

    def stroke(self, hits: Iterable[tuple[RayHit, np.ndarray]]) -> bool:
        """Apply dabs at ``hits`` to the stroke's zone (and its mirror) as one edit."""
        if not self._stroking:
            return False
        faces = self.dab_faces(hits)
        if len(faces) == 0:
            return False
        if self._stroke_zone is None:  # nothing selected: the stroke's first dab makes the zone
            zone = Zone(id=edits.next_id([z.id for z in self.plan.zones], "zone"), name=self._new_zone_name,
                        color=edits.next_color(self.plan))
            self.doc.edit(f"Add {zone.name}", edits.add_zone, zone)
            self.select_zone(zone.id)
            self._stroke_zone = zone.id
        return self.apply_faces(self._stroke_zone, faces, erase=self._stroke_erase)

    def apply_faces(self, zone_id: str, faces: np.ndarray, erase: bool = False) -> bool:
        """Paint (or erase) ``faces`` into a zone, and with mirror on their mirror image too.

        Mirror: a midline or bilateral zone receives both halves; a left or
        right zone sends the mirror half to its partner zone for the other
        side, which painting creates when missing (erasing never creates).
        """
        zone = self.plan.zone(zone_id)
        targets: list[tuple[str, np.ndarray]] = [(zone.id, faces)]
        if self.mirror and self.surface.face_mirror is not None:
            mirrored = self.surface.mirrored(faces)
            partner = partner_zone(self.plan, zone)
            if zone.side not in ("left", "right"):
                targets = [(zone.id, face_set(np.concatenate([faces, mirrored])))]
            elif partner is not None:
                targets.append((partner.id, mirrored))
            elif not erase:
                partner = new_partner_zone(self.plan, zone)
                self.doc.edit(f"Add {partner.name}", edits.add_zone, partner)
                targets.append((partner.id, mirrored))

        def apply(plan: Plan) -> Plan:
            for zid, f in targets:
                plan = (edits.erase if erase else edits.paint)(plan, zid, f)
            return plan

        return self.doc.edit(f"{'Erase' if erase else 'Paint'} {zone.name}", apply)

    # -- zones ---------------------------------------------------------------
    def add_zone(self, name: str | None = None) -> str | None:
        if not self.enabled:
            return None
        plan = self.plan
        zone = Zone(id=edits.next_id([z.id for z in plan.zones], "zone"),
                    name=name or f"Zone {len(plan.zones) + 1}", color=edits.next_color(plan))
        self.doc.edit(f"Add {zone.name}", edits.add_zone, zone)
        self.select_zone(zone.id)
        return zone.id

    def add_zone_from_template(self, template) -> str | None:
        """Add a template's zone with its faces and defaults (or select it when already there)."""
        if not self.enabled:
            return None
        existing = next((z for z in self.plan.zones if z.template == template.id), None)
        if existing is not None:
            self.select_zone(existing.id)
            self.message.emit(f"{existing.name} is in the plan already: selected it.")
            return existing.id
        zone = zone_from_template(template, self.surface, self.plan)
        self.doc.edit(f"Add {zone.name}", edits.add_zone, zone)
        self.select_zone(zone.id)
        return zone.id

    def delete_zone(self, zone_id: str | None = None) -> bool:
        zone_id = zone_id or self.zone_id
        if zone_id is None:
            return False
        index = [z.id for z in self.plan.zones].index(zone_id)
        name = self.plan.zone(zone_id).name
        self.doc.edit(f"Delete {name}", edits.remove_zone, zone_id)
        rest = self.plan.zones
        self.select_zone(rest[min(index, len(rest) - 1)].id if rest else None)
        return True

    def clear_zone(self, zone_id: str | None = None) -> bool:
        zone = self.plan.zone(zone_id) if zone_id else self.zone
        if zone is None:
            return False
        return self.doc.edit(f"Clear {zone.name}", edits.set_zone_faces, zone.id, [])

    def update_zone(self, zone_id: str, what: str, **changes) -> list[str]:
        """Change a zone's name, side, colour or notes; returns the reasons when refused."""
        zone = self.plan.zone(zone_id)
        if "name" in changes and not str(changes["name"]).strip():
            return ["a zone needs a name"]
        try:
            self.doc.edit(f"Set {what} of {zone.name}", edits.update_zone, zone_id, **changes)
        except ValueError as err:
            return [str(err)]
        return []

    def set_zone_params(self, zone_id: str, what: str, **changes) -> list[str]:
        """Change treatment parameters; refused (nothing changes) with the reasons when invalid."""
        zone = self.plan.zone(zone_id)
        pending = self.grids.pending_params(zone_id) if self.grids is not None else None
        base = pending or zone.params
        if "needle" in changes and isinstance(changes["needle"], dict):
            changes["needle"] = replace(base.needle, **changes["needle"])
        params = replace(base, **changes)
        errors = params.errors()
        if errors:
            return errors
        label = f"Set {what} of {zone.name}"
        if self.grids is not None and zone.injections and (pending is not None or layout_changed(zone.params, params)):
            self.grids.relayout(zone_id, label, params)  # the grid follows: parameters + grid, one step
            return []
        self.doc.edit(label, edits.set_zone_params, zone_id, params)
        return []

    def shown_params(self, zone: Zone):
        """The parameters to show for ``zone``: those being previewed or laid out, else the plan's."""
        shown = self.grids.display_params(zone.id) if self.grids is not None else None
        return shown or zone.params
