"""model.grid on a bundled body: the window's preview and full layouts are the command line's."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from mesomap.model.grid import layout_zone


@pytest.fixture(scope="module")
def surface():
    from mesomap.io.meshes import load_painting_surface

    return load_painting_surface("female")


@pytest.fixture(scope="module")
def plan(surface):
    from mesomap.io.plan_builder import new_plan
    from mesomap.io.templates import load_templates

    return new_plan(surface, load_templates(), ["knee_left"], [], spacing_mm=15)


@pytest.fixture(scope="module")
def knee(plan):
    return plan.zones[0]


def pinned_every(points, k: int):
    return tuple(replace(q, pinned=True) if i % k == 0 else q for i, q in enumerate(points))


@pytest.mark.parametrize("pattern", ["hexagonal", "rows"])
def test_fix_false_is_a_preview_that_keeps_the_pins(surface, knee, pattern):
    zone = replace(knee, params=replace(knee.params, pattern=pattern, row_angle_deg=30.0))
    full = layout_zone(zone, surface, seed=3)
    assert full == layout_zone(zone, surface, seed=3, fix=True)  # the default is the full layout
    zone = replace(zone, injections=pinned_every(full, 5))
    preview = layout_zone(zone, surface, seed=3, fix=False)
    assert len(preview) > 0 and preview != full  # not thinned nor hole-filled
    pins = {(q.face, q.barycentric) for q in zone.injections if q.pinned}
    assert pins <= {(q.face, q.barycentric) for q in preview if q.pinned}


def test_preview_job_is_layout_zone_without_fixing(surface, knee):
    from mesomap.session import worker as layout_jobs

    layout_jobs._surfaces.setdefault("female", surface)
    zone = replace(knee, injections=pinned_every(layout_zone(knee, surface), 7))
    assert layout_jobs.preview_job("female", zone, 0) == layout_zone(zone, surface, 0, fix=False)
    assert layout_jobs.layout_job("female", zone, 0) == layout_zone(zone, surface, 0)


def test_an_empty_zone_has_no_grid(surface, knee):
    empty = replace(knee, faces=knee.faces[:0])
    assert layout_zone(empty, surface) == () == layout_zone(empty, surface, fix=False)


def test_points_on_faces_is_point_on_face_for_every_row(surface):
    rng = np.random.default_rng(5)
    faces = rng.integers(0, surface.n_faces, 500)
    bary = rng.dirichlet([1.0, 1.0, 1.0], 500)
    bary[:3] = np.eye(3)  # the corners themselves
    positions, normals = surface.points_on_faces(faces, bary)
    assert positions.shape == normals.shape == (500, 3)
    for f, b, pos, n in zip(faces, bary, positions, normals):
        one_pos, one_n = surface.point_on_face(int(f), b)
        np.testing.assert_allclose(pos, one_pos, rtol=0, atol=1e-9)
        np.testing.assert_allclose(n, one_n, rtol=0, atol=1e-9)
    np.testing.assert_allclose(np.linalg.norm(normals, axis=1), 1.0, atol=1e-12)


def test_points_on_faces_takes_lists_and_nothing_and_refuses_mismatched_shapes(surface):
    pos, n = surface.points_on_faces([7], [(0.2, 0.3, 0.5)])
    np.testing.assert_allclose(pos[0], surface.point_on_face(7, (0.2, 0.3, 0.5))[0], rtol=0, atol=1e-9)
    pos, n = surface.points_on_faces([], [])
    assert pos.shape == n.shape == (0, 3)
    with pytest.raises(ValueError, match="barycentric"):
        surface.points_on_faces([1, 2, 3], np.full((3, 2), 0.5))
    with pytest.raises(ValueError, match="barycentric"):
        surface.points_on_faces([1, 2, 3], np.full((3, 3), 1 / 3).T[:2])
    with pytest.raises(ValueError, match="faces"):
        surface.points_on_faces([[1, 2, 3]], np.full((3, 3), 1 / 3))


def test_path_length_is_the_sum_of_straight_steps_between_injections(surface, plan, knee):
    from mesomap.model.grid import path_lengths_mm

    zone = replace(knee, injections=layout_zone(knee, surface))
    steps = [np.linalg.norm(surface.point_on_face(b.face, b.barycentric)[0] - surface.point_on_face(a.face, a.barycentric)[0])
             for a, b in zip(zone.injections, zone.injections[1:])]
    lengths = path_lengths_mm(replace(plan, zones=(zone, replace(knee, id="single", injections=zone.injections[:1]))), surface)
    assert lengths == {zone.id: pytest.approx(sum(steps), abs=1e-9)}
