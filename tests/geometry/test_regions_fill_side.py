"""Regions as a whole: which side of the body a region lies on, and filling the inside of a closed outline."""

from __future__ import annotations

import numpy as np
import pytest

from mesomap.geometry.regions import enclosed_faces, face_adjacency, region_side
from mesomap.geometry.synthetic import grid_mesh

N = 41  # vertices per side of a 400 × 400 mm sheet (10 mm squares, two triangles each)


@pytest.fixture(scope="module")
def sheet():
    """(centroids (m, 3) mm, areas (m,) mm², adjacency) of a flat sheet centred on x = 0."""
    uv, F = grid_mesh(N, N)
    V = np.column_stack([uv[:, 0] * 400 - 200, np.zeros(len(uv)), uv[:, 1] * 400])
    tri = V[F]
    areas = 0.5 * np.linalg.norm(np.cross(tri[:, 1] - tri[:, 0], tri[:, 2] - tri[:, 0]), axis=1)
    return tri.mean(axis=1), areas, face_adjacency(F)


def ring(centroids, centre, inner, outer):
    d = np.linalg.norm(centroids - centre, axis=1)
    return np.flatnonzero((d >= inner) & (d <= outer)), d


def test_face_adjacency_links_faces_sharing_an_edge(sheet):
    _, _, adjacency = sheet
    degree = np.asarray(adjacency.sum(axis=1)).ravel()
    assert degree.max() == 3 and degree.min() >= 1  # inner triangles have three neighbours, corners fewer
    assert (adjacency != adjacency.T).nnz == 0


def test_a_region_gets_the_side_it_lies_on(sheet):
    centroids, areas, _ = sheet
    x = centroids[:, 0]
    on_left = np.flatnonzero(x < -30)  # x < 0 is the patient's left (RAS)
    assert region_side(x[on_left], areas[on_left]) == "left"
    on_right = np.flatnonzero((x > 20) & (x < 120))
    assert region_side(x[on_right], areas[on_right]) == "right"
    across = np.flatnonzero(np.abs(x) < 100)
    assert region_side(x[across], areas[across]) == "midline"
    both = np.flatnonzero((np.abs(x) > 60) & (np.abs(x) < 150))  # two patches apart, like both thighs
    assert region_side(x[both], areas[both]) == "bilateral"
    # a left zone that only touches the midline stays left
    touching = np.flatnonzero((x < 2) & (x > -150))
    assert region_side(x[touching], areas[touching]) == "left"
    assert region_side([], []) is None


def test_fill_takes_the_inside_of_a_closed_outline(sheet):
    centroids, areas, adjacency = sheet
    centre = np.array([0.0, 0.0, 200.0])
    outline, d = ring(centroids, centre, 60, 80)
    seed = int(np.argmin(d))
    inside = enclosed_faces(adjacency, areas, outline, seed)
    assert inside is not None
    assert np.array_equal(inside, np.flatnonzero(d < 60)), "exactly the faces inside the ring"


def test_fill_refuses_an_open_outline_and_a_click_outside(sheet):
    centroids, areas, adjacency = sheet
    centre = np.array([0.0, 0.0, 200.0])
    outline, d = ring(centroids, centre, 60, 80)
    seed = int(np.argmin(d))
    opened = outline[centroids[outline, 0] < 40]  # a gap on the right of the ring
    assert enclosed_faces(adjacency, areas, opened, seed) is None
    outside = int(np.argmin(np.linalg.norm(centroids - [180.0, 0.0, 20.0], axis=1)))
    assert enclosed_faces(adjacency, areas, outline, outside) is None, "outside a closed ring is the whole sheet"
    on_outline = int(outline[0])
    assert len(enclosed_faces(adjacency, areas, outline, on_outline)) == 0
