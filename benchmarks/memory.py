"""Memory benchmark (issue 18): peak resident memory of a fresh process for

  plan   the female body with a full plan — every zone template laid out (``model.grid.grid_plan``) — drawn by
         the app's PlanScene in an off-screen 1280×1024 view and rendered once;
  scan   a 1M-triangle scan (benchmarks/big_scan.py, written as binary PLY) imported through ``io.scans.load_scan``
         (welding, largest piece, the painting-resolution copy) and shown as the body (with its moving-camera
         light copy, render.motion) in the same kind of view.

Each runs in its own process (``--child``) and reports its resident memory after each stage (VmRSS) and the
peak (``getrusage`` maxrss), so one measurement does not inherit another's heap. No display needed (EGL).

    python benchmarks/memory.py [--json] [--skip-plan | --skip-scan]
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
sys.path.insert(0, str(ROOT))
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


class _View:
    """What PlanScene needs of a view: a plotter and request_render (renders at once here)."""

    def __init__(self, plotter):
        self.plotter = plotter

    def request_render(self) -> None:
        pass


def child_plan() -> dict:
    stages = [("start", rss_mb())]
    from mesomap.io.meshes import load_bundled_body, load_painting_surface
    from mesomap.io.plan_builder import new_plan
    from mesomap.io.templates import load_templates
    from mesomap.model.grid import grid_plan
    from mesomap.render.offscreen import offscreen_plotter
    from mesomap.render.plan_scene import PlanScene
    from mesomap.render.scene import BodyActor, setup_scene
    from mesomap.session.session import Session

    stages.append(("imports", rss_mb()))
    surface = load_painting_surface("female")
    surface.bvh, surface.vertex_tree, surface.vertex_normals  # noqa: B018 (built as the window builds them)
    stages.append(("painting surface + search structures", rss_mb()))
    templates = load_templates()
    t = time.perf_counter()
    plan = grid_plan(new_plan(surface, templates, [z.id for z in templates.zones]), surface)
    layout_s = time.perf_counter() - t
    n = sum(len(z.injections) for z in plan.zones)
    stages.append((f"plan: {len(plan.zones)} zones, {n} injections laid out", rss_mb()))
    with offscreen_plotter(SIZE) as plotter:
        setup_scene(plotter)
        BodyActor(plotter).set_body(load_bundled_body("female"))
        PlanScene(_View(plotter), Session(surface=surface, plan=plan))
        plotter.view_isometric()
        plotter.render()
        stages.append(("drawn and rendered (1280×1024)", rss_mb()))
    return {"what": "female body, full plan", "stages": stages, "peak_mb": peak_mb(), "injections": n,
            "zones": len(plan.zones), "layout_s": layout_s}


def child_scan(path: str) -> dict:
    stages = [("start", rss_mb())]
    from mesomap.io.scans import load_scan
    from mesomap.render.offscreen import offscreen_plotter
    from mesomap.render.scene import BodyActor, setup_scene

    stages.append(("imports", rss_mb()))
    t = time.perf_counter()
    scan = load_scan(path, units="mm")
    load_s = time.perf_counter() - t
    stages.append((f"imported: {scan.mesh.n_faces} triangles", rss_mb()))
    with offscreen_plotter(SIZE) as plotter:
        setup_scene(plotter)
        BodyActor(plotter).set_body(scan.mesh)
        plotter.view_isometric()
        plotter.render()
        stages.append(("shown (with its light copy) and rendered", rss_mb()))
    return {"what": "1M-triangle scan", "stages": stages, "peak_mb": peak_mb(), "triangles": int(scan.mesh.n_faces),
            "import_s": load_s}


def run_child(args: list[str]) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["VTK_DEFAULT_OPENGL_WINDOW"] = "vtkEGLRenderWindow"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    proc = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=3600)
    if proc.returncode != 0:
        raise SystemExit(f"memory.py: child {args[0]} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--skip-plan", action="store_true")
    parser.add_argument("--skip-scan", action="store_true")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        result = child_plan() if args.child[0] == "plan" else child_scan(args.child[1])
        print(json.dumps(result))
        return 0

    results = []
    if not args.skip_plan:
        results.append(run_child(["plan"]))
    if not args.skip_scan:
        from benchmarks.big_scan import write_big_scan

        with tempfile.TemporaryDirectory(prefix="mesomap-mem-") as tmp:
            path = write_big_scan(Path(tmp) / "scan-1M.ply")
            results.append(run_child(["scan", str(path)]))
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    for r in results:
        extra = (f"{r['zones']} zones, {r['injections']} injections, layout {r['layout_s']:.1f} s" if "zones" in r
                 else f"{r['triangles']} triangles, import {r['import_s']:.1f} s")
        print(f"{r['what']} ({extra}): peak {r['peak_mb']:.0f} MB")
        for name, mb in r["stages"]:
            print(f"    {mb:7.0f} MB  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
