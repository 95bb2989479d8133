"""A scanned surface as search structures: nearest points, normals, border vertices.

Scans are triangle soups of their own topology (any number of pieces, holes and
open borders). The fit asks three questions of them many times: the nearest
scan point of many positions, the scan normal there, and whether that point is
on the scan's border (where a match means "the scan stops here", not "the skin
is here"). All arrays in mm.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from mesomap.geometry.borders import border_edges
if TYPE_CHECKING:  # scipy (≈0.3 s to import) loads when first used, not with the app's window
    from scipy.spatial import cKDTree

#: Faces kept per vertex in the padded vertex->face table (more are rare on scans).
MAX_VALENCE = 10
#: Points per batch in :meth:`ScanSurface.nearest`: each point's k·MAX_VALENCE candidate triangles make ≈20
#: temporary (p, 30, 3) float64 arrays, ≈15 kB a point — 4,096 points ≈ 60 MB (20,000 made ≈300 MB, the
#: peak of a 1M-triangle scan's import).
NEAREST_CHUNK = 4096


class ScanSurface:
    """vertices (n, 3) mm, faces (m, 3) int; built once, queried many times."""

    def __init__(self, vertices, faces):
        self.vertices = np.ascontiguousarray(vertices, dtype=np.float64)
        self.faces = np.ascontiguousarray(faces, dtype=np.int64)

    @cached_property
    def tree(self) -> cKDTree:
        from scipy.spatial import cKDTree

        return cKDTree(self.vertices)

    @cached_property
    def face_normals(self) -> np.ndarray:
        """(m, 3) unit normals (zero for degenerate faces)."""
        t = self.vertices[self.faces]
        c = np.cross(t[:, 1] - t[:, 0], t[:, 2] - t[:, 0])
        n = np.linalg.norm(c, axis=1, keepdims=True)
        return np.where(n > 0, c / np.maximum(n, 1e-300), 0.0)

    @cached_property
    def vertex_normals(self) -> np.ndarray:
        """(n, 3) unit area-weighted normals."""
        return vertex_normals(self.vertices, self.faces)

    @cached_property
    def border_vertex(self) -> np.ndarray:
        """(n,) bool: the vertex is on an open border (hole rim, cut edge) or a non-manifold edge."""
        out = np.zeros(len(self.vertices), dtype=bool)
        e = border_edges(self.faces)
        out[np.asarray(e, dtype=np.int64).ravel()] = True
        return out

    @cached_property
    def _vertex_faces(self) -> np.ndarray:
        """(n, MAX_VALENCE) faces around each vertex, padded with -1."""
        f = self.faces.ravel()
        face_id = np.repeat(np.arange(len(self.faces)), 3)
        order = np.argsort(f, kind="stable")
        f, face_id = f[order], face_id[order]
        start = np.searchsorted(f, np.arange(len(self.vertices)))
        rank = np.arange(len(f)) - start[f]
        keep = rank < MAX_VALENCE
        out = np.full((len(self.vertices), MAX_VALENCE), -1, dtype=np.int64)
        out[f[keep], rank[keep]] = face_id[keep]
        return out

    def nearest(self, points, k: int = 3, chunk: int = NEAREST_CHUNK) -> tuple[np.ndarray, np.ndarray, np.ndarray,
                                                                              np.ndarray]:
        """Nearest scan points of ``points`` (p, 3) mm.

        Searches the faces around the ``k`` nearest scan vertices (exact for
        reasonable meshes, where the nearest face touches one of them), ``chunk`` points at a time
        (each point's answer is the same whatever the chunk).
        Returns (positions (p, 3) mm, faces (p,), distances (p,) mm, on_border (p,) bool —
        the nearest point is on a border face's border vertex side).
        """
        from mesomap.geometry.layout_mesh import closest_points_on_triangles  # scipy with it: loaded when used

        pts = np.asarray(points, dtype=np.float64).reshape(-1, 3)
        if len(pts) > chunk:
            parts = [self.nearest(pts[i : i + chunk], k, chunk) for i in range(0, len(pts), chunk)]
            return tuple(np.concatenate(arrays) for arrays in zip(*parts))  # type: ignore[return-value]
        k = min(k, len(self.vertices))
        _, vid = self.tree.query(pts, k=k)
        vid = vid.reshape(len(pts), k)
        cand = self._vertex_faces[vid].reshape(len(pts), -1)  # (p, k*MAX_VALENCE)
        valid = cand >= 0
        c = np.where(valid, cand, 0)
        tri = self.vertices[self.faces[c]]  # (p, K, 3, 3)
        q, bary = closest_points_on_triangles(pts[:, None, :], tri[:, :, 0], tri[:, :, 1], tri[:, :, 2])
        d = np.linalg.norm(q - pts[:, None, :], axis=2)
        d[~valid] = np.inf
        best = np.argmin(d, axis=1)
        rows = np.arange(len(pts))
        face = c[rows, best]
        pos = q[rows, best]
        b = bary[rows, best]
        corner = self.faces[face][rows, np.argmax(b, axis=1)]
        on_border = self.border_vertex[corner] & (b.max(axis=1) > 0.5)
        return pos, face, d[rows, best], on_border


def vertex_normals(v: np.ndarray, f: np.ndarray) -> np.ndarray:
    """(n, 3) unit area-weighted normals of vertices v (n, 3) of faces f (m, 3)."""
    c = np.cross(v[f[:, 1]] - v[f[:, 0]], v[f[:, 2]] - v[f[:, 0]])
    acc = np.zeros_like(v)
    for k in range(3):
        np.add.at(acc, f[:, k], c)
    return acc / np.maximum(np.linalg.norm(acc, axis=1, keepdims=True), 1e-12)


def unique_rows(a: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Like ``np.unique(a, axis=0, return_index=True, return_inverse=True, return_counts=True)`` for a (n, k)
    array (sorted rows, first index of each, inverse (n,)), plus counts — by one lexsort, several times faster.
    Returns (first index (u,), inverse (n,), counts (u,)); the unique rows are ``a[first]``."""
    a = np.asarray(a)
    if len(a) == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.int64)
    order = np.lexsort(a.T[::-1])
    s = a[order]
    new = np.r_[True, (s[1:] != s[:-1]).any(axis=1)]
    group = np.cumsum(new) - 1
    inverse = np.empty(len(a), dtype=np.int64)
    inverse[order] = group
    first = order[new]
    counts = np.diff(np.r_[np.flatnonzero(new), len(a)])
    return first, inverse, counts


def cluster_faces(vertices: np.ndarray, faces: np.ndarray, cluster: np.ndarray):
    """Vertex clustering: (cluster means (k, 3) mm, faces between the used clusters (l, 3) renumbered,
    ids of the used clusters (l',)). cluster (n,) int: each vertex's cluster; faces that collapse go."""
    k = int(cluster.max()) + 1
    mean = np.zeros((k, 3))
    np.add.at(mean, cluster, vertices)
    mean /= np.bincount(cluster, minlength=k)[:, None]
    f = cluster[faces]
    f = f[(f[:, 0] != f[:, 1]) & (f[:, 1] != f[:, 2]) & (f[:, 0] != f[:, 2])]
    first, _, _ = unique_rows(np.sort(f, axis=1))
    f = f[np.sort(first)]
    used = np.unique(f)
    remap = np.full(k, -1)
    remap[used] = np.arange(len(used))
    return mean, remap[f], used
