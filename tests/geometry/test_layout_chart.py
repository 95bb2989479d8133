"""The zone's flat chart (mesomap.geometry.layout_chart): the lattice is laid in it, so its stretch is the grid's."""

from __future__ import annotations

import numpy as np
import pytest

from mesomap.geometry.layout import ZoneLayoutSolver
from mesomap.geometry.layout_chart import arap_flatten
from mesomap.geometry.synthetic import synthetic_surface


def _edge_ratios(V, F, uv):
    e = np.unique(np.sort(F[:, [0, 1, 1, 2, 2, 0]].reshape(-1, 2), axis=1), axis=0)
    return np.linalg.norm(uv[e[:, 0]] - uv[e[:, 1]], axis=1) / np.linalg.norm(V[e[:, 0]] - V[e[:, 1]], axis=1)


def _part(solver):
    p = solver.patch
    verts, local = np.unique(p.F, return_inverse=True)
    return p.V[verts], local.reshape(-1, 3), verts


def test_a_cylinder_is_flattened_without_stretch():
    """Skin that unrolls (a cylinder) keeps every edge length in the chart."""
    s = synthetic_surface("cylinder")
    solver = ZoneLayoutSolver(s.V, s.F, s.zone, s.normals)
    chart = solver.charts[0]
    V, F, verts = _part(solver)
    stretch = np.abs(_edge_ratios(V, F, chart.uv[verts]) - 1)
    # the zone's ragged corners bend a little; everywhere else lengths hold
    assert np.median(stretch) < 0.001 and np.quantile(stretch, 0.95) < 0.01, np.quantile(stretch, [0.5, 0.95])


def test_the_refinement_evens_out_a_spiky_zone_the_log_map_distorts():
    """The abdomen template's toothed border bends the log map; ARAP brings the chart back to the skin's lengths."""
    from mesomap.io.meshes import load_painting_surface
    from mesomap.io.templates import load_templates

    surface = load_painting_surface("female")
    solver = ZoneLayoutSolver.from_surface(surface, surface.children_of(load_templates().zone("abdomen").faces))
    V, F, verts = _part(solver)
    chart = solver.charts[0]
    refined = _edge_ratios(V, F, chart.uv[verts])
    # the log map itself, as the refinement starts from it
    import potpourri3d as pp3d

    centre = int(np.searchsorted(verts, chart.centre))
    log_map = np.asarray(pp3d.MeshVectorHeatSolver(V, F).compute_log_map(centre))
    before = _edge_ratios(V, F, log_map)
    assert np.mean(np.abs(refined - 1) > 0.05) < 0.5 * np.mean(np.abs(before - 1) > 0.05)
    assert np.median(np.abs(refined - 1)) < 0.02
    assert abs(chart.stretch - 1) < 0.02


def test_the_refinement_keeps_the_centre_and_the_directions_there():
    """Row directions are measured in the log map's frame at the centre: the refined chart turns no direction there."""
    s = synthetic_surface("sphere_cap")
    solver = ZoneLayoutSolver(s.V, s.F, s.zone, s.normals)
    V, F, verts = _part(solver)
    import potpourri3d as pp3d

    centre = int(np.argmin(np.linalg.norm(V - V.mean(axis=0), axis=1)))
    uv0 = np.asarray(pp3d.MeshVectorHeatSolver(V, F).compute_log_map(centre))
    uv = arap_flatten(V, F, uv0, centre)
    assert np.allclose(uv[centre], uv0[centre])
    a, b = uv0 - uv0[centre], uv - uv[centre]
    near = (np.linalg.norm(a, axis=1) > 5.0) & (np.linalg.norm(a, axis=1) < 25.0)
    turn = np.angle((b[near, 0] + 1j * b[near, 1]) / (a[near, 0] + 1j * a[near, 1]))
    assert np.degrees(np.abs(np.median(turn))) < 0.5 and np.degrees(np.abs(turn).max()) < 3.0


@pytest.mark.parametrize("iterations", [0, 4])
def test_zero_iterations_only_align(iterations):
    s = synthetic_surface("flat")
    solver = ZoneLayoutSolver(s.V, s.F, s.zone, s.normals)
    V, F, _ = _part(solver)
    uv0 = V[:, :2] + 3.0  # a flat zone: its own x, y are an exact chart
    uv = arap_flatten(V, F, uv0, 0, iterations=iterations)
    assert np.abs(uv - uv0).max() < 1e-6


def test_a_turned_chart_is_turned_back_about_its_centre():
    from mesomap.geometry.layout_chart import _align

    rng = np.random.default_rng(2)
    uv0 = rng.normal(0, 30, (400, 2))
    c, s = np.cos(0.7), np.sin(0.7)
    turned = (uv0 - uv0[5]) @ np.array([[c, s], [-s, c]]) + [4.0, -2.0]
    assert np.allclose(_align(turned, uv0, 5), uv0)
