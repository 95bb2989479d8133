"""Operations on regions of the painting surface (sets of face ids)."""

from __future__ import annotations

import numpy as np

from mesomap.geometry.surface import PaintingSurface


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
