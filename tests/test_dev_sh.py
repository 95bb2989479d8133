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
