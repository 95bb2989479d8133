"""The layout meter itself: distances along the skin it reports are the true ones (so the layout tests can fail)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from mesomap.geometry.layout import Layout
from mesomap.geometry.layout_mesh import ZonePatch
from mesomap.geometry.quality import fill_faces, measure
from mesomap.geometry.synthetic import synthetic_surface

S = 10.0


def _layout(patch: ZonePatch, points: np.ndarray) -> Layout:
    face, bary, pos, _ = patch.project(points)
    n = len(face)
    return Layout(patch.global_faces[face], bary, pos, patch.normals(face, bary), np.arange(n), np.zeros(n, bool), 0.0)


@pytest.fixture(scope="module")
def flat():
    syn = synthetic_surface("flat")
    return ZonePatch(syn.V, syn.F, syn.zone, syn.normals)


def _hex_grid(extent: float) -> np.ndarray:
    """(n, 3) a perfect hexagonal grid of spacing S on the plane z = 0 covering ±extent mm."""
    rows = np.arange(-20, 21)
    cols = np.arange(-20, 21)
    jj, ii = np.meshgrid(rows, cols, indexing="ij")
    x = (ii + 0.5 * (jj % 2)) * S
    y = jj * S * math.sqrt(3) / 2
    pts = np.stack([x.ravel(), y.ravel(), np.zeros(x.size)], axis=1)
    return pts[np.all(np.abs(pts[:, :2]) <= extent, axis=1)]


def test_a_perfect_flat_hexagonal_grid_measures_its_textbook_numbers(flat):
    q = measure(flat, _layout(flat, _hex_grid(72.0)), S, 0.0)
    assert q.nn_min == pytest.approx(1.0, abs=1e-6) and q.nn_max == pytest.approx(1.0, abs=1e-6)
    # the farthest spot from a hexagonal grid is a triangle's circumcentre: s / √3
    assert q.hole == pytest.approx(1 / math.sqrt(3), abs=0.004)


def test_a_missing_point_is_a_hole_one_spacing_wide(flat):
    pts = _hex_grid(72.0)
    gone = np.argmin(np.linalg.norm(pts, axis=1))  # the point at the origin
    q = measure(flat, _layout(flat, np.delete(pts, gone, axis=0)), S, 0.0)
    assert q.hole == pytest.approx(1.0, abs=0.01)


def test_the_hole_on_a_sphere_is_measured_along_the_skin_not_through_it():
    """Two points at the poles of a cap: the farthest spot on the equator is a quarter great circle away."""
    syn = synthetic_surface("sphere_cap", resolution_mm=4.0)
    # the whole upper hemisphere as the zone, one point at the pole
    cen = syn.V[syn.F].mean(axis=1)
    zone = np.flatnonzero(cen[:, 2] > 0)
    patch = ZonePatch(syn.V, syn.F, zone, syn.normals)
    q = measure(patch, _layout(patch, np.array([[0.0, 0.0, 100.0]])), 200.0, 0.0, band=0.0)
    # arc from the pole to the zone's edge (z ≈ 0): π/2 · R = 157 mm, the chord would be 141 mm
    assert q.hole * 200.0 == pytest.approx(math.pi / 2 * 100.0, rel=0.01)


def test_filled_faces_keep_the_mesh_conforming_and_its_area():
    syn = synthetic_surface("flat")
    V2, F2, new = fill_faces(syn.V, syn.F, np.arange(0, len(syn.F), 7), 6)
    area = lambda V, F: 0.5 * np.linalg.norm(np.cross(V[F[:, 1]] - V[F[:, 0]], V[F[:, 2]] - V[F[:, 0]]), axis=1)  # noqa: E731
    assert area(V2, F2).sum() == pytest.approx(area(syn.V, syn.F).sum(), rel=1e-12)
    assert area(V2, F2).min() > 0
    # every edge is shared by at most two faces, the same way round as the original mesh (no flipped triangle)
    e = np.sort(F2[:, [0, 1, 1, 2, 2, 0]].reshape(-1, 2), axis=1)
    assert np.unique(e, axis=0, return_counts=True)[1].max() <= 2
    n = np.cross(V2[F2[:, 1]] - V2[F2[:, 0]], V2[F2[:, 2]] - V2[F2[:, 0]])
    assert np.all(n[:, 2] > 0)
    assert len(np.unique(new)) == len(new) == (len(syn.F) + 6) // 7 * 10
