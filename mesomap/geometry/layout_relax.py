"""Moving points on the skin: lattice springs, particle springs, thinning, dart throwing.

Helpers of :mod:`mesomap.geometry.layout`; all work on a
:class:`~mesomap.geometry.layout_mesh.ZonePatch` with points given as (local
face (n,), barycentric (n, 3)) and return the same. Lengths in mm.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.sparse.linalg import splu
from scipy.spatial import cKDTree

from mesomap.geometry.layout_mesh import ZonePatch

#: Proximal weight that damps each local/global spring step (relative to the mean spring weight).
RELAX_DAMPING = 0.05
#: Particle springs act between points closer than this × spacing (hexagonal first ring 1, second √3).
PARTICLE_CUTOFF = 1.3


def _subset(keep, face, bary, edges, rest, weight):
    new_id = np.cumsum(keep) - 1
    ok = keep[edges].all(axis=1)
    return face[keep], bary[keep], new_id[edges[ok]], rest[ok], weight[ok]


def relax_springs(patch: ZonePatch, face, bary, edges, rest, weight, steps: int):
    """Relax lattice springs on the skin: local/global steps, each projected back onto the zone.

    face (n,) local, bary (n, 3); edges (e, 2); rest (e,) mm along the skin;
    weight (e,). A spring's rest length is along the skin: its target chord
    comes from :func:`chord_of_arc`.
    Returns the relaxed (face, bary).
    """
    n = len(face)
    i, j = edges[:, 0], edges[:, 1]
    lap = sparse.coo_matrix((np.concatenate([-weight, -weight]), (np.concatenate([i, j]), np.concatenate([j, i]))),
                            shape=(n, n)).tocsr()
    deg = -np.asarray(lap.sum(axis=1)).ravel()
    damping = RELAX_DAMPING * max(float(weight.mean()), 1e-9)
    system = (lap + sparse.diags(deg + damping)).tocsc()
    lu = splu(system)
    x = patch.positions(face, bary)
    for _ in range(steps):
        nrm = patch.normals(face, bary)
        d = x[j] - x[i]
        length = np.linalg.norm(d, axis=1)
        chord = chord_of_arc(rest, nrm[i], nrm[j], d, length)
        target = d * (chord / np.maximum(length, 1e-12))[:, None] * weight[:, None]
        rhs = damping * x
        np.add.at(rhs, i, -target)
        np.add.at(rhs, j, target)
        new = lu.solve(rhs)
        face, bary, x, _ = patch.project_near(new, hint=face)
    return face, bary


def scatter_add(n: int, index: np.ndarray, values: np.ndarray) -> np.ndarray:
    """(n, d) sums of the rows of values (m, d) by their row index (m,), added in the given order (as
    ``np.add.at`` on zeros would, bit for bit, a column at a time with ``np.bincount``)."""
    out = np.empty((n, values.shape[1]))
    for c in range(values.shape[1]):
        out[:, c] = np.bincount(index, weights=values[:, c], minlength=n)
    return out


def thin(x: np.ndarray, min_dist: float, fixed: np.ndarray) -> np.ndarray:
    """(n,) bool: points x (n, 3) kept so that none is closer than min_dist to a kept one or to ``fixed`` (q, 3).

    Greedy and deterministic: points with the most too-close neighbours go first.
    """
    keep = np.ones(len(x), dtype=bool)
    if len(fixed):
        d, _ = cKDTree(fixed).query(x, k=1)
        keep &= d >= min_dist
    tree = cKDTree(x)
    pairs = tree.query_pairs(min_dist, output_type="ndarray")
    if len(pairs) == 0:
        return keep
    pairs = pairs[keep[pairs].all(axis=1)]
    count = np.bincount(pairs.ravel(), minlength=len(x))
    for a in np.argsort(-count, kind="stable"):
        if count[a] == 0:
            break
        if not keep[a]:
            continue
        neighbours = pairs[(pairs[:, 0] == a) | (pairs[:, 1] == a)]
        others = neighbours[neighbours != a]
        if keep[others].any():
            keep[a] = False
    return keep


def dart_throw(x: np.ndarray, radius: float, fixed: np.ndarray, chunk: int = 256) -> np.ndarray:
    """Indices of points x (n, 3), taken in the given (random) order, at least ``radius`` from every taken or fixed point.

    The same as testing each point in turn against all taken ones, done a
    chunk at a time: a chunk's points near an earlier taken one go first
    (one tree query), the rest are settled among themselves in order.
    """
    x = np.asarray(x, dtype=np.float64).reshape(-1, 3)
    taken = [np.asarray(fixed, dtype=np.float64).reshape(-1, 3)]
    chosen: list[np.ndarray] = []
    for start in range(0, len(x), chunk):
        part = np.arange(start, min(start + chunk, len(x)))
        before = np.concatenate(taken)
        if len(before):
            part = part[cKDTree(before).query(x[part], distance_upper_bound=radius)[0] >= radius]
        if len(part) == 0:
            continue
        pairs = cKDTree(x[part]).query_pairs(radius, output_type="ndarray")
        keep = np.ones(len(part), dtype=bool)
        if len(pairs):
            later = [[] for _ in range(len(part))]
            for i, j in pairs.tolist():  # i < j: j comes later in the order
                later[i].append(j)
            for i in range(len(part)):
                if keep[i] and later[i]:
                    keep[later[i]] = False
        chosen.append(part[keep])
        taken.append(x[part[keep]])
    return np.concatenate(chosen) if chosen else np.empty(0, dtype=np.int64)


def chord_of_arc(rest, n_i: np.ndarray, n_j: np.ndarray, d: np.ndarray, length: np.ndarray) -> np.ndarray:
    """Chord (mm) of a path of length ``rest`` along the skin between points whose chord is d (..., 3).

    The path bends with the skin's normal curvature along d: for a circular
    arc turning by φ, the normals' change along the chord is 2·sin(φ/2), so
    φ/2 = asin(|(n_j − n_i)·d̂| / 2) and chord = rest·sin(φ/2)/(φ/2). (The
    angle between the normals alone would count the skin's twist across
    the path too, and on a saddle it is mostly twist.)
    """
    dn = np.abs(np.einsum("...i,...i", n_j - n_i, d)) / np.maximum(length, 1e-12)
    half = np.arcsin(np.clip(0.5 * dn, 0.0, 1.0))
    return rest * np.where(half > 1e-6, np.sin(half) / np.maximum(half, 1e-12), 1.0)


def arc_of_chord(n_i: np.ndarray, n_j: np.ndarray, d: np.ndarray, length: np.ndarray) -> np.ndarray:
    """Length (mm) along the skin of a path whose chord is d (..., 3), |d| = length (...): the inverse of
    :func:`chord_of_arc` (the arc turning by φ with the normals' change along the chord, arc = chord·(φ/2)/sin(φ/2))."""
    dn = np.abs(np.einsum("...i,...i", n_j - n_i, d)) / np.maximum(length, 1e-12)
    half = np.arcsin(np.clip(0.5 * dn, 0.0, 1.0))
    return length * np.where(half > 1e-6, half / np.maximum(np.sin(half), 1e-12), 1.0)


def relax_particles(patch: ZonePatch, face, bary, s: float, margin: float, fixed: np.ndarray, steps: int,
                    attract: bool = True, cutoff: float = PARTICLE_CUTOFF, movable: np.ndarray | None = None,
                    still: float = 0.0, gain: float = 0.5):
    """Springs of rest length s (along the skin) between all points closer than cutoff·s; no fixed topology.

    Points move by ``gain`` (default half) × their mean spring correction
    each step (Jacobi), projected back onto the zone; a step that would cross into the margin
    stops at the margin line. ``fixed`` (q, 3) points push and pull but never move.
    attract=False keeps only the pushing half (blue noise, making room for
    a new point). ``movable`` (n,) bool: only these points move (default
    all). Stops early when no step is longer than ``still`` mm. Returns (face, bary).
    """
    x = patch.positions(face, bary)
    n = len(x)
    if n == 0:
        return face, bary
    fixed = np.asarray(fixed, dtype=np.float64).reshape(-1, 3)
    fixed_n = np.tile(np.nan, (len(fixed), 3))
    if len(fixed):
        ff, fb = patch.project_near(fixed)[:2]
        fixed_n = patch.normals(ff, fb)
    border = patch.boundary_distance_floor(face, x)  # (n,) a lower bound of each point's border distance
    for _ in range(steps):
        nrm = patch.normals(face, bary)
        allx = np.concatenate([x, fixed]) if len(fixed) else x
        alln = np.concatenate([nrm, fixed_n]) if len(fixed) else nrm
        pairs = cKDTree(allx).query_pairs(cutoff * s, output_type="ndarray")
        pairs = pairs[pairs[:, 0] < n] if len(pairs) else pairs  # fixed-fixed pairs do nothing
        if len(pairs) == 0:
            break
        i, j = pairs[:, 0], pairs[:, 1]
        d = allx[j] - allx[i]
        length = np.linalg.norm(d, axis=1)
        excess = length - chord_of_arc(s, alln[i], alln[j], d, length)
        if not attract:
            excess = np.minimum(excess, 0.0)
        f = (gain * excess / np.maximum(length, 1e-12))[:, None] * d  # moves i toward j by gain × the excess
        move = scatter_add(len(allx), np.concatenate([i, j]), np.concatenate([f, -f]))
        acting = pairs if attract else pairs[excess < 0]  # (pushing only: pairs at rest do not dilute the push)
        cnt = np.bincount(acting.ravel(), minlength=len(allx))[:n, None]
        idx = np.flatnonzero((cnt[:, 0] > 0) & (movable if movable is not None else True))
        step = move[idx] / cnt[idx]
        nf, nb, nx, border[idx] = step_within_margin(patch, x[idx], step, margin, border[idx], face[idx])
        face, bary, x = face.copy(), bary.copy(), x.copy()
        face[idx], bary[idx], x[idx] = nf, nb, nx
        if len(step) == 0 or np.sqrt(np.einsum("ij,ij->i", step, step).max()) <= still:
            break
    return face, bary


def step_within_margin(patch: ZonePatch, x: np.ndarray, step: np.ndarray, margin: float,
                        border: np.ndarray | None = None, face: np.ndarray | None = None):
    """Points x (n, 3) moved by step (n, 3) and projected onto the skin, but never closer than margin to the border.

    A step that would end inside the margin loses its part toward the
    border, so the point slides along the margin line; if that still ends
    inside, the step is shortened to where the border distance, taken as
    linear along it, reaches the margin (and if even that lands inside, the
    point stays). ``border`` (n,): the points'
    distance to the border before, or a lower bound of it (mm); a point
    that moves less than border − margin cannot reach the margin and is
    not measured (the distance is 1-Lipschitz). ``face`` (n,): the points' faces, a hint for the projection
    (:meth:`ZonePatch.project_near`). Returns (face, bary, positions, border after (n,): exact or a lower bound).
    """
    nf, nb, nx, _ = patch.project_near(x + step, hint=face)
    before = patch.boundary_distance_bound(x) if border is None else np.asarray(border, dtype=np.float64)
    after = before - np.linalg.norm(nx - x, axis=1)
    check = np.flatnonzero(after < margin)
    if len(check):
        after[check] = patch.boundary_distance_bound(nx[check])
    bad = check[after[check] < margin]
    if len(bad):  # first let the point slide: drop the part of its step that heads for the border
        g = patch.away_from_boundary(x[bad])
        toward = np.minimum(np.einsum("ij,ij->i", step[bad], g), 0.0)
        slid = step[bad] - toward[:, None] * g
        sf, sb, sx, _ = patch.project_near(x[bad] + slid)
        sd = patch.boundary_distance_bound(sx)
        ok = sd >= margin
        nf[bad[ok]], nb[bad[ok]], nx[bad[ok]], after[bad[ok]] = sf[ok], sb[ok], sx[ok], sd[ok]
        bad = bad[~ok]
    if len(bad):
        b0 = patch.boundary_distance_bound(x[bad]) if border is not None else before[bad]
        with np.errstate(divide="ignore", invalid="ignore"):
            t = np.clip(np.nan_to_num((b0 - margin) / (b0 - after[bad])), 0.0, 1.0)
        bf, bb, bx, _ = patch.project_near(x[bad] + 0.95 * t[:, None] * step[bad])
        bd = patch.boundary_distance_bound(bx)
        inside = bd < margin
        if inside.any():
            bf[inside], bb[inside], bx[inside], _ = patch.project(x[bad[inside]])  # on the skin: exactly where it was
            bd[inside] = b0[inside]
        nf[bad], nb[bad], nx[bad], after[bad] = bf, bb, bx, bd
    return nf, nb, nx, after


def spring_squeeze(patch: ZonePatch, face, bary, edges, rest, quantile: float) -> float:
    """The ``quantile`` of length ÷ rest length (along the skin) of lattice springs edges (e, 2), rest (e,) mm."""
    x, n = patch.positions(face, bary), patch.normals(face, bary)
    d = x[edges[:, 1]] - x[edges[:, 0]]
    length = np.linalg.norm(d, axis=1)
    ratio = length / np.maximum(chord_of_arc(rest, n[edges[:, 0]], n[edges[:, 1]], d, length), 1e-12)
    return float(np.quantile(ratio, quantile))
