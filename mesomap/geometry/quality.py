"""How good an injection layout is, measured along the skin.

Geodesic distances here are near-exact, independent of how the layout was made:

* nearest-neighbour distances: the points are inserted into the mesh as
  vertices and each candidate pair's shortest path is found with
  potpourri3d's edge-flip geodesics (FlipOut: a locally shortest, i.e. exact
  geodesic, path started from the edge-graph Dijkstra path). Candidates come
  from straight-line neighbours; since a straight line is never longer than
  the path along the skin, a candidate whose straight-line distance exceeds
  the best geodesic so far cannot be nearer, so the nearest neighbour is exact.
* hole size: exact polyhedral geodesic distances (libigl's MMP
  ``exact_geodesic``) from all points, on the zone's mesh midpoint-subdivided
  until edges ≤ spacing / 5 with the points inserted as vertices, read at
  the vertices inside ``margin + band`` of the boundary and then again,
  finer, in the faces that could hold a larger value (see :func:`_hole`).
  (Fast marching was used before: on these meshes it overestimates by
  3–17 %, e.g. 0.594 instead of 0.577 × spacing for a perfect flat hexagonal
  grid.)

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
#: Faces that may hold the largest hole are read again at a grid this many steps per edge.
REFINE_STEPS = 6
#: ... at most this many of them, those whose bound is highest (a perfect grid has thousands of near-equal maxima).
MAX_REFINE_FACES = 1500


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


def unpinch(V: np.ndarray, F: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The mesh with every vertex where two parts of the border touch (a pinch: more than two border edges)
    split, one copy per fan of faces around it, so the edge-flip solver takes it. Vertex ids below len(V) keep
    their place (each stays with one of its fans)."""
    from mesomap.geometry.borders import border_edges, fans_around

    b = border_edges(F)
    pinched = np.flatnonzero(np.bincount(b.ravel(), minlength=len(V)) > 2)
    if len(pinched) == 0:
        return V, F
    F = F.copy()
    extra = []
    for v in pinched.tolist():
        for rows in fans_around(F, v)[1:]:
            F[rows] = np.where(F[rows] == v, len(V) + len(extra), F[rows])
            extra.append(V[v])
    return np.concatenate([V, np.array(extra).reshape(-1, 3)]), F


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
    hole_depth_mm: float = float("nan")  # distance from the zone's boundary to the largest hole's spot

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
        self._flip = pp3d.EdgeFlipGeodesicSolver(*unpinch(self.V, self.F))

    def distance(self, i: int, j: int) -> float:
        """Geodesic distance (mm) between points i and j."""
        a, b = int(self.vid[i]), int(self.vid[j])
        if a == b:
            return 0.0
        try:
            path = self._flip.find_geodesic_path(a, b)
        except RuntimeError:  # on separate parts of the zone: no path along the skin
            return float("inf")
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


def _hole(patch: ZonePatch, faces_local, bary, spacing, margin, band) -> tuple[float, np.ndarray]:
    """Largest distance (mm) along the skin from a spot at least margin+band inside the zone to its nearest point,
    and that spot (3,) mm.

    Exact polyhedral geodesics (libigl's ``exact_geodesic``, the
    Mitchell–Mount–Papadimitriou algorithm) from all points at once, read
    at the vertices of the zone's mesh subdivided until edges are at most
    spacing / HOLE_RESOLUTION, with the points inserted as vertices. Then
    the faces that could hold a larger value (a vertex value plus the
    face's circumradius above the maximum so far: the distance grows by at
    most 1 mm per mm) get a grid of points inside (REFINE_STEPS per edge),
    the MAX_REFINE_FACES most promising of them, and are read again. The
    result is a value the zone really has (a lower bound), within about
    spacing / (REFINE_STEPS · HOLE_RESOLUTION) of the true largest.
    """
    V, F = patch.V, patch.F
    f, b = np.asarray(faces_local), np.asarray(bary)
    for _ in range(MAX_LEVELS):
        edge = np.linalg.norm(V[F] - V[F][:, [1, 2, 0]], axis=2).max()
        if edge <= spacing / HOLE_RESOLUTION or 4 * len(F) > MAX_MEASURE_FACES:
            break
        V, F = subdivide(V, F)
        f, b = subdivide_points(f, b)
    V2, F2, vid = insert_points(V, F, f, b)
    d = _exact_distances(V2, F2, vid)
    inside = patch.boundary_distance(V2) >= margin + band
    if not inside.any():
        return 0.0, np.full(3, np.nan)
    arg = np.flatnonzero(inside)[np.argmax(d[inside])]
    best, where = float(d[arg]), V2[arg]
    # a spot in a triangle is at most its circumradius (≤ longest edge / √3) from a corner
    reach = np.linalg.norm(V2[F2] - V2[F2][:, [1, 2, 0]], axis=2).max(axis=1) / math.sqrt(3)
    bound = np.where(inside[F2].any(axis=1), d[F2].max(axis=1) + reach, -np.inf)
    maybe = np.flatnonzero(bound > best)
    if len(maybe) == 0:
        return best, where
    maybe = maybe[np.argsort(-bound[maybe], kind="stable")[:MAX_REFINE_FACES]]
    V3, F3, spots = fill_faces(V2, F2, maybe, REFINE_STEPS)
    ok = patch.boundary_distance(V3[spots]) >= margin + band
    if not ok.any():
        return best, where
    fine = _exact_distances(V3, F3, vid, targets=spots[ok])
    if fine.max() > best:
        best, where = float(fine.max()), V3[spots[ok][np.argmax(fine)]]
    return best, where


def fill_faces(V: np.ndarray, F: np.ndarray, faces: np.ndarray, steps: int):
    """The mesh with a grid of new vertices inside each of ``faces`` (none on edges, so it stays conforming).

    Each face gets the interior points of its barycentric grid with ``steps``
    steps per edge, triangulated together with its corners by one template
    (a Delaunay triangulation of the reference triangle, valid after any
    affine map). Returns (V2, F2, new (len(faces), g) vertex ids).
    """
    n = int(steps)
    grid = np.array([(i, j, n - i - j) for i in range(1, n) for j in range(1, n - i)], float) / n
    ref = np.array([[0.0, 0.0], [1.0, 0.0], [0.5, math.sqrt(3) / 2]])
    pts = np.concatenate([ref, grid @ ref])
    template = Delaunay(pts).simplices  # ids: 0-2 corners, 3.. grid points
    t = pts[template]
    turn = (t[:, 1, 0] - t[:, 0, 0]) * (t[:, 2, 1] - t[:, 0, 1]) - (t[:, 2, 0] - t[:, 0, 0]) * (t[:, 1, 1] - t[:, 0, 1])
    template = np.where((turn < 0)[:, None], template[:, [0, 2, 1]], template)  # the corners' winding
    faces = np.asarray(faces, dtype=np.int64)
    g = len(grid)
    new = len(V) + np.arange(len(faces) * g).reshape(len(faces), g)
    pos = np.einsum("gk,fkj->fgj", grid, V[F[faces]]).reshape(-1, 3)
    ids = np.concatenate([F[faces], new], axis=1)  # (f, 3 + g)
    keep = np.ones(len(F), dtype=bool)
    keep[faces] = False
    F2 = np.concatenate([F[keep], ids[:, template].reshape(-1, 3)])
    return np.concatenate([V, pos]), F2, new.ravel()


def _exact_distances(V, F, sources, targets=None) -> np.ndarray:
    """Exact geodesic distance (mm) from each target vertex (default: all) to the nearest source vertex."""
    import igl

    vs = np.unique(np.asarray(sources, dtype=np.int64))
    vt = np.arange(len(V), dtype=np.int64) if targets is None else np.asarray(targets, dtype=np.int64)
    return np.asarray(igl.exact_geodesic(np.ascontiguousarray(V, dtype=np.float64),
                                         np.ascontiguousarray(F, dtype=np.int64), VS=vs, VT=vt), dtype=float)


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
    hole_mm, hole_at = _hole(patch, local, layout.barycentric, s, margin_mm, band) if len(local) else (np.inf, None)
    hole = hole_mm / s
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
        hole_depth_mm=float(patch.boundary_distance(hole_at[None])[0]) if hole_at is not None
        and np.isfinite(hole_at).all() else float("nan"),
    )


def _eroded_area(patch: ZonePatch, margin: float) -> float:
    if margin <= 0:
        return patch.area_mm2
    d = patch.boundary_distance(patch.V)
    g = np.array([(i, j, 8 - i - j) for i in range(9) for j in range(9 - i)], float) / 8
    inside = (d[patch.F] @ g.T) >= margin
    return float((patch.face_areas * inside.mean(axis=1)).sum())


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
