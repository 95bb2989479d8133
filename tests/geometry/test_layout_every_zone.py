"""Even grids on the template zones the smooth-zone tests leave out: limbs (a band around a wrist), the scalp.

Each zone is the one the app makes from the template (plan_builder.template_zone_faces), laid out in the
template's own pattern and judged with the independent measures of mesomap.geometry.quality against the
pattern's ideal — the thresholds of issue 18: ≥ 95 % of nearest neighbours within ±5 % of the spacing,
none closer than 0.9 × spacing, count within ±10 % of the ideal.
"""

from __future__ import annotations

import numpy as np
import pytest

from mesomap.geometry.layout import ZoneLayoutSolver
from mesomap.geometry.layout_lattice import cell_area_mm2
from mesomap.geometry.quality import measure
from mesomap.io.meshes import load_painting_surface
from mesomap.io.plan_builder import template_zone_faces
from mesomap.io.templates import load_templates


def solver(zone_id: str, body: str = "female") -> ZoneLayoutSolver:
    surface = load_painting_surface(body)
    return ZoneLayoutSolver.from_surface(surface, template_zone_faces(load_templates().zone(zone_id), surface))


def laid_out(zone: ZoneLayoutSolver, s: float, pattern: str, m: float):
    """(the zone's layout at spacing s, margin m mm in ``pattern``, its independent quality against the pattern's
    ideal: :func:`mesomap.geometry.quality.measure`)."""
    layout = zone.layout(s, pattern, m)
    return layout, measure(zone.patch, layout, s, m, band=0.0, cell_area_mm2=cell_area_mm2(pattern, s),
                           eroded_area_mm2=zone.eroded_area_mm2(m))


@pytest.fixture(scope="module")
def wrist():
    return solver("wrist_left")


@pytest.mark.parametrize("pattern", ["square", "hexagonal"])
def test_a_grid_around_the_wrist_closes_on_itself_evenly(wrist, pattern):
    s, m = 10.0, 10.0  # the template's margin; 10 mm: about 12 steps around the wrist
    layout, q = laid_out(wrist, s, pattern, m)
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
    # the chart stretches the dome's lattice (half the points sat off the spacing); springs evened it out to 74 %,
    # pushing the points apart (neighbours free to change) to the 95 %
    assert q.within_5pct >= 0.95, f"only {q.within_5pct:.0%} of nearest neighbours within ±5 % of {s:g} mm"


@pytest.mark.parametrize("zone_id", ["shoulder_left", "ankle_left"])
def test_a_square_grid_on_a_curved_limb_has_no_crowded_injections(zone_id):
    """The shoulder's cap and the ankle's bend, in their template's square pattern at 10 mm: the lattice came out
    too close in places (female: 94 % and 93 % of nearest neighbours within ±5 %, the closest at 0.92–0.94 ×
    spacing); the crowded pairs are now nudged apart along the skin, the rows kept."""
    zone = solver(zone_id)
    t = load_templates().zone(zone_id)
    s, m = 10.0, t.margin_mm
    assert t.pattern == "square"
    layout, q = laid_out(zone, s, t.pattern, m)
    assert q.outside == 0 and q.min_boundary_mm >= m - 1e-9
    assert q.within_5pct >= 0.95, f"only {q.within_5pct:.0%} of nearest neighbours within ±5 % of {s:g} mm"
    assert q.nn_min >= 0.9
    assert abs(q.count_ratio - 1) <= 0.10, f"{q.count} injections for an ideal {q.ideal_count:.1f}"


def test_a_small_zone_at_its_templates_spacing_gets_the_count_its_area_holds():
    """The lumbar zone at its template's 20 mm: the lattice through the chart's origin held 3 rows of 6 with a strip
    of 14 mm left empty along three sides — 19 injections for an area worth 22. The lattice is now shifted within
    its cell to fit the zone (layout_phase)."""
    zone = solver("spine_lumbar")
    t = load_templates().zone("spine_lumbar")
    s, m = t.spacing_mm, t.margin_mm
    layout, q = laid_out(zone, s, t.pattern, m)
    assert q.outside == 0 and q.min_boundary_mm >= m - 1e-9
    assert abs(q.count_ratio - 1) <= 0.10, f"{q.count} injections for an ideal {q.ideal_count:.1f}"
    assert q.within_5pct >= 0.95 and q.nn_min >= 0.9
    assert q.hole <= 1.10, f"a gap of {q.hole:.2f} × spacing"  # no wider than the lattice through the origin left


def test_a_wrist_at_a_wide_spacing_keeps_its_even_grid_when_a_shifted_lattice_would_not():
    """The male right wrist at 20 mm (square): its crowded pairs spread (±5 % 0.36 → 1.00), 11 injections for an
    ideal 11.4. A shifted lattice looked better before its fix (a narrower largest gap) and ended with 9 (0.79 of
    the ideal): the finished layout from a shifted lattice is kept only if it beats the one through the origin."""
    zone = solver("wrist_right", "male")
    s, m = 20.0, load_templates().zone("wrist_right").margin_mm
    layout, q = laid_out(zone, s, "square", m)
    assert abs(q.count_ratio - 1) <= 0.10, f"{q.count} injections for an ideal {q.ideal_count:.1f}"
    assert q.within_5pct >= 0.95 and q.nn_min >= 0.9


def one_row(zone_id: str, s: float):
    zone = solver(zone_id)
    t = load_templates().zone(zone_id)
    layout, q = laid_out(zone, s, t.pattern, t.margin_mm)
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


def test_a_thin_ring_s_row_moves_off_its_middle_line_to_keep_its_steps_at_the_spacing():
    """A flat ring, radii 21–34 mm, 2 mm margin, at 20 mm: one row. On its middle line (radius 27.5 mm) whole steps
    came out 8 of 1.055 × the spacing (9 would be 0.94 ×); the row now runs where 8 steps are the spacing to within
    1 % (radius ≈ 26 mm), still between the margin lines and leaving no spot of the ring farther than 0.65 ×
    spacing from an injection. (The male perioral ring at 20 mm had 7 steps of 1.051 × the spacing.)"""
    ring = flat_annulus(21, 34)
    s, m = 20.0, 2.0
    layout, q = laid_out(ring, s, "hexagonal", m)
    x = layout.positions_mm[np.argsort(np.arctan2(layout.positions_mm[:, 1], layout.positions_mm[:, 0]))]
    steps = np.linalg.norm(x - np.roll(x, -1, axis=0), axis=1)  # around the ring
    assert len(x) == 8, f"{len(x)} injections"
    assert np.abs(steps / s - 1).max() <= 0.01, steps / s
    assert q.within_5pct == 1.0 and q.outside == 0 and q.min_boundary_mm >= m - 1e-9
    assert q.hole <= 0.65, f"a spot {q.hole:.2f} × spacing from the nearest injection"


def flat_annulus(r_in: float, r_out: float) -> ZoneLayoutSolver:
    """A flat annulus, radii r_in–r_out mm around the origin, on a plane meshed every 0.83 mm."""
    from mesomap.geometry.synthetic import grid_mesh

    uv, F = grid_mesh(121, 121)
    V = np.concatenate([100 * uv - 50, np.zeros((len(uv), 1))], axis=1)
    r = np.linalg.norm(V[F].mean(axis=1)[:, :2], axis=1)
    return ZoneLayoutSolver(V, F, np.flatnonzero((r >= r_in) & (r <= r_out)), np.tile([0.0, 0.0, 1.0], (len(V), 1)))


@pytest.fixture(scope="module")
def flat_ring():
    """A flat annulus, radii 20–40 mm (a ring around the navel, say)."""
    return flat_annulus(20, 40)


@pytest.mark.parametrize("pattern", ["hexagonal", "square"])
def test_a_flat_ring_is_not_taken_for_a_band_around_a_limb(flat_ring, pattern):
    """Two border loops, like a wrist's; but cut open it unrolls to a sector, not a strip with a period — laying a
    limb's lattice on it asked for a lattice step of 10⁻⁸ mm and ran out of memory. It gets its own chart."""
    assert flat_ring.tubes == {}
    s, m = 5.0, 2.0
    layout, q = laid_out(flat_ring, s, pattern, m)
    assert q.outside == 0 and q.min_boundary_mm >= m - 1e-9
    assert q.within_5pct >= 0.95 and q.nn_min >= 0.9
    assert abs(q.count_ratio - 1) <= 0.10, f"{q.count} injections for an ideal {q.ideal_count:.1f}"


def test_rows_in_a_ring_go_around_it_centred_between_its_margin_lines(flat_ring):
    """The flat annulus (16 mm wide inside its 2 mm margin), rows 5 mm apart: ⌊16 / 5⌋ + 1 = 4 rows around it,
    centred — at radii 22.5, 27.5, 32.5 and 37.5 mm — each point 5 mm from the next along its row."""
    ring = flat_ring
    layout = ring.layout(5.0, "rows", 2.0)
    radius = np.linalg.norm(layout.positions_mm[:, :2], axis=1)
    off = np.abs(radius[:, None] - np.array([22.5, 27.5, 32.5, 37.5])).min(axis=1)
    assert np.quantile(off, 0.95) <= 0.4, f"points off the four rows around the ring by up to {off.max():.1f} mm"
    for row in (22.5, 27.5, 32.5, 37.5):
        on = np.abs(radius - row) <= 0.5
        assert on.sum() >= round(2 * np.pi * row / 5.0) - 1, f"the row at {row} mm has {on.sum()} points"
    q = measure(ring.patch, layout, 5.0, 2.0, band=0.0, cell_area_mm2=cell_area_mm2("rows", 5.0),
                eroded_area_mm2=ring.eroded_area_mm2(2.0))
    assert q.within_5pct >= 0.95 and q.nn_min >= 0.9


def test_rows_around_the_mouth_follow_the_lips_at_the_templates_spacing():
    """The perioral zone at its template's 5 mm: rows that go around the mouth (one along the thin upper lip, two
    or three below). Its straight rows, cut into pieces by the ring's sides, had 69 % of nearest neighbours within
    ±5 % of the spacing, 0.76 of the ideal count and a spot 1.5 spacings from any injection."""
    zone = solver("perioral")
    s, m = 5.0, 2.0
    layout, q = laid_out(zone, s, "rows", m)
    assert q.outside == 0 and q.min_boundary_mm >= m - 1e-9
    assert q.within_5pct >= 0.95, f"only {q.within_5pct:.0%} of nearest neighbours within ±5 % of {s:g} mm"
    assert q.nn_min >= 0.9
    assert q.hole <= 1.0, f"a spot {q.hole:.2f} × spacing from the nearest injection"
    assert q.count_ratio >= 0.9, f"{q.count} injections for an ideal {q.ideal_count:.1f}"


def test_a_band_that_unrolls_with_no_way_round_is_laid_out_in_its_own_chart(monkeypatch):
    """Should a ring ever be taken for a band around a limb (here: the facing test switched off), its unrolled
    chart has no period — the layout lays it out like any zone instead of asking for a lattice step of 10⁻⁸ mm."""
    from mesomap.geometry import layout_tube
    from mesomap.geometry.synthetic import grid_mesh

    monkeypatch.setattr(layout_tube, "MAX_TUBE_FACING", 2.0)
    uv, F = grid_mesh(61, 61)
    V = np.concatenate([100 * uv - 50, np.zeros((len(uv), 1))], axis=1)
    r = np.linalg.norm(V[F].mean(axis=1)[:, :2], axis=1)
    ring = ZoneLayoutSolver(V, F, np.flatnonzero((r >= 20) & (r <= 40)), np.tile([0.0, 0.0, 1.0], (len(V), 1)))
    assert list(ring.tubes) == [0]
    layout = ring.layout(5.0, "hexagonal", 2.0)
    assert 0.9 <= len(layout) / ring.estimate_count(5.0, 2.0) <= 1.1
