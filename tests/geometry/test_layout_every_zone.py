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


def test_the_scalps_injections_sit_at_the_spacing_and_no_two_closer_than_0_9_spacing():
    scalp = solver("scalp")  # a dome: its lattice is squeezed and thinned (the minimum sat at 0.860 × spacing)
    s, m = 10.0, 5.0
    layout = scalp.layout(s, "hexagonal", m)
    q = measure(scalp.patch, layout, s, m, band=0.0, eroded_area_mm2=scalp.eroded_area_mm2(m))
    assert q.nn_min >= 0.9, f"two injections {q.nn_min * s:.1f} mm apart along the skin at {s:g} mm"
    assert abs(q.count_ratio - 1) <= 0.10
    # the chart stretches the dome's lattice (half the points sat off the spacing); particle steps even it out
    assert q.within_5pct >= 0.70, f"only {q.within_5pct:.0%} of nearest neighbours within ±5 % of {s:g} mm"


def one_row(zone_id: str, s: float):
    zone = solver(zone_id)
    t = load_templates().zone(zone_id)
    layout = zone.layout(s, t.pattern, t.margin_mm)
    q = measure(zone.patch, layout, s, t.margin_mm, band=0.0, cell_area_mm2=cell_area_mm2(t.pattern, s),
                eroded_area_mm2=zone.eroded_area_mm2(t.margin_mm))
    assert q.outside == 0 and q.min_boundary_mm >= t.margin_mm - 1e-9
    widest = float(zone.patch.boundary_distance(zone.patch.V).max())
    depth = (zone.patch.boundary_distance(layout.positions_mm) - t.margin_mm) / (widest - t.margin_mm)
    return q, depth


def test_a_band_narrower_than_a_row_gets_one_even_row_down_its_middle():
    """At 20 mm the inside of the nasolabial fold (past the 2 mm margin) is about 6 mm wide: no room for two rows
    20 mm apart. The grid is one row along the middle of the fold, a spacing apart (it had 2 injections 2.2
    spacings apart), and no spot from the margin line in is farther than 0.707 × spacing from one."""
    q, depth = one_row("nasolabial_left", 20.0)
    assert q.count >= 3
    assert q.within_5pct >= 0.95, f"only {q.within_5pct:.0%} of nearest neighbours within ±5 % of the spacing"
    assert q.nn_min >= 0.9
    assert q.hole <= 0.71, f"a spot {q.hole:.2f} × spacing from the nearest injection"
    assert (depth >= 0.3).all(), "an injection along the side of the fold, not down its middle"


def test_a_ring_narrower_than_a_row_gets_one_even_row_around_it():
    """The perioral zone at 20 mm: a ring under 10 mm wide inside its margin. Its injections go around the mouth
    one spacing apart on the ring's middle line (none of its nearest neighbours was within ±5 % of the spacing, and a
    spot 1.29 × spacing from the nearest injection)."""
    q, _ = one_row("perioral", 20.0)
    assert q.count >= 5
    assert q.within_5pct >= 0.95, f"only {q.within_5pct:.0%} of nearest neighbours within ±5 % of the spacing"
    assert q.nn_min >= 0.9
    assert q.hole <= 0.71, f"a spot {q.hole:.2f} × spacing from the nearest injection"


def test_a_thin_band_s_row_runs_end_to_end_when_whole_steps_stay_close_to_the_spacing():
    """The periorbital crescent at 20 mm is one row. Its middle line is a little under three spacings long: the row
    had 3 injections 20 mm apart, centred, leaving its ends bare (count 0.61 of the ideal); whole steps of under 4 %
    less than the spacing now run it end to end with 4, still within ±5 % of the spacing."""
    q, _ = one_row("periorbital_left", 20.0)
    assert q.count >= 4
    assert q.within_5pct >= 0.95, f"only {q.within_5pct:.0%} of nearest neighbours within ±5 % of the spacing"
    assert q.nn_min >= 0.95
