"""Records › Patients…: the patient list (search as you type, add, edit) beside the chosen patient's page.

Search runs the store's search (:func:`mesomap.store.patients.search_patients`: name or record number,
prefix first) ~150 ms after the last key, so typing stays smooth on a clinic's server. Editing saves
with optimistic locking: when another station saved the patient meanwhile the conflict shows both
versions (:mod:`mesomap.ui.records_conflict`) and the user keeps theirs or overwrites with mine.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QSplitter,
                               QVBoxLayout, QWidget)

from mesomap.store import patients
from mesomap.store.errors import ConflictError, StoreError
from mesomap.store.records import Patient, PatientRow
from mesomap.ui.records_conflict import KEEP_THEIRS, OVERWRITE, ConflictDialog
from mesomap.ui.records_forms import PatientForm
from mesomap.ui.records_page import PatientPageView
from mesomap.ui.i18n import fill_in, tr

SEARCH_DELAY_MS = 150
LIST_LIMIT = 200


def row_text(row: PatientRow) -> str:
    born = fill_in(tr('  ·  born {isoformat}'), isoformat=row.date_of_birth.isoformat()) if row.date_of_birth else ""
    return f"{row.name}  ·  {row.record_number or tr('no record number')}{born}"


class RecordsWindow(QWidget):
    """The patients of ``store``: list on the left, the chosen patient's page on the right."""

    def __init__(self, records, store, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.records, self.store = records, store
        self.setWindowTitle(tr("Patients — mesomap"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search: name or record number"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.count = QLabel()
        self.add_button = QPushButton(tr("Add patient…"))
        self.add_button.clicked.connect(self.add_patient)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.search)
        column.addWidget(self.results)
        row = QHBoxLayout()
        row.addWidget(self.count, 1)
        row.addWidget(self.add_button)
        column.addLayout(row)
        self.page = PatientPageView(self)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.page)
        split.setStretchFactor(1, 3)
        split.setSizes([340, 1000])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self.timer.start())
        self.search.returnPressed.connect(self.run_search)
        self.results.currentItemChanged.connect(self._chosen)
        self.resize(1366, 768)
        self.run_search()

    def set_store(self, store) -> None:
        self.store = store
        self.page.show_patient(None)
        self.run_search()

    # -- the list ---------------------------------------------------------------------
    def run_search(self) -> list[PatientRow]:
        self.timer.stop()
        text = self.search.text()
        try:
            rows = patients.search_patients(self.store, text, limit=LIST_LIMIT)
        except StoreError as err:
            self.count.setText(str(err))
            return []
        except Exception as err:  # noqa: BLE001 — the server went away: say it, keep the window
            self.count.setText(fill_in(tr('The database does not answer: {name__}'), name__=type(err).__name__))
            return []
        current = self.page.patient.id if self.page.patient is not None else None
        self.results.blockSignals(True)
        self.results.clear()
        for r in rows:
            item = QListWidgetItem(row_text(r))
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            item.setToolTip(r.name)
            self.results.addItem(item)
            if r.id == current:
                self.results.setCurrentItem(item)
        self.results.blockSignals(False)
        more = tr(" (first shown; type more to narrow)") if len(rows) >= LIST_LIMIT else ""
        self.count.setText(tr("No patient found") if text.strip() and not rows
                           else tr("%n patient(s)", "", len(rows)) + more)
        return rows

    def shown_names(self) -> list[str]:
        return [self.results.item(i).toolTip() for i in range(self.results.count())]

    def _chosen(self, item, _previous=None) -> None:
        if item is not None:
            self.open_patient(int(item.data(Qt.ItemDataRole.UserRole)))

    def open_patient(self, patient_id: int) -> None:
        self.page.show_patient(patient_id)

    def refresh_page(self) -> None:
        if self.page.patient is not None:
            self.page.show_patient(self.page.patient.id)

    # -- add and edit -------------------------------------------------------------------
    def ask_patient(self, patient: Patient | None = None, values: dict | None = None) -> dict | None:
        """The patient form (filled with ``values`` when given); what was typed, or None if cancelled."""
        form = PatientForm(patient, self)
        if values:
            fill_patient_form(form, values)
        return form.values() if form.exec() else None

    def add_patient(self) -> Patient | None:
        values = self.ask_patient()
        while values is not None:
            try:
                added = patients.add_patient(self.store, **values)
            except StoreError as err:
                self.records.window.show_error(tr("Cannot add the patient"), str(err))
                values = self.ask_patient(None, values)  # what was typed comes back to be fixed
                continue
            self.search.setText("")
            self.run_search()
            self.select(added.id)
            return added
        return None

    def edit_patient(self) -> Patient | None:
        patient = self.page.patient
        if patient is None:
            return None
        values = self.ask_patient(patient)
        if values is None:
            return None
        changes = {k: v for k, v in values.items() if getattr(patient, k) != v}
        return self.save_changes(patient, changes)

    def save_changes(self, patient: Patient, changes: dict) -> Patient | None:
        """Save ``changes`` made to ``patient`` as loaded; a conflict asks which version to keep."""
        if not changes:
            return patient
        try:
            saved = patients.update_patient(self.store, patient.id, patient.version, **changes)
        except ConflictError as err:
            if self.ask_conflict(err) != OVERWRITE:
                saved = err.theirs
                self.records.window.statusBar().showMessage(fill_in(tr('Kept the version saved at the other station ({name}).'), name=err.theirs.name), 8000)
            else:
                saved = patients.update_patient(self.store, patient.id, err.stored_version, **err.mine)
        except StoreError as err:
            self.records.window.show_error(tr("Cannot save the patient"), str(err))
            return None
        self.run_search()
        self.page.show_patient(saved.id)
        return saved

    def ask_conflict(self, err: ConflictError) -> str:
        """KEEP_THEIRS or OVERWRITE (the dialog shows both versions)."""
        dialog = ConflictDialog(err, self)
        self.conflict_dialog = dialog
        dialog.exec()
        return dialog.choice or KEEP_THEIRS

    def select(self, patient_id: int) -> None:
        for i in range(self.results.count()):
            if self.results.item(i).data(Qt.ItemDataRole.UserRole) == patient_id:
                self.results.setCurrentRow(i)
                return
        self.open_patient(patient_id)


def fill_patient_form(form: PatientForm, values: dict) -> None:
    """Put ``values`` (PatientForm.values() keys) back into a form."""
    form.name.setText(values.get("name", ""))
    form.record_number.setText(values.get("record_number") or "")
    form.born.setText(values["date_of_birth"].isoformat() if values.get("date_of_birth") else "")
    form.sex.setCurrentText(values.get("sex", ""))
    form.contact.setText(values.get("contact", ""))
    form.notes.setPlainText(values.get("notes", ""))
    form.consent.setText(values["consent_signed_on"].isoformat() if values.get("consent_signed_on") else "")
    checklist = values.get("checklist")
    form.checklist_box.setChecked(checklist is not None)
    for key, check in form.checks.items():
        check.setChecked(bool((checklist or {}).get(key)))
