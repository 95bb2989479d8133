"""One row for a zone narrower than two rows; a row along the margin line (tried, off).

A part of the zone whose inside (past the margin) is narrower than
THIN_WIDTH × the pattern's row pitch has no room for two rows: it gets one
row on its middle line, points exactly a spacing apart (straight line). A
ring (its margin line two closed loops, as around the mouth) gets a closed
row between the loops, a whole number of spacings around — halfway, or as
near halfway as steps within 1 % of the spacing allow; a band
gets a row along the longest path through its inside, centred.

The border row: a lattice cut at the margin line leaves a strip up to a
whole row wide between the line and its first row, and the largest hole of
a layout sits there (issue 18). :func:`border_row` with ``loops=True``
traces the iso-line of the border distance BORDER_INSET × spacing inside
the margin on the zone's faces and puts points along it a spacing apart;
the lattice fills the inside. Measured (female, 10 mm) it is worse where it
matters most to a clinician — forehead ±5 % 1.00 → 0.66, neck 0.99 → 0.71,
count 0.89–0.90: the seam between a row that follows the border and a
lattice that does not is uneven — so it is off (``layout.BORDER_ROW``).

Helpers of :mod:`mesomap.geometry.layout`; positions in mm on a
:class:`~mesomap.geometry.layout_mesh.ZonePatch`.
"""

from __future__ import annotations

import numpy as np
from scipy.sparse.csgraph import connected_components, dijkstra
from scipy.spatial import cKDTree

from mesomap.geometry.iso_lines import iso_loops
from mesomap.geometry.layout_mesh import ZonePatch
from mesomap.geometry.layout_ring import ring_row_lines

#: The border row lies this × spacing inside the margin line: a spot on the line midway between two of its
#: points is then √(0.5² + 0.37²) = 0.62 × spacing from them (the hole goal is 0.65), and the strip the row
#: covers, 0.37 + half a row, is about one hexagonal row wide (0.87), so the count stays that of the area.
BORDER_INSET = 0.37
#: An open row (a thin band's midline) runs end to end in whole steps when they differ from the spacing by at most
#: this share (its points then stay within ±5 % of it); else its steps are the spacing and it is centred.
OPEN_STRETCH = 0.04
#: A point goes into a notch of the line whose bottom is this × the step from both its neighbours on the row.
NOTCH = 0.9
#: A thin ring's row: its steps within RING_EXACT of the spacing, looked for on lines RING_TRY apart (a share of the
#: way between the ring's two margin lines) at most RING_REACH from its middle (see :func:`ring_row`).
RING_EXACT = 0.01
RING_TRY = 0.025
RING_REACH = 0.2
#: A part whose inside is narrower than this × the distance between rows gets a single midline row.
THIN_WIDTH = 1.0
#: A thin part's midline is looked for among its vertices past this share of the way from the margin line to its
#: widest spot (a band's whole length, all around a ring).
RIDGE_BAND = 0.97


def resample(points: np.ndarray, closed: bool, step: float) -> np.ndarray:
    """Points (r, 3) along a polyline (q, 3) whose straight-line distance to the one before is ``step`` mm.

    A closed loop's step is adjusted (by at most a part in round(L/step))
    so that its last point is as far from its first as the others are
    apart; an open line runs end to end in whole steps if they are within OPEN_STRETCH of ``step``, else it keeps
    the step and is centred (what is left over is split between its two ends).
    A loop shorter than half a step or a line shorter than a step gives its middle point.
    """
    pts = np.concatenate([points, points[:1]]) if closed else points
    seg = np.linalg.norm(np.diff(pts, axis=0), axis=1)
    arc = np.concatenate([[0.0], np.cumsum(seg)])
    length = float(arc[-1])
    if (closed and length < 0.5 * step) or (not closed and length < step) or len(pts) < 2:
        return pts[[int(np.searchsorted(arc, 0.5 * length).clip(0, len(pts) - 1))]]
    per_step = 100
    fine_n = int(min(max(per_step * length / step, 50), 400_000))
    at = np.linspace(0.0, length, fine_n + 1)
    dense = np.stack([np.interp(at, arc, pts[:, k]) for k in range(3)], axis=1)
    def walk(h: float, first: int = 0) -> tuple[list[int], float]:
        picked, cur = [first], first
        window = 4 * per_step
        while True:
            rest = np.linalg.norm(dense[cur + 1:cur + 1 + window] - dense[cur], axis=1)
            hit = np.flatnonzero(rest >= h)
            if len(hit) == 0 and cur + 1 + window < len(dense):
                rest = np.linalg.norm(dense[cur + 1:] - dense[cur], axis=1)
                hit = np.flatnonzero(rest >= h)
            if len(hit) == 0:
                break
            cur = cur + 1 + int(hit[0])
            picked.append(cur)
        return picked, float(np.linalg.norm(dense[-1] - dense[picked[-1]]))

    picked, gap = walk(step)
    if not closed:  # an open line: end to end in whole steps if they stay within OPEN_STRETCH of ``step``
        n = int(round(len(picked) - 1 + gap / step))
        h = _whole_steps(walk, n, step) if n >= 1 else None
        if h is not None and abs(h / step - 1) <= OPEN_STRETCH:
            picked, gap = walk(h)
            if gap > 0.5 * h:  # the walk stopped a hair short of the end: the end is the last point
                picked.append(len(dense) - 1)
            return dense[picked]
        # else steps of exactly ``step``, the row centred (what is left split at both ends)
        back = dense[picked[-1]:]
        half = np.concatenate([[0.0], np.cumsum(np.linalg.norm(np.diff(back, axis=0), axis=1))])
        shift = int(np.searchsorted(half, 0.5 * half[-1]))
        return dense[walk(step, min(shift, fine_n))[0]]
    n = max(1, int(round(len(picked) - 1 + gap / step)))  # whole steps (straight line) around the loop
    hi = _whole_steps(walk, n, step)
    best, gap = walk(hi)
    end_close = gap < 0.5 * hi
    if end_close and len(best) > 1:
        best = best[:-1]  # the last point is back at the first
    return dense[_cover_notches(dense, best, True, max(hi, step))]


def _whole_steps(walk, n: int, step: float) -> float:
    """The chord h (mm, between 0.5 and 1.5 × step) whose walk (``walk(h)`` → (picked, gap left at the end)) spans
    the line in n steps: the upper end of a bisection on steps walked (a fraction for the gap) = n."""
    lo, hi = 0.5 * step, 1.5 * step
    for _ in range(20):
        h = 0.5 * (lo + hi)
        picked, gap = walk(h)
        if len(picked) - 1 + gap / h > n:
            lo = h
        else:
            hi = h
    return hi


def _cover_notches(dense: np.ndarray, picked: list[int], closed: bool, h: float) -> list[int]:
    """``picked`` indices into ``dense`` (q, 3) with a point added in each notch: a stretch of the line between
    two picked points that bends away farther than NOTCH × h from both (a chord walk steps across it)."""
    out = []
    ends = picked + ([picked[0] + len(dense)] if closed else [])
    wrap = np.concatenate([dense, dense]) if closed else dense
    for a, b in zip(ends[:-1], ends[1:]):
        out.append(a)
        if b - a < 3:
            continue
        mid = wrap[a + 1:b]
        far = np.minimum(np.linalg.norm(mid - wrap[a], axis=1), np.linalg.norm(mid - wrap[b], axis=1))
        k = int(np.argmax(far))
        if far[k] >= NOTCH * h:
            out.append((a + 1 + k) % len(dense))
    if not closed:
        out.append(picked[-1])
    return out


def _longest_path(g) -> list[int]:
    """Vertex ids (of the graph g, a CSR of edge lengths) of a longest shortest path (two sweeps of Dijkstra)."""
    far = int(np.argmax(np.where(np.isfinite(d0 := dijkstra(g, directed=False, indices=0)), d0, -1)))
    dist, pred = dijkstra(g, directed=False, indices=far, return_predecessors=True)
    end = int(np.argmax(np.where(np.isfinite(dist), dist, -1)))
    path = [end]
    while path[-1] != far and pred[path[-1]] >= 0:
        path.append(int(pred[path[-1]]))
    return path[::-1]


def midline_rows(patch: ZonePatch, d: np.ndarray, component_vertices: np.ndarray, band: float, spacing: float,
                 pieces: int = 4) -> list[np.ndarray]:
    """Rows (each (q, 3) mm, points ``spacing`` apart) along a thin part's ridge — the vertices of
    ``component_vertices`` whose border distance d (nv,) is within ``band`` mm of the part's largest.

    The first row follows the ridge's longest shortest path (along edges); the ridge left farther than
    0.75 × spacing from the rows so far (the other half of a ring-shaped part, a branch) gets the next one, up to
    ``pieces`` rows.
    """
    ridge = component_vertices[d[component_vertices] >= d[component_vertices].max() - band]
    rows: list[np.ndarray] = []
    for _ in range(pieces):
        if len(ridge) < 2:
            break
        g = patch.edge_graph[ridge][:, ridge]
        _, label = connected_components(g, directed=False)
        ridge = ridge[label == label[np.argmax(d[ridge])]]  # the ridge piece holding the widest spot
        path = patch.V[ridge[_longest_path(patch.edge_graph[ridge][:, ridge])]]
        length = float(np.linalg.norm(np.diff(path, axis=0), axis=1).sum()) if len(path) > 1 else 0.0
        if rows and length < 0.5 * spacing:
            break
        rows.append(resample(path, False, spacing))
        done = np.concatenate(rows)
        ridge = ridge[cKDTree(done).query(patch.V[ridge])[0] > 0.75 * spacing]
    return rows


def ring_margin_lines(patch: ZonePatch, d: np.ndarray, component: int,
                      margin: float) -> tuple[np.ndarray, np.ndarray] | None:
    """(inner (q, 3), partner (q, 3)) mm: the shorter of a ring-shaped part's two margin lines (closed loops, as
    around the mouth or an eye) and, for each of its points, the nearest point of the longer; None if the part is not
    a ring."""
    lines = iso_loops(patch.V, patch.F[patch.component == component], d, margin)
    if len(lines) != 2 or not all(closed for _, closed in lines):
        return None
    inner, outer = sorted((pts for pts, _ in lines), key=lambda pts: np.linalg.norm(np.diff(pts, axis=0), axis=1).sum())
    return inner, outer[cKDTree(outer).query(inner)[1]]


def ring_row(patch: ZonePatch, d: np.ndarray, component: int, margin: float, spacing: float) -> np.ndarray | None:
    """(q, 3) mm: the one row of a thin ring-shaped part (see :func:`ring_margin_lines`; None if it is not one),
    points a whole number of equal steps around a closed line between its margin lines.

    The line lies a share t of the way from the inner margin line to the outer (each point between a point of the
    one and the nearest of the other, projected onto the skin): the middle (t = ½) if its steps come within
    RING_EXACT of the spacing, else the nearest t, RING_TRY apart and at most RING_REACH from the middle, where they
    do, else the one whose steps come closest. (The male perioral ring at 20 mm: 7 steps 5.1 % longer than the
    spacing on its middle line.)
    """
    lines = ring_margin_lines(patch, d, component, margin)
    if lines is None:
        return None
    inner, partner = lines
    tries = np.arange(-RING_REACH, RING_REACH + 0.5 * RING_TRY, RING_TRY)
    best_err, best = np.inf, None
    for t in 0.5 + tries[np.argsort(np.abs(tries), kind="stable")]:
        pts = resample(patch.project_near(inner + t * (partner - inner))[2], True, spacing)
        steps = np.linalg.norm(pts - np.roll(pts, -1, axis=0), axis=1) if len(pts) > 1 else np.full(1, np.inf)
        err = float(np.abs(steps / spacing - 1).max())
        if err <= RING_EXACT:
            return pts
        if best is None or err < best_err:  # (a loop under half a step long: its one point, from the middle)
            best_err, best = err, pts
    return best


def border_row(patch: ZonePatch, d: np.ndarray, spacing: float, margin: float, between: float | None = None,
               skip: set | frozenset = frozenset(), loops: bool = True,
               rings: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The outermost row of each connected part (not in ``skip``) of the zone.

    d (nv,) straight-line border distance (mm) of the patch's vertices;
    spacing (mm) along the row; between (mm) between rows (default the
    spacing) decides which parts are thin. Returns (faces (q,), bary (q, 3),
    own (n_components,) bool — parts laid out here in rows only: a thin part's midline row, a ring's rows).
    loops=False: only those parts' rows. rings: a ring-shaped part (its margin line two closed loops) gets rows
    that go around it, ``between`` apart (:mod:`mesomap.geometry.layout_ring`: the ``rows`` pattern).
    All returned points are at least ``margin`` from the border (straight line).
    """
    s = float(spacing)
    between = s if between is None else float(between)
    level = margin + BORDER_INSET * s
    thin = np.zeros(patch.n_components, dtype=bool)
    chunks = []
    vcomp = np.full(len(patch.V), -1)
    vcomp[patch.F.ravel()] = np.repeat(patch.component, 3)
    for c in range(patch.n_components):
        if c in skip:
            continue
        cv = np.flatnonzero(vcomp == c)
        top = float(d[cv].max()) if len(cv) else 0.0
        if not np.isfinite(top) or top < margin:
            continue
        if 2 * (top - margin) < THIN_WIDTH * between:
            thin[c] = True
            ring = ring_row(patch, d, c, margin, s)
            if ring is not None:
                chunks.append(ring)
            else:
                chunks += midline_rows(patch, d, cv, RIDGE_BAND * (top - margin), s)
            continue
        if rings and ring_margin_lines(patch, d, c, margin) is not None:
            thin[c] = True
            chunks += [resample(pts, closed, s) for pts, closed in ring_row_lines(patch, c, margin, between)]
            continue
        if not loops or top < level:
            continue
        faces = patch.F[patch.component == c]
        for pts, closed in iso_loops(patch.V, faces, d, level):
            chunks.append(resample(pts, closed, s))
    if not chunks:
        return np.empty(0, np.int64), np.empty((0, 3)), thin
    x = np.concatenate(chunks)
    face, bary, x, _ = patch.project_near(x)
    dist = patch.boundary_distance(x)
    low = dist < margin  # the iso-line is linear on each face, the distance is not: step back inside
    if low.any():
        g = patch.away_from_boundary(x[low])
        face[low], bary[low], x[low], _ = patch.project_near(x[low] + (margin - dist[low] + 0.01 * s)[:, None] * g)
        dist[low] = patch.boundary_distance(x[low])
    ok = dist >= margin
    return face[ok].astype(np.int64), bary[ok], thin
