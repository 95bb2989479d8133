"""Finding the holes of a layout and putting points into them.

Helpers of :mod:`mesomap.geometry.layout`. A hole is a spot of the zone
farther from every injection point than the pattern allows. Spots are
random points of the zone (uniform by area, drawn once per density and
cached by the solver); a far spot is moved to the centre of the circle
through its three nearest points — the local maximum of the distance, which
a random spot misses by up to half the spots' spacing.

A spot where a whole point fits (a spacing from every point) gets one as it
is. In a hexagonal or blue-noise layout a wide hole gets a new point and its
neighbours within a few spacings spread out to make room (particle
repulsion, all holes of a round at once); a hole whose neighbours cannot
make room without coming closer than the minimum separation is given up
(its neighbourhood put back as it was), and it and the narrow holes are
shrunk instead by pulling their corners in a little. Square and rows
layouts take a new point only where it fits as it is, so their lines stay
straight. Lengths in mm; points are (local face (n,), barycentric (n, 3))
on a :class:`~mesomap.geometry.layout_mesh.ZonePatch`.
"""

from __future__ import annotations

import numpy as np
from scipy.spatial import cKDTree

from mesomap.geometry.layout_mesh import ZonePatch
from mesomap.geometry.layout_relax import relax_particles, step_within_margin

#: Spots are looked at this × spacing inside the margin line (the edge row stands in that band).
HOLE_BAND = 0.5
#: Spots within this × spacing of the hole limit are checked at their true local maximum too.
SPOT_SLACK = 0.1
#: Holes are looked for from this × spacing before the band's line on (spots are sparse).
BAND_SLACK = 0.15
#: A point put into a hole moves its neighbours within this × spacing, for at most this many repulsion steps.
SPREAD_REACH = 3.0
SPREAD_STEPS = 10
#: The repulsion stops early once no point moves more than this × spacing in a step.
SPREAD_STILL = 0.002
#: Two holes closer than this × spacing are one hole.
SAME_HOLE = 0.9
#: A hole that cannot take a point is shrunk to this × spacing by pulling its corners in, at most PULL_MAX × spacing each.
PULL_TARGET = 0.60
PULL_MAX = 0.15


def surface_samples(patch: ZonePatch, n: int, seed: int = 0):
    """(face (n,), bary (n, 3)) points spread uniformly by area over the patch, in random order."""
    rng = np.random.default_rng(seed)
    cdf = np.cumsum(patch.face_areas)
    face = np.searchsorted(cdf, rng.random(n) * cdf[-1]).clip(0, len(cdf) - 1)
    r1, r2 = np.sqrt(rng.random(n)), rng.random(n)
    return face, np.stack([1 - r1, r1 * (1 - r2), r1 * r2], axis=1)


def farthest_spots(patch: ZonePatch, x: np.ndarray, spots: np.ndarray, candidate_mm: float, inner_mm: float,
                   worth_mm: float | None = None):
    """(spots' refined places (q, 3) mm, their distance (q,) mm to the nearest of points x (n, 3)).

    A spot farther than ``candidate_mm`` from every point is moved to the
    centre of the circle through its three nearest points (projected on the
    skin) — or, when that centre lies closer than ``inner_mm`` to the zone's
    border, to where the way there crosses that line — if that is farther
    still from every point. With ``worth_mm``, circles no wider than that
    are not looked at (nothing in them is farther from their corners).
    """
    k = min(3, len(x))
    if k == 0:
        return spots, np.full(len(spots), np.inf)
    tree = cKDTree(x)
    # the nearest distance, the search cut off at the candidates' limit (most spots lie well within it)
    dist = tree.query(spots, distance_upper_bound=np.nextafter(candidate_mm, np.inf))[0]
    far = np.flatnonzero(dist > candidate_mm)
    d = np.zeros((len(spots), k))
    nn = np.zeros((len(spots), k), dtype=np.int64)
    if len(far):
        d_far, nn_far = tree.query(spots[far], k=k)
        d[far], nn[far] = d_far.reshape(len(far), k), nn_far.reshape(len(far), k)
        dist[far] = d[far, 0]
    out = spots.copy()
    cand = far if k == 3 else np.empty(0, dtype=np.int64)
    if len(cand) == 0:
        return out, dist
    # spots with the same three nearest points share one circle: refine the farthest of each
    cand = cand[np.argsort(-d[cand, 0], kind="stable")]
    _, first = np.unique(np.sort(nn[cand], axis=1), axis=0, return_index=True)
    cand = cand[first]
    a, b, c = (x[nn[cand, j]] for j in range(3))
    ab, ac = b - a, c - a
    n = np.cross(ab, ac)
    n2 = np.einsum("ij,ij->i", n, n)
    with np.errstate(divide="ignore", invalid="ignore"):
        centre = a + (np.cross(n, ab) * np.einsum("ij,ij->i", ac, ac)[:, None]
                      + np.cross(ac, n) * np.einsum("ij,ij->i", ab, ab)[:, None]) / (2 * n2[:, None])
    ok = np.isfinite(centre).all(axis=1)
    if worth_mm is not None:  # no spot of a triangle is farther from its corners than its circle's radius
        ok &= np.linalg.norm(centre - a, axis=1) > worth_mm
    cand, a, b, centre, ok = cand[ok], a[ok], b[ok], centre[ok], ok[ok]
    if len(cand) == 0:
        return out, dist
    q = patch.project_near(centre)[2]
    border_q = patch.boundary_distance_bound(q)
    outside = np.flatnonzero(ok & (border_q < inner_mm))
    if len(outside):  # the circle's centre lies past the inner line: the farthest spot inside is on that line
        q[outside], border_q[outside] = _on_inner_line(patch, a[outside], b[outside], q[outside], inner_mm)
    dq = tree.query(q)[0]
    better = ok & (dq > dist[cand]) & (np.linalg.norm(q - spots[cand], axis=1) < dq) & (border_q >= inner_mm - 1e-6)
    out[cand[better]], dist[cand[better]] = q[better], dq[better]
    return out, dist


def _on_inner_line(patch: ZonePatch, a: np.ndarray, b: np.ndarray, centre: np.ndarray, inner_mm: float,
                   steps: int = 2):
    """Where the bisector of points a and b (h, 3), walked from their midpoint toward ``centre`` (h, 3), meets
    the line ``inner_mm`` from the border: the farthest spot from a and b this side of that line.

    The border distance is close to linear along the walk, so ``steps`` rounds
    of regula falsi between the midpoint and the centre (past the line) find
    it; the last place found on the inner side is returned. Returns (places
    (h, 3) on the skin, their border distance (h,)).
    """
    mid = 0.5 * (a + b)
    q_lo = patch.project_near(mid)[2]
    b_lo = patch.boundary_distance_bound(q_lo)
    b_hi = patch.boundary_distance_bound(centre)
    lo, hi = np.zeros(len(a)), np.ones(len(a))
    for _ in range(steps):
        with np.errstate(divide="ignore", invalid="ignore"):
            f = np.nan_to_num((b_lo - inner_mm) / (b_lo - b_hi), nan=0.5)
        t = lo + np.clip(f, 0.02, 0.98) * (hi - lo)
        q = patch.project_near(mid + t[:, None] * (centre - mid))[2]
        bq = patch.boundary_distance_bound(q)
        inside = bq >= inner_mm
        lo, b_lo = np.where(inside, t, lo), np.where(inside, bq, b_lo)
        hi, b_hi = np.where(inside, hi, t), np.where(inside, b_hi, bq)
        q_lo = np.where(inside[:, None], q, q_lo)
    return q_lo, b_lo


def hole_sites(patch: ZonePatch, x: np.ndarray, spots: np.ndarray, spot_border_mm: np.ndarray, s: float,
               margin: float, hole_mm: float, edge_gap_mm: float | None, skip: np.ndarray, cell_mm: float | None = None,
               band: float = HOLE_BAND):
    """(places (h, 3) mm, one per hole, farthest first; their distance (h,) mm to the nearest point).

    x (n, 3) the points (pinned ones included); spots (q, 3) with their
    border distances (q,). A hole is a spot at least margin + HOLE_BAND·s
    inside (less BAND_SLACK·s) that is farther than ``hole_mm`` from every
    point, or — with ``edge_gap_mm`` — a spot between the margin line and
    that band farther than ``edge_gap_mm`` (room for a whole point next to
    the edge row).
    Places closer than SAME_HOLE·s to each other or to ``skip`` (k, 3)
    (holes that could not be filled before) are left out. ``cell_mm``: the
    pattern's larger spacing if not s (rows far apart), for the band's width. ``band`` 0: the layout has a row
    on the margin line, so holes are looked for from that line on.
    """
    # the largest gap often sits right on the band's line
    inner = margin + max(band - BAND_SLACK, 0.0) * (cell_mm or s) if band > 0 else margin
    deep = spot_border_mm >= inner
    found = []
    sites, d = farthest_spots(patch, x, spots[deep], hole_mm - SPOT_SLACK * s, inner, hole_mm)
    found.append((sites[d > hole_mm], d[d > hole_mm]))
    if edge_gap_mm is not None:
        edge = ~deep & (spot_border_mm >= margin)
        d = cKDTree(x).query(spots[edge])[0] if len(x) else np.full(edge.sum(), np.inf)
        found.append((spots[edge][d > edge_gap_mm], d[d > edge_gap_mm]))
    sites = np.concatenate([f[0] for f in found])
    dist = np.concatenate([f[1] for f in found])
    # farthest first, each place taken unless an earlier taken one (or a skipped hole) is within SAME_HOLE·s
    blocked = (cKDTree(skip).query(sites)[0] <= SAME_HOLE * s) if len(skip) and len(sites) else \
        np.zeros(len(sites), dtype=bool)
    near = cKDTree(sites).query_ball_point(sites, SAME_HOLE * s) if len(sites) else []
    chosen: list[int] = []
    for i in np.argsort(-dist, kind="stable").tolist():
        if blocked[i]:
            continue
        chosen.append(i)
        blocked[near[i]] = True
    return sites[chosen].reshape(-1, 3), dist[chosen]


def insert_spread(patch: ZonePatch, face, bary, sites: np.ndarray, s: float, margin: float, fixed: np.ndarray,
                  min_dist: float):
    """Put a point at each of ``sites`` (h, 3) mm and let the neighbours spread out to make room.

    Points closer than SPREAD_REACH·s to a site move (repulsion only, see
    :func:`relax_particles`); the next ring of points and ``fixed`` (q, 3)
    hold them. A site whose neighbourhood ends up with two points closer
    than ``min_dist`` mm is given up: its new point removed, its neighbours
    put back, and the rest spread again. Returns (face, bary, added (h,)
    bool: the sites that got a point); new points are appended after the old ones.
    """
    fixed = np.asarray(fixed, dtype=np.float64).reshape(-1, 3)
    active = np.ones(len(sites), dtype=bool)
    for _ in range(3):
        if not active.any():
            break
        new_face, new_bary, bad = _spread_once(patch, face, bary, sites[active], s, margin, fixed, min_dist)
        if not bad.any():
            return new_face, new_bary, active
        active[np.flatnonzero(active)[bad]] = False
    return face, bary, np.zeros(len(sites), dtype=bool)


def _spread_once(patch, face, bary, sites, s, margin, fixed, min_dist):
    """One try of :func:`insert_spread`: (face, bary, bad (h,) bool sites that could not make room)."""
    nf, nb = patch.project_near(sites)[:2]
    face2, bary2 = np.concatenate([face, nf]), np.concatenate([bary, nb])
    x = patch.positions(face2, bary2)
    dsite, owner = cKDTree(sites).query(x)
    reach = SPREAD_REACH * s
    local = np.flatnonzero(dsite < reach)
    ring = np.flatnonzero((dsite >= reach) & (dsite < reach + s))
    hold = np.concatenate([x[ring], fixed])
    lf, lb = relax_particles(patch, face2[local], bary2[local], s, margin, hold, SPREAD_STEPS, attract=False,
                             cutoff=1.0, still=SPREAD_STILL * s)
    lx = patch.positions(lf, lb)
    allx = np.concatenate([lx, hold])
    pairs = cKDTree(allx).query_pairs(min_dist, output_type="ndarray")
    bad = np.zeros(len(sites), dtype=bool)
    if len(pairs):
        pairs = pairs[pairs[:, 0] < len(lx)]  # a pair with a moved point (held-held pairs were there before)
        ends = pairs.ravel()
        ends = ends[ends < len(lx)]
        bad[np.unique(owner[local[ends]])] = True
    out_f, out_b = face2.copy(), bary2.copy()
    out_f[local], out_b[local] = lf, lb
    return out_f, out_b, bad


def pull_toward(patch: ZonePatch, face, bary, sites: np.ndarray, s: float, margin: float, fixed: np.ndarray,
                min_dist: float, target: float = PULL_TARGET):
    """Shrink holes that cannot take a point: the points around each of ``sites`` (h, 3) mm move toward it.

    The points within a hair of a site's nearest distance r (the two or
    three that make the hole) move toward it until r would be target·s (at
    most PULL_MAX·s each). Moving a triangle's corner inward by δ widens
    the triangles behind it by less than δ, so the largest hole shrinks. A
    move is kept only if no moved point comes closer than ``min_dist`` mm
    to another point or to ``fixed`` (q, 3); if it would, half and then a
    quarter of it is tried. Returns (face, bary, pulled (h,) bool).

    The sites are taken in their order, as if one by one; sites too far apart to see each other's points move are
    taken together, in waves (:func:`_waves`), so a layout with thousands of holes (the scalp at 4 mm) costs a few
    dozen array passes instead of thousands.
    """
    fixed = np.asarray(fixed, dtype=np.float64).reshape(-1, 3)
    sites = np.asarray(sites, dtype=np.float64).reshape(-1, 3)
    pulled = np.zeros(len(sites), dtype=bool)
    face, bary = face.copy(), bary.copy()
    x = patch.positions(face, bary)  # kept up to date as corners move
    if len(sites) == 0 or len(x) == 0:
        return face, bary, pulled
    fixed_tree = cKDTree(fixed) if len(fixed) else None
    # A site reads the points within r + 2s of it and moves those within r + 0.03 s toward it (r: its hole, which
    # other sites' pulls only shrink or widen by a few PULL_MAX steps): sites farther apart than this never interact.
    r0 = cKDTree(x).query(sites)[0]
    tree, at, drift = None, x, np.inf  # a tree of the points where they were (at), none farther than drift since
    for wave in _waves(sites, 2 * float(r0.max()) + (2.03 + 4 * PULL_MAX) * s):
        c = sites[wave]
        if drift > 0.2 * s:
            tree, at, drift = cKDTree(x), x.copy(), 0.0
        slack = 2 * drift * (1 + 1e-9) + 1e-9 * s
        owner, corner = _hit_pairs(tree.query_ball_point(c, tree.query(c)[0] * (1 + 1e-9) + 0.031 * s + slack))
        dist = np.linalg.norm(x[corner] - c[owner], axis=1)
        r = np.full(len(wave), np.inf)
        np.minimum.at(r, owner, dist)  # the nearest distance, computed as the one-by-one version did
        real = dist < (r + 0.03 * s)[owner]
        owner, corner, dist = owner[real], corner[real], dist[real]
        delta = np.minimum(r - target * s, PULL_MAX * s)
        for _ in range(3):  # the full pull, then half and a quarter of it where that brings points too close
            trying = delta[owner] > 0
            if not trying.any():
                break
            o, k, d = owner[trying], corner[trying], dist[trying]
            step = (c[o] - x[k]) * (delta[o] / d)[:, None]
            nf, nb, nx, _ = step_within_margin(patch, x[k], step, margin, face=face[k])
            close = _too_close_many(nx, o, k, x, tree, fixed_tree, min_dist + slack, min_dist, len(wave))
            ok = ~close[o]
            face[k[ok]], bary[k[ok]], x[k[ok]] = nf[ok], nb[ok], nx[ok]
            if ok.any():
                drift = max(drift, float(np.linalg.norm(x[k[ok]] - at[k[ok]], axis=1).max()))
            done = np.unique(o[ok])
            pulled[wave[done]] = True
            delta[done] = 0.0
            delta[delta > 0] *= 0.5
    return face, bary, pulled


def _waves(sites: np.ndarray, reach: float) -> list[np.ndarray]:
    """Sites (h, 3) in waves: none of a wave closer than ``reach`` to another, and of two sites closer than that,
    the earlier one (in the given order) in an earlier wave. Taking the waves in turn, each all at once, is then
    the same as taking the sites one by one."""
    wave = np.zeros(len(sites), dtype=np.int64)
    pairs = cKDTree(sites).query_pairs(reach, output_type="ndarray")
    if len(pairs):
        pairs = pairs[np.lexsort((pairs[:, 0], pairs[:, 1]))]  # (earlier, later) by the later site
        later = pairs[:, 1]
        starts = np.searchsorted(later, np.arange(len(sites) + 1))
        earlier = pairs[:, 0]
        for h in range(len(sites)):
            a, b = starts[h], starts[h + 1]
            if b > a:
                wave[h] = wave[earlier[a:b]].max() + 1
    order = np.argsort(wave, kind="stable")
    return np.split(order, np.flatnonzero(np.diff(wave[order])) + 1)


def _too_close_many(moved: np.ndarray, owner: np.ndarray, ids: np.ndarray, x: np.ndarray, tree: cKDTree,
                    fixed_tree: cKDTree | None, search: float, min_dist: float, n_sites: int) -> np.ndarray:
    """(n_sites,) bool: whether a site's moved corners ``moved`` (k, 3) (site ``owner`` (k,), point ids ``ids`` (k,))
    come closer than min_dist to another of its corners, to another point of x (n, 3) or to a fixed point.
    ``tree``: a cKDTree of the points of x where they were, none farther than search − min_dist from there."""
    close = np.zeros(n_sites, dtype=bool)
    site_of = np.full(len(x), -1)
    site_of[ids] = owner
    j, i = _hit_pairs(tree.query_ball_point(moved, search))
    other = site_of[i] != owner[j]  # a site's own corners are compared after the move, below
    j, i = j[other], i[other]
    close[owner[j[np.linalg.norm(x[i] - moved[j], axis=1) < min_dist]]] = True
    if fixed_tree is not None:
        j, i = _hit_pairs(fixed_tree.query_ball_point(moved, min_dist))
        close[owner[j[np.linalg.norm(fixed_tree.data[i] - moved[j], axis=1) < min_dist]]] = True
    order = np.argsort(owner, kind="stable")  # the site's own corners, after the move, among themselves
    o, m = owner[order], moved[order]
    for gap in range(1, len(o)):
        same = np.flatnonzero(o[gap:] == o[:-gap])
        if len(same) == 0:
            break
        near = np.linalg.norm(m[same + gap] - m[same], axis=1) < min_dist
        close[o[same[near]]] = True
    return close


def _hit_pairs(hits) -> tuple[np.ndarray, np.ndarray]:
    """cKDTree.query_ball_point's lists (one per query point) as (query index (m,), hit index (m,))."""
    j = np.repeat(np.arange(len(hits)), [len(h) for h in hits])
    return j, np.fromiter((v for h in hits for v in h), dtype=np.int64, count=len(j))
