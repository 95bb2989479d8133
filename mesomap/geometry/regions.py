"""Operations on regions of the painting surface (sets of face ids)."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

import numpy as np

from mesomap.geometry.surface import PaintingSurface

if TYPE_CHECKING:  # scipy (≈0.3 s to import) loads when first used, not with the app's window
    from scipy import sparse


def smooth_region(surface: PaintingSurface, faces, radius_mm: float = 8.0, rounds: int = 2) -> np.ndarray:
    """Sorted faces of the region with a smoothed border (majority filter of ``radius_mm``).

    A face near the border belongs to the result when most of the skin area
    within ``radius_mm`` of its centroid (Euclidean, which is close to the
    along-skin distance at this scale) belongs to the region. Sawtooth borders
    left by coarse triangles become smooth curves; the area stays about the
    same. faces : (k,) painting face ids.
    """
    region = np.zeros(surface.n_faces, dtype=bool)
    region[np.asarray(faces, dtype=np.int64)] = True
    if not region.any():
        return np.flatnonzero(region)
    tree = surface.centroid_tree
    areas = surface.mesh.face_areas
    for _ in range(rounds):
        # Only faces within the radius of the region's border can change.
        near = np.unique(_flatten(_near_border(surface, region, radius_mm))[1])
        owner, flat = _flatten(tree.query_ball_point(surface.centroids[near], radius_mm, return_sorted=False))
        total = np.bincount(owner, weights=areas[flat], minlength=len(near))
        inner = np.bincount(owner, weights=areas[flat] * region[flat], minlength=len(near))
        share = inner / np.maximum(total, 1e-12)
        new = region.copy()
        new[near] = share >= 0.5
        if (new == region).all():
            break
        region = new
    return np.flatnonzero(region)


def _flatten(lists) -> tuple[np.ndarray, np.ndarray]:
    """(owner (n,), item (n,)) for a sequence of index lists (as cKDTree ball queries return)."""
    lens = np.fromiter((len(x) for x in lists), dtype=np.int64, count=len(lists))
    flat = np.fromiter((i for x in lists for i in x), dtype=np.int64, count=int(lens.sum()))
    return np.repeat(np.arange(len(lists)), lens), flat


def _near_border(surface: PaintingSurface, region: np.ndarray, radius_mm: float) -> list[np.ndarray]:
    """Faces within ``radius_mm`` of the region's border (for large regions)."""
    f = surface.mesh.faces
    on_vertex = np.zeros(surface.mesh.n_vertices, dtype=np.int8)
    np.add.at(on_vertex, f[region].ravel(), 1)
    touched = np.zeros(surface.mesh.n_vertices, dtype=bool)
    touched[f[~region].ravel()] = True
    border_vertices = np.flatnonzero((on_vertex > 0) & touched)
    return surface.centroid_tree.query_ball_point(surface.mesh.vertices[border_vertices], radius_mm, return_sorted=False)


#: Faces this close (mm) to the midline plane x = 0 count for neither side.
MIDLINE_BAND_MM = 5.0
#: A region is on one side when at least this share of its skin area (outside the midline band) lies there.
ONE_SIDE_SHARE = 0.9


def region_side(centroids_x, areas) -> str | None:
    """"left", "right", "midline" or "bilateral" for a region of faces, from where its skin lies.

    centroids_x : (k,) mm face-centroid x in the body frame (RAS: +x is the patient's right,
    midline x = 0); areas : (k,) mm² face areas. At least ONE_SIDE_SHARE of the area outside the
    ±MIDLINE_BAND_MM band on one side → that side; a region straddling the midline (or lying in
    the band) → "midline"; one on both sides that never reaches the band (both thighs) →
    "bilateral". None for an empty region.
    """
    x = np.asarray(centroids_x, dtype=np.float64)
    a = np.asarray(areas, dtype=np.float64)
    if len(x) == 0:
        return None
    left, right = a[x < -MIDLINE_BAND_MM].sum(), a[x > MIDLINE_BAND_MM].sum()
    total = left + right
    if total <= 0:
        return "midline"
    if left >= ONE_SIDE_SHARE * total:
        return "left"
    if right >= ONE_SIDE_SHARE * total:
        return "right"
    return "bilateral" if not (np.abs(x) <= MIDLINE_BAND_MM).any() else "midline"


def surface_side(surface: PaintingSurface, faces) -> str | None:
    """:func:`region_side` of painting faces (k,) of ``surface``."""
    f = np.asarray(faces, dtype=np.int64)
    return region_side(surface.centroids[f, 0], surface.mesh.face_areas[f])


def face_adjacency(faces) -> sparse.csr_matrix:
    """(m, m) symmetric boolean CSR: faces (m, 3) vertex ids that share an edge."""
    f = np.asarray(faces, dtype=np.int64)
    m = len(f)
    a = f.ravel()
    b = f[:, [1, 2, 0]].ravel()
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    key = lo * (int(f.max()) + 1 if m else 1) + hi
    owner = np.repeat(np.arange(m), 3)
    order = np.argsort(key, kind="stable")
    key, owner = key[order], owner[order]
    same = np.flatnonzero(key[1:] == key[:-1])  # consecutive equal edges: two faces share it
    i, j = owner[same], owner[same + 1]
    data = np.ones(2 * len(i), dtype=bool)
    from scipy import sparse

    return sparse.csr_matrix((data, (np.concatenate([i, j]), np.concatenate([j, i]))), shape=(m, m))


#: A fill that reaches more than this share of the body's skin area has escaped its outline.
ESCAPE_SHARE = 0.25


def enclosed_faces(adjacency: sparse.csr_matrix, areas, outline, seed: int,
                   escape_share: float = ESCAPE_SHARE) -> np.ndarray | None:
    """Sorted faces enclosed by ``outline`` around ``seed``: a flood fill over shared edges from the
    seed face that never enters the outline's faces.

    adjacency : (m, m) from :func:`face_adjacency`; areas : (m,) mm² face areas; outline : (k,) face
    ids (the zone); seed : a face id not in the outline. Returns None when the flood escapes —
    it reaches more than ``escape_share`` of the whole area (the outline is not closed around the
    seed, or the seed is outside it) — and an empty array when the seed is on the outline.
    """
    from scipy import sparse
    from scipy.sparse.csgraph import breadth_first_order

    m = adjacency.shape[0]
    blocked = np.zeros(m, dtype=bool)
    blocked[np.asarray(outline, dtype=np.int64)] = True
    if blocked[seed]:
        return np.empty(0, dtype=np.int64)
    edges = adjacency.tocoo()
    ok = ~blocked[edges.row] & ~blocked[edges.col]
    graph = sparse.csr_matrix((edges.data[ok], (edges.row[ok], edges.col[ok])), shape=(m, m))
    reached = breadth_first_order(graph, seed, directed=False, return_predecessors=False)
    areas = np.asarray(areas, dtype=np.float64)
    if areas[reached].sum() > escape_share * areas.sum():
        return None
    return np.sort(reached)


_ADJACENCY: "weakref.WeakKeyDictionary[PaintingSurface, sparse.csr_matrix]" = weakref.WeakKeyDictionary()


def surface_adjacency(surface: PaintingSurface) -> sparse.csr_matrix:
    """:func:`face_adjacency` of a painting surface, built once per surface."""
    adjacency = _ADJACENCY.get(surface)
    if adjacency is None:
        adjacency = _ADJACENCY[surface] = face_adjacency(surface.mesh.faces)
    return adjacency
