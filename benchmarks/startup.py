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
interfere. They read byte code, as an installed copy does: an uncounted first
round writes it to a throw-away PYTHONPYCACHEPREFIX (``--no-bytecode``: every
module compiled from source in every run, as with PYTHONDONTWRITEBYTECODE=1). This script only needs the standard library; the measured processes
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

IMPORT_TIMER = ("import time; t, c = time.perf_counter(), time.process_time(); import {}; "
                "print(time.perf_counter() - t, time.process_time() - c)")


class BenchError(Exception):
    pass


#: CPU seconds (user + system) of each measured command, by measure: a shared machine's other jobs stretch the
#: wall time of a start-up far more than the work it does.
CPU: dict[str, list[float]] = {}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(cmd: list[str], env: dict[str, str], cpu_key: str | None = None, cwd: Path = ROOT) -> tuple[float, float, str]:
    """Run ``cmd``; return (spawn epoch, wall seconds, stdout); its CPU seconds go to CPU[cpu_key]. Raise
    BenchError on failure."""
    c0 = _children_cpu()
    t0 = time.time()
    try:
        proc = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired as err:
        raise BenchError(f"timed out after {TIMEOUT_S} s: {_show(cmd)}\n{_tail(err.stderr)}") from None
    wall = time.time() - t0
    if cpu_key is not None:
        CPU.setdefault(cpu_key, []).append(_children_cpu() - c0)
    if proc.returncode != 0:
        raise BenchError(f"exit code {proc.returncode}: {_show(cmd)}\n{_tail(proc.stderr)}")
    return t0, wall, proc.stdout


def first_frame_seconds(cmd: list[str], env: dict[str, str], cpu_key: str | None = None, cwd: Path = ROOT) -> float:
    """Wall seconds from spawning ``cmd`` to the first frame it reports (a ``first-frame-epoch`` line); the
    process's CPU seconds (user + system, all its threads) at that moment go to CPU[cpu_key], read from
    /proc/PID/stat as the line arrives — what it spent to show its first frame, not the work it does after."""
    t0 = time.time()
    err_file = tempfile.TemporaryFile(mode="w+")  # read at the end: a full stderr pipe would block the process
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=err_file, text=True)
    epoch = cpu = None
    try:
        deadline = t0 + TIMEOUT_S
        for line in proc.stdout:
            if line.startswith("first-frame-epoch "):
                cpu = _process_cpu(proc.pid)
                epoch = float(line.split()[1])
                break
            if time.time() > deadline:
                break
        proc.communicate(timeout=max(1.0, deadline - time.time()))
    except subprocess.TimeoutExpired:
        proc.kill()
        raise BenchError(f"timed out after {TIMEOUT_S} s: {_show(cmd)}") from None
    finally:
        err_file.seek(0)
        err = err_file.read()
        err_file.close()
    if proc.returncode != 0:
        raise BenchError(f"exit code {proc.returncode}: {_show(cmd)}\n{_tail(err)}")
    if epoch is None:
        raise BenchError(f"no 'first-frame-epoch' line in stdout of: {_show(cmd)}\nstderr: {_tail(err)}")
    if cpu_key is not None and cpu is not None:
        CPU.setdefault(cpu_key, []).append(cpu)
    return epoch - t0


def _process_cpu(pid: int) -> float | None:
    """CPU seconds (user + system) process ``pid`` has used so far (Linux /proc; None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime (fields 14, 15)


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
    parser.add_argument("--compare", type=Path, metavar="CHECKOUT",
                        help="also measure the window and import of another checkout (e.g. a base worktree), "
                             "interleaved with this one's in the same runs")
    parser.add_argument("--no-png", action="store_true", help="skip the off-screen PNG measures")
    parser.add_argument("--no-bytecode", action="store_true",
                        help="compile every module from source in every run, as with PYTHONDONTWRITEBYTECODE=1 and "
                             "no __pycache__ (the default: a first, uncounted round writes the byte code to a "
                             "throw-away PYTHONPYCACHEPREFIX that the counted runs read, as an installed copy does)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    py = args.python
    trees = {"": ROOT} | ({"-other": args.compare.resolve()} if args.compare else {})

    xvfb = None
    try:
        xvfb, display = start_xvfb()
        with tempfile.TemporaryDirectory(prefix="mesomap-bench-") as tmp:
            base_env = {k: v for k, v in os.environ.items()
                        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "PYTHONPATH")}
            base_env["MESOMAP_NO_CHART_PREFETCH"] = "1"  # no background chart walk (it starts after the frame anyway)
            if not args.no_bytecode:  # read .pyc files, as an installed mesomap (and the bare window's packages) do
                base_env.pop("PYTHONDONTWRITEBYTECODE", None)
                base_env["PYTHONPYCACHEPREFIX"] = str(Path(tmp, "pycache"))
            gui_env = dict(base_env, DISPLAY=display, QT_QPA_PLATFORM="xcb", MESOMAP_EXIT_AFTER_FIRST_FRAME="1")
            png_env = dict(base_env)  # no display: mesomap picks EGL itself
            png_base_env = dict(base_env, VTK_DEFAULT_OPENGL_WINDOW="vtkEGLRenderWindow")

            measures: dict[str, list[float]] = {}
            for i in range(0 if args.no_bytecode else -1, args.runs):  # run -1: writes the byte code, not counted
                print(f"run {i + 1}/{args.runs} …" if i >= 0 else "warm-up run (byte code) …", file=sys.stderr,
                      flush=True)
                if i == 0:  # forget the warm-up round
                    measures.clear()
                    CPU.clear()
                config = Path(tmp, f"config-{i}")  # fresh settings each run: a first start
                gui_env["XDG_CONFIG_HOME"] = png_env["XDG_CONFIG_HOME"] = str(config)
                png_base_env["XDG_CONFIG_HOME"] = str(config)
                data = Path(tmp, f"data-{i}")
                gui_env["MESOMAP_DATA_DIR"] = str(data)
                # The checkouts and the bare window take turns, in an order that rotates from run to run.
                jobs = [("gui-base", lambda: first_frame_seconds([py, "-c", GUI_BASELINE, str(MESH)], gui_env,
                                                                 "gui-base"))]
                for suffix, root in trees.items():
                    jobs.append((f"gui{suffix}", lambda s=suffix, r=root: first_frame_seconds(
                        [py, "-m", "mesomap"], gui_env, f"gui{s}", cwd=r)))
                for suffix, root in trees.items():
                    jobs.append((f"imp{suffix}", lambda r=root, s=suffix: _import_seconds(
                        py, "mesomap.ui.main_window", gui_env, f"imp{s}", r)))
                jobs.append(("imp-base", lambda: _import_seconds(py, "PySide6.QtWidgets, pyvistaqt", gui_env,
                                                                 "imp-base", ROOT)))
                shift = i % len(jobs)
                for key, job in jobs[shift:] + jobs[:shift]:
                    measures.setdefault(key, []).append(job())
                if args.no_png:
                    continue
                out = Path(tmp, f"front-{i}.png")
                measures.setdefault("png", []).append(
                    run([py, "-m", "mesomap", "render", "--out", str(out)], png_env)[1])
                if not out.is_file():
                    raise BenchError(f"mesomap render exited 0 but wrote no {out}")
                out = Path(tmp, f"base-{i}.png")
                measures.setdefault("png-base", []).append(
                    run([py, "-c", PNG_BASELINE, str(MESH), str(out)], png_base_env)[1])
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
    rows = []
    for suffix, root in trees.items():
        where = f" ({root})" if args.compare else ""
        rows.append(summarize(f"mesomap window: spawn -> first frame{where}", m[f"gui{suffix}"], m["gui-base"]))
    rows.append(summarize("baseline pyvistaqt window", m["gui-base"], None))
    if not args.no_png:
        rows += [summarize("mesomap render PNG (EGL)", m["png"], m["png-base"]),
                 summarize("baseline pyvista off-screen PNG", m["png-base"], None)]
    for suffix, root in trees.items():
        where = f" ({root})" if args.compare else ""
        rows.append(summarize(f"import mesomap.ui.main_window{where}", m[f"imp{suffix}"], m["imp-base"]))
    rows.append(summarize("import PySide6.QtWidgets+pyvistaqt", m["imp-base"], None))
    cpu_rows = []
    for suffix, root in trees.items():
        where = f" ({root})" if args.compare else ""
        cpu_rows.append(summarize(f"CPU s: mesomap to first frame{where}", CPU[f"gui{suffix}"], CPU["gui-base"]))
    cpu_rows.append(summarize("CPU s: baseline pyvistaqt window to first frame", CPU["gui-base"], None))
    for suffix, root in trees.items():
        where = f" ({root})" if args.compare else ""
        cpu_rows.append(summarize(f"CPU s: import mesomap.ui.main_window{where}", CPU[f"imp{suffix}"],
                                  CPU["imp-base"]))
    cpu_rows.append(summarize("CPU s: import PySide6.QtWidgets+pyvistaqt", CPU["imp-base"], None))
    verdict = "PASS" if rows[0]["median_s"] < TARGET_S else "MISS"
    target = f"target: first frame under {TARGET_S:g} s on this {os.cpu_count()}-core machine: {verdict}"

    if args.json:
        print(json.dumps({"runs": args.runs, "rows": rows + cpu_rows, "target_s": TARGET_S, "target": verdict,
                          "load_average": os.getloadavg()}, indent=2))
        return 0
    width = max(len(r["what"]) for r in rows + cpu_rows)
    print(f"{'what':<{width}}  median s   min s   max s  ratio vs baseline")
    for r in rows + cpu_rows:
        ratio = f"{r['ratio_vs_baseline']:.2f}x" if r["ratio_vs_baseline"] is not None else "-"
        line = f"{r['what']:<{width}}  {r['median_s']:8.3f} {r['min_s']:7.3f} {r['max_s']:7.3f}  {ratio:>6}"
        print(line + (f"   <- {verdict} (target < {TARGET_S:g} s)" if r is rows[0] else ""))
    print(f"({args.runs} runs each, interleaved; Xvfb {display}; {target}; load average at the end "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    return 0


def _import_seconds(py: str, module: str, env: dict[str, str], key: str, cwd: Path) -> float:
    """Wall seconds of ``import module`` in a fresh interpreter; its CPU seconds go to CPU[key]."""
    out = run([py, "-c", IMPORT_TIMER.format(module)], env, cwd=cwd)[2].split()
    CPU.setdefault(key, []).append(float(out[-1]))
    return float(out[-2])


if __name__ == "__main__":
    raise SystemExit(main())
