"""A zone's chart kept on disk: the next session's first layout reads it and lays out the same grid.

The store is the app's (io/chart_store, in a temporary folder here); layouts are compared to
the last bit with layouts made with no store at all (every chart built, as before the store).
"""

from __future__ import annotations

import numpy as np
import pytest

from mesomap.geometry import chart_cache, layout_cache, layout_chart, layout_tube
from mesomap.io import chart_store
from mesomap.io.meshes import load_painting_surface
from mesomap.io.plan_builder import zone_from_template
from mesomap.io.plan_file import body_ref
from mesomap.io.templates import load_templates
from mesomap.model import grid
from mesomap.model.plan import Plan

ZONES = ("cheek_left", "knee_left", "nasolabial_right", "forehead")
#: Bands around a limb, unrolled by layout_tube (cut open along a seam): their charts are stored too.
TUBE_ZONES = ("wrist_left", "elbow_left")


@pytest.fixture(scope="module")
def surface():
    return load_painting_surface("male")


@pytest.fixture(scope="module")
def zones(surface):
    templates = load_templates()
    plan = Plan(body=body_ref(surface))
    return [zone_from_template(templates.zone(z), surface, plan) for z in ZONES]


@pytest.fixture
def no_store():
    """No chart store (a test installs its own), and no layout store: every layout here is computed from its chart."""
    before, layouts = chart_cache.store(), layout_cache.store()
    chart_cache.use_store(None)
    layout_cache.use_store(None)
    grid._solvers.clear()
    yield
    chart_cache.use_store(before)
    layout_cache.use_store(layouts)
    grid._solvers.clear()


def grid_of(zone, surface, seed):
    points = grid.layout_zone(zone, surface, seed)
    return np.array([p.face for p in points]), np.array([p.barycentric for p in points])


def test_a_stored_chart_gives_the_same_grid_without_building_it(surface, zones, tmp_path, monkeypatch, no_store):
    want = {(i, seed): grid_of(z, surface, seed) for i, z in enumerate(zones) for seed in (0, 3)}  # no store: built
    chart_store.install(tmp_path)
    for z in zones:  # the first session: charts built and stored
        grid._solvers.clear()
        grid_of(z, surface, 0)
    assert len(list(tmp_path.glob("*.npz"))) >= len(zones)

    def no_building(*_):
        raise AssertionError("a stored chart was built again")

    monkeypatch.setattr(layout_chart, "compute_chart", no_building)
    for (i, seed), (faces, bary) in want.items():  # the next session: fresh solvers read the charts
        grid._solvers.clear()
        got_faces, got_bary = grid_of(zones[i], surface, seed)
        assert np.array_equal(got_faces, faces) and np.array_equal(got_bary, bary), (ZONES[i], seed)


def test_a_stored_tube_chart_gives_the_same_limb_band_grid_without_building_it(surface, tmp_path, monkeypatch,
                                                                              no_store):
    templates = load_templates()
    plan = Plan(body=body_ref(surface))
    zones = {z: zone_from_template(templates.zone(z), surface, plan) for z in TUBE_ZONES}
    want = {(z, seed): grid_of(zones[z], surface, seed) for z in TUBE_ZONES for seed in (0, 2)}  # no store: built
    chart_store.install(tmp_path)
    for z in TUBE_ZONES:  # the first session: the bands' charts built and stored
        grid._solvers.clear()
        grid_of(zones[z], surface, 0)

    def no_building(*_, **__):
        raise AssertionError("a stored chart was built again")

    monkeypatch.setattr(layout_chart, "flatten", no_building)  # the tube chart's flattening (and any other part's)
    monkeypatch.setattr(layout_chart, "compute_chart", no_building)
    for (z, seed), (faces, bary) in want.items():  # the next session: fresh solvers read the charts
        grid._solvers.clear()
        got_faces, got_bary = grid_of(zones[z], surface, seed)
        assert len(faces) > 0
        assert np.array_equal(got_faces, faces) and np.array_equal(got_bary, bary), (z, seed)


def test_the_ahead_of_time_walk_stores_the_charts_the_layout_reads(surface, tmp_path, monkeypatch, no_store):
    # session/chart_prefetch builds each template zone's charts with prepare_charts before anyone lays it out: a
    # limb band's cut-open chart included, so its first layout later builds nothing
    from mesomap.geometry.layout import ZoneLayoutSolver

    templates = load_templates()
    plan = Plan(body=body_ref(surface))
    zones = [zone_from_template(templates.zone(z), surface, plan) for z in ("elbow_left", "cheek_left")]
    want = [grid_of(z, surface, 0) for z in zones]
    chart_store.install(tmp_path)
    for z in zones:
        ZoneLayoutSolver.from_surface(surface, z.faces).prepare_charts()

    def no_building(*_, **__):
        raise AssertionError("the walk left a chart to build")

    monkeypatch.setattr(layout_chart, "flatten", no_building)
    monkeypatch.setattr(layout_chart, "compute_chart", no_building)
    for z, (faces, bary) in zip(zones, want):
        grid._solvers.clear()
        got_faces, got_bary = grid_of(z, surface, 0)
        assert np.array_equal(got_faces, faces) and np.array_equal(got_bary, bary), z.template


def test_a_damaged_or_foreign_chart_file_is_built_again(surface, zones, tmp_path, no_store):
    zone = zones[0]
    want = grid_of(zone, surface, 1)
    store = chart_store.install(tmp_path)
    grid._solvers.clear()
    grid_of(zone, surface, 1)
    (entry,) = tmp_path.glob("*.npz")
    entry.write_bytes(b"not a chart")
    grid._solvers.clear()
    got = grid_of(zone, surface, 1)
    assert np.array_equal(got[0], want[0]) and np.array_equal(got[1], want[1])
    other = zones[1]  # another zone's arrays under this zone's key: they do not fit, so it is rebuilt
    grid._solvers.clear()
    grid_of(other, surface, 1)
    foreign = [p for p in tmp_path.glob("*.npz") if p.name != entry.name][0]
    entry.write_bytes(foreign.read_bytes())
    grid._solvers.clear()
    got = grid_of(zone, surface, 1)
    assert np.array_equal(got[0], want[0]) and np.array_equal(got[1], want[1])
    assert store.load(entry.stem) is not None


def test_the_key_is_the_exact_skin_and_code(surface):
    v = np.random.default_rng(0).normal(size=(5, 3))
    f = np.array([[0, 1, 2], [1, 3, 2], [2, 3, 4]])
    key = chart_cache.chart_key(v, f, 0)
    moved = v.copy()
    moved[4, 2] += 1e-9  # a different skin by a nanometre: another chart
    assert chart_cache.chart_key(moved, f, 0) != key
    assert chart_cache.chart_key(v, f[[0, 2, 1]], 0) != key
    assert chart_cache.chart_key(v, f, 1) != key
    assert chart_cache.chart_key(v, f, 0, (20, 3.0)) != chart_cache.chart_key(v, f, 0, (21, 3.0))  # other settings
    assert chart_cache.chart_key(v.copy(), f.copy(), 0) == key
