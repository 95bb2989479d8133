"""Vertices in a ball as index arrays, without a kd-tree's per-query Python list.

``cKDTree.query_ball_point`` answers one ball with a Python list (for a 100 mm
brush ≈4,500 ints: most of the ≈0.35 ms it costs with the conversion to an array).
Here the vertices are sorted by the cell of a uniform grid whose shortest axis
varies fastest: the cells of one column (along that axis) between two heights are
one contiguous run of that order, so a ball is the runs of the columns it crosses
(each clipped to the sphere's extent there), in ascending order, followed by one
distance test. The longest axis varies slowest, so a ball's ids lie in a narrow
span of the order (for a 100 mm ball on the female body ≈1/8 of it).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def runs(first: np.ndarray, count: np.ndarray) -> np.ndarray:
    """The concatenated index runs ``first[i] : first[i] + count[i]`` (k,) → (count.sum(),) int64."""
    total = int(count.sum())
    return np.arange(total) - np.repeat(np.cumsum(count) - count - first, count)


#: Cell edge (mm): a 100 mm ball crosses ≈300 columns, a 10 mm one ≈9; the female painting
#: surface has ≈610k cells (a 2.4 MB table of where each starts).
CELL_MM = 10.0


@dataclass(frozen=True)
class VertexGrid:
    """Where each cell's vertices start in the grid order (see :meth:`build`).

    origin (3,) mm : the corner of cell (0, 0, 0); cell_mm : the cells' edge.
    axes (3,) : the world axes from slowest to fastest varying (longest extent first, shortest last).
    dims (3,) : cells along ``axes``.
    start (∏dims + 1,) int32 : cell (i, j, k) (along ``axes``) holds sorted positions ``start[c]:start[c + 1]``,
        c = (i·dims[1] + j)·dims[2] + k.
    """

    origin: np.ndarray
    cell_mm: float
    axes: tuple[int, int, int]
    dims: tuple[int, int, int]
    start: np.ndarray

    @classmethod
    def build(cls, vertices: np.ndarray, cell_mm: float = CELL_MM) -> tuple[VertexGrid, np.ndarray]:
        """(the grid, order (n,) int32): ``vertices[order]`` (n, 3) mm sorted by cell (ascending ids within one)."""
        v = np.asarray(vertices, dtype=np.float64).reshape(-1, 3)
        origin = v.min(axis=0) if len(v) else np.zeros(3)
        extent = v.max(axis=0) - origin if len(v) else np.zeros(3)
        axes = tuple(int(a) for a in np.argsort(-extent, kind="stable"))
        cell = np.floor((v[:, axes] - origin[list(axes)]) / cell_mm).astype(np.int64)
        dims = tuple(int(d) for d in (cell.max(axis=0) + 1 if len(v) else np.ones(3, dtype=np.int64)))
        key = (cell[:, 0] * dims[1] + cell[:, 1]) * dims[2] + cell[:, 2]
        order = np.argsort(key, kind="stable")
        start = np.searchsorted(key[order], np.arange(dims[0] * dims[1] * dims[2] + 1)).astype(np.int32)
        return cls(origin, float(cell_mm), axes, dims, start), order.astype(np.int32)

    def ball(self, points: np.ndarray, centre_mm, radius_mm: float) -> np.ndarray:
        """Ascending positions (k,) int64 of the sorted ``points`` (n, 3) mm (``vertices[order]``, any float type)
        within ``radius_mm`` of ``centre_mm`` (3,) mm: every one whose squared distance is ≤ r² and, with
        float32 points, a few within 1e-3 mm more (callers for whom a superset is exact)."""
        axes = list(self.axes)
        c = np.asarray(centre_mm, dtype=np.float64)
        r, h = float(radius_mm), self.cell_mm
        n0, n1, n2 = self.dims
        g = (c[axes] - self.origin[axes]) / h
        span = r / h * (1 + 1e-9) + 1e-6  # (a hair wider: the cells are a superset, the last test decides)
        a0, b0, c0 = (max(int(np.floor(t - span)), 0) for t in g)
        a1, b1, c1 = (int(np.floor(t + span)) for t in g)
        a1, b1, c1 = min(a1, n0 - 1), min(b1, n1 - 1), min(c1, n2 - 1)
        if a0 > a1 or b0 > b1 or c0 > c1:
            return np.zeros(0, dtype=np.int64)
        i, j = np.arange(a0, a1 + 1), np.arange(b0, b1 + 1)
        # each column's nearest distance to the centre across it (cells), and the sphere's half-length there
        gi = np.maximum(np.maximum(i - g[0], g[0] - i - 1), 0.0)
        gj = np.maximum(np.maximum(j - g[1], g[1] - j - 1), 0.0)
        rho2 = (gi * gi)[:, None] + (gj * gj)[None, :]
        reach = span * span
        inside = rho2 <= reach
        half = np.sqrt(reach - rho2[inside])
        lo = np.maximum(np.floor(g[2] - half).astype(np.int64), c0)
        hi = np.minimum(np.floor(g[2] + half).astype(np.int64), c1)
        column = (i[:, None] * n1 + j[None, :])[inside] * n2
        first = self.start[column + lo]
        at = runs(first, self.start[column + hi + 1] - first)
        d = np.take(points, at, axis=0) - c.astype(points.dtype)
        limit = r * r if points.dtype == np.float64 else (r + 1e-3) ** 2
        return at[np.einsum("ij,ij->i", d, d) <= limit]
