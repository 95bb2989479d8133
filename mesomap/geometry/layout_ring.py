"""Rows around a ring-shaped zone: the ``rows`` pattern of a zone around the mouth follows the lips.

A part whose margin line is two closed loops (a ring, as around the mouth)
is laid out in rows that go around it, the way the lips are treated,
instead of straight lines cut into short pieces by the ring's sides. Where
the ring's inside (past the margin) is W wide there are ⌊W / b⌋ + 1 rows,
b (the row spacing) apart and centred between the two margin lines, so the
strip left between the outermost row and either line is under b/2; where
the ring narrows a row ends (one row along the middle where it is narrower
than b). Each row's points are a spacing apart (straight line) along it.

Helpers of :mod:`mesomap.geometry.layout_border`; positions in mm on a
:class:`~mesomap.geometry.layout_mesh.ZonePatch`.
"""

from __future__ import annotations

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

from mesomap.geometry.iso_lines import iso_loops
from mesomap.geometry.layout_mesh import ZonePatch
from mesomap.geometry.layout_tube import loop_distances

#: The ring's middle line: this share of its vertices, those nearest halfway between the two loops.
MIDDLE_SHARE = 0.1


def ring_loops(patch: ZonePatch, component: int) -> tuple[np.ndarray, np.ndarray] | None:
    """(inner, outer): local vertex ids of the two longest border loops of part ``component`` — the inner one
    the shorter — or None if it has fewer than two."""
    used = np.unique(patch.F[patch.component == component])
    e = patch.boundary_edges
    e = e[np.isin(e[:, 0], used)]
    if len(e) < 6:
        return None
    n = len(patch.V)
    _, label = connected_components(coo_matrix((np.ones(len(e)), (e[:, 0], e[:, 1])), shape=(n, n)), directed=False)
    seg = np.linalg.norm(patch.V[e[:, 1]] - patch.V[e[:, 0]], axis=1)
    lengths = np.bincount(label[e[:, 0]], weights=seg)
    longest = np.argsort(-lengths)[:2]
    if len(longest) < 2 or lengths[longest[1]] <= 0:
        return None
    ends = np.unique(e)
    return ends[label[ends] == longest[1]], ends[label[ends] == longest[0]]


def ring_row_lines(patch: ZonePatch, component: int, margin: float, between: float) -> list[tuple[np.ndarray, bool]]:
    """The rows of ring-shaped part ``component``: [(points (q, 3) mm along the row, closed)], not yet resampled.

    Row k lies where the signed offset from the middle line, c = (d_inner − d_outer) / 2, is k·between/2, in the
    stretch of the ring whose inside width W = d_inner + d_outer − 2·margin gives ⌊W / between⌋ + 1 rows of the
    same parity (see the module's docstring; W is read at the nearest point of the middle line). Empty if the part
    has no two border loops.
    """
    loops = ring_loops(patch, component)
    if loops is None:
        return []
    d_in, d_out = loop_distances(patch, loops)
    c = 0.5 * (d_in - d_out)
    faces = patch.F[patch.component == component]
    used = np.unique(faces)
    # the width across the ring, read on its middle line (so every point of a cross-section gets the same count)
    mid = used[np.abs(c[used]) <= np.quantile(np.abs(c[used]), MIDDLE_SHARE)]
    tree = cKDTree(patch.V[mid])
    along = (d_in + d_out)[mid]
    near = tree.query_ball_point(patch.V[mid], between)  # averaged over a row spacing along it: no flicker
    along = np.array([along[i].mean() for i in near])
    width = along[tree.query(patch.V)[1]] - 2 * margin
    rows = np.floor(np.maximum(width, 0.0) / between).astype(np.int64) + 1  # (nv,)
    most = int(rows[used].max())
    lines = []
    for k in range(-(most - 1), most, 1):  # row at c = k · between / 2 where the row count has k's parity
        fits = (rows - 1 - abs(k) >= 0) & ((rows - 1 - k) % 2 == 0)
        here = faces[fits[faces].all(axis=1)]
        if len(here):
            lines += iso_loops(patch.V, here, c, 0.5 * k * between)
    return lines
