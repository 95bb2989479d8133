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
    assert stretch.max() < 1e-6, f"edge stretch up to {stretch.max():.2e}"


def test_the_chart_of_a_spiky_zone_keeps_the_skins_lengths_where_the_log_map_did_not():
    """The abdomen template's toothed border bent the log map used before; the chart keeps the skin's lengths."""
    from mesomap.io.meshes import load_painting_surface
    from mesomap.io.templates import load_templates

    surface = load_painting_surface("female")
    solver = ZoneLayoutSolver.from_surface(surface, surface.children_of(load_templates().zone("abdomen").faces))
    V, F, verts = _part(solver)
    chart = solver.charts[0]
    refined = _edge_ratios(V, F, chart.uv[verts])
    # the log map, for comparison
    import potpourri3d as pp3d

    centre = int(np.searchsorted(verts, chart.centre))
    log_map = np.asarray(pp3d.MeshVectorHeatSolver(V, F).compute_log_map(centre))
    before = _edge_ratios(V, F, log_map)
    assert np.mean(np.abs(refined - 1) > 0.05) < 0.5 * np.mean(np.abs(before - 1) > 0.05)
    assert np.median(np.abs(refined - 1)) < 0.02
    assert abs(chart.stretch - 1) < 0.02


@pytest.mark.parametrize("iterations", [0, 4])
def test_an_exact_chart_stays_exact(iterations):
    """The refinement never spoils a chart that already keeps every length (a flat zone's own x, y)."""
    s = synthetic_surface("flat")
    solver = ZoneLayoutSolver(s.V, s.F, s.zone, s.normals)
    V, F, _ = _part(solver)
    uv0 = V[:, :2] + 3.0  # a flat zone: its own x, y are an exact chart
    uv = arap_flatten(V, F, uv0, 0, iterations=iterations)
    assert np.abs(uv - uv0).max() < 1e-6


def test_the_chart_frame_maps_skin_directions_to_chart_directions():
    """A direction on the skin at the chart's centre points the same way in the chart (rows follow it)."""
    from mesomap.geometry.layout_chart import chart_frame

    s = synthetic_surface("flat")
    solver = ZoneLayoutSolver(s.V, s.F, s.zone, s.normals)
    V, F, _ = _part(solver)
    c, sn = np.cos(0.4), np.sin(0.4)
    uv = V[:, :2] @ np.array([[c, sn], [-sn, c]])  # the flat zone turned by 0.4 rad
    centre = int(np.argmin(np.linalg.norm(V - V.mean(axis=0), axis=1)))
    e1, e2 = chart_frame(V, F, uv, centre)
    for d in (np.array([1.0, 0.0, 0.0]), np.array([0.6, 0.8, 0.0])):
        assert np.allclose([d @ e1, d @ e2], d[:2] @ np.array([[c, sn], [-sn, c]]), atol=1e-9)


def test_a_closed_zone_still_gets_a_grid():
    """A zone without a border (a whole sphere) cannot be flattened whole: its chart is the log map around its centre."""
    import trimesh
    from scipy.spatial import cKDTree

    sphere = trimesh.creation.icosphere(subdivisions=4, radius=40.0)
    solver = ZoneLayoutSolver(sphere.vertices, sphere.faces, np.arange(len(sphere.faces)))
    layout = solver.layout(10.0, "hexagonal", 0.0)
    assert len(layout) > 20
    assert solver.patch.project(layout.positions_mm)[3].max() < 0.01
    assert cKDTree(layout.positions_mm).query(layout.positions_mm, k=2)[0][:, 1].min() >= 0.86 * 10.0 - 1e-6
