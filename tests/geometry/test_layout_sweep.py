"""The all-zones sweep of benchmarks/layout.py (``--all-zones``) measures a zone as the issue-18 table reports it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from layout_sweep import measure_zone  # noqa: E402


@pytest.mark.parametrize("zone, one_row", [("nasolabial_left", True), ("forehead", False)])
def test_a_zone_is_measured_against_its_own_ideal(zone, one_row):
    """A fold too narrow for two rows is judged as one row (ideal: its midline ÷ spacing); a forehead as an area."""
    (row,) = measure_zone("female", zone, (20.0,))
    assert row.one_row is one_row
    assert row.count >= 1 and row.ideal > 0
    assert 0.5 < row.ratio < 1.5, f"{row.count} injections against an ideal of {row.ideal:.1f}"
    assert row.nn_min >= 0.9 and row.hole > 0
    assert "min" not in row.misses()
