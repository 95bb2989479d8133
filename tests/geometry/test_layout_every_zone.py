"""Even grids on the template zones the smooth-zone tests leave out: limbs (a band around a wrist), the scalp.

Each zone is the one the app makes from the template (plan_builder.template_zone_faces), laid out in the
template's own pattern and judged with the independent measures of mesomap.geometry.quality against the
pattern's ideal — the thresholds of issue 18: ≥ 95 % of nearest neighbours within ±5 % of the spacing,
none closer than 0.9 × spacing, count within ±10 % of the ideal.
"""

from __future__ import annotations

import pytest

from mesomap.geometry.layout import ZoneLayoutSolver
from mesomap.geometry.layout_lattice import cell_area_mm2
from mesomap.geometry.quality import measure
from mesomap.io.meshes import load_painting_surface
from mesomap.io.plan_builder import template_zone_faces
from mesomap.io.templates import load_templates


def solver(zone_id: str) -> ZoneLayoutSolver:
    surface = load_painting_surface("female")
    return ZoneLayoutSolver.from_surface(surface, template_zone_faces(load_templates().zone(zone_id), surface))


@pytest.fixture(scope="module")
def wrist():
    return solver("wrist_left")


@pytest.mark.parametrize("pattern", ["square", "hexagonal"])
def test_a_grid_around_the_wrist_closes_on_itself_evenly(wrist, pattern):
    s, m = 10.0, 10.0  # the template's margin; 10 mm: about 12 steps around the wrist
    layout = wrist.layout(s, pattern, m)
    q = measure(wrist.patch, layout, s, m, band=0.0, cell_area_mm2=cell_area_mm2(pattern, s),
                eroded_area_mm2=wrist.eroded_area_mm2(m))
    assert q.outside == 0 and q.min_boundary_mm >= m - 1e-9
    assert q.within_5pct >= 0.95, f"only {q.within_5pct:.0%} of nearest neighbours within ±5 % of {s:g} mm"
    assert q.nn_min >= 0.9
    assert abs(q.count_ratio - 1) <= 0.10, f"{q.count} injections for an ideal {q.ideal_count:.1f}"


def test_no_two_injections_on_the_scalp_closer_than_0_9_spacing():
    scalp = solver("scalp")  # a dome: its lattice is squeezed and thinned (the minimum sat at 0.860 × spacing)
    s, m = 10.0, 5.0
    layout = scalp.layout(s, "hexagonal", m)
    q = measure(scalp.patch, layout, s, m, band=0.0, eroded_area_mm2=scalp.eroded_area_mm2(m))
    assert q.nn_min >= 0.9, f"two injections {q.nn_min * s:.1f} mm apart along the skin at {s:g} mm"
    assert abs(q.count_ratio - 1) <= 0.10
