"""A bounding volume hierarchy for fast ray picking on large meshes, in numpy.

A wide, shallow linear BVH: triangles sorted along a Morton (Z-order) curve of
their centroids and cut into leaves of ``leaf_size``; consecutive leaves are
grouped ``branching`` at a time into boxes, and so on until at most ``top``
boxes remain (a 520k-triangle surface: 64 top boxes, then 2,035, over 65k
leaves). In numpy a ray costs a fixed price per call, not per box, so a query
is a handful of calls: every slab test of a block of boxes is one matrix
product (the test is nine linear inequalities in a box's corners), and every
Möller–Trumbore test of the crossed leaves' triangles is another (each term is
a per-triangle vector dotted with the ray's origin, direction or their cross
product, all precomputed per triangle).
"""

from __future__ import annotations

import math

import numpy as np

from mesomap.geometry.pick import BARY_EPS, RayHit, unit_ray

#: Boxes are widened by this much (mm) so rounding in the slab test never loses a ray on a box face.
BOX_PAD_MM = 1e-6
#: Direction components below this are treated as this (keeps 1/d finite: no 0·inf in the slab test).
TINY = 1e-12
_PAIRS = ((0, 1), (0, 2), (1, 0), (1, 2), (2, 0), (2, 1))


def _spread_bits(x: np.ndarray) -> np.ndarray:
    """Insert two zero bits between the low 10 bits of each value (for 3D Morton codes)."""
    x = x.astype(np.uint64) & np.uint64(0x3FF)
    x = (x | (x << np.uint64(16))) & np.uint64(0x030000FF)
    x = (x | (x << np.uint64(8))) & np.uint64(0x0300F00F)
    x = (x | (x << np.uint64(4))) & np.uint64(0x030C30C3)
    x = (x | (x << np.uint64(2))) & np.uint64(0x09249249)
    return x


def morton_order(points: np.ndarray) -> np.ndarray:
    """(k,) permutation sorting points (k, 3) along a 30-bit Morton curve of their bounding box."""
    lo, hi = points.min(axis=0), points.max(axis=0)
    q = ((points - lo) / np.maximum(hi - lo, 1e-12) * 1023).astype(np.int64)
    code = (_spread_bits(q[:, 0]) << np.uint64(2)) | (_spread_bits(q[:, 1]) << np.uint64(1)) | _spread_bits(q[:, 2])
    return np.argsort(code, kind="stable")


def _blocks(rows: np.ndarray, size: int) -> np.ndarray:
    """Rows (n, ...) padded with NaN to a multiple of ``size`` and cut into blocks (ceil(n / size), size, ...)."""
    pad = -len(rows) % size
    return np.concatenate([rows, np.full((pad,) + rows.shape[1:], np.nan)]).reshape((-1, size) + rows.shape[1:])


def _group_boxes(boxes: np.ndarray, branching: int) -> np.ndarray:
    """(ceil(n / branching), 6) boxes [lo, hi] each enclosing ``branching`` consecutive boxes (n, 6); NaN ignored."""
    b = _blocks(boxes, branching)
    lo = np.where(np.isnan(b[..., :3]), np.inf, b[..., :3]).min(axis=1)
    hi = np.where(np.isnan(b[..., 3:]), -np.inf, b[..., 3:]).max(axis=1)
    return np.concatenate([lo, hi], axis=1)  # every group holds at least one real box


def _box_columns(boxes: np.ndarray) -> np.ndarray:
    """Boxes (..., 6) as columns (..., 7, k) of (lo, hi, 1) over the last-but-one axis (the slab tests' input)."""
    ones = np.ones(boxes.shape[:-1] + (1,))
    return np.ascontiguousarray(np.swapaxes(np.concatenate([boxes, ones], axis=-1), -1, -2))


def slab_tests(origin: np.ndarray, direction: np.ndarray) -> np.ndarray:
    """(9, 7) matrix M of a ray (origin (3,) mm, unit direction (3,)): for a box column (lo, hi, 1),
    the ray crosses the box iff every entry of M @ box is ≤ 0 — entry along one axis minus exit
    along another (six rows) and minus the exit along each axis (three rows). NaN boxes never pass."""
    inv = [1.0 / (c if abs(c) >= TINY else math.copysign(TINY, c)) for c in direction]
    m = [[0.0] * 7 for _ in range(9)]
    for row, (i, j) in enumerate(_PAIRS):  # entry_i − exit_j = inv_i·near_i − inv_j·far_j − o_i·inv_i + o_j·inv_j
        m[row][i if inv[i] >= 0 else i + 3] += inv[i]
        m[row][j + 3 if inv[j] >= 0 else j] -= inv[j]
        m[row][6] = origin[j] * inv[j] - origin[i] * inv[i]
    for j in range(3):  # −exit_j = −inv_j·far_j + o_j·inv_j
        m[6 + j][j + 3 if inv[j] >= 0 else j] = -inv[j]
        m[6 + j][6] = origin[j] * inv[j]
    return np.array(m)


def slab_tests_many(origins: np.ndarray, directions: np.ndarray) -> np.ndarray:
    """(q, 9, 7) :func:`slab_tests` of q rays at once (origins (q, 3) mm, unit directions (q, 3))."""
    d = np.where(np.abs(directions) < TINY, np.where(directions < 0, -TINY, TINY), directions)
    inv = 1.0 / d
    o_inv = origins * inv
    axis = np.arange(3)
    near = np.where(inv >= 0, axis, axis + 3)  # (q, 3) column of each axis's entry plane
    far = np.where(inv >= 0, axis + 3, axis)
    q = np.arange(len(origins))
    m = np.zeros((len(origins), 9, 7))
    for row, (i, j) in enumerate(_PAIRS):
        m[q, row, near[:, i]] = inv[:, i]
        m[q, row, far[:, j]] = -inv[:, j]
        m[:, row, 6] = o_inv[:, j] - o_inv[:, i]
    for j in range(3):
        m[q, 6 + j, far[:, j]] = -inv[:, j]
        m[:, 6 + j, 6] = o_inv[:, j]
    return m


def _crossed(r: np.ndarray) -> np.ndarray:
    """(p, k) True where all 9 slab inequalities r (p, 9, k) hold (≤ 0): eight in-place maxima of
    contiguous (p, k) slices, quicker than a reduction over the middle axis of a big batch."""
    m = np.maximum(r[:, 0], r[:, 1])
    for i in range(2, r.shape[1]):
        np.maximum(m, r[:, i], out=m)
    return m <= 0


class TriangleBVH:
    """Ray queries on triangles (m, 3, 3) mm; build about 1 s per 500k triangles.

    Per triangle it keeps, in tree order and relative to the mesh's centre, the 16 numbers
    a ray test needs — edges e1 = b − a, e2 = c − a, normal n = e1 × e2, e1 × a, e2 × a
    and a · n — (m, 16) float64 (128 bytes per triangle). ``triangles`` is kept by
    reference (no copy for a float64 array) for the hit points.
    """

    def __init__(self, triangles: np.ndarray, leaf_size: int = 8, branching: int = 32, top: int = 256):
        tri = np.asarray(triangles, dtype=np.float64)
        if tri.ndim != 3 or tri.shape[1:] != (3, 3) or len(tri) == 0:
            raise ValueError(f"triangles must have shape (m, 3, 3) with m > 0, got {tri.shape}")
        self.leaf_size, self.branching = leaf_size, branching
        self.triangles = tri
        self.order = morton_order(tri.mean(axis=1))
        m = len(tri)
        t = tri[self.order]
        self.centre = 0.5 * (t.min(axis=(0, 1)) + t.max(axis=(0, 1)))
        a = t[:, 0] - self.centre
        e1, e2 = t[:, 1] - t[:, 0], t[:, 2] - t[:, 0]
        n = np.cross(e1, e2)
        rows = np.concatenate([e1, e2, n, np.cross(e1, a), np.cross(e2, a), np.einsum("ij,ij->i", a, n)[:, None]], 1)
        self._rows = _blocks(rows, leaf_size)  # (leaves, leaf_size, 16); NaN padding never hits
        starts = np.arange(0, m, leaf_size)
        pad = BOX_PAD_MM + 1e-12 * float(np.abs(t - self.centre).max())
        boxes = np.concatenate([np.minimum.reduceat(t.min(axis=1), starts) - self.centre - pad,
                                np.maximum.reduceat(t.max(axis=1), starts) - self.centre + pad], axis=1)
        levels = [boxes]  # (n, 6) lo, hi relative to the centre, from the leaves up
        while len(levels[-1]) > top:
            levels.append(_group_boxes(levels[-1], branching))
        self._top = _box_columns(levels[-1])  # (7, n_top): all tested at once
        # the levels below as blocks of siblings: the children of node i of the level above are block i
        self._levels = [_box_columns(_blocks(b, branching)) for b in levels[-2::-1]]  # (blocks, 7, branching)
        self.n_triangles = m

    def candidate_leaves(self, origin: np.ndarray, direction: np.ndarray) -> np.ndarray:
        """(q,) ids of the leaves whose boxes the ray crosses (origin (3,) mm relative to
        :attr:`centre`, unit direction (3,))."""
        tests = slab_tests(origin, direction)
        nodes = np.flatnonzero((tests @ self._top).max(axis=0) <= 0)
        for blocks in self._levels:
            if len(nodes) == 0:
                break
            crossed = np.flatnonzero((tests @ blocks[nodes]).max(axis=1) <= 0)  # (q·branching) flat
            nodes = nodes[crossed // self.branching] * self.branching + crossed % self.branching
        return nodes

    def intersect_many(self, origins_mm, directions) -> list[RayHit | None]:
        """:meth:`intersect` for q rays at once — origins (q, 3) mm, directions (q, 3) of any non-zero
        length — in one pass of numpy calls over all of them (a stroke's picks between two mouse
        events): far cheaper per ray than q calls. A hit may name another face than :meth:`intersect`
        only where the ray meets several at the same point (a shared edge or corner)."""
        o = np.asarray(origins_mm, dtype=np.float64).reshape(-1, 3)
        d = np.asarray(directions, dtype=np.float64).reshape(-1, 3)
        length = np.linalg.norm(d, axis=1)
        if len(o) != len(d) or not (np.isfinite(length).all() and (length > 0).all() and np.isfinite(o).all()):
            raise ValueError("rays need finite origins and finite non-zero directions, as many of each")
        d = d / length[:, None]
        oc = o - self.centre
        tests = slab_tests_many(oc, d)
        ray, node = np.nonzero(_crossed(tests @ self._top))  # (ray, node) pairs, rays in order
        for blocks in self._levels:
            if len(ray) == 0:
                break
            pair, k = np.nonzero(_crossed(tests[ray] @ blocks[node]))
            ray, node = ray[pair], node[pair] * self.branching + k
        hits: list[RayHit | None] = [None] * len(o)
        if len(ray) == 0:
            return hits
        c = np.cross(oc, d)
        query = np.zeros((len(o), 16, 4))  # per ray, as in intersect()
        query[:, 0:3, 2], query[:, 3:6, 1] = -c, c
        query[:, 6:9, 0], query[:, 6:9, 3] = -d, oc
        query[:, 9:12, 2], query[:, 12:15, 1] = d, -d
        query[:, 15, 3] = -1.0
        r = (self._rows[node] @ query[ray]).reshape(-1, 4)  # (pairs · leaf_size, 4)
        with np.errstate(divide="ignore", invalid="ignore"):
            uvt = r[:, 1:] / r[:, :1]
            hit = (uvt[:, :2].min(axis=1) >= -BARY_EPS) & (uvt[:, 0] + uvt[:, 1] <= 1 + BARY_EPS) & (uvt[:, 2] > 0)
            dist = np.where(hit & (np.abs(r[:, 0]) > 1e-12), uvt[:, 2], np.inf)
        owner = np.repeat(ray, self.leaf_size)
        order = np.lexsort((dist, owner))
        first = order[np.r_[True, owner[order][1:] != owner[order][:-1]]]  # each ray's nearest
        first = first[np.isfinite(dist[first])]
        u, v = np.maximum(uvt[first, 0], 0.0), np.maximum(uvt[first, 1], 0.0)
        w = np.maximum(1.0 - uvt[first, 0] - uvt[first, 1], 0.0)
        bary = np.stack([w, u, v], axis=1) / (u + v + w)[:, None]
        faces = self.order[node[first // self.leaf_size] * self.leaf_size + first % self.leaf_size]
        points = np.einsum("pi,pij->pj", bary, self.triangles[faces])
        for i, f, b, p, t in zip(owner[first], faces, bary, points, dist[first]):
            hits[int(i)] = RayHit(int(f), b, p, float(t))
        return hits

    def intersect(self, origin_mm, direction) -> RayHit | None:
        """First triangle (front- or back-facing) hit by the ray; ``face`` is the index in the input order."""
        o, d = unit_ray(origin_mm, direction)
        oc = o - self.centre
        leaves = self.candidate_leaves(oc, d)
        if len(leaves) == 0:
            return None
        (ox, oy, oz), (dx, dy, dz) = oc, d
        cx, cy, cz = oy * dz - oz * dy, oz * dx - ox * dz, ox * dy - oy * dx  # o × d
        # columns: det = −n·d, det·u = e2·(o×d) − d·(e2×a), det·v = d·(e1×a) − e1·(o×d), det·t = o·n − a·n
        query = np.array([
            [0, 0, -cx, 0], [0, 0, -cy, 0], [0, 0, -cz, 0],  # e1
            [0, cx, 0, 0], [0, cy, 0, 0], [0, cz, 0, 0],  # e2
            [-dx, 0, 0, ox], [-dy, 0, 0, oy], [-dz, 0, 0, oz],  # n
            [0, 0, dx, 0], [0, 0, dy, 0], [0, 0, dz, 0],  # e1 × a
            [0, -dx, 0, 0], [0, -dy, 0, 0], [0, -dz, 0, 0],  # e2 × a
            [0, 0, 0, -1.0],  # a · n
        ])
        r = self._rows[leaves].reshape(-1, 16) @ query  # (k, 4)
        with np.errstate(divide="ignore", invalid="ignore"):
            uvt = r[:, 1:] / r[:, :1]  # (k, 3): u, v, distance (NaN or ±inf where the ray is in the face's plane)
            hit = (uvt[:, :2].min(axis=1) >= -BARY_EPS) & (uvt[:, 0] + uvt[:, 1] <= 1 + BARY_EPS) & (uvt[:, 2] > 0)
            dist = np.where(hit & (np.abs(r[:, 0]) > 1e-12), uvt[:, 2], np.inf)
        best = int(np.argmin(dist))
        distance = float(dist[best])
        if distance == math.inf:
            return None
        u, v = max(float(uvt[best, 0]), 0.0), max(float(uvt[best, 1]), 0.0)
        w = max(1.0 - float(uvt[best, 0]) - float(uvt[best, 1]), 0.0)
        total = u + v + w
        bary = np.array([w / total, u / total, v / total])
        face = int(self.order[int(leaves[best // self.leaf_size]) * self.leaf_size + best % self.leaf_size])
        return RayHit(face, bary, bary @ self.triangles[face], distance)
