"""Can a grid be even (±5 %) and reach its margin line (hole ≤ 0.65 × spacing) at once? A study on flat shapes.

Issue 18 asks both of every zone: ≥ 95 % of the points with their nearest
neighbour within ±5 % of the spacing, and no spot of the zone — the strip
along its margin line included — farther than 0.65 × spacing from every
point. The sweep (``layout.py --all-zones``) meets the first almost
everywhere and the second almost nowhere, the largest hole lying at the
margin line. This study takes the skin out of the question: flat shapes,
straight-line distances, exact geometry, mesomap's solver and five other
ways to fill them with points a spacing apart (the last one aimed at the
largest hole: with it, two shapes meet every goal at 10 mm). Each row says how many
points (÷ the shape's area in hexagonal cells), how even they are and how
far the farthest spot is, and whether all of the issue's goals are met.

* ``mesomap``: mesomap's own solver on a flat mesh of the shape (1 mm
  grid; the zone is the shape and a MARGIN_MM strip around it, laid out
  with that margin, so its margin line is the shape's outline).
* ``lattice``: the hexagonal lattice cut at the margin line (what mesomap's
  solver lays before its fixes; the best of 5 × 5 shifts of it by the hole).
* ``border row``: a row a spacing apart along the line BORDER_INSET ×
  spacing inside it (a spot on the line between two of its points is then
  √(0.5² + 0.3²) = 0.58 × spacing from them), the lattice's points kept
  where they are at least EVEN_LOW × spacing from the row, then a point put
  wherever one fits that far from all (a spacing from the nearest) — every
  point's nearest neighbour within ±5 % by construction.
* ``border row + springs``: the above relaxed: springs of rest length one
  spacing on the Delaunay edges, the row sliding along its line, a point
  put into each hole wider than 0.75 × spacing and one of every pair
  closer than 0.85 × spacing taken out, SPRING_STEPS steps.
* ``Lloyd``: the ideal number of points moved to the centroids of their
  Voronoi cells (a centroidal Voronoi tessellation, the textbook way to
  spread points evenly over a shape), LLOYD_STEPS rounds; and again with
  10 % more points than the ideal (the most the count goal allows).
* ``mesomap + minimax``: mesomap's grid with MINIMAX_EXTRA more points (put
  at the farthest spots), then MINIMAX_STEPS rounds aimed at the largest
  hole instead of the mean: each point whose Voronoi cell reaches farther
  than the median cell's moves toward its cell's farthest spot (a step
  toward the centre of the smallest circle holding the cell, as in
  k-centre heuristics), then pairs closer than MINIMAX_SEPARATION ×
  spacing are pushed apart to it and points that left the shape are put
  back on its outline.

Run: ``python benchmarks/border_study.py [--spacing 10]`` (≈2 min).
"""

from __future__ import annotations

import argparse
import math

import contourpy
import numpy as np
from matplotlib.path import Path
from scipy.spatial import Delaunay, cKDTree

BORDER_INSET = 0.3
EVEN_LOW = 0.95
SPRING_STEPS = 300
LLOYD_STEPS = 200
MINIMAX_EXTRA = 0.05
MINIMAX_STEPS = 300
MINIMAX_SEPARATION = 0.95
#: mesomap's row: the zone reaches this far past the shape, and is laid out with this margin.
MARGIN_MM = 3.0
#: Spots where the hole is read, this many per spacing (the hole is exact to about 1/80 of a spacing).
HOLE_GRID = 40


def shapes() -> dict[str, np.ndarray]:
    """Closed outlines (k, 2) mm, counter-clockwise: the margin lines of the study."""
    t = np.linspace(0, 2 * np.pi, 720, endpoint=False)
    lobes = 6 * np.sin(5 * t)
    return {
        "ellipse 100×60": np.c_[50 * np.cos(t), 30 * np.sin(t)],
        "ellipse 240×140": np.c_[120 * np.cos(t), 70 * np.sin(t)],
        "rectangle 97×43": np.array([[0, 0], [97, 0], [97, 43], [0, 43]], float),
        "L 100×90": np.array([[0, 0], [100, 0], [100, 40], [40, 40], [40, 90], [0, 90]], float),
        "five lobes": np.c_[(50 + lobes) * np.cos(t), (35 + lobes) * np.sin(t)],
    }


def resample(loop: np.ndarray, step: float) -> np.ndarray:
    """(n, 2) points along the closed polyline ``loop`` (k, 2), equally far apart along it, as close to ``step``
    mm as a whole number of them allows."""
    closed = np.vstack([loop, loop[:1]])
    along = np.r_[0, np.cumsum(np.linalg.norm(np.diff(closed, axis=0), axis=1))]
    n = max(3, round(along[-1] / step))
    u = np.arange(n) * along[-1] / n
    return np.c_[np.interp(u, along, closed[:, 0]), np.interp(u, along, closed[:, 1])]


def boundary_distance(outline: np.ndarray, x: np.ndarray) -> np.ndarray:
    """(q,) mm from each of x (q, 2) to the outline (to within 0.05 mm)."""
    return cKDTree(resample(outline, 0.05)).query(x)[0]


def inset_line(outline: np.ndarray, inset: float) -> np.ndarray:
    """The longest closed line ``inset`` mm inside the outline (an iso-line of the distance to it), (k, 2) mm."""
    lo, hi = outline.min(axis=0) - 1, outline.max(axis=0) + 1
    xs, ys = np.arange(lo[0], hi[0], 0.25), np.arange(lo[1], hi[1], 0.25)
    gx, gy = np.meshgrid(xs, ys)
    grid = np.c_[gx.ravel(), gy.ravel()]
    d = boundary_distance(outline, grid) * np.where(Path(outline).contains_points(grid), 1, -1)
    lines = contourpy.contour_generator(xs, ys, d.reshape(gx.shape)).lines(inset)
    return max(lines, key=len)[:-1]


def hex_lattice(outline: np.ndarray, s: float, shift=(0.0, 0.0)) -> np.ndarray:
    """The hexagonal lattice (spacing s mm, shifted by a share of a cell) inside the outline, (n, 2) mm."""
    lo, hi = outline.min(axis=0) - s, outline.max(axis=0) + s
    pitch = s * math.sqrt(3) / 2
    rows = []
    for k, y in enumerate(np.arange(lo[1] + shift[1] * pitch, hi[1], pitch)):
        xs = np.arange(lo[0] + (k % 2 / 2 + shift[0]) * s, hi[0], s)  # every other row half a step along
        rows.append(np.c_[xs, np.full(len(xs), y)])
    pts = np.vstack(rows)
    return pts[Path(outline).contains_points(pts)]


def grid_spots(outline: np.ndarray, step: float, on_outline: bool = False) -> np.ndarray:
    """(q, 2) mm: a square grid ``step`` mm apart inside the outline (and, with ``on_outline``, points ``step``
    apart along it)."""
    lo, hi = outline.min(axis=0), outline.max(axis=0)
    gx, gy = np.meshgrid(np.arange(lo[0], hi[0], step), np.arange(lo[1], hi[1], step))
    spots = np.c_[gx.ravel(), gy.ravel()]
    spots = spots[Path(outline).contains_points(spots)]
    return np.vstack([spots, resample(outline, step)]) if on_outline else spots


def measure(outline: np.ndarray, x: np.ndarray, s: float) -> dict:
    """Evenness (share within ±5 %, closest pair) and the largest hole (÷ s) of points x (n, 2) in the outline."""
    d = cKDTree(x).query(x, k=2)[0][:, 1] / s
    spots = grid_spots(outline, s / HOLE_GRID, on_outline=True)
    return {"within": float(np.mean(np.abs(d - 1) <= 0.05)), "nn_min": float(d.min()),
            "hole": float(cKDTree(x).query(spots)[0].max() / s)}


def ideal_count(outline: np.ndarray, s: float) -> float:
    x, y = outline[:, 0], outline[:, 1]
    area = 0.5 * abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))
    return area / (s * s * math.sqrt(3) / 2)


def cut_lattice(outline, s):
    """The lattice's shift (5 × 5 tried) with the smallest largest hole."""
    tries = [hex_lattice(outline, s, (i / 5, j / 5)) for i in range(5) for j in range(5)]
    return min(tries, key=lambda x: measure(outline, x, s)["hole"])


def fill_whole_points(outline: np.ndarray, x: np.ndarray, s: float, inside: float) -> np.ndarray:
    """x with a point added wherever one is at least EVEN_LOW·s from all (a spacing from the nearest if the spot is
    farther), at least ``inside`` mm inside the outline, farthest spot first."""
    spots = grid_spots(outline, s / 10)
    spots = spots[boundary_distance(outline, spots) >= inside]
    while True:
        d, near = cKDTree(x).query(spots)
        far = int(np.argmax(d))
        if d[far] < EVEN_LOW * s:
            return x
        spot = spots[far]
        if d[far] > 1.05 * s:
            spot = x[near[far]] + (spot - x[near[far]]) * s / d[far]
        x = np.vstack([x, spot])


def border_row(outline: np.ndarray, s: float) -> tuple[np.ndarray, int]:
    """(points (n, 2), how many of the first are the row): the row along the inset line, the lattice clear of it,
    whole points where they fit."""
    row = resample(inset_line(outline, BORDER_INSET * s), s)
    lattice = hex_lattice(outline, s)
    lattice = lattice[boundary_distance(outline, lattice) >= BORDER_INSET * s]
    lattice = lattice[cKDTree(row).query(lattice)[0] >= EVEN_LOW * s]
    return fill_whole_points(outline, np.vstack([row, lattice]), s, BORDER_INSET * s), len(row)


def _circumcentres(x: np.ndarray, tri: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    a, b, c = x[tri[:, 0]], x[tri[:, 1]], x[tri[:, 2]]
    d = 2 * (a[:, 0] * (b[:, 1] - c[:, 1]) + b[:, 0] * (c[:, 1] - a[:, 1]) + c[:, 0] * (a[:, 1] - b[:, 1]))
    d = np.where(np.abs(d) < 1e-12, 1e-12, d)
    aa, bb, cc = (a ** 2).sum(1), (b ** 2).sum(1), (c ** 2).sum(1)
    centre = np.c_[(aa * (b[:, 1] - c[:, 1]) + bb * (c[:, 1] - a[:, 1]) + cc * (a[:, 1] - b[:, 1])) / d,
                   (aa * (c[:, 0] - b[:, 0]) + bb * (a[:, 0] - c[:, 0]) + cc * (b[:, 0] - a[:, 0])) / d]
    return centre, np.linalg.norm(centre - a, axis=1)


def springs(outline: np.ndarray, x: np.ndarray, n_row: int, s: float) -> np.ndarray:
    """The border row's layout relaxed by springs (see the module doc)."""
    path, h = Path(outline), BORDER_INSET * s
    line = resample(inset_line(outline, h), 0.05)
    on_line = cKDTree(line)
    for step in range(SPRING_STEPS):
        tri = Delaunay(x).simplices
        tri = tri[path.contains_points(x[tri].mean(axis=1))]
        edges = np.unique(np.sort(np.vstack([tri[:, [0, 1]], tri[:, [1, 2]], tri[:, [2, 0]]]), axis=1), axis=0)
        v = x[edges[:, 1]] - x[edges[:, 0]]
        length = np.linalg.norm(v, axis=1)
        pull = np.where(length < 1.6 * s, (s - length) / length, 0.0)[:, None] * v
        force = np.zeros_like(x)
        np.add.at(force, edges[:, 0], -pull)
        np.add.at(force, edges[:, 1], pull)
        x = x + 0.3 * force
        x[:n_row] = line[on_line.query(x[:n_row])[1]]  # the row slides along its line
        out = boundary_distance(outline, x[n_row:]) < h
        x[n_row:][out] = line[on_line.query(x[n_row:][out])[1]]
        if step % 20 == 19 and step < SPRING_STEPS - 60:
            centre, radius = _circumcentres(x, tri)
            wide = (radius > 0.75 * s) & path.contains_points(centre)
            wide &= boundary_distance(outline, centre) >= h
            added: list[np.ndarray] = []
            for k in np.flatnonzero(wide)[np.argsort(-radius[wide])]:
                if all(np.linalg.norm(centre[k] - a) > s for a in added):
                    added.append(centre[k])
            d, j = cKDTree(x).query(x, k=2)
            drop: set[int] = set()
            for i in np.flatnonzero((d[:, 1] < 0.85 * s) & (np.arange(len(x)) >= n_row)):
                if i not in drop and j[i, 1] not in drop:
                    drop.add(int(i))
            x = np.delete(x, sorted(drop), axis=0)
            if added:
                x = np.vstack([x, added])
    return x


def flat_solver(outline: np.ndarray):
    """mesomap's :class:`ZoneLayoutSolver` of the shape on a flat 1 mm mesh: the zone is the shape and a MARGIN_MM
    strip around it, so that laid out with that margin its margin line is the shape's outline."""
    from mesomap.geometry.layout import ZoneLayoutSolver

    lo, hi = outline.min(axis=0) - 3 * MARGIN_MM, outline.max(axis=0) + 3 * MARGIN_MM
    gx, gy = np.meshgrid(np.arange(lo[0], hi[0], 1.0), np.arange(lo[1], hi[1], 1.0))
    flat = np.c_[gx.ravel(), gy.ravel()]
    faces = Delaunay(flat).simplices
    centres = flat[faces].mean(axis=1)
    zone = Path(outline).contains_points(centres) | (boundary_distance(outline, centres) <= MARGIN_MM)
    vertices = np.c_[flat, np.zeros(len(flat))]
    return ZoneLayoutSolver(vertices, faces, np.flatnonzero(zone), np.tile([0.0, 0.0, 1.0], (len(flat), 1)))


def mesomap_layout(outline: np.ndarray, s: float) -> np.ndarray:
    """(n, 2) mm: mesomap's hexagonal grid of the shape (see the module doc)."""
    return flat_solver(outline).layout(s, "hexagonal", MARGIN_MM).positions_mm[:, :2]


def lloyd(outline: np.ndarray, s: float, extra: float = 0.0) -> np.ndarray:
    """The ideal number of points, + ``extra`` of it (started from the lattice, the rest put at the farthest
    spots), Lloyd's rounds."""
    spots = grid_spots(outline, s / 20)
    n = round(ideal_count(outline, s) * (1 + extra))
    x = hex_lattice(outline, s)[:n]
    while len(x) < n:
        x = np.vstack([x, spots[np.argmax(cKDTree(x).query(spots)[0])]])
    for _ in range(LLOYD_STEPS):
        cell = cKDTree(x).query(spots)[1]
        count = np.bincount(cell, minlength=len(x))
        mean = np.c_[np.bincount(cell, spots[:, 0], len(x)), np.bincount(cell, spots[:, 1], len(x))]
        some = count > 0
        x[some] = mean[some] / count[some, None]
    return x


def minimax_moves(x: np.ndarray, spots: np.ndarray, step: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One minimax round's moves for points x (n, d) over spots (q, d) mm: (which points (k,), the farthest spot of
    each one's Voronoi cell (k, d), the share (k,) of the way to go there) — those whose cell reaches farther than
    the median cell's, by 2 × 0.5 / (1 + step / 20) × (1 − median ÷ reach)."""
    d, cell = cKDTree(x).query(spots)
    order = np.lexsort((-d, cell))  # by cell, farthest spot first
    first = order[np.r_[True, cell[order][1:] != cell[order][:-1]]]
    owner, far, reach = cell[first], spots[first], d[first]
    share = 2 * (0.5 / (1 + step / 20)) * np.clip(1 - np.median(reach) / np.maximum(reach, 1e-9), 0.0, 1.0)
    moving = share > 0
    return owner[moving], far[moving], share[moving]


def minimax(outline: np.ndarray, s: float, start: np.ndarray) -> np.ndarray:
    """``start`` (n, 2) with MINIMAX_EXTRA × the ideal count more points, relaxed toward the smallest largest hole
    (see the module doc), (m, 2) mm."""
    path = Path(outline)
    spots = grid_spots(outline, s / 20, on_outline=True)
    x = start.copy()
    for _ in range(round(MINIMAX_EXTRA * ideal_count(outline, s))):
        x = np.vstack([x, spots[np.argmax(cKDTree(x).query(spots)[0])]])
    edge = resample(outline, 0.05)
    apart = MINIMAX_SEPARATION * s
    for step in range(MINIMAX_STEPS):
        owner, far, share = minimax_moves(x, spots, step)
        x[owner] += share[:, None] * (far - x[owner])
        for _ in range(5):  # pairs too close pushed apart (Jacobi rounds)
            pairs = cKDTree(x).query_pairs(apart, output_type="ndarray")
            if not len(pairs):
                break
            v = x[pairs[:, 1]] - x[pairs[:, 0]]
            length = np.maximum(np.linalg.norm(v, axis=1), 1e-9)
            push = ((1.001 * apart - length) / 2 / length)[:, None] * v
            move = np.zeros_like(x)
            np.add.at(move, pairs[:, 0], -push)
            np.add.at(move, pairs[:, 1], push)
            x += move
        out = ~path.contains_points(x)
        x[out] = edge[cKDTree(edge).query(x[out])[1]]
    return x


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--spacing", type=float, default=10.0, help="mm (default 10)")
    s = parser.parse_args().spacing
    print(f"spacing {s:g} mm; issue 18's goals: n/ideal within ±10 %, ±5 % ≥ 0.95, nn min ≥ 0.9, hole ≤ 0.65 "
          "(÷ spacing)\n")
    print(f"{'shape':16s} {'method':24s} {'n/ideal':>7s} {'±5%':>5s} {'nn min':>6s} {'hole':>5s}  all met")
    for name, outline in shapes().items():
        ideal = ideal_count(outline, s)
        row, n_row = border_row(outline, s)
        grid = mesomap_layout(outline, s)
        for method, x in (("mesomap", grid), ("lattice", cut_lattice(outline, s)), ("border row", row),
                          ("border row + springs", springs(outline, row, n_row, s)), ("Lloyd", lloyd(outline, s)),
                          ("Lloyd, 10 % more points", lloyd(outline, s, 0.1)),
                          ("mesomap + minimax", minimax(outline, s, grid))):
            m = measure(outline, x, s)
            met = m["within"] >= 0.95 and m["nn_min"] >= 0.9 and m["hole"] <= 0.65 and abs(len(x) / ideal - 1) <= 0.1
            print(f"{name:16s} {method:24s} {len(x) / ideal:7.2f} {m['within']:5.2f} {m['nn_min']:6.3f} "
                  f"{m['hole']:5.2f}  {'yes' if met else 'no'}", flush=True)


if __name__ == "__main__":
    main()
