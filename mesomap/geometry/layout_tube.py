"""Grids that wrap around a tube-like zone (wrist, ankle, elbow: an annulus of skin).

A flat chart of a band around a limb (the conformal map of an annulus) is
badly stretched, and a plane lattice laid over it never closes around the
limb: its rows meet themselves out of step. Here the band is cut open along
a seam (a shortest edge path from one border loop to the other) and the
cut surface flattened like any zone (conformal + as rigid as possible,
:func:`mesomap.geometry.layout_chart.flatten`); limbs are nearly
developable, so that is close to isometric. The two sides of the seam land
one period vector apart in the chart, and the lattice is laid with that
vector as a lattice vector — a whole number of steps around the limb, each
within a few per cent of the spacing — so it closes around the limb with
no seam at all.

Lengths in mm; local vertex/face ids of a :class:`~mesomap.geometry.layout_mesh.ZonePatch`.
"""

from __future__ import annotations

import math

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

from mesomap.geometry.borders import fans_around
from mesomap.geometry.layout_mesh import ZonePatch, border_edges, point_segment_distance

#: The step around a tube is |period| / n, n the whole number below |period| / s if that makes it at most this much
#: longer than the spacing (else the nearest).
TUBE_STEP_SLACK = 0.05
#: A border loop shorter than this fraction of the longest is a pinhole, not one of a tube's two ends.
MIN_LOOP_SHARE = 0.2
#: A band around a limb faces every way around it: the length of its area-weighted mean unit normal is near 0
#: (0.07–0.17 for the wrists, ankles and elbows of both bodies). A ring whose mean normal is longer than this lies on
#: one side of the body (around the mouth: 0.83; a flat ring: 1) and is laid out in a chart of its own: cut open,
#: it would unroll to a sector whose two sides are a rotation, not a translation, apart (no period to lay a lattice on).
MAX_TUBE_FACING = 0.5


def tube_loops(patch: ZonePatch, component: int) -> tuple[np.ndarray, np.ndarray] | None:
    """The two border loops (local vertex ids) of connected part ``component`` if it is a tube (an annulus), else None.

    A tube has Euler characteristic 0 and exactly two border loops, and faces every way around (MAX_TUBE_FACING).
    """
    mine = patch.component == component
    facing = (patch.face_normals[mine] * patch.face_areas[mine, None]).sum(axis=0) / max(patch.face_areas[mine].sum(),
                                                                                       1e-12)
    if np.linalg.norm(facing) > MAX_TUBE_FACING:
        return None
    F = patch.F[mine]
    pairs = np.sort(F[:, [0, 1, 1, 2, 2, 0]].reshape(-1, 2), axis=1)
    n_edges = len(np.unique(pairs[:, 0] * np.int64(len(patch.V)) + pairs[:, 1]))  # one number per edge
    if len(np.unique(F)) - n_edges + len(F) != 0:
        return None
    b = border_edges(F)
    n = len(patch.V)
    _, label = connected_components(sparse.coo_matrix((np.ones(len(b)), (b[:, 0], b[:, 1])), shape=(n, n)),
                                    directed=False)
    used = np.unique(b)
    loops = [used[label[used] == k] for k in np.unique(label[used])]
    if len(loops) != 2 or min(map(len, loops)) < MIN_LOOP_SHARE * max(map(len, loops)):
        return None
    return loops[0], loops[1]


def loop_distances(patch: ZonePatch, loops) -> tuple[np.ndarray, np.ndarray]:
    """(dA (nv,), dB (nv,)) straight-line distance (mm) from every patch vertex to each border loop's edges.

    Straight-line, like the layout's margin (:meth:`ZonePatch.boundary_distance`), so a ring at dA = margin
    lies on the margin line.
    """
    out = []
    e = patch.boundary_edges
    for loop in loops:
        mine = e[np.isin(e[:, 0], loop)]
        a, b = patch.V[mine[:, 0]], patch.V[mine[:, 1]]
        mid = cKDTree(0.5 * (a + b))
        k = min(8, len(mine))
        _, idx = mid.query(patch.V, k=k)
        idx = idx.reshape(len(patch.V), k)
        out.append(point_segment_distance(patch.V[:, None, :], a[idx], b[idx]).min(axis=1))
    return out[0], out[1]


# ---- the tube unrolled: a periodic chart ---------------------------------------------------------

def seam_path(patch: ZonePatch, component: int, loops) -> np.ndarray:
    """(q,) local vertex ids of a shortest edge path from the first loop to the second, through the part."""
    from scipy.sparse.csgraph import dijkstra

    F = patch.F[patch.component == component]
    e = np.unique(np.sort(F[:, [0, 1, 1, 2, 2, 0]].reshape(-1, 2), axis=1), axis=0)
    w = np.linalg.norm(patch.V[e[:, 0]] - patch.V[e[:, 1]], axis=1)
    n = len(patch.V)
    g = sparse.coo_matrix((np.concatenate([w, w]), (np.concatenate([e[:, 0], e[:, 1]]),
                                                     np.concatenate([e[:, 1], e[:, 0]]))), shape=(n, n)).tocsr()
    dist, pred, source = dijkstra(g, indices=np.asarray(loops[0]), min_only=True, return_predecessors=True)
    end = int(loops[1][np.argmin(dist[loops[1]])])
    path = [end]
    while pred[path[-1]] >= 0:
        path.append(int(pred[path[-1]]))
    return np.array(path[::-1], dtype=np.int64)


def cut_open(F: np.ndarray, n_vertices: int, path: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Faces F (k, 3) with the surface cut along ``path`` (q,) vertex ids (border to border).

    Each path vertex keeps the faces on one side; those on the other get a
    new vertex (ids n_vertices, n_vertices + 1, ...). Returns (F2 (k, 3),
    copy (q,) the new id of each path vertex, or the vertex itself where the path
    does not split its fan).
    """
    F2 = F.copy()
    cut = {(min(a, b), max(a, b)) for a, b in zip(path[:-1].tolist(), path[1:].tolist())}
    copy = path.copy()
    nxt = n_vertices
    for i, v in enumerate(path.tolist()):
        fans = fans_around(F, v, cut)
        if len(fans) != 2:
            continue
        # the left side of the path (the face with the directed path edge in its winding) gets the new vertex
        a, b = (path[i], path[i + 1]) if i + 1 < len(path) else (path[i - 1], path[i])
        left = [k for k, fan in enumerate(fans)
                if any(F[f, c] == a and F[f, (c + 1) % 3] == b for f in fan.tolist() for c in range(3))]
        if not left:
            continue
        rows = fans[left[0]]
        F2[rows] = np.where(F[rows] == v, nxt, F2[rows])
        copy[i] = nxt
        nxt += 1
    return F2, copy


def tube_chart(patch: ZonePatch, component: int, loops):
    """:func:`compute_tube_chart`, read from the chart store when one is installed and holds it
    (:mod:`mesomap.geometry.chart_cache`, under a "tube" key of the patch's exact vertices and faces,
    the part, the code and :data:`TUBE_SETTINGS`), else computed and stored: the same arrays, so the
    same layout to the last bit. A damaged or foreign entry is computed again.
    """
    from mesomap.geometry import chart_cache

    key = None
    if chart_cache.store() is not None:
        key = chart_cache.chart_key(patch.V, patch.F, component, ("tube",) + tube_settings())
        stored = chart_cache.load(key, TUBE_FIELDS)
        if stored is not None:
            try:
                return tube_chart_from_arrays(patch, stored)
            except (ValueError, TypeError, IndexError):  # not this zone's chart after all: build it again
                pass
    chart, corners, period = compute_tube_chart(patch, component, loops)
    if key is not None:
        arrays = {f: np.asarray(getattr(chart, f)) for f in chart_cache.FIELDS}
        chart_cache.save(key, {**arrays, "corners": corners, "period": np.asarray(period, dtype=np.float64)})
    return chart, corners, period


#: Arrays a stored tube chart is made of: the chart's, its faces' corners and the period.
TUBE_FIELDS = ("faces", "uv", "centre", "e1", "e2", "lo", "hi", "component", "stretch", "reach", "corners", "period")


def tube_settings() -> tuple:
    """The constants a tube chart is computed with, as they are at run time (part of its store key)."""
    from mesomap.geometry import layout_chart as lc

    return (MIN_LOOP_SHARE, lc.ARAP_ITERATIONS, lc.MAX_FLATTEN_STRETCH, lc.COT_RANGE)


def tube_chart_from_arrays(patch: ZonePatch, a: dict):
    """(chart, corners (k, 3), period (2,) mm) of :func:`compute_tube_chart` from its stored arrays; the 2D tree
    is rebuilt. Raises ValueError when they do not fit ``patch``."""
    from mesomap.geometry.layout_chart import Chart

    faces, uv = np.asarray(a["faces"], dtype=np.int64), np.asarray(a["uv"], dtype=np.float64)
    corners, period = np.asarray(a["corners"], dtype=np.int64), np.asarray(a["period"], dtype=np.float64)
    if (uv.ndim != 2 or uv.shape[1] != 2 or len(uv) < len(patch.V) or corners.shape != patch.F.shape
            or period.shape != (2,) or (corners.size and (corners.min() < 0 or corners.max() >= len(uv)))
            or (len(faces) and (faces.min() < 0 or faces.max() >= len(patch.F)))):
        raise ValueError("the stored tube chart does not fit this zone")
    chart = Chart(faces, uv, cKDTree(uv[corners[faces]].mean(axis=1)), int(a["centre"]), np.asarray(a["e1"], float),
                  np.asarray(a["e2"], float), np.asarray(a["lo"], float), np.asarray(a["hi"], float),
                  int(a["component"]), float(a["stretch"]), float(a["reach"]))
    return chart, corners, period


def compute_tube_chart(patch: ZonePatch, component: int, loops):
    """The tube-like part ``component`` cut open along a seam and flattened (conformal + as rigid as possible).

    Returns (chart: a :class:`~mesomap.geometry.layout_chart.Chart` whose uv
    rows are the cut surface's vertices, corners (k, 3): every patch face's
    corners as rows of chart.uv (the part's faces cut open), period (2,) mm:
    the chart vector from one side of the seam to the other — going once
    around the limb). A lattice with period as a lattice vector closes
    around the limb without a seam.
    """
    from mesomap.geometry.layout_chart import MAX_FLATTEN_STRETCH, Chart, flatten

    part = np.flatnonzero(patch.component == component)
    path = seam_path(patch, component, loops)
    cut_faces, copy = cut_open(patch.F[part], len(patch.V), path)
    n_ext = max(int(cut_faces.max()) + 1, len(patch.V))
    v_ext = np.concatenate([patch.V, np.zeros((n_ext - len(patch.V), 3))])
    split = copy != path
    v_ext[copy[split]] = patch.V[path[split]]
    verts, local = np.unique(cut_faces, return_inverse=True)
    F = local.reshape(-1, 3)
    da, db = loop_distances(patch, loops)
    depth = np.minimum(da, db)[np.minimum(verts, len(patch.V) - 1)]
    uv = flatten(v_ext[verts], F, int(np.argmax(depth)))
    tri2 = uv[F]
    signed = 0.5 * ((tri2[:, 1, 0] - tri2[:, 0, 0]) * (tri2[:, 2, 1] - tri2[:, 0, 1])
                    - (tri2[:, 2, 0] - tri2[:, 0, 0]) * (tri2[:, 1, 1] - tri2[:, 0, 1]))
    if np.sum(patch.face_areas[part] * np.sign(signed)) < 0:  # mirrored: flip v
        uv[:, 1] *= -1
        signed = -signed
    full = np.full((n_ext, 2), np.nan)
    full[verts] = uv
    period = (full[copy[split]] - full[path[split]]).mean(axis=0) if split.any() else np.zeros(2)
    ratio = signed / np.maximum(patch.face_areas[part], 1e-12)
    good = (ratio > 1 / MAX_FLATTEN_STRETCH) & (ratio < MAX_FLATTEN_STRETCH)
    corners = patch.F.copy()
    corners[part] = cut_faces
    faces = part[good]
    cen2 = full[corners[faces]].mean(axis=1)
    reach = float(np.linalg.norm(full[corners[faces]] - cen2[:, None, :], axis=2).max())
    used = full[np.unique(corners[faces])]
    stretch = float(patch.face_areas[faces].sum() / max(np.abs(signed[good]).sum(), 1e-12))
    chart = Chart(faces, full, cKDTree(cen2), int(path[0]), np.eye(3)[0], np.eye(3)[1], used.min(axis=0),
                  used.max(axis=0), component, stretch, reach)
    return chart, corners, period


def tube_lattice(pattern: str, s: float, row_spacing: float | None, period: np.ndarray, lo, hi, shift=(0.0, 0.0)):
    """The pattern's plane lattice with ``period`` (2,) mm as a lattice vector: n = round(|period| / s) steps
    along it (each of |period| / n mm), so it closes around the limb; covering the box [lo, hi].

    Square: s between the rings; rows: ``row_spacing``; hexagonal: rows of the
    adjusted step, staggered. shift: as :func:`~mesomap.geometry.layout_lattice.plane_lattice`'s.
    """
    from mesomap.geometry.layout_lattice import plane_lattice

    length = float(np.linalg.norm(period))
    n = max(1, int(length // s))  # the step a hair long rather than short (the skin's way round is a little shorter)
    if length / n > (1 + TUBE_STEP_SLACK) * s:
        n = max(1, int(round(length / s)))
    a = length / n if length > 0 else s
    angle = math.atan2(period[1], period[0])
    if pattern == "hexagonal":
        return plane_lattice("hexagonal", a, None, angle, lo, hi, shift)
    return plane_lattice("rows", a, row_spacing if (pattern == "rows" and row_spacing) else s, angle, lo, hi, shift)
