"""Is every injection where its zone says it is? (pure: plan + surface in, offenders out)

A zone's depth, volume and technique are given to every injection of its grid, so
an injection that lies off the zone's faces — a point moved by hand in the file
onto the knee, a grid left over from other faces — would be injected with
another zone's settings. Loading, validation, every export and the transfer to
a device ask :func:`misplaced_injections` and refuse (or mark) each offender.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mesomap.geometry.surface import PaintingSurface
from mesomap.model.messages import Kind, Message
from mesomap.model.plan import Plan

#: An injection may lie this far (mm, straight line) from its zone's faces and still count as in
#: the zone: a point dropped exactly on the border may land on the neighbouring face.
ZONE_BORDER_TOLERANCE_MM = 0.5

INJECTION_OFF_ZONE = Kind("injection_off_zone", "zone", "order", "distance_mm", "tolerance_mm")


@dataclass(frozen=True)
class Misplaced:
    """One injection off its zone: ``order`` is its 1-based number in the zone's grid (gun order)."""

    zone_id: str
    zone_name: str
    order: int
    face: int
    distance_mm: float  # from the injection to the nearest face of its zone

    @property
    def message(self) -> Message:
        return INJECTION_OFF_ZONE(zone=self.zone_name, order=self.order, distance_mm=self.distance_mm,
                                  tolerance_mm=ZONE_BORDER_TOLERANCE_MM)

    def describe(self) -> str:
        return self.message.text()


def misplaced_injections(plan: Plan, surface: PaintingSurface,
                         tolerance_mm: float = ZONE_BORDER_TOLERANCE_MM) -> tuple[Misplaced, ...]:
    """Every injection farther than ``tolerance_mm`` from its zone's faces, zone by zone in gun order.

    A face outside 0…n_faces-1 (not on this body's skin) counts as infinitely far.
    Cost: a sorted lookup per injection; distances only for the injections off the zone.
    """
    out = []
    for z in plan.zones:
        if not z.injections:
            continue
        faces = np.array([q.face for q in z.injections], dtype=np.int64)
        zone_faces = np.asarray(z.faces, dtype=np.int64)
        at = np.searchsorted(zone_faces, faces)
        inside = (at < len(zone_faces)) & (zone_faces[np.minimum(at, max(len(zone_faces) - 1, 0))] == faces) \
            if len(zone_faces) else np.zeros(len(faces), dtype=bool)
        off = np.flatnonzero(~inside)
        if len(off) == 0:
            continue
        on_skin = off[(faces[off] >= 0) & (faces[off] < surface.n_faces)]
        distance = dict.fromkeys(off.tolist(), float("inf"))
        if len(on_skin):
            pos, _ = surface.points_on_faces(faces[on_skin], [z.injections[i].barycentric for i in on_skin])
            distance.update(zip(on_skin.tolist(), surface.distances_to_faces(pos, zone_faces).tolist()))
        out += [Misplaced(z.id, z.name, i + 1, int(faces[i]), distance[i])
                for i in off.tolist() if distance[i] > tolerance_mm]
    return tuple(out)
