"""A finished layout kept on disk: the same zone laid out again with the same settings reads the same points.

The store is the app's (io/chart_store.install_layouts, in a temporary folder here); the points read are compared
to the last bit with a layout computed with no store, and a store that holds nothing usable (another setting,
another constant, a damaged file) makes the layout compute again.
"""

from __future__ import annotations

import numpy as np
import pytest

from mesomap.geometry import chart_cache, layout, layout_cache
from mesomap.geometry.layout import ZoneLayoutSolver
from mesomap.io import chart_store
from mesomap.io.meshes import load_painting_surface
from mesomap.io.plan_builder import zone_from_template
from mesomap.io.plan_file import body_ref
from mesomap.io.templates import load_templates
from mesomap.model import grid
from mesomap.model.plan import Plan


@pytest.fixture(scope="module")
def surface():
    return load_painting_surface("female")


@pytest.fixture(scope="module")
def cheek(surface):
    return zone_from_template(load_templates().zone("cheek_left"), surface, Plan(body=body_ref(surface)))


@pytest.fixture
def computed(monkeypatch):
    """Counts the layouts computed (not read); the stores are off before and after the test."""
    charts, layouts = chart_cache.store(), layout_cache.store()
    chart_cache.use_store(None)
    layout_cache.use_store(None)
    grid._solvers.clear()
    calls = []
    real = ZoneLayoutSolver._compute

    def counting(self, *args, **kwargs):
        calls.append(args[:2])
        return real(self, *args, **kwargs)

    monkeypatch.setattr(ZoneLayoutSolver, "_compute", counting)
    yield calls
    chart_cache.use_store(charts)
    layout_cache.use_store(layouts)
    grid._solvers.clear()


def points(zone, surface, seed=0):
    grid._solvers.clear()  # a fresh solver: as in the next session, or in the layout worker
    got = grid.layout_zone(zone, surface, seed)
    return np.array([p.face for p in got]), np.array([p.barycentric for p in got])


def same(a, b) -> bool:
    return np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])


def test_a_stored_layout_gives_the_same_points_without_computing_them(surface, cheek, tmp_path, computed):
    want = {seed: points(cheek, surface, seed) for seed in (0, 4)}  # no store: computed
    assert len(computed) == 2 and len(want[0][0]) > 3
    chart_store.install_layouts(tmp_path)
    for seed in want:  # the first session: computed and stored
        points(cheek, surface, seed)
    assert len(computed) == 4 and len(list(tmp_path.glob("*.npz"))) == 2
    for seed, expected in want.items():  # the next session: read, the same points in the same order
        assert same(points(cheek, surface, seed), expected), seed
    assert len(computed) == 4


def test_other_settings_or_constants_are_laid_out_again(surface, cheek, tmp_path, computed, monkeypatch):
    chart_store.install_layouts(tmp_path)
    solver = ZoneLayoutSolver.from_surface(surface, cheek.faces)
    first = solver.layout(8.0, "hexagonal", 3.0)
    solver.layout(8.0, "hexagonal", 3.0)
    assert len(computed) == 1
    solver.layout(9.0, "hexagonal", 3.0)  # another spacing
    solver.layout(8.0, "square", 3.0)  # another pattern
    solver.layout(8.0, "hexagonal", 2.0)  # another margin
    solver.layout(8.0, "hexagonal", 3.0, pinned=(first.faces[:1], first.barycentric[:1]))  # a pinned point
    solver.layout(8.0, "hexagonal", 3.0, fix=False)  # a preview is never stored
    assert len(computed) == 6
    spots = layout.SPOTS_PER_CELL
    monkeypatch.setattr(layout, "SPOTS_PER_CELL", spots + 1)  # a constant of the layout code
    again = solver.layout(8.0, "hexagonal", 3.0)
    assert len(computed) == 7
    assert len(again) > 0
    monkeypatch.setattr(layout, "SPOTS_PER_CELL", spots)
    solver.layout(8.0, "hexagonal", 3.0)  # as it was: read again
    assert len(computed) == 7
    tilted = surface.vertex_normals + [0.0, 0.05, 0.0]  # the same skin with other normals (a scan's own, say)
    other = ZoneLayoutSolver(surface.mesh.vertices, surface.mesh.faces, cheek.faces, tilted)
    other.layout(8.0, "hexagonal", 3.0)
    assert len(computed) == 8


def test_a_damaged_or_foreign_layout_file_is_laid_out_again(surface, cheek, tmp_path, computed):
    want = points(cheek, surface)
    chart_store.install_layouts(tmp_path)
    points(cheek, surface)
    (entry,) = tmp_path.glob("*.npz")
    entry.write_bytes(b"not a layout")
    assert same(points(cheek, surface), want)  # computed again (and stored again)
    assert len(computed) == 3
    forehead = zone_from_template(load_templates().zone("forehead"), surface, Plan(body=body_ref(surface)))
    points(forehead, surface)  # a larger zone's points under the cheek's key: its faces do not fit the cheek
    other = [p for p in tmp_path.glob("*.npz") if p.name != entry.name][0]
    entry.write_bytes(other.read_bytes())
    assert same(points(cheek, surface), want)
    assert len(computed) == 5


def test_the_walk_stores_each_template_grid_so_its_first_layout_is_a_read(surface, tmp_path, computed, monkeypatch):
    from mesomap.io import templates as templates_module
    from mesomap.session import chart_prefetch

    real = templates_module.load_templates()

    class Two:  # the walk over two template zones instead of all of them
        zones = [real.zone("cheek_left"), real.zone("wrist_left")]

    monkeypatch.setattr(templates_module, "load_templates", lambda: Two)
    monkeypatch.setattr(chart_store, "install", lambda folder=None: None)
    monkeypatch.setattr(chart_store, "install_layouts", lambda folder=None: layout_cache.use_store(
        chart_store.DiskArrayStore(tmp_path, "layouts", chart_store.MAX_LAYOUTS)))
    assert chart_prefetch.prepare_template_zones("female") == 2
    assert len(computed) == 2 and len(list(tmp_path.glob("*.npz"))) == 2
    plan = Plan(body=body_ref(surface))
    for t in Two.zones:  # the app's first layout of each: read
        assert len(points(zone_from_template(t, surface, plan), surface)[0]) > 0
    assert len(computed) == 2


def test_the_key_covers_every_module_the_layout_is_computed_by():
    """A change to any geometry module the layout imports lays every zone out again (the injection order excepted:
    it is worked out anew from the points read)."""
    import subprocess
    import sys

    loaded = subprocess.run([sys.executable, "-c", "import sys, mesomap.geometry.layout; print(' '.join(sys.modules))"],
                            capture_output=True, text=True, check=True).stdout.split()
    geometry = {m.rsplit(".", 1)[1] for m in loaded if m.startswith("mesomap.geometry.")}
    assert geometry - {"order", "chart_cache", "layout_cache"} <= set(layout_cache.MODULES)
