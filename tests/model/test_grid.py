"""model.grid on a bundled body: the window's preview and full layouts are the command line's."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mesomap.model.grid import layout_zone


@pytest.fixture(scope="module")
def surface():
    from mesomap.io.meshes import load_painting_surface

    return load_painting_surface("female")


@pytest.fixture(scope="module")
def knee(surface):
    from mesomap.io.plan_builder import new_plan
    from mesomap.io.templates import load_templates

    return new_plan(surface, load_templates(), ["knee_left"], [], spacing_mm=15).zones[0]


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
    from mesomap.ui import layout_jobs

    layout_jobs._surfaces.setdefault("female", surface)
    zone = replace(knee, injections=pinned_every(layout_zone(knee, surface), 7))
    assert layout_jobs.preview_job("female", zone, 0) == layout_zone(zone, surface, 0, fix=False)
    assert layout_jobs.layout_job("female", zone, 0) == layout_zone(zone, surface, 0)


def test_an_empty_zone_has_no_grid(surface, knee):
    empty = replace(knee, faces=knee.faces[:0])
    assert layout_zone(empty, surface) == () == layout_zone(empty, surface, fix=False)
