"""Plane lattices for the injection patterns and the springs that hold them together.

A lattice is laid in a zone's geodesic polar coordinates (see
:mod:`mesomap.geometry.layout`); its springs are what the 3D relaxation keeps
at their rest lengths so that spacing holds along the curved skin.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

REGULAR_PATTERNS = ("hexagonal", "square", "rows")
PATTERNS = REGULAR_PATTERNS + ("blue_noise",)
#: Diagonal springs of square/rows lattices keep them from shearing; weaker than the sides.
DIAGONAL_WEIGHT = 0.5


@dataclass(frozen=True)
class Lattice:
    """Lattice points in a plane and the springs between neighbours.

    points : (n, 2) mm. ij : (n, 2) int64 lattice indices. edges : (e, 2)
    int64 point ids. rest : (e,) mm rest lengths. weight : (e,) spring weights.
    """

    points: np.ndarray
    ij: np.ndarray
    edges: np.ndarray
    rest: np.ndarray
    weight: np.ndarray


def cell_area_mm2(pattern: str, spacing_mm: float, row_spacing_mm: float | None = None) -> float:
    """Skin area (mm²) that one injection covers in an ideal layout of the pattern.

    hexagonal and blue_noise: s²·√3/2 (blue noise is laid at the hexagonal
    density); square: s²; rows: along-line × between-line spacing.
    """
    s = float(spacing_mm)
    if pattern in ("hexagonal", "blue_noise"):
        return s * s * math.sqrt(3) / 2
    if pattern == "square":
        return s * s
    if pattern == "rows":
        return s * float(row_spacing_mm if row_spacing_mm is not None else s)
    raise ValueError(f"pattern {pattern!r} is unknown; use one of {', '.join(PATTERNS)}")


def row_pitch(pattern: str, spacing_mm: float, row_spacing_mm: float | None = None) -> float:
    """Distance (mm) between neighbouring rows of the pattern's lattice: hexagonal s·√3/2, square s, rows the
    row spacing (default s)."""
    s = float(spacing_mm)
    if pattern in ("hexagonal", "blue_noise"):
        return s * math.sqrt(3) / 2
    if pattern == "rows" and row_spacing_mm is not None:
        return float(row_spacing_mm)
    return s


def _basis(pattern: str, a: float, b: float):
    """(e1, e2, springs) where springs are (di, dj, rest, weight) index offsets."""
    if pattern == "hexagonal":
        e1, e2 = np.array([a, 0.0]), np.array([a / 2, a * math.sqrt(3) / 2])
        springs = [(1, 0, a, 1.0), (0, 1, a, 1.0), (-1, 1, a, 1.0)]
    elif pattern == "square":
        e1, e2 = np.array([a, 0.0]), np.array([0.0, a])
        d = a * math.sqrt(2)
        springs = [(1, 0, a, 1.0), (0, 1, a, 1.0), (1, 1, d, DIAGONAL_WEIGHT), (-1, 1, d, DIAGONAL_WEIGHT)]
    elif pattern == "rows":
        e1, e2 = np.array([a, 0.0]), np.array([0.0, b])
        d = math.hypot(a, b)
        springs = [(1, 0, a, 1.0), (0, 1, b, 1.0), (1, 1, d, DIAGONAL_WEIGHT), (-1, 1, d, DIAGONAL_WEIGHT)]
    else:
        raise ValueError(f"pattern {pattern!r} has no lattice; use one of {', '.join(REGULAR_PATTERNS)}")
    return e1, e2, springs


def plane_lattice(pattern: str, spacing_mm: float, row_spacing_mm: float | None, angle_rad: float,
                  lo: np.ndarray, hi: np.ndarray, shift=(0.0, 0.0)) -> Lattice:
    """The lattice of ``pattern`` through the origin, turned by ``angle_rad``, covering the box [lo, hi] (2,) mm;
    moved by ``shift`` (2,) fractions of its two lattice vectors (see :mod:`mesomap.geometry.layout_phase`).

    hexagonal: rows along the angle, each row shifted by half a spacing
    (staggered); square: s × s; rows: ``spacing_mm`` along the lines (which
    run along the angle) and ``row_spacing_mm`` between them.
    """
    a = float(spacing_mm)
    b = float(row_spacing_mm if row_spacing_mm is not None else spacing_mm)
    e1, e2, springs = _basis(pattern, a, b)
    c, s = math.cos(angle_rad), math.sin(angle_rad)
    rot = np.array([[c, -s], [s, c]])
    basis = rot @ np.stack([e1, e2], axis=1)  # columns: turned e1, e2
    corners = np.array([[lo[0], lo[1]], [lo[0], hi[1]], [hi[0], lo[1]], [hi[0], hi[1]]])
    ij_corners = np.linalg.solve(basis, corners.T).T
    i0, j0 = np.floor(ij_corners.min(axis=0)).astype(int) - 1
    i1, j1 = np.ceil(ij_corners.max(axis=0)).astype(int) + 1
    ii, jj = np.meshgrid(np.arange(i0, i1 + 1), np.arange(j0, j1 + 1), indexing="ij")
    ij = np.stack([ii.ravel(), jj.ravel()], axis=1)
    pts = (ij + np.asarray(shift, dtype=np.float64)) @ basis.T
    keep = np.all((pts >= lo - a) & (pts <= hi + a), axis=1)
    ij, pts = ij[keep], pts[keep]
    return Lattice(pts, ij, *lattice_springs(ij, springs))


def lattice_springs(ij: np.ndarray, springs) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Springs between points whose lattice indices ij (n, 2) differ by one of the offsets."""
    if len(ij) == 0:
        return np.empty((0, 2), np.int64), np.empty(0), np.empty(0)
    lo = ij.min(axis=0) - 2
    span = ij.max(axis=0) - lo + 3
    key = (ij[:, 0] - lo[0]) * span[1] + (ij[:, 1] - lo[1])
    order = np.argsort(key)
    sorted_keys = key[order]
    edges, rest, weight = [], [], []
    for di, dj, r, w in springs:
        other = (ij[:, 0] + di - lo[0]) * span[1] + (ij[:, 1] + dj - lo[1])
        pos = np.clip(np.searchsorted(sorted_keys, other), 0, len(key) - 1)
        hit = sorted_keys[pos] == other
        src = np.flatnonzero(hit)
        edges.append(np.stack([src, order[pos[hit]]], axis=1))
        rest.append(np.full(len(src), r))
        weight.append(np.full(len(src), w))
    return np.concatenate(edges).astype(np.int64), np.concatenate(rest), np.concatenate(weight)
