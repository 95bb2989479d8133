"""The paint brush on the female painting surface: a dab covers a disc of visible skin around the cursor.

Views (RAS axes: +x patient's right, +y front, +z up): the front view looks
along -y, the left view (camera on the patient's left) along +x.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import sparse
from scipy.sparse.csgraph import connected_components, dijkstra

from mesomap.geometry.brush import brush_faces, check_radius
from mesomap.io.meshes import load_painting_surface

FRONT = np.array([0.0, -1.0, 0.0])
LEFT = np.array([1.0, 0.0, 0.0])


@pytest.fixture(scope="module")
def surface():
    return load_painting_surface("female")


def pick(surface, origin, direction):
    hit = surface.pick(origin, direction)
    assert hit is not None, f"the ray from {origin} missed the body"
    return hit


def dab(surface, origin, view, radius):
    hit = pick(surface, origin, view)
    return hit, brush_faces(surface, hit, radius, view_dir=view)


def surface_distance(surface, hit, faces, limit):
    """Shortest path along the edges of the WHOLE mesh from the hit point to each face's centroid.

    Computed independently of the brush, without restricting the graph:
    the brush's own distances can only be longer, so every face it selects
    must be within its radius by this measure too.
    """
    m = surface.mesh
    corners = m.faces[hit.face]
    d = dijkstra(m.vertex_adjacency, indices=corners, limit=limit)  # (3, n)
    d = (d + np.linalg.norm(m.vertices[corners] - hit.point_mm, axis=1)[:, None]).min(axis=0)
    fv = m.faces[faces]
    cen = surface.centroids[faces]
    return (d[fv] + np.linalg.norm(m.vertices[fv] - cen[:, None, :], axis=2)).min(axis=1)


def connected_to_hit(surface, hit, faces) -> bool:
    """True when every selected face is reachable from the hit face through selected faces."""
    fv = surface.mesh.faces[faces]
    k = len(faces)
    incidence = sparse.csr_matrix((np.ones(3 * k), (np.repeat(np.arange(k), 3), fv.ravel())),
                                  shape=(k, surface.mesh.n_vertices))
    _, label = connected_components(incidence @ incidence.T, directed=False)
    return bool((label == label[np.searchsorted(faces, hit.face)]).all())


def check_dab(surface, hit, faces, view, radius):
    """What every dab must satisfy."""
    assert len(faces) and np.array_equal(faces, np.unique(faces))
    assert hit.face in faces
    normals = surface.mesh.face_normals[faces]
    assert (normals @ view < 0).all(), "the dab selected skin facing away from the viewer"
    others = faces[faces != hit.face]  # the face under the cursor is always painted, even by a tiny brush
    far = np.linalg.norm(surface.centroids[others] - hit.point_mm, axis=1)
    assert (far <= radius + 1e-9).all(), "a selected face is farther than the radius from the cursor"
    assert (surface_distance(surface, hit, others, limit=radius + 10) <= radius + 1e-6).all(), \
        "a selected face is farther than the radius along the skin"
    assert connected_to_hit(surface, hit, faces), "the dab jumped to skin not connected to the cursor"


# ------------------------------------------------------------------ thigh: a clean disc


@pytest.mark.parametrize("x", [-90.0, 90.0], ids=["left thigh", "right thigh"])
@pytest.mark.parametrize("radius", [10.0, 30.0])
def test_a_dab_on_the_front_of_the_thigh_is_a_disc_of_about_pi_r_squared(surface, x, radius):
    hit, faces = dab(surface, [x, 1000.0, 650.0], FRONT, radius)
    assert surface.mesh.face_normals[hit.face] @ FRONT < 0
    assert np.sign(hit.point_mm[0]) == np.sign(x) and hit.point_mm[1] > 0  # front of the correct thigh
    check_dab(surface, hit, faces, FRONT, radius)
    area_mm2 = surface.area_cm2(faces) * 100
    assert 0.7 <= area_mm2 / (math.pi * radius**2) <= 1.1
    # a disc, not a ring or a sliver: everything close to the cursor is painted
    close = np.flatnonzero(np.linalg.norm(surface.centroids - hit.point_mm, axis=1) < 0.5 * radius)
    assert np.isin(close, faces).all()


def test_a_bigger_brush_paints_a_superset(surface):
    hit = pick(surface, [-90.0, 1000.0, 650.0], FRONT)
    small, big = (brush_faces(surface, hit, r, view_dir=FRONT) for r in (10.0, 30.0))
    assert np.isin(small, big).all()
    assert surface.area_cm2(big) > 6 * surface.area_cm2(small)


# ------------------------------------------------------------------ ear: never round the rim


@pytest.mark.parametrize("x, z", [(-76, 1450), (-76, 1470), (-72, 1450), (-72, 1470), (-68, 1470), (76, 1460)])
def test_a_dab_on_the_ear_seen_from_the_front_never_selects_skin_facing_away(surface, x, z):
    radius = 25.0
    hit, faces = dab(surface, [x, 1000.0, z], FRONT, radius)
    assert abs(hit.point_mm[0]) > 60 and hit.point_mm[2] > 1400  # the side of the head
    ball = np.flatnonzero(np.linalg.norm(surface.centroids - hit.point_mm, axis=1) <= radius)
    away = ball[surface.mesh.face_normals[ball] @ FRONT >= 0]
    assert len(away) > 50  # the back of the ear / side of the head is within reach: the test means something
    check_dab(surface, hit, faces, FRONT, radius)
    assert not np.isin(away, faces).any()


# ------------------------------------------------------------------ arm and hand: never jump across a gap


@pytest.mark.parametrize("y, z", [(-60, 1180), (-80, 1200), (-60, 1150)])
def test_a_dab_on_the_upper_arm_seen_from_the_side_stays_on_the_arm(surface, y, z):
    radius = 40.0
    hit, faces = dab(surface, [-1000.0, y, z], LEFT, radius)
    assert hit.point_mm[0] < -200  # the outside of the left upper arm, at armpit height
    check_dab(surface, hit, faces, LEFT, radius)
    # the trunk's side is at x > -150 at this height: nothing painted there
    assert surface.centroids[faces, 0].max() < -180


@pytest.mark.parametrize("y, z", [(120, 880), (130, 880), (140, 890), (150, 880)])
def test_a_dab_on_a_finger_does_not_jump_to_the_next_finger(surface, y, z):
    """Seen from the left, neighbouring fingers face the viewer within the radius but are far along the skin."""
    radius = 20.0
    hit, faces = dab(surface, [-1000.0, y, z], LEFT, radius)
    assert hit.point_mm[0] < -450  # the left hand
    ball = np.flatnonzero(np.linalg.norm(surface.centroids - hit.point_mm, axis=1) <= radius)
    facing = ball[surface.mesh.face_normals[ball] @ LEFT < 0]
    far = facing[surface_distance(surface, hit, facing, limit=4 * radius) > 2 * radius]
    assert len(far) > 0  # visible skin of another finger is within the Euclidean radius
    check_dab(surface, hit, faces, LEFT, radius)
    assert not np.isin(far, faces).any()


# ------------------------------------------------------------------ radius


@pytest.mark.parametrize("radius", [0.0, 0.5, 0.999, 100.01, 150.0, -10.0, float("nan"), float("inf")])
def test_a_radius_outside_1_to_100_mm_is_refused(surface, radius):
    hit = pick(surface, [-90.0, 1000.0, 650.0], FRONT)
    with pytest.raises(ValueError, match="1–100 mm"):
        brush_faces(surface, hit, radius, view_dir=FRONT)
    with pytest.raises(ValueError):
        check_radius(radius)


@pytest.mark.parametrize("radius", [1.0, 100.0])
def test_the_smallest_and_biggest_brushes_work(surface, radius):
    hit, faces = dab(surface, [-90.0, 1000.0, 650.0], FRONT, radius)
    check_dab(surface, hit, faces, FRONT, radius)
    if radius == 100.0:
        assert surface.area_cm2(faces) > 0.5 * math.pi * 10**2


# ------------------------------------------------------------------ mirroring


def test_a_mirrored_left_thigh_dab_is_the_same_patch_on_the_right(surface):
    hit, left = dab(surface, [-90.0, 1000.0, 650.0], FRONT, 30.0)
    assert (surface.centroids[left, 0] < 0).all()
    right = surface.mirrored(left)
    assert len(right) == len(left)
    assert (surface.centroids[right, 0] > 0).all()
    assert surface.area_cm2(right) == pytest.approx(surface.area_cm2(left), rel=1e-3)
    assert np.allclose(surface.centroids[right].mean(axis=0), surface.centroids[left].mean(axis=0) * [-1, 1, 1])
    assert np.array_equal(surface.mirrored(right), left)
    # and it is what painting the right thigh at the mirrored spot gives
    _, painted = dab(surface, [90.0, 1000.0, 650.0], FRONT, 30.0)
    assert np.array_equal(right, painted)


def test_template_borders_are_smoothed_without_changing_the_zone(surface):
    """A template drawn on coarse triangles gets a smooth border: shorter, same area, same place."""
    from mesomap.geometry.regions import smooth_region
    from mesomap.geometry.surface import boundary_length_mm
    from mesomap.io.templates import load_templates

    for zone_id in ("abdomen", "knee_left", "cheek_left"):
        raw = surface.children_of(load_templates().zone(zone_id).faces)
        smooth = smooth_region(surface, raw, 8.0)
        assert surface.area_cm2(smooth) == pytest.approx(surface.area_cm2(raw), rel=0.1)
        assert boundary_length_mm(surface.mesh, smooth) < 0.95 * boundary_length_mm(surface.mesh, raw)
        kept = np.intersect1d(raw, smooth)
        assert surface.area_cm2(kept) > 0.9 * surface.area_cm2(raw)
