"""Refinement to the painting resolution, the bundled painting surface, and BVH picking on it.

Refinement must not move the surface (zones painted on it sit on the real
body), must keep it closed, and must be reproducible (face ids in saved plans
depend on it). The BVH must pick exactly what a brute-force test of every
triangle picks.
"""

from __future__ import annotations

import numpy as np
import pytest
import trimesh

from mesomap.geometry.body_mesh import BodyMesh
from mesomap.geometry.bvh import TriangleBVH
from mesomap.geometry.pick import nearest_hit, pick_ray, unit_ray
from mesomap.geometry.refine import (
    face_mirror,
    refine_to_edge_length,
    refined_vertex_mirror,
    refined_vertices,
)
from mesomap.io.meshes import load_painting_surface


def max_edge(mesh: BodyMesh) -> float:
    e = mesh.edges
    return float(np.linalg.norm(mesh.vertices[e[:, 0]] - mesh.vertices[e[:, 1]], axis=1).max())


def refine(vertices, faces, limit):
    r = refine_to_edge_length([vertices], faces, limit)
    return r, BodyMesh(refined_vertices(vertices, r.midpoint_of), r.faces)


def check_inside_parents(fine_vertices, fine_faces, parent_face, coarse_vertices, coarse_faces, tol=1e-6):
    """Every fine face's centroid lies in its parent's plane and inside the parent triangle."""
    c = fine_vertices[fine_faces].mean(axis=1)
    tri = coarse_vertices[coarse_faces[parent_face]]
    a, b, d = tri[:, 0], tri[:, 1], tri[:, 2]
    e1, e2 = b - a, d - a
    n = np.cross(e1, e2)
    n /= np.linalg.norm(n, axis=1, keepdims=True)
    off_plane = np.abs(np.einsum("ij,ij->i", c - a, n))
    scale = np.abs(coarse_vertices).max()
    assert off_plane.max() < tol * max(1.0, scale)
    # barycentric coordinates of the centroid in the parent
    w = c - a
    d00, d01, d11 = (np.einsum("ij,ij->i", e1, e1), np.einsum("ij,ij->i", e1, e2), np.einsum("ij,ij->i", e2, e2))
    d20, d21 = np.einsum("ij,ij->i", w, e1), np.einsum("ij,ij->i", w, e2)
    den = d00 * d11 - d01 * d01
    v = (d11 * d20 - d01 * d21) / den
    u = (d00 * d21 - d01 * d20) / den
    assert (v >= -1e-9).all() and (u >= -1e-9).all() and (u + v <= 1 + 1e-9).all()
    # and the fine faces of each parent tile it exactly: their areas add up to the parent's area
    fine_area = 0.5 * np.linalg.norm(np.cross(*(fine_vertices[fine_faces][:, k] - fine_vertices[fine_faces][:, 0]
                                                 for k in (1, 2))), axis=1)
    per_parent = np.bincount(parent_face, weights=fine_area, minlength=len(coarse_faces))
    coarse_area = 0.5 * np.linalg.norm(np.cross(e1, e2), axis=1)
    coarse_area_all = np.zeros(len(coarse_faces))
    coarse_area_all[parent_face] = coarse_area
    assert np.allclose(per_parent, coarse_area_all, rtol=1e-9, atol=1e-9)


# ------------------------------------------------------------------ synthetic meshes


@pytest.fixture(scope="module", params=["thin box", "icosphere", "tall box"])
def synthetic(request):
    if request.param == "thin box":
        m = trimesh.creation.box(extents=[120.0, 8.0, 3.0])
        return m.vertices, m.faces, 4.0
    if request.param == "icosphere":
        m = trimesh.creation.icosphere(subdivisions=1, radius=60.0)
        return m.vertices * [1.0, 0.6, 1.4], m.faces, 7.5
    m = trimesh.creation.box(extents=[40.0, 20.0, 90.0])
    return m.vertices, m.faces, 5.0


def test_refined_mesh_has_no_edge_longer_than_the_limit(synthetic):
    v, f, limit = synthetic
    coarse = BodyMesh(v, f)
    assert max_edge(coarse) > 2 * limit  # there was work to do
    r, fine = refine(v, f, limit)
    assert max_edge(fine) <= limit
    assert fine.n_faces > 4 * coarse.n_faces


def test_refined_mesh_stays_closed_with_the_same_area_and_volume(synthetic):
    v, f, limit = synthetic
    coarse = BodyMesh(v, f)
    _, fine = refine(v, f, limit)
    assert coarse.is_watertight and fine.is_watertight
    assert fine.surface_area_mm2 == pytest.approx(coarse.surface_area_mm2, rel=1e-9)
    assert fine.volume_mm3 == pytest.approx(coarse.volume_mm3, rel=1e-9)
    tm = trimesh.Trimesh(np.array(fine.vertices), np.array(fine.faces), process=False)
    assert tm.is_watertight and tm.is_winding_consistent


def test_refinement_is_deterministic(synthetic):
    v, f, limit = synthetic
    a = refine_to_edge_length([v], f, limit)
    b = refine_to_edge_length([np.array(v)], np.array(f), limit)
    assert np.array_equal(a.faces, b.faces)
    assert np.array_equal(a.parent_face, b.parent_face)
    assert np.array_equal(a.midpoint_of, b.midpoint_of)


def test_every_fine_face_lies_inside_its_parent(synthetic):
    v, f, limit = synthetic
    r, fine = refine(v, f, limit)
    assert r.parent_face.shape == (fine.n_faces,)
    assert set(np.unique(r.parent_face)) == set(range(len(f)))
    check_inside_parents(fine.vertices, fine.faces, r.parent_face, np.asarray(v, float), np.asarray(f))


def test_new_vertices_are_midpoints_of_earlier_vertices(synthetic):
    v, f, limit = synthetic
    r, fine = refine(v, f, limit)
    n = len(v)
    rows = r.midpoint_of
    assert (rows < n + np.arange(len(rows))[:, None]).all()  # only earlier vertices
    assert np.allclose(fine.vertices[n:], 0.5 * (fine.vertices[rows[:, 0]] + fine.vertices[rows[:, 1]]))


def test_a_mesh_already_fine_enough_is_unchanged():
    m = trimesh.creation.box(extents=[3.0, 3.0, 3.0])
    r = refine_to_edge_length([m.vertices], m.faces, 10.0)
    assert np.array_equal(r.faces, m.faces)
    assert np.array_equal(r.parent_face, np.arange(len(m.faces)))
    assert len(r.midpoint_of) == 0


def test_an_edge_too_long_on_any_body_is_split_for_all():
    m = trimesh.creation.box(extents=[20.0, 20.0, 20.0])
    stretched = m.vertices * [1.0, 1.0, 4.0]  # the "tall" body sharing the topology
    r = refine_to_edge_length([m.vertices, stretched], m.faces, 6.0)
    for verts in (m.vertices, stretched):
        mesh = BodyMesh(refined_vertices(verts, r.midpoint_of), r.faces)
        assert max_edge(mesh) <= 6.0 and mesh.is_watertight


def test_a_symmetric_mesh_refines_symmetrically():
    """A left/right symmetric mesh (an ellipsoidal icosphere) stays symmetric: mirrored zones stay valid."""
    m = trimesh.creation.icosphere(subdivisions=1, radius=60.0)
    v = m.vertices * [1.0, 0.6, 1.4]
    mirror = np.array([int(np.flatnonzero(np.all(np.isclose(v, p * [-1, 1, 1], atol=1e-9), axis=1))[0]) for p in v])
    assert (face_mirror(np.asarray(m.faces), mirror) >= 0).all()  # the input is symmetric
    r = refine_to_edge_length([v], m.faces, 7.5)
    vm = refined_vertex_mirror(mirror, r.midpoint_of)
    fine_v = refined_vertices(v, r.midpoint_of)
    assert np.abs(fine_v[vm] - fine_v * [-1, 1, 1]).max() < 1e-9
    fm = face_mirror(r.faces, vm)
    assert (fm >= 0).all() and np.array_equal(fm[fm], np.arange(len(fm)))


@pytest.mark.parametrize("limit", [0.0, -1.0, float("nan")])
def test_a_non_positive_limit_is_refused(limit):
    m = trimesh.creation.box()
    with pytest.raises(ValueError):
        refine_to_edge_length([m.vertices], m.faces, limit)


# ------------------------------------------------------------------ the bundled painting surface


@pytest.fixture(scope="module")
def surface():
    return load_painting_surface("female")


def test_painting_surface_edges_are_at_most_5_mm(surface):
    assert surface.n_faces > 500_000
    assert max_edge(surface.mesh) <= 5.0


def test_painting_surface_is_closed_and_is_the_body_surface(surface):
    assert surface.mesh.is_watertight
    assert surface.mesh.surface_area_mm2 == pytest.approx(surface.coarse.surface_area_mm2, rel=1e-9)
    assert surface.mesh.volume_mm3 == pytest.approx(surface.coarse.volume_mm3, rel=1e-9)
    assert surface.mesh.height_mm == pytest.approx(1590, abs=5)
    assert np.array_equal(surface.mesh.bounds_mm, surface.coarse.bounds_mm)


def test_painting_faces_lie_inside_their_coarse_parents(surface):
    assert surface.parent_face.shape == (surface.n_faces,)
    assert surface.parent_face.min() >= 0 and surface.parent_face.max() < surface.coarse.n_faces
    assert len(np.unique(surface.parent_face)) == surface.coarse.n_faces
    check_inside_parents(surface.mesh.vertices, surface.mesh.faces, surface.parent_face,
                         surface.coarse.vertices, surface.coarse.faces)


def test_face_mirror_is_an_involution_that_mirrors_centroids(surface):
    fm = surface.face_mirror
    assert fm.shape == (surface.n_faces,)
    assert fm.min() >= 0
    assert np.array_equal(fm[fm], np.arange(surface.n_faces))
    c = surface.centroids
    assert np.abs(c[fm] - c * [-1.0, 1.0, 1.0]).max() < 1e-6
    assert np.allclose(surface.mesh.face_areas[fm], surface.mesh.face_areas, rtol=1e-9)


def test_the_male_body_shares_the_painting_topology(surface):
    male = load_painting_surface("male")
    assert np.array_equal(male.mesh.faces, surface.mesh.faces)
    assert male.topology_hash == surface.topology_hash
    assert male.coarse.content_hash != surface.coarse.content_hash
    assert max_edge(male.mesh) <= 5.0


# ------------------------------------------------------------------ BVH vs brute force


@pytest.fixture(scope="module")
def brute(surface):
    """Brute force over every triangle, made affordable by a conservative bounding-sphere pre-test.

    Returns the same hit as pick_ray (all faces, same tie-breaking); checked against pick_ray itself below.
    """
    tri = surface.mesh.triangles
    centre = tri.mean(axis=1)
    radius = np.linalg.norm(tri - centre[:, None, :], axis=2).max(axis=1) + 1e-6
    c2 = np.einsum("ij,ij->i", centre, centre)

    def run(origin, direction):
        o, d = unit_ray(origin, direction)
        along = centre @ d - o @ d
        perp2 = c2 - 2 * (centre @ o) + o @ o - along**2
        near = np.flatnonzero((perp2 <= radius**2) & (along >= -radius))
        return nearest_hit(near, tri[near], o, d)

    return run


def random_rays(surface, seed=11):
    rng = np.random.default_rng(seed)
    v = surface.mesh.vertices
    lo, hi = surface.mesh.bounds_mm
    rays = []
    for _ in range(110):  # from far away towards somewhere in the body's box (hits and misses)
        u = rng.normal(size=3)
        origin = np.array([0.0, 0.0, 800.0]) + 1500 * u / np.linalg.norm(u)
        rays.append((origin, rng.uniform(lo, hi) - origin))
    for _ in range(40):  # from just off the skin, in any direction (also from inside the body)
        f = rng.integers(surface.n_faces)
        origin = surface.centroids[f] + rng.normal(scale=3.0, size=3)
        rays.append((origin, rng.normal(size=3)))
    for k in range(50):  # axis-parallel, through exact vertex coordinates (edge and corner hits)
        p = v[rng.integers(len(v))]
        axis = k % 3
        origin = p.copy()
        origin[axis] = 3000.0 if k % 2 else -3000.0
        d = np.zeros(3)
        d[axis] = -np.sign(origin[axis])
        rays.append((origin, d))
    return rays


def test_brute_force_helper_agrees_with_pick_ray(surface, brute):
    for origin, d in random_rays(surface, seed=3)[::12]:
        a, b = pick_ray(surface.mesh, origin, d), brute(origin, d)
        assert (a is None) == (b is None)
        if a is not None:
            assert a.face == b.face and a.distance_mm == b.distance_mm


def test_bvh_picks_what_brute_force_picks(surface, brute):
    bvh = surface.bvh
    assert isinstance(bvh, TriangleBVH) and bvh.n_triangles == surface.n_faces
    hits = mismatches = 0
    report = []
    for origin, d in random_rays(surface):
        want, got = brute(origin, d), bvh.intersect(origin, d)
        if want is None and got is None:
            continue
        ok = (want is not None and got is not None
              and (want.face == got.face or abs(want.distance_mm - got.distance_mm) < 1e-6))
        hits += want is not None
        if not ok:
            mismatches += 1
            report.append((origin.tolist(), np.round(d, 6).tolist(), want and (want.face, want.distance_mm),
                           got and (got.face, got.distance_mm)))
    assert hits > 100  # most rays do hit the body
    assert mismatches == 0, report[:5]


def test_bvh_hit_is_on_the_ray_and_on_the_face(surface):
    h = surface.pick([-90.0, 1000.0, 650.0], [0.0, -1.0, 0.0])
    assert h is not None
    assert h.point_mm[0] == pytest.approx(-90.0) and h.point_mm[2] == pytest.approx(650.0)
    assert h.distance_mm == pytest.approx(1000.0 - h.point_mm[1])
    corners = surface.mesh.triangles[h.face]
    assert np.allclose(h.barycentric @ corners, h.point_mm)
    assert surface.mesh.face_normals[h.face][1] > 0  # the front of the thigh, facing the viewer
