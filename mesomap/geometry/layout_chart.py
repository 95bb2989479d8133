"""Flattening a zone onto a plane with as little stretch as its curvature allows.

Helper of :mod:`mesomap.geometry.layout`: each connected part of a zone gets
a :class:`Chart` (:func:`build_chart`); the plane lattice is laid in it
(:func:`chart_angle` turns a row direction on the skin into the chart,
:func:`locate` finds plane points' triangles), so the chart's stretch is the
grid's. A least-squares conformal map
(Lévy et al. 2002, one sparse solve; exact up to scale wherever the skin
unrolls) is refined as rigidly as possible (Liu et al. 2008, "A local/global
approach to mesh parameterization"), which spreads the unavoidable stretch
of doubly curved skin evenly and leaves near-developable skin (abdomen,
back, limbs) isometric. (The log map used before kept distances from its
centre exact but bent by up to tens of per cent near spiky borders and in
the corners of a zone, and the lattice laid over it was several per cent too
dense there.) Lengths in mm; pure numpy/scipy.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.sparse.linalg import splu
from scipy.spatial import cKDTree

from mesomap.geometry import chart_cache
from mesomap.geometry.layout_mesh import ZonePatch, barycentric_2d

#: Flattened triangles stretched or squeezed beyond this area ratio are not used to place points.
MAX_FLATTEN_STRETCH = 3.0
#: Local/global iterations of the as-rigid-as-possible refinement.
ARAP_ITERATIONS = 20
#: Cotangent weights are clamped to this range (slivers of a spiky border would otherwise dominate).
COT_RANGE = (1e-3, 1e2)


def _local_frames(V: np.ndarray, F: np.ndarray) -> np.ndarray:
    """(k, 3, 2) each triangle laid flat in its own plane (corner 0 at the origin, corner 1 on +x), mm."""
    p0, p1, p2 = V[F[:, 0]], V[F[:, 1]], V[F[:, 2]]
    e1, e2 = p1 - p0, p2 - p0
    l1 = np.linalg.norm(e1, axis=1)
    x_axis = e1 / np.maximum(l1, 1e-12)[:, None]
    x2 = np.einsum("ij,ij->i", e2, x_axis)
    y2 = np.linalg.norm(e2 - x2[:, None] * x_axis, axis=1)
    out = np.zeros((len(F), 3, 2))
    out[:, 1, 0] = l1
    out[:, 2, 0], out[:, 2, 1] = x2, y2
    return out


def _cotangents(x: np.ndarray) -> np.ndarray:
    """(k, 3) cotangent of each flat triangle's angle at corner c, from (k, 3, 2) corners; clamped to COT_RANGE."""
    cot = np.empty(x.shape[:2])
    for c in range(3):
        a, b = x[:, (c + 1) % 3] - x[:, c], x[:, (c + 2) % 3] - x[:, c]
        cross = np.abs(a[:, 0] * b[:, 1] - a[:, 1] * b[:, 0])
        with np.errstate(divide="ignore", invalid="ignore"):
            cot[:, c] = np.einsum("ij,ij->i", a, b) / cross
    return np.clip(np.nan_to_num(cot, nan=COT_RANGE[1], posinf=COT_RANGE[1]), *COT_RANGE)


def lscm(V: np.ndarray, F: np.ndarray, pins: tuple[int, int]) -> np.ndarray:
    """(n, 2) least-squares conformal map of the patch V (n, 3), F (k, 3), scaled to the patch's area.

    Vertex pins[0] goes to the origin and pins[1] onto the +u axis (they fix
    the map's similarity); each triangle contributes the two rows of
    Σ_j W_j (u_j + i v_j) = 0, W_j its opposite edge as a complex number,
    weighted by 1/√(2·area). Orientation follows the faces' winding.
    """
    n, k = len(V), len(F)
    x = _local_frames(V, F)
    w = x[:, [2, 0, 1]] - x[:, [1, 2, 0]]  # W_j = p_{j+2} − p_{j+1} (k, 3, 2)
    area2 = np.abs(x[:, 1, 0] * x[:, 2, 1])  # 2 × area in the local frame
    scale = 1.0 / np.sqrt(np.maximum(area2, 1e-12))
    a, b = w[..., 0] * scale[:, None], w[..., 1] * scale[:, None]
    re, im = np.arange(k) * 2, np.arange(k) * 2 + 1
    cols_u, cols_v = F, F + n
    r = np.concatenate([np.repeat(re, 3), np.repeat(re, 3), np.repeat(im, 3), np.repeat(im, 3)])
    c = np.concatenate([cols_u.ravel(), cols_v.ravel(), cols_u.ravel(), cols_v.ravel()])
    val = np.concatenate([a.ravel(), -b.ravel(), b.ravel(), a.ravel()])
    A = sparse.csr_matrix((val, (r, c)), shape=(2 * k, 2 * n))
    p0, p1 = pins
    fixed_cols = np.array([p0, p1, p0 + n, p1 + n])
    fixed_val = np.array([0.0, np.linalg.norm(V[p1] - V[p0]), 0.0, 0.0])
    free = np.ones(2 * n, dtype=bool)
    free[fixed_cols] = False
    Af, Ab = A[:, free], A[:, fixed_cols]
    z = np.empty(2 * n)
    z[fixed_cols] = fixed_val
    z[free] = splu((Af.T @ Af).tocsc()).solve(-(Af.T @ (Ab @ fixed_val)))
    uv = np.stack([z[:n], z[n:]], axis=1)
    t = uv[F]
    flat = 0.5 * np.abs(((t[:, 1] - t[:, 0])[:, 0] * (t[:, 2] - t[:, 0])[:, 1]
                         - (t[:, 2] - t[:, 0])[:, 0] * (t[:, 1] - t[:, 0])[:, 1])).sum()
    return uv * np.sqrt(0.5 * area2.sum() / max(flat, 1e-12))


def flatten(V: np.ndarray, F: np.ndarray, centre: int, iterations: int = ARAP_ITERATIONS) -> np.ndarray:
    """(n, 2) mm chart of a connected patch with a border: :func:`lscm` refined by :func:`arap_flatten`.

    ``centre`` goes to the origin; the map keeps the faces' orientation.
    """
    far = int(np.argmax(np.linalg.norm(V - V[centre], axis=1)))
    uv = lscm(V, F, (centre, far))
    return arap_flatten(V, F, uv, centre, iterations)


def chart_frame(V: np.ndarray, F: np.ndarray, uv: np.ndarray, vertex: int) -> tuple[np.ndarray, np.ndarray]:
    """(e1, e2) (3,): the chart's u and v axes at ``vertex`` as 3D covectors — a direction d at the vertex
    points along (d·e1, d·e2) in the chart (the mean linear map of the faces around it)."""
    around = np.flatnonzero((F == vertex).any(axis=1))
    jac = np.zeros((2, 3))
    for f in around:
        e = V[F[f, 1:]] - V[F[f, 0]]  # (2, 3)
        d = uv[F[f, 1:]] - uv[F[f, 0]]  # (2, 2)
        jac += d.T @ np.linalg.pinv(e.T)
    jac /= max(len(around), 1)
    return jac[0], jac[1]


def arap_flatten(V: np.ndarray, F: np.ndarray, uv0: np.ndarray, pin: int,
                 iterations: int = ARAP_ITERATIONS) -> np.ndarray:
    """(n, 2) mm plane coordinates of vertices V (n, 3) of a connected patch F (k, 3), refined from uv0 (n, 2).

    Local/global ARAP: each triangle's best rotation onto its flat shape,
    then one sparse solve of the cotangent Laplacian (factored once), vertex
    ``pin`` held where uv0 has it. The chart may turn a little about ``pin``:
    :func:`chart_frame` reads its axes from the result.
    """
    n = len(V)
    x = _local_frames(V, F)
    cot = _cotangents(x)
    # half-edge (i, j) of corner c: i = corner c+1, j = corner c+2, weight cot at c
    hi, hj = F[:, [1, 2, 0]], F[:, [2, 0, 1]]
    dx = x[:, [1, 2, 0]] - x[:, [2, 0, 1]]  # (k, 3, 2) x_i − x_j per half-edge
    w = cot.ravel()
    i, j = hi.ravel(), hj.ravel()
    lap = sparse.coo_matrix((np.concatenate([w, w, -w, -w]),
                             (np.concatenate([i, j, i, j]), np.concatenate([i, j, j, i]))), shape=(n, n)).tocsr()
    free = np.ones(n, dtype=bool)
    free[pin] = False
    lu = splu(lap[free][:, free].tocsc())
    uv = np.asarray(uv0, dtype=np.float64).copy()
    pin_uv = uv[pin].copy()
    coupling = lap[free][:, [pin]].toarray().ravel()
    for _ in range(iterations):
        du = (uv[hi] - uv[hj])  # (k, 3, 2)
        s = np.einsum("kh,khi,khj->kij", cot, du, dx)  # Σ w (u_i − u_j)(x_i − x_j)ᵀ
        theta = np.arctan2(s[:, 1, 0] - s[:, 0, 1], s[:, 0, 0] + s[:, 1, 1])
        c, sn = np.cos(theta), np.sin(theta)
        rot = np.stack([np.stack([c, -sn], -1), np.stack([sn, c], -1)], 1)  # (k, 2, 2)
        r_dx = np.einsum("kab,khb->kha", rot, dx) * cot[..., None]  # w R (x_i − x_j)
        rhs = np.zeros((n, 2))
        for d in range(2):
            rhs[:, d] = (np.bincount(i, r_dx[..., d].ravel(), minlength=n)
                         - np.bincount(j, r_dx[..., d].ravel(), minlength=n))
        rhs = rhs[free] - coupling[:, None] * pin_uv
        uv[free] = lu.solve(rhs)
    return uv


@dataclass
class Chart:
    """One connected part of the zone flattened onto a plane (see :func:`build_chart`)."""

    faces: np.ndarray  # (k,) local patch faces used for location (not too stretched)
    uv: np.ndarray  # (nv, 2) mm chart coordinates of every patch vertex (NaN off this part)
    tree: cKDTree  # on 2D centroids of ``faces``
    centre: int  # patch vertex the map is centred on
    e1: np.ndarray  # (3,) tangent basis at the centre that uv refers to
    e2: np.ndarray
    lo: np.ndarray  # (2,) uv box
    hi: np.ndarray
    component: int = 0
    stretch: float = 1.0  # skin area ÷ flat area of the faces used (> 1 on a saddle)
    reach: float = np.inf  # no point of a used flat triangle is farther than this from its centroid


def build_chart(p: ZonePatch, component: int) -> Chart:
    """The flat chart of connected part ``component`` of the zone patch ``p`` (a closed part: its log map).

    Read from the chart store when one is installed and holds it (:mod:`mesomap.geometry.chart_cache`:
    the same arrays, keyed by the patch's exact vertices and faces and this code), else built by
    :func:`compute_chart` and stored.
    """
    settings = (ARAP_ITERATIONS, MAX_FLATTEN_STRETCH, COT_RANGE)
    key = chart_cache.chart_key(p.V, p.F, component, settings) if chart_cache.store() is not None else None
    stored = chart_cache.load(key) if key is not None else None
    if stored is not None:
        try:
            return chart_from_arrays(p, stored)
        except (ValueError, TypeError, IndexError):  # not this zone's chart after all: build it again
            pass
    chart = compute_chart(p, component)
    if key is not None:
        chart_cache.save(key, {f: np.asarray(getattr(chart, f)) for f in chart_cache.FIELDS})
    return chart


def chart_from_arrays(p: ZonePatch, a: dict) -> Chart:
    """A :class:`Chart` of patch ``p`` from its stored arrays (:data:`chart_cache.FIELDS`); the 2D tree is rebuilt."""
    faces, uv = np.asarray(a["faces"], dtype=np.int64), np.asarray(a["uv"], dtype=np.float64)
    if uv.shape != (len(p.V), 2) or (len(faces) and (faces.min() < 0 or faces.max() >= len(p.F))):
        raise ValueError("the stored chart does not fit this zone")
    return Chart(faces, uv, cKDTree(uv[p.F[faces]].mean(axis=1)), int(a["centre"]), np.asarray(a["e1"], float),
                 np.asarray(a["e2"], float), np.asarray(a["lo"], float), np.asarray(a["hi"], float),
                 int(a["component"]), float(a["stretch"]), float(a["reach"]))


def compute_chart(p: ZonePatch, component: int) -> Chart:
    """:func:`build_chart` without the chart store: flatten the part now."""
    import potpourri3d as pp3d

    part = np.flatnonzero(p.component == component)
    verts, local = np.unique(p.F[part], return_inverse=True)
    F = local.reshape(-1, 3)
    V = p.V[verts]
    depth = p.graph_distance_to_boundary()[verts]
    if np.all(np.isinf(depth)):  # closed part: centre on the vertex nearest the centroid
        centre = int(np.argmin(np.linalg.norm(V - V.mean(axis=0), axis=1)))
    else:
        centre = int(np.argmax(np.where(np.isfinite(depth), depth, -1)))
    if len(F) < 2:
        uv = np.zeros((len(V), 2))
        e1, e2 = np.eye(3)[0], np.eye(3)[1]
    elif np.isfinite(depth).any():  # a part with a border: conformal map refined as rigidly as possible
        uv = flatten(V, F, centre)
        e1, e2 = chart_frame(V, F, uv, centre)
    else:  # a closed part cannot be flattened whole: the log map around its centre
        solver = pp3d.MeshVectorHeatSolver(V, F)
        uv = np.asarray(solver.compute_log_map(centre), dtype=np.float64)
        bx, by, _ = solver.get_tangent_frames()
        e1, e2 = np.asarray(bx[centre], float), np.asarray(by[centre], float)
    tri2 = uv[F]
    signed = 0.5 * ((tri2[:, 1, 0] - tri2[:, 0, 0]) * (tri2[:, 2, 1] - tri2[:, 0, 1])
                    - (tri2[:, 2, 0] - tri2[:, 0, 0]) * (tri2[:, 1, 1] - tri2[:, 0, 1]))
    if np.sum(p.face_areas[part] * np.sign(signed)) < 0:  # the map is mirrored: flip v
        uv[:, 1] *= -1
        e2 = -e2
        signed = -signed
    ratio = signed / np.maximum(p.face_areas[part], 1e-12)
    good = (ratio > 1 / MAX_FLATTEN_STRETCH) & (ratio < MAX_FLATTEN_STRETCH)
    if not good.any():
        good[:] = True
    full_uv = np.full((len(p.V), 2), np.nan)
    full_uv[verts] = uv
    faces = part[good]
    cen2 = full_uv[p.F[faces]].mean(axis=1)
    reach = float(np.linalg.norm(full_uv[p.F[faces]] - cen2[:, None, :], axis=2).max())
    used = full_uv[np.unique(p.F[faces])]
    stretch = float(p.face_areas[faces].sum() / max(np.abs(signed[good]).sum(), 1e-12))
    return Chart(faces, full_uv, cKDTree(cen2), int(verts[centre]), e1, e2,
                 used.min(axis=0), used.max(axis=0), component, stretch, reach)


def locate(patch: ZonePatch, chart: Chart, pts2: np.ndarray, k: int = 8):
    """(local face (q,), bary (q, 3), found (q,) bool) of 2D points (q, 2) in the chart's flat triangles.

    A point farther from every flat centroid than the largest flat
    triangle's reach lies in none (most of a lattice's bounding box): only
    the others are looked up among their k nearest triangles.
    """
    k = min(k, len(chart.faces))
    face, bary = np.zeros(len(pts2), dtype=np.int64), np.zeros((len(pts2), 3))
    found = np.zeros(len(pts2), dtype=bool)
    near = np.flatnonzero(chart.tree.query(pts2, k=1)[0] <= chart.reach)
    if len(near) == 0:
        return face, bary, found
    _, cand = chart.tree.query(pts2[near], k=k)
    cand = cand.reshape(len(near), k)
    faces = chart.faces[cand]
    tri2 = chart.uv[patch.F[faces]]  # (q, k, 3, 2)
    b = barycentric_2d(pts2[near, None, :], tri2[..., 0, :], tri2[..., 1, :], tri2[..., 2, :])
    score = b.min(axis=2)
    best = np.argmax(score, axis=1)
    r = np.arange(len(near))
    found[near] = score[r, best] >= -1e-9
    b = np.clip(b[r, best], 0.0, None)
    bary[near] = b / np.where(b.sum(axis=1, keepdims=True) > 0, b.sum(axis=1, keepdims=True), 1.0)
    face[near] = faces[r, best]
    return face, bary, found


def chart_angle(patch: ZonePatch, chart: Chart, direction) -> float:
    """Angle (rad) in the chart's plane of a 3D direction at the chart's centre."""
    n = patch.N[chart.centre]
    if direction is None:
        d = np.cross([0.0, 0.0, 1.0], n)  # horizontal on the skin
        if np.linalg.norm(d) < 0.2:
            d = np.array([1.0, 0.0, 0.0])
    else:
        d = np.asarray(direction, dtype=np.float64)
        if d.shape != (3,) or not np.all(np.isfinite(d)) or not np.linalg.norm(d) > 0:
            raise ValueError("direction must be a non-zero 3D vector")
    d = d - (d @ n) * n
    if np.linalg.norm(d) < 1e-9:
        return 0.0
    return math.atan2(d @ chart.e2, d @ chart.e1)
