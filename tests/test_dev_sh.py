"""`./dev.sh test` (the README's test command) must not hide a native crash of a GUI test file."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

CRASH_ONCE = '''
import os, signal
from pathlib import Path

def test_crashes_the_first_time():
    marker = Path(__file__).with_suffix(".ran")
    if not marker.exists():  # a crash that a retry would not repeat: exactly what must not pass unseen
        marker.write_text("x")
        os.kill(os.getpid(), signal.SIGSEGV)
'''


def test_a_gui_file_killed_by_a_signal_fails_the_run_and_is_named(tmp_path):
    tests = tmp_path / "tests"
    (tests / "ui").mkdir(parents=True)
    (tests / "test_fine.py").write_text("def test_fine():\n    assert True\n")
    (tests / "ui" / "test_ok.py").write_text("def test_ok():\n    assert True\n")
    (tests / "ui" / "test_segv.py").write_text(CRASH_ONCE)
    env = dict(os.environ, MESOMAP_TESTS=str(tests))
    proc = subprocess.run(["bash", str(REPO / "dev.sh"), "test"], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode != 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert f"FAILED: {tests}/ui/test_segv.py was killed by signal 11 (SEGV)" in proc.stderr
    assert f"crashed (counted as failed): {tests}/ui/test_segv.py" in proc.stderr
    assert proc.stdout.splitlines()[-1] == "all: 2 passed, 1 failed, 0 skipped"


KEEPS_BYTECODE = '''
import sys
from pathlib import Path

import mesomap.model


def test_record_how_modules_are_kept():
    Path(__file__).with_suffix(".txt").write_text(f"{sys.dont_write_bytecode}\\n{sys.pycache_prefix}")
'''


def test_the_tests_keep_compiled_modules_in_the_venv_where_bytecode_writing_is_off(tmp_path):
    """Where PYTHONDONTWRITEBYTECODE is set (as in CI's environment), each of a run's ~150 Python processes compiled
    Qt's, VTK's and mesomap's modules again; the run keeps them in .venv/pycache instead (not beside the sources)."""
    tests = tmp_path / "tests"
    (tests / "ui").mkdir(parents=True)
    (tests / "test_keeps.py").write_text(KEEPS_BYTECODE)
    (tests / "ui" / "test_ok.py").write_text("def test_ok():\n    assert True\n")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPYCACHEPREFIX"}
    env.update(MESOMAP_TESTS=str(tests), PYTHONDONTWRITEBYTECODE="1")
    proc = subprocess.run(["bash", str(REPO / "dev.sh"), "test"], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    dont_write, prefix = (tests / "test_keeps.txt").read_text().splitlines()
    assert dont_write == "False" and Path(prefix) == REPO / ".venv" / "pycache"
    source = REPO / "mesomap" / "model" / "__init__.py"
    assert list((Path(prefix) / source.parent.relative_to("/")).glob("__init__.*.pyc")), "mesomap.model not kept"
