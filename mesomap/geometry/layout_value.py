"""What a layout gives back (:class:`Layout`), the spacing and margin it accepts, and the count expected from area
alone (:func:`estimate_count`, for live feedback while painting). The solver is :mod:`mesomap.geometry.layout`,
which re-exports these names.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from mesomap.geometry.layout_lattice import PATTERNS, cell_area_mm2

SPACING_RANGE_MM = (2.0, 50.0)
MARGIN_RANGE_MM = (0.0, 50.0)


@dataclass(frozen=True, eq=False)
class Layout:
    """Injection points on the skin.

    faces : (p,) int64 face ids of the mesh the solver was built on.
    barycentric : (p, 3) float64, non-negative, rows sum to 1.
    positions_mm : (p, 3) float64 mm. normals : (p, 3) unit outward normals.
    order : (p,) int64 — ``order[i]`` is point i's rank in the injection
        sequence (0 first); ``sequence`` is its inverse (point ids in turn).
    pinned : (p,) bool — points given by the caller, kept exactly (first in the arrays).
    path_length_mm : straight-line length of the injection path in turn.
    """

    faces: np.ndarray
    barycentric: np.ndarray
    positions_mm: np.ndarray
    normals: np.ndarray
    order: np.ndarray
    pinned: np.ndarray
    path_length_mm: float
    pattern: str = "hexagonal"
    spacing_mm: float = 10.0
    margin_mm: float = 0.0
    stats: dict = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        for name in ("faces", "barycentric", "positions_mm", "normals", "order", "pinned"):
            getattr(self, name).flags.writeable = False

    def __len__(self) -> int:
        return len(self.faces)

    @property
    def sequence(self) -> np.ndarray:
        """(p,) point ids in injection order (the inverse permutation of ``order``)."""
        return np.argsort(self.order, kind="stable")


def check_params(pattern: str, spacing_mm: float, margin_mm: float, row_spacing_mm: float | None) -> None:
    if pattern not in PATTERNS:
        raise ValueError(f"pattern {pattern!r} is unknown; use one of {', '.join(PATTERNS)}")
    for name, value, (lo, hi) in (("spacing", spacing_mm, SPACING_RANGE_MM), ("margin", margin_mm, MARGIN_RANGE_MM)) + (
        (("row spacing", row_spacing_mm, SPACING_RANGE_MM),) if row_spacing_mm is not None else ()
    ):
        if not (lo <= value <= hi):
            raise ValueError(f"{name} {value:g} mm is out of range: it must be at least {lo:g} and at most {hi:g} mm")


def estimate_count(area_mm2: float, spacing_mm: float, margin_mm: float = 0.0, pattern: str = "hexagonal", *,
                   perimeter_mm: float | None = None, row_spacing_mm: float | None = None) -> int:
    """Injection count expected for a zone of ``area_mm2``, before any layout (microseconds).

    The area left inside the margin is A − P·m + π·m² (exact for a disc,
    Steiner's formula for convex zones); the perimeter P defaults to that of
    a disc of the same area, the shortest possible — give the zone's real
    boundary length (``ZoneLayoutSolver.boundary_length_mm``) for elongated
    zones. Divided by :func:`cell_area_mm2` of the pattern.
    """
    area = max(float(area_mm2), 0.0)
    m = max(float(margin_mm), 0.0)
    perimeter = 2 * math.sqrt(math.pi * area) if perimeter_mm is None else float(perimeter_mm)
    inner = area - perimeter * m + math.pi * m * m
    if m > 0 and (inner <= 0 or perimeter < 2 * math.pi * m):  # the margin eats the zone
        inner = 0.0
    return int(round(inner / cell_area_mm2(pattern, spacing_mm, row_spacing_mm)))
