"""File › Import scan… (and Body › Import scan…): a patient's 3D scan on screen for the landmark step.

The scan is read through the session's scan workflow (:class:`mesomap.session.scan.ScanWork`); when its
size fits several units a small dialog names the choices; what the import repaired (pieces dropped,
% of area, holes, non-manifold edges, simplification) is said in words in the Scan fit dock; the scan
is shown in its own colours when it has them (a PLY's vertex colours, an OBJ's texture sampled at its
vertices: ``io.scan_texture``), else in skin colour.
Plan tools are off while the scan is shown (the plan lives on the reference body until it is
transferred). Which landmarks the scan shows (``session.scan.landmarks_covered``, about 2 s for a face scan)
is decided in the session's worker after the scan is on screen: the window answers meanwhile, and the dock
lists every landmark until it is known.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QInputDialog

from mesomap.io.fit_file import FitFileError
from mesomap.io.meshes import BUNDLED_BODIES, UNIT_SCALE_TO_MM, MeshLoadError
from mesomap.io.scans import SCAN_SUFFIXES, ScanUnitsUnclearError
from mesomap.model.messages import MessageError
from mesomap.render.scan_view import clear_scan_marks, show_scan_colours
from mesomap.session.scan import ScanWork, fit_key, fit_surface, landmarks_covered, plan_on_scan, scan_files_beside
from mesomap.ui.bodies import UNIT_LABELS
from mesomap.ui.busy import wait_cursor
from mesomap.ui.file_dialogs import ask_open_path
from mesomap.ui.i18n import QT_TR_NOOP, fill_in, num, tr, unit

MENU_TEXT = QT_TR_NOOP("Import &scan…")
TIP = QT_TR_NOOP("Import a patient's 3D scan (OBJ, PLY, STL, GLB), place landmarks and fit the body onto it")


def unit_choices(err: ScanUnitsUnclearError) -> list[tuple[str, str]]:
    """(units, label) for each unit the scan may be in: the label says how big the scan then is."""
    out = []
    for u in err.choices:
        mm = err.size * UNIT_SCALE_TO_MM[u]
        size = num(mm / 1000, ".2f") + " " + unit("m") if mm >= 1000 else num(mm, ".0f") + " " + unit("mm")
        out.append((u, fill_in(tr('{get} → {size} across'), get=UNIT_LABELS.get(u, u), size=size)))
    return out


class ScanImport:
    """Imports scans into ``window`` (a MainWindow); ``work`` is the scan workflow state."""

    def __init__(self, window):
        self.window = window
        self.work = ScanWork()
        self.fit_path: Path | None = None  # the fit file of the plan carried onto the scan
        self._coverage = None  # (scan, Future) while the worker decides which landmarks the scan shows
        self._coverage_timer = QTimer(window)
        self._coverage_timer.setInterval(50)
        self._coverage_timer.timeout.connect(self._coverage_poll)

    def dialog(self) -> None:
        patterns = " ".join(f"*{s}" for s in SCAN_SUFFIXES)
        path = ask_open_path(self.window, tr("Import scan"), fill_in(tr('3D scans ({patterns});;All files (*)'), patterns=patterns), "files/last_scan_dir")
        if path:
            self.import_scan(path)

    def ask_units(self, err: ScanUnitsUnclearError) -> str | None:
        """The units the user picks among ``err.choices`` (None: cancelled)."""
        choices = unit_choices(err)
        labels = [label for _, label in choices]
        choice, ok = QInputDialog.getItem(
            self.window, tr("Which units?"), fill_in(tr("{err}\nThe scan's largest extent is {size:g}. Its units are:"), err=err, size=err.size),
            labels, 0, False)
        return choices[labels.index(choice)][0] if ok else None

    def import_scan(self, path: str | Path, units: str | None = None) -> bool:
        """Read and show the scan at ``path``, open the Scan fit dock; on a problem say why (nothing changes)."""
        win = self.window
        try:
            with wait_cursor():
                scan = self.work.load(path, units=units, coverage=False)
        except ScanUnitsUnclearError as err:
            units = self.ask_units(err)
            return self.import_scan(path, units) if units else False
        except MeshLoadError as err:
            win.show_error(tr("Cannot import scan"), str(err))
            return False
        win.tool.cancel()
        win.session.set_surface(None)  # plan tools off; the scenes hide the plan
        win.bodies.shown = None
        self.show_scan()
        win.set_plan_tools_enabled(False)
        self.find_coverage()
        self.open_panel()
        return True

    # -- which landmarks the scan shows (in the worker) -----------------------------------
    def find_coverage(self) -> None:
        """Ask the session's worker which landmarks the imported scan shows; the answer is taken by a timer
        on the UI thread (a newer scan's import makes an older answer moot)."""
        scan = self.work.scan
        future = self.window.grids.worker.submit(landmarks_covered, scan.paint.vertices, scan.partial)
        self._coverage = (scan, future)
        self._coverage_timer.start()

    def covering(self) -> bool:
        """True while the worker decides which landmarks the scan shows."""
        return self._coverage is not None

    def _coverage_poll(self) -> None:
        scan, future = self._coverage or (None, None)
        if future is not None and not future.done():
            return
        self._coverage_timer.stop()
        self._coverage = None
        if future is None or scan is not self.work.scan:
            return
        try:
            covered = future.result()
        except Exception:  # noqa: BLE001 — a worker that died or was cancelled: every landmark stays listed
            covered = None
        self.work.set_covered(covered)
        if self.window.scan_panel is not None:
            self.window.scan_panel.landmarks_known()

    def open_panel(self) -> None:
        """The Scan fit dock (``window.scan_panel``, made on first use left of the 3D view: the full height),
        filled from the imported scan."""
        win = self.window
        if win.scan_panel is None:
            from mesomap.ui.scan_panel import ScanPanel

            win.scan_panel = ScanPanel(win)
            win.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, win.scan_panel)
        win.scan_panel.show()
        win.scan_panel.raise_()
        win.scan_panel.refresh()

    def show_scan(self, keep_camera: bool = False) -> None:
        """The scan on screen (its painting-resolution copy), in its own colours when it has them."""
        win, scan = self.window, self.work.scan
        win.view.set_body(scan.paint, keep_camera=keep_camera)
        if scan.paint_colors is not None:
            show_scan_colours(win.view.plotter, scan.paint, scan.paint_colors)
            win.view.request_render()
        win.status.show_body(scan.paint)
        win.bodies.sync_actions(scan.paint)

    # -- the plan on the scan --------------------------------------------------------
    def transfer(self, seed: int = 0) -> bool:
        """"Plan on this scan": the open plan carried onto the fitted scan (one undo step; grids laid out
        again at the same spacing); the fitted body is shown and the plan tools are on."""
        win = self.window
        try:
            with wait_cursor():
                self.fit_path = plan_on_scan(win.session, self.work, seed=seed)
        except (MessageError, OSError, MeshLoadError) as err:
            win.show_error(tr("Cannot carry the plan onto the scan"), str(err))
            return False
        self._show_fitted(keep_camera=True)
        plan = win.doc.plan
        n = sum(len(z.injections) for z in plan.zones)
        win.statusBar().showMessage(fill_in(tr('The plan is on {name}: {n} zones, {n2} points, {n3} injections laid out again'), name=self.work.path.name, n=len(plan.zones), n2=len(plan.points), n3=n), 10000)
        return True

    def _show_fitted(self, keep_camera: bool = False) -> None:
        """The fitted scan's body (the session's surface) on screen, plan tools on."""
        win = self.window
        surface = win.session.surface
        win.bodies.shown = None
        clear_scan_marks(win.view.plotter)
        win.view.set_body(surface.coarse, keep_camera=keep_camera)
        win.status.show_body(surface.coarse)
        win.bodies.sync_actions(surface.coarse)
        win.set_plan_tools_enabled(True)

    def follow_plan(self) -> None:
        """After a plan change (opened, undone, redone): a plan on a scan is edited on its fitted body (its fit
        file beside the plan, or the one made here); a plan back on a bundled body leaves the scan's body."""
        win = self.window
        plan, surface = win.doc.plan, win.session.surface
        scan = plan.body.scan
        if scan:
            if surface is not None and surface.coarse.body_id == plan.body.body_id:
                return
            if self.fit_path is None or self.fit_path.name != scan.get("fit"):
                if win.doc.path is None:
                    return
                self.fit_path = (Path(win.doc.path).parent / Path(str(scan.get("fit", ""))).name).resolve()
            try:
                win.session.set_surface(fit_surface(str(self.fit_path)))
            except (FitFileError, MeshLoadError, OSError) as err:
                win.show_error(tr("Cannot show the plan's scan"), str(err))
                return
            self._show_fitted()
        elif (surface is not None and self.fit_path is not None and surface.coarse.body_id != plan.body.body_id
              and plan.body.body_id in BUNDLED_BODIES):
            win.bodies.display(plan.body.body_id)

    def layout_key(self):
        """The layout key of the open plan's body when it is on the scan fitted here (else None)."""
        scan = self.window.doc.plan.body.scan
        if scan and self.fit_path is not None and scan.get("fit") == self.fit_path.name:
            return fit_key(self.fit_path)
        return None

    def files_beside(self, plan_path) -> list[Path]:
        """Before saving a plan on the scan to ``plan_path``: its fit file and scan copied beside it."""
        if self.layout_key() is None:
            return []
        return scan_files_beside(plan_path, self.fit_path)
