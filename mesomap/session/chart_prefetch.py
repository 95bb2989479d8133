"""Building the template zones' charts ahead of time, in a background process at the lowest priority.

A zone's first layout is mostly its chart (:mod:`mesomap.geometry.chart_cache`); charts are kept
on disk, so each template zone of a bundled body is built once per machine and chart code. The
app starts ``python -m mesomap.session.chart_prefetch BODY`` (:func:`start`) once the window is
up: a niced process that walks the body's template zones — their faces exactly as a plan gets
them (:func:`mesomap.io.plan_builder.zone_from_template`) — and builds and stores each chart
that is not stored yet, then lays out each zone's grid with its template's settings and stores
it (:mod:`mesomap.geometry.layout_cache`: the zone's first layout is then a read); a zone the
user lays out before the walk reaches it is built by the layout as before (and stored for the
walk to skip). The window starts the walk
:data:`START_AFTER_MS` after its first frame, so the walk never competes with it, and
stops it (:func:`stop`) when it closes; a walk whose app went away (a crash) stops by itself.
Nothing here imports Qt.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

#: Set (to anything) to keep the app from starting the background walk (tests, benchmarks).
OFF_ENV = "MESOMAP_NO_CHART_PREFETCH"

#: The window starts the walk this long after its first frame (ms).
START_AFTER_MS = 3000
#: How often the walk checks that the app that started it is still there (s).
PARENT_CHECK_S = 1.0

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


def stop(proc: subprocess.Popen | None, wait_s: float = 5.0) -> None:
    """End a walk :func:`start` returned (None: nothing to do) and reap it: no process is left behind."""
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(wait_s)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _exit_with_parent() -> None:
    """Watch the app that started this walk and leave the moment it is gone (a crash never leaves a walk running)."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            threading.Event().wait(PARENT_CHECK_S)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="mesomap-chart-walk-parent", daemon=True).start()


def prepare_template_zones(body_id: str) -> int:
    """Build and store the chart of every template zone of bundled body ``body_id`` that is not
    stored yet, then its grid with the template's settings (:mod:`mesomap.geometry.layout_cache`);
    returns how many zones were walked."""
    from mesomap.geometry.layout import ZoneLayoutSolver
    from mesomap.io import chart_store
    from mesomap.io.meshes import load_painting_surface
    from mesomap.io.plan_builder import zone_from_template
    from mesomap.io.plan_file import body_ref
    from mesomap.io.templates import load_templates
    from mesomap.model import grid
    from mesomap.model.plan import Plan

    chart_store.install()
    chart_store.install_layouts()
    surface = load_painting_surface(body_id)
    plan = Plan(body=body_ref(surface))
    templates = load_templates()
    for t in templates.zones:
        zone = zone_from_template(t, surface, plan)
        ZoneLayoutSolver.from_surface(surface, zone.faces).prepare_charts()  # read if stored, else built and stored
    for t in templates.zones:  # then each zone's grid with the template's settings, read if stored, else stored
        grid.layout_zone(zone_from_template(t, surface, plan), surface)
        grid._solvers.clear()
    return len(templates.zones)


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    # Ended (the window closed, or the app is gone): leave through SystemExit, so a chart being written
    # drops its temporary file (io.chart_store) instead of leaving it in the cache folder.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    _exit_with_parent()
    if hasattr(os, "nice"):
        os.nice(19)  # after everything else on the machine: the window and the layout worker come first
    for body_id in args:
        prepare_template_zones(body_id)
    return 0


if __name__ == "__main__":
    sys.exit(main())
