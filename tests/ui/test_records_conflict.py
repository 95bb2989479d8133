"""Two stations, one patient, through the window: the second save shows both versions and the user keeps
theirs or overwrites with mine; nothing typed is lost. On SQLite and PostgreSQL (two store connections)."""

from __future__ import annotations

import pytest

from mesomap.store import patients
from mesomap.store.store import open_store
from mesomap.ui.records_conflict import KEEP_THEIRS, OVERWRITE, ConflictDialog
from mesomap.ui.records_window import fill_patient_form
from mesomap.ui.records_forms import PatientForm
from tests.store.conftest import db_url, pg_cluster  # noqa: F401 — the fixtures, on both backends
from tests.ui.records_helpers import records_db  # noqa: F401


@pytest.mark.parametrize("choice", [KEEP_THEIRS, OVERWRITE])
def test_a_stale_edit_shows_both_versions_and_keeps_the_chosen_one(window, qtbot, records_db, monkeypatch, choice):
    other = open_store(records_db, actor="room-2").store  # the second station
    try:
        created = patients.add_patient(other, "Eva Stein", record_number="E-1", contact="old@x")
        rw = window.records.show_patients()
        rw.select(created.id)
        assert rw.page.patient.version == 1  # this station has version 1 on screen
        patients.update_patient(other, created.id, 1, contact="desk@x")  # the other station saves first

        def typed(patient, values=None):
            form = PatientForm(patient)
            form.contact.setText("room2@x")
            form.notes.setPlainText("allergic to lidocaine")
            return form.values()

        seen = []

        def answer(err):
            dialog = ConflictDialog(err)
            seen.append([[dialog.table.item(i, j).text() for j in range(3)] for i in range(dialog.table.rowCount())])
            (dialog.mine_button if choice == OVERWRITE else dialog.theirs_button).click()
            return dialog.choice

        monkeypatch.setattr(rw, "ask_patient", typed)
        monkeypatch.setattr(rw, "ask_conflict", answer)
        rw.page.edit_button.click()
        assert seen == [[["contact", "room2@x", "desk@x"], ["notes", "allergic to lidocaine", "—"]]]
        stored = patients.get_patient(other, created.id)
        if choice == OVERWRITE:
            assert (stored.contact, stored.notes, stored.version) == ("room2@x", "allergic to lidocaine", 3)
        else:
            assert (stored.contact, stored.notes, stored.version) == ("desk@x", "", 2)
        assert rw.page.patient == stored  # the page shows what is stored now
        assert stored.contact in rw.page.details.text()
    finally:
        other.close()


def test_a_refused_new_patient_comes_back_with_what_was_typed(window, qtbot, records_db, monkeypatch, errors):
    store = open_store(records_db).store
    patients.add_patient(store, "First", record_number="MM-1")
    store.close()
    rw = window.records.show_patients()
    answers = iter([dict(name="Second", record_number="MM-1", date_of_birth=None, sex="", contact="c", notes="n",
                         consent_signed_on=None, checklist=None, checklist_answered_on=None), None])
    given = []

    def ask(patient=None, values=None):
        given.append(values)
        if values is not None:  # the form is filled again with what was typed
            form = PatientForm()
            fill_patient_form(form, values)
            assert (form.name.text(), form.record_number.text(), form.contact.text()) == ("Second", "MM-1", "c")
        return next(answers)

    monkeypatch.setattr(rw, "ask_patient", ask)
    rw.add_button.click()
    assert errors and "MM-1" in errors[0]
    assert given[1]["name"] == "Second"
