"""The Records menu of the main window: the patient list, the recall, the database setting, and the link
between the open plan and a records session.

:class:`Records` (``window.records``) opens the records store on first use (the URL from
``--database``/``MESOMAP_DATABASE_URL``/the settings/the default SQLite file: :mod:`mesomap.store.location`),
shows the records windows, and holds the :class:`~mesomap.session.records.RecordsLink`: while the open
plan belongs to a records session, File › Save writes it into that session and the printed session
sheet names the patient, the session n of N and the lots.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from mesomap.io.plan_file import PlanFileError
from mesomap.session.records import RecordsLink
from mesomap.store.errors import ConflictError, SessionFrozen, StoreError
from mesomap.ui.i18n import fill_in, tr

if TYPE_CHECKING:  # the database layer (SQLAlchemy, Alembic) is imported on first use, not at start-up
    from mesomap.store.store import Store


class Records:
    """The records side of ``window`` (a MainWindow). ``url``: the database (None: resolved as the CLI does)."""

    def __init__(self, window, url: str | None = None):
        self.window = window
        self.url = url
        self.link = RecordsLink(window.session)
        self._store: Store | None = None
        self.patients_window = None
        self.recall_window = None
        self.database_dialog = None

    # -- the store ------------------------------------------------------------------
    def store(self) -> Store | None:
        """The open records (opened on first use); None when they cannot be opened (the reason is shown)."""
        if self._store is None:
            from mesomap.store.store import open_store

            try:
                opened = open_store(self.url)
            except (StoreError, OSError) as err:
                self.window.show_error(tr("Cannot open the records"), str(err))
                return None
            except Exception as err:  # noqa: BLE001 — a server that does not answer, a bad URL
                self.window.show_error(tr("Cannot open the records"), fill_in(
                    tr("The database does not answer: {why}."),
                    why=str(err).splitlines()[0] if str(err) else type(err).__name__))
                return None
            self._store = opened.store
            for note in opened.notes:
                if note.kind.severity == "warning":
                    self.window.show_warning(tr("Records"), str(note))
                else:
                    self.window.statusBar().showMessage(str(note), 10000)
        return self._store

    def use_url(self, url: str | None) -> Store | None:
        """Switch to the database at ``url`` (None: resolved again); the open windows follow."""
        self.close()
        self.url = url
        store = self.store()
        if store is not None and self.patients_window is not None:
            self.patients_window.set_store(store)
        if store is not None and self.recall_window is not None:
            self.recall_window.store = store
        return store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
        self.link.linked = None

    # -- windows --------------------------------------------------------------------
    def show_patients(self):
        """Records › Patients…: the patient list and page (one window, raised when already open)."""
        from mesomap.ui.records_window import RecordsWindow

        store = self.store()
        if store is None:
            return None
        if self.patients_window is None:
            self.patients_window = RecordsWindow(self, store, self.window)  # closes with the main window
        self.patients_window.show()
        self.patients_window.raise_()
        self.patients_window.activateWindow()
        return self.patients_window

    def show_recall(self):
        """Records › Recall lot…: who received lot X."""
        from mesomap.ui.records_recall import RecallWindow

        store = self.store()
        if store is None:
            return None
        if self.recall_window is None:
            self.recall_window = RecallWindow(store, self.window)
        self.recall_window.show()
        self.recall_window.raise_()
        return self.recall_window

    def show_database(self):
        """Records › Database…: which database is in use, and the URL for this station."""
        from mesomap.ui.records_database import DatabaseDialog

        self.database_dialog = DatabaseDialog(self, self.window)
        self.database_dialog.show()
        return self.database_dialog

    # -- the open plan and its session ---------------------------------------------------
    @property
    def linked(self):
        return self.link.linked

    def title(self) -> str | None:
        """The main window's title while the plan belongs to a records session ("Anna Petrova, session 2 of 8")."""
        linked = self.link.linked
        if linked is None:
            return None
        s = linked.session
        return fill_in(tr('{patient}, session {number} of {of}'), patient=linked.patient, number=s.number, of=linked.of) + (tr(" (done: read-only)") if s.done else "")

    def open_in_planner(self, session_id: int) -> bool:
        """Open the session's plan in the planner, linked to the session (unsaved changes are asked about first)."""
        win = self.window
        if not win.files.maybe_save():
            return False
        try:
            win.tool.cancel()
            self.link.open_session(self.store(), session_id)
        except (StoreError, PlanFileError) as err:
            win.show_error(tr("Cannot open the session's plan"), str(err))
            return False
        s = self.link.linked.session
        state = tr("done: its plan is read-only") if s.done else tr("File › Save writes the plan into it")
        win._update_title()
        win.statusBar().showMessage(fill_in(tr('Session {number} of the records is open ({state}).'), number=s.number, state=state), 10000)
        win.raise_()
        win.activateWindow()
        return True

    def save_linked(self) -> bool:
        """File › Save while linked: the plan goes into the records session (a done session refuses it)."""
        win = self.window
        win.commit_pending()
        try:
            saved = self.link.save()
        except SessionFrozen as err:
            win.show_error(tr("Cannot save into the session"), fill_in(tr('{err}. Use File › Save as… to keep a copy.'), err=err))
            return False
        except ConflictError as err:
            win.show_error(tr("Cannot save into the session"), fill_in(tr('{err}. Reopen the session from the patient page.'), err=err))
            return False
        except StoreError as err:
            win.show_error(tr("Cannot save into the session"), str(err))
            return False
        win.statusBar().showMessage(fill_in(tr('Saved the plan into session {number} of the records.'), number=saved.number), 8000)
        win._update_title()
        if self.patients_window is not None:
            self.patients_window.refresh_page()
        return True

    def sheet_record(self):
        """The session sheet's patient header, or None (not linked, or the records cannot be read now)."""
        try:
            return self.link.sheet_record()
        except StoreError as err:
            self.window.statusBar().showMessage(fill_in(tr('The sheet is printed without the patient: {err}'), err=err), 10000)
            return None

    def ask(self, title: str, text: str) -> bool:
        """A yes/no question (tests answer it through QMessageBox.question)."""
        buttons = QMessageBox.StandardButton
        return QMessageBox.question(self.window, title, text, buttons.Yes | buttons.No, buttons.No) == buttons.Yes
