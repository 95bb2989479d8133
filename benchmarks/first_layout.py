"""First-layout benchmark: every template zone on both bodies, from a fresh solver and again.

Run:  python benchmarks/first_layout.py [--bodies female male] [--zones abdomen knee_left] [--profile abdomen]

For each body and template zone (the zone as a plan gets it: the template's
faces on the painting surface, border smoothed, the template's spacing and
margin), prints in ms:

  first      a fresh solver (``ZoneLayoutSolver.from_surface``) + its first layout: what the user
             waits for the first time a zone is laid out in a session (``model.grid.layout_zone``
             with an empty solver cache; with a chart cache on disk, what reading it costs)
  relayout   median of 5 more layouts with the solver built (the spacing slider)
  n          injections

then the worst and the median first layout per body. The chart store is the app's (the user cache
folder, or ``$MESOMAP_DATA_DIR/cache/charts``): ``--cold`` empties it first (each chart is built and
stored: the first layout of a zone ever on this machine), ``--no-cache`` uses none (as before the
store); ``--profile ZONE`` prints cProfile's top entries for that zone's first layout.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mesomap.geometry import chart_cache  # noqa: E402
from mesomap.io.meshes import load_painting_surface  # noqa: E402
from mesomap.io.plan_builder import zone_from_template  # noqa: E402
from mesomap.io.templates import load_templates  # noqa: E402
from mesomap.model import grid  # noqa: E402
from mesomap.model.plan import Plan  # noqa: E402
from mesomap.io.plan_file import body_ref  # noqa: E402


def first_layout_ms(zone, surface) -> tuple[float, float, int]:
    """(first layout ms with an empty solver cache, median re-layout ms, injections)."""
    grid._solvers.clear()
    t = time.perf_counter()
    points = grid.layout_zone(zone, surface)
    first = (time.perf_counter() - t) * 1e3
    again = []
    for _ in range(5):
        t = time.perf_counter()
        grid.layout_zone(zone, surface)
        again.append((time.perf_counter() - t) * 1e3)
    return first, statistics.median(again), len(points)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bodies", nargs="+", default=["female", "male"])
    parser.add_argument("--zones", nargs="*", help="template zone ids (default: all)")
    parser.add_argument("--cold", action="store_true", help="empty the chart cache before measuring")
    parser.add_argument("--no-cache", action="store_true", help="no chart store: build every chart (as before)")
    parser.add_argument("--profile", metavar="ZONE")
    args = parser.parse_args()
    templates = load_templates()
    from mesomap.io import chart_store

    if args.no_cache:
        chart_cache.use_store(None)
    else:
        store = chart_store.install()  # as the app does (session/prefetch)
        if args.cold:
            store.clear()
    print(f"{'body':7s} {'zone':24s} {'faces':>7s} {'first ms':>9s} {'relayout':>9s} {'n':>5s}")
    for body in args.bodies:
        surface = load_painting_surface(body)
        surface.vertex_normals  # noqa: B018 (loaded with the surface in the app, before any layout)
        firsts = []
        for t in templates.zones:
            if args.zones and t.id not in args.zones:
                continue
            zone = zone_from_template(t, surface, Plan(body=body_ref(surface)))
            if args.profile == t.id:
                grid._solvers.clear()
                prof = cProfile.Profile()
                prof.runcall(grid.layout_zone, zone, surface)
                pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
            first, again, n = first_layout_ms(zone, surface)
            firsts.append(first)
            print(f"{body:7s} {t.id:24s} {len(zone.faces):7d} {first:9.1f} {again:9.1f} {n:5d}", flush=True)
        if firsts:
            print(f"{body:7s} {'worst / median first':24s} {'':7s} {max(firsts):9.1f} {statistics.median(firsts):9.1f}")


if __name__ == "__main__":
    main()
