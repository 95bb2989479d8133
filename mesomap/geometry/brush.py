"""The paint brush: which painting faces a dab covers, measured along the visible skin."""

from __future__ import annotations

import threading

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import dijkstra

from mesomap.geometry.pick import RayHit
from mesomap.geometry.skin_graph import spans
from mesomap.geometry.surface import PaintingSurface

BRUSH_MIN_MM = 1.0
BRUSH_MAX_MM = 100.0


def check_radius(radius_mm: float) -> float:
    """The radius if it is within 1–100 mm, else ValueError saying the range."""
    r = float(radius_mm)
    if not (BRUSH_MIN_MM <= r <= BRUSH_MAX_MM):
        raise ValueError(f"brush radius {r:g} mm is outside {BRUSH_MIN_MM:g}–{BRUSH_MAX_MM:g} mm")
    return r


class _Scratch:
    """Whole-surface arrays a dab writes a few thousand entries of and puts back as it found them
    (allocating and zeroing them on every dab cost more than the dab's own work).

    local (n,) int32 : -1, or a vertex's id in the dab's graph.
    seen (m + 1,) bool : False, or the face takes part (faces the viewer, or is the hit face).
    slot (m,) int32 : scratch, a face's index in the dab's face list (only read where just written).
    """

    def __init__(self, n_vertices: int, n_faces: int):
        self.local = np.full(n_vertices, -1, dtype=np.int32)
        self.seen = np.zeros(n_faces + 1, dtype=bool)
        self.slot = np.zeros(n_faces, dtype=np.int32)
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
    ball of the radius (which contains the geodesic ball; found with the surface's
    vertex grid) and the hit face's corners take part; the edges, lengths and
    corner-to-centroid distances come from the surface's
    :class:`~mesomap.geometry.skin_graph.SkinGraph` (built once).
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
    mesh, g = surface.mesh, surface.skin_graph
    local, seen = scratch.local, scratch.seen
    ball = np.sort(g.grid.ball(mesh.vertices, hit.point_mm, r))  # sorted: the tables are read in memory order
    corners = mesh.faces[hit.face]
    local[ball] = np.arange(len(ball), dtype=np.int32)
    extra = corners[local[corners] < 0]
    verts = np.concatenate([ball, extra])
    local[extra] = np.arange(len(ball), len(verts), dtype=np.int32)
    n = len(verts)
    once = np.zeros(0, dtype=np.int32)
    try:
        # the faces that may take part: those around the ball's vertices (each once, sorted) and the hit face;
        # with a view, only those facing the viewer (seen[m] is the "no face" past a border edge: never)
        corner, corner_count = spans(g.face_start, ball)  # (face, corner) entries around each ball vertex
        around = np.take(g.corner_face, corner)
        once = _once(around, scratch.slot)
        if view_dir is not None:
            seen[once] = np.take(mesh.face_normals, once, axis=0) @ np.asarray(view_dir, dtype=np.float64) < 0
        else:
            seen[once] = True
        seen[hit.face] = True
        # the graph: every edge out of a local vertex, in CSR rows by vertex, then the virtual node at the hit
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
        data[k:] = np.maximum(np.linalg.norm(mesh.vertices[corners] - hit.point_mm, axis=1), 1e-9)
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
        slot = scratch.slot
        slot[once] = np.arange(len(once), dtype=np.int32)
        chosen = np.zeros(len(once), dtype=bool)
        chosen[np.take(slot, near)] = True
        return _with(once[chosen & np.take(seen, once)], hit.face)
    finally:
        local[verts] = -1
        seen[once] = False
        seen[hit.face] = False


def _once(faces: np.ndarray, slot: np.ndarray) -> np.ndarray:
    """The distinct ids of ``faces`` (k,) in ascending order, using ``slot`` (m,) int32 as scratch."""
    at = np.arange(len(faces), dtype=np.int32)
    slot[faces] = at
    return np.sort(faces[np.take(slot, faces) == at])  # each face kept at one of its entries


def _with(faces: np.ndarray, face: int) -> np.ndarray:
    """Sorted unique ``faces`` (k,) with ``face`` added in place."""
    i = int(np.searchsorted(faces, face))
    if i < len(faces) and faces[i] == face:
        return faces
    return np.insert(faces, i, face)
