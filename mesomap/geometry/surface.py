"""The painting surface: a body at painting resolution with its search structures.

The bundled bodies' triangles are up to ~50 mm long on the trunk; zones are
painted on a refined copy of the same surface (edges ≤ 5 mm, ~520k faces,
see ``tools/bake_body_meshes.py``). Refinement only adds edge midpoints, so the
painting surface *is* the body surface: a point on one is a point on the other.
Zones are sets of painting-face ids; those ids mean the same place on every
body of the same topology.
"""

from __future__ import annotations

import hashlib
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from mesomap.geometry.body_mesh import BodyMesh
from mesomap.geometry.borders import border_edges, edges_length_mm
from mesomap.geometry.bvh import TriangleBVH
from mesomap.geometry.pick import RayHit
from mesomap.geometry.refine import refined_vertices
from mesomap.geometry.brush_tables import BrushTables

if TYPE_CHECKING:  # scipy (≈0.3 s to import) loads with the first search structure, after the window's first frame
    from scipy import sparse
    from scipy.spatial import cKDTree


class PaintingSurface:
    """A body (``coarse``) refined with a shared topology.

    faces : (m', 3) painting faces; parent_face : (m',) coarse face each lies
    in; midpoint_of : (k, 2) how new vertices were made; face_mirror (m',) and
    vertex_mirror (n',) left/right maps (involutions). Search structures are
    built on first use. ``shape``: the body-shape values (sorted (name, value) pairs,
    :mod:`mesomap.model.body_shape`) ``coarse`` was shaped with, ``()`` for a body as bundled;
    ``base_content_sha256``: the bundled body's hash for a shaped one (what a plan pins).
    """

    def __init__(self, coarse: BodyMesh, faces, parent_face, midpoint_of, face_mirror=None, vertex_mirror=None,
                 shape: tuple = (), base_content_sha256: str | None = None):
        self.coarse = coarse
        self.shape = tuple(shape)
        self.base_content_sha256 = base_content_sha256 or None
        self.midpoint_of = np.asarray(midpoint_of, dtype=np.int64)
        self.mesh = BodyMesh(
            refined_vertices(coarse.vertices, self.midpoint_of),
            faces,
            body_id=coarse.body_id,
            name=coarse.name,
            topology=coarse.topology,
            mirror=vertex_mirror,
        )
        self.parent_face = np.asarray(parent_face, dtype=np.int64)
        self.face_mirror = None if face_mirror is None else np.asarray(face_mirror, dtype=np.int64)
        if len(self.parent_face) != self.mesh.n_faces:
            raise ValueError("parent_face must have one entry per painting face")

    @property
    def n_faces(self) -> int:
        return self.mesh.n_faces

    @cached_property
    def topology_hash(self) -> str:
        """SHA-256 of the painting faces: a plan's face ids are valid only on this topology."""
        return hashlib.sha256(np.asarray(self.mesh.faces, dtype="<i8").tobytes()).hexdigest()

    @cached_property
    def vertex_normals(self) -> np.ndarray:
        """(n', 3) unit normals interpolated from the coarse body's smooth normals."""
        n = refined_vertices(self.coarse.vertex_normals, self.midpoint_of)
        return n / np.linalg.norm(n, axis=1, keepdims=True)

    @cached_property
    def bvh(self) -> TriangleBVH:
        return TriangleBVH(self.mesh.triangles)

    @cached_property
    def vertex_tree(self) -> cKDTree:
        from scipy.spatial import cKDTree

        return cKDTree(self.mesh.vertices)

    @cached_property
    def brush_tables(self) -> BrushTables:
        """Edges, lengths, face incidence and normals tabled once for the brush, in grid order
        (see :mod:`mesomap.geometry.brush_tables`)."""
        return BrushTables.build(self.mesh.vertices, self.mesh.faces, self.mesh.face_normals)

    @cached_property
    def centroid_tree(self) -> cKDTree:
        from scipy.spatial import cKDTree

        return cKDTree(self.centroids)

    @cached_property
    def vertex_faces(self) -> sparse.csr_matrix:
        """(n', m') CSR incidence: row i lists the faces around vertex i."""
        from scipy import sparse

        f = self.mesh.faces
        rows = f.ravel()
        cols = np.repeat(np.arange(len(f)), 3)
        return sparse.csr_matrix((np.ones(len(rows), dtype=bool), (rows, cols)), shape=(self.mesh.n_vertices, len(f)))

    @cached_property
    def centroids(self) -> np.ndarray:
        """(m', 3) mm face centroids."""
        return self.mesh.triangles.mean(axis=1)

    def pick(self, origin_mm, direction) -> RayHit | None:
        """First painting face hit by a ray (≈0.03 ms on 520k faces, see geometry/bvh.py)."""
        return self.bvh.intersect(origin_mm, direction)

    def pick_many(self, origins_mm, directions) -> list[RayHit | None]:
        """:meth:`pick` for many rays (q, 3) at once (a stroke's samples): the same hits as one at a time."""
        return self.bvh.intersect_many(origins_mm, directions)

    def area_cm2(self, faces: np.ndarray) -> float:
        """Area of a set of painting faces in cm²."""
        return float(self.mesh.face_areas[np.asarray(faces, dtype=np.int64)].sum() / 100.0)

    def mirrored(self, faces: np.ndarray) -> np.ndarray:
        """Sorted painting faces mirrored across the midline."""
        if self.face_mirror is None:
            raise ValueError(f"{self.mesh.name} has no left/right map")
        return np.unique(self.face_mirror[np.asarray(faces, dtype=np.int64)])

    def point_on_face(self, face: int, barycentric) -> tuple[np.ndarray, np.ndarray]:
        """(position (3,) mm, unit normal (3,)) of a surface point given as face + barycentric."""
        positions, normals = self.points_on_faces([face], np.asarray(barycentric, dtype=np.float64).reshape(1, 3))
        return positions[0], normals[0]  # the batch's own arithmetic: one point or many, the same bits

    def points_on_faces(self, faces, barycentric) -> tuple[np.ndarray, np.ndarray]:
        """Many surface points at once: :meth:`point_on_face` for each row, without a Python loop.

        faces : (p,) painting-face ids; barycentric : (p, 3) weights of each face's corners.
        Returns (positions (p, 3) mm, unit normals (p, 3)) — the normals interpolated from the
        vertex normals like :meth:`point_on_face`. ``p`` may be 0.
        """
        f = np.asarray(faces, dtype=np.int64)
        b = np.asarray(barycentric, dtype=np.float64)
        if f.ndim != 1:
            raise ValueError(f"faces must be (p,), got {f.shape}")
        if b.size == 0 == len(f):
            b = b.reshape(0, 3)
        if b.shape != (len(f), 3):
            raise ValueError(f"barycentric must be ({len(f)}, 3) for {len(f)} faces, got {b.shape}")
        corners = self.mesh.faces[f]  # (p, 3) vertex ids
        positions = np.einsum("pi,pij->pj", b, self.mesh.vertices[corners])
        normals = np.einsum("pi,pij->pj", b, self.vertex_normals[corners])
        return positions, normals / np.linalg.norm(normals, axis=1, keepdims=True)

    @cached_property
    def max_edge_mm(self) -> float:
        """The longest painting-face edge (mm): every point of a face is this close to each of its corners."""
        t = self.mesh.triangles
        return float(np.linalg.norm(t - np.roll(t, 1, axis=1), axis=2).max())

    def nearest_points(self, positions_mm) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The nearest skin point of each position (n, 3) mm: (faces (n,), barycentrics (n, 3), distances (n,) mm).

        Exact: the search covers every face with a corner within (nearest-vertex
        distance + longest edge) of the position, a set that holds the nearest
        face. That ball only reaches a thin shell of the body, so even a point a
        metre off costs about a millisecond.
        """
        from mesomap.geometry.layout_mesh import closest_points_on_triangles

        pts = np.asarray(positions_mm, dtype=np.float64).reshape(-1, 3)
        tris = self.mesh.triangles
        d_vertex, _ = self.vertex_tree.query(pts)
        faces = np.zeros(len(pts), dtype=np.int64)
        barys = np.zeros((len(pts), 3))
        dist = np.zeros(len(pts))
        for i, p in enumerate(pts):
            near = np.asarray(self.vertex_tree.query_ball_point(p, d_vertex[i] + self.max_edge_mm + 1e-9), dtype=np.int64)
            candidates = np.unique(self.vertex_faces[near].indices)
            t = tris[candidates]
            q, b = closest_points_on_triangles(p, t[:, 0], t[:, 1], t[:, 2])
            d = np.linalg.norm(q - p, axis=1)
            best = int(np.argmin(d))
            faces[i], barys[i], dist[i] = candidates[best], b[best], d[best]
        return faces, barys, dist

    def distances_to_faces(self, positions_mm, faces) -> np.ndarray:
        """Exact distance (n,) mm from each position (n, 3) mm to the nearest of ``faces`` (k,) painting faces.

        ``inf`` for every position when ``faces`` is empty. The search is exact as in
        :meth:`nearest_points`: faces with a corner within (nearest corner distance + longest
        edge) of a position hold its nearest point.
        """
        from mesomap.geometry.layout_mesh import closest_points_on_triangles

        pts = np.asarray(positions_mm, dtype=np.float64).reshape(-1, 3)
        f = np.unique(np.asarray(faces, dtype=np.int64))
        if len(f) == 0:
            return np.full(len(pts), np.inf)
        corners = self.mesh.faces[f]  # (k, 3)
        from scipy.spatial import cKDTree

        tree = cKDTree(self.mesh.vertices[np.unique(corners)])
        d_vertex, _ = tree.query(pts)
        tris = self.mesh.triangles[f]
        out = np.empty(len(pts))
        for i, p in enumerate(pts):
            reach = d_vertex[i] + self.max_edge_mm + 1e-9
            near = np.flatnonzero((np.linalg.norm(self.mesh.vertices[corners] - p, axis=2) <= reach).any(axis=1))
            q, _ = closest_points_on_triangles(p, tris[near, 0], tris[near, 1], tris[near, 2])
            out[i] = float(np.linalg.norm(q - p, axis=1).min())
        return out

    @cached_property
    def _children(self) -> tuple[np.ndarray, np.ndarray]:
        """(painting faces sorted by parent, start offset per coarse face (n_coarse + 1,))."""
        order = np.argsort(self.parent_face, kind="stable")
        starts = np.searchsorted(self.parent_face[order], np.arange(self.coarse.n_faces + 1))
        return order, starts

    def children_of(self, coarse_faces) -> np.ndarray:
        """Sorted painting faces lying in the given coarse (bundled-mesh) faces."""
        order, starts = self._children
        cf = np.unique(np.asarray(coarse_faces, dtype=np.int64))
        if len(cf) and (cf.min() < 0 or cf.max() >= self.coarse.n_faces):
            raise ValueError("coarse face id out of range")
        return np.sort(np.concatenate([order[starts[f] : starts[f + 1]] for f in cf])) if len(cf) else cf

    def locate(self, coarse_face: int, barycentric) -> tuple[int, np.ndarray]:
        """The painting face and barycentric of a point given on the coarse mesh."""
        point = np.asarray(barycentric, dtype=np.float64) @ self.coarse.triangles[coarse_face]
        candidates = self.children_of([coarse_face])
        best, best_bary, best_err = -1, None, np.inf
        for f in candidates:
            bary = barycentric_in(self.mesh.triangles[f], point)
            err = -min(bary.min(), 0.0)
            if err < best_err:
                best, best_bary, best_err = int(f), bary, err
        clipped = np.clip(best_bary, 0.0, None)
        return best, clipped / clipped.sum()


def barycentric_in(triangle: np.ndarray, point: np.ndarray) -> np.ndarray:
    """(3,) barycentric coordinates of ``point`` (3,) in ``triangle`` (3, 3) (projected to its plane)."""
    a, b, c = triangle
    v0, v1, v2 = b - a, c - a, point - a
    d00, d01, d11 = v0 @ v0, v0 @ v1, v1 @ v1
    d20, d21 = v2 @ v0, v2 @ v1
    den = d00 * d11 - d01 * d01
    v = (d11 * d20 - d01 * d21) / den
    w = (d00 * d21 - d01 * d20) / den
    return np.array([1.0 - v - w, v, w])


def boundary_length_mm(mesh: BodyMesh, faces) -> float:
    """Length (mm) of the border of a set of faces: the edges only one of them uses."""
    return edges_length_mm(mesh.vertices, border_edges(mesh.faces[np.asarray(faces, dtype=np.int64)]))
