"""The paint brush: which painting faces a dab covers, measured along the visible skin."""

from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import dijkstra

from mesomap.geometry.brush_limits import BRUSH_MAX_MM, BRUSH_MIN_MM  # noqa: F401 (importable from here too)
from mesomap.geometry.pick import RayHit
from mesomap.geometry.skin_graph import ranges
from mesomap.geometry.surface import PaintingSurface


def check_radius(radius_mm: float) -> float:
    """The radius if it is within 1–100 mm, else ValueError saying the range."""
    r = float(radius_mm)
    if not (BRUSH_MIN_MM <= r <= BRUSH_MAX_MM):
        raise ValueError(f"brush radius {r:g} mm is outside {BRUSH_MIN_MM:g}–{BRUSH_MAX_MM:g} mm")
    return r


def brush_faces(surface: PaintingSurface, hit: RayHit, radius_mm: float, view_dir=None) -> np.ndarray:
    """Sorted painting faces whose centroid lies within ``radius_mm`` of the hit, along the skin.

    Distances run over the mesh edges from the hit point (a Dijkstra bound on
    the geodesic distance), only through faces that face the viewer when
    ``view_dir`` (3,) is given — so a dab never reaches round an ear's rim or
    through an arm to the skin on the far side. Only vertices in the Euclidean
    ball of the radius (which contains the geodesic ball) and the hit face's
    corners take part (sorted ids: the tables are read in memory order); the edges, lengths and corner-to-centroid distances come
    from the surface's :class:`~mesomap.geometry.skin_graph.SkinGraph` (built once).
    """
    r = check_radius(radius_mm)
    mesh, g = surface.mesh, surface.skin_graph
    ball = np.asarray(surface.vertex_tree.query_ball_point(hit.point_mm, r, return_sorted=True), dtype=np.int64)
    corners = mesh.faces[hit.face]
    local = np.full(mesh.n_vertices, -1, dtype=np.int32)  # global -> local vertex id
    local[ball] = np.arange(len(ball))
    extra = corners[local[corners] < 0]
    verts = np.concatenate([ball, extra])
    local[extra] = np.arange(len(ball), len(verts))
    n = len(verts)
    # the faces that may take part: those around the ball's vertices and the hit face; with a view,
    # only those facing the viewer (seen[m] is the "no face" past a border edge: never)
    corner, corner_row = ranges(g.face_start, ball)  # (face, corner) entries around each ball vertex
    around = g.corner_face[corner]
    seen = np.zeros(mesh.n_faces + 1, dtype=bool)
    seen[around] = True
    if view_dir is not None:
        once = np.flatnonzero(seen)  # each face once, in id order (its normal read once, in memory order)
        seen[once] = mesh.face_normals[once] @ np.asarray(view_dir, dtype=np.float64) < 0
    seen[hit.face] = True
    entry, row = ranges(g.nbr_start, verts)  # every edge out of a local vertex, grouped by vertex
    col = local[g.nbr[entry]]
    ef = g.nbr_faces[entry].view(np.int32).reshape(-1, 2)  # the edge's two faces
    usable = (col >= 0) & (seen[ef[:, 0]] | seen[ef[:, 1]])  # an edge of a taking-part face, both ends local
    row, col, entry = row[usable], col[usable], entry[usable]
    w0 = np.linalg.norm(mesh.vertices[corners] - hit.point_mm, axis=1)
    indptr = np.concatenate([[0], np.cumsum(np.bincount(row, minlength=n)), [len(row) + 3]])
    graph = sparse.csr_matrix((np.concatenate([g.nbr_mm[entry], np.maximum(w0, 1e-9)]),
                               np.concatenate([col, local[corners]]), indptr), shape=(n + 1, n + 1))
    dist = dijkstra(graph, directed=True, indices=n, limit=r + 1e-9)[:n]  # from a virtual node at the hit point
    near = around[dist[corner_row] + g.corner_to_centroid_mm[corner] <= r]  # a corner within r of the centroid
    faces = _marked(near, mesh.n_faces, hit.face)
    return faces[seen[faces]]


def _marked(faces: np.ndarray, n_faces: int, also: int) -> np.ndarray:
    """Sorted unique ids of ``faces`` (k,) and ``also``, all in [0, n_faces)."""
    mark = np.zeros(n_faces, dtype=bool)
    mark[faces] = True
    mark[also] = True
    return np.flatnonzero(mark)
