"""`mesomap PLAN.mesomap.json` (what a desktop double-click runs) opens the window with that plan."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

from mesomap.cli import COMMANDS, build_parser


def test_the_command_list_is_the_parsers():
    parser = build_parser()
    names = {n for a in parser._actions if isinstance(a, argparse._SubParsersAction) for n in a.choices}
    assert names == COMMANDS  # a new command is never taken for a plan file name


def test_mesomap_with_a_plan_file_opens_it_in_the_window(tmp_path, run_cli):
    proc = run_cli("plan", "new", "--zone", "forehead", "--out", "course.mesomap.json")
    assert proc.returncode == 0, proc.stderr
    env = dict(os.environ, MESOMAP_EXIT_AFTER_FIRST_FRAME="1", XDG_CONFIG_HOME=str(tmp_path / "config"),
               MESOMAP_DATA_DIR=str(tmp_path / "data"))
    proc = subprocess.run([sys.executable, "-m", "mesomap", str(tmp_path / "course.mesomap.json")], env=env,
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    title = next(line for line in proc.stdout.splitlines() if line.startswith("window-title "))
    assert title == "window-title course.mesomap.json — mesomap"  # opened, and not dirty
