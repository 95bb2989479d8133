"""The paint brush: which painting faces a dab covers, measured along the visible skin."""

from __future__ import annotations

import threading

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import dijkstra

from mesomap.geometry.brush_limits import BRUSH_MAX_MM, BRUSH_MIN_MM  # noqa: F401 (importable from here too)
from mesomap.geometry.pick import RayHit
from mesomap.geometry.skin_graph import spans
from mesomap.geometry.surface import PaintingSurface


def check_radius(radius_mm: float) -> float:
    """The radius if it is within 1–100 mm, else ValueError saying the range."""
    r = float(radius_mm)
    if not (BRUSH_MIN_MM <= r <= BRUSH_MAX_MM):
        raise ValueError(f"brush radius {r:g} mm is outside {BRUSH_MIN_MM:g}–{BRUSH_MAX_MM:g} mm")
    return r


class _Scratch:
    """Whole-surface arrays (internal ids) a dab writes a few thousand entries of and puts back as it found
    them (allocating and zeroing them on every dab cost more than the dab's own work).

    local (n,) int32 : -1, or a vertex's id in the dab's graph.
    seen (m + 1,) bool : False, or the face takes part (faces the viewer, or is the hit face).
    mark (m,) bool : False (a face's flag while a dab lists or chooses faces).
    """

    def __init__(self, n_vertices: int, n_faces: int):
        self.local = np.full(n_vertices, -1, dtype=np.int32)
        self.seen = np.zeros(n_faces + 1, dtype=bool)
        self.mark = np.zeros(n_faces, dtype=bool)
        self.lock = threading.Lock()


def _scratch(surface: PaintingSurface) -> _Scratch:
    scratch = surface.__dict__.get("_mesomap_brush_scratch")
    if scratch is None:
        scratch = _Scratch(surface.mesh.n_vertices, surface.mesh.n_faces)
        surface.__dict__["_mesomap_brush_scratch"] = scratch
    return scratch


def brush_faces(surface: PaintingSurface, hit: RayHit, radius_mm: float, view_dir=None) -> np.ndarray:
    """Sorted painting faces whose centroid lies within ``radius_mm`` of the hit, along the skin.

    Distances run over the mesh edges from the hit point (a Dijkstra bound on
    the geodesic distance), only through faces that face the viewer when
    ``view_dir`` (3,) is given — so a dab never reaches round an ear's rim or
    through an arm to the skin on the far side. Only vertices in the Euclidean
    ball of the radius (which contains the geodesic ball) and the hit face's
    corners take part; the edges, lengths, normals and corner-to-centroid
    distances come from the surface's :class:`~mesomap.geometry.brush_tables.BrushTables`
    (built once, numbered so that a dab's data lie close together).
    """
    r = check_radius(radius_mm)
    scratch = _scratch(surface)
    if not scratch.lock.acquire(blocking=False):  # another thread is dabbing: arrays of its own
        return _brush_faces(surface, hit, r, view_dir, _Scratch(surface.mesh.n_vertices, surface.mesh.n_faces))
    try:
        return _brush_faces(surface, hit, r, view_dir, scratch)
    finally:
        scratch.lock.release()


def _brush_faces(surface: PaintingSurface, hit: RayHit, r: float, view_dir, scratch: _Scratch) -> np.ndarray:
    """:func:`brush_faces` in the tables' numbering (ids below are internal, translated at both ends)."""
    t = surface.brush_tables
    g = t.graph
    local, seen, mark = scratch.local, scratch.seen, scratch.mark
    ball = t.grid.ball(t.points, hit.point_mm, r)  # ascending
    hit_face = int(t.face_rank[hit.face])
    corners = t.vertex_rank[surface.mesh.faces[hit.face]].astype(np.int64)
    try:
        local[ball] = np.arange(len(ball), dtype=np.int32)
        extra = corners[local[corners] < 0]
        verts = np.concatenate([ball, extra])
        local[extra] = np.arange(len(ball), len(verts), dtype=np.int32)
        n = len(verts)
        # the faces that may take part: those around the ball's vertices (each once, ascending) and the hit
        # face; with a view, only those facing the viewer (seen[m] is the "no face" past a border edge: never)
        corner, corner_count = spans(g.face_start, ball)  # (face, corner) entries around each ball vertex
        around = np.take(g.corner_face, corner)
        once = _distinct(around, mark)
        if view_dir is not None:
            seen[once] = np.take(t.normals, once, axis=0) @ np.asarray(view_dir, dtype=np.float64) < 0
        else:
            seen[once] = True
        seen[hit_face] = True
        # the graph: every edge out of a local vertex, in CSR rows by vertex, then a virtual node at the hit
        # point joined to the hit face's corners. An edge with no taking-part face or an end outside the
        # ball stays in its row with an infinite length (never relaxed): no compaction pass, same distances.
        entry, count = spans(g.nbr_start, verts)
        k = len(entry)
        col = np.take(local, np.take(g.nbr, entry))
        both = np.take(seen, np.take(g.nbr_faces, entry).view(np.int32)).reshape(-1, 2)
        usable = (col >= 0) & (both[:, 0] | both[:, 1])  # an edge of a taking-part face, both ends local
        data = np.empty(k + 3)
        np.take(g.nbr_mm, entry, out=data[:k])
        data[:k][~usable] = np.inf
        hit_corners_mm = surface.mesh.vertices[surface.mesh.faces[hit.face]]
        data[k:] = np.maximum(np.linalg.norm(hit_corners_mm - hit.point_mm, axis=1), 1e-9)
        indices = np.empty(k + 3, dtype=np.int32)
        np.maximum(col, 0, out=indices[:k])
        indices[k:] = local[corners]
        indptr = np.empty(n + 2, dtype=np.int32)
        indptr[0] = 0
        np.cumsum(count, out=indptr[1 : n + 1])
        indptr[n + 1] = k + 3
        graph = sparse.csr_matrix((data, indices, indptr), shape=(n + 1, n + 1))
        dist = dijkstra(graph, directed=True, indices=n, limit=r + 1e-9)  # from the virtual node
        # a face is covered when one of its corners in the ball lies within r of its centroid
        near = around[np.repeat(dist[: len(ball)], corner_count) + np.take(g.corner_to_centroid_mm, corner) <= r]
        mark[near] = True
        taken = np.take(mark, once)
        mark[once] = False  # (near lies in once)
        chosen = once[taken & np.take(seen, once)]
        faces = _with(_sorted_ids(np.take(t.face_order, chosen)), hit.face)
    except BaseException:  # the scratch arrays as they were, whatever was half done
        local.fill(-1)
        seen.fill(False)
        mark.fill(False)
        raise
    local[verts] = -1
    seen[once] = False
    seen[hit_face] = False
    return faces


def _distinct(ids: np.ndarray, mark: np.ndarray) -> np.ndarray:
    """The distinct values of ``ids`` (k,) ascending, by flagging them in ``mark`` (all False, and left so)
    and reading back the span they cover (narrow: a dab's internal ids lie close together)."""
    if len(ids) == 0:
        return np.zeros(0, dtype=np.int64)
    lo, hi = int(ids.min()), int(ids.max())
    mark[ids] = True
    out = np.flatnonzero(mark[lo : hi + 1]) + lo
    mark[out] = False
    return out


def _sorted_ids(ids: np.ndarray) -> np.ndarray:
    """``ids`` (k,) of non-negative int32 below 2³², ascending: two stable passes on 16-bit halves (NumPy's
    radix sort; its int32 sort took ≈1.6× as long on a dab's ≈8,000 face ids)."""
    low = np.argsort((ids & 0xFFFF).astype(np.uint16), kind="stable")
    ids = ids[low]
    return ids[np.argsort((ids >> 16).astype(np.uint16), kind="stable")]


def _with(faces: np.ndarray, face: int) -> np.ndarray:
    """Sorted unique ``faces`` (k,) with ``face`` added in place."""
    i = int(np.searchsorted(faces, face))
    if i < len(faces) and faces[i] == face:
        return faces
    return np.insert(faces, i, face)
