"""Iso-lines of a per-vertex field on a triangle mesh (the margin line, a ring's rows), as ordered polylines."""

from __future__ import annotations

import numpy as np


def iso_loops(V: np.ndarray, F: np.ndarray, d: np.ndarray, level: float) -> list[tuple[np.ndarray, bool]]:
    """The iso-line d = level of a per-vertex field on a triangle mesh, as polylines.

    V (n, 3) mm, F (k, 3), d (n,) mm per vertex (linear on each face).
    Returns [(points (q, 3) mm in order, closed)]; a loop's first point is
    not repeated at its end.
    """
    above = d >= level
    cnt = above[F].sum(axis=1)
    crossed = F[(cnt == 1) | (cnt == 2)]
    if len(crossed) == 0:
        return []
    e = np.stack([crossed[:, [0, 1]], crossed[:, [1, 2]], crossed[:, [2, 0]]], axis=1)  # (c, 3, 2)
    cut = above[e[..., 0]] != above[e[..., 1]]  # exactly two per face
    pairs = np.sort(e[cut].reshape(-1, 2, 2), axis=2)  # (c, 2 crossed edges, 2 vertices)
    uniq, inv = np.unique(pairs.reshape(-1, 2), axis=0, return_inverse=True)
    seg = inv.reshape(-1, 2)  # each face's segment joins two crossing points
    a, b = uniq[:, 0], uniq[:, 1]
    t = ((level - d[a]) / np.where(d[b] != d[a], d[b] - d[a], 1.0))[:, None]
    pts = V[a] + np.clip(t, 0.0, 1.0) * (V[b] - V[a])
    nbr = np.full((len(uniq), 2), -1, dtype=np.int64)
    for u, v in seg.tolist():
        nbr[u, 0 if nbr[u, 0] < 0 else 1] = v
        nbr[v, 0 if nbr[v, 0] < 0 else 1] = u
    seen = np.zeros(len(uniq), dtype=bool)
    out = []
    # open lines (ends with one neighbour) first, then the loops
    for start in np.concatenate([np.flatnonzero((nbr < 0).any(axis=1)), np.arange(len(uniq))]).tolist():
        if seen[start]:
            continue
        path, prev, cur = [start], -1, start
        seen[start] = True
        while True:
            nxt = nbr[cur, 0] if nbr[cur, 0] != prev else nbr[cur, 1]
            if nxt < 0 or seen[nxt]:
                closed = nxt >= 0 and nxt == start
                break
            path.append(nxt)
            seen[nxt] = True
            prev, cur = cur, nxt
        out.append((pts[path], bool(closed and len(path) > 2)))
    return out
