"""Finishing a lattice layout: thinning pairs too close, filling and shrinking holes, settling what that moved.

Helper of :mod:`mesomap.geometry.layout` (its ``fix`` step); points are (local face (n,), barycentric (n, 3)) on a
:class:`~mesomap.geometry.layout_mesh.ZonePatch`, lengths in mm.
"""

from __future__ import annotations

import math
from itertools import chain

import numpy as np
from scipy.spatial import cKDTree

from mesomap.geometry.layout_holes import HOLE_BAND, hole_sites, insert_spread, pull_toward
from mesomap.geometry.layout_mesh import ZonePatch
from mesomap.geometry.layout_relax import relax_particles, thin

#: Generated points never come closer than this × spacing to each other or to a pinned point.
MIN_SEPARATION = 0.9
#: A hexagonal hole: a spot of the zone (past layout_holes.HOLE_BAND) farther than this × spacing from every point
#: (straight line).
HOLE_FILL = 0.62
#: Between the margin line and HOLE_BAND inside it, a gap is filled when a point fits this × spacing from all others
#: (and such a point, anywhere, goes in as it is).
EDGE_GAP = 1.0
#: A hexagonal hole wider than this × spacing gets a point (its neighbours spread out); a narrower one is shrunk.
SPREAD_HOLE = 0.75
#: Particle steps (hexagonal) after the holes are filled, for the points within SETTLE_REACH × spacing of a change.
SETTLE_STEPS = 3
SETTLE_REACH = 2.5
#: Rounds of (find holes, fill them).
FIX_ROUNDS = 5
#: After a round, holes are looked for again only this × spacing around the places just filled or shrunk.
RECHECK_REACH = 4.5
#: Blue noise holes are filled above this × spacing (an irregular layout has larger gaps by nature).
BLUE_NOISE_HOLE = 0.75
#: Blue noise is irregular by design: its points are kept only this × spacing apart.
BLUE_NOISE_SEPARATION = 0.86


def fix_layout(patch: ZonePatch, spots: tuple, face, bary, s: float, margin: float, pin_pos: np.ndarray, pattern: str,
               row_spacing: float | None, edge_row: bool = False):
    """Thin pairs closer than MIN_SEPARATION·s (and points near pinned ones); fill holes.

    Holes are found at random spots of the zone (see
    :mod:`mesomap.geometry.layout_holes`). A whole point goes in where it
    fits as it is; hexagonal and blue noise layouts also put a point in
    each wide hole, the neighbours spreading out to make room, and shrink
    the rest by pulling their corners in; square and rows take a new
    point only where it fits, so their lines stay straight. edge_row: a row stands on the margin line (among
    ``pin_pos``), so holes are looked for from that line on. spots: (random points (q, 3) mm of the zone, their
    border distances (q,), their cKDTree) — where holes are looked for. Returns (face, bary, stats).
    """
    p = patch
    b = float(row_spacing if (pattern == "rows" and row_spacing is not None) else s)
    near = (BLUE_NOISE_SEPARATION if pattern == "blue_noise" else MIN_SEPARATION) * min(s, b)
    hole = {"hexagonal": HOLE_FILL * s, "blue_noise": BLUE_NOISE_HOLE * s,
            "square": 1.15 * s / math.sqrt(2), "rows": 1.15 * math.hypot(s, b) / 2}[pattern]
    particles = pattern in ("hexagonal", "blue_noise")
    keep = thin(p.positions(face, bary), near, pin_pos)
    face, bary = face[keep], bary[keep]
    stats = {"thinned": int((~keep).sum()), "filled": 0, "pulled": 0}
    all_spots, all_border, spot_tree = spots
    spots, spot_border = all_spots, all_border
    failed = np.empty((0, 3))
    changed = [np.empty((0, 3))]  # places where a point was added or a hole shrunk
    for _ in range(FIX_ROUNDS if particles else 1):
        x = np.concatenate([p.positions(face, bary), pin_pos])
        sites, dist = hole_sites(p, x, spots, spot_border, s, margin, hole, EDGE_GAP * s if particles else None,
                                 failed, max(s, b), band=0.0 if edge_row else HOLE_BAND)
        if len(sites) == 0:
            break
        # every far spot was within a hole of this round: the next round looks only where points moved
        around = np.zeros(len(all_spots), dtype=bool)
        lists = spot_tree.query_ball_point(sites, RECHECK_REACH * s, return_sorted=False)
        around[np.fromiter(chain.from_iterable(lists), dtype=np.int64)] = True
        moved = np.flatnonzero(around)
        spots, spot_border = all_spots[moved], all_border[moved]
        fits = (dist >= EDGE_GAP * s) | (not particles)  # a whole point fits: put it there as it is
        added = np.zeros(len(sites), dtype=bool)
        added[fits] = thin(sites[fits], near, x)
        nf, nb = p.project_near(sites[added])[:2]
        face, bary = np.concatenate([face, nf]), np.concatenate([bary, nb])
        wide = ~fits & (dist >= SPREAD_HOLE * s)  # room for a point if the neighbours spread out
        if wide.any():
            face, bary, added[wide] = insert_spread(p, face, bary, sites[wide], s, margin, pin_pos, near)
        narrow = ~fits & ~added  # too narrow for a point: shrink the hole instead
        if narrow.any():
            face, bary, pulled = pull_toward(p, face, bary, sites[narrow], s, margin, pin_pos, near)
            stats["pulled"] += int(pulled.sum())
            narrow[np.flatnonzero(narrow)[pulled]] = False
        failed = np.concatenate([failed, sites[narrow]])
        changed.append(sites[~narrow])
        stats["filled"] += int(added.sum())
    changed = np.concatenate(changed)
    if pattern == "hexagonal" and SETTLE_STEPS and len(changed):  # even out what filling and pulling left uneven
        near_change = cKDTree(changed).query(p.positions(face, bary), distance_upper_bound=SETTLE_REACH * s)[0]
        face, bary = relax_particles(p, face, bary, s, margin, pin_pos, SETTLE_STEPS,
                                     movable=near_change < np.inf)
        keep = thin(p.positions(face, bary), near, pin_pos)
        face, bary = face[keep], bary[keep]
        stats["thinned"] += int((~keep).sum())
    return face, bary, stats
