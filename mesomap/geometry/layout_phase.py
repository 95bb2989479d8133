"""Where a small zone's lattice sits: the shift within one lattice cell that fits the zone best.

A lattice through the chart's origin fits a small zone by chance: the female
lumbar zone at its template's 20 mm held 3 rows of 6 with a strip of 14 mm
empty along three sides (19 injections for an area worth 22). Shifting the
lattice by a fraction of a cell changes how many rows and columns fit and
how close the outer ones come to the margin line.

:func:`best_shift` tries PHASES × PHASES shifts (fractions of the two lattice
vectors) of the raw lattice and proposes the one whose points inside the
margin are within COUNT_SLACK of the ideal count with the smallest largest
gap at the zone's spots (else the count nearest the ideal) — if it brings the
count within COUNT_SLACK where the lattice through the origin was not
(widening the gap by at most GAIN × spacing), or narrows that gap by GAIN ×
spacing. The raw lattice is not the finished layout (springs, holes filled,
crowded pairs spread): a proposed shift left the male wrist at 20 mm with 9
injections for an ideal 11.4, the male scalp at 20 mm less even. So the
layout is finished both ways and :func:`shift_pays` judges the finished
points by the same rule. Zones of more than MAX_IDEAL points keep the lattice
as it is (a shift changes their count by a few per cent at most, and trying
costs a locate per shift), and so does the preview while a slider moves
(``layout(fix=False)``).

Helpers of :mod:`mesomap.geometry.layout`; lengths in mm.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy.spatial import cKDTree

from mesomap.geometry.layout_chart import Chart, locate
from mesomap.geometry.layout_fix import UNEVEN, within_5pct
from mesomap.geometry.layout_lattice import Lattice
from mesomap.geometry.layout_mesh import ZonePatch

#: Shifts tried along each lattice vector: 0, 1/PHASES, … of a step (lumbar at 20 mm: 3 × 3 found a count within
#: ±10 % only with a gap of 1.20 × spacing; 5 × 5 found 22 of 22 with 0.89).
PHASES = 5
#: A part whose ideal count is above this keeps its lattice through the chart's origin.
MAX_IDEAL = 200
#: Counts within this share of the ideal are taken as equally good (the issue's ±10 %); among them the smallest gap.
COUNT_SLACK = 0.10
#: ... and a shift is taken only for a count brought within COUNT_SLACK (the gap at most this × spacing wider) or a
#: gap narrower by this × spacing.
GAIN = 0.1


def best_shift(patch: ZonePatch, chart: Chart, corners, lattice: Callable[[np.ndarray], Lattice], margin: float,
               ideal: float, spots: np.ndarray, spacing: float) -> np.ndarray:
    """The shift (2,) — fractions of the two lattice vectors — whose lattice fits the part best (see the module).

    corners: for :func:`~mesomap.geometry.layout_chart.locate`; lattice(shift) → the part's
    :class:`~mesomap.geometry.layout_lattice.Lattice` in its chart; ideal: the part's area inside the margin ÷ the
    pattern's cell; spots (q, 3) mm: random points of the part at least ``margin`` from its border; spacing (mm).
    (0, 0) when the part is too large, has no spots, or no shift fits better by COUNT_SLACK or GAIN.
    """
    zero = np.zeros(2)
    if not (0 < ideal <= MAX_IDEAL) or len(spots) == 0:
        return zero
    best_key, best, origin = None, zero, None
    for u in range(PHASES):
        for v in range(PHASES):
            shift = np.array([u, v], dtype=float) / PHASES
            face, bary, found = locate(patch, chart, lattice(shift).points, corners=corners)
            x = patch.positions(face[found], bary[found])
            x = x[patch.boundary_distance_bound(x) >= margin]
            miss = abs(len(x) / ideal - 1)
            gap = float(cKDTree(x).query(spots)[0].max()) if len(x) else np.inf
            key = (max(miss - COUNT_SLACK, 0.0), gap)
            origin = key if origin is None else origin
            if best_key is None or key < best_key:
                best_key, best = key, shift
    fixes_count = origin[0] > 0 and best_key[0] == 0 and best_key[1] <= origin[1] + GAIN * spacing
    return best if fixes_count or best_key[1] <= origin[1] - GAIN * spacing else zero


def shift_pays(patch: ZonePatch, shifted, origin, spacing: float, ideal: float, spots: np.ndarray) -> bool:
    """Whether the finished layout from the shifted lattice beats the one from the lattice through the origin.

    shifted, origin: (local faces (n,), barycentrics (n, 3)) of the two finished layouts (pinned points included);
    ideal: the zone's ideal count; spots (q, 3) mm: random points of the zone at least the margin from its border.
    By the rule :func:`best_shift` applies to the raw lattices — a count brought within COUNT_SLACK (the largest gap
    at the spots at most GAIN × spacing wider), or that gap narrower by GAIN × spacing with the count no further off
    — and the share of nearest neighbours within ±5 % (along the skin) not falling, unless it stays ≥ UNEVEN (a
    shift that evened the raw lattice's gaps left the male scalp's pushed grid at 20 mm 0.94 even, from 1.00).
    """
    def figures(face, bary):
        x = patch.positions(face, bary)
        share = within_5pct(x, spacing, patch.normals(face, bary))[0]
        gap = float(cKDTree(x).query(spots)[0].max()) if len(x) and len(spots) else 0.0
        return share, max(abs(len(x) / ideal - 1) - COUNT_SLACK, 0.0) if ideal > 0 else 0.0, gap

    (share, miss, gap), (share0, miss0, gap0) = figures(*shifted), figures(*origin)
    if share < min(share0, UNEVEN):
        return False
    fixes_count = miss0 > 0 and miss == 0 and gap <= gap0 + GAIN * spacing
    return fixes_count or (miss <= miss0 and gap <= gap0 - GAIN * spacing)
