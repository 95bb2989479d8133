"""Invariants of the bundled bodies (assets/meshes/*.npz) and of BodyMesh's derived arrays.

The bodies were baked by tools/bake_body_meshes.py: mm, RAS axes (+x patient's
right, +y anterior, +z up), feet on z = 0, midline x = 0, one shared topology.
"""

from __future__ import annotations

import numpy as np
import pytest
import trimesh

from mesomap.geometry.body_mesh import BodyMesh
from mesomap.io.meshes import load_bundled_body

BODIES = ("female", "male")


@pytest.fixture(scope="module")
def bodies() -> dict[str, BodyMesh]:
    return {b: load_bundled_body(b) for b in BODIES}


@pytest.fixture(params=BODIES)
def body(request, bodies) -> BodyMesh:
    return bodies[request.param]


def _tm(mesh: BodyMesh) -> trimesh.Trimesh:
    return trimesh.Trimesh(np.array(mesh.vertices), np.array(mesh.faces), process=False)


# --------------------------------------------------------------------- closed, outward


def test_body_is_watertight_by_own_and_independent_check(body):
    assert body.n_faces > 1000 and body.n_vertices > 1000
    assert body.is_watertight
    tm = _tm(body)
    assert tm.is_watertight
    assert tm.is_winding_consistent
    # Closed 2-manifold: every edge in exactly two faces, so 2E = 3F; and a body is a sphere.
    n_edges = len(body.edges)
    assert 2 * n_edges == 3 * body.n_faces
    assert body.n_vertices - n_edges + body.n_faces == 2


def test_body_normals_point_outward(body):
    vol = body.volume_mm3
    assert vol > 0, "negative enclosed volume means faces are wound inside-out"
    # A human body of ~1.6-1.8 m holds roughly 40-100 litres.
    assert 30e6 < vol < 120e6
    assert vol == pytest.approx(_tm(body).volume, rel=1e-6)
    # Top of the head points up, soles point down.
    vn = body.vertex_normals
    top = np.argmax(body.vertices[:, 2])
    assert vn[top, 2] > 0.9
    sole = body.vertices[:, 2] < 1.0
    assert sole.sum() >= 2
    assert np.all(vn[sole, 2] < 0)


def test_is_watertight_detects_a_hole_and_a_flipped_face(bodies):
    """The watertight check used above must be able to say no."""
    body = bodies["female"]
    holed = BodyMesh(body.vertices.copy(), body.faces[1:].copy())
    assert not holed.is_watertight
    assert not _tm(holed).is_watertight
    f = body.faces.copy()
    f[0] = f[0, [0, 2, 1]]
    flipped = BodyMesh(body.vertices.copy(), f)
    assert not flipped.is_watertight
    assert not _tm(flipped).is_winding_consistent
    # a face stacked twice: every edge has a twin, but three faces meet at its edges
    doubled = BodyMesh(body.vertices.copy(), np.vstack([body.faces, body.faces[:1]]))
    assert not doubled.is_watertight
    assert not _tm(doubled).is_watertight


# --------------------------------------------------------------------- size and placement


def test_body_dimensions_are_human(body):
    lo, hi = body.bounds_mm
    height = body.height_mm
    assert 1500 <= height <= 1900
    assert height == pytest.approx(body.vertices[:, 2].max() - body.vertices[:, 2].min())
    area_m2 = body.surface_area_mm2 / 1e6
    assert 1.3 <= area_m2 <= 2.1
    assert body.surface_area_mm2 == pytest.approx(_tm(body).area, rel=1e-6)


def test_body_stands_on_floor_centred_on_midline(body):
    lo, hi = body.bounds_mm
    assert abs(body.vertices[:, 2].min()) <= 1e-9
    assert lo[2] == pytest.approx(0.0, abs=1e-9)
    assert abs(lo[0] + hi[0]) < 0.5, f"x bounds not symmetric: {lo[0]} .. {hi[0]}"
    # Also the body's bulk, not just its extremes, straddles x = 0.
    assert abs(np.average(body.triangles.mean(axis=1)[:, 0], weights=body.face_areas)) < 1.0


# --------------------------------------------------------------------- shared topology


def test_female_and_male_share_topology_but_not_shape(bodies):
    f, m = bodies["female"], bodies["male"]
    assert f.n_vertices == m.n_vertices
    assert np.array_equal(f.faces, m.faces)
    assert f.topology is not None and f.topology == m.topology
    assert f.same_topology(m) and m.same_topology(f)
    assert m.height_mm > f.height_mm + 50
    assert np.abs(f.vertices - m.vertices).max() > 50


def test_same_topology_says_no_to_different_faces(bodies):
    f = bodies["female"]
    rewound = BodyMesh(f.vertices.copy(), f.faces[:, [0, 2, 1]].copy())
    assert not f.same_topology(rewound)
    sphere = trimesh.creation.icosphere(subdivisions=1)
    other = BodyMesh(sphere.vertices, sphere.faces)
    assert not f.same_topology(other)
    assert not other.same_topology(f)


# --------------------------------------------------------------------- mirror map


def test_mirror_is_an_involution(body):
    mirror = body.mirror
    assert mirror is not None
    assert mirror.shape == (body.n_vertices,)
    assert mirror.min() >= 0 and mirror.max() < body.n_vertices
    assert np.array_equal(mirror[mirror], np.arange(body.n_vertices))


def test_mirror_really_mirrors_across_midline(body):
    v = body.vertices
    mirror = body.mirror
    err = np.linalg.norm(v[mirror] - v * np.array([-1.0, 1.0, 1.0]), axis=1)
    assert err.max() < 0.01, f"worst mirror partner is {err.max():.4f} mm off"
    exact = int((err < 1e-3).sum())
    print(f"{body.body_id}: {exact}/{body.n_vertices} vertices have an exact mirror partner")
    assert exact >= 0.99 * body.n_vertices
    # Left goes to right: a vertex clearly off the midline never maps to its own side.
    off = np.abs(v[:, 0]) > 1.0
    assert off.sum() > 0.9 * body.n_vertices
    assert np.all(np.sign(v[mirror[off], 0]) == -np.sign(v[off, 0]))


def test_mirror_keeps_midline_vertices(body):
    v = body.vertices
    mid = np.flatnonzero(np.abs(v[:, 0]) < 1e-6)
    assert len(mid) > 20, "the body should have a seam of vertices on x = 0"
    assert np.array_equal(body.mirror[mid], mid)
    # ...and only those map to themselves.
    selfs = np.flatnonzero(body.mirror == np.arange(body.n_vertices))
    assert np.all(np.abs(v[selfs, 0]) < 1e-3)


# --------------------------------------------------------------------- axis convention


def test_body_faces_plus_y_feet(body):
    """Toes reach further forward of the ankle than the heel reaches back."""
    v = body.vertices
    foot = v[v[:, 2] < 30.0]
    ankle = v[(v[:, 2] > 80.0) & (v[:, 2] < 120.0)]
    assert len(foot) > 50 and len(ankle) > 20
    ankle_y = ankle[:, 1].mean()
    forward = foot[:, 1].max() - ankle_y
    backward = ankle_y - foot[:, 1].min()
    assert forward > 0 and backward > 0
    assert forward > 1.5 * backward, f"toes {forward:.0f} mm ahead vs heel {backward:.0f} mm behind"


def test_body_faces_plus_y_nose(body):
    v = body.vertices
    h = body.height_mm
    head = v[v[:, 2] > h - 0.135 * h]
    nose = head[np.argmax(head[:, 1])]
    back = head[np.argmin(head[:, 1])]
    assert abs(nose[0]) < 5.0
    assert nose[1] > head[:, 1].mean()
    # The front of the head is pointed (a nose), the back is round (the skull):
    # the 15 mm cap behind the frontmost point is much narrower than the 15 mm cap
    # in front of the backmost point. A body turned 180° would swap them.
    def cap_width(tip, sign):
        band = head[np.abs(head[:, 2] - tip[2]) < 5.0]
        cap = band[sign * (band[:, 1] - tip[1]) > -15.0]
        return np.ptp(cap[:, 0])

    assert cap_width(nose, +1) < 0.7 * cap_width(back, -1)
    # The nose is on the face, below the top of the head, above the chin.
    assert 0.04 * h < h - nose[2] < 0.13 * h


# --------------------------------------------------------------------- derived arrays


def test_face_and_vertex_normals_are_unit(body):
    fn = body.face_normals
    assert fn.shape == (body.n_faces, 3)
    assert np.allclose(np.linalg.norm(fn, axis=1), 1.0, atol=1e-9)
    # and they are normal: perpendicular to every edge of their face
    t = body.triangles
    for a, b in ((0, 1), (1, 2), (2, 0)):
        e = t[:, b] - t[:, a]
        e /= np.linalg.norm(e, axis=1, keepdims=True)
        assert np.abs(np.einsum("ij,ij->i", fn, e)).max() < 1e-6
    vn = body.vertex_normals
    assert vn.shape == (body.n_vertices, 3)
    assert np.allclose(np.linalg.norm(vn, axis=1), 1.0, atol=1e-9)
    assert np.all(body.face_areas > 0)


def test_vertex_adjacency_matches_face_edges(body):
    adj = body.vertex_adjacency
    n = body.n_vertices
    assert adj.shape == (n, n)
    assert abs(adj - adj.T).max() == 0
    coo = adj.tocoo()
    assert np.all(coo.data > 0), "edge lengths must be positive"
    assert np.all(coo.row != coo.col)
    pairs = set(zip(coo.row.tolist(), coo.col.tolist()))
    face_edges = set()
    for a, b, c in body.faces.tolist():
        face_edges.update({(a, b), (b, a), (b, c), (c, b), (c, a), (a, c)})
    assert pairs == face_edges
    # the stored values are the edge lengths
    lengths = np.linalg.norm(body.vertices[coo.row] - body.vertices[coo.col], axis=1)
    assert np.allclose(coo.data, lengths, rtol=1e-12)
    # every vertex of a closed body has at least three neighbours
    assert np.diff(adj.indptr).min() >= 3


def test_base_arrays_are_read_only(body):
    with pytest.raises(ValueError):
        body.vertices[0, 0] = 1.0
    with pytest.raises(ValueError):
        body.faces[0, 0] = 1
    with pytest.raises(ValueError):
        body.mirror[0] = 1


@pytest.mark.parametrize(
    "attr", ["triangles", "face_areas", "face_normals", "vertex_normals", "edges", "bounds_mm"]
)
def test_derived_arrays_are_read_only(attr):
    """Writing into a cached derived array would corrupt it for every later user."""
    body = load_bundled_body("female")  # own copy: a failure here must not spoil other tests
    arr = getattr(body, attr)
    before = arr.copy()
    with pytest.raises(ValueError):
        arr.flat[0] = 12345.0
    assert np.array_equal(getattr(body, attr), before)


def test_caches_do_not_go_stale_when_callers_array_changes():
    """BodyMesh promises its caches cannot go stale; a caller keeping the array it passed in
    (or a view of it) must not be able to change the mesh under the caches."""
    base = np.array([[0.0, 0.0, 0.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    faces = np.array([[0, 2, 1], [0, 1, 3], [0, 3, 2], [1, 2, 3]])
    mesh = BodyMesh(base[:], faces)  # a view of the caller's array
    area = mesh.surface_area_mm2
    try:
        base[3, 2] = 10.0
    except ValueError:
        pass  # refusing the write is fine too
    fresh = BodyMesh(np.array(mesh.vertices), faces)
    assert mesh.surface_area_mm2 == pytest.approx(fresh.surface_area_mm2)
    assert mesh.surface_area_mm2 == pytest.approx(area)
