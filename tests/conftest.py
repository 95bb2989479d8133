"""Shared fixtures: run the CLI as a user would, read PNGs, keep user settings untouched."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[1]

# The test run keeps its own cache folder (zone charts, landmark pictures) instead of the user's, and no window a
# test opens starts the background chart walk (a niced process building every template chart: minutes of CPU that
# would compete with the tests themselves; tests of the chart store call it directly).
# `./dev.sh test` gives all its test processes one such folder (MESOMAP_TEST_CACHE, removed when the run ends), so a
# zone's chart is built once per run rather than once per process.
if os.environ.get("MESOMAP_TEST_CACHE"):
    os.environ["XDG_CACHE_HOME"] = os.environ["MESOMAP_TEST_CACHE"]
else:
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="mesomap-test-cache-")
    atexit.register(shutil.rmtree, os.environ["XDG_CACHE_HOME"], ignore_errors=True)
os.environ["MESOMAP_NO_CHART_PREFETCH"] = "1"


def cli_runner(folder: Path):
    """``run(*ARGS)``: ``python -m mesomap ARGS`` in a fresh process in ``folder``, with no display; returns the
    CompletedProcess."""

    def run(*args: str, display: bool = False, timeout: float = 120) -> subprocess.CompletedProcess:
        env = dict(os.environ)
        if not display:
            env.pop("DISPLAY", None)
            env.pop("WAYLAND_DISPLAY", None)
        env["XDG_CONFIG_HOME"] = str(folder / "config")
        return subprocess.run(
            [sys.executable, "-m", "mesomap", *args],
            capture_output=True, text=True, env=env, cwd=folder, timeout=timeout,
        )

    return run


@pytest.fixture
def run_cli(tmp_path):
    """Run ``python -m mesomap ARGS`` in the test's own folder in a fresh process with no display."""
    return cli_runner(tmp_path)


def read_png(path: Path) -> np.ndarray:
    """(h, w, 3) uint8 pixels of a PNG."""
    from PIL import Image

    with Image.open(path) as img:
        return np.asarray(img.convert("RGB"))


def foreground_mask(pixels: np.ndarray, tolerance: int = 12) -> np.ndarray:
    """(h, w) bool: pixels that differ from the top-left corner's colour (the background)."""
    background = pixels[0, 0].astype(int)
    return np.abs(pixels.astype(int) - background).max(axis=2) > tolerance


@pytest.fixture(autouse=True)
def private_simulator_announcements(tmp_path, monkeypatch):
    """Device simulators started by a test announce their port in the test's own folder (the Send dialog
    lists announced simulators first: another test run's simulator must never show up here)."""
    monkeypatch.setenv("MESOMAP_RUNTIME_DIR", str(tmp_path / "run"))
