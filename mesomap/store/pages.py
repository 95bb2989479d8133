"""The patient page (everything about one patient in one read) and erasing a patient."""

from __future__ import annotations

from sqlalchemy import delete, select

from mesomap.store import audit, patients
from mesomap.store.courses import courses_of
from mesomap.store.records import PatientPage
from mesomap.store.schema import courses, lot_uses, sessions
from mesomap.store.schema import patients as patient_rows
from mesomap.store.sessions import sessions_of
from mesomap.store.store import Store


def open_patient(store: Store, patient_id: int) -> PatientPage:
    """The patient page: the patient, their courses, and every session (by date) with the lots used."""
    with store.read() as conn:
        return PatientPage(patients.load(conn, patient_id), tuple(courses_of(conn, patient_id)),
                           tuple(sessions_of(conn, patient_id)))


def erase_patient(store: Store, patient_id: int) -> None:
    """Erase the patient and everything recorded about them (courses, sessions, lots used);
    the audit log keeps an "erase" entry with the row id only (it never held values)."""
    with store.begin() as conn:
        patients.load(conn, patient_id)
        session_ids = select(sessions.c.id).where(sessions.c.patient_id == patient_id).scalar_subquery()
        conn.execute(delete(lot_uses).where(lot_uses.c.session_id.in_(session_ids)))
        conn.execute(delete(sessions).where(sessions.c.patient_id == patient_id))
        conn.execute(delete(courses).where(courses.c.patient_id == patient_id))
        conn.execute(delete(patient_rows).where(patient_rows.c.id == patient_id))
        audit.record(conn, store.actor, "patients", patient_id, "erase")
