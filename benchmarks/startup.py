"""Startup benchmark: how long mesomap takes to show a body, against bare pyvista.

Measures, in fresh processes, N times each (runs are interleaved):

  gui      mesomap window, process spawn -> first rendered frame
           (``python -m mesomap`` with MESOMAP_EXIT_AFTER_FIRST_FRAME=1, which
           prints ``first-frame-epoch <unix time>`` and quits)
  gui-base the same job done by a bare PySide6 + pyvistaqt window (inline script)
  png      wall time of ``python -m mesomap render --out front.png`` (no DISPLAY, EGL)
  png-base wall time of a bare ``pyvista.Plotter(off_screen=True)`` screenshot
  import   ``import mesomap.ui.main_window`` in a fresh interpreter
           (baseline: ``import PySide6.QtWidgets, pyvistaqt``)

GUI processes share one Xvfb server started here (so xvfb-run's own start-up
is not counted) and get a throw-away XDG_CONFIG_HOME so user settings don't
interfere. This script only needs the standard library; the measured processes
run with the project's venv python (``.venv/bin/python``) unless ``--python``.

Run:  python benchmarks/startup.py [--runs 5] [--json] [--python PATH]

Exit code 0 if everything ran (the 2 s first-frame target is informational),
1 with a message naming the command and its stderr tail if something failed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MESH = ROOT / "assets" / "meshes" / "female.npz"
TARGET_S = 2.0
TIMEOUT_S = 180

GUI_BASELINE = """
import sys, time
import numpy as np
import pyvista as pv
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
from pyvistaqt import QtInteractor

data = np.load(sys.argv[1])
faces = np.asarray(data["faces"], dtype=np.int32)
cells = np.hstack([np.full((len(faces), 1), 3, dtype=np.int32), faces]).ravel()
mesh = pv.PolyData(np.asarray(data["vertices"], dtype=float), cells)

app = QApplication(sys.argv[:1])
window = QMainWindow()
plotter = QtInteractor(window, multi_samples=0, auto_update=False)
window.setCentralWidget(plotter)
window.resize(1100, 850)
plotter.add_mesh(mesh, smooth_shading=True)

def first_frame(*_):
    plotter.ren_win.RemoveObserver(tag)
    print(f"first-frame-epoch {time.time():.6f}", flush=True)
    QTimer.singleShot(0, app.quit)

tag = plotter.ren_win.AddObserver("EndEvent", first_frame)
window.show()
app.exec()
"""

PNG_BASELINE = """
import sys
import numpy as np
import pyvista as pv

data = np.load(sys.argv[1])
faces = np.asarray(data["faces"], dtype=np.int32)
cells = np.hstack([np.full((len(faces), 1), 3, dtype=np.int32), faces]).ravel()
mesh = pv.PolyData(np.asarray(data["vertices"], dtype=float), cells)
plotter = pv.Plotter(off_screen=True, window_size=[800, 1000])
plotter.add_mesh(mesh, smooth_shading=True)
plotter.screenshot(sys.argv[2])
plotter.close()
"""

IMPORT_TIMER = "import time; t = time.perf_counter(); import {}; print(time.perf_counter() - t)"


class BenchError(Exception):
    pass


#: CPU seconds (user + system) of each measured command, by measure: a shared machine's other jobs stretch the
#: wall time of a start-up far more than the work it does.
CPU: dict[str, list[float]] = {}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(cmd: list[str], env: dict[str, str], cpu_key: str | None = None) -> tuple[float, float, str]:
    """Run ``cmd``; return (spawn epoch, wall seconds, stdout); its CPU seconds go to CPU[cpu_key]. Raise
    BenchError on failure."""
    c0 = _children_cpu()
    t0 = time.time()
    try:
        proc = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired as err:
        raise BenchError(f"timed out after {TIMEOUT_S} s: {_show(cmd)}\n{_tail(err.stderr)}") from None
    wall = time.time() - t0
    if cpu_key is not None:
        CPU.setdefault(cpu_key, []).append(_children_cpu() - c0)
    if proc.returncode != 0:
        raise BenchError(f"exit code {proc.returncode}: {_show(cmd)}\n{_tail(proc.stderr)}")
    return t0, wall, proc.stdout


def first_frame_seconds(cmd: list[str], env: dict[str, str], cpu_key: str | None = None) -> float:
    t0, _, out = run(cmd, env, cpu_key)
    for line in out.splitlines():
        if line.startswith("first-frame-epoch "):
            return float(line.split()[1]) - t0
    raise BenchError(f"no 'first-frame-epoch' line in stdout of: {_show(cmd)}\nstdout: {_tail(out)}")


def _show(cmd: list[str]) -> str:
    return " ".join(c if len(c) < 60 and "\n" not in c else "<inline script>" for c in cmd)


def _tail(text: str | bytes | None, lines: int = 15) -> str:
    if isinstance(text, bytes):
        text = text.decode(errors="replace")
    return "\n".join((text or "").strip().splitlines()[-lines:]) or "(empty)"


def start_xvfb() -> tuple[subprocess.Popen, str]:
    """Start Xvfb on a free display (Xvfb picks it via -displayfd); wait until it accepts clients."""
    if not shutil.which("Xvfb"):
        raise BenchError("Xvfb not found (apt-get install xvfb)")
    read_fd, write_fd = os.pipe()
    cmd = ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"]
    proc = subprocess.Popen(cmd, pass_fds=[write_fd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    os.close(write_fd)
    number, deadline = b"", time.time() + 30
    try:  # read up to the newline: closing the pipe earlier makes Xvfb's write fail
        while not number.endswith(b"\n") and select.select([read_fd], [], [], max(0, deadline - time.time()))[0]:
            chunk = os.read(read_fd, 64)
            if not chunk:
                break
            number += chunk
    finally:
        os.close(read_fd)
    number = number.decode().strip()
    if not number:
        proc.kill()
        raise BenchError(f"Xvfb did not report a display: {' '.join(cmd)}\n{_tail(proc.communicate()[1])}")
    display = f":{number}"
    deadline = time.time() + 30
    while True:  # -displayfd is written once listening; still check a client can connect
        probe = ["xdpyinfo", "-display", display] if shutil.which("xdpyinfo") else ["true"]
        if subprocess.run(probe, capture_output=True).returncode == 0:
            return proc, display
        if proc.poll() is not None or time.time() > deadline:
            proc.kill()
            raise BenchError(f"Xvfb on {display} does not accept connections\n{_tail(proc.communicate()[1])}")
        time.sleep(0.1)


def summarize(name: str, samples: list[float], baseline: list[float] | None) -> dict:
    row = {
        "what": name,
        "median_s": statistics.median(samples),
        "min_s": min(samples),
        "max_s": max(samples),
        "runs": samples,
        "ratio_vs_baseline": None,
    }
    if baseline:
        row["ratio_vs_baseline"] = row["median_s"] / statistics.median(baseline)
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (default 5)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    venv_python = ROOT / ".venv" / "bin" / "python"
    parser.add_argument(
        "--python",
        default=str(venv_python if venv_python.exists() else sys.executable),
        help="interpreter for the measured processes (default: the project's .venv)",
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    py = args.python

    xvfb = None
    try:
        xvfb, display = start_xvfb()
        with tempfile.TemporaryDirectory(prefix="mesomap-bench-") as tmp:
            base_env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
            gui_env = dict(base_env, DISPLAY=display, QT_QPA_PLATFORM="xcb", MESOMAP_EXIT_AFTER_FIRST_FRAME="1")
            png_env = dict(base_env)  # no display: mesomap picks EGL itself
            png_base_env = dict(base_env, VTK_DEFAULT_OPENGL_WINDOW="vtkEGLRenderWindow")

            measures: dict[str, list[float]] = {k: [] for k in ("gui", "gui-base", "png", "png-base", "imp", "imp-base")}
            for i in range(args.runs):
                print(f"run {i + 1}/{args.runs} …", file=sys.stderr, flush=True)
                config = Path(tmp, f"config-{i}")  # fresh settings each run: a first start
                gui_env["XDG_CONFIG_HOME"] = png_env["XDG_CONFIG_HOME"] = str(config)
                png_base_env["XDG_CONFIG_HOME"] = str(config)

                measures["gui"].append(first_frame_seconds([py, "-m", "mesomap"], gui_env, "gui"))
                measures["gui-base"].append(first_frame_seconds([py, "-c", GUI_BASELINE, str(MESH)], gui_env, "gui-base"))

                out = Path(tmp, f"front-{i}.png")
                measures["png"].append(run([py, "-m", "mesomap", "render", "--out", str(out)], png_env)[1])
                if not out.is_file():
                    raise BenchError(f"mesomap render exited 0 but wrote no {out}")
                out = Path(tmp, f"base-{i}.png")
                measures["png-base"].append(run([py, "-c", PNG_BASELINE, str(MESH), str(out)], png_base_env)[1])

                for key, module in (("imp", "mesomap.ui.main_window"), ("imp-base", "PySide6.QtWidgets, pyvistaqt")):
                    stdout = run([py, "-c", IMPORT_TIMER.format(module)], gui_env)[2]
                    measures[key].append(float(stdout.split()[-1]))
    except BenchError as err:
        print(f"startup.py: error: {err}", file=sys.stderr)
        return 1
    finally:
        if xvfb is not None:
            xvfb.terminate()
            try:
                xvfb.wait(timeout=10)
            except subprocess.TimeoutExpired:
                xvfb.kill()

    m = measures
    cpu_rows = [summarize("CPU s: mesomap window to first frame, and quit", CPU["gui"], CPU["gui-base"]),
                summarize("CPU s: baseline pyvistaqt window", CPU["gui-base"], None)]
    rows = [
        summarize("mesomap window: spawn -> first frame", m["gui"], m["gui-base"]),
        summarize("baseline pyvistaqt window", m["gui-base"], None),
        summarize("mesomap render PNG (EGL)", m["png"], m["png-base"]),
        summarize("baseline pyvista off-screen PNG", m["png-base"], None),
        summarize("import mesomap.ui.main_window", m["imp"], m["imp-base"]),
        summarize("import PySide6.QtWidgets+pyvistaqt", m["imp-base"], None),
    ]
    verdict = "PASS" if rows[0]["median_s"] < TARGET_S else "MISS"
    target = f"target: first frame under {TARGET_S:g} s on this {os.cpu_count()}-core machine: {verdict}"

    if args.json:
        print(json.dumps({"runs": args.runs, "rows": rows + cpu_rows, "target_s": TARGET_S, "target": verdict},
                         indent=2))
        return 0
    width = max(len(r["what"]) for r in rows + cpu_rows)
    print(f"{'what':<{width}}  median s   min s   max s  ratio vs baseline")
    for r in rows:
        ratio = f"{r['ratio_vs_baseline']:.2f}x" if r["ratio_vs_baseline"] is not None else "-"
        line = f"{r['what']:<{width}}  {r['median_s']:8.3f} {r['min_s']:7.3f} {r['max_s']:7.3f}  {ratio:>6}"
        print(line + (f"   <- {verdict} (target < {TARGET_S:g} s)" if r is rows[0] else ""))
    for r in cpu_rows:
        ratio = f"{r['ratio_vs_baseline']:.2f}x" if r["ratio_vs_baseline"] is not None else "-"
        print(f"{r['what']:<{width}}  {r['median_s']:8.3f} {r['min_s']:7.3f} {r['max_s']:7.3f}  {ratio:>6}")
    print(f"({args.runs} runs each, interleaved; Xvfb {display}; {target})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
