"""Injection-grid layout benchmark: mesomap against well-known samplers, measured along the skin.

Run:  python benchmarks/layout.py [--quick]
      python benchmarks/layout.py --all-zones [--jobs 1] [--zones wrist scalp] [--one-side]  (see layout_sweep.py)

For each surface — real zones of the female painting surface (abdomen, knee,
cheek, shoulder) and synthetic ones (sphere cap, bumpy sphere, torus saddle) —
and each method, one table row:

  method     mesomap hexagonal (full, and the fix=False slider preview), mesomap blue noise,
             trimesh.sample.sample_surface_even, point_cloud_utils.sample_mesh_poisson_disk
             (both asked for the ideal count on the zone, then cut at the margin), and a
             planar hexagonal grid snapped to the skin
  ms         median time of one layout with the solver built (mesomap) / one call (others)
  n/ideal    count ÷ ideal hexagonal count (area inside the margin ÷ (s²·√3/2))
  nn min/med/max, cv   nearest-neighbour distance along the skin ÷ spacing (edge-flip geodesics)
  ±5%        share of points whose nearest neighbour is within ±5 % of the spacing
  hole       largest distance along the skin from a spot ≥ margin + s/2 inside to its nearest point ÷ s
  out        points off the zone or farther than 0.01 mm from the skin

Then timings: solver build + first layout, and re-layout for a 200-point
layout on the abdomen (a zone of the ~520k-face painting mesh) and on a
bumpy sphere of ~330k faces.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from mesomap.geometry.layout import ZoneLayoutSolver  # noqa: E402
from mesomap.geometry.quality import measure, planar_grid_snapped, snapped_layout  # noqa: E402
from mesomap.geometry.synthetic import synthetic_surface  # noqa: E402

REAL = {"abdomen": (15.0, 10.0), "knee_left": (25.0, 10.0), "cheek_left": (8.0, 3.0), "shoulder_left": (25.0, 10.0)}
SYNTH = {"sphere_cap": (10.0, 3.0), "bumpy_sphere": (10.0, 3.0), "torus_saddle": (10.0, 3.0)}


def timed(fn, runs):
    times, out = [], None
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t) * 1e3)
    return out, statistics.median(times)


def methods(solver: ZoneLayoutSolver, s: float, m: float):
    import point_cloud_utils as pcu
    import trimesh

    p = solver.patch
    ideal = max(1, int(round(solver.eroded_area_mm2(0.0) / (s * s * 3**0.5 / 2))))
    tm = trimesh.Trimesh(p.V, p.F, process=False)

    def trimesh_even():
        pts, _ = trimesh.sample.sample_surface_even(tm, ideal, seed=0)
        return snapped_layout(p, pts, s, m)

    def pcu_poisson():
        fid, bc = pcu.sample_mesh_poisson_disk(p.V.astype(np.float64), p.F.astype(np.int32), num_samples=ideal,
                                               random_seed=0)
        return snapped_layout(p, pcu.interpolate_barycentric_coords(p.F, fid, bc, p.V), s, m)

    return [
        ("mesomap hexagonal", lambda: solver.layout(s, "hexagonal", m)),
        ("mesomap hex preview", lambda: solver.layout(s, "hexagonal", m, fix=False)),
        ("mesomap blue noise", lambda: solver.layout(s, "blue_noise", m, seed=0)),
        ("trimesh sample_even", trimesh_even),
        ("pcu poisson disk", pcu_poisson),
        ("planar hex snapped", lambda: planar_grid_snapped(p, s, m)),
    ]


def surfaces(quick: bool):
    from mesomap.io.meshes import load_painting_surface
    from mesomap.io.templates import load_templates

    surface = load_painting_surface("female")
    templates = load_templates()
    for zone, (s, m) in REAL.items():
        yield zone, (surface.mesh.vertices, surface.mesh.faces, surface.children_of(templates.zone(zone).faces),
                     surface.vertex_normals), s, m
    if quick:
        return
    for name, (s, m) in SYNTH.items():
        syn = synthetic_surface(name)
        yield name, (syn.V, syn.F, syn.zone, syn.normals), s, m


def quality_table(quick: bool, runs: int) -> None:
    head = f"{'surface':14s} {'s/m mm':>7s} {'method':22s} {'ms':>7s} {'n':>5s} {'n/ideal':>7s} " \
           f"{'nn min':>6s} {'med':>6s} {'max':>6s} {'cv':>6s} {'±5%':>5s} {'hole':>5s} {'out':>4s}"
    print(head)
    print("-" * len(head))
    for name, args, s, m in surfaces(quick):
        solver = ZoneLayoutSolver(*args)
        solver.charts  # noqa: B018 (precompute outside the timing)
        for label, fn in methods(solver, s, m):
            layout, ms = timed(fn, runs)
            q = measure(solver.patch, layout, s, m)
            print(f"{name:14s} {s:4.0f}/{m:<2.0f} {label:22s} {ms:7.1f} {q.count:5d} {q.count_ratio:7.2f} "
                  f"{q.nn_min:6.3f} {q.nn_median:6.3f} {q.nn_max:6.3f} {q.nn_cv:6.3f} {q.within_5pct:5.2f} "
                  f"{q.hole:5.2f} {q.outside:4d}", flush=True)


def speed(quick: bool) -> None:
    from mesomap.io.meshes import load_painting_surface
    from mesomap.io.templates import load_templates

    surface = load_painting_surface("female")
    zone = surface.children_of(load_templates().zone("abdomen").faces)
    cases = [("abdomen (520k-face body)", (surface.mesh.vertices, surface.mesh.faces, zone, surface.vertex_normals),
              18.0, 10.0)]
    if not quick:
        syn = synthetic_surface("bumpy_sphere", resolution_mm=0.8)
        cases.append((f"bumpy sphere ({len(syn.F) // 1000}k faces)", (syn.V, syn.F, syn.zone, syn.normals), 8.4, 3.0))
    print()
    print(f"{'200-point layout':30s} {'zone faces':>10s} {'build+first':>12s} {'re-layout':>10s} {'preview':>8s} {'n':>5s}")
    for label, args, s, m in cases:
        t = time.perf_counter()
        solver = ZoneLayoutSolver(*args)
        layout = solver.layout(s, "hexagonal", m)
        first = (time.perf_counter() - t) * 1e3
        slider = np.linspace(0.97 * s, 1.03 * s, 15)
        full = statistics.median(_t(lambda v=v: solver.layout(v, "hexagonal", m)) for v in slider)
        preview = statistics.median(_t(lambda v=v: solver.layout(v, "hexagonal", m, fix=False)) for v in slider)
        print(f"{label:30s} {len(solver.patch.F):10d} {first:10.0f}ms {full:8.1f}ms {preview:6.1f}ms {len(layout):5d}")


def _t(fn) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1e3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="real zones only, one run each")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--all-zones", action="store_true",
                        help="every template zone of both bodies at 4, 10, 20 mm in its own pattern (long)")
    parser.add_argument("--zones", nargs="*", help="with --all-zones: only zones whose id contains one of these")
    parser.add_argument("--bodies", nargs="*", default=["female", "male"])
    parser.add_argument("--spacings", nargs="*", type=float, default=[4.0, 10.0, 20.0])
    parser.add_argument("--one-side", action="store_true", help="with --all-zones: skip the *_right mirror zones")
    parser.add_argument("--jobs", type=int, default=1, help="with --all-zones: worker processes")
    args = parser.parse_args()
    if args.all_zones:
        from layout_sweep import print_table, sweep

        print_table(sweep(args.bodies, args.zones, args.spacings, args.jobs, args.one_side))
        return
    quality_table(args.quick, 1 if args.quick else args.runs)
    speed(args.quick)


if __name__ == "__main__":
    main()
