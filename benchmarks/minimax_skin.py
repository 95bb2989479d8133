"""The minimax relaxation of ``border_study.py`` on real zones: how near does it bring a grid on the skin to the hole goal?

A prototype, not (yet) part of mesomap's solver. It takes mesomap's finished
layout of a template zone, adds MINIMAX_EXTRA of the ideal count at the
farthest spots, and runs ``border_study.MINIMAX_STEPS`` rounds: each point
whose Voronoi cell (straight-line nearest, at random spots of the zone past
the margin and spots along the margin line, each far one refined to the
centre of the circle through its three nearest points, as the solver's hole
search does) reaches farther than the median cell's moves toward its cell's
farthest spot, projected onto the skin and never into the margin
(``layout_relax.step_within_margin``); then pairs closer than
``border_study.MINIMAX_SEPARATION`` × spacing along the skin are pushed
apart (``layout_fix.separate``). Both layouts are measured as the sweep
measures (``quality.measure``: exact geodesics).

Run: ``PYTHONPATH=. python benchmarks/minimax_skin.py [female forehead 10 ...]`` (≈1 min for the default zones);
``... --flat [spacing]``: the same code on ``border_study.py``'s flat shapes (meshed flat, measured the same way).
"""

from __future__ import annotations

import sys
import time

import numpy as np
from scipy.spatial import cKDTree

from benchmarks.border_study import MINIMAX_EXTRA, MINIMAX_SEPARATION, MINIMAX_STEPS, minimax_moves

#: Random spots per hexagonal cell of the zone (the solver's own hole search uses 12).
SPOTS_PER_CELL = 100
#: Spots along the margin line, this many per spacing, put onto it by this many Newton steps.
LINE_SPOTS = 20
LINE_NEWTON = 3
#: Spots farther than this × spacing from every point are refined to their circle's centre each round.
REFINE_BEYOND = 0.5
ZONES = [("female", "forehead", 10.0), ("female", "cheek_left", 10.0), ("female", "forehead", 20.0),
         ("female", "neck", 20.0), ("male", "abdomen", 20.0)]


def relax(solver, face, bary, s: float, m: float):
    """(face, bary) of mesomap's layout (local faces (n,), bary (n, 3)) with extra points, relaxed (module doc)."""
    from mesomap.geometry.iso_lines import iso_loops
    from mesomap.geometry.layout_border import resample
    from mesomap.geometry.layout_fix import separate
    from mesomap.geometry.layout_holes import farthest_spots, surface_samples
    from mesomap.geometry.layout_lattice import cell_area_mm2
    from mesomap.geometry.layout_relax import step_within_margin

    p = solver.patch
    cell = cell_area_mm2("hexagonal", s)
    sf, sb = surface_samples(p, int(SPOTS_PER_CELL * p.area_mm2 / cell), 1)
    spots = p.positions(sf, sb)
    spots = spots[p.boundary_distance(spots) >= m]
    lines = [resample(pts, closed, s / LINE_SPOTS) for pts, closed in iso_loops(p.V, p.F, p.vertex_boundary_distance, m)]
    if lines:
        on_line = p.project_near(np.concatenate(lines))[2]
        for _ in range(LINE_NEWTON):  # the iso-line is linear on each face, the distance is not: onto d = m
            on_line = p.project_near(on_line - (p.boundary_distance(on_line) - m)[:, None]
                                     * p.away_from_boundary(on_line))[2]
        spots = np.concatenate([spots, on_line])
    face, bary = face.copy(), bary.copy()  # (a Layout's arrays are read-only)
    x = p.positions(face, bary)
    for _ in range(round(MINIMAX_EXTRA * solver.eroded_area_mm2(m) / cell)):
        f1, b1, x1, _ = p.project_near(spots[np.argmax(cKDTree(x).query(spots)[0])][None])
        face, bary, x = np.concatenate([face, f1]), np.concatenate([bary, b1]), np.concatenate([x, x1])
    border = p.boundary_distance(x)
    for step in range(MINIMAX_STEPS):
        # each far spot moved to the centre of the circle through its three nearest points (the true local farthest)
        refined = farthest_spots(p, x, spots, REFINE_BEYOND * s, m)[0]
        owner, far, share = minimax_moves(x, refined, step)
        nf, nb, nx, border[owner] = step_within_margin(p, x[owner], share[:, None] * (far - x[owner]), m,
                                                       border[owner], face[owner])
        face[owner], bary[owner] = nf, nb
        face, bary = separate(p, face, bary, 1.001 * MINIMAX_SEPARATION * s, np.ones(len(face), bool), m, rounds=5)
        x = p.positions(face, bary)
        border = p.boundary_distance_floor(face, x)
    return face, bary


def measured(solver, face, bary, s: float, m: float) -> str:
    from mesomap.geometry.layout_lattice import cell_area_mm2
    from mesomap.geometry.layout_value import Layout
    from mesomap.geometry.quality import measure

    p = solver.patch
    x = p.positions(face, bary)
    layout = Layout(p.global_faces[face], bary, x, p.normals(face, bary), np.arange(len(x)), np.zeros(len(x), bool),
                    0.0, "hexagonal", s, m, {})
    q = measure(p, layout, s, m, band=0.0, cell_area_mm2=cell_area_mm2("hexagonal", s),
                eroded_area_mm2=solver.eroded_area_mm2(m))
    return f"{q.count / q.ideal_count:7.2f} {q.within_5pct:5.2f} {q.nn_min:6.3f} {q.hole:5.2f}"


def main() -> None:
    from mesomap.geometry.layout import ZoneLayoutSolver
    from mesomap.io.meshes import load_painting_surface
    from mesomap.io.plan_builder import template_zone_faces
    from mesomap.io.templates import load_templates

    args = sys.argv[1:]
    flat = args[:1] == ["--flat"]
    if flat:  # the study's flat shapes through the same code: what is left on the skin is the zones' own
        from benchmarks.border_study import MARGIN_MM, flat_solver, shapes

        s = float(args[1]) if len(args) > 1 else 10.0
        zones = [("flat", name, s) for name in shapes()]
    else:
        zones = [(args[i], args[i + 1], float(args[i + 2])) for i in range(0, len(args), 3)] if args else ZONES
    print(f"{'body':6s} {'zone':12s} {'s mm':>4s} {'layout':9s} {'n/ideal':>7s} {'±5%':>5s} {'nn min':>6s} {'hole':>5s}")
    for body, zone_id, s in zones:
        if flat:
            solver, m = flat_solver(shapes()[zone_id]), MARGIN_MM
        else:
            surface = load_painting_surface(body)
            t = load_templates().zone(zone_id)
            solver = ZoneLayoutSolver.from_surface(surface, template_zone_faces(t, surface))
            m = t.margin_mm
        layout = solver.layout(s, "hexagonal", m)
        face, bary = np.searchsorted(solver.patch.global_faces, layout.faces), layout.barycentric.copy()
        print(f"{body:6s} {zone_id:12s} {s:4g} {'mesomap':9s} {measured(solver, face, bary, s, m)}", flush=True)
        start = time.process_time()
        face, bary = relax(solver, face, bary, s, m)
        took = time.process_time() - start
        print(f"{body:6s} {zone_id:12s} {s:4g} {'+ minimax':9s} {measured(solver, face, bary, s, m)}  ({took:.1f} s)",
              flush=True)


if __name__ == "__main__":
    main()
