"""Memory benchmark (issue 18): peak resident memory of a fresh process for

  plan   the female body with a full plan — every zone template laid out (``model.grid.grid_plan``) — drawn by
         the app's PlanScene in an off-screen 1280×1024 view and rendered once;
  scan   a 1M-triangle scan (benchmarks/big_scan.py, written as binary PLY) imported through ``io.scans.load_scan``
         (welding, largest piece, the painting-resolution copy) and shown as the body (with its moving-camera
         light copy, render.motion) in the same kind of view;
  window the app's window (Xvfb) on the female body: first frame, then the pick and brush structures it builds
         in the background, settled.

Each runs in its own process (``--child``) and reports, for each stage, its resident memory at the end (VmRSS)
and the stage's own peak (VmHWM, reset between stages through /proc/self/clear_refs), and the peak of the whole
run (the highest stage peak), so one measurement does not inherit another's heap. No display needed (EGL).

    python benchmarks/memory.py [--json] [--skip-window] [--skip-plan] [--skip-scan] [--code CHECKOUT]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # benchmarks.* and, unless --code names another checkout, mesomap
if os.environ.get("MESOMAP_BENCH_CODE"):  # a child measuring another checkout's mesomap (--code)
    sys.path.insert(0, os.environ["MESOMAP_BENCH_CODE"])
SIZE = (1280, 1024)


def rss_mb() -> float:
    """Resident memory of this process now (MB), from /proc/self/status."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    """Peak resident memory of this process so far (MB): getrusage maxrss (kB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Stages:
    """(name, resident MB at its end, its own peak MB) per stage: the peak is reset as each stage starts."""

    def __init__(self):
        self.rows: list[tuple[str, float, float]] = []
        self._resettable = _reset_peak()
        self.mark("start")

    def mark(self, name: str) -> None:
        """End the stage ``name`` (it ran since the previous mark) and start the next."""
        self.rows.append((name, rss_mb(), _status_mb("VmHWM") if self._resettable else peak_mb()))
        self._resettable = _reset_peak()

    @property
    def peak_mb(self) -> float:
        return max(max(peak for _, _, peak in self.rows), peak_mb() if not self._resettable else 0.0)


def _status_mb(key: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _reset_peak() -> bool:
    """Reset this process's peak resident memory (Linux: ``5`` to /proc/self/clear_refs); False if it cannot."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


class _View:
    """What PlanScene needs of a view: a plotter and request_render (renders at once here)."""

    def __init__(self, plotter):
        self.plotter = plotter

    def request_render(self) -> None:
        pass


def _settle_background() -> None:
    """Wait for the background loads and builds started so far (the base code before ``settled`` existed: its pool)."""
    from mesomap.session import prefetch

    settle = getattr(prefetch, "settled", None) or (lambda: prefetch._pool.submit(lambda: None).result())
    settle()


def child_plan() -> dict:
    stages = Stages()
    from mesomap.io.meshes import load_bundled_body, load_painting_surface
    from mesomap.io.plan_builder import new_plan
    from mesomap.io.templates import load_templates
    from mesomap.model.grid import grid_plan
    from mesomap.render.offscreen import offscreen_plotter
    from mesomap.render.plan_scene import PlanScene
    from mesomap.render.scene import BodyActor, setup_scene
    from mesomap.session.prefetch import warm
    from mesomap.session.session import Session

    stages.mark("imports")
    surface = load_painting_surface("female")
    stages.mark("painting surface")
    warm("female")  # the pick and brush structures, as the window builds them after its first frame
    _settle_background()
    stages.mark("its pick and brush structures (session.prefetch.warm)")
    templates = load_templates()
    t = time.perf_counter()
    plan = grid_plan(new_plan(surface, templates, [z.id for z in templates.zones]), surface)
    layout_s = time.perf_counter() - t
    n = sum(len(z.injections) for z in plan.zones)
    stages.mark(f"plan: {len(plan.zones)} zones, {n} injections laid out")
    with offscreen_plotter(SIZE) as plotter:
        setup_scene(plotter)
        BodyActor(plotter).set_body(load_bundled_body("female"))
        PlanScene(_View(plotter), Session(surface=surface, plan=plan))
        plotter.view_isometric()
        plotter.render()
        stages.mark("drawn and rendered (1280×1024)")
    return {"what": "female body, full plan", "stages": stages.rows, "peak_mb": stages.peak_mb, "injections": n,
            "zones": len(plan.zones), "layout_s": layout_s}


def child_scan(path: str) -> dict:
    stages = Stages()
    from mesomap.io.scans import load_scan
    from mesomap.render.offscreen import offscreen_plotter
    from mesomap.render.scene import BodyActor, setup_scene

    stages.mark("imports")
    t = time.perf_counter()
    scan = load_scan(path, units="mm")
    load_s = time.perf_counter() - t
    stages.mark(f"imported (io.scans.load_scan): {scan.mesh.n_faces} triangles")
    with offscreen_plotter(SIZE) as plotter:
        setup_scene(plotter)
        BodyActor(plotter).set_body(scan.mesh)
        plotter.view_isometric()
        plotter.render()
        stages.mark("shown (with its light copy) and rendered")
    return {"what": "1M-triangle scan", "stages": stages.rows, "peak_mb": stages.peak_mb,
            "triangles": int(scan.mesh.n_faces), "import_s": load_s}


def child_window() -> dict:
    """The app's own window (Xvfb): first frame, then the background work it starts, settled."""
    stages = Stages()
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from mesomap.ui.main_window import MainWindow

    stages.mark("imports (Qt, VTK, the window's modules)")
    window = MainWindow()
    framed: list[bool] = []
    window.view.frame_rendered.connect(lambda *_: framed.append(True))
    window.show()
    deadline = time.monotonic() + 300
    while not framed and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    stages.mark("window shown: first frame")
    app.processEvents()  # the first frame's follow-ups: the background builds start
    _settle_background()
    app.processEvents()
    stages.mark("background pick and brush structures built")
    window.close()
    return {"what": "the window (female body, new plan)", "stages": stages.rows, "peak_mb": stages.peak_mb}


def run_child(args: list[str], code_root: Path = ROOT, env_extra: dict | None = None) -> dict:
    """Run one case in a fresh process on the mesomap of ``code_root`` (this checkout, or another's to compare)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["VTK_DEFAULT_OPENGL_WINDOW"] = "vtkEGLRenderWindow"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(code_root), str(ROOT), env.get("PYTHONPATH")]))
    env["MESOMAP_BENCH_CODE"] = str(code_root)
    env.update(env_extra or {})
    proc = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, env=env,
                          cwd=code_root, timeout=3600)
    if proc.returncode != 0:
        raise SystemExit(f"memory.py: child {args[0]} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run_window(code_root: Path) -> dict:
    """The window case: its own Xvfb (benchmarks/startup.py's), throw-away settings, no chart walk."""
    from benchmarks.startup import start_xvfb

    xvfb, display = start_xvfb()
    try:
        with tempfile.TemporaryDirectory(prefix="mesomap-mem-") as tmp:
            extra = {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "XDG_CONFIG_HOME": tmp, "MESOMAP_DATA_DIR": tmp,
                     "MESOMAP_NO_CHART_PREFETCH": "1"}
            return run_child(["window"], code_root, extra)
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--skip-plan", action="store_true")
    parser.add_argument("--skip-scan", action="store_true")
    parser.add_argument("--skip-window", action="store_true")
    parser.add_argument("--code", type=Path, default=ROOT,
                        help="measure the mesomap of this checkout (e.g. a base worktree, for before/after)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        kind = args.child[0]
        result = child_plan() if kind == "plan" else child_window() if kind == "window" else child_scan(args.child[1])
        print(json.dumps(result))
        return 0

    root = args.code.resolve()
    results = []
    if not args.skip_window:
        results.append(run_window(root))
    if not args.skip_plan:
        results.append(run_child(["plan"], root))
    if not args.skip_scan:
        from benchmarks.big_scan import write_big_scan

        with tempfile.TemporaryDirectory(prefix="mesomap-mem-") as tmp:
            path = write_big_scan(Path(tmp) / "scan-1M.ply")
            results.append(run_child(["scan", str(path)], root))
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"mesomap of {root}")
    for r in results:
        extra = (f"{r['zones']} zones, {r['injections']} injections, layout {r['layout_s']:.1f} s" if "zones" in r
                 else f"{r['triangles']} triangles, import {r['import_s']:.1f} s" if "triangles" in r else "")
        print(f"{r['what']}{f' ({extra})' if extra else ''}: peak {r['peak_mb']:.0f} MB")
        print("    resident at end   stage's own peak   stage")
        for name, mb, peak in r["stages"]:
            print(f"    {mb:11.0f} MB  {peak:14.0f} MB   {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
