"""The window opens without loading what its first frame does not need (issue 18, launch): the records
database layer (SQLAlchemy, Alembic) loads when the records are first opened, the scan-fitting solvers when a
fit runs. Checked in a fresh interpreter, as the app starts."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

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



#: What the first frame does without (issue 18, launch): the Lesson and Quiz docks (hidden at start), the export
#: registry with its writers and device profiles, the records window and the device link.
NOT_AT_FIRST_FRAME = ("mesomap.ui.lesson_panel", "mesomap.ui.quiz_panel", "mesomap.session.lessons",
                      "mesomap.session.quiz", "mesomap.io.export_formats", "mesomap.io.device_program",
                      "mesomap.io.device_profiles", "mesomap.ui.records_window", "mesomap.io.device_link")


def test_the_first_frame_is_drawn_without_the_teach_export_and_device_modules(tmp_path):
    code = ("import json, os, sys; from PySide6.QtWidgets import QApplication; app = QApplication([]); "
            f"os.environ['XDG_CONFIG_HOME'] = {str(tmp_path)!r}; os.environ['MESOMAP_DATA_DIR'] = {str(tmp_path)!r}; "
            "import mesomap.cli, mesomap.app; from mesomap.ui.main_window import MainWindow; w = MainWindow(); "
            f"seen = []; w.view.frame_rendered.connect(lambda: seen.append([m for m in {NOT_AT_FIRST_FRAME!r} "
            "if m in sys.modules])); w.show()\n"
            "while not seen: app.processEvents()\n"
            "teach = [a.text() for a in w.menuBar().actions() if a.text() == 'T&each']; "
            "print(json.dumps([seen[0], teach, list(w.export_actions)])); w.close()")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    loaded, teach, exports = json.loads(out.stdout.strip().splitlines()[-1])
    assert loaded == []
    assert teach == ["T&each"] and exports == ["csv", "csv_bom", "slicer", "mesh", "json", "pdf", "device", "sheet"]


def test_the_teach_docks_are_made_when_used_and_a_shown_one_comes_back_in_its_place(qtbot, settings):
    """The Teach menu's entries and keys are there from the start; a Lesson dock left shown at closing is shown
    again at the next start, where it was; one never shown is not made (its modules not loaded)."""
    from tests.ui.conftest import open_window

    win = open_window(qtbot, settings)
    teach = next(a.menu() for a in win.menuBar().actions() if a.text() == "T&each")
    texts = [a.text() for a in teach.actions() if not a.isSeparator()]
    assert texts == ["&New lesson", "&Open lesson…", "&Save lesson", "Save lesson &as…", "&Record step",
                     "Ne&xt step", "&Previous step", "&Quiz…", "Lesson panel", "Quiz panel"]
    assert not win.save_lesson_action.isEnabled() and not win.next_step_action.isEnabled()
    assert win.findChild(QDockWidget, "lesson-dock") is None, "not made before it is used"
    toggle = next(a for a in teach.actions() if a.text() == "Lesson panel")
    toggle.trigger()
    lesson = win.findChild(QDockWidget, "lesson-dock")
    assert lesson is win.lesson_panel and lesson.isVisible() and toggle.isChecked()
    assert win.dockWidgetArea(lesson) == Qt.DockWidgetArea.LeftDockWidgetArea
    win.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, lesson)  # moved by the user
    win.close()

    again = open_window(qtbot, settings)
    lesson = again.findChild(QDockWidget, "lesson-dock")
    assert lesson is not None and lesson.isVisible(), "shown at closing: shown at the start"
    assert again.dockWidgetArea(lesson) == Qt.DockWidgetArea.RightDockWidgetArea
    toggle = next(a for a in again.menuBar().actions() if a.text() == "T&each").menu().actions()
    assert next(a for a in toggle if a.text() == "Lesson panel").isChecked()
    assert again.findChild(QDockWidget, "quiz-dock") is None


def test_the_window_s_command_line_opens_it_without_the_subcommands_parser(monkeypatch):
    """`mesomap --body male --lang fr` goes to the window as before, without building the parser of every
    subcommand; a wrong option still gets the parser's one-line usage error."""
    from mesomap import app, cli

    opened = []
    monkeypatch.setattr(app, "run_gui", lambda body_id=None, lang=None, plan=None: opened.append((body_id, lang)) or 0)
    real = cli.build_parser
    monkeypatch.setattr(cli, "build_parser", lambda: pytest.fail("the window's command line built the parser"))
    assert cli.main(["--body", "male", "--lang=fr"]) == 0 and cli.main([]) == 0
    assert opened == [("male", "fr"), (None, None)]
    monkeypatch.setattr(cli, "build_parser", real)
    assert cli.main(["--body", "child"]) == cli.EXIT_USAGE and len(opened) == 2


def test_the_quicker_pyside_check_answers_as_pyside_s_own_for_every_module_the_window_loads():
    """The launch replaces PySide6's per-import "does this module use PySide6?" check by a quicker one
    (mesomap.ui.pyside_imports): its answers must be PySide's own, or PySide would treat a module wrongly."""
    code = ("import json, sys; from mesomap.ui.pyside_imports import quicken; assert quicken(); "
            "import mesomap.ui.main_window; feature = sys.modules['shibokensupport.feature']; "
            "check = feature._mod_uses_pyside; modules = [m for m in list(sys.modules.values()) if m is not None]; "
            "print(json.dumps([check.quick, len(modules), sum(check(m) for m in modules), "
            "[m.__name__ for m in modules if check(m) != check.original(m)]]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    quick, n, using, differ = json.loads(out.stdout.strip().splitlines()[-1])
    assert quick and n > 500 and using > 20 and differ == []
