"""Vertices in a ball as index arrays, without a kd-tree's per-query Python list.

``cKDTree.query_ball_point`` answers one ball with a Python list (for a 100 mm
brush ≈4,500 ints: most of the ≈0.35 ms it costs with the conversion to an array).
Here the vertices are sorted by the cell of a uniform grid, z fastest: the cells of
one (x, y) column between two heights are one contiguous run of that order, so a
ball is the runs of the columns it crosses (each clipped to the sphere's height
there) followed by one exact distance test.
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
    """Vertices sorted by grid cell.

    origin (3,) mm : the corner of cell (0, 0, 0); dims (3,) : cells along x, y, z; cell_mm : their edge.
    start (nx·ny·nz + 1,) int32 : cell ``(ix·ny + iy)·nz + iz`` holds ``order[start[c]:start[c + 1]]``.
    order (n,) int32 : vertex ids, by cell (ascending within a cell).
    """

    origin: np.ndarray
    dims: tuple[int, int, int]
    cell_mm: float
    start: np.ndarray
    order: np.ndarray

    @classmethod
    def build(cls, vertices: np.ndarray, cell_mm: float = CELL_MM) -> VertexGrid:
        """The grid of vertices (n, 3) mm."""
        v = np.asarray(vertices, dtype=np.float64).reshape(-1, 3)
        origin = v.min(axis=0) if len(v) else np.zeros(3)
        cell = np.floor((v - origin) / cell_mm).astype(np.int64)
        dims = tuple(int(d) for d in (cell.max(axis=0) + 1 if len(v) else np.ones(3, dtype=np.int64)))
        key = (cell[:, 0] * dims[1] + cell[:, 1]) * dims[2] + cell[:, 2]
        order = np.argsort(key, kind="stable")
        start = np.searchsorted(key[order], np.arange(dims[0] * dims[1] * dims[2] + 1)).astype(np.int32)
        return cls(origin, dims, float(cell_mm), start, order.astype(np.int32))

    def ball(self, vertices: np.ndarray, centre_mm, radius_mm: float) -> np.ndarray:
        """Ids (k,) int64 of the ``vertices`` (n, 3) mm (those the grid was built from) within ``radius_mm``
        of ``centre_mm`` (3,) mm — squared distance ≤ r², as cKDTree.query_ball_point — grouped by cell."""
        c = np.asarray(centre_mm, dtype=np.float64)
        r, h = float(radius_mm), self.cell_mm
        nx, ny, nz = self.dims
        g = (c - self.origin) / h
        span = r / h * (1 + 1e-9) + 1e-9  # (a hair wider: the cells are a superset, the last test is exact)
        x0, y0, z0 = (max(int(np.floor(t - span)), 0) for t in g)
        x1, y1, z1 = (int(np.floor(t + span)) for t in g)
        x1, y1, z1 = min(x1, nx - 1), min(y1, ny - 1), min(z1, nz - 1)
        if x0 > x1 or y0 > y1 or z0 > z1:
            return np.zeros(0, dtype=np.int64)
        ix, iy = np.arange(x0, x1 + 1), np.arange(y0, y1 + 1)
        # each column's nearest horizontal distance to the centre (cells), and the sphere's half-height there
        gx = np.maximum(np.maximum(ix - g[0], g[0] - ix - 1), 0.0)
        gy = np.maximum(np.maximum(iy - g[1], g[1] - iy - 1), 0.0)
        rho2 = (gx * gx)[:, None] + (gy * gy)[None, :]
        reach = span * span
        inside = rho2 <= reach
        half = np.sqrt(reach - rho2[inside])
        lo = np.maximum(np.floor(g[2] - half).astype(np.int64), z0)
        hi = np.minimum(np.floor(g[2] + half).astype(np.int64), z1)
        column = (ix[:, None] * ny + iy[None, :])[inside] * nz
        first = self.start[column + lo]
        ids = np.take(self.order, runs(first, self.start[column + hi + 1] - first)).astype(np.int64)
        d = np.take(vertices, ids, axis=0) - c
        return ids[np.einsum("ij,ij->i", d, d) <= r * r]
