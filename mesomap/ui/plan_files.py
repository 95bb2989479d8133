"""The plan on disk: File › New, Open, Open recent, Save, Save as; the autosave and the crash recovery.

:class:`PlanFiles` does these for a MainWindow. Plans are read and written by
:mod:`mesomap.io.plan_file` (written atomically); a file that cannot be opened
or written says why and the open plan stays as it was. Unsaved changes are
asked about before the plan is dropped. Every few seconds of changes the plan
is autosaved (:class:`mesomap.io.autosave.Autosaver`); at start, autosaves a
crash left behind are offered for restoring.

The two questions go through the window (``window.files.ask_save_changes()``,
``window.files.ask_restore(recovery)``), so they can be answered without a dialog.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from mesomap.io.autosave import AUTOSAVE_INTERVAL_S, AUTOSAVE_MAX_DELAY_S, Recovery
from mesomap.io.meshes import MeshLoadError
from mesomap.io.plan_check import OpenedPlan
from mesomap.io.plan_file import SUFFIX, PlanFileError
from mesomap.ui.busy import wait_cursor
from mesomap.ui.i18n import QT_TR_NOOP, fill_in, tr

MAX_RECENT = 8
#: How often the autosave timer looks for changes (ms); it writes at most every AUTOSAVE_INTERVAL_S, so an edit
#: is on disk within AUTOSAVE_INTERVAL_S + this tick (plus the write itself).
AUTOSAVE_TICK_MS = 1000
assert AUTOSAVE_INTERVAL_S + AUTOSAVE_TICK_MS / 1000 < AUTOSAVE_MAX_DELAY_S
PLAN_FILTER = QT_TR_NOOP("mesomap plans (*{suffix});;All files (*)")


def open_notice(name: str, opened: OpenedPlan) -> str:
    """What the user must know about a plan just opened: injections off their zone, stale stored values ("" if nothing)."""
    parts = []
    if opened.misplaced:
        n = len(opened.misplaced)
        listed = "; ".join(m.describe() for m in opened.misplaced[:5]) + (fill_in(tr('; and {value} more'), value=n - 5) if n > 5 else "")
        off = (tr("1 injection of {name} lies outside its zone and is ringed in red: {listed}. Export and Send to "
                  "device refuse the plan until it is moved back, deleted, or the zone is laid out again.") if n == 1
               else tr("%n injections of {name} lie outside their zones and are ringed in red: {listed}. Export and "
                       "Send to device refuse the plan until they are moved back, deleted, or the zone is laid out "
                       "again.", "", n))
        parts.append(fill_in(off, name=name, listed=listed))
    if opened.stale:
        n = len(opened.stale)
        stale = (tr("1 stored value (a position, normal or area) in {name} did not match the point or zone it "
                    "describes: {first}. mesomap recomputed it; saving the plan writes the right value.") if n == 1
                 else tr("%n stored values (positions, normals or areas) in {name} did not match the points and "
                         "zones they describe, first: {first}. mesomap recomputed them; saving the plan writes the "
                         "right values.", "", n))
        parts.append(fill_in(stale, name=name, first=opened.stale[0].describe()))
    return "\n\n".join(parts)


def _why(err: Exception) -> str:
    """A failed write's reason in a clinician's words."""
    if isinstance(err, UnicodeError):
        return tr("a name or note holds a character that cannot be written as text; retype it")
    return str(getattr(err, "strerror", None) or err)


class PlanFiles:
    """Opens, saves, autosaves and recovers the plan of ``window`` (the MainWindow)."""

    def __init__(self, window):
        self.window = window

    # -- unsaved changes --------------------------------------------------------
    def ask_save_changes(self) -> str:
        """'save', 'discard' or 'cancel' for the unsaved changes of the open plan."""
        doc = self.window.doc
        name = doc.path.name if doc.path else tr("the new plan")
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.window, tr("Unsaved changes"), fill_in(tr('Save the changes to {name}?'), name=name),
            buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save,
        )
        return {buttons.Save: "save", buttons.Discard: "discard"}.get(answer, "cancel")

    def maybe_save(self) -> bool:
        """True when it is fine to drop the open plan (saved, or the user said so)."""
        win = self.window
        win.commit_pending(layouts=False)  # typed fields land now; layouts are waited for only to save
        if not win.doc.dirty and not win.grids.pending:  # a parameter change still being laid out is a change
            return True
        answer = self.ask_save_changes()
        if answer == "save":
            return self.save()
        return answer == "discard"

    # -- new, open, save ----------------------------------------------------------
    def new_plan(self) -> bool:
        win = self.window
        if not self.maybe_save():
            return False
        win.tool.cancel()
        win.session.new_plan()
        win.statusBar().showMessage(tr("New plan"), 4000)
        return True

    def open_plan_dialog(self) -> bool:
        win = self.window
        if not self.maybe_save():
            return False
        start = str(win.settings.value("files/last_dir", str(Path.home())))
        path, _ = QFileDialog.getOpenFileName(win, tr("Open plan"), start, fill_in(tr(PLAN_FILTER), suffix=SUFFIX))
        return self.open_plan(path, ask=False) if path else False

    def open_plan(self, path: str | Path, ask: bool = True) -> bool:
        """Open a plan file (on its own body); a bad file shows why and the open plan stays.

        A plan whose injections lie off their zone opens with them ringed in red (export and
        send refuse it); stored positions that disagree with their points are re-derived. Either
        is said once, in one box."""
        win = self.window
        if ask and not self.maybe_save():
            return False
        path = Path(path)
        try:
            win.tool.cancel()
            with wait_cursor():
                opened = win.session.open_plan(path)
        except (PlanFileError, MeshLoadError) as err:
            win.show_error(tr("Cannot open plan"), str(err))
            return False
        plan = opened.plan
        self._add_recent(path)
        win.settings.setValue("files/last_dir", str(path.parent))
        win.statusBar().showMessage(fill_in(tr('Opened {name}: {n} zones, {n2} points'), name=path.name, n=len(plan.zones), n2=len(plan.points)), 6000)
        notice = open_notice(path.name, opened)
        if notice:
            win.show_warning(fill_in(tr('Check {name}'), name=path.name), notice)
        return True

    def save(self) -> bool:
        records = getattr(self.window, "records", None)
        if records is not None and records.linked is not None:  # the plan belongs to a records session
            return records.save_linked()
        path = self.window.doc.path
        if path is None:
            return self.save_as()
        return self.save_to(path)

    def save_as(self) -> bool:
        win = self.window
        start = win.doc.path or Path(str(win.settings.value("files/last_dir", str(Path.home())))) / f"plan{SUFFIX}"
        path, _ = QFileDialog.getSaveFileName(win, tr("Save plan"), str(start), fill_in(tr(PLAN_FILTER), suffix=SUFFIX))
        if not path:
            return False
        if not path.endswith(SUFFIX):
            path = str(Path(path).with_suffix("")) + SUFFIX if path.endswith(".json") else path + SUFFIX
        return self.save_to(path)

    def save_to(self, path: str | Path) -> bool:
        """Write the plan to ``path`` (atomically); on failure say why and keep it unsaved."""
        win = self.window
        win.commit_pending()
        path = Path(path)
        try:
            win.scans.files_beside(path)  # a plan on a scan: its fit and scan beside it
            win.session.save(path)
        except (OSError, MeshLoadError, PlanFileError, UnicodeError) as err:
            win.show_error(tr("Cannot save plan"), f"{path.name}: {_why(err)}")
            return False
        self._add_recent(path)
        win.settings.setValue("files/last_dir", str(path.parent))
        win.statusBar().showMessage(fill_in(tr('Saved {path}'), path=path), 6000)
        return True

    # -- recent files ---------------------------------------------------------------
    def recent_files(self) -> list[str]:
        value = self.window.settings.value("files/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def _set_recent(self, paths: list[str]) -> None:
        self.window.settings.setValue("files/recent", paths[:MAX_RECENT])

    def _add_recent(self, path: Path) -> None:
        text = str(Path(path).resolve())
        self._set_recent([text] + [p for p in self.recent_files() if p != text])

    def fill_recent_menu(self) -> None:
        """File › Open recent, filled as it opens."""
        menu = self.window.recent_menu
        menu.clear()
        paths = self.recent_files()
        for i, p in enumerate(paths):
            action = menu.addAction(f"&{i + 1}  {Path(p).name}")
            action.setToolTip(p)
            action.setStatusTip(p)
            action.triggered.connect(lambda _=False, pp=p: self.open_recent(pp))
        if not paths:
            menu.addAction(tr("(none)")).setEnabled(False)

    def open_recent(self, path: str) -> bool:
        if not Path(path).exists():  # anything else there is opened, and refused if it is no plan
            self._set_recent([p for p in self.recent_files() if p != path])
            self.window.show_info(tr("File not found"), fill_in(tr('{path} no longer exists; it was removed from the recent files.'), path=path))
            return False
        return self.open_plan(path)

    # -- autosave and recovery -------------------------------------------------------
    def autosave_tick(self, now: float | None = None, interval_s: float = AUTOSAVE_INTERVAL_S) -> bool:
        """Timer slot: write the autosave when the plan has unsaved changes and it is due."""
        win = self.window
        try:
            return win.session.autosave_tick(now=now, interval_s=interval_s)
        except (OSError, MeshLoadError, PlanFileError, UnicodeError) as err:
            win.statusBar().showMessage(fill_in(tr('Autosave failed: {why}'), why=_why(err)), 10000)
            return False

    def ask_restore(self, recovery: Recovery) -> bool:
        """True to restore ``recovery``, False to delete it."""
        when = _dt.datetime.fromtimestamp(recovery.saved_at).strftime("%Y-%m-%d %H:%M")
        name = recovery.original.name if recovery.original else tr("an unsaved plan")
        box = QMessageBox(QMessageBox.Icon.Question, tr("Recover plan"),
                          fill_in(tr('mesomap did not close properly. Restore the plan from {when} ({name})?'), when=when, name=name),
                          parent=self.window)
        box.setInformativeText(tr("Discard deletes this recovered copy for good."))
        restore = box.addButton(tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(restore)
        box.exec()
        return box.clickedButton() is restore

    def offer_recovery(self) -> bool:
        """At start: offer autosaves left by a crash, newest first; True when one was restored."""
        win = self.window
        for recovery in win.autosaver.leftovers():
            if not self.ask_restore(recovery):
                recovery.discard()
                continue
            try:
                plan = recovery.load()
            except PlanFileError as err:
                win.show_error(tr("Cannot restore plan"), fill_in(tr('{err} (the file stays at {autosave})'), err=err, autosave=recovery.autosave))
                continue
            win.tool.cancel()
            recovery.discard()
            records = getattr(win, "records", None)
            store = records.store() if recovery.records and records is not None else None
            linked = win.session.restore(plan, recovery.original, recovery.records, store)  # autosaved again at once
            if linked:
                win._update_title()
                win.statusBar().showMessage(fill_in(tr("Plan restored into session {number} of the records: "
                                                       "File › Save writes it there"),
                                                    number=records.linked.session.number), 10000)
            elif recovery.records:
                win.show_warning(tr("Recover plan"), fill_in(
                    tr("The restored plan belonged to session {number} of the records, which mesomap cannot "
                       "find in the records now open. Save the plan as a file to keep it."),
                    number=recovery.records.get("number", "?")))
            else:
                win.statusBar().showMessage(tr("Plan restored: save it to keep it"), 10000)
            return True
        return False
