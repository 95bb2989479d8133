"""Paint-dab benchmark: pick under the cursor + brush selection, against well-known libraries.

Run:  python benchmarks/paint.py [--rays 200] [--repeats 7] [--base CHECKOUT] [--pick-only]
      python benchmarks/paint.py --dab [--against OTHER_CHECKOUT] [--rounds 3]

On the female body at painting resolution (≈520k triangles), for two sets of
rays — parallel rays shot at the front of the body (trunk and thighs), and
rays from a camera 1.4 m in front of the trunk to points on it — prints medians in ms:

  pick      PaintingSurface.pick (what the window calls: TriangleBVH.intersect)
            vs VTK vtkCellLocator.IntersectWithLine and trimesh RayMeshIntersector.intersects_first,
            and --base: the same index class of another checkout, built on the same triangles.
            CPU ms per ray (process time over all rays of a set), median of --repeats rounds; within
            a round each contender runs over the rays in turn, so load falls on all alike.
            Also the wall median of single picks (earlier sessions' measure), the quickest of 5
            calls with one ray (caches warm), and CPU per ray in batches of 50 (pick_many: a
            stroke's samples between two events).
  brush     mesomap brush_faces (geodesic along the visible skin, 10/30/100 mm)
            vs a plain scipy cKDTree ball (Euclidean, ignores visibility)
  overlay   rebuilding one zone's PolyData for the renderer (30 mm dab zone)

  dab       a 100 mm dab along a stroke: pick + brush + merge into the zone + recolour (ZoneMesh)

``--dab`` prints only the dab's parts (median CPU ms of pick / selection / merge / recolour / whole dab
at 20, 50 and 100 mm along a stroke across the trunk); with ``--against DIR`` it runs the same measure
on the checkout DIR (e.g. the base commit in a git worktree) and on this one alternately, ``--rounds``
times each in fresh processes, and prints both with their ratio (medians over the rounds).

Issue 18's budget: one 100 mm dab (pick + select + colour update) ≤ 3 ms median,
excluding the rendered frame itself. Wall times on a shared machine swing with its load:
compare ratios within one run, and the dab's CPU time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if "--root" in sys.argv:  # the checkout whose mesomap is measured (--against runs this script on another one)
    ROOT = Path(sys.argv[sys.argv.index("--root") + 1]).resolve()
sys.path.insert(0, str(ROOT))

from mesomap.geometry.brush import brush_faces  # noqa: E402
from mesomap.io.meshes import load_painting_surface  # noqa: E402


def median_ms(fn, args_list, clock=time.perf_counter) -> float:
    """Median ms of ``fn(*args)`` over ``args_list``, by ``clock`` (wall; time.thread_time for CPU)."""
    times = []
    for args in args_list:
        t = clock()
        fn(*args)
        times.append((clock() - t) * 1e3)
    return statistics.median(times)


def cpu_ms_per_call(fn, args_list) -> float:
    """CPU ms per call of ``fn(*args)`` over all of ``args_list`` (one clock reading around the lot)."""
    t = time.process_time()
    for args in args_list:
        fn(*args)
    return (time.process_time() - t) * 1e3 / len(args_list)


def base_index(checkout: str, surface):
    """The pick index of another checkout (its mesomap/geometry/bvh.py) built on the same triangles."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("base_bvh", Path(checkout) / "mesomap/geometry/bvh.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.TriangleBVH(surface.mesh.triangles)


def index_size(index) -> str:
    """MB held by a pick index's own arrays (not the mesh's triangles)."""
    if hasattr(index, "nbytes"):
        return f"{index.nbytes / 1e6:.1f} MB"
    arrays = [v for v in vars(index).values() if isinstance(v, np.ndarray) and v is not index.triangles]
    arrays += [a for v in vars(index).values() if isinstance(v, list) for a in v if isinstance(a, np.ndarray)]
    return f"{sum(a.nbytes for a in arrays) / 1e6:.1f} MB"


def pick_cpu_rows(surface, ray_sets, base, vtk_pick, tri_ray, repeats: int) -> list[tuple[str, str]]:
    """CPU ms per pick, median of ``repeats`` rounds; each round times every contender over all rays
    in turn (mesomap, the base checkout's index, vtkCellLocator, trimesh on the first 50 rays), so
    the machine's load falls on all alike. Ratios are the contender's ms over mesomap's."""
    contenders = [("mesomap", lambda o, d: surface.pick(o, d))]
    if base is not None:
        contenders.append(("base checkout", base.intersect))
    contenders += [("VTK vtkCellLocator", vtk_pick),
                   ("trimesh ray_triangle", lambda o, d: tri_ray.intersects_first(o[None], d[None]))]
    rows = []
    for label, rays in ray_sets:
        times = {name: [] for name, _ in contenders}
        for _ in range(repeats):
            for name, fn in contenders:
                times[name].append(cpu_ms_per_call(fn, rays[:50] if name.startswith("trimesh") else rays))
        mine = statistics.median(times["mesomap"])
        for name, _ in contenders:
            ms = statistics.median(times[name])
            ratio = "" if name == "mesomap" else f"  ({ms / mine:.2f}x mesomap's time)"
            rows.append((f"pick CPU ({label}): {name}", f"{ms:.4f} ms{ratio}"))
        warm = {name: warm_ms(fn, rays) for name, fn in contenders[:-1]}
        rows.append((f"pick, one ray 5x in a row, quickest ({label})", "  ".join(
            f"{name} {ms:.4f} ms" for name, ms in warm.items())))
    if base is not None:
        rows.append(("pick index size: mesomap / base checkout", f"{index_size(surface.bvh)} / {index_size(base)}"))
    return rows


def warm_ms(fn, args_list, tries: int = 5) -> float:
    """Median over ``args_list`` of the quickest of ``tries`` calls in a row with the same args (wall ms):
    the same ray again and again, everything it touches in the cache."""
    best = []
    for args in args_list:
        times = []
        for _ in range(tries):
            t = time.perf_counter()
            fn(*args)
            times.append(time.perf_counter() - t)
        best.append(min(times) * 1e3)
    return statistics.median(best)


def full_dab(surface, direction, radius: float) -> str:
    """Median of a whole dab along a stroke across the trunk: the pick under the cursor, the brush,
    the merge into the zone (model.edits.merge_faces, as Session.stroke does) and the recolour
    (render.zone_mesh.ZoneMesh.set_faces: the stroke's raw-face drawing), wall and CPU time."""
    from mesomap.model.edits import merge_faces
    from mesomap.model.plan import face_set
    from mesomap.render.zone_mesh import ZoneMesh

    mesh = ZoneMesh(surface)
    zone = face_set([])
    wall, cpu = [], []
    for x in np.linspace(-160, 160, 60):  # 5.4 mm apart: a stroke's dabs, ~0.45 x radius would be sparser
        origin = np.array([x, 2000.0, 1050.0 + 60 * np.sin(x / 50)])
        t, c = time.perf_counter(), time.thread_time()
        hit = surface.pick(origin, direction)
        if hit is None:
            continue
        zone = merge_faces(zone, brush_faces(surface, hit, radius, direction))
        mesh.set_faces(zone)
        wall.append((time.perf_counter() - t) * 1e3)
        cpu.append((time.thread_time() - c) * 1e3)
    return (f"{statistics.median(wall):.2f} ms median wall, {statistics.median(cpu):.2f} ms CPU "
            f"({len(wall)} dabs, zone {len(zone):,} faces at the end)")


DAB_RADII = (20.0, 50.0, 100.0)
DAB_PARTS = ("pick", "selection", "merge", "recolour", "whole dab")


def dab_parts(surface, direction, radius: float, passes: int = 3) -> dict[str, float]:
    """Median CPU ms (time.thread_time) of each part of a dab along a stroke across the trunk, as a
    painting stroke does them: the pick under the cursor, the brush selection, the merge into the zone
    (model.edits.merge_faces, as Session.stroke) and the recolour (render.zone_mesh.ZoneMesh.set_faces);
    "whole dab" is the median of their sum per dab. Dabs 5.4 mm apart (60 over 320 mm), ``passes`` strokes."""
    from mesomap.model.edits import merge_faces
    from mesomap.model.plan import face_set
    from mesomap.render.zone_mesh import ZoneMesh

    times: dict[str, list[float]] = {name: [] for name in DAB_PARTS}
    clock = time.thread_time
    for _ in range(passes):
        mesh, zone = ZoneMesh(surface), face_set([])
        for x in np.linspace(-160, 160, 60):
            origin = np.array([x, 2000.0, 1050.0 + 60 * np.sin(x / 50)])
            t0 = clock()
            hit = surface.pick(origin, direction)
            t1 = clock()
            if hit is None:
                continue
            faces = brush_faces(surface, hit, radius, direction)
            t2 = clock()
            zone = merge_faces(zone, faces)
            t3 = clock()
            mesh.set_faces(zone)
            t4 = clock()
            for name, ms in zip(DAB_PARTS, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t4 - t0)):
                times[name].append(ms * 1e3)
    return {name: statistics.median(v) for name, v in times.items()}


def dab_table(root: Path) -> dict[str, dict[str, float]]:
    """{radius: dab_parts} for the female body of the checkout this process imports mesomap from."""
    surface = load_painting_surface("female")
    surface.bvh, surface.mesh.face_normals  # noqa: B018 (built once, as the prefetch thread does)
    for tables in ("brush_tables", "skin_graph"):  # (the brush's tables under their name in that checkout)
        if hasattr(type(surface), tables):
            getattr(surface, tables)
    direction = np.array([0.0, -1.0, 0.0])
    return {f"{r:g}": dab_parts(surface, direction, r) for r in DAB_RADII}


def compare_dabs(other: Path, rounds: int) -> None:
    """Print dab_table for ``other`` (before) and this checkout (after), alternating fresh processes."""
    runs: dict[str, list[dict]] = {"before": [], "after": []}
    for _ in range(rounds):
        for label, root in (("before", other), ("after", ROOT)):
            env = dict(os.environ, PYTHONPATH=str(root))
            out = subprocess.run([sys.executable, __file__, "--dab", "--json", "--root", str(root)], env=env,
                                 check=True, capture_output=True, text=True).stdout
            runs[label].append(json.loads(out.strip().splitlines()[-1]))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"dab CPU ms, median of {rounds} alternating rounds (before: {other}; after: {ROOT}; load {load:.1f})")
    print(f"{'radius':>6}  {'part':<10} {'before':>8} {'after':>8} {'ratio':>6}")
    for r in (f"{r:g}" for r in DAB_RADII):
        for name in DAB_PARTS:
            before = statistics.median(run[r][name] for run in runs["before"])
            after = statistics.median(run[r][name] for run in runs["after"])
            print(f"{r + ' mm':>6}  {name:<10} {before:8.3f} {after:8.3f} {before / after:5.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rays", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=7, help="pick: CPU time over all rays, median of this many")
    parser.add_argument("--base", help="a checkout of an earlier commit: its pick index timed in the same run")
    parser.add_argument("--pick-only", action="store_true", help="stop after the pick rows")
    parser.add_argument("--dab", action="store_true", help="only the dab's parts at 20/50/100 mm (CPU ms)")
    parser.add_argument("--against", type=Path, help="with --dab: also measure this checkout, alternately")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dab:
        if args.against is not None:
            compare_dabs(args.against.resolve(), args.rounds)
            return
        table = dab_table(ROOT)
        if args.json:
            print(json.dumps(table))
            return
        for r, parts in table.items():
            print(f"{r:>4} mm  " + "  ".join(f"{name} {ms:.3f}" for name, ms in parts.items()) + "  (CPU ms)")
        return
    rng = np.random.default_rng(0)
    surface = load_painting_surface("female")
    t = time.perf_counter()
    surface.bvh, surface.vertex_tree, surface.vertex_faces  # noqa: B018 (build once)
    for tables in ("brush_tables", "skin_graph"):  # the brush's tables, under their name in this checkout
        if hasattr(type(surface), tables):
            getattr(surface, tables)
    build_s = time.perf_counter() - t
    direction = np.array([0.0, -1.0, 0.0])
    origins = [np.array([rng.uniform(-150, 150), 2000.0, rng.uniform(550, 1250)]) for _ in range(args.rays)]
    camera = np.array([0.0, 1400.0, 1100.0])
    trunk = [(camera, np.array([rng.uniform(-130, 130), 0.0, rng.uniform(900, 1350)]) - camera)
             for _ in range(args.rays)]
    hits = [h for h in (surface.pick(o, direction) for o in origins) if h is not None]
    rows = [("surface", f"{surface.n_faces:,} triangles; BVH+kd-tree+incidence+brush tables build "
                        f"{build_s * 1e3:.0f} ms")]

    import pyvista as pv
    import trimesh
    import vtk

    tm = trimesh.Trimesh(surface.mesh.vertices, surface.mesh.faces, process=False)
    tri_ray = trimesh.ray.ray_triangle.RayMeshIntersector(tm)
    cells = np.hstack([np.full((surface.n_faces, 1), 3), surface.mesh.faces]).ravel()
    poly = pv.PolyData(np.asarray(surface.mesh.vertices), cells)
    locator = vtk.vtkCellLocator()
    locator.SetDataSet(poly)
    locator.BuildLocator()

    def vtk_pick(o, d):
        t_, x, pc, sub, cell = vtk.mutable(0.0), [0.0] * 3, [0.0] * 3, vtk.mutable(0), vtk.mutable(0)
        locator.IntersectWithLine(o, o + d / np.linalg.norm(d) * 4000, 1e-6, t_, x, pc, sub, cell)

    ours = 0.0
    ray_sets = (("front rays", [(o, direction) for o in origins]), ("trunk from camera", trunk))
    base = base_index(args.base, surface) if args.base else None
    for label, rays in ray_sets:  # the measure of earlier sessions: median wall time of single calls
        mine, theirs = median_ms(lambda o, d: surface.pick(o, d), rays), median_ms(vtk_pick, rays)
        ours = ours or mine
        rows.append((f"pick ({label}): wall median of single picks", f"mesomap {mine:.4f} ms, vtkCellLocator "
                     f"{theirs:.4f} ms ({theirs / mine:.2f}x mesomap's time)"))
    rows += pick_cpu_rows(surface, ray_sets, base, vtk_pick, tri_ray, args.repeats)
    if hasattr(surface, "pick_many"):  # (not in checkouts before the batch pick: the script runs on them too)
        batch_o, batch_d = np.array([o for o, _ in trunk[:50]]), np.array([d for _, d in trunk[:50]])
        cpu = time.thread_time  # a 5 ms batch is preempted more often than a 0.1 ms pick on a busy machine
        batch_cpu = median_ms(lambda: surface.pick_many(batch_o, batch_d), [()] * 20, cpu) / len(batch_o)
        then = ""
        if base is not None and hasattr(base, "intersect_many"):
            base_cpu = median_ms(lambda: base.intersect_many(batch_o, batch_d), [()] * 20, cpu) / len(batch_o)
            then = f" (base checkout {base_cpu:.4f} ms)"
        rows.append(("pick (trunk, batches of 50 as a stroke): CPU per ray", f"{batch_cpu:.4f} ms{then}"))
    if args.pick_only:
        rows.append(("pick index", index_size(surface.bvh)))
        print_rows(rows)
        return
    for radius in (10.0, 30.0, 100.0):
        geo = median_ms(lambda h: brush_faces(surface, h, radius, direction), [(h,) for h in hits])
        ball = median_ms(lambda h: surface.vertex_tree.query_ball_point(h.point_mm, radius), [(h,) for h in hits])
        dab = ours + geo
        rows.append((f"brush {radius:g} mm: mesomap geodesic", f"{geo:.2f} ms (cKDTree ball alone {ball:.2f} ms); dab pick+brush {dab:.2f} ms"))
    rows.append(("dab 100 mm: pick+brush+merge+recolour", full_dab(surface, direction, 100.0)))
    from mesomap.render.overlays import zone_polydata

    faces = brush_faces(surface, hits[0], 30.0, direction)
    zone = np.unique(np.concatenate([faces] + [brush_faces(surface, h, 30.0, direction) for h in hits[1:40]]))
    overlay = median_ms(lambda: zone_polydata(surface, zone), [()] * 20)
    rows.append((f"overlay rebuild ({len(zone):,} faces)", f"{overlay:.2f} ms"))
    print_rows(rows)


def print_rows(rows) -> None:
    width = max(len(r[0]) for r in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


if __name__ == "__main__":
    main()
