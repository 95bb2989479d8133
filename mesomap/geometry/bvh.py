"""Fast ray picking on large meshes: the painting surface's ray index, in numpy.

(Kept under its old name: this was a bounding volume hierarchy; a uniform grid does the job
with fewer numpy calls per ray, see :mod:`mesomap.geometry.ray_grid`.)

A ray walks the grid's cells front to back in plain Python — jumping over empty space by each
empty cell's distance to the nearest listed cell — and the triangles of each listed cell it
enters are tested in one matrix product; it stops at the first cell whose exit lies beyond
the nearest hit so far. A pick on the 520k-face surface is ≈5 steps and one test of 50–100
triangles (about 15 numpy calls in all), where a tree traversal in numpy needs a few calls
per level and per box block (the BVH before it: ≈25 calls, 3.3× the time).
"""

from __future__ import annotations

import math
from array import array

import numpy as np

from mesomap.geometry.pick import BARY_EPS, RayHit, nearest_hit
from mesomap.geometry.ray_grid import (
    CELL_PAD_MM,
    cell_size_mm,
    moller_rows,
    ray_query,
    skip_distances,
    triangle_cells,
)

#: Stand-in for a zero direction component when stepping (keeps h / d finite).
TINY = 1e-30
#: The cell test's first filter is this much looser than BARY_EPS; the exact test follows in Python.
FILTER_EPS = 4 * BARY_EPS
#: Triangles whose determinant is this small are parallel to the ray (no hit), as in pick.intersect_triangles.
DET_EPS = 1e-12
#: Listed cells met in a row along a ray are tested together, up to this many (one matrix product).
LOOKAHEAD = 2


class TriangleBVH:
    """Ray queries on triangles (m, 3, 3) mm; build ≈0.7 s CPU per 500k triangles.

    Keeps, in cell order and relative to the mesh's centre, the 16 numbers a ray test needs
    per triangle ((m, 16) float64, :func:`~mesomap.geometry.ray_grid.moller_rows`), the cells'
    triangle lists (int32) and per cell one start (int32) and one skip byte: ≈74 MB for the
    520k-face surface. ``triangles`` is kept by reference (no copy for a float64 array) for the
    hit points. ``cell_mm``: the cells' edge, by default :func:`~mesomap.geometry.ray_grid.cell_size_mm`.
    """

    def __init__(self, triangles: np.ndarray, cell_mm: float | None = None):
        tri = np.asarray(triangles, dtype=np.float64)
        if tri.ndim != 3 or tri.shape[1:] != (3, 3) or len(tri) == 0:
            raise ValueError(f"triangles must have shape (m, 3, 3) with m > 0, got {tri.shape}")
        self.triangles = tri
        self.n_triangles = m = len(tri)
        cell = float(cell_mm) if cell_mm else cell_size_mm(tri)
        lo = tri.min(axis=(0, 1)) - 2 * CELL_PAD_MM
        hi = tri.max(axis=(0, 1)) + 2 * CELL_PAD_MM
        shape = tuple(int(s) for s in np.maximum(np.ceil((hi - lo) / cell), 1))
        self.cell_mm, self.shape, self.lo = cell, shape, lo
        self.centre = 0.5 * (lo + hi)
        owner, flat = triangle_cells(tri, lo, cell, shape)
        by_cell = np.argsort(flat, kind="stable")
        owner, flat = owner[by_cell], flat[by_cell]
        # rows in the order of each triangle's first cell: a cell's triangles lie close together in memory
        first = np.full(m, np.iinfo(np.int64).max)
        np.minimum.at(first, owner, flat)
        self.order = np.argsort(first, kind="stable").astype(np.int32)  # row → face
        rank = np.empty(m, dtype=np.int64)
        rank[self.order] = np.arange(m)
        self._rows = moller_rows(tri[self.order], self.centre)
        self._refs = rank[owner].astype(np.int32)  # rows listed cell after cell
        starts = np.searchsorted(flat, np.arange(int(np.prod(shape)) + 1)).astype(np.int32)
        self._starts = array("i")
        self._starts.frombytes(starts.tobytes())
        self._skip = skip_distances((starts[1:] > starts[:-1]).reshape(shape))
        self._lo = tuple(float(x) for x in lo)
        self._centre = tuple(float(x) for x in self.centre)

    @property
    def nbytes(self) -> int:
        """Bytes held by the index (not counting ``triangles``, which belongs to the mesh)."""
        return (self._rows.nbytes + self._refs.nbytes + self.order.nbytes + len(self._starts) * self._starts.itemsize
                + len(self._skip))

    def intersect_many(self, origins_mm, directions) -> list[RayHit | None]:
        """:meth:`intersect` for q rays — origins (q, 3) mm, directions (q, 3) of any non-zero
        length — a stroke's picks between two mouse events: the same hit as one at a time."""
        o = np.asarray(origins_mm, dtype=np.float64).reshape(-1, 3)
        d = np.asarray(directions, dtype=np.float64).reshape(-1, 3)
        if len(o) != len(d):
            raise ValueError("rays need finite origins and finite non-zero directions, as many of each")
        rays = [_ray(a, b) for a, b in zip(o.tolist(), d.tolist())]  # all checked before any is walked
        return [self._hit(self._walk(a, b)) for a, b in rays]

    def intersect(self, origin_mm, direction) -> RayHit | None:
        """First triangle (front- or back-facing) hit by the ray; ``face`` is the index in the input order.
        Among faces hit at exactly the same distance (a shared edge or corner) the lowest index."""
        return self._hit(self._walk(*_ray(origin_mm, direction)))

    def _hit(self, found: tuple[int, float, float, float] | None) -> RayHit | None:
        """The RayHit of a walk's (face, u, v, distance mm)."""
        if found is None:
            return None
        face, u, v, distance = found
        u, v = max(u, 0.0), max(v, 0.0)
        w = max(1.0 - u - v, 0.0)
        total = u + v + w
        bary = np.array([w / total, u / total, v / total])
        return RayHit(face, bary, bary @ self.triangles[face], distance)

    def _walk(self, o: tuple, d: tuple) -> tuple[int, float, float, float] | None:
        """(face, u, v, distance mm) of the first hit of the ray (origin o mm, unit direction d), or None."""
        (ox, oy, oz), (dx, dy, dz) = o, d
        h = self.cell_mm
        nx, ny, nz = self.shape
        lx, ly, lz = self._lo
        gx, gy, gz = (ox - lx) / h, (oy - ly) / h, (oz - lz) / h  # origin in cell units
        rx, ry, rz = dx / h, dy / h, dz / h  # cells per mm along the ray
        # t (mm) of the grid plane at index i of an axis: (i − g)·h/d; a zero component never reaches one
        ix = h / (dx or math.copysign(TINY, dx))
        iy = h / (dy or math.copysign(TINY, dy))
        iz = h / (dz or math.copysign(TINY, dz))
        t0, t1 = 0.0, math.inf
        for g, n, inv in ((gx, nx, ix), (gy, ny, iy), (gz, nz, iz)):  # clip the ray to the grid's box
            a, b = -g * inv, (n - g) * inv
            if a > b:
                a, b = b, a
            t0, t1 = (a if a > t0 else t0), (b if b < t1 else t1)
        if not t0 <= t1:
            return None
        cx = min(max(math.floor(gx + t0 * rx), 0), nx - 1)
        cy = min(max(math.floor(gy + t0 * ry), 0), ny - 1)
        cz = min(max(math.floor(gz + t0 * rz), 0), nz - 1)
        # exit plane of the cube of cells within R − 1 of the cell: index c + s·R + k (k = 0 going up, 1 down)
        sx, kx = (1, -gx) if ix > 0 else (-1, 1.0 - gx)
        sy, ky = (1, -gy) if iy > 0 else (-1, 1.0 - gy)
        sz, kz = (1, -gz) if iz > 0 else (-1, 1.0 - gz)
        skip = self._skip
        query, best, best_t = None, None, math.inf
        pending, pending_te = [], 0.0  # listed cells walked but not tested yet, the last one's exit
        for _ in range(2 * (nx + ny + nz) + 3):  # a step leaves one plane or more behind (rounding may undo one)
            flat = (cx * ny + cy) * nz + cz
            empty = skip[flat]
            r = empty or 1
            tx, ty, tz = (cx + sx * r + kx) * ix, (cy + sy * r + ky) * iy, (cz + sz * r + kz) * iz
            te = tx if tx < ty else ty
            te = tz if tz < te else te
            if not empty:
                pending.append(flat)
                pending_te = te
            if pending and (empty or len(pending) == LOOKAHEAD or te >= t1):  # test them in one go
                if query is None:
                    c = self._centre
                    query = ray_query((ox - c[0], oy - c[1], oz - c[2]), d)
                best, best_t = self._test(pending, query, best, best_t)
                pending = []
                if best_t <= pending_te:  # every cell nearer than the hit has been tested
                    break
            if te >= t1:
                break
            if te == tx:
                cx += sx * r
                if not 0 <= cx < nx:
                    break
                if r > 1:
                    cy = _clamp(math.floor(gy + te * ry), cy, r, ny)
                    cz = _clamp(math.floor(gz + te * rz), cz, r, nz)
            elif te == ty:
                cy += sy * r
                if not 0 <= cy < ny:
                    break
                if r > 1:
                    cx = _clamp(math.floor(gx + te * rx), cx, r, nx)
                    cz = _clamp(math.floor(gz + te * rz), cz, r, nz)
            else:
                cz += sz * r
                if not 0 <= cz < nz:
                    break
                if r > 1:
                    cx = _clamp(math.floor(gx + te * rx), cx, r, nx)
                    cy = _clamp(math.floor(gy + te * ry), cy, r, ny)
        else:  # rounding kept the walk from ending: test every triangle instead (never seen)
            hit = nearest_hit(np.arange(self.n_triangles), self.triangles, np.array(o), np.array(d))
            return None if hit is None else (hit.face, float(hit.barycentric[1]), float(hit.barycentric[2]),
                                             hit.distance_mm)
        if pending:  # the ray left the grid right after them
            best, best_t = self._test(pending, ray_query((ox - self._centre[0], oy - self._centre[1],
                                                          oz - self._centre[2]), d), best, best_t)
        return None if best is None else (best[0], best[1], best[2], best_t)

    def _test(self, cells: list[int], query: np.ndarray, best, best_t: float):
        """The nearest of ``best`` ((face, u, v) or None, at best_t mm) and the hits on the triangles of
        ``cells`` (flat ids) by the ray whose :func:`~mesomap.geometry.ray_grid.ray_query` is ``query``."""
        starts, refs = self._starts, self._refs
        if len(cells) > 1:
            cells.sort()
        if len(cells) == 1 or all(starts[a + 1] == starts[b] for a, b in zip(cells, cells[1:])):  # one run
            idx = refs[starts[cells[0]]:starts[cells[-1] + 1]]
        else:
            idx = np.concatenate([refs[starts[f]:starts[f + 1]] for f in cells])
        m = np.dot(query, self._rows.take(idx, axis=0).T)  # (5, k): det, det·u, det·v, det·w, det·t
        near = ((m[1:] / m[0]).min(axis=0) >= -FILTER_EPS).nonzero()[0]
        if len(near):
            best, best_t = _nearest(m.T[near].tolist(), near.tolist(), idx, self.order, best, best_t)
        return best, best_t


def _nearest(m: list, ks: list, idx: np.ndarray, order: np.ndarray, best, best_t: float):
    """The exact test (as :func:`mesomap.geometry.pick.intersect_triangles`) on a cell test's few filtered
    triangles — m: their [det, det·u, det·v, det·w, det·t], ks: their places in ``idx`` (row ids) —
    against the best so far ((face, u, v) or None, distance): the nearer hit, the lower face id at the
    same distance."""
    for (det, du, dv, _, dt), k in zip(m, ks):
        if abs(det) <= DET_EPS:
            continue
        u, v, t = du / det, dv / det, dt / det
        if u >= -BARY_EPS and v >= -BARY_EPS and u + v <= 1 + BARY_EPS and 0 < t <= best_t:
            face = int(order[idx[k]])
            if t < best_t or face < best[0]:
                best, best_t = (face, u, v), t
    return best, best_t


def _clamp(c: int, centre: int, r: int, n: int) -> int:
    """Cell index c kept within the cube of radius r − 1 around ``centre`` and within 0 … n − 1."""
    lo, hi = max(centre - r + 1, 0), min(centre + r - 1, n - 1)
    return lo if c < lo else (hi if c > hi else c)


def _ray(origin_mm, direction) -> tuple[tuple[float, float, float], tuple[float, float, float]]:
    """(origin, unit direction) as Python floats; ValueError for a zero or non-finite ray (as pick.unit_ray)."""
    o = origin_mm if type(origin_mm) is list and len(origin_mm) == 3 else _floats(origin_mm)
    d = direction if type(direction) is list and len(direction) == 3 else _floats(direction)
    length = math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2])
    if not (math.isfinite(length) and length > 0 and all(map(math.isfinite, o))):
        raise ValueError("a ray needs a finite origin and a finite non-zero direction")
    return (float(o[0]), float(o[1]), float(o[2])), (d[0] / length, d[1] / length, d[2] / length)


def _floats(v) -> list:
    """A 3-vector (array-like) as a list of 3 numbers; ValueError for any other size."""
    if type(v) is np.ndarray and v.shape == (3,):
        return v.tolist()
    return np.asarray(v, dtype=np.float64).reshape(3).tolist()
