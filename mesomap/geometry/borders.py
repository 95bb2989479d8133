"""The border of a set of triangles: the edges only one of them uses (a zone's outline, its perimeter)."""

from __future__ import annotations

import numpy as np


def border_edges(triangles) -> np.ndarray:
    """(e, 2) vertex-id pairs, smaller id first, sorted, of the edges exactly one of ``triangles`` (k, 3) uses.

    Empty (0, 2) for no triangles or a closed surface.
    """
    tri = np.asarray(triangles, dtype=np.int64).reshape(-1, 3)
    if len(tri) == 0:
        return np.empty((0, 2), dtype=np.int64)
    edges = np.sort(tri[:, [0, 1, 1, 2, 2, 0]].reshape(-1, 2), axis=1)
    n = np.int64(edges.max()) + 1
    key = np.sort(edges[:, 0] * n + edges[:, 1])
    starts = np.flatnonzero(np.concatenate(([True], key[1:] != key[:-1])))
    counts = np.diff(np.concatenate((starts, [len(key)])))
    single = key[starts[counts == 1]]
    return np.stack([single // n, single % n], axis=1)


def edges_length_mm(vertices, edges) -> float:
    """Total length (mm) of ``edges`` (e, 2) between ``vertices`` (n, 3) in mm."""
    v = np.asarray(vertices)
    e = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
    return float(np.linalg.norm(v[e[:, 0]] - v[e[:, 1]], axis=1).sum())


def vertex_face_counts(faces, n_vertices: int) -> np.ndarray:
    """(n,) int: how many of ``faces`` (m, 3) use each vertex."""
    return np.bincount(np.asarray(faces, dtype=np.int64).ravel(), minlength=n_vertices)


def border_field(faces, face_counts, zone_faces, iterations: int = 6) -> tuple[np.ndarray, np.ndarray]:
    """A smooth in/out field around a set of faces, whose 0.5 level is the set's border as a smooth curve.

    faces : (m, 3) all triangles; face_counts : (n,) vertex_face_counts(faces); zone_faces : (k,) face ids.
    Each vertex starts at the fraction of its faces in the set (1 inside, 0 outside); the vertices on the
    border (strictly between) are then averaged with their neighbours ``iterations`` times, which irons
    the triangle-edge staircase out of the 0.5 level.

    Returns (region (r,) face ids: the set and every face touching it; values (n,) float in 0–1).
    """
    from scipy import sparse

    tri = np.asarray(faces, dtype=np.int64)
    n = len(face_counts)
    inside = np.bincount(tri[np.asarray(zone_faces, dtype=np.int64)].ravel(), minlength=n)
    values = inside / np.maximum(face_counts, 1)
    region = np.flatnonzero((inside[tri] > 0).any(axis=1))
    # every face round a border vertex touches the set, so the region's edges are all its neighbours
    used, local = np.unique(tri[region], return_inverse=True)
    local = local.reshape(-1, 3)
    pairs = local[:, [0, 1, 1, 2, 2, 0]].reshape(-1, 2)
    adj = sparse.csr_matrix((np.ones(len(pairs) * 2), (np.r_[pairs[:, 0], pairs[:, 1]], np.r_[pairs[:, 1], pairs[:, 0]])),
                            shape=(len(used), len(used)))
    adj.data[:] = 1.0  # duplicates summed: back to 0/1
    v = values[used]
    border = np.flatnonzero((v > 0) & (v < 1))
    if len(border):
        rows = adj[border]
        degree = np.asarray(rows.sum(axis=1)).ravel()
        for _ in range(iterations):
            v[border] = 0.5 * v[border] + 0.5 * (rows @ v) / np.maximum(degree, 1)
    values[used] = v
    return region, values


def smooth_polyline(points, closed: bool, iterations: int = 10, lam: float = 0.5, mu: float = -0.53) -> np.ndarray:
    """(k, 3) ``points`` of a polyline (mm) smoothed by Taubin's λ|μ steps (a Laplacian that does not
    shrink): kinks are ironed out and the curve stays where it was. A closed line has no ends; an open
    one keeps both ends fixed. Lines of fewer than 4 points come back unchanged."""
    p = np.array(points, dtype=np.float64)
    if len(p) < 4:
        return p
    if closed and np.allclose(p[0], p[-1]):  # the loop repeats its first point at the end
        inner = smooth_polyline(p[:-1], True, iterations, lam, mu)
        return np.vstack([inner, inner[:1]])
    for _ in range(iterations):
        for step in (lam, mu):
            if closed:
                mean = 0.5 * (np.roll(p, 1, axis=0) + np.roll(p, -1, axis=0))
                p = p + step * (mean - p)
            else:
                p[1:-1] = p[1:-1] + step * (0.5 * (p[:-2] + p[2:]) - p[1:-1])
    return p


def fans_around(faces, vertex: int, cut=frozenset()) -> list[np.ndarray]:
    """The fans of faces (m, 3) around ``vertex``: groups of its faces joined across shared edges, no edge of
    ``cut`` (a set of (smaller, larger) vertex-id pairs) joining. A manifold vertex has one fan; a pinch (two
    parts of a border touching) or a vertex on a cut has two or more. Returns arrays of face ids."""
    f = np.asarray(faces)
    around = np.flatnonzero((f == vertex).any(axis=1)).tolist()
    parent = {a: a for a in around}

    def root(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    by_other: dict[int, list[int]] = {}
    for a in around:
        for w in f[a].tolist():
            if w != vertex:
                by_other.setdefault(w, []).append(a)
    for w, joined in by_other.items():
        if (min(vertex, w), max(vertex, w)) not in cut:
            for a in joined[1:]:
                parent[root(a)] = root(joined[0])
    groups: dict[int, list[int]] = {}
    for a in around:
        groups.setdefault(root(a), []).append(a)
    return [np.array(g, dtype=np.int64) for g in groups.values()]
