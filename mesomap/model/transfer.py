"""Carry a plan from the reference body onto a patient's scan (issue 16).

The reference body fitted onto the scan keeps the hm08 topology, and so does its painting surface
(the shared refinement, ``hm08-paint``): a zone's painting faces and a point's face + barycentric mean
the same anatomical place on it. Zones therefore keep their faces and points their surface coordinates;
their positions follow the patient's shape. Grids cannot simply follow (their spacing is in mm on the
skin): each zone that had one is laid out again, with its own parameters, on the scan's surface.
"""

from __future__ import annotations

from dataclasses import replace

from mesomap.geometry.surface import PaintingSurface
from mesomap.model.grid import GridLimit, grid_plan
from mesomap.model.messages import Kind, MessageError
from mesomap.model.plan import BodyRef, Plan

TRANSFER_OTHER_TOPOLOGY = Kind("transfer_other_topology", "body")


def transfer_plan(plan: Plan, surface: PaintingSurface, scan_link: dict, seed: int = 0,
                  limit: GridLimit = GridLimit()) -> Plan:
    """``plan`` (on a bundled body) on the scan's painting ``surface``; scan_link: the plan's ``body.scan`` record.

    Raises MessageError when the surface is not of the plan's painting topology."""
    if surface.n_faces != len(surface.parent_face) or (plan.body.paint_topology_sha256 and
                                                        surface.topology_hash != plan.body.paint_topology_sha256):
        raise MessageError(TRANSFER_OTHER_TOPOLOGY(body=plan.body.body_id))
    body = BodyRef(body_id=surface.coarse.body_id, topology=surface.coarse.topology or "",
                   content_sha256=surface.coarse.content_hash, paint_topology_sha256=surface.topology_hash,
                   scan=dict(scan_link))
    moved = replace(plan, body=body)
    gridded = [z.id for z in plan.zones if z.injections]
    return grid_plan(moved, surface, gridded, seed=seed, limit=limit) if gridded else moved
