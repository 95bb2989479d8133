"""The order the injection gun visits a zone's points: a short open path.

Nearest-neighbour tour from an end of the zone, then 2-opt moves among each
point's nearest neighbours until none shortens the path. On a lattice that
gives the serpentine a clinician would walk. Lengths are straight lines in mm
(the gun moves through the air between points).
"""

from __future__ import annotations

import math

import numpy as np
from scipy.spatial import cKDTree

#: 2-opt looks for improving moves among this many nearest neighbours of each point.
TWO_OPT_NEIGHBOURS = 10
TWO_OPT_MAX_PASSES = 50


def path_length(points: np.ndarray, sequence: np.ndarray) -> float:
    """Length (mm) of the open path visiting points (n, 3) in ``sequence`` (n,)."""
    p = np.asarray(points, dtype=np.float64)[np.asarray(sequence, dtype=np.int64)]
    return float(np.linalg.norm(np.diff(p, axis=0), axis=1).sum()) if len(p) > 1 else 0.0


def start_point(points: np.ndarray) -> int:
    """An end of the zone: the point farthest from the points' centroid (lowest id on ties)."""
    p = np.asarray(points, dtype=np.float64)
    return int(np.argmax(np.linalg.norm(p - p.mean(axis=0), axis=1))) if len(p) else 0


def nearest_neighbour_path(points: np.ndarray, start: int = 0) -> np.ndarray:
    """(n,) int64: greedy path from ``start``, always to the nearest unvisited point."""
    p = np.asarray(points, dtype=np.float64)
    n = len(p)
    if n == 0:
        return np.empty(0, dtype=np.int64)
    tree = cKDTree(p)
    visited = np.zeros(n, dtype=bool)
    seq = np.empty(n, dtype=np.int64)
    cur = int(start)
    for step in range(n):
        seq[step] = cur
        visited[cur] = True
        if step == n - 1:
            break
        k = 8
        while True:
            kk = min(k, n)
            _, idx = tree.query(p[cur], k=kk)
            idx = np.atleast_1d(idx)
            free = idx[~visited[idx]]
            if len(free):
                cur = int(free[0])
                break
            if kk == n:
                rest = np.flatnonzero(~visited)
                cur = int(rest[np.argmin(np.linalg.norm(p[rest] - p[cur], axis=1))])
                break
            k *= 4
    return seq


def two_opt(points: np.ndarray, sequence: np.ndarray, neighbours: int = TWO_OPT_NEIGHBOURS,
            max_passes: int = TWO_OPT_MAX_PASSES) -> np.ndarray:
    """(n,) int64: ``sequence`` improved by 2-opt moves on the open path; never longer than the input.

    A move reverses seq[i+1 .. j], replacing edges (a, b), (c, d) by (a, c),
    (b, d); it is taken only if it shortens the path by more than 1e-9 mm.
    The path's ends may move too (reversing a head or a tail).
    """
    p = np.asarray(points, dtype=np.float64)
    seq = np.array(sequence, dtype=np.int64)
    n = len(seq)
    if n < 4:
        return seq
    _, near = cKDTree(p).query(p, k=min(neighbours + 1, n))
    near = near[:, 1:].tolist()
    pos = np.empty(n, dtype=np.int64)
    pts = [tuple(q) for q in p.tolist()]

    def dist(u, v):
        return math.dist(pts[u], pts[v])

    for _ in range(max_passes):
        improved = False
        seq = seq.tolist()
        pos = [0] * n
        for k, v in enumerate(seq):
            pos[v] = k
        for a in range(n):
            i = pos[a]
            for c in near[a]:
                j = pos[c]
                if j == i:
                    continue
                # forward: a=seq[i], b=seq[i+1], c=seq[j], d=seq[j+1]; reverse seq[i+1..j]
                for lo, hi in ((i, j), (j, i)):
                    if hi <= lo:
                        continue
                    # edges (seq[lo], seq[lo+1]) and (seq[hi], seq[hi+1]) -> (seq[lo], seq[hi]), (seq[lo+1], seq[hi+1])
                    u, v = seq[lo], seq[lo + 1]
                    w = seq[hi]
                    before = dist(u, v)
                    after = dist(u, w)
                    if hi + 1 < n:
                        x = seq[hi + 1]
                        before += dist(w, x)
                        after += dist(v, x)
                    if after < before - 1e-9:
                        seq[lo + 1 : hi + 1] = seq[lo + 1 : hi + 1][::-1]
                        for k in range(lo + 1, hi + 1):
                            pos[seq[k]] = k
                        improved = True
                        i = pos[a]
                        break
                # head reversal: reverse seq[0..k] replaces edge (seq[k], seq[k+1]) by (seq[0], seq[k+1])
            k = pos[a] - 1  # a's predecessor edge (seq[k], a): try making a follow seq[0] instead
            if k >= 0:
                before = dist(seq[k], seq[k + 1])
                after = dist(seq[0], seq[k + 1])
                if after < before - 1e-9:
                    seq[: k + 1] = seq[: k + 1][::-1]
                    for q in range(k + 1):
                        pos[seq[q]] = q
                    improved = True
        seq = np.asarray(seq, dtype=np.int64)
        if not improved:
            break
    return seq


def injection_order(points: np.ndarray, start: int | None = None) -> tuple[np.ndarray, float]:
    """(sequence (n,) int64 point ids in turn, path length mm) for points (n, 3).

    Starts at ``start`` (default: the point farthest from the centroid),
    nearest-neighbour tour then 2-opt.
    """
    p = np.asarray(points, dtype=np.float64).reshape(-1, 3)
    if len(p) == 0:
        return np.empty(0, dtype=np.int64), 0.0
    seq = nearest_neighbour_path(p, start_point(p) if start is None else start)
    seq = two_opt(p, seq)
    return seq, path_length(p, seq)
