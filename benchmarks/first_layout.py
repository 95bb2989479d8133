"""First-layout benchmark: every template zone on both bodies, from a fresh solver and again.

Run:  python benchmarks/first_layout.py [--bodies female male] [--zones abdomen knee_left] [--profile abdomen]
                                       [--walk] [--cold] [--no-cache]

For each body and template zone (the zone as a plan gets it: the template's
faces on the painting surface, border smoothed, the template's spacing and
margin), prints in ms:

  first      a fresh solver (``ZoneLayoutSolver.from_surface``) + its first layout: what the user
             waits for the first time a zone is laid out in a session (``model.grid.layout_zone``
             with an empty solver cache), with the app's stores: the chart read if stored, the
             finished layout read if stored (the app's background walk stores each template zone's
             layout at its template's settings: ``--walk`` runs that walk first)
  computed   the same with the layout store off (chart read if stored, layout computed): what a
             zone at other settings than the template's costs the first time
  relayout   median of 5 more layouts with the solver built, layout store off (the spacing slider)
  n          injections

then the worst and the median per column and body. The stores are the app's (the user cache
folder, or ``$MESOMAP_DATA_DIR/cache/charts`` and ``…/layouts``): ``--cold`` empties both first
(each chart and layout built and stored: the first layout of a zone ever on this machine),
``--no-cache`` uses none (as before the stores); ``--profile ZONE`` prints cProfile's top entries
for that zone's first layout.
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

from mesomap.geometry import chart_cache, layout_cache  # noqa: E402
from mesomap.io.meshes import load_painting_surface  # noqa: E402
from mesomap.io.plan_builder import zone_from_template  # noqa: E402
from mesomap.io.templates import load_templates  # noqa: E402
from mesomap.model import grid  # noqa: E402
from mesomap.model.plan import Plan  # noqa: E402
from mesomap.io.plan_file import body_ref  # noqa: E402


def first_layout_ms(zone, surface, layouts) -> tuple[float, float, float, int]:
    """(first layout ms with an empty solver cache and the layout store ``layouts`` (None: off), the same
    computed (layout store off), median re-layout ms (layout store off), injections)."""
    def fresh() -> float:
        grid._solvers.clear()
        t = time.perf_counter()
        grid.layout_zone(zone, surface)
        return (time.perf_counter() - t) * 1e3

    layout_cache.use_store(layouts)
    first = fresh()
    layout_cache.use_store(None)
    computed = fresh()
    again = []
    for _ in range(5):
        t = time.perf_counter()
        points = grid.layout_zone(zone, surface)
        again.append((time.perf_counter() - t) * 1e3)
    layout_cache.use_store(layouts)
    return first, computed, statistics.median(again), len(points)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bodies", nargs="+", default=["female", "male"])
    parser.add_argument("--zones", nargs="*", help="template zone ids (default: all)")
    parser.add_argument("--cold", action="store_true", help="empty the chart and layout stores before measuring")
    parser.add_argument("--no-cache", action="store_true", help="no stores: build every chart and layout (as before)")
    parser.add_argument("--walk", action="store_true", help="run the app's background walk over the bodies first")
    parser.add_argument("--profile", metavar="ZONE")
    args = parser.parse_args()
    templates = load_templates()
    from mesomap.io import chart_store

    layouts = None
    if args.no_cache:
        chart_cache.use_store(None)
    else:
        charts, layouts = chart_store.install(), chart_store.install_layouts()  # as the app does (session/prefetch)
        if args.cold:
            charts.clear()
            layouts.clear()
    if args.walk:
        from mesomap.session.chart_prefetch import prepare_template_zones

        for body in args.bodies:
            prepare_template_zones(body)
        if args.no_cache:
            chart_cache.use_store(None)
    layout_cache.use_store(layouts)
    print(f"{'body':7s} {'zone':24s} {'faces':>7s} {'first ms':>9s} {'computed':>9s} {'relayout':>9s} {'n':>5s}")
    for body in args.bodies:
        surface = load_painting_surface(body)
        surface.vertex_normals  # noqa: B018 (loaded with the surface in the app, before any layout)
        rows = []
        for t in templates.zones:
            if args.zones and t.id not in args.zones:
                continue
            zone = zone_from_template(t, surface, Plan(body=body_ref(surface)))
            if args.profile == t.id:
                grid._solvers.clear()
                prof = cProfile.Profile()
                prof.runcall(grid.layout_zone, zone, surface)
                pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
            first, computed, again, n = first_layout_ms(zone, surface, layouts)
            rows.append((first, computed, again))
            print(f"{body:7s} {t.id:24s} {len(zone.faces):7d} {first:9.1f} {computed:9.1f} {again:9.1f} {n:5d}",
                  flush=True)
        if rows:
            cols = list(zip(*rows))
            print(f"{body:7s} {'worst':24s} {'':7s} " + " ".join(f"{max(c):9.1f}" for c in cols))
            print(f"{body:7s} {'median':24s} {'':7s} " + " ".join(f"{statistics.median(c):9.1f}" for c in cols))


if __name__ == "__main__":
    main()
