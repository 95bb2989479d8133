"""Building blocks of the painting surface's ray index (:class:`mesomap.geometry.bvh.TriangleBVH`).

A uniform grid of cubic cells over the mesh's box. Each cell lists the triangles that
may cross it (box overlap, then the triangle's plane against the cell); each empty cell
knows how far (in cells, chessboard metric) the nearest listed cell is, so a ray jumps
over empty space in a few steps. A cell's triangles are tested in one matrix product:
per triangle 16 numbers precomputed (:func:`moller_rows`), per ray a (5, 16) matrix
(:func:`ray_query`) — Möller–Trumbore's determinant and the scaled u, v, w, t.
"""

from __future__ import annotations

import math

import numpy as np

#: Triangles are listed in every cell they come within this distance of (mm), so rounding at a cell face loses none.
CELL_PAD_MM = 1e-4
#: A cell is about this many times the side of a mean-area triangle (≈12 mm on the 520k-face painting surface,
#: ≈50 triangles per listed cell): fewer, fuller cells cost fewer steps, more triangles per test.
CELL_PER_TRIANGLE_SIDE = 7.0
#: At most this many cells (the per-cell tables take 5 bytes each).
MAX_CELLS = 8_000_000
#: Jumps are counted in a byte.
MAX_SKIP = 255


def cell_size_mm(triangles: np.ndarray) -> float:
    """Edge (mm) of the grid's cubic cells for triangles (m, 3, 3) mm: :data:`CELL_PER_TRIANGLE_SIDE`
    times the side of a mean-area triangle, enlarged when the box would need more than :data:`MAX_CELLS`."""
    area = 0.5 * np.linalg.norm(np.cross(triangles[:, 1] - triangles[:, 0], triangles[:, 2] - triangles[:, 0]), axis=1)
    extent = triangles.max(axis=(0, 1)) - triangles.min(axis=(0, 1)) + 4 * CELL_PAD_MM
    cell = CELL_PER_TRIANGLE_SIDE * math.sqrt(float(area.mean()))
    if not cell > 0:  # every triangle degenerate: a coarse grid still orders the tests
        cell = float(extent.max()) / 16
    return max(cell, float(np.prod(extent) / MAX_CELLS) ** (1 / 3), 1e-3)


def triangle_cells(triangles: np.ndarray, lo: np.ndarray, cell: float, shape: tuple[int, int, int]):
    """(triangle (k,), flat cell (k,)) int64 pairs: every cell (flat index (ix·ny + iy)·nz + iz of a grid
    with corner ``lo`` (3,) mm, cubic cells of ``cell`` mm, ``shape`` cells) that a triangle's box
    overlaps and its plane passes through, both widened by :data:`CELL_PAD_MM`."""
    dims = np.asarray(shape)
    c0 = np.clip(np.floor((triangles.min(axis=1) - CELL_PAD_MM - lo) / cell).astype(np.int64), 0, dims - 1)
    c1 = np.clip(np.floor((triangles.max(axis=1) + CELL_PAD_MM - lo) / cell).astype(np.int64), 0, dims - 1)
    span = c1 - c0 + 1
    count = span.prod(axis=1)
    owner = np.repeat(np.arange(len(triangles)), count)
    k = np.arange(len(owner)) - np.repeat(np.cumsum(count) - count, count)  # rank within the triangle's box
    sx, sy = span[owner, 0], span[owner, 1]
    ijk = c0[owner] + np.stack([k % sx, (k // sx) % sy, k // (sx * sy)], axis=1)
    normal = np.cross(triangles[:, 1] - triangles[:, 0], triangles[:, 2] - triangles[:, 0])[owner]
    offset = np.einsum("ij,ij->i", normal, lo + (ijk + 0.5) * cell - triangles[owner, 0])
    keep = np.abs(offset) <= (0.5 * cell + CELL_PAD_MM) * np.abs(normal).sum(axis=1)  # plane meets the cube
    ijk = ijk[keep]
    return owner[keep], (ijk[:, 0] * shape[1] + ijk[:, 1]) * shape[2] + ijk[:, 2]


def skip_distances(listed: np.ndarray) -> bytes:
    """Per cell of a grid (shape of ``listed``, bool: the cell lists triangles), flattened: 0 for a
    listed cell, else its chessboard distance in cells to the nearest listed one (capped at
    :data:`MAX_SKIP`) — every cell nearer than that is empty, so a ray may jump out of that cube."""
    if not listed.any():
        return bytes([MAX_SKIP]) * listed.size
    from scipy import ndimage  # here, not at import: the window's first frame does without scipy

    dist = ndimage.distance_transform_cdt(~listed, metric="chessboard")
    return np.minimum(dist, MAX_SKIP).astype(np.uint8).tobytes()


def moller_rows(triangles: np.ndarray, centre: np.ndarray) -> np.ndarray:
    """(m, 16) float64 per triangle (corners a, b, c in mm, taken relative to ``centre`` (3,)):
    e1 = b − a, e2 = c − a, n = e1 × e2, e1 × a, e2 × a and a · n — everything of a
    Möller–Trumbore test that does not depend on the ray."""
    a = triangles[:, 0] - centre
    e1, e2 = triangles[:, 1] - triangles[:, 0], triangles[:, 2] - triangles[:, 0]
    n = np.cross(e1, e2)
    return np.concatenate([e1, e2, n, np.cross(e1, a), np.cross(e2, a), np.einsum("ij,ij->i", a, n)[:, None]], 1)


def _query_basis() -> np.ndarray:
    """(80, 10): ``(basis @ (d, o, o × d, 1)).reshape(5, 16)`` is the ray's :func:`ray_query`."""
    k = np.zeros((5, 16, 10))
    for i in range(3):
        k[0, 6 + i, i] = -1.0  # det = −n·d
        k[1, 3 + i, 6 + i], k[1, 12 + i, i] = 1.0, -1.0  # det·u = e2·(o×d) − d·(e2×a)
        k[2, 9 + i, i], k[2, i, 6 + i] = 1.0, -1.0  # det·v = d·(e1×a) − e1·(o×d)
        k[4, 6 + i, 3 + i] = 1.0  # det·t = o·n − a·n
    k[4, 15, 9] = -1.0
    k[3] = k[0] - k[1] - k[2]  # det·w, w = 1 − u − v
    return k.reshape(80, 10)


QUERY_BASIS = _query_basis()


def ray_query(origin: tuple[float, float, float], direction: tuple[float, float, float]) -> np.ndarray:
    """(5, 16) matrix of a ray (origin relative to the rows' centre, mm; unit direction): times a
    triangle's :func:`moller_rows` row it gives det, det·u, det·v, det·w and det·t."""
    (ox, oy, oz), (dx, dy, dz) = origin, direction
    v = np.array([dx, dy, dz, ox, oy, oz, oy * dz - oz * dy, oz * dx - ox * dz, ox * dy - oy * dx, 1.0])
    return (QUERY_BASIS @ v).reshape(5, 16)
