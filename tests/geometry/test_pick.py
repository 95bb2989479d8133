"""pick_ray: which face is under the cursor."""

from __future__ import annotations

import numpy as np
import pytest
import trimesh

from mesomap.geometry.body_mesh import BodyMesh
from mesomap.geometry.pick import pick_ray
from mesomap.io.meshes import load_bundled_body


@pytest.fixture(scope="module")
def cube() -> BodyMesh:
    box = trimesh.creation.box(extents=[1.0, 1.0, 1.0])  # [-0.5, 0.5]^3, outward winding
    return BodyMesh(box.vertices, box.faces)


@pytest.fixture(scope="module")
def stacked() -> BodyMesh:
    """Two parallel triangles, z = 0 (faces 0) and z = 1 (face 1), same footprint."""
    v = np.array(
        [[0, 0, 0], [4, 0, 0], [0, 4, 0], [0, 0, 1], [4, 0, 1], [0, 4, 1]], dtype=float
    )
    return BodyMesh(v, np.array([[0, 1, 2], [3, 4, 5]]))


@pytest.fixture(scope="module")
def female() -> BodyMesh:
    return load_bundled_body("female")


@pytest.fixture(scope="module")
def male() -> BodyMesh:
    return load_bundled_body("male")


def check_hit(mesh, hit, origin, direction):
    """Properties every hit must have, computed independently of pick_ray."""
    origin = np.asarray(origin, float)
    d = np.asarray(direction, float)
    d = d / np.linalg.norm(d)
    assert 0 <= hit.face < mesh.n_faces
    assert hit.barycentric.shape == (3,)
    assert np.all(hit.barycentric >= 0)
    assert hit.barycentric.sum() == pytest.approx(1.0, abs=1e-12)
    corners = mesh.vertices[mesh.faces[hit.face]]
    assert np.allclose(hit.barycentric @ corners, hit.point_mm, atol=1e-9)
    assert np.allclose(origin + hit.distance_mm * d, hit.point_mm, atol=1e-6)
    # the point is on the face's plane
    n = np.cross(corners[1] - corners[0], corners[2] - corners[0])
    n /= np.linalg.norm(n)
    assert abs(n @ (hit.point_mm - corners[0])) < 1e-6 * max(1.0, np.abs(corners).max())


# --------------------------------------------------------------------- synthetic meshes


def test_cube_hit_from_above_lands_on_top(cube):
    origin, d = (0.2, -0.1, 5.0), (0.0, 0.0, -3.0)  # non-unit direction on purpose
    hit = pick_ray(cube, origin, d)
    assert hit is not None
    check_hit(cube, hit, origin, d)
    assert np.allclose(hit.point_mm, [0.2, -0.1, 0.5])
    assert hit.distance_mm == pytest.approx(4.5)
    assert np.allclose(cube.face_normals[hit.face], [0, 0, 1])


@pytest.mark.parametrize(
    "origin, d, point, normal",
    [
        ((3.0, 0.1, 0.2), (-1, 0, 0), (0.5, 0.1, 0.2), (1, 0, 0)),
        ((-3.0, 0.1, 0.2), (1, 0, 0), (-0.5, 0.1, 0.2), (-1, 0, 0)),
        ((0.1, 3.0, -0.2), (0, -1, 0), (0.1, 0.5, -0.2), (0, 1, 0)),
        ((0.1, -0.3, -9.0), (0, 0, 1), (0.1, -0.3, -0.5), (0, 0, -1)),
    ],
)
def test_cube_hits_the_nearest_face_from_every_side(cube, origin, d, point, normal):
    hit = pick_ray(cube, origin, d)
    assert hit is not None
    check_hit(cube, hit, origin, d)
    assert np.allclose(hit.point_mm, point)
    assert np.allclose(cube.face_normals[hit.face], normal)


def test_cube_from_inside_hits_the_wall_ahead(cube):
    hit = pick_ray(cube, (0.1, 0.1, 0.1), (1, 0, 0))
    assert hit is not None
    assert np.allclose(hit.point_mm, [0.5, 0.1, 0.1])
    assert hit.distance_mm == pytest.approx(0.4)


def test_ray_through_shared_diagonal_still_hits(cube):
    """(0, 0) on the top face is on the diagonal two triangles share."""
    hit = pick_ray(cube, (0.0, 0.0, 2.0), (0, 0, -1))
    assert hit is not None
    check_hit(cube, hit, (0.0, 0.0, 2.0), (0, 0, -1))
    assert np.allclose(hit.point_mm, [0, 0, 0.5])


@pytest.mark.parametrize(
    "origin, d",
    [
        ((2.0, 2.0, 5.0), (0, 0, -1)),  # beside the cube
        ((0.0, 0.0, 5.0), (0, 0, 1)),  # pointing away
        ((0.0, 0.0, 5.0), (1, 0, 0)),  # passing above
        ((0.0, 0.7, 0.0), (1, 0, 0)),  # parallel to a face, just outside it
    ],
)
def test_cube_misses_return_none(cube, origin, d):
    assert pick_ray(cube, origin, d) is None


def test_stacked_triangles_nearest_wins(stacked):
    origin = (1.0, 1.0, 5.0)
    hit = pick_ray(stacked, origin, (0, 0, -1))
    assert hit is not None and hit.face == 1
    check_hit(stacked, hit, origin, (0, 0, -1))
    assert hit.distance_mm == pytest.approx(4.0)
    below = pick_ray(stacked, (1.0, 1.0, -5.0), (0, 0, 1))
    assert below is not None and below.face == 0
    assert below.distance_mm == pytest.approx(5.0)
    between = pick_ray(stacked, (1.0, 1.0, 0.5), (0, 0, -1))
    assert between is not None and between.face == 0
    assert between.distance_mm == pytest.approx(0.5)


def test_stacked_triangles_barycentric_reconstructs_point(stacked):
    origin, d = (0.5, 2.5, 3.0), (0.1, -0.2, -1.0)
    hit = pick_ray(stacked, origin, d)
    assert hit is not None and hit.face == 1
    check_hit(stacked, hit, origin, d)
    # point on z = 1 plane along the ray: t = 2 in units of d
    expected = np.array(origin) + 2.0 * np.array(d)
    assert np.allclose(hit.point_mm, expected)
    # barycentric of (x, y) in the triangle (0,0), (4,0), (0,4)
    x, y = expected[:2]
    assert np.allclose(hit.barycentric, [1 - x / 4 - y / 4, x / 4, y / 4])


def test_stacked_triangles_miss_outside_footprint(stacked):
    assert pick_ray(stacked, (3.0, 3.0, 5.0), (0, 0, -1)) is None  # beyond the hypotenuse
    assert pick_ray(stacked, (-0.1, 1.0, 5.0), (0, 0, -1)) is None


@pytest.mark.parametrize(
    "d",
    [(0, 0, 0), (np.nan, 0, -1), (0, np.inf, 0), (np.nan, np.nan, np.nan)],
)
def test_bad_direction_raises(cube, d):
    with pytest.raises(ValueError):
        pick_ray(cube, (0, 0, 5), d)


# --------------------------------------------------------------------- bundled body


def _navel_hits(body):
    z = 0.6 * body.height_mm
    front_o, back_o = (0.0, 3000.0, z), (0.0, -3000.0, z)
    front = pick_ray(body, front_o, (0, -1, 0))
    back = pick_ray(body, back_o, (0, 1, 0))
    return front_o, front, back_o, back


def _plane_distance(body, hit):
    corners = body.vertices[body.faces[hit.face]]
    n = body.face_normals[hit.face]
    return abs(n @ (hit.point_mm - corners[0]))


def test_female_navel_ray_from_front_hits_belly(female):
    front_o, front, back_o, back = _navel_hits(female)
    assert front is not None and back is not None
    check_hit(female, front, front_o, (0, -1, 0))
    check_hit(female, back, back_o, (0, 1, 0))
    assert _plane_distance(female, front) < 0.01
    assert _plane_distance(female, back) < 0.01
    assert front.point_mm[1] > 0, "front skin at the navel should be ahead of the body centre"
    assert back.point_mm[1] < front.point_mm[1]
    assert back.point_mm[1] < 0


@pytest.mark.parametrize("name", ["female", "male"])
def test_navel_rays_hit_outward_facing_skin(name, female, male):
    body = {"female": female, "male": male}[name]
    front_o, front, back_o, back = _navel_hits(body)
    assert front is not None and back is not None
    # first surface seen from outside faces the viewer
    assert body.face_normals[front.face][1] > 0.5
    assert body.face_normals[back.face][1] < -0.5
    depth = front.point_mm[1] - back.point_mm[1]
    assert 120 < depth < 450, f"abdomen depth {depth:.0f} mm"
    # nothing of the body is in front of the front hit along that line
    v = body.vertices
    near_line = (np.abs(v[:, 0]) < 5) & (np.abs(v[:, 2] - front.point_mm[2]) < 5)
    assert v[near_line, 1].max() <= front.point_mm[1] + 10
    assert front.distance_mm == pytest.approx(3000.0 - front.point_mm[1])


def test_ray_beside_the_body_misses(female):
    lo, hi = female.bounds_mm
    assert pick_ray(female, (hi[0] + 50, 3000.0, 900.0), (0, -1, 0)) is None
    assert pick_ray(female, (0.0, 0.0, hi[2] + 100), (0, 0, 1)) is None
