"""The brush's tables of a painting surface, in an order where a dab's data lie close together.

Face and vertex ids of the painting surface are scattered over the body (a dab's
faces span the whole id range), so a dab's reads and writes of per-face and
per-vertex arrays missed the cache at every step. Here the surface is renumbered
once: vertices in the order of a 10 mm grid (:class:`~mesomap.geometry.vertex_grid.VertexGrid`),
faces by their first corner in that order; the
:class:`~mesomap.geometry.skin_graph.SkinGraph` and the face normals are tabled in
that numbering, and a dab translates only its hit face (in) and its result (out).
For the 520k-face surface ≈1 s and ≈80 MB, built once (prefetch thread).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mesomap.geometry.skin_graph import SkinGraph
from mesomap.geometry.vertex_grid import VertexGrid


@dataclass(frozen=True)
class BrushTables:
    """A surface's brush tables in grid order ("internal" ids below).

    graph : SkinGraph of the renumbered mesh; grid : its vertex grid (internal id = position in grid order).
    points (n, 3) float32 mm : internal vertices (for the ball's distance test; the graph's lengths are float64).
    normals (m, 3) float64 : internal faces' unit normals (the surface's face_normals, reordered).
    vertex_order (n,) int32 / face_order (m,) int32 : the surface id of each internal id.
    vertex_rank (n,) int32 / face_rank (m,) int32 : the internal id of each surface id.
    """

    graph: SkinGraph
    grid: VertexGrid
    points: np.ndarray
    normals: np.ndarray
    vertex_order: np.ndarray
    vertex_rank: np.ndarray
    face_order: np.ndarray
    face_rank: np.ndarray

    @classmethod
    def build(cls, vertices: np.ndarray, faces: np.ndarray, face_normals: np.ndarray) -> BrushTables:
        """Tables of vertices (n, 3) mm, faces (m, 3) and their unit normals (m, 3)."""
        v = np.asarray(vertices, dtype=np.float64)
        f = np.asarray(faces, dtype=np.int64)
        grid, vertex_order = VertexGrid.build(v)
        vertex_rank = _inverse(vertex_order)
        corners = vertex_rank[f]
        face_order = np.argsort(corners.min(axis=1), kind="stable").astype(np.int32)
        inner = v[vertex_order]
        return cls(SkinGraph.build(inner, corners[face_order]), grid, inner.astype(np.float32),
                   np.ascontiguousarray(np.asarray(face_normals, dtype=np.float64)[face_order]),
                   vertex_order, vertex_rank, face_order, _inverse(face_order))


def _inverse(order: np.ndarray) -> np.ndarray:
    """The inverse (n,) int32 of a permutation ``order`` (n,)."""
    rank = np.empty(len(order), dtype=np.int32)
    rank[order] = np.arange(len(order), dtype=np.int32)
    return rank
