"""Finishing a lattice layout: thinning pairs too close, filling and shrinking holes, settling what that moved.

Helper of :mod:`mesomap.geometry.layout` (its ``fix`` step); points are (local face (n,), barycentric (n, 3)) on a
:class:`~mesomap.geometry.layout_mesh.ZonePatch`, lengths in mm.
"""

from __future__ import annotations

import math

import numpy as np
from scipy.spatial import cKDTree

from mesomap.geometry.layout_holes import HOLE_BAND, hole_sites, insert_spread, pull_toward
from mesomap.geometry.layout_mesh import ZonePatch
from mesomap.geometry.layout_relax import (arc_of_chord, chord_of_arc, relax_particles, scatter_add,
                                           step_within_margin, thin)

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
#: A hexagonal layout with fewer than this share of points whose nearest neighbour (straight line) is within ±5 % of
#: the spacing after the fix (the issue's goal; a dome: the scalp at 0.5–0.65, a buttock at 0.94, most smooth zones
#: ≥ 0.97) is evened out (:func:`even_out`): first by particle steps with springs of rest length s whose neighbours
#: may change (UNEVEN_STEPS, in rounds of UNEVEN_ROUND), then by pushing (PUSH_*), the best round kept.
UNEVEN = 0.95
UNEVEN_STEPS = 50
UNEVEN_ROUND = 5
#: Pushing: points closer than PUSH_REST × spacing push each other apart (only the pushing half of the springs, so a
#: dome's points spread to where its skin has room instead of keeping the lattice its chart stretched), and after
#: each round of PUSH_ROUND steps a point goes in wherever one fits PUSH_FIT × spacing from all others. At most
#: PUSH_STEPS steps and PUSH_POINT_STEPS steps × points (a step costs 2–4 µs a point), and none if that leaves fewer
#: than PUSH_MIN_STEPS (the 4 mm scalp's 2,200–2,600 points: its layout is near the 2 s goal already).
#: Female scalp at 10 mm: ±5 % after the springs 0.74, after pushing 0.97.
PUSH_REST = 1.03
PUSH_FIT = 0.85
#: ... but pushing adds at most this share of the points the layout had (it fills the gaps pushing leaves; it does
#: not change the count: a crescent of 7 points got 9).
PUSH_ADD = 0.05
PUSH_STEPS = 400
PUSH_ROUND = 20
PUSH_POINT_STEPS = 200_000
PUSH_MIN_STEPS = 100
#: A run of pushing stops after this many rounds in a row that kept nothing (a knee at 25 mm went 20 rounds, none
#: better: 170 ms for nothing; the scalp's first kept round comes after 2 or 3).
PUSH_IDLE = 3
#: A run of rounds stops after this many rounds in a row that widened the largest gap.
UNEVEN_WIDENED = 2
#: ... tried with the points within each of these × spacing of the margin line held where they are (the border
#: strip's cover), from the layout as it came each time.
UNEVEN_HOLD = (0.0, 1.0)
#: A square or rows layout still uneven after its fix (fewer than UNEVEN within ±5 %) has its pairs closer than
#: SPACE_OUT × spacing along the skin nudged apart, SPACE_ROUNDS times (:func:`space_out`; ±5 %: female shoulder at
#: 10 mm 0.94 → 1.00, ankle 0.93 → 1.00, male wrist at 20 mm 0.42 → 1.00).
SPACE_OUT = 0.97
SPACE_ROUNDS = 20
#: ... keeping a round whose largest gap grew by at most this × spacing (the female shoulder's at 10 mm grew
#: 0.985 → 0.987 × spacing while its ±5 % went 0.94 → 1.00).
SPACE_GAP = 0.02
#: The distance along the skin to a point's nearest neighbour is the least over this many nearest by straight line.
NEAREST_CHORDS = 4
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
    border distances (q,)) — where holes are looked for. Returns (face, bary, stats).
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
    all_spots, all_border = spots
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
        reach = np.nextafter(RECHECK_REACH * s, np.inf)  # the spots within RECHECK_REACH·s of a site, that included
        moved = np.flatnonzero(np.isfinite(cKDTree(sites).query(all_spots, distance_upper_bound=reach)[0]))
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
    inside = all_border >= margin
    if pattern == "hexagonal" and UNEVEN_STEPS:
        deep = all_border >= margin + HOLE_BAND * s
        face, bary = even_out(p, face, bary, s, margin, pin_pos, (all_spots[deep], all_spots[inside & ~deep]))
    elif pattern in ("square", "rows") and SPACE_ROUNDS:
        face, bary = space_out(p, face, bary, s, margin, pin_pos, all_spots[inside])
    return face, bary, stats


def within_5pct(x: np.ndarray, s: float, normals: np.ndarray | None = None) -> tuple[float, float]:
    """(share of points (n, 3) mm whose nearest other point is within ±5 % of s, the smallest distance ÷ s).

    With the points' skin normals (n, 3) the distance is the one along the skin, from the chord and how the normals
    turn along it (:func:`~mesomap.geometry.layout_relax.arc_of_chord`), the least of the NEAREST_CHORDS nearest;
    without, the straight line (on an ankle at 20 mm the straight line reads 0.67 where along the skin is 1.00).
    """
    if len(x) < 2:
        return 1.0, np.inf
    if normals is None:
        d = cKDTree(x).query(x, k=2)[0][:, 1]
    else:
        chord, j = cKDTree(x).query(x, k=min(NEAREST_CHORDS + 1, len(x)))
        chord, j = chord[:, 1:], j[:, 1:]
        d = arc_of_chord(normals[:, None], normals[j], x[j] - x[:, None], chord).min(axis=1)
    d = d / s
    return float(np.mean(np.abs(d - 1) <= 0.05)), float(d.min())


def even_out(patch: ZonePatch, face, bary, s: float, margin: float, pin_pos: np.ndarray, spots: tuple):
    """Particle steps for a hexagonal layout still uneven after its fix (a dome, whose chart stretches the lattice).

    Runs only when fewer than UNEVEN of the points have their nearest neighbour within ±5 % of s: springs (rest
    length s, between points closer than 1.15 × s, neighbours may change), then pushing (see PUSH_REST), each round of
    pushing ending with a point put in wherever one fits PUSH_FIT × s from all others (at the spots). Each is tried
    first with every point free, then with the points within UNEVEN_HOLD × s of the margin line held. Keeps the round
    with the most points within ±5 % whose closest pair is still ≥ MIN_SEPARATION × s and whose largest hole
    (straight line, at the spots) is no wider than the layout's as it came — for pushing, the largest inside and the
    largest in the border strip each (the layout as it came if no round is better). spots: random points of the
    zone, (q, 3) mm past HOLE_BAND × s inside the margin line and (r, 3) between the line and there.
    Returns (face, bary).
    """
    pin_n = _normals_at(patch, pin_pos)
    x, best, _ = _evenness(patch, face, bary, pin_pos, pin_n, s)
    if best >= UNEVEN or len(face) < 3:
        return face, bary
    n0 = len(x)  # while no point is added, a spot's nearest point of the layout as it came is checked first
    every_spot = np.concatenate(spots)
    # (spots, (their largest gap (mm), each spot's nearest point)) as the layout came: the springs keep the largest
    # gap of all; pushing, which moves points farther, the largest inside and the largest in the border strip each
    whole = [(every_spot, _largest_gap(x, every_spot))]
    parts = [(group, _largest_gap(x, group)) for group in spots]

    def no_wider(x, groups):
        return all(_gap_within(x, group, hole, nearest) if len(x) == n0 else _largest_gap(x, group)[0] <= hole
                   for group, (hole, nearest) in groups)

    def springs(face, bary, inner):
        face, bary = relax_particles(patch, face, bary, s, margin, pin_pos, UNEVEN_ROUND, cutoff=1.15, movable=inner)
        return separate(patch, face, bary, MIN_SEPARATION * s, inner, margin)

    most = len(face) + int(PUSH_ADD * len(face))  # pushing adds at most PUSH_ADD of the points

    def push(face, bary, inner):
        face, bary = relax_particles(patch, face, bary, PUSH_REST * s, margin, pin_pos, PUSH_ROUND, cutoff=1.0,
                                     movable=inner, attract=False)
        return _fill_gaps(patch, face, bary, PUSH_FIT * s, pin_pos, every_spot, most - len(face))

    out = (face, bary)
    push_steps = min(PUSH_STEPS, PUSH_POINT_STEPS // len(face))
    for step, rounds, gaps, idle_limit in ((springs, UNEVEN_STEPS // UNEVEN_ROUND, whole, None),
                                           (push, push_steps // PUSH_ROUND if push_steps >= PUSH_MIN_STEPS else 0,
                                            parts, PUSH_IDLE)):
        start = out
        for hold in UNEVEN_HOLD:
            face, bary = start
            widened = idle = 0  # rounds in a row whose largest gap was wider / that kept nothing
            inner = None  # the points past the held strip: where the run starts, again once points are added
            for _ in range(rounds):
                if inner is None or len(inner) != len(face):
                    inner = patch.boundary_distance_bound(patch.positions(face, bary)) - margin >= hold * s
                face, bary = step(face, bary, inner)
                x, share, low = _evenness(patch, face, bary, pin_pos, pin_n, s)
                idle += 1
                if share > best and low >= MIN_SEPARATION:
                    if no_wider(x, gaps):
                        best, out, widened, idle = share, (face, bary), 0, 0
                    else:
                        widened += 1
                        if widened == UNEVEN_WIDENED:  # the points drift off the margin line: more steps will not help
                            break
                if idle == idle_limit:
                    break
            if out is not start:  # held or not, whichever came first and evened it out
                break
        if best >= UNEVEN:
            break
    return out


def space_out(patch: ZonePatch, face, bary, s: float, margin: float, pin_pos: np.ndarray, spots: np.ndarray):
    """A square or rows layout still uneven after its fix, its crowded pairs nudged apart (its lines stay).

    Runs only when fewer than UNEVEN of the points have their nearest neighbour within ±5 % of s (along the skin);
    on a curved part (a shoulder's cap, an ankle's bend) the lattice comes out too close in places, never too far.
    Each of SPACE_ROUNDS rounds nudges the pairs closer than SPACE_OUT × s apart (:func:`separate`); keeps the round
    with the most points within ±5 % (of those, the farthest closest pair: the measure along the skin is an estimate)
    whose closest pair is still ≥ MIN_SEPARATION × s and whose largest gap at the
    spots (q, 3) mm is at most SPACE_GAP × s wider than the layout's as it came. Returns (face, bary).
    """
    pin_n = _normals_at(patch, pin_pos)
    x, *best = _evenness(patch, face, bary, pin_pos, pin_n, s)
    if best[0] >= UNEVEN or len(face) < 2:
        return face, bary
    hole, nearest = _largest_gap(x, spots)
    out, free = (face, bary), np.ones(len(face), dtype=bool)
    for _ in range(SPACE_ROUNDS):
        face, bary = separate(patch, face, bary, SPACE_OUT * s, free, margin, rounds=1)
        x, *even = _evenness(patch, face, bary, pin_pos, pin_n, s)
        if even > best and even[1] >= MIN_SEPARATION and _gap_within(x, spots, hole + SPACE_GAP * s, nearest):
            best, out = even, (face, bary)
    return out


def _normals_at(patch: ZonePatch, points: np.ndarray) -> np.ndarray:
    """(q, 3) the skin's unit normals at points (q, 3) mm (pinned points, given by position)."""
    if not len(points):
        return np.empty((0, 3))
    return patch.normals(*patch.project_near(points)[:2])


def _evenness(patch: ZonePatch, face, bary, pin_pos: np.ndarray, pin_n: np.ndarray, s: float):
    """(all points (n + q, 3) mm — the layout's, then the pinned ones (q, 3) with normals pin_n (q, 3) —, the share
    within ±5 % of s along the skin, the smallest nearest distance ÷ s): :func:`within_5pct`."""
    x = np.concatenate([patch.positions(face, bary), pin_pos])
    return (x, *within_5pct(x, s, np.concatenate([patch.normals(face, bary), pin_n])))


def _fill_gaps(patch: ZonePatch, face, bary, fit: float, pin_pos: np.ndarray, spots: np.ndarray, limit: int):
    """(face, bary) with a point added at the spots (q, 3) mm at least ``fit`` mm (straight line) from every point and
    pinned point, thinned to ``fit`` apart (:func:`~mesomap.geometry.layout_relax.thin`); at most ``limit`` of them,
    the farthest from the points first."""
    x = np.concatenate([patch.positions(face, bary), pin_pos])
    if not len(spots) or limit <= 0:
        return face, bary
    d = cKDTree(x).query(spots)[0]
    far = np.flatnonzero(d >= fit)
    if not len(far):
        return face, bary
    far = far[np.argsort(-d[far], kind="stable")]
    keep = thin(spots[far], fit, x)
    nf, nb = patch.project_near(spots[far][keep][:limit])[:2]
    return np.concatenate([face, nf]), np.concatenate([bary, nb])


def _largest_gap(x: np.ndarray, spots: np.ndarray) -> tuple[float, np.ndarray]:
    """(largest straight-line distance (mm) from a spot (q, 3) to its nearest point of x (n, 3), 0 without spots;
    (q,) the index of each spot's nearest point)."""
    if not (len(spots) and len(x)):
        return 0.0, np.zeros(len(spots), dtype=np.int64)
    d, nearest = cKDTree(x).query(spots)
    return float(d.max()), nearest


def _gap_within(x: np.ndarray, spots: np.ndarray, limit: float, nearest: np.ndarray) -> bool:
    """Whether every spot (q, 3) lies within ``limit`` mm (straight line) of a point of x (n, 3): as
    ``_largest_gap(x, spots)[0] <= limit``. ``nearest`` (q,): each spot's nearest point before the points moved
    (:func:`_largest_gap`); a spot still within the limit of that point needs no search."""
    if not (len(spots) and len(x)):
        return True
    far = np.linalg.norm(spots - x[nearest], axis=1) > limit
    if not far.any():
        return True
    return bool(np.isfinite(cKDTree(x).query(spots[far], distance_upper_bound=np.nextafter(limit, np.inf))[0]).all())


def separate(patch: ZonePatch, face, bary, min_dist: float, movable: np.ndarray, margin: float, rounds: int = 3):
    """Pairs of points closer than min_dist (mm, along the skin: :func:`~mesomap.geometry.layout_relax.chord_of_arc`)
    nudged apart along their chord to just past it.

    face (n,), bary (n, 3); movable (n,) bool — a pair with one held point moves only the other; a pair of held points
    stays. Each nudge is projected back onto the skin and stops at the margin line (``margin`` mm from the border).
    Returns (face, bary).
    """
    face, bary = face.copy(), bary.copy()
    x = patch.positions(face, bary)
    border = patch.boundary_distance_floor(face, x)
    for _ in range(rounds):
        pairs = cKDTree(x).query_pairs(min_dist, output_type="ndarray")  # a chord is never longer than its arc
        if len(pairs) == 0:
            break
        i, j = pairs[:, 0], pairs[:, 1]
        d = x[j] - x[i]
        length = np.maximum(np.linalg.norm(d, axis=1), 1e-9)
        nrm = patch.normals(face, bary)
        target = chord_of_arc(1.01 * min_dist, nrm[i], nrm[j], d, length)
        close = length < target
        if not close.any():
            break
        i, j, d, length, target = i[close], j[close], d[close], length[close], target[close]
        short = (target - length)[:, None] * d / length[:, None]  # (e, 3) the gap to open
        mi, mj = movable[i].astype(float), movable[j].astype(float)
        share = np.where(mi + mj > 0, 1.0 / np.maximum(mi + mj, 1.0), 0.0)
        move = scatter_add(len(x), np.concatenate([i, j]),
                           np.concatenate([-(mi * share)[:, None] * short, (mj * share)[:, None] * short]))
        idx = np.flatnonzero(np.abs(move).sum(axis=1) > 0)
        nf, nb, nx, border[idx] = step_within_margin(patch, x[idx], move[idx], margin, border[idx], face[idx])
        face[idx], bary[idx], x[idx] = nf, nb, nx
    return face, bary
