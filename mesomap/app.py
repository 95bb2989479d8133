"""Composition root for the desktop app: QApplication, settings identity, main window."""

from __future__ import annotations

import os
import sys
import time


def run_gui(body_id: str | None = None, plan: str | None = None, lang: str | None = None) -> int:
    """Open the main window — with the plan file ``plan`` when given (``mesomap PLAN.mesomap.json``, a
    double-click on a plan), else offering to recover a crashed session's plan — and run the event loop.

    The window speaks ``lang`` when given (the command line's ``--lang``), else $MESOMAP_LANG, else the language
    chosen in Preferences, else the system locale's (:func:`mesomap.ui.i18n.chosen_language`)."""
    from mesomap.ui.pyside_imports import quicken

    quicken()  # before PySide6 loads: its per-module import check reads bytes, not lines (≈0.06 s of CPU)
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from mesomap import __version__
    from mesomap.io.meshes import BUNDLED_BODIES, DEFAULT_BODY
    from mesomap.session.prefetch import prefetch

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("mesomap")
    app.setApplicationName("mesomap")
    app.setApplicationVersion(__version__)
    from mesomap import text
    from mesomap.ui.i18n import chosen_language, install_translators

    if lang is None and text.language() != text.language_from_locale():
        lang = text.language()  # `mesomap --lang xx`: mesomap.cli chose it before calling here
    install_translators(app, lang or chosen_language())  # before any widget is made: every tr() sees it
    last = str(QSettings().value("body/last", DEFAULT_BODY))
    prefetch(body_id or (last if last in BUNDLED_BODIES else DEFAULT_BODY))  # reads while the UI imports
    from mesomap.ui.main_window import MainWindow  # the slow import: Qt widgets, VTK

    window = MainWindow(body_id=body_id)
    if os.environ.get("MESOMAP_EXIT_AFTER_FIRST_FRAME"):
        _exit_after_first_frame(app, window)
    if plan is not None:
        window.files.open_plan(plan, ask=False)  # a bad file says why; the window stays with a new plan
    window.show()
    if plan is None and not os.environ.get("MESOMAP_EXIT_AFTER_FIRST_FRAME"):
        QTimer.singleShot(0, window.files.offer_recovery)  # asks only when a crash left an autosave
    return app.exec()  # the window starts the template charts' walk after its first frame (ui.chart_walk)


def _exit_after_first_frame(app, window) -> None:
    """For benchmarks: print the wall-clock time of the first frame shown, then quit."""
    from PySide6.QtCore import QTimer

    def done() -> None:
        window.view.frame_rendered.disconnect(done)
        print(f"first-frame-epoch {time.time():.6f}", flush=True)
        print(f"window-title {window.windowTitle()}", flush=True)
        QTimer.singleShot(0, app.quit)  # queued: the first frame may come before exec()

    window.view.frame_rendered.connect(done)
