"""A zone's faces as a compact surface patch: projection, point location, boundary distance.

Everything the injection-grid layout asks of the skin, on the zone's own
faces only (a zone is a few hundred to ~20k of the ~520k painting faces), so
the cost of a layout does not grow with the body mesh. Lengths in mm.
"""

from __future__ import annotations

from functools import cached_property

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components, dijkstra
from scipy.spatial import cKDTree

from mesomap.geometry.borders import border_edges, edges_length_mm

#: Barycentric slack when deciding that a point lies in a triangle.
BARY_EPS = 1e-9
#: Projection also tries this many faces around the nearest vertex.
VERTEX_FACES = 6
#: Boundary edges are sampled at this step (mm) for the boundary-distance search.
BOUNDARY_SAMPLE_MM = 0.5
#: project_near(hint=...) keeps a point on its face when its foot there is inside and at most this far (mm).
HINT_MM = 0.05


def closest_points_on_triangles(p: np.ndarray, a: np.ndarray, b: np.ndarray, c: np.ndarray):
    """Closest points on triangles (a, b, c) to points p, and their barycentrics.

    p, a, b, c : (..., 3) float64 mm, broadcast together.
    Returns (q (..., 3) mm, bary (..., 3)) with bary ≥ 0 summing to 1 and
    q = bary @ (a, b, c). Ericson, Real-Time Collision Detection §5.1.5,
    vectorised: each region of the triangle is a mask.
    """
    p, a, b, c = np.broadcast_arrays(*(np.asarray(x, dtype=np.float64) for x in (p, a, b, c)))
    ab, ac, ap = b - a, c - a, p - a
    d1 = np.einsum("...i,...i", ab, ap)
    d2 = np.einsum("...i,...i", ac, ap)
    bp = p - b
    d3 = np.einsum("...i,...i", ab, bp)
    d4 = np.einsum("...i,...i", ac, bp)
    cp = p - c
    d5 = np.einsum("...i,...i", ab, cp)
    d6 = np.einsum("...i,...i", ac, cp)
    va = d3 * d6 - d5 * d4
    vb = d5 * d2 - d1 * d6
    vc = d1 * d4 - d3 * d2
    with np.errstate(divide="ignore", invalid="ignore"):
        den = va + vb + vc
        v = np.where(den != 0, vb / den, 1 / 3)
        w = np.where(den != 0, vc / den, 1 / 3)
        bary = np.stack([1 - v - w, v, w], axis=-1)  # interior
        # edges (assigned in reverse priority so vertex regions win)
        t_bc = (d4 - d3) / ((d4 - d3) + (d5 - d6))
        m = (va <= 0) & (d4 - d3 >= 0) & (d5 - d6 >= 0)
        bary = np.where(m[..., None], np.stack([0 * t_bc, 1 - t_bc, t_bc], -1), bary)
        t_ac = d2 / (d2 - d6)
        m = (vb <= 0) & (d2 >= 0) & (d6 <= 0)
        bary = np.where(m[..., None], np.stack([1 - t_ac, 0 * t_ac, t_ac], -1), bary)
        t_ab = d1 / (d1 - d3)
        m = (vc <= 0) & (d1 >= 0) & (d3 <= 0)
        bary = np.where(m[..., None], np.stack([1 - t_ab, t_ab, 0 * t_ab], -1), bary)
    one = np.ones_like(d1)
    zero = np.zeros_like(d1)
    bary = np.where(((d6 >= 0) & (d5 <= d6))[..., None], np.stack([zero, zero, one], -1), bary)
    bary = np.where(((d3 >= 0) & (d4 <= d3))[..., None], np.stack([zero, one, zero], -1), bary)
    bary = np.where(((d1 <= 0) & (d2 <= 0))[..., None], np.stack([one, zero, zero], -1), bary)
    bary = np.nan_to_num(bary, nan=1 / 3)
    bary = np.clip(bary, 0.0, 1.0)
    bary /= bary.sum(axis=-1, keepdims=True)
    q = bary[..., :1] * a + bary[..., 1:2] * b + bary[..., 2:] * c
    return q, bary


def barycentric_2d(p: np.ndarray, a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
    """(..., 3) barycentrics of 2D points p in 2D triangles (a, b, c), all (..., 2), broadcast."""
    v0, v1, v2 = b - a, c - a, p - a
    den = v0[..., 0] * v1[..., 1] - v1[..., 0] * v0[..., 1]
    with np.errstate(divide="ignore", invalid="ignore"):
        v = (v2[..., 0] * v1[..., 1] - v1[..., 0] * v2[..., 1]) / den
        w = (v0[..., 0] * v2[..., 1] - v2[..., 0] * v0[..., 1]) / den
    out = np.stack([1 - v - w, v, w], axis=-1)
    return np.where(np.isfinite(out), out, -np.inf)


def point_segment_distance(p: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """(...,) distance from points p to segments [a, b], all (..., 3) broadcast."""
    ab = b - a
    den = np.einsum("...i,...i", ab, ab)
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.clip(np.einsum("...i,...i", p - a, ab) / den, 0.0, 1.0)
    t = np.nan_to_num(t)
    return np.linalg.norm(p - (a + t[..., None] * ab), axis=-1)


class ZonePatch:
    """The zone's faces extracted from a mesh as a compact submesh.

    vertices : (n, 3) mm, faces : (m, 3) of the whole mesh; zone_faces : (k,)
    ids into ``faces``. vertex_normals : (n, 3) smooth normals of the whole
    mesh (None: area-weighted from the zone's own faces).

    Attributes: ``global_faces`` (k,) the zone's face ids (sorted, unique),
    ``V`` (nv, 3), ``F`` (k, 3) local indices, ``N`` (nv, 3) unit normals,
    ``face_areas`` (k,) mm², ``component`` (k,) connected part of each face.
    """

    def __init__(self, vertices, faces, zone_faces, vertex_normals=None):
        zone_faces = np.unique(np.asarray(zone_faces, dtype=np.int64))
        faces = np.asarray(faces, dtype=np.int64)
        if len(zone_faces) == 0:
            raise ValueError("the zone has no faces")
        if zone_faces[0] < 0 or zone_faces[-1] >= len(faces):
            raise ValueError("zone face id out of range")
        self.global_faces = zone_faces
        corner_ids = faces[zone_faces]
        self.global_vertices, local = np.unique(corner_ids, return_inverse=True)
        self.F = local.reshape(-1, 3)
        self.V = np.asarray(vertices, dtype=np.float64)[self.global_vertices]
        tri = self.V[self.F]
        cross = np.cross(tri[:, 1] - tri[:, 0], tri[:, 2] - tri[:, 0])
        self.face_areas = 0.5 * np.linalg.norm(cross, axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            self.face_normals = np.nan_to_num(cross / (2 * self.face_areas[:, None]))
        if vertex_normals is None:
            acc = np.zeros_like(self.V)
            for k in range(3):
                np.add.at(acc, self.F[:, k], cross)
        else:
            acc = np.asarray(vertex_normals, dtype=np.float64)[self.global_vertices]
        norm = np.linalg.norm(acc, axis=1, keepdims=True)
        self.N = np.where(norm > 0, acc / np.where(norm > 0, norm, 1), 0.0)
        self.triangles = tri
        self.centroids = tri.mean(axis=1)
        self.max_edge_mm = float(np.linalg.norm(tri - np.roll(tri, 1, axis=1), axis=2).max())
        k = len(self.F)
        incidence = sparse.csr_matrix(
            (np.ones(3 * k), (np.repeat(np.arange(k), 3), self.F.ravel())), shape=(k, len(self.V))
        )
        self.n_components, self.component = connected_components(incidence @ incidence.T, directed=False)

    @property
    def area_mm2(self) -> float:
        return float(self.face_areas.sum())

    @cached_property
    def centroid_tree(self) -> cKDTree:
        return cKDTree(self.centroids)

    @cached_property
    def boundary_edges(self) -> np.ndarray:
        """(b, 2) local vertex ids of edges used by exactly one zone face."""
        return border_edges(self.F)

    @cached_property
    def boundary_vertices(self) -> np.ndarray:
        return np.unique(self.boundary_edges)

    @cached_property
    def boundary_length_mm(self) -> float:
        return edges_length_mm(self.V, self.boundary_edges)

    @cached_property
    def _boundary_samples(self) -> tuple[cKDTree | None, np.ndarray]:
        e = self.boundary_edges
        if len(e) == 0:
            return None, np.empty(0, dtype=np.int64)
        a, b = self.V[e[:, 0]], self.V[e[:, 1]]
        n = np.maximum(1, np.ceil(np.linalg.norm(b - a, axis=1) / BOUNDARY_SAMPLE_MM)).astype(np.int64)
        edge_of = np.repeat(np.arange(len(e)), n + 1)
        t = np.concatenate([np.linspace(0, 1, k + 1) for k in n])
        pts = a[edge_of] + t[:, None] * (b[edge_of] - a[edge_of])
        return cKDTree(pts), edge_of

    def boundary_distance(self, points: np.ndarray, k: int = 8) -> np.ndarray:
        """(p,) straight-line distance (mm) from points (p, 3) to the zone's boundary.

        A lower bound of the distance along the skin, so a point kept at
        ≥ margin by this measure is ≥ margin along the skin too. +inf for a
        closed zone (no boundary).
        """
        points = np.asarray(points, dtype=np.float64).reshape(-1, 3)
        tree, edge_of = self._boundary_samples
        if tree is None or len(points) == 0:
            return np.full(len(points), np.inf)
        k = min(k, tree.n)
        _, idx = tree.query(points, k=k)
        idx = idx.reshape(len(points), k)
        e = self.boundary_edges[edge_of[idx]]  # (p, k, 2)
        d = point_segment_distance(points[:, None, :], self.V[e[..., 0]], self.V[e[..., 1]])
        return d.min(axis=1)

    @cached_property
    def vertex_boundary_distance(self) -> np.ndarray:
        """(nv,) :meth:`boundary_distance` of the patch's vertices (mm)."""
        return self.boundary_distance(self.V)

    def boundary_distance_floor(self, faces: np.ndarray, points: np.ndarray) -> np.ndarray:
        """(p,) a quick lower bound of :meth:`boundary_distance` for points (p, 3) on local faces (p,): the largest,
        over the face's corners, of the corner's distance less the point's distance to it (the distance is
        1-Lipschitz). Below the true distance by up to about two edge lengths; for the first guess of many points
        whose exact distance matters only near the margin."""
        corners = self.F[np.asarray(faces, dtype=np.int64)]  # (p, 3)
        gap = np.linalg.norm(np.asarray(points, dtype=np.float64)[:, None, :] - self.V[corners], axis=2)
        return (self.vertex_boundary_distance[corners] - gap).max(axis=1)

    def boundary_distance_bound(self, points: np.ndarray) -> np.ndarray:
        """(p,) a lower bound of :meth:`boundary_distance` from one nearest-sample query (the layout's inner loops).

        The boundary is sampled at most BOUNDARY_SAMPLE_MM apart, so a sample
        lies within half that of the nearest boundary point along its edge,
        and √(d² − (step/2)²) of the nearest sample's distance d is never above
        the true distance (nor more than step²/(8·distance) below it). A point
        kept at ≥ margin by this bound is ≥ margin by the exact distance.
        """
        points = np.asarray(points, dtype=np.float64).reshape(-1, 3)
        tree, _ = self._boundary_samples
        if tree is None or len(points) == 0:
            return np.full(len(points), np.inf)
        d = tree.query(points)[0]
        return np.sqrt(np.maximum(d * d - 0.25 * BOUNDARY_SAMPLE_MM ** 2, 0.0))

    def away_from_boundary(self, points: np.ndarray, k: int = 8) -> np.ndarray:
        """(p, 3) unit vectors from each point's nearest boundary point toward the point (the border distance's gradient).

        Zero for a closed zone or a point on the boundary.
        """
        points = np.asarray(points, dtype=np.float64).reshape(-1, 3)
        tree, edge_of = self._boundary_samples
        if tree is None or len(points) == 0:
            return np.zeros_like(points)
        k = min(k, tree.n)
        _, idx = tree.query(points, k=k)
        idx = idx.reshape(len(points), k)
        e = self.boundary_edges[edge_of[idx]]
        a, b = self.V[e[..., 0]], self.V[e[..., 1]]
        ab = b - a
        with np.errstate(divide="ignore", invalid="ignore"):
            t = np.nan_to_num(np.clip(np.einsum("pki,pki->pk", points[:, None, :] - a, ab)
                                      / np.einsum("pki,pki->pk", ab, ab), 0.0, 1.0))
        foot = a + t[..., None] * ab
        d = np.linalg.norm(points[:, None, :] - foot, axis=2)
        best = np.argmin(d, axis=1)
        r = np.arange(len(points))
        g = points - foot[r, best]
        n = np.linalg.norm(g, axis=1, keepdims=True)
        return np.where(n > 0, g / np.where(n > 0, n, 1.0), 0.0)

    @cached_property
    def _face_frames(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(k, 3) dual edge vectors g1, g2 and unit normals: bary (1−v−w, v, w) with v = g1·(p − a), w = g2·(p − a)."""
        tri = self.triangles
        e1, e2 = tri[:, 1] - tri[:, 0], tri[:, 2] - tri[:, 0]
        d00, d01, d11 = (np.einsum("ij,ij->i", u, w) for u, w in ((e1, e1), (e1, e2), (e2, e2)))
        den = d00 * d11 - d01 * d01
        with np.errstate(divide="ignore", invalid="ignore"):  # a degenerate face gets NaN: never "inside"
            g1 = (d11[:, None] * e1 - d01[:, None] * e2) / den[:, None]
            g2 = (d00[:, None] * e2 - d01[:, None] * e1) / den[:, None]
        return g1, g2, self.face_normals

    @cached_property
    def _vertex_tree(self) -> cKDTree:
        return cKDTree(self.V)

    @cached_property
    def _vertex_faces(self) -> np.ndarray:
        """(nv, VERTEX_FACES) faces around each vertex (the first ones if more; repeated to fill the row)."""
        flat = self.F.ravel()
        order = np.argsort(flat, kind="stable")
        face_of = order // 3
        start = np.searchsorted(flat[order], np.arange(len(self.V)))
        count = np.bincount(flat, minlength=len(self.V))
        j = np.arange(VERTEX_FACES)
        idx = start[:, None] + np.minimum(j[None, :], np.maximum(count[:, None] - 1, 0))
        return face_of[np.minimum(idx, len(face_of) - 1)]

    @cached_property
    def _face_heights_inv(self) -> np.ndarray:
        """(k, 3) 1 / |∇v|, 1 / |∇w|, 1 / |∇(v + w)|: the in-plane distance per unit of a barycentric past its edge."""
        g1, g2, _ = self._face_frames
        with np.errstate(divide="ignore", invalid="ignore"):
            out = 1.0 / np.stack([np.linalg.norm(g1, axis=1), np.linalg.norm(g2, axis=1),
                                  np.linalg.norm(g1 + g2, axis=1)], axis=1)
        return np.nan_to_num(out, nan=0.0, posinf=0.0)

    def project(self, points: np.ndarray, k: int = 6):
        """Closest points on the zone's faces to points (p, 3).

        Candidates are the k faces with the nearest centroids and the faces
        around the nearest vertex (a point on a long thin face's edge is
        nearer other faces' centroids than its own); exact for points within
        a few edge lengths of the skin. The foot on a candidate's plane,
        where it lies inside that triangle, is that triangle's closest point;
        only candidates that could still be nearer (by their plane and the
        foot's distance past their edge) need
        :func:`closest_points_on_triangles`. Same answer as the exact routine
        on every candidate. See also :meth:`project_near`.
        Returns (local face (p,) int64, bary (p, 3), position (p, 3) mm, distance (p,) mm).
        """
        points = np.asarray(points, dtype=np.float64).reshape(-1, 3)
        k = min(k, len(self.F))
        _, cand = self.centroid_tree.query(points, k=k)
        _, vertex = self._vertex_tree.query(points)
        cand = np.concatenate([cand.reshape(len(points), k), self._vertex_faces[np.reshape(vertex, -1)]], axis=1)
        v, w, h, inside = self._feet(points, cand)
        face, bary, dist = self._best_foot(cand, v, w, np.where(inside, h, np.inf))
        # a candidate's closest point is no nearer than its plane and the foot's distance past its violated edge line
        inv = self._face_heights_inv
        past = np.maximum(np.maximum(-v * inv[cand, 0], -w * inv[cand, 1]), (v + w - 1) * inv[cand, 2])
        bound = np.sqrt(h * h + np.maximum(past, 0.0) ** 2)
        pi, ci = np.nonzero(~inside & (bound < dist[:, None] - 1e-9))  # these could hold a nearer point
        if len(pi):
            tri = self.triangles[cand[pi, ci]]
            q, b = closest_points_on_triangles(points[pi], tri[:, 0], tri[:, 1], tri[:, 2])
            dq = np.linalg.norm(q - points[pi], axis=1)
            order = np.lexsort((dq, pi))
            first = order[np.r_[True, pi[order][1:] != pi[order][:-1]]]  # each point's nearest of them
            better = first[dq[first] < dist[pi[first]]]
            face[pi[better]], bary[pi[better]], dist[pi[better]] = cand[pi[better], ci[better]], b[better], dq[better]
        q = self.positions(face, bary)
        return face, bary, q, np.linalg.norm(q - points, axis=1)

    def project_near(self, points: np.ndarray, k: int = 6, hint: np.ndarray | None = None):
        """:meth:`project` for the layout's inner loops: points a step off the skin, about twice as fast.

        Among the k faces with the nearest centroids, the nearest foot inside
        its triangle (unless the nearest centroid is nearer still); the exact
        routine only for points with no such foot. The answer is always a
        point of the skin; off a fold or a thin face's edge it may be up to
        a few hundredths of a mm farther than the closest one. ``hint`` (p,): local faces the points were on
        before a small step; a point whose foot on that face lies inside it and within HINT_MM of it is taken
        there without a search (the search's answer too, barring a fold nearer than that).
        """
        points = np.asarray(points, dtype=np.float64).reshape(-1, 3)
        if hint is not None and len(points):
            hint = np.asarray(hint, dtype=np.int64)
            v, w, h, inside = self._feet(points, hint[:, None])
            stay = inside[:, 0] & (h[:, 0] <= HINT_MM)
            if stay.all():
                face, bary, _ = self._best_foot(hint[:, None], v, w, h)
                q = self.positions(face, bary)
                return face, bary, q, np.linalg.norm(q - points, axis=1)
            if stay.any():
                out = self.project_near(points[stay], k, hint[stay]), self.project_near(points[~stay], k)
                face, bary = np.empty(len(points), np.int64), np.empty((len(points), 3))
                q, dist = np.empty((len(points), 3)), np.empty(len(points))
                for mask, part in zip((stay, ~stay), out):
                    face[mask], bary[mask], q[mask], dist[mask] = part
                return face, bary, q, dist
        k = min(k, len(self.F))
        dc, cand = self.centroid_tree.query(points, k=k)
        dc, cand = dc.reshape(len(points), k), cand.reshape(len(points), k)
        v, w, h, inside = self._feet(points, cand)
        foot = np.where(inside & (h <= dc[:, :1]), h, np.inf)
        face, bary, dist = self._best_foot(cand, v, w, foot)
        off = np.flatnonzero(~np.isfinite(dist))
        if len(off):
            tri = self.triangles[cand[off]]  # (o, k, 3, 3)
            q, b = closest_points_on_triangles(points[off, None, :], tri[..., 0, :], tri[..., 1, :], tri[..., 2, :])
            j = np.argmin(np.linalg.norm(q - points[off, None, :], axis=2), axis=1)
            face[off], bary[off] = cand[off, j], b[np.arange(len(off)), j]
        q = self.positions(face, bary)
        return face, bary, q, np.linalg.norm(q - points, axis=1)

    def _feet(self, points: np.ndarray, cand: np.ndarray):
        """Feet of points (p, 3) on the planes of candidate faces (p, c): barycentrics v, w, distance h, inside, all (p, c)."""
        g1, g2, nrm = self._face_frames
        rel = points[:, None, :] - self.triangles[cand, 0]  # (p, c, 3)
        v = np.einsum("pki,pki->pk", rel, g1[cand])
        w = np.einsum("pki,pki->pk", rel, g2[cand])
        h = np.abs(np.einsum("pki,pki->pk", rel, nrm[cand]))
        return v, w, h, (v >= -BARY_EPS) & (w >= -BARY_EPS) & (v + w <= 1 + BARY_EPS)

    @staticmethod
    def _best_foot(cand, v, w, foot):
        """Each row's nearest foot: (face (p,), bary (p, 3), distance (p,), inf where none)."""
        best = np.argmin(foot, axis=1)
        r = np.arange(len(cand))
        vb, wb = np.clip(v[r, best], 0.0, 1.0), np.clip(w[r, best], 0.0, 1.0)
        bary = np.clip(np.stack([1 - vb - wb, vb, wb], axis=1), 0.0, None)
        bary /= np.where(bary.sum(axis=1, keepdims=True) > 0, bary.sum(axis=1, keepdims=True), 1.0)
        return cand[r, best], bary, foot[r, best]

    def positions(self, local_faces: np.ndarray, bary: np.ndarray) -> np.ndarray:
        """(p, 3) mm positions of (local face, barycentric) points."""
        return np.einsum("pi,pij->pj", bary, self.triangles[local_faces])

    def normals(self, local_faces: np.ndarray, bary: np.ndarray) -> np.ndarray:
        """(p, 3) unit smooth normals at (local face, barycentric) points."""
        n = np.einsum("pi,pij->pj", bary, self.N[self.F[local_faces]])
        norm = np.linalg.norm(n, axis=1, keepdims=True)
        return np.where(norm > 0, n / np.where(norm > 0, norm, 1), self.face_normals[local_faces])

    @cached_property
    def edge_graph(self) -> sparse.csr_matrix:
        """(nv, nv) symmetric CSR of edge lengths (mm)."""
        e = np.unique(np.sort(self.F[:, [0, 1, 1, 2, 2, 0]].reshape(-1, 2), axis=1), axis=0)
        w = np.linalg.norm(self.V[e[:, 0]] - self.V[e[:, 1]], axis=1)
        n = len(self.V)
        return sparse.csr_matrix(
            (np.concatenate([w, w]), (np.concatenate([e[:, 0], e[:, 1]]), np.concatenate([e[:, 1], e[:, 0]]))),
            shape=(n, n),
        )

    def graph_distance_to_boundary(self) -> np.ndarray:
        """(nv,) mm along edges from each vertex to the nearest boundary vertex (+inf if closed)."""
        if len(self.boundary_vertices) == 0:
            return np.full(len(self.V), np.inf)
        return dijkstra(self.edge_graph, directed=False, indices=self.boundary_vertices, min_only=True)
