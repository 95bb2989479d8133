"""File › Import reflex points…: a 3D Slicer point list (``.mrk.json``) as reflex points on the skin.

The file is read by :mod:`mesomap.io.import_markups` (its frame and units
honoured), every point is put on the nearest skin by
:mod:`mesomap.model.import_points`, and all of them are added as one undo step.
A bad file says why in a message box naming the file and the field. Points
farther than :data:`DEFAULT_MAX_DISTANCE_MM` from the skin are listed with their
distance; the user chooses to import the others or nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from mesomap.io.import_markups import MarkupsError, load_markups
from mesomap.model.import_points import DEFAULT_MAX_DISTANCE_MM, prepare_import
from mesomap.ui.busy import wait_cursor
from mesomap.ui.file_dialogs import ask_open_path
from mesomap.ui.i18n import QT_TR_NOOP, fill_in, tr

TITLE = QT_TR_NOOP("Import reflex points")
FILTER = QT_TR_NOOP("3D Slicer markups (*.mrk.json);;JSON (*.json);;All files (*)")
MENU_TEXT = QT_TR_NOOP("&Import reflex points (3D Slicer markups)…")
TIP = QT_TR_NOOP("Add the points of a 3D Slicer point list (.mrk.json) to the plan as reflex points, on the nearest skin")


class PointImporter:
    """Runs the window's reflex point imports (``window``: the MainWindow)."""

    def __init__(self, window, max_distance_mm: float = DEFAULT_MAX_DISTANCE_MM):
        self.window = window
        self.max_distance_mm = max_distance_mm

    def ask_and_import(self) -> bool:
        """Ask for a markups file, then import it; False when cancelled or refused."""
        win = self.window
        if not self._can_import():
            return False
        path = ask_open_path(win, tr(TITLE), tr(FILTER), "files/last_markups_dir")
        return self.import_file(path) if path else False

    def _can_import(self) -> bool:
        win = self.window
        if not win.editor.enabled or win.surface is None:
            win.show_error(tr(TITLE), win.session.why_not_editable().text())
            return False
        return True

    def import_file(self, path: str | Path) -> bool:
        """Import the points of ``path`` into the open plan (one undo step); False when nothing was added."""
        win = self.window
        if not self._can_import():
            return False
        win.commit_pending(layouts=False)
        try:
            with wait_cursor():
                markups = load_markups(path)
                result = prepare_import(win.doc.plan, win.surface, markups.points, self.max_distance_mm)
        except MarkupsError as err:
            win.show_error(tr("Cannot import reflex points"), str(err))
            return False
        except ValueError as err:  # a depth or volume in the file that no reflex point may have
            win.show_error(tr("Cannot import reflex points"), f"{Path(path).name}: {err}")
            return False
        source = markups.source
        if result.far and not result.changes_anything:
            win.show_error(tr("Cannot import reflex points"), fill_in(tr('{source}: {far_message}; nothing was imported.'), source=source, far_message=result.far_message()))
            return False
        if result.far and not self._ask_import_rest(source, result):
            win.statusBar().showMessage(fill_in(tr('Nothing imported from {source}'), source=source), 8000)
            return False
        if not result.changes_anything:
            win.statusBar().showMessage(fill_in(tr('Nothing to import from {source}: {summary}'), source=source, summary=result.summary()), 10000)
            return False
        win.session.import_points(result)
        notes = []  # what was updated in place or unchanged, left out, skipped
        n, m = len(result.points), len(result.updated)
        if m:
            changes = "; ".join(u.describe() for u in result.updated[:4]) + (" …" if m > 4 else "")
            notes.append(fill_in(tr('updated {m}: {changes}'), m=m, changes=changes) if n else changes)
        if result.unchanged:
            notes.append(fill_in(tr("{n} unchanged"), n=len(result.unchanged)))
        if result.far:
            notes.append(fill_in(tr("{n} farther than {mm:g} mm from the skin left out"), n=len(result.far),
                                 mm=self.max_distance_mm))
        if markups.skipped:
            notes.append(fill_in(tr("skipped {n}: {what}"), n=len(markups.skipped), what="; ".join(map(str, markups.skipped))))
        text = (fill_in(tr("Imported %n reflex point(s) from {source}", "", n), source=source) if n or not m
                else fill_in(tr("Updated %n reflex point(s) from {source}", "", m), source=source))
        win.statusBar().showMessage(text + (f" ({'; '.join(notes)})" if notes else ""), 10000)
        return True

    def _ask_import_rest(self, source: str, result) -> bool:
        buttons = QMessageBox.StandardButton
        n = len(result.points)
        answer = QMessageBox.question(
            self.window, tr(TITLE),
            fill_in(tr("{source}: {far}.\n\nImport the other %n point(s) (each put on the nearest skin)?", "", n),
                    source=source, far=result.far_message()),
            buttons.Yes | buttons.No, buttons.No,
        )
        return answer == buttons.Yes
