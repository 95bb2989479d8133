"""The paint brush: which painting faces a dab covers, measured along the visible skin."""

from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import dijkstra

from mesomap.geometry.pick import RayHit
from mesomap.geometry.surface import PaintingSurface

BRUSH_MIN_MM = 1.0
BRUSH_MAX_MM = 100.0


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
    through an arm to the skin on the far side. Faces are candidates only when
    they touch the Euclidean ball of the radius, which contains the geodesic ball.
    """
    r = check_radius(radius_mm)
    mesh = surface.mesh
    ball = np.asarray(surface.vertex_tree.query_ball_point(hit.point_mm, r), dtype=np.int64)
    faces = np.union1d(surface.vertex_faces[ball].indices, [hit.face]) if len(ball) else np.array([hit.face])
    if view_dir is not None:
        facing = mesh.face_normals[faces] @ np.asarray(view_dir, dtype=np.float64) < 0
        faces = faces[facing | (faces == hit.face)]
    corners = mesh.faces[faces]  # (k, 3) global vertex ids
    local_ids, local = np.unique(corners, return_inverse=True)
    local = local.reshape(-1, 3)
    pos = mesh.vertices[local_ids]
    u, v = local.ravel(), local[:, [1, 2, 0]].ravel()
    n = len(local_ids)
    key = np.unique(np.minimum(u, v) * n + np.maximum(u, v))  # each edge once: a sparse matrix would add duplicates up
    a, b = key // n, key % n
    w = np.linalg.norm(pos[a] - pos[b], axis=1)
    source = n  # a virtual node joined to the hit face's corners at their true distance
    hit_corners = local[np.flatnonzero(faces == hit.face)[0]]
    w0 = np.linalg.norm(pos[hit_corners] - hit.point_mm, axis=1)
    rows = np.concatenate([a, b, np.full(3, source)])
    cols = np.concatenate([b, a, hit_corners])
    data = np.concatenate([w, w, np.maximum(w0, 1e-9)])
    graph = sparse.csr_matrix((data, (rows, cols)), shape=(n + 1, n + 1))
    dist = dijkstra(graph, directed=False, indices=source, limit=r + 1e-9)[:n]
    centroid = pos[local].mean(axis=1)  # (k, 3)
    to_centroid = dist[local] + np.linalg.norm(pos[local] - centroid[:, None, :], axis=2)
    selected = faces[to_centroid.min(axis=1) <= r]
    return np.union1d(selected, [hit.face])
