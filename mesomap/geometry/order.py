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
TWO_OPT_NEIGHBOURS = 6


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
    near = tree.query(p, k=min(9, n))[1].tolist()
    visited = [False] * n
    seq = np.empty(n, dtype=np.int64)
    cur = int(start)
    for step in range(n):
        seq[step] = cur
        visited[cur] = True
        if step == n - 1:
            break
        nxt = next((c for c in near[cur] if not visited[c]), -1)
        k = 32
        while nxt < 0:
            kk = min(k, n)
            idx = np.atleast_1d(tree.query(p[cur], k=kk)[1])
            nxt = next((int(c) for c in idx if not visited[c]), -1)
            if nxt < 0 and kk == n:
                break
            k *= 4
        cur = nxt
    return seq


def two_opt(points: np.ndarray, sequence: np.ndarray, neighbours: int = TWO_OPT_NEIGHBOURS,
            max_moves: int | None = None) -> np.ndarray:
    """(n,) int64: ``sequence`` improved by 2-opt moves on the open path; never longer than the input.

    A move reverses seq[i+1 .. j], replacing edges (a, b), (c, d) by (a, c),
    (b, d), for c among a's nearest neighbours; a head move reverses seq[0 .. k]
    so that a path end can move. A move is taken only if it shortens the path
    by more than 1e-9 mm. "Don't look" bits: only points next to a change are
    looked at again, so a pass over an already good path costs O(n·neighbours).
    """
    p = np.asarray(points, dtype=np.float64)
    seq = [int(v) for v in np.asarray(sequence, dtype=np.int64)]
    n = len(seq)
    if n < 4:
        return np.asarray(seq, dtype=np.int64)
    near = cKDTree(p).query(p, k=min(neighbours + 1, n))[1][:, 1:].tolist()
    pts = [tuple(q) for q in p.tolist()]
    dist = math.dist
    pos = [0] * n
    for k, v in enumerate(seq):
        pos[v] = k
    queue = list(range(n - 1, -1, -1))
    queued = [True] * n
    moves = 0
    limit = max_moves if max_moves is not None else 50 * n

    def wake(*vs):
        for v in vs:
            if not queued[v]:
                queued[v] = True
                queue.append(v)

    def reverse(lo, hi):  # seq[lo..hi] inclusive
        seq[lo : hi + 1] = seq[lo : hi + 1][::-1]
        for k in range(lo, hi + 1):
            pos[seq[k]] = k

    while queue and moves < limit:
        a = queue.pop()
        queued[a] = False
        moved = False
        for c in near[a]:
            i, j = pos[a], pos[c]
            for lo, hi in ((i, j), (j, i)):
                if hi <= lo:
                    continue
                u, v, w = seq[lo], seq[lo + 1], seq[hi]
                pu, pv, pw = pts[u], pts[v], pts[w]
                before = dist(pu, pv)
                after = dist(pu, pw)
                x = seq[hi + 1] if hi + 1 < n else -1
                if x >= 0:
                    before += dist(pw, pts[x])
                    after += dist(pv, pts[x])
                if after < before - 1e-9:
                    reverse(lo + 1, hi)
                    wake(u, v, w, *((x,) if x >= 0 else ()))
                    moved = True
                    break
            if moved:
                break
        if not moved:
            k = pos[a] - 1  # edge (seq[k], a) -> (seq[0], a) by reversing the head
            if k >= 1 and dist(pts[seq[0]], pts[a]) < dist(pts[seq[k]], pts[a]) - 1e-9:
                u = seq[k]
                reverse(0, k)
                wake(u, a, seq[0], seq[k])
                moved = True
        if moved:
            moves += 1
            wake(a)
    return np.asarray(seq, dtype=np.int64)


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
