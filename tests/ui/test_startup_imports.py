"""The window opens without loading what its first frame does not need (issue 18, launch): the records
database layer (SQLAlchemy, Alembic) loads when the records are first opened, the scan-fitting solvers when a
fit runs. Checked in a fresh interpreter, as the app starts."""

from __future__ import annotations

import json
import subprocess
import sys

DEFERRED = ("sqlalchemy", "alembic", "mesomap.store.store", "mesomap.model.fit", "mesomap.geometry.fit")


def test_opening_the_window_leaves_records_and_fitting_unloaded(tmp_path):
    code = ("import json, os, sys; from PySide6.QtWidgets import QApplication; app = QApplication([]); "
            f"os.environ['XDG_CONFIG_HOME'] = {str(tmp_path)!r}; os.environ['MESOMAP_DATA_DIR'] = {str(tmp_path)!r}; "
            "from mesomap.ui.main_window import MainWindow; w = MainWindow(); w.show(); app.processEvents(); "
            f"print(json.dumps([m for m in {list(DEFERRED)!r} if m in sys.modules])); w.close()")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


def test_the_records_and_a_fit_still_load_when_used():
    code = ("import json, sys; import mesomap.ui.main_window; "
            "from mesomap.session.scan import ScanWork; assert ScanWork().defs; "  # reads the landmark definitions
            "from mesomap.store.store import open_store; "
            f"print(json.dumps([m for m in {list(DEFERRED)!r} if m in sys.modules]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    assert set(json.loads(out.stdout.strip().splitlines()[-1])) >= {"sqlalchemy", "mesomap.model.fit"}


def test_the_window_is_built_without_scipy(tmp_path):
    """scipy (≈0.3 s of CPU to import) is for searches, layouts and scans: it loads after the first frame."""
    code = ("import json, os, sys; from PySide6.QtWidgets import QApplication; app = QApplication([]); "
            f"os.environ['XDG_CONFIG_HOME'] = {str(tmp_path)!r}; os.environ['MESOMAP_DATA_DIR'] = {str(tmp_path)!r}; "
            "import mesomap.cli, mesomap.app; from mesomap.ui.main_window import MainWindow; w = MainWindow(); "
            "from mesomap.session.prefetch import surface_for; surface_for(w.bodies.shown); "
            "print(json.dumps([w.bodies.shown, 'scipy' in sys.modules])); w.close()")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == ["female", False]

