"""The background chart walk (a niced process building the template zones' charts) starts after the
window's first frame and ends with the window: closing the window leaves no mesomap process behind
(issue 18). Run as the app runs (``mesomap.app.run_gui``) in a fresh interpreter."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

SCRIPT = r"""
import json, os, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

def mesomap_children():
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            state, ppid = stat.read_text().rsplit(")", 1)[1].split()[:2]
            cmd = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if int(ppid) == os.getpid() and state != "Z" and "mesomap" in cmd:
            found.append([int(stat.parent.name), cmd.strip()])
    return found

app = QApplication([])
walks, deadline = [], time.monotonic() + 240

def poll():
    walk = [c for c in mesomap_children() if "chart_prefetch" in c[1]]
    if walk or time.monotonic() > deadline:
        walks.extend(walk)
        for w in app.topLevelWidgets():
            if w.isWindow() and w.isVisible():
                w.close()

timer = QTimer()
timer.timeout.connect(poll)
timer.start(100)
from mesomap.app import run_gui
run_gui()
print(json.dumps({"walk": walks, "children": mesomap_children()}))
"""


def test_closing_the_window_ends_the_background_chart_walk(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "MESOMAP_NO_CHART_PREFETCH"}
    env.update(XDG_CONFIG_HOME=str(tmp_path / "config"), MESOMAP_DATA_DIR=str(tmp_path / "data"),
               XDG_CACHE_HOME=str(tmp_path / "cache"))
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=300,
                         check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["walk"], "the chart walk never started"
    assert not [c for c in result["children"] if "chart_prefetch" in c[1]]  # ended as the window closed
    started = [pid for pid, _cmd in result["walk"] + result["children"]]
    deadline = time.monotonic() + 30  # the app has exited: its layout worker follows as its pipe closes
    while [pid for pid in started if _running_mesomap(pid)] and time.monotonic() < deadline:
        time.sleep(0.2)
    assert [pid for pid in started if _running_mesomap(pid)] == []  # nothing of mesomap outlives the app


def _running_mesomap(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        return state != "Z" and b"mesomap" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
