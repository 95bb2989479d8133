"""What a brush dab needs of the whole painting surface, computed once per surface.

The dab (:func:`mesomap.geometry.brush.brush_faces`) runs Dijkstra over the edges
of the skin near the cursor. Building that graph from the faces on every dab
(unique corners, unique edges, their lengths, a sparse matrix) cost ~15 ms for
a 100 mm brush; here the edges, their lengths and faces, and each face corner's
distance to its face's centroid are tabled once (≈54 MB for the 520k-face
surface), so a dab only gathers rows of these tables. The surface's tables are built
in grid order by :mod:`mesomap.geometry.brush_tables`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mesomap.geometry.vertex_grid import runs


@dataclass(frozen=True)
class SkinGraph:
    """Vertex adjacency and vertex→face incidence of a triangle mesh, as flat CSR tables.

    nbr_start (n + 1,) int64 : vertex i's neighbours are ``nbr[nbr_start[i]:nbr_start[i + 1]]``.
    nbr (2e,) int32 : the neighbour vertex of each entry (each edge has an entry at both ends).
    nbr_mm (2e,) float64 : the edge's length ‖v[min] − v[max]‖ in mm.
    nbr_faces (2e, 1) int64 : the edge's two faces as a pair of int32 (view as (2e, 2) int32; the second
        is m, no face, on a border edge): one 8-byte gather per entry.
    (Per entry rather than per edge: a dab reads its vertices' rows, which are contiguous.)
    face_start (n + 1,) int64, corner_face (3m,) int32 : the faces around each vertex.
    corner_to_centroid_mm (3m,) float64 : that corner's distance to the face's centroid.
    """

    nbr_start: np.ndarray
    nbr: np.ndarray
    nbr_mm: np.ndarray
    nbr_faces: np.ndarray
    face_start: np.ndarray
    corner_face: np.ndarray
    corner_to_centroid_mm: np.ndarray

    @classmethod
    def build(cls, vertices: np.ndarray, faces: np.ndarray) -> SkinGraph:
        """Tables of a mesh: vertices (n, 3) mm, faces (m, 3) (edges shared by at most two faces)."""
        v = np.asarray(vertices, dtype=np.float64)
        f = np.asarray(faces, dtype=np.int64)
        n, m = len(v), len(f)
        a, b = f[:, [0, 1, 2]].ravel(), f[:, [1, 2, 0]].ravel()  # half-edge of corner c: (c, c + 1)
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        key, edge_of, count = np.unique(lo * n + hi, return_inverse=True, return_counts=True)
        if count.max(initial=0) > 2:
            raise ValueError("an edge is shared by more than two faces")
        e0, e1 = key // n, key % n
        edge_mm = np.linalg.norm(v[e0] - v[e1], axis=1)
        face_of = np.repeat(np.arange(m), 3)
        order = np.argsort(edge_of, kind="stable")
        first = np.searchsorted(edge_of[order], np.arange(len(key)))
        edge_faces = np.full((len(key), 2), m, dtype=np.int32)
        edge_faces[:, 0] = face_of[order[first]]
        two = count == 2
        edge_faces[two, 1] = face_of[order[first[two] + 1]]
        ends = np.concatenate([e0, e1])
        others = np.concatenate([e1, e0])
        ids = np.concatenate([np.arange(len(key)), np.arange(len(key))])
        by_vertex = np.argsort(ends, kind="stable")
        ids = ids[by_vertex]
        nbr_start = np.searchsorted(ends[by_vertex], np.arange(n + 1))
        tri = v[f]  # (m, 3, 3)
        centroid = tri.mean(axis=1)
        to_centroid = np.linalg.norm(tri - centroid[:, None, :], axis=2).ravel()  # (3m,) per corner
        corners = f.ravel()
        by_corner = np.argsort(corners, kind="stable")
        face_start = np.searchsorted(corners[by_corner], np.arange(n + 1))
        return cls(nbr_start, others[by_vertex].astype(np.int32), edge_mm[ids], edge_faces[ids].view(np.int64),
                   face_start, (by_corner // 3).astype(np.int32), to_centroid[by_corner])


def spans(start: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(entries, count of each row): the concatenated CSR ranges ``start[r]:start[r + 1]`` of ``rows`` (k,)."""
    lo = np.take(start, rows)
    count = np.take(start, rows + 1) - lo
    return runs(lo, count), count


def ranges(start: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(entries, row of each entry): the concatenated CSR ranges ``start[r]:start[r + 1]`` of ``rows`` (k,)."""
    entries, count = spans(start, rows)
    return entries, np.repeat(np.arange(len(rows)), count)
