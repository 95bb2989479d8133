"""Layouts on random zones of the body: whatever the zone, spacing, margin and pattern, the rules hold.

Zones are balls (sometimes two) of painting faces anywhere on the female
body, 5–120 mm across, with spacings 2–50 mm and margins 0–20 mm — tiny
zones, zones thinner than the margin, zones across folds. Every layout must
put its points on the skin (< 0.01 mm), on the zone's faces, at least the
margin from its border, and no two closer than MIN_SEPARATION (0.9; blue noise 0.86) × the smaller spacing.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy.spatial import cKDTree

from mesomap.geometry.layout import BLUE_NOISE_SEPARATION, MIN_SEPARATION, ZoneLayoutSolver
from mesomap.io.meshes import load_painting_surface

PATTERNS = ("hexagonal", "square", "rows", "blue_noise")


@pytest.fixture(scope="module")
def body():
    surface = load_painting_surface("female")
    centroids = surface.mesh.vertices[surface.mesh.faces].mean(axis=1)
    return surface, cKDTree(centroids), centroids


@pytest.mark.parametrize("case", range(16))
def test_random_zone_layout_keeps_the_rules(body, case):
    surface, tree, centroids = body
    rng = np.random.default_rng(1000 + case)
    zone = np.asarray(tree.query_ball_point(centroids[rng.integers(len(centroids))], rng.uniform(5, 120)))
    if rng.random() < 0.3:
        zone = np.union1d(zone, tree.query_ball_point(centroids[rng.integers(len(centroids))], rng.uniform(5, 60)))
    pattern = PATTERNS[case % 4]
    margin = float(rng.choice([0.0, rng.uniform(0, 20)]))
    solver = ZoneLayoutSolver.from_surface(surface, zone)
    spacing = max(float(rng.uniform(2, 50)), float(np.sqrt(solver.area_mm2 / 2000)))  # at most ~2000 points
    rows = float(rng.uniform(max(2.0, spacing / 3), 50))
    layout = solver.layout(spacing, pattern, margin, row_spacing_mm=rows, seed=case)
    p = solver.patch
    assert np.isin(layout.faces, p.global_faces).all()
    if len(layout) == 0:
        return
    assert p.project(layout.positions_mm)[3].max() < 0.01
    assert p.boundary_distance(layout.positions_mm).min() >= margin - 1e-9
    if len(layout) > 1:
        nearest = cKDTree(layout.positions_mm).query(layout.positions_mm, k=2)[0][:, 1].min()
        smaller = min(spacing, rows) if pattern == "rows" else spacing
        least = BLUE_NOISE_SEPARATION if pattern == "blue_noise" else MIN_SEPARATION
        assert nearest >= least * smaller - 1e-6, f"two points {nearest:.2f} mm apart at {smaller:.1f} mm"
    assert sorted(layout.order.tolist()) == list(range(len(layout)))
