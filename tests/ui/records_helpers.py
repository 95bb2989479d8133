"""Helpers for the records window tests: forms filled the way a user fills them, and the database fixtures
of tests/store (every records GUI test runs on SQLite and on a throw-away PostgreSQL server)."""

from __future__ import annotations

from datetime import date

import pytest

from mesomap.ui.records_forms import CourseForm, DoneForm, LotForm, PatientForm, SessionForm


def typed_patient(name: str, record: str, contact: str = "+33 6 12 34 56 78", allergy: bool = False) -> dict:
    """Fill the Add patient form (details, checklist, consent) and read it back."""
    form = PatientForm()
    form.name.setText(name)
    form.record_number.setText(record)
    form.born.setText("1980-02-03")
    form.sex.setCurrentText("female")
    form.contact.setText(contact)
    form.checklist_box.setChecked(True)
    form.checks["allergy"].setChecked(allergy)
    form.checklist_date.setText("2026-01-02")
    form.consent.setText("2026-01-02")
    return form.values()


def typed_course(indication: str = "cellulite", start: str = "2026-01-05") -> dict:
    form = CourseForm()
    form.indication.setText(indication)
    form.start.setText(start)
    return form.values()


def typed_session(course, day: date, source: str, clinician: str = "Dr Morel", has_previous: bool = False) -> dict:
    form = SessionForm(course, day, [], has_previous)
    form.clinician.setCurrentText(clinician)
    form.sources[source].setChecked(True)
    return form.values()


def typed_new_lot(lots, day, product: str, lot_number: str, expiry: str, volume_ml: float) -> dict:
    form = LotForm(lots, day)
    form.choice.setCurrentIndex(form.choice.count() - 1)  # New lot…
    form.product.setText(product)
    form.lot_number.setText(lot_number)
    form.expiry.setText(expiry)
    form.volume.setValue(volume_ml)
    return form.values()


def typed_known_lot(lots, day, lot_number: str, volume_ml: float) -> dict:
    form = LotForm(lots, day)
    form.choice.setCurrentIndex(next(i for i, lot in enumerate(lots) if lot.lot_number == lot_number))
    form.volume.setValue(volume_ml)
    return form.values()


def typed_done(session, injections: int, notes: str = "", adverse: str = "") -> dict:
    form = DoneForm(session)
    form.injections.setValue(injections)
    form.notes.setPlainText(notes)
    form.adverse.setPlainText(adverse)
    return form.values()


@pytest.fixture
def records_db(db_url, monkeypatch):
    """The window's records go to a new database on each backend (through MESOMAP_DATABASE_URL)."""
    monkeypatch.setenv("MESOMAP_DATABASE_URL", db_url)
    return db_url
