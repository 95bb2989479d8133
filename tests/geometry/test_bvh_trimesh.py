"""The painting surface's pick hits what trimesh hits: the same first face and point, misses included.

Rays: random ones through the body's box, rays aimed exactly at corners and edge
midpoints of painting faces (grazing a shared edge or corner), rays lying in a
face's plane, axis-parallel rays and rays that pass beside the body.
"""

from __future__ import annotations

import numpy as np
import pytest
import trimesh

from mesomap.geometry.bvh import TriangleBVH
from mesomap.io.meshes import load_painting_surface


@pytest.fixture(scope="module")
def surface():
    return load_painting_surface("female")


@pytest.fixture(scope="module")
def first_hit(surface):
    """trimesh's own (numpy) ray-triangle intersector: (face, point) of the nearest hit, or None.

    trimesh is handed only the faces near the ray's line — each face whose centroid is no farther from the line
    than from the face's own farthest corner, as every face the line crosses is — so that its R-tree is built over
    a few hundred faces, not the surface's 520k (2.6 s to build, then ~80 ms a ray; 13 s for this test).
    """
    V, F = surface.mesh.vertices, surface.mesh.faces
    centroid = V[F].mean(axis=1)
    reach = np.linalg.norm(V[F] - centroid[:, None], axis=2).max(axis=1) + 1e-6  # (f,) mm
    square = np.einsum("ij,ij->i", centroid, centroid)

    def first(origin, direction):
        u = direction / np.linalg.norm(direction)
        along = centroid @ u - origin @ u
        off_line2 = square - 2 * (centroid @ origin) + origin @ origin - along * along  # |c − o|² − ((c − o)·u)²
        slack = 1e-6 * (1 + np.sqrt(square))  # the expanded square's rounding, at coordinates of ~1,500 mm
        near = np.flatnonzero(off_line2 <= (reach + slack) ** 2)
        if len(near) == 0:
            return None
        rays = trimesh.ray.ray_triangle.RayMeshIntersector(trimesh.Trimesh(V, F[near], process=False))
        sub, _, points = rays.intersects_id(np.asarray([origin], float), np.asarray([direction], float),
                                            multiple_hits=True, return_locations=True)
        faces = near[sub]
        if len(faces) == 0:
            return None
        dist = (points - origin) @ (direction / np.linalg.norm(direction))
        ahead = dist > 0
        if not ahead.any():
            return None
        best = np.argmin(np.where(ahead, dist, np.inf))
        return int(faces[best]), points[best], float(dist[best])

    return first


def rays(surface, seed=0):
    rng = np.random.default_rng(seed)
    v = surface.mesh.vertices
    lo, hi = v.min(axis=0), v.max(axis=0)
    out = []
    for _ in range(60):  # random: from outside the box toward a point inside it (many miss)
        origin = rng.uniform(lo - 400, hi + 400)
        out.append((origin, rng.uniform(lo, hi) - origin))
    faces = rng.choice(surface.n_faces, 60, replace=False)
    tri = surface.mesh.triangles[faces]
    for k, t in enumerate(tri):  # grazing: exactly through a corner or an edge's midpoint
        target = t[k % 3] if k % 2 else 0.5 * (t[k % 3] + t[(k + 1) % 3])
        origin = target + rng.normal(size=3) * 600 + np.array([0.0, 800.0 * (1 if k % 4 < 2 else -1), 0.0])
        out.append((origin, target - origin))
    for axis in range(3):  # axis-parallel through the body and beside it
        for sign in (-1.0, 1.0):
            for _ in range(4):
                origin = rng.uniform(lo, hi)
                origin[axis] = (hi[axis] + 300) if sign < 0 else (lo[axis] - 300)
                d = np.zeros(3)
                d[axis] = sign
                out.append((origin, d))
    for _ in range(10):  # beside the body: certain misses
        origin = np.array([hi[0] + 200, rng.uniform(lo[1], hi[1]), rng.uniform(lo[2], hi[2])])
        out.append((origin, np.array([0.0, 0.0, 1.0])))
    return out


def test_pick_hits_the_face_and_point_trimesh_hits(surface, first_hit):
    hits = misses = 0
    wrong = []
    for origin, d in rays(surface):
        got, want = surface.pick(origin, d), first_hit(origin, d)
        if want is None or got is None:
            misses += want is None and got is None
            if (want is None) != (got is None):
                wrong.append(("hit/miss", origin.tolist(), d.tolist(), want, got))
            continue
        hits += 1
        face, point, dist = want
        # a ray through a shared edge or corner hits several faces at the same point: any of them is right
        if not (got.face == face or abs(got.distance_mm - dist) < 1e-6) or np.abs(got.point_mm - point).max() > 1e-6:
            wrong.append(("face", origin.tolist(), d.tolist(), (face, dist), (got.face, got.distance_mm)))
    assert hits > 80 and misses > 30
    assert not wrong, wrong[:3]


def test_rays_in_a_face_plane_hit_the_nearest_face_brute_force_finds(surface):
    """Rays lying in a face's plane along one of its edges (trimesh's intersector skips such rays
    where they graze faces edge-on, so the reference here is every face tested at once)."""
    from mesomap.geometry.pick import pick_ray

    rng = np.random.default_rng(1)
    for t in surface.mesh.triangles[rng.choice(surface.n_faces, 15, replace=False)]:
        e = t[1] - t[0]
        origin, d = t[0] - 700 * e / np.linalg.norm(e), e
        got, want = surface.pick(origin, d), pick_ray(surface.mesh, origin, d)
        assert want is not None and got is not None
        assert abs(got.distance_mm - want.distance_mm) < 1e-6 and np.abs(got.point_mm - want.point_mm).max() < 1e-6


def test_a_ray_started_inside_the_body_hits_the_skin_from_within(surface, first_hit):
    """A ray from inside the trunk (the first hit is a back face, seen from inside)."""
    origin = surface.mesh.vertices.mean(axis=0) + [3.3, 0.0, 0.0]  # off the midline's shared edges
    for d in ([0.0, 1.0, 0.0], [0.0, -1.0, 0.0], [1.0, 0.2, 0.0]):
        got, want = surface.pick(origin, d), first_hit(origin, np.asarray(d))
        assert got is not None and want is not None
        assert abs(got.distance_mm - want[2]) < 1e-6 and np.abs(got.point_mm - want[1]).max() < 1e-6


def test_a_small_mesh_with_fewer_triangles_than_a_leaf():
    tri = np.array([[[0.0, 0.0, 0.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]])
    bvh = TriangleBVH(tri)
    hit = bvh.intersect([0.2, 0.2, 5.0], [0.0, 0.0, -1.0])
    assert hit is not None and hit.face == 0 and abs(hit.distance_mm - 5.0) < 1e-12
    assert np.allclose(hit.point_mm, [0.2, 0.2, 0.0]) and np.allclose(hit.barycentric, [0.6, 0.2, 0.2])
    assert bvh.intersect([2.0, 2.0, 5.0], [0.0, 0.0, -1.0]) is None


def test_a_batch_of_rays_hits_what_each_ray_hits_alone(surface):
    """A stroke's samples are picked as one batch: the same faces and points as one ray at a time (which the test
    above holds to trimesh), misses kept."""
    batch = rays(surface, seed=4)
    origins = np.array([o for o, _ in batch])
    directions = np.array([d for _, d in batch])
    many = surface.pick_many(origins, directions)
    assert len(many) == len(batch)
    hits = 0
    for (origin, d), got in zip(batch, many):
        want = surface.pick(origin, d)
        assert (got is None) == (want is None), (origin.tolist(), d.tolist())
        if got is not None:
            hits += 1
            assert got.face == want.face and got.distance_mm == want.distance_mm
            assert np.array_equal(got.point_mm, want.point_mm) and np.array_equal(got.barycentric, want.barycentric)
            assert abs(got.barycentric.sum() - 1) < 1e-12 and got.barycentric.min() >= 0
    assert hits > 60
    assert surface.pick_many(np.empty((0, 3)), np.empty((0, 3))) == []
    with pytest.raises(ValueError):
        surface.pick_many(origins[:2], np.zeros((2, 3)))
