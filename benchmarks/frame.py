"""Frame benchmark (issue 18): orbit frames of the app's own 3D view at 1280×1024, with what a plan draws.

Runs the window's real classes — :class:`mesomap.ui.body_view.BodyView` (a pyvistaqt QtInteractor, software
GL under Xvfb), :class:`mesomap.render.plan_scene.PlanScene` following a
:class:`mesomap.session.session.Session`, and the presentation's
:class:`mesomap.render.presentation_layer.PresentationLayer` — and times one orbit: the camera turns a few
degrees per frame and each frame is rendered once (``BodyView.render_now``), as a drag does.

Scenes, all in one run (ratios are to "body" in this run):

  body            the female body alone
  zones           + 6 template zones (abdomen, flanks, outer thighs, decolleté)
  inj 200 / 1000 / 5000   + that many injections spread over the zones (placed on random zone faces: the
                  drawing costs the same as a laid-out grid of that size)
  labels          inj 1000 + order numbers + the presentation's zone labels
  scan            a 1M-triangle scan body (benchmarks/big_scan.py) alone, with the zones, and with the zones and
                  1,000 injections

Each scene is timed moving (the orbit: light stand-ins, render.motion) and at rest (``--still`` full-detail
frames after the drag ends, the camera turned between them as a slow step-by-step turn would).

Run under an X server (software GL as on this machine):

    xvfb-run -a -s "-screen 0 1400x1100x24" python benchmarks/frame.py [--frames 40] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SIZE = (1280, 1024)
ZONES = ("abdomen", "flank_left", "flank_right", "outer_thigh_left", "outer_thigh_right", "decollete")
DEGREES_PER_FRAME = 3.0


def with_injections(plan, surface, total: int, seed: int = 0):
    """``plan`` with ``total`` injections spread over its zones by area (each at a random point of a random
    zone face, ordered along the zone's faces as a layout would be)."""
    from mesomap.model.plan import InjectionPoint

    rng = np.random.default_rng(seed)
    areas = np.array([surface.mesh.face_areas[z.faces].sum() for z in plan.zones])
    counts = np.floor(total * areas / areas.sum()).astype(int)
    counts[0] += total - counts.sum()
    zones = []
    for zone, n in zip(plan.zones, counts):
        faces = np.sort(rng.choice(np.asarray(zone.faces), size=int(n), replace=len(zone.faces) < n))
        bary = rng.dirichlet((4.0, 4.0, 4.0), size=int(n))
        zone = replace(zone, injections=tuple(InjectionPoint(int(f), tuple(map(float, b))) for f, b in zip(faces, bary)))
        zones.append(replace(zone, grid_source=zone.layout_fingerprint()))  # a current grid, not a stale one
    return replace(plan, zones=tuple(zones))


def orbit(view, frames: int, stills: int = 3) -> tuple[list[float], list[float], list[float], list[float]]:
    """(wall ms, CPU ms) per frame of ``frames`` renders, the camera turning DEGREES_PER_FRAME about the body
    each frame as a drag does (the render window's desired update rate raised, as VTK's interactor styles do),
    then (wall ms, CPU ms) of ``stills`` full-detail frames at rest: the one drawn when the drag ends and
    ``stills - 1`` more, the camera turned between them. CPU time counts every thread of the process (software
    GL rasterises on several): the work a frame takes, which other jobs on a shared machine disturb far less
    than the wall time."""
    ren_win, iren = view.plotter.ren_win, view.plotter.iren.interactor
    view.render_now()  # settle: first-frame costs (shader compiles, uploads) are not orbit frames
    ren_win.SetDesiredUpdateRate(iren.GetDesiredUpdateRate())  # what a drag's interactor style does
    wall, cpu = _turns(view, frames + 1, turn_first=True)
    ren_win.SetDesiredUpdateRate(iren.GetStillUpdateRate())  # the button is released: full detail
    still_wall, still_cpu = _turns(view, max(stills, 1), turn_first=False)
    return wall[1:], cpu[1:], still_wall, still_cpu  # the first moving frame swaps meshes in: not an orbit frame


def _turns(view, count: int, turn_first: bool) -> tuple[list[float], list[float]]:
    """(wall ms, CPU ms) of ``count`` renders, the camera turned DEGREES_PER_FRAME before each (but the first
    unless ``turn_first``)."""
    cam = view.plotter.renderer.GetActiveCamera()
    wall, cpu = [], []
    for i in range(count):
        if i or turn_first:
            cam.Azimuth(DEGREES_PER_FRAME)
            view.plotter.renderer.ResetCameraClippingRange()
        t, c = time.perf_counter(), time.process_time()
        view.render_now()
        wall.append((time.perf_counter() - t) * 1e3)
        cpu.append((time.process_time() - c) * 1e3)
    return wall, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--frames", type=int, default=40, help="frames per scene (default 40)")
    parser.add_argument("--still", type=int, default=3, help="full-detail frames at rest per scene (default 3)")
    parser.add_argument("--no-scan", action="store_true", help="skip the 1M-triangle scan scenes")
    parser.add_argument("--only", nargs="*", help="run only these scenes (names as printed)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication, QMainWindow

    from mesomap.geometry.body_mesh import BodyMesh
    from mesomap.io.meshes import load_bundled_body, load_painting_surface
    from mesomap.io.plan_builder import new_plan
    from mesomap.io.templates import load_templates
    from mesomap.render.plan_scene import PlanScene
    from mesomap.render.presentation_layer import PresentationLayer
    from mesomap.session.presentation import Presentation
    from mesomap.session.session import Session
    from mesomap.ui.body_view import BodyView

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QMainWindow()
    view = BodyView(window)
    window.setCentralWidget(view)
    view.setFixedSize(*SIZE)
    window.show()
    app.processEvents()
    body = load_bundled_body("female")
    surface = load_painting_surface("female")
    view.set_body(body)
    plan0 = new_plan(surface, load_templates(), ZONES)
    state: dict = {"scene": None, "layer": None}

    def show(plan, numbers=False, labels=False, body_mesh=body):
        if state["layer"] is not None:
            state["layer"].close()
            state["layer"] = None
        if state["scene"] is not None:
            state["scene"].detach()
            state["scene"] = None
        if body_mesh is not view.mesh:
            view.set_body(body_mesh, keep_camera=True)
        if plan is not None:
            session = Session(surface=surface, plan=plan)
            scene = PlanScene(view, session)
            scene.set_numbers(plan, numbers)
            state["scene"] = scene
            if labels:
                presentation = Presentation(session)
                presentation.set_look(labels=True, legend=False)
                layer = PresentationLayer(view, presentation)
                layer.set_shown(True)
                state["layer"] = layer
        view.set_view("front")
        app.processEvents()

    scenes = [
        ("body", lambda: show(None)),
        ("zones", lambda: show(plan0)),
        ("inj 200", lambda: show(with_injections(plan0, surface, 200))),
        ("inj 1000", lambda: show(with_injections(plan0, surface, 1000))),
        ("inj 5000", lambda: show(with_injections(plan0, surface, 5000))),
        ("labels (inj 1000)", lambda: show(with_injections(plan0, surface, 1000), numbers=True, labels=True)),
    ]
    if not args.no_scan:
        from benchmarks.big_scan import big_scan_arrays

        scan_cache: dict = {}

        def scan_body():
            if "mesh" not in scan_cache:
                v, f = big_scan_arrays()
                scan_cache["mesh"] = BodyMesh(v, f, body_id="scan", name="1M scan")
            return scan_cache["mesh"]

        scenes += [
            ("scan 1M", lambda: show(None, body_mesh=scan_body())),
            ("scan 1M + zones", lambda: show(plan0, body_mesh=scan_body())),
            ("scan 1M + zones + inj 1000", lambda: show(with_injections(plan0, surface, 1000), body_mesh=scan_body())),
        ]
    if args.only:
        scenes = [s for s in scenes if s[0] in args.only or s[0] == "body"]

    rows = []
    for name, setup in scenes:
        setup()
        actors = view.plotter.renderer.GetViewProps().GetNumberOfItems()
        wall, cpu, still_wall, still_cpu = orbit(view, args.frames, args.still)
        rows.append({"scene": name, "median_ms": statistics.median(wall), "p90_ms": float(np.percentile(wall, 90)),
                     "cpu_ms": statistics.median(cpu), "still_ms": statistics.median(still_wall),
                     "still_cpu_ms": statistics.median(still_cpu), "props": actors, "triangles": _triangles(view)})
        print(f"{name}: {rows[-1]['median_ms']:.1f} ms, CPU {rows[-1]['cpu_ms']:.1f} ms", file=sys.stderr, flush=True)
    base, cpu_base = rows[0]["median_ms"], rows[0]["cpu_ms"]
    scan = next((r for r in rows if r["scene"] == "scan 1M"), None)
    for r in rows:
        r["ratio_to_body"] = r["median_ms"] / base
        r["cpu_ratio_to_body"] = r["cpu_ms"] / cpu_base
        r["still_cpu_ratio_to_body"] = r["still_cpu_ms"] / rows[0]["still_cpu_ms"]
        if r["scene"].startswith("scan") and scan:
            r["ratio_to_scan"] = r["median_ms"] / scan["median_ms"]
            r["cpu_ratio_to_scan"] = r["cpu_ms"] / scan["cpu_ms"]
            r["still_cpu_ratio_to_scan"] = r["still_cpu_ms"] / scan["still_cpu_ms"]
    width = view.plotter.ren_win.GetSize()
    if args.json:
        print(json.dumps({"frames": args.frames, "size_px": list(width), "rows": rows}, indent=2))
    else:
        print(f"{'scene':<27} {'median ms':>9} {'p90 ms':>7} {'× body':>7} {'CPU ms':>7} {'× body':>7} {'props':>5}"
              f" {'cells':>10} {'still ms':>8} {'still CPU':>9} {'× body':>7}")
        for r in rows:
            extra = (f"   (× scan alone: CPU {r['cpu_ratio_to_scan']:.2f} moving, {r['still_cpu_ratio_to_scan']:.2f} at rest)"
                     if "ratio_to_scan" in r and r["scene"] != "scan 1M" else "")
            print(f"{r['scene']:<27} {r['median_ms']:9.1f} {r['p90_ms']:7.1f} {r['ratio_to_body']:6.2f}× "
                  f"{r['cpu_ms']:7.1f} {r['cpu_ratio_to_body']:6.2f}× {r['props']:5d} {r['triangles']:10d} "
                  f"{r['still_ms']:8.1f} {r['still_cpu_ms']:9.1f} {r['still_cpu_ratio_to_body']:6.2f}×{extra}")
        print(f"({args.frames} moving frames per scene, {DEGREES_PER_FRAME:g}° apart, {args.still} at rest; "
              f"view {width[0]}×{width[1]} px)")
    window.close()
    return 0


def _triangles(view) -> int:
    """Cells (triangles, polygons, lines) in the visible 3D actors' inputs (what one frame draws at most)."""
    total = 0
    actors = view.plotter.renderer.GetActors()
    actors.InitTraversal()
    for _ in range(actors.GetNumberOfItems()):
        actor = actors.GetNextActor()
        if actor.GetVisibility() and actor.GetMapper() is not None and actor.GetMapper().GetInput() is not None:
            data = actor.GetMapper().GetInput()
            total += data.GetNumberOfCells() if hasattr(data, "GetNumberOfCells") else 0
    return total


if __name__ == "__main__":
    raise SystemExit(main())
