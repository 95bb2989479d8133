"""Shrinking the holes of a layout: taken in waves (sites far apart at once) it is the same as one by one."""

from __future__ import annotations

import numpy as np
import pytest

from mesomap.geometry.layout import ZoneLayoutSolver
from mesomap.geometry.layout_holes import PULL_MAX, PULL_TARGET, _waves, pull_toward, surface_samples
from mesomap.geometry.layout_relax import step_within_margin
from mesomap.geometry.synthetic import synthetic_surface

SPACING = 4.0
MARGIN = 3.0


def pull_one_by_one(patch, face, bary, sites, s, margin, fixed, min_dist, target=PULL_TARGET):
    """The reference: each site in turn, seeing every earlier site's pull (the code before the waves)."""
    pulled = np.zeros(len(sites), dtype=bool)
    face, bary = face.copy(), bary.copy()
    x = patch.positions(face, bary)
    for h, c in enumerate(sites):
        dist = np.linalg.norm(x - c, axis=1)
        r = dist.min()
        corner = dist < r + 0.03 * s
        corners = np.flatnonzero(corner)
        delta = min(r - target * s, PULL_MAX * s)
        others = np.concatenate([x[~corner & (dist < r + 2 * s)], fixed[np.linalg.norm(fixed - c, axis=1) < r + 2 * s]])
        for _ in range(3):
            if delta <= 0:
                break
            step = (c - x[corners]) * (delta / dist[corners])[:, None]
            nf, nb, nx, _ = step_within_margin(patch, x[corners], step, margin, face=face[corners])
            close = False
            for k in range(len(nx)):
                rest = np.concatenate([others, np.delete(nx, k, axis=0)])
                close |= bool(len(rest) and np.linalg.norm(rest - nx[k], axis=1).min() < min_dist)
            if not close:
                face[corners], bary[corners], x[corners] = nf, nb, nx
                pulled[h] = True
                break
            delta *= 0.5
    return face, bary, pulled


@pytest.mark.parametrize("name", ["bumpy_sphere", "sphere_cap"])
def test_holes_pulled_in_waves_end_exactly_as_one_by_one(name):
    surface = synthetic_surface(name)
    solver = ZoneLayoutSolver(surface.V, surface.F, surface.zone, surface.normals)
    patch = solver.patch
    layout = solver.layout(SPACING, "hexagonal", MARGIN, fix=False)  # the lattice as laid, holes and all
    local = np.searchsorted(patch.global_faces, layout.faces)
    keep = np.arange(len(local)) % 7 != 3  # every seventh point taken out: holes all over
    face, bary = local[keep][5:], layout.barycentric[keep][5:]
    x = patch.positions(local[keep], layout.barycentric[keep])
    fixed = x[:5]  # some points held (as pinned points are)
    spots = patch.positions(*surface_samples(patch, 6000, seed=3))
    r = np.linalg.norm(x[None] - spots[:, None], axis=2).min(axis=1)
    sites = spots[(r > 0.62 * SPACING) & (patch.boundary_distance(spots) >= MARGIN)]
    assert len(sites) >= 100 and len(_waves(sites, 3 * SPACING)) < len(sites) / 4  # many sites, far fewer waves
    want = pull_one_by_one(patch, face, bary, sites, SPACING, MARGIN, fixed, 0.9 * SPACING)
    got = pull_toward(patch, face, bary, sites, SPACING, MARGIN, fixed, 0.9 * SPACING)
    assert want[2].sum() > 50  # holes were shrunk
    for a, b in zip(want, got):
        np.testing.assert_array_equal(a, b)


def test_waves_keep_the_order_of_sites_that_see_each_other():
    rng = np.random.default_rng(1)
    sites = rng.random((500, 3)) * 100
    waves = _waves(sites, 12.0)
    wave_of = np.empty(len(sites), dtype=int)
    for k, w in enumerate(waves):
        wave_of[w] = k
        d = np.linalg.norm(sites[w, None] - sites[None, w], axis=2) + np.eye(len(w)) * 1e9
        assert d.min() >= 12.0  # no two sites of a wave see each other
    near = np.argwhere(np.linalg.norm(sites[:, None] - sites[None], axis=2) < 12.0)
    near = near[near[:, 0] < near[:, 1]]
    assert (wave_of[near[:, 0]] < wave_of[near[:, 1]]).all()  # the earlier of two near sites goes first
    assert sorted(np.concatenate(waves).tolist()) == list(range(len(sites)))


def test_the_layouts_evenness_check_measures_along_the_skin_not_through_it():
    """Five points one spacing apart along the skin round a tight curve (20 mm round a limb of radius 16 mm): their
    chords are 6.5 % short, so the straight line read every point as too close; along the skin all are at the
    spacing. The check that decides whether a layout is evened out reads the skin's way."""
    from mesomap.geometry.layout_fix import within_5pct

    s, n = 20.0, 5
    r = n * s / (2 * np.pi)  # 15.9 mm
    angle = np.arange(n) * (2 * np.pi / n)
    x = np.stack([r * np.cos(angle), r * np.sin(angle), np.zeros(n)], axis=1)
    share, low = within_5pct(x, s)
    assert share == 0.0 and low == pytest.approx(2 * r * np.sin(np.pi / n) / s)  # 0.935: straight line
    share, low = within_5pct(x, s, normals=x / r)
    assert share == 1.0 and low == pytest.approx(1.0)
