"""How good an injection layout is, measured along the skin, and synthetic test surfaces.

Geodesic distances here are near-exact, independent of how the layout was made:

* nearest-neighbour distances: the points are inserted into the mesh as
  vertices and each candidate pair's shortest path is found with
  potpourri3d's edge-flip geodesics (FlipOut: a locally shortest, i.e. exact
  geodesic, path started from the edge-graph Dijkstra path). Candidates come
  from straight-line neighbours; since a straight line is never longer than
  the path along the skin, a candidate whose straight-line distance exceeds
  the best geodesic so far cannot be nearer, so the nearest neighbour is exact.
* hole size: fast marching (potpourri3d) from all points on the mesh, once
  midpoint-subdivided until edges ≤ spacing / 5, read at vertices and
  face centroids of the region inside ``margin + band`` of the boundary.

Lengths in mm. Used by the tests and ``benchmarks/layout.py``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy.spatial import Delaunay, cKDTree

from mesomap.geometry.layout_mesh import ZonePatch

#: Barycentrics are moved at least this far off the triangle's edges before insertion.
INSERT_EPS = 1e-6
#: Subdivide the measurement mesh until edges are at most spacing / this (at most MAX_LEVELS times).
HOLE_RESOLUTION = 5.0
MAX_LEVELS = 3
MAX_MEASURE_FACES = 600_000


def subdivide(V: np.ndarray, F: np.ndarray):
    """Midpoint (1→4) subdivision. Returns (V2, F2); child 4t+c of face t: c=0,1,2 at corner c, 3 in the middle."""
    e = np.sort(F[:, [0, 1, 1, 2, 2, 0]].reshape(-1, 2), axis=1)
    uniq, inv = np.unique(e, axis=0, return_inverse=True)
    mid = len(V) + inv.reshape(-1, 3)  # (m, 3): midpoints of edges 01, 12, 20
    V2 = np.concatenate([V, 0.5 * (V[uniq[:, 0]] + V[uniq[:, 1]])])
    a, b, c = F[:, 0], F[:, 1], F[:, 2]
    m01, m12, m20 = mid[:, 0], mid[:, 1], mid[:, 2]
    F2 = np.stack([
        np.stack([a, m01, m20], 1), np.stack([m01, b, m12], 1),
        np.stack([m20, m12, c], 1), np.stack([m12, m20, m01], 1),
    ], axis=1).reshape(-1, 3)
    return V2, F2


def subdivide_points(faces: np.ndarray, bary: np.ndarray):
    """(face, bary) of points after :func:`subdivide`."""
    b0, b1, b2 = bary[:, 0], bary[:, 1], bary[:, 2]
    child = np.full(len(faces), 3)
    child[b2 >= 0.5] = 2
    child[b1 >= 0.5] = 1
    child[b0 >= 0.5] = 0
    nb = np.stack([1 - 2 * b0, 1 - 2 * b1, 1 - 2 * b2], axis=1)  # middle child (m12, m20, m01)
    nb = np.where((child == 0)[:, None], np.stack([2 * b0 - 1, 2 * b1, 2 * b2], 1), nb)
    nb = np.where((child == 1)[:, None], np.stack([2 * b0, 2 * b1 - 1, 2 * b2], 1), nb)
    nb = np.where((child == 2)[:, None], np.stack([2 * b0, 2 * b1, 2 * b2 - 1], 1), nb)
    nb = np.clip(nb, 0, None)
    return 4 * faces + child, nb / nb.sum(axis=1, keepdims=True)


def insert_points(V: np.ndarray, F: np.ndarray, faces: np.ndarray, bary: np.ndarray):
    """The mesh with surface points (face (p,), bary (p, 3)) made into vertices.

    Returns (V2, F2, vid (p,) vertex id of each point). A face holding one
    point is split in three; a face holding several is re-triangulated
    (Delaunay in its plane). Barycentrics are first kept INSERT_EPS off the
    edges (moving a point by < 1e-5 mm), so no new triangle is degenerate.
    Points at the very same place share a vertex.
    """
    V = np.asarray(V, float)
    F = np.asarray(F, np.int64)
    faces = np.asarray(faces, np.int64)
    b = np.clip(np.asarray(bary, float), INSERT_EPS, None)
    b /= b.sum(axis=1, keepdims=True)
    pos = np.einsum("pi,pij->pj", b, V[F[faces]])
    vid = len(V) + np.arange(len(faces))
    V2 = np.concatenate([V, pos])
    keep_face = np.ones(len(F), dtype=bool)
    new_faces = []
    order = np.argsort(faces, kind="stable")
    uf, start, count = np.unique(faces[order], return_index=True, return_counts=True)
    single = uf[count == 1]
    single_pt = order[start[count == 1]]
    a, bb, c = F[single, 0], F[single, 1], F[single, 2]
    v = vid[single_pt]
    new_faces.append(np.concatenate([np.stack([a, bb, v], 1), np.stack([bb, c, v], 1), np.stack([c, a, v], 1)]))
    keep_face[single] = False
    for f, s0, n in zip(uf[count > 1], start[count > 1], count[count > 1]):
        pts = order[s0:s0 + n]
        corners = F[f]
        tri = V[corners]
        e1 = tri[1] - tri[0]
        e1 /= np.linalg.norm(e1)
        nrm = np.cross(tri[1] - tri[0], tri[2] - tri[0])
        nrm /= np.linalg.norm(nrm)
        e2 = np.cross(nrm, e1)
        allp = np.concatenate([tri, pos[pts]])
        uv = np.stack([(allp - tri[0]) @ e1, (allp - tri[0]) @ e2], axis=1)
        # merge coincident points
        _, first, inverse = np.unique(np.round(uv, 9), axis=0, return_index=True, return_inverse=True)
        ids = np.concatenate([corners, vid[pts]])
        inverse = inverse.ravel()
        vid[pts] = ids[first[inverse[3:]]]
        uniq_idx = np.sort(first)
        d = Delaunay(uv[uniq_idx])
        simp = ids[uniq_idx][d.simplices]
        u2 = uv[uniq_idx][d.simplices]
        area = (u2[:, 1, 0] - u2[:, 0, 0]) * (u2[:, 2, 1] - u2[:, 0, 1]) - (u2[:, 2, 0] - u2[:, 0, 0]) * (u2[:, 1, 1] - u2[:, 0, 1])
        simp = np.where((area < 0)[:, None], simp[:, [0, 2, 1]], simp)
        new_faces.append(simp[np.abs(area) > 1e-14])
        keep_face[f] = False
    F2 = np.concatenate([F[keep_face]] + new_faces)
    return V2, F2, vid


@dataclass(frozen=True)
class Quality:
    """Numbers that say how good a layout is (distances ÷ spacing unless named *_mm)."""

    count: int
    ideal_count: float
    nn_min: float
    nn_median: float
    nn_max: float
    nn_cv: float
    within_5pct: float  # fraction of points whose nearest neighbour is within ±5 % of spacing
    hole: float
    outside: int  # points off the zone's faces, or farther than 0.01 mm from the skin
    max_skin_distance_mm: float
    min_boundary_mm: float  # smallest straight-line distance from a point to the zone's boundary

    @property
    def count_ratio(self) -> float:
        return self.count / self.ideal_count if self.ideal_count else float("nan")


class GeodesicMeter:
    """Near-exact distances along a surface between given surface points.

    V (n, 3), F (m, 3) the surface; faces (p,), bary (p, 3) the points on it.
    """

    def __init__(self, V, F, faces, bary):
        import potpourri3d as pp3d

        self.V, self.F, self.vid = insert_points(V, F, faces, bary)
        self.points = self.V[self.vid]
        self._flip = pp3d.EdgeFlipGeodesicSolver(self.V, self.F)

    def distance(self, i: int, j: int) -> float:
        """Geodesic distance (mm) between points i and j."""
        a, b = int(self.vid[i]), int(self.vid[j])
        if a == b:
            return 0.0
        path = self._flip.find_geodesic_path(a, b)
        return float(np.linalg.norm(np.diff(path, axis=0), axis=1).sum())

    def nearest_neighbours(self, k: int = 12) -> tuple[np.ndarray, np.ndarray]:
        """((p,) geodesic distance to each point's nearest other point, (p,) its index).

        Exact given the pruning argument in the module docstring (straight
        line ≤ geodesic); pairs are measured once each.
        """
        p = len(self.points)
        if p < 2:
            return np.full(p, np.nan), np.full(p, -1)
        k = min(k + 1, p)
        de, idx = cKDTree(self.points).query(self.points, k=k)
        best = np.full(p, np.inf)
        arg = np.full(p, -1)
        cache: dict[tuple[int, int], float] = {}
        for i in range(p):
            for dj, j in zip(de[i, 1:], idx[i, 1:]):
                if dj >= best[i]:
                    break
                key = (min(i, j), max(i, j))
                g = cache.get(key)
                if g is None:
                    g = cache[key] = self.distance(i, j)
                if g < best[i]:
                    best[i], arg[i] = g, j
        return best, arg


def _hole(patch: ZonePatch, faces_local, bary, spacing, margin, band) -> float:
    """Largest geodesic distance (mm) from a spot of the zone at least margin+band inside to its nearest point."""
    import potpourri3d as pp3d

    V, F = patch.V, patch.F
    f, b = np.asarray(faces_local), np.asarray(bary)
    for _ in range(MAX_LEVELS):
        edge = np.linalg.norm(V[F] - V[F][:, [1, 2, 0]], axis=2).max()
        if edge <= spacing / HOLE_RESOLUTION or 4 * len(F) > MAX_MEASURE_FACES:
            break
        V, F = subdivide(V, F)
        f, b = subdivide_points(f, b)
    V2, F2, vid = insert_points(V, F, f, b)
    fmm = pp3d.MeshFastMarchingDistanceSolver(V2, F2)
    # one source curve per point: a face the point is a corner of, with that corner's barycentric
    corner_face = np.full(len(V2), -1)
    corner_k = np.zeros(len(V2), dtype=np.int64)
    for k in range(3):
        corner_face[F2[:, k]] = np.arange(len(F2))
        corner_k[F2[:, k]] = k
    curves = []
    for v in np.unique(vid):
        bc = [0.0, 0.0, 0.0]
        bc[corner_k[v]] = 1.0
        curves.append([(int(corner_face[v]), bc)])
    d = np.asarray(fmm.compute_distance(curves), dtype=float).ravel()
    samples = np.concatenate([V2, V2[F2].mean(axis=1)])
    values = np.concatenate([d, d[F2].mean(axis=1)])
    inside = patch.boundary_distance(samples) >= margin + band
    return float(values[inside].max()) if inside.any() else 0.0


def measure(patch: ZonePatch, layout, spacing_mm: float, margin_mm: float, hex_ideal: bool = False,
            band: float | None = None, cell_area_mm2: float | None = None, eroded_area_mm2: float | None = None) -> Quality:
    """Quality of ``layout`` (a :class:`~mesomap.geometry.layout.Layout`) on the zone ``patch``.

    The ideal count is the zone's area inside the margin divided by
    ``cell_area_mm2`` (default: the hexagonal cell s²·√3/2). Holes are looked
    for ``band`` (default: half a spacing) inside the margin line: the edge
    row of a grid stands there, nearer the border there is nothing to fill.
    """
    s = float(spacing_mm)
    band = 0.5 * s if band is None else band
    local = np.searchsorted(patch.global_faces, layout.faces)
    local = np.clip(local, 0, len(patch.global_faces) - 1)
    in_zone = patch.global_faces[local] == layout.faces
    on = patch.positions(local, layout.barycentric)
    skin = np.linalg.norm(on - layout.positions_mm, axis=1)
    # independent check: distance to the nearest zone triangle at all
    _, _, _, dproj = patch.project(layout.positions_mm)
    skin = np.maximum(np.where(in_zone, skin, np.inf), 0) if len(skin) else skin
    outside = int(np.sum(~in_zone | (skin >= 0.01) | (dproj >= 0.01)))
    meter = GeodesicMeter(patch.V, patch.F, local, layout.barycentric)
    nn, _ = meter.nearest_neighbours()
    r = nn / s
    cell = cell_area_mm2 if cell_area_mm2 is not None else s * s * math.sqrt(3) / 2
    area = eroded_area_mm2 if eroded_area_mm2 is not None else _eroded_area(patch, margin_mm)
    hole = _hole(patch, local, layout.barycentric, s, margin_mm, band) / s if len(local) else float("inf")
    finite = r[np.isfinite(r)]
    bd = patch.boundary_distance(layout.positions_mm)
    return Quality(
        count=len(layout.faces),
        ideal_count=area / cell,
        nn_min=float(finite.min()) if len(finite) else float("nan"),
        nn_median=float(np.median(finite)) if len(finite) else float("nan"),
        nn_max=float(finite.max()) if len(finite) else float("nan"),
        nn_cv=float(finite.std() / finite.mean()) if len(finite) else float("nan"),
        within_5pct=float(np.mean(np.abs(finite - 1) <= 0.05)) if len(finite) else float("nan"),
        hole=hole,
        outside=outside,
        max_skin_distance_mm=float(np.max(np.maximum(skin, dproj))) if len(skin) else 0.0,
        min_boundary_mm=float(bd.min()) if len(bd) else float("inf"),
    )


def _eroded_area(patch: ZonePatch, margin: float) -> float:
    if margin <= 0:
        return patch.area_mm2
    d = patch.boundary_distance(patch.V)
    g = np.array([(i, j, 8 - i - j) for i in range(9) for j in range(9 - i)], float) / 8
    inside = (d[patch.F] @ g.T) >= margin
    return float((patch.face_areas * inside.mean(axis=1)).sum())


# ---- synthetic surfaces ----------------------------------------------------------------------

def icosphere(level: int) -> tuple[np.ndarray, np.ndarray]:
    """Unit icosphere: (V (n, 3), F (m, 3)), 20·4^level faces, outward winding."""
    t = (1 + 5 ** 0.5) / 2
    V = np.array([[-1, t, 0], [1, t, 0], [-1, -t, 0], [1, -t, 0], [0, -1, t], [0, 1, t], [0, -1, -t], [0, 1, -t],
                  [t, 0, -1], [t, 0, 1], [-t, 0, -1], [-t, 0, 1]], float)
    F = np.array([[0, 11, 5], [0, 5, 1], [0, 1, 7], [0, 7, 10], [0, 10, 11], [1, 5, 9], [5, 11, 4], [11, 10, 2],
                  [10, 7, 6], [7, 1, 8], [3, 9, 4], [3, 4, 2], [3, 2, 6], [3, 6, 8], [3, 8, 9], [4, 9, 5],
                  [2, 4, 11], [6, 2, 10], [8, 6, 7], [9, 8, 1]])
    V /= np.linalg.norm(V, axis=1, keepdims=True)
    for _ in range(level):
        V, F = subdivide(V, F)
        V /= np.linalg.norm(V, axis=1, keepdims=True)
    return V, F


def grid_mesh(nu: int, nv: int, wrap_u: bool = False, wrap_v: bool = False):
    """(uv (n, 2) in [0, 1]², F) a triangulated nu × nv grid, optionally periodic."""
    us = np.linspace(0, 1, nu, endpoint=not wrap_u)
    vs = np.linspace(0, 1, nv, endpoint=not wrap_v)
    uu, vv = np.meshgrid(us, vs, indexing="ij")
    idx = np.arange(nu * nv).reshape(nu, nv)
    iu = nu if wrap_u else nu - 1
    iv = nv if wrap_v else nv - 1
    i, j = np.meshgrid(np.arange(iu), np.arange(iv), indexing="ij")
    a = idx[i % nu, j % nv]
    b = idx[(i + 1) % nu, j % nv]
    c = idx[(i + 1) % nu, (j + 1) % nv]
    d = idx[i % nu, (j + 1) % nv]
    F = np.concatenate([np.stack([a, b, c], -1).reshape(-1, 3), np.stack([a, c, d], -1).reshape(-1, 3)])
    return np.stack([uu.ravel(), vv.ravel()], 1), F


@dataclass(frozen=True)
class Synthetic:
    """A test surface: mesh (V, F) mm, the zone's faces, smooth vertex normals, a name."""

    name: str
    V: np.ndarray
    F: np.ndarray
    zone: np.ndarray
    normals: np.ndarray


def synthetic_surface(name: str, resolution_mm: float = 2.5) -> Synthetic:
    """One of: "flat" (200 mm square, zone the middle 150 mm), "sphere_cap" (R = 100 mm, zone within
    60 mm along the skin of the pole), "bumpy_sphere" (R = 100 mm ± 8 mm bumps, zone within 70 mm),
    "torus_saddle" (R = 100, r = 40 mm, zone the saddle-shaped inner side), "cylinder" (R = 60 mm,
    zone 150 × 150 mm along the skin). Faces about ``resolution_mm`` across."""
    if name in ("sphere_cap", "bumpy_sphere"):
        level = max(2, int(round(math.log2(100 * 1.05 / resolution_mm))))
        U, F = icosphere(level)
        if name == "sphere_cap":
            V, N = 100.0 * U, U.copy()
            zone_r = 60.0
        else:
            def radius(u):
                return 100.0 + 8.0 * np.sin(5 * u[:, 0]) * np.sin(5 * u[:, 1]) * np.cos(3 * u[:, 2])
            V = U * radius(U)[:, None]
            N = _vertex_normals(V, F)
            zone_r = 70.0
        cen = V[F].mean(axis=1)
        ang = np.arccos(np.clip(cen[:, 2] / np.linalg.norm(cen, axis=1), -1, 1))
        zone = np.flatnonzero(ang * 100.0 <= zone_r)
        return Synthetic(name, V, F, zone, N)
    if name == "torus_saddle":
        R, r = 100.0, 40.0
        nu = int(2 * math.pi * (R + r) / resolution_mm)
        nv = int(2 * math.pi * r / resolution_mm)
        uv, F = grid_mesh(nu, nv, True, True)
        u, v = 2 * math.pi * uv[:, 0], 2 * math.pi * uv[:, 1]
        V = np.stack([(R + r * np.cos(v)) * np.cos(u), (R + r * np.cos(v)) * np.sin(u), r * np.sin(v)], 1)
        N = np.stack([np.cos(v) * np.cos(u), np.cos(v) * np.sin(u), np.sin(v)], 1)
        cuv = uv[F].mean(axis=1)  # (not exact across the wrap, but the zone keeps away from it)
        cu = (2 * math.pi * cuv[:, 0])
        cv = (2 * math.pi * cuv[:, 1])
        near_u = np.abs(cu - math.pi) * (R - r) <= 70
        near_v = np.abs(cv - math.pi) * r <= 55
        zone = np.flatnonzero(near_u & near_v & (np.ptp(uv[F], axis=1).max(axis=1) < 0.5))
        return Synthetic(name, V, F, zone, N)
    if name == "cylinder":
        R = 60.0
        nu = int(2 * math.pi * R / resolution_mm)
        nv = int(240 / resolution_mm)
        uv, F = grid_mesh(nu, nv, True, False)
        u, z = 2 * math.pi * uv[:, 0], 240 * uv[:, 1] - 120
        V = np.stack([R * np.cos(u), R * np.sin(u), z], 1)
        N = np.stack([np.cos(u), np.sin(u), 0 * u], 1)
        cen = V[F].mean(axis=1)
        arc = np.abs(np.arctan2(cen[:, 1], cen[:, 0])) * R
        zone = np.flatnonzero((arc <= 75) & (np.abs(cen[:, 2]) <= 75))
        return Synthetic(name, V, F, zone, N)
    if name == "flat":
        n = int(200 / resolution_mm) + 1
        uv, F = grid_mesh(n, n)
        V = np.concatenate([200 * uv - 100, np.zeros((len(uv), 1))], axis=1)
        N = np.tile([0.0, 0.0, 1.0], (len(V), 1))
        cen = V[F].mean(axis=1)
        zone = np.flatnonzero(np.all(np.abs(cen[:, :2]) <= 75, axis=1))
        return Synthetic(name, V, F, zone, N)
    raise ValueError(f"unknown synthetic surface {name!r}")


SYNTHETIC = ("flat", "sphere_cap", "bumpy_sphere", "torus_saddle", "cylinder")


def _vertex_normals(V, F):
    cross = np.cross(V[F[:, 1]] - V[F[:, 0]], V[F[:, 2]] - V[F[:, 0]])
    acc = np.zeros_like(V)
    for k in range(3):
        np.add.at(acc, F[:, k], cross)
    return acc / np.linalg.norm(acc, axis=1, keepdims=True)


# ---- baselines -------------------------------------------------------------------------------

def planar_grid_snapped(patch: ZonePatch, spacing_mm: float, margin_mm: float, axis=None):
    """The naive layout: a flat hexagonal grid in the zone's mean plane, each point snapped to the skin.

    The plane passes through the zone's area centroid, normal to its
    area-weighted mean normal; grid rows run along ``axis`` (3,) projected
    into the plane (default: the plane's first basis vector). Points whose
    snap lands on the zone at least ``margin_mm`` inside are kept. Returns
    a :class:`~mesomap.geometry.layout.Layout` (order = as generated).
    """
    from mesomap.geometry.layout import Layout

    s = float(spacing_mm)
    w = patch.face_areas
    centre = (patch.centroids * w[:, None]).sum(axis=0) / w.sum()
    n = (patch.face_normals * w[:, None]).sum(axis=0)
    n /= np.linalg.norm(n)
    a = np.array([1.0, 0.0, 0.0]) if axis is None else np.asarray(axis, dtype=float)
    a = a - (a @ n) * n
    if np.linalg.norm(a) < 1e-6:
        a = np.cross(n, [0.0, 1.0, 0.0])
    e1 = a / np.linalg.norm(a)
    e2 = np.cross(n, e1)
    rel = patch.V - centre
    u, v = rel @ e1, rel @ e2
    rows = np.arange(math.floor(v.min() / (s * math.sqrt(3) / 2)) - 1, math.ceil(v.max() / (s * math.sqrt(3) / 2)) + 2)
    cols = np.arange(math.floor(u.min() / s) - 2, math.ceil(u.max() / s) + 2)
    jj, ii = np.meshgrid(rows, cols, indexing="ij")
    gu = (ii + 0.5 * (jj % 2)) * s
    gv = jj * s * math.sqrt(3) / 2
    pts = centre + gu.ravel()[:, None] * e1 + gv.ravel()[:, None] * e2
    face, bary, q, dist = patch.project(pts)
    keep = (patch.boundary_distance(q) >= margin_mm) & (dist < 2 * s)
    face, bary, q = face[keep], bary[keep], q[keep]
    face, bary, q = _dedupe(face, bary, q)
    normals = patch.normals(face, bary)
    return Layout(patch.global_faces[face], bary, q, normals, np.arange(len(q)), np.zeros(len(q), bool), 0.0,
                  "hexagonal", s, float(margin_mm))


def _dedupe(face, bary, q):
    if len(q) == 0:
        return face, bary, q
    _, first = np.unique(np.round(q, 6), axis=0, return_index=True)
    first = np.sort(first)
    return face[first], bary[first], q[first]


def snapped_layout(patch: ZonePatch, points: np.ndarray, spacing_mm: float, margin_mm: float):
    """Points (p, 3) from another sampler, snapped onto the zone and cut at the margin, as a Layout."""
    from mesomap.geometry.layout import Layout

    face, bary, q, _ = patch.project(np.asarray(points, dtype=float).reshape(-1, 3))
    keep = patch.boundary_distance(q) >= margin_mm
    face, bary, q = _dedupe(face[keep], bary[keep], q[keep])
    return Layout(patch.global_faces[face], bary, q, patch.normals(face, bary), np.arange(len(q)),
                  np.zeros(len(q), bool), 0.0, "hexagonal", float(spacing_mm), float(margin_mm))
