"""Building the template zones' charts ahead of time, in a background process at the lowest priority.

A zone's first layout is mostly its chart (:mod:`mesomap.geometry.chart_cache`); charts are kept
on disk, so each template zone of a bundled body is built once per machine and chart code. The
app starts ``python -m mesomap.session.chart_prefetch BODY`` (:func:`start`) once the window is
up: a niced process that walks the body's template zones — their faces exactly as a plan gets
them (:func:`mesomap.io.plan_builder.zone_from_template`) — and builds and stores each chart
that is not stored yet; a zone the user lays out before the walk reaches it is built by the
layout as before (and stored for the walk to skip). Nothing here imports Qt.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

#: Set (to anything) to keep the app from starting the background walk (tests, benchmarks).
OFF_ENV = "MESOMAP_NO_CHART_PREFETCH"

_started: set[str] = set()
_lock = threading.Lock()


def start(body_id: str) -> subprocess.Popen | None:
    """Start the background walk over ``body_id``'s template zones (once per body and app run)."""
    if os.environ.get(OFF_ENV):
        return None
    with _lock:
        if body_id in _started:
            return None
        _started.add(body_id)
    package_root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([package_root, *filter(None, [env.get("PYTHONPATH")])])
    try:
        return subprocess.Popen([sys.executable, "-m", "mesomap.session.chart_prefetch", body_id],
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                env=env, cwd=package_root)
    except OSError:  # no process could be started: each first layout builds its own chart, as before
        return None


def build_template_charts(body_id: str) -> int:
    """Build and store the chart of every template zone of bundled body ``body_id`` that is not
    stored yet; returns how many zones were walked."""
    from mesomap.geometry.layout import ZoneLayoutSolver
    from mesomap.io import chart_store
    from mesomap.io.meshes import load_painting_surface
    from mesomap.io.plan_builder import zone_from_template
    from mesomap.io.plan_file import body_ref
    from mesomap.io.templates import load_templates
    from mesomap.model.plan import Plan

    chart_store.install()
    surface = load_painting_surface(body_id)
    plan = Plan(body=body_ref(surface))
    templates = load_templates()
    for t in templates.zones:
        zone = zone_from_template(t, surface, plan)
        ZoneLayoutSolver.from_surface(surface, zone.faces).prepare_charts()  # read if stored, else built and stored
    return len(templates.zones)


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if hasattr(os, "nice"):
        os.nice(19)  # after everything else on the machine: the window and the layout worker come first
    for body_id in args:
        build_template_charts(body_id)
    return 0


if __name__ == "__main__":
    sys.exit(main())
