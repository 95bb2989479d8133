"""File > Export: every format of the export registry (:mod:`mesomap.io.export_formats`): CSV, 3D Slicer
markups, the body mesh, JSON, the session sheet PDF, a device program and a gun settings sheet.

Each export is one plain function of ``mesomap.io`` / ``mesomap.render``,
written atomically (a failed export leaves no partial file and keeps an older
one). The plan is checked before the file dialog opens, so a plan that cannot
be exported says why in one line and nothing is asked or written; the device
program and the gun settings sheet then ask which device profile they are for. The sheet
PDF renders views (~2 s): it runs in the layout worker process, so the window
stays responsive.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from mesomap.io.meshes import MeshLoadError
from mesomap.ui.busy import wait_cursor
from mesomap.ui.i18n import QT_TR_NOOP, fill_in, tr

if TYPE_CHECKING:
    from mesomap.io.export_formats import ExportFormat

# The export registry (mesomap.io.export_formats) and its writers load when an export is first asked for, not
# with the window: the menu is built from the words below.
#: The window's words for each export (menu text, tip, dialog title), by format key: the registry
#: (mesomap.io.export_formats) is English data, so its words are repeated here for lupdate; a format missing
#: here shows the registry's English (tests/ui/test_i18n.py walks the menu and would flag it).
EXPORT_WORDS = {
    "csv": (QT_TR_NOOP("&CSV injection list…"),
            QT_TR_NOOP("One row per injection in treatment order: position, normal, depth, volume"),
            QT_TR_NOOP("Export the injections as CSV")),
    "csv_bom": (QT_TR_NOOP("CSV for s&preadsheets (Excel)…"),
                QT_TR_NOOP("The CSV injection list with a UTF-8 byte order mark, so Excel shows accented and "
                           "Cyrillic names"),
                QT_TR_NOOP("Export the injections as CSV for spreadsheets")),
    "slicer": (QT_TR_NOOP("3D &Slicer markups…"),
               QT_TR_NOOP("Injection points as Slicer fiducial lists (one per zone), to open with the body in "
                          "3D Slicer"),
               QT_TR_NOOP("Export 3D Slicer markups")),
    "mesh": (QT_TR_NOOP("Body &mesh…"), QT_TR_NOOP("The plan's body surface (mm), to load beside the markups"),
             QT_TR_NOOP("Export the body mesh")),
    "json": (QT_TR_NOOP("&JSON…"), QT_TR_NOOP("Zones, parameters and every injection as plain JSON"),
             QT_TR_NOOP("Export the plan as JSON")),
    "pdf": (QT_TR_NOOP("Session &sheet (PDF)…"),
            QT_TR_NOOP("The printable session sheet: views of the plan, zone table, totals, checklist, signatures"),
            QT_TR_NOOP("Save the session sheet")),
    "device": (QT_TR_NOOP("&Device program…"),
               QT_TR_NOOP("The sealed program file for an injection device, checked against the device's profile"),
               QT_TR_NOOP("Export a device program")),
    "sheet": (QT_TR_NOOP("&Gun settings sheet (CSV)…"),
              QT_TR_NOOP("One row per device program: mode, needle, depth, volume per shot, shots and rate"),
              QT_TR_NOOP("Export the gun settings sheet")),
}
#: The File › Export entries, in menu order: the export registry's format keys (tests/ui/test_export_registry.py
#: checks they are the registry's, in its order), so the menu is made without loading the registry.
EXPORT_KEYS = tuple(EXPORT_WORDS)


def export_words(fmt: ExportFormat | str) -> tuple[str, str, str]:
    """(menu text, tip, dialog title) of ``fmt`` (a format or its key) in the window's language."""
    words = EXPORT_WORDS.get(fmt if isinstance(fmt, str) else fmt.key)
    if words:
        return tuple(map(tr, words))
    if isinstance(fmt, str):
        from mesomap.io.export_formats import BY_KEY

        fmt = BY_KEY[fmt]
    return fmt.menu_text, fmt.tip, fmt.title


#: The file dialog filters of the export formats (io.export_formats), listed here so lupdate finds them; shown
#: through tr() (the filter's "(*.csv)" part stays as it is in every language).
FILTER_WORDS = (
    QT_TR_NOOP("CSV injection list (*.csv)"),
    QT_TR_NOOP("CSV for spreadsheets, UTF-8 with BOM (*.csv)"),
    QT_TR_NOOP("3D Slicer markups (*.mrk.json)"),
    QT_TR_NOOP("PLY mesh (*.ply)"),
    QT_TR_NOOP("OBJ mesh (*.obj)"),
    QT_TR_NOOP("JSON (*.json)"),
    QT_TR_NOOP("PDF session sheet (*.pdf)"),
    QT_TR_NOOP("Device program (*.device.json)"),
    QT_TR_NOOP("Gun settings sheet (*.csv)"),
)


def filter_words(fmt: ExportFormat) -> list[tuple[str, str]]:
    """(filter text in the window's language, suffix) of each of ``fmt``'s file dialog filters."""
    return [(tr(f), suffix) for f, suffix in fmt.filters]


#: Where the window lays a zone's grid out: added to "no grid" / "stale grid" refusals.
GRID_HINT = QT_TR_NOOP("Grid ▸ Generate grid, Ctrl+G")


def export_error_text(err: Exception) -> str:
    """``err`` as one sentence without its full stop; a missing or stale grid says where to lay it out."""
    from mesomap.io.exports import ExportError

    text = str(err).rstrip(".")
    if isinstance(err, ExportError) and err.needs_grid:
        text += f" ({tr(GRID_HINT)})"
    return text


def with_suffix(path: str, fmt: ExportFormat, chosen_filter: str = "") -> Path:
    """``path`` with the format's suffix added when it has none of them (by the chosen filter)."""
    suffixes = [s for _, s in fmt.filters]
    if path.lower().endswith(tuple(suffixes)):
        return Path(path)
    suffix = next((s for f, s in filter_words(fmt) if f == chosen_filter), suffixes[0])
    last = "." + suffix.rsplit(".", 1)[1]  # "x.json" for a .mrk.json or .device.json export: x.mrk.json
    if last != suffix and path.lower().endswith(last):
        path = path[: -len(last)]
    return Path(path + suffix)


def ask_profile(window, fmt: ExportFormat) -> str | None:
    """The device profile id the user picks for ``fmt`` (the last one used first); None when cancelled."""
    from mesomap.io.device_profiles import list_profiles

    profiles = sorted(list_profiles()[0], key=lambda p: p.example)  # real devices first, examples after
    if not profiles:
        window.show_error(tr("Cannot export"), tr("Nothing was written: no device profile is available."))
        return None
    names = [f"{p.name} ({p.id})" + (tr("  — example profile") if p.example else "") for p in profiles]
    last = str(window.settings.value("device/profile", ""))
    current = next((i for i, p in enumerate(profiles) if p.id == last), 0)
    name, ok = QInputDialog.getItem(window, export_words(fmt)[2], tr("Device profile:"), names, current, False)
    if not ok:
        return None
    profile = profiles[names.index(name)]
    window.settings.setValue("device/profile", profile.id)
    return profile.id


class Exporter(QObject):
    """Runs the window's exports; ``busy`` while the sheet PDF is being written."""

    busy_changed = Signal(bool)
    finished = Signal(str, object)  # format key, written path (None: failed)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.pdf_running: Path | None = None
        self._pdf_future = None
        self._poll = QTimer(self)  # picks the PDF job's end up on the UI thread
        self._poll.setInterval(50)
        self._poll.timeout.connect(self._check_pdf)

    @property
    def busy(self) -> bool:
        return self.pdf_running is not None

    def busy_text(self) -> str:
        return fill_in(tr('Writing {name}…'), name=self.pdf_running.name) if self.pdf_running else ""

    def _plan_and_surface(self):
        from mesomap.io.exports import ExportError

        plan = self.window.doc.plan
        try:
            return plan, self.window.plan_body_surface()  # in the plan's body shape, or the fitted scan
        except MeshLoadError as err:
            raise ExportError(str(err)) from None

    def export(self, key: str) -> bool:
        """Ask for a file and export to it; False when refused, cancelled or failed (the reason is shown)."""
        from mesomap.io.export_formats import BY_KEY
        from mesomap.io.exports import ExportError, check_exportable

        fmt = BY_KEY[key]
        self.window.commit_pending()
        if self.busy:
            self.window.statusBar().showMessage(fill_in(tr('Still writing {name}; try again in a moment.'), name=self.pdf_running.name), 6000)
            return False
        if fmt.needs_grids:
            try:
                check_exportable(*self._plan_and_surface())
            except ExportError as err:
                self._failed(fmt, export_error_text(err))
                return False
        device = None
        if fmt.profile and not fmt.rendering:  # the device program and gun sheet are made for one device
            device = ask_profile(self.window, fmt)
            if device is None:
                return False
        settings = self.window.settings
        folder = Path(str(settings.value("files/last_export_dir", settings.value("files/last_dir", str(Path.home())))))
        stem = self.window.doc.path.name.removesuffix(".mesomap.json") if self.window.doc.path else "plan"
        start = folder / f"{stem}{'-sheet' if key == 'pdf' else ''}{fmt.filters[0][1]}"
        filters = ";;".join(f for f, _ in filter_words(fmt))
        path, chosen = QFileDialog.getSaveFileName(self.window, export_words(fmt)[2], str(start), filters)
        if not path:
            return False
        out = with_suffix(path, fmt, chosen)
        if not self.folder_ready(out.parent):
            return False
        settings.setValue("files/last_export_dir", str(out.parent))
        return self.write(key, out, device)

    def folder_ready(self, folder: Path) -> bool:
        """True when ``folder`` exists, or the user agreed to create it and it was made (a typed name with a
        typo must not silently make folders)."""
        if folder.is_dir():
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(self.window, tr("Create folder"),
                                      fill_in(tr('The folder {folder} does not exist. Create it and export there?'), folder=folder),
                                      buttons.Yes | buttons.No, buttons.No)
        if answer != buttons.Yes:
            self.window.statusBar().showMessage(tr("Nothing exported: the folder was not created."), 8000)
            return False
        try:
            folder.mkdir(parents=True)
        except OSError as err:
            self.window.show_error(tr("Cannot export"), fill_in(tr('{folder} cannot be created: {value}.'), folder=folder, value=err.strerror or err))
            return False
        return True

    def write(self, key: str, out: str | Path, device: str | None = None) -> bool:
        """Export to ``out`` without asking (the sheet PDF finishes in the background: see ``finished``).

        device : the device profile id for the formats made for a device.
        """
        from mesomap.io.device_errors import DeviceError
        from mesomap.io.export_formats import BY_KEY
        from mesomap.io.exports import ExportError

        fmt = BY_KEY[key]
        out = Path(out)
        try:
            plan, surface = self._plan_and_surface()
            if fmt.rendering:
                return self._write_pdf(plan, surface, out)
            with wait_cursor():
                self.window.session.export(key, out, device=device)
        except ExportError as err:
            self._failed(fmt, export_error_text(err))
            return False
        except DeviceError as err:  # a profile that cannot be read, or a plan that does not fit the device
            self._failed(fmt, str(err))
            return False
        except OSError as err:
            self._failed(fmt, f"{out.name}: {err.strerror or err}")
            return False
        self._done(fmt, out)
        return True

    def _write_pdf(self, plan, surface, out: Path) -> bool:
        from mesomap.io.export_formats import BY_KEY
        from mesomap.io.exports import check_exportable
        from mesomap.render.sheet import pdf_job
        from mesomap.session.worker import worker

        check_exportable(plan, surface)  # say why at once, before anything renders
        records = getattr(self.window, "records", None)  # the patient and lots of a linked records session
        record = records.sheet_record() if records is not None else None
        layout_worker = worker()
        if layout_worker.kind == "thread" or not layout_worker.use_process:
            from mesomap.render.sheet import export_session_pdf

            with wait_cursor():  # VTK renders on the UI thread only
                export_session_pdf(plan, surface, out, record=record)
            self._done(BY_KEY["pdf"], out)
            return True
        self.pdf_running = out
        self.busy_changed.emit(True)
        self.window.statusBar().showMessage(fill_in(tr('Writing the session sheet to {out}…'), out=out))
        self._pdf_future = layout_worker.submit(pdf_job, plan.body.body_id, plan, str(out), record)
        self._poll.start()
        return True

    def _check_pdf(self) -> None:
        if self._pdf_future is not None and self._pdf_future.done():
            self._poll.stop()
            future, self._pdf_future = self._pdf_future, None
            self._pdf_finished(self.pdf_running, future)

    def _pdf_finished(self, out: Path, future) -> None:
        self.pdf_running = None
        from mesomap.io.export_formats import BY_KEY
        from mesomap.io.exports import ExportError

        self.busy_changed.emit(False)
        fmt = BY_KEY["pdf"]
        try:
            future.result()
        except ExportError as err:
            self._failed(fmt, export_error_text(err))
            return
        except OSError as err:
            self._failed(fmt, f"{out.name}: {err.strerror or err}")
            return
        except Exception as err:  # noqa: BLE001 — a rendering failure must still say something
            self._failed(fmt, f"{out.name}: {err or type(err).__name__}")
            return
        self._done(fmt, out)

    def _done(self, fmt: ExportFormat, out: Path) -> None:
        plan = self.window.doc.plan
        n = sum(len(z.injections) for z in plan.zones) + len(plan.points)
        what = {"mesh": tr("the body mesh"), "pdf": tr("the session sheet"), "device": tr("the device program"),
                "sheet": tr("the gun settings sheet")}.get(fmt.key, f"{n} injections")
        self.window.statusBar().showMessage(fill_in(tr('Exported {what} to {out}'), what=what, out=out), 10000)
        self.finished.emit(fmt.key, out)

    def _failed(self, fmt: ExportFormat, reason: str) -> None:
        reason = reason.rstrip(".")
        self.window.show_error(tr("Cannot export"), fill_in(tr('Nothing was written: {reason}.'), reason=reason))
        self.finished.emit(fmt.key, None)
