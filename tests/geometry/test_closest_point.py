"""The closest point on triangles (mesomap.geometry.layout_mesh), used for snapping to the skin everywhere."""

from __future__ import annotations

import numpy as np

from mesomap.geometry.layout_mesh import closest_points_on_triangles
from mesomap.io.meshes import load_painting_surface


def _closest(q, tris):
    """(k, 3) closest points of triangles tris (k, 3, 3) to q (3,)."""
    return closest_points_on_triangles(np.asarray(q, float), tris[:, 0], tris[:, 1], tris[:, 2])


def test_closest_point_on_a_triangle_in_every_region():
    tri = np.array([[[0.0, 0, 0], [10, 0, 0], [0, 10, 0]]])
    cases = {  # query -> closest point
        (2, 3, 5): (2, 3, 0),      # inside, above the plane
        (-3, -4, 1): (0, 0, 0),    # corner A
        (14, -1, 0): (10, 0, 0),   # corner B
        (-1, 13, 2): (0, 10, 0),   # corner C
        (5, -3, 0): (5, 0, 0),     # edge AB
        (-2, 4, 0): (0, 4, 0),     # edge AC
        (8, 8, 0): (5, 5, 0),      # edge BC
    }
    for q, want in cases.items():
        on, b = _closest(q, tri)
        assert np.allclose(b.sum(axis=1), 1.0) and (b >= -1e-12).all()
        assert np.allclose(b @ tri[0], want) and np.allclose(on[0], want), (q, on)
    degenerate = np.array([[[1.0, 1, 1], [1, 1, 1], [1, 1, 1]]])
    on, b = _closest(np.zeros(3), degenerate)
    assert np.allclose(on, [[1, 1, 1]]) and np.isfinite(b).all()


def test_closest_point_matches_a_dense_search():
    """Against sampling each triangle finely: nothing on it is nearer than what we return."""
    surface = load_painting_surface("female")
    rng = np.random.default_rng(3)
    tris = surface.mesh.triangles[rng.integers(0, surface.n_faces, 30)]
    u, v = np.meshgrid(np.linspace(0, 1, 41), np.linspace(0, 1, 41))
    keep = u + v <= 1
    grid = np.stack([1 - u[keep] - v[keep], u[keep], v[keep]], axis=1)
    for tri in tris:
        q = tri.mean(axis=0) + rng.normal(0, 4, 3)
        on, _ = _closest(q, tri[None])
        assert np.linalg.norm(on[0] - q) <= np.linalg.norm(grid @ tri - q, axis=1).min() + 1e-9


def _abdomen_patch():
    from mesomap.geometry.layout_mesh import ZonePatch
    from mesomap.io.templates import load_templates

    surface = load_painting_surface("female")
    faces = surface.children_of(load_templates().zone("abdomen").faces)
    return ZonePatch(surface.mesh.vertices, surface.mesh.faces, faces, surface.vertex_normals)


def test_projection_onto_the_zone_agrees_with_the_exact_closest_point():
    """ZonePatch.project (and project_near) against the exact routine over many more faces."""
    patch = _abdomen_patch()
    rng = np.random.default_rng(5)
    on_skin = patch.positions(rng.integers(0, len(patch.F), 3000), rng.dirichlet([1, 1, 1], 3000))
    face, bary, q, d = patch.project(on_skin)
    assert d.max() < 1e-9 and np.abs(q - on_skin).max() < 1e-9  # points on the skin stay where they are
    assert np.allclose(patch.positions(face, bary), q) and (bary >= 0).all()
    near = on_skin + rng.normal(0, 1.0, on_skin.shape)  # off the skin by a layout step's bend and more
    _, _, q, d = patch.project(near)
    _, cand = patch.centroid_tree.query(near, k=40)
    tri = patch.triangles[cand]
    exact = np.linalg.norm(closest_points_on_triangles(near[:, None, :], tri[..., 0, :], tri[..., 1, :],
                                                       tri[..., 2, :])[0] - near[:, None, :], axis=2).min(axis=1)
    assert np.allclose(np.linalg.norm(q - near, axis=1), d)
    assert (d >= exact - 1e-9).all()  # never nearer than the true closest point (it is a point of the skin)
    assert (d - exact).max() < 1e-9  # and exactly it
    # the layout's inner loops: the fast version, on the skin always, off the closest point by hundredths at most
    face, bary, q, d = patch.project_near(near)
    assert np.allclose(patch.positions(face, bary), q) and (d >= exact - 1e-9).all()
    assert np.quantile(d - exact, 0.99) < 1e-9 and (d - exact).max() < 0.05
    assert patch.project_near(on_skin)[3].max() < 1e-9


def test_border_distance_bound_is_a_tight_lower_bound():
    """The layout keeps margins with boundary_distance_bound: never above the exact distance, and close to it."""
    patch = _abdomen_patch()
    rng = np.random.default_rng(6)
    x = patch.positions(rng.integers(0, len(patch.F), 5000), rng.dirichlet([1, 1, 1], 5000))
    exact, bound = patch.boundary_distance(x), patch.boundary_distance_bound(x)
    assert (bound <= exact + 1e-12).all()
    far = exact > 2.0
    assert (exact[far] - bound[far]).max() < 0.02  # ≤ step²/(8·distance) with a 0.5 mm step
