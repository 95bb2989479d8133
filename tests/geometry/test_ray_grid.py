"""The pick index's grid: every cell a triangle crosses lists it, empty cells jump only over empty
space, and a pick through any grid — cells far smaller or far larger than the triangles — finds
what testing every triangle finds (rays along the grid's own planes, from inside, through corners)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from mesomap.geometry.body_mesh import BodyMesh
from mesomap.geometry.bvh import TriangleBVH
from mesomap.geometry.pick import pick_ray
from mesomap.geometry.ray_grid import MAX_SKIP, skip_distances, triangle_cells
from mesomap.io.meshes import load_bundled_body


@pytest.fixture(scope="module")
def body() -> BodyMesh:
    return load_bundled_body("female")  # 27k triangles up to ~50 mm: brute force stays affordable


def test_every_cell_a_triangle_passes_through_lists_it():
    rng = np.random.default_rng(0)
    tri = np.concatenate([rng.uniform(0, 30, (200, 1, 3)) + rng.normal(scale=s, size=(200, 3, 3))
                          for s in (0.3, 3.0, 12.0)])  # smaller than, like, and larger than a cell
    tri[0] = [[1.0, 1.0, 1.0], [5.0, 5.0, 5.0], [9.0, 9.0, 9.0]]  # degenerate: a segment
    lo, cell, shape = np.array([-40.0, -40.0, -40.0]), 4.0, (28, 28, 28)
    owner, flat = triangle_cells(tri, lo, cell, shape)
    listed = set(zip(owner.tolist(), flat.tolist()))
    w = rng.dirichlet([1.0, 1.0, 1.0], size=400)
    w[:3] = np.eye(3)  # the corners themselves
    for f, t in enumerate(tri):
        ijk = np.floor((w @ t - lo) / cell).astype(int)
        for i, j, k in ijk:
            assert (f, (i * shape[1] + j) * shape[2] + k) in listed, (f, i, j, k)
    assert len(listed) < 0.5 * len(tri) * 28**3  # and not every cell for every triangle


def test_an_empty_cell_jumps_only_over_empty_cells():
    rng = np.random.default_rng(1)
    listed = rng.random((9, 7, 5)) < 0.04
    skip = np.frombuffer(skip_distances(listed), dtype=np.uint8).reshape(listed.shape)
    full = np.argwhere(listed)
    for c in itertools.product(*map(range, listed.shape)):
        want = np.abs(full - c).max(axis=1).min()  # chessboard distance to the nearest listed cell
        assert skip[c] == min(want, MAX_SKIP)
    assert set(np.frombuffer(skip_distances(np.zeros((3, 3, 3), bool)), dtype=np.uint8)) == {MAX_SKIP}


def rays(mesh: BodyMesh, grid: TriangleBVH, seed: int):
    """From outside towards the body, from inside it, through corners, along the grid's planes
    and with zero direction components."""
    rng = np.random.default_rng(seed)
    lo, hi = mesh.bounds_mm
    out = []
    for _ in range(40):
        origin = rng.uniform(lo - 500, hi + 500)
        out.append((origin, rng.uniform(lo, hi) - origin))
    for _ in range(20):  # inside the body's box, any direction
        out.append((rng.uniform(lo, hi), rng.normal(size=3)))
    for v in mesh.vertices[rng.choice(mesh.n_vertices, 20, replace=False)]:  # through a corner
        origin = v + rng.normal(size=3) * 400
        out.append((origin, v - origin))
    for k in range(24):  # axis-parallel, on a grid plane (a cell face) of the other axes
        axis = k % 3
        origin = rng.uniform(lo, hi)
        for other in {0, 1, 2} - {axis}:
            origin[other] = grid.lo[other] + grid.cell_mm * rng.integers(0, grid.shape[other] + 1)
        origin[axis] = hi[axis] + 100 if k % 2 else lo[axis] - 100
        d = np.zeros(3)
        d[axis] = -1.0 if k % 2 else 1.0
        out.append((origin, d))
    for _ in range(12):  # one zero component, slanted in the two others
        d = rng.normal(size=3)
        d[rng.integers(3)] = 0.0
        out.append((rng.uniform(lo, hi), d))
    return out


@pytest.mark.parametrize("cell_mm", [2.5, None, 700.0])
def test_a_pick_through_any_grid_hits_what_testing_every_face_hits(body, cell_mm):
    grid = TriangleBVH(body.triangles, cell_mm=cell_mm)
    hits = 0
    for origin, d in rays(body, grid, seed=int(cell_mm or 0)):
        got, want = grid.intersect(origin, d), pick_ray(body, origin, d)
        assert (got is None) == (want is None), (origin.tolist(), d.tolist())
        if want is None:
            continue
        hits += 1
        assert got.face == want.face or abs(got.distance_mm - want.distance_mm) < 1e-9
        assert abs(got.distance_mm - want.distance_mm) < 1e-9
        assert np.abs(got.point_mm - want.point_mm).max() < 1e-9
    assert hits > 40


def test_faces_met_at_one_point_give_the_lowest_face_in_a_batch_and_alone():
    """A flat square of 2 × 8 × 8 triangles, rays straight down through its grid points: every
    face around the point is hit at exactly the same distance; the pick names the lowest of them."""
    n = 8
    xy = np.stack(np.meshgrid(np.arange(n + 1.0), np.arange(n + 1.0), indexing="ij"), -1).reshape(-1, 2)
    vertices = np.c_[xy, np.zeros(len(xy))]
    q = (np.arange(n)[:, None] * (n + 1) + np.arange(n)[None, :]).ravel()
    faces = np.concatenate([np.c_[q, q + n + 1, q + 1], np.c_[q + 1, q + n + 1, q + n + 2]])
    faces = faces[np.random.default_rng(2).permutation(len(faces))]  # face ids unrelated to position
    grid = TriangleBVH(vertices[faces])
    origins = np.c_[xy, np.full(len(xy), 10.0)]
    down = np.tile([0.0, 0.0, -1.0], (len(xy), 1))
    batch = grid.intersect_many(origins, down)
    for p, origin, hit in zip(xy, origins, batch):
        around = [f for f, corners in enumerate(faces) if any((vertices[c, :2] == p).all() for c in corners)]
        alone = grid.intersect(origin, down[0])
        assert hit.face == alone.face == min(around)
        assert hit.distance_mm == alone.distance_mm == 10.0
