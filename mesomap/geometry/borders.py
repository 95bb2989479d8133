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
