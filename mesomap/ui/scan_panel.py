"""The Scan fit dock (issue 16): what the import repaired, the landmark step, the fit and its report.

Landmarks are listed in order, only those the scan covers (*Show all landmarks* lists the others);
*Load landmarks…* places them from a 3D Slicer markups file. Each is ticked to be used (untick to skip
one the scan does not show). A click on the scan places the selected landmark and selects the next
one not placed; select a placed one to place it again. *Fit* runs the fit in a thread (progress bar,
*Cancel*: nothing is kept); the report gives each landmark's residual (mm), the surface distance
(median, 95th percentile) and warnings naming the region; *Show fit error* colours the scan by its
distance to the fitted body (mm; the colour bar runs to the fit's own 95th percentile, at least the
warning threshold, which is marked on it).
"""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mesomap.geometry.fit import FitCancelled
from mesomap.render.scan_view import hide_distance_bar, show_distance_map, show_landmarks
from mesomap.ui.zone_panel import ERROR_STYLE
from mesomap.ui.i18n import QT_TR_NOOP, SIDE_WORDS, fill_in, tr, word

POLL_MS = 100
MIN_WIDTH = 320
#: Enough for about six landmark rows (px).
LIST_MIN_HEIGHT = 110


def report_lines(report, names: dict[str, str]) -> list[str]:
    """The fit report in words: distances, each landmark's residual (by its name), warnings (with their region)."""
    from mesomap.model.fit import FIT_LANDMARK_LINE, FIT_SUMMARY

    lines = [FIT_SUMMARY(scan_median=report.scan_to_fit[0], scan_p95=report.scan_to_fit[1],
                         fit_median=report.fit_to_scan[0], fit_p95=report.fit_to_scan[1]).text()]
    lines += [FIT_LANDMARK_LINE(name=names.get(k, k), residual_mm=v).text()
              for k, v in report.landmark_residual_mm.items()]
    return lines + [m.text() for m in report.warnings]


#: The landmarks' words (assets/landmarks.json names them in English), by id without its side.
LANDMARK_WORDS = {"nasion": QT_TR_NOOP("Nasion"), "chin": QT_TR_NOOP("Chin (pogonion)"), "tragus": QT_TR_NOOP("Tragus"),
                  "exocanthion": QT_TR_NOOP("Outer eye corner"), "sternal_notch": QT_TR_NOOP("Sternal notch"),
                  "nipple": QT_TR_NOOP("Nipple"), "umbilicus": QT_TR_NOOP("Umbilicus"),
                  "asis": QT_TR_NOOP("Anterior superior iliac spine"), "patella": QT_TR_NOOP("Patella"),
                  "c7": QT_TR_NOOP("C7 spinous process"), "acromion": QT_TR_NOOP("Acromion")}


def landmark_name(d) -> str:
    """A landmark's name in the window's language, its side in brackets ("Tragus (left)"); the file's name for
    one this table does not know."""
    base = LANDMARK_WORDS.get(d.id.removesuffix("_left").removesuffix("_right"))
    if base is None:
        return d.name
    return tr(base) + (f" ({word(SIDE_WORDS, d.side).lower()})" if d.side in ("left", "right") else "")


class ScanPanel(QDockWidget):
    """The Scan fit dock of ``window`` (a MainWindow) over ``window.scans.work``."""

    def __init__(self, window):
        super().__init__(tr("Scan fit"), window)
        self.setObjectName("scan_panel")
        self.window = window
        self.work = window.scans.work
        self.fit_settings = None  # FitSettings for the fit (None: the core's defaults)
        self._thread: threading.Thread | None = None
        self._progress = 0.0
        self._cancel = False
        self._outcome = None  # ("ok", ScanFit) | ("cancelled", None) | ("error", message)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.repair = QLabel()
        self.repair.setWordWrap(True)
        layout.addWidget(self.repair)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.picture = QLabel()  # where the selected landmark goes, on the reference body
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setToolTip(tr("Where the selected landmark goes"))
        layout.addWidget(self.picture)
        self.landmarks = QListWidget()
        self.landmarks.setToolTip(tr("Untick a landmark the scan does not show; select one to place it (again)"))
        self.landmarks.currentItemChanged.connect(self._selected)
        self.landmarks.itemChanged.connect(self._ticked)
        self.landmarks.setMinimumHeight(LIST_MIN_HEIGHT)
        layout.addWidget(self.landmarks, 1)
        self.show_all = QCheckBox(tr("Show all landmarks"))
        self.show_all.setToolTip(tr("List the landmarks this scan does not seem to cover too"))
        self.show_all.toggled.connect(self._show_all)
        layout.addWidget(self.show_all)
        self.load_button = QPushButton(tr("Load landmarks…"))
        self.load_button.setToolTip(tr("Place the landmarks from a 3D Slicer markups file (.mrk.json) whose point "
                                    "labels are landmark names, in the scan file's coordinates"))
        self.load_button.clicked.connect(self.ask_landmarks)
        layout.addWidget(self.load_button)
        row = QHBoxLayout()
        self.fit_button = QPushButton(tr("Fit"))
        self.fit_button.setToolTip(tr("Fit the reference body onto the scan with the landmarks placed"))
        self.fit_button.clicked.connect(self.start_fit)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_fit)
        self.cancel_button.setEnabled(False)
        row.addWidget(self.fit_button)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.report = QLabel()
        self.report.setWordWrap(True)
        self.report.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.report)
        self.error_map = QCheckBox(tr("Show fit error on the scan"))
        self.error_map.setEnabled(False)
        self.error_map.toggled.connect(self.show_error_map)
        layout.addWidget(self.error_map)
        self.transfer_button = QPushButton(tr("Plan on this scan"))
        self.transfer_button.setToolTip(tr("Carry the open plan (zones, points; grids laid out again at the same "
                                        "spacing) onto the fitted scan"))
        self.transfer_button.setEnabled(False)
        self.transfer_button.clicked.connect(lambda: self.window.scans.transfer())
        layout.addWidget(self.transfer_button)
        scroll = QScrollArea()  # the dock fits a 768-px-high screen beside the other docks
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        self.setWidget(scroll)
        self.setMinimumWidth(MIN_WIDTH)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        window.view.picked.connect(self._picked)

    # -- the scan and its landmarks -------------------------------------------------
    def refresh(self) -> None:
        """Fill the dock from the scan workflow (a new scan: repair notes, landmarks, no report)."""
        scan = self.work.scan
        notes = [m.text() for m in scan.notes] if scan is not None else []
        name = self.work.path.name if self.work.path else ""
        self.repair.setText(f"<b>{name}</b> ({scan.units})<br>" + "<br>".join(notes) if scan else "")
        self.report.setText("")
        self.error_map.setChecked(False)
        self.error_map.setEnabled(self.work.fit is not None)
        self.transfer_button.setEnabled(self.work.fit is not None)
        self.show_all.blockSignals(True)
        self.show_all.setChecked(self.work.show_all)
        self.show_all.blockSignals(False)
        self._fill_landmarks()
        self._show_marks()

    def landmarks_known(self) -> None:
        """The worker said which landmarks the scan shows: list those (what is placed stays)."""
        self._fill_landmarks()
        self._show_marks()

    def _show_all(self, on: bool) -> None:
        self.work.set_show_all(on)
        self._fill_landmarks()
        self._show_marks()

    def _fill_landmarks(self) -> None:
        self.landmarks.blockSignals(True)
        self.landmarks.clear()
        for d in self.work.listed():
            item = QListWidgetItem(self._label(d))
            item.setData(Qt.ItemDataRole.UserRole, d.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if d.id in self.work.skipped else Qt.CheckState.Checked)
            self.landmarks.addItem(item)
            if d.id == self.work.current:
                self.landmarks.setCurrentItem(item)
        self.landmarks.blockSignals(False)
        self._update_hint()

    def _label(self, d) -> str:
        if d.id in self.work.skipped:
            return fill_in(tr('{name} — skipped'), name=landmark_name(d))
        return fill_in(tr('{name} — placed'), name=landmark_name(d)) if d.id in self.work.placed else landmark_name(d)

    def _update_hint(self) -> None:
        by_id = {d.id: d for d in self.work.defs}
        cur = self.work.current
        n, total = len(self.work.placed), len(self.work.wanted())
        self.hint.setText(fill_in(tr('Click on the scan to place <b>{name}</b> ({n} of {total} placed).'), name=landmark_name(by_id[cur]), n=n, total=total) if cur
                          else fill_in(tr('{n} of {total} landmarks placed: press Fit.'), n=n, total=total))
        if self.window.scans.covering():
            self.hint.setText(self.hint.text() + "<br>" + tr("Finding the landmarks this scan shows…"))
        self._show_picture(by_id.get(cur))

    def _show_picture(self, d) -> None:
        """The picture of where landmark ``d`` goes (made at first use, then cached); none without one."""
        if d is None:
            self.picture.clear()
            return
        from mesomap.io.meshes import DEFAULT_BODY, load_bundled_body
        from mesomap.render.landmark_png import landmark_picture

        try:
            path = landmark_picture(load_bundled_body(DEFAULT_BODY), d.id, d.face, d.barycentric)
        except (OSError, RuntimeError):
            self.picture.clear()  # no picture (no offscreen rendering here): the name says it
            return
        self.picture.setPixmap(QPixmap(str(path)))

    def _selected(self, item, _previous=None) -> None:
        if item is not None:
            self.work.select(item.data(Qt.ItemDataRole.UserRole))
            self._update_hint()
            self._show_marks()

    def _ticked(self, item) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        self.work.skip(key, item.checkState() != Qt.CheckState.Checked)
        self._fill_landmarks()
        self._show_marks()

    def ask_landmarks(self) -> None:
        from mesomap.ui.file_dialogs import ask_open_path
        from mesomap.ui.import_actions import FILTER

        path = ask_open_path(self.window, tr("Load landmarks"), tr(FILTER), "files/last_markups_dir")
        if path:
            self.load_landmarks(path)

    def load_landmarks(self, path) -> bool:
        """Place the landmarks of the markups file at ``path``; a refused file is said in the dock (nothing placed)."""
        from mesomap.io.import_markups import MarkupsError

        if self.work.scan is None or self._thread is not None:
            return False
        try:
            ids = self.work.load_landmarks(path)
        except MarkupsError as err:
            self.report.setStyleSheet(ERROR_STYLE)
            self.report.setText(fill_in(tr('Cannot load landmarks: {err}'), err=err))
            return False
        self.report.setStyleSheet("")
        self.report.setText(fill_in(tr('{n} landmarks placed from {name}.'), n=len(ids), name=Path(path).name))
        self._fill_landmarks()
        self._show_marks()
        return True

    def place_at(self, point_mm) -> None:
        """Place the selected landmark at ``point_mm`` on the scan (what a click does); the next is selected."""
        if self.work.scan is None or self._thread is not None:
            return
        self.work.place(point_mm)
        self._fill_landmarks()
        self._show_marks()

    def _picked(self, hit) -> None:
        if self.isVisible() and self.work.scan is not None and self.window.view.mesh is self.work.scan.paint:
            self.place_at(hit.point_mm)

    def _show_marks(self) -> None:
        view = self.window.view
        if self.work.scan is None or view.mesh is not self.work.scan.paint:
            return
        placed = self.work.placed
        cur = placed.get(self.work.current) if self.work.current else None
        show_landmarks(view.plotter, np.array([p for k, p in placed.items() if k != self.work.current]), cur)
        view.request_render()

    # -- the fit ---------------------------------------------------------------------
    def start_fit(self) -> bool:
        """Run the fit in a thread; False when one is running or there is no scan."""
        if self.work.scan is None or self._thread is not None:
            return False
        self._progress, self._cancel, self._outcome = 0.0, False, None
        settings = self.fit_settings

        def run():
            try:
                fit = self.work.run_fit(progress=self._set_progress, cancel=lambda: self._cancel, settings=settings)
                self._outcome = ("ok", fit)
            except FitCancelled:
                self._outcome = ("cancelled", None)
            except Exception as err:  # noqa: BLE001 (any failure is said in the dock, the window stays)
                self._outcome = ("error", str(err))

        self._thread = threading.Thread(target=run, name="scan-fit", daemon=True)
        self.fit_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.report.setStyleSheet("")
        self.report.setText(tr("Fitting the body onto the scan…"))
        self._thread.start()
        self._timer.start()
        return True

    def _set_progress(self, fraction: float) -> None:
        self._progress = float(fraction)

    def cancel_fit(self) -> None:
        """Ask the running fit to stop (nothing of it is kept)."""
        self._cancel = True

    def fitting(self) -> bool:
        return self._thread is not None

    def _poll(self) -> None:
        self.progress.setValue(round(100 * self._progress))
        if self._thread is None or self._thread.is_alive():
            return
        self._thread.join()
        self._thread = None
        self._timer.stop()
        self.fit_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.setVisible(False)
        kind, value = self._outcome or ("error", "")
        if kind == "ok":
            self.work.accept(value)
            self.report.setText("<br>".join(report_lines(value.report, {d.id: landmark_name(d) for d in self.work.defs})))
            self.error_map.setEnabled(True)
            self.transfer_button.setEnabled(True)
            self.error_map.setChecked(True)
            self.show_error_map(True)
            self.window.status.update_hint()
        elif kind == "cancelled":
            self.report.setText(tr("Fit cancelled: nothing was changed."))
        else:
            self.report.setStyleSheet(ERROR_STYLE)
            self.report.setText(fill_in(tr('Cannot fit: {value}'), value=value))

    def scan_distances(self) -> np.ndarray | None:
        """(n,) mm from each vertex of the scan on screen to the fitted body (None before a fit)."""
        fit, scan = self.work.fit, self.work.scan
        if fit is None or scan is None:
            return None
        d = np.asarray(fit.report.scan_distance_mm, dtype=float)
        if scan.paint is scan.mesh:
            return d
        from scipy.spatial import cKDTree

        _, idx = cKDTree(scan.mesh.vertices).query(scan.paint.vertices)
        return d[idx]

    def show_error_map(self, on: bool) -> None:
        """Colour the scan by its distance to the fitted body (mm, colour bar), or back to its own colours."""
        view, d = self.window.view, self.scan_distances()
        if self.work.scan is None or view.mesh is not self.work.scan.paint:
            return
        if on and d is not None:
            from mesomap.model.fit import WARN_DISTANCE_MM, error_map_range_mm

            show_distance_map(view.plotter, self.work.scan.paint, d, error_map_range_mm(self.work.fit.report),
                              WARN_DISTANCE_MM)
        else:
            hide_distance_bar(view.plotter)
            self.window.scans.show_scan(keep_camera=True)
        self._show_marks()
        view.request_render()
