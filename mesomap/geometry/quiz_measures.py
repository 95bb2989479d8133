"""What a quiz measures on the skin: overlap of two painted regions, distance between their borders,
and the distance along the skin between two surface points.

All lengths in mm, areas in mm². Regions are sets of painting-face ids of one surface.

* Dice overlap, area-weighted: 2·area(A ∩ B) / (area(A) + area(B)); 1 for the same faces, 0 for none shared.
* Border distance: each border (the edges only one face of the region uses) is sampled every
  :data:`BORDER_STEP_MM`; for every sample of one border the straight-line distance to the nearest
  sample of the other, both directions pooled (symmetric). Straight lines, not along the skin: borders
  a few centimetres apart on skin that curves over decimetres differ from the along-skin distance by
  well under 1 % (a 10 mm chord on a 100 mm radius is 0.04 % shorter than its arc), and sampling
  every 0.5 mm overestimates by at most 0.25 mm.
* Point distance: the shortest path along the skin (potpourri3d's edge-flip geodesics, exact
  geodesics on the triangle mesh, as :class:`mesomap.geometry.quality.GeodesicMeter` uses), measured
  on the patch of skin within reach of the two points.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

from mesomap.geometry.borders import border_edges
from mesomap.geometry.quality import GeodesicMeter
from mesomap.geometry.surface import PaintingSurface

#: Borders are sampled at least this densely (mm between samples along an edge).
BORDER_STEP_MM = 0.5


def dice_overlap(face_areas_mm2, a_faces, b_faces) -> float:
    """Area-weighted Dice overlap of two face sets (k,), (l,) given every face's area (m,) mm²; 0 when both are empty."""
    areas = np.asarray(face_areas_mm2, dtype=np.float64)
    a = np.unique(np.asarray(a_faces, dtype=np.int64))
    b = np.unique(np.asarray(b_faces, dtype=np.int64))
    total = areas[a].sum() + areas[b].sum()
    if total <= 0:
        return 0.0
    both = np.intersect1d(a, b, assume_unique=True)
    return float(2.0 * areas[both].sum() / total)


def border_samples(vertices, faces, region, step_mm: float = BORDER_STEP_MM) -> np.ndarray:
    """(s, 3) mm points along the border of ``region`` (k,) face ids of the mesh (``vertices`` (n, 3), ``faces`` (m, 3)),
    every edge cut into pieces of at most ``step_mm``; (0, 3) for an empty region or one without a border."""
    v = np.asarray(vertices, dtype=np.float64)
    edges = border_edges(np.asarray(faces)[np.asarray(region, dtype=np.int64)])
    if len(edges) == 0:
        return np.empty((0, 3))
    a, b = v[edges[:, 0]], v[edges[:, 1]]
    pieces = np.maximum(1, np.ceil(np.linalg.norm(b - a, axis=1) / step_mm).astype(np.int64))
    owner = np.repeat(np.arange(len(edges)), pieces)
    start = np.repeat(np.cumsum(pieces) - pieces, pieces)
    t = ((np.arange(len(owner)) - start) / pieces[owner])[:, None]
    return a[owner] * (1 - t) + b[owner] * t


def border_distances(vertices, faces, a_region, b_region, step_mm: float = BORDER_STEP_MM) -> np.ndarray:
    """Distances (s,) mm from every border sample of each region to the nearest border sample of the other
    (both directions, concatenated); empty when either region has no border."""
    pa = border_samples(vertices, faces, a_region, step_mm)
    pb = border_samples(vertices, faces, b_region, step_mm)
    if len(pa) == 0 or len(pb) == 0:
        return np.empty(0)
    d_ab, _ = cKDTree(pb).query(pa)
    d_ba, _ = cKDTree(pa).query(pb)
    return np.concatenate([d_ab, d_ba])


def _patch(surface: PaintingSurface, centre_mm: np.ndarray, radius_mm: float) -> np.ndarray:
    """Sorted ids of the painting faces with a corner within ``radius_mm`` of ``centre_mm`` (3,)."""
    near = np.asarray(surface.vertex_tree.query_ball_point(centre_mm, radius_mm), dtype=np.int64)
    return np.unique(surface.vertex_faces[near].indices)


def skin_distance_mm(surface: PaintingSurface, face_a: int, bary_a, face_b: int, bary_b) -> float:
    """Length (mm) of the shortest path along the skin between two surface points (face, barycentric (3,)).

    The path is found on the patch of skin within a ball around the first point, grown until the
    patch connects the two points and is wide enough to hold any path as short as the one found
    (a path of length L from a point never leaves the ball of radius L around it).
    """
    pa, _ = surface.point_on_face(int(face_a), bary_a)
    pb, _ = surface.point_on_face(int(face_b), bary_b)
    straight = float(np.linalg.norm(pb - pa))
    if int(face_a) == int(face_b):
        return straight  # one flat triangle: the straight line lies on the skin
    radius = 2.0 * straight + 2.0 * surface.max_edge_mm + 5.0
    mesh = surface.mesh
    while True:
        patch = np.union1d(_patch(surface, pa, radius), [int(face_a), int(face_b)])
        local_faces = mesh.faces[patch]
        used, inverse = np.unique(local_faces, return_inverse=True)
        F = inverse.reshape(-1, 3)
        V = mesh.vertices[used]
        where = {int(f): i for i, f in enumerate(patch)}
        fa, fb = where[int(face_a)], where[int(face_b)]
        # do the two points' faces share a connected piece of the patch?
        e = F[:, [0, 1, 1, 2, 2, 0]].reshape(-1, 2)
        graph = sparse.coo_matrix((np.ones(len(e)), (e[:, 0], e[:, 1])), shape=(len(V), len(V)))
        _, label = connected_components(graph, directed=False)
        whole = len(patch) >= surface.n_faces
        if label[F[fa, 0]] == label[F[fb, 0]]:
            meter = GeodesicMeter(V, F, np.array([fa, fb]), np.array([bary_a, bary_b], dtype=np.float64))
            length = meter.distance(0, 1)
            if length <= radius or whole:
                return length
            radius = length + 2.0 * surface.max_edge_mm
        elif whole:
            return float("inf")  # the two points lie on separate pieces of skin
        else:
            radius *= 2.0
