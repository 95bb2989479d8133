"""The records as plain values: what the store's query functions return (frozen dataclasses, no database objects).

Screens and the command line show these; they never hold a connection. Dates are
:class:`datetime.date`, moments :class:`datetime.datetime` (naive: a session's time as the clinic
entered it; stamps such as ``done_at`` and ``created_at`` in UTC), volumes millilitres.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from mesomap.store.schedule import planned_dates

#: The contraindication checklist (../shared/domain/MESOTHERAPY.md, "Safety content"): key -> question.
CONTRAINDICATIONS: dict[str, str] = {
    "allergy": "allergy or intolerance to a component",
    "liver_kidney_disease": "liver or kidney disease",
    "coagulation_disorder": "coagulation disorder",
    "swelling_in_area": "swelling in the area",
    "fear_of_injections": "fear of injections",
    "pregnancy_breastfeeding": "pregnancy or breastfeeding",
    "epilepsy": "epilepsy",
    "anticoagulants": "aspirin or anticoagulants in the last two days",
}


@dataclass(frozen=True)
class Record:
    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: dates and moments as ISO 8601 text."""
        return {k: (v.isoformat() if isinstance(v, (date, datetime)) else v) for k, v in asdict(self).items()}


@dataclass(frozen=True)
class Patient(Record):
    id: int
    name: str
    record_number: str | None
    date_of_birth: date | None
    sex: str
    contact: str
    notes: str
    checklist: dict[str, bool] | None  # contraindication key -> answer (True: present)
    checklist_answered_on: date | None
    consent_signed_on: date | None
    created_at: datetime
    version: int

    @property
    def contraindications(self) -> list[str]:
        """The checklist keys answered yes."""
        return [k for k, v in (self.checklist or {}).items() if v]


@dataclass(frozen=True)
class PatientRow(Record):
    """One line of the patient list."""

    id: int
    name: str
    record_number: str | None
    date_of_birth: date | None


@dataclass(frozen=True)
class Clinician(Record):
    id: int
    name: str
    version: int


@dataclass(frozen=True)
class Product(Record):
    id: int
    name: str
    maker: str
    volume_ml: float | None
    version: int


@dataclass(frozen=True)
class Lot(Record):
    id: int
    product_id: int
    product: str
    lot_number: str
    expiry: date | None
    version: int

    def expired_on(self, day: date) -> bool:
        return self.expiry is not None and self.expiry < day


@dataclass(frozen=True)
class Course(Record):
    id: int
    patient_id: int
    indication: str
    planned_sessions: int
    interval_days: int
    maintenance_sessions: int
    maintenance_interval_days: int
    start_date: date
    version: int

    def planned_dates(self) -> list[date]:
        return planned_dates(self.start_date, self.planned_sessions, self.interval_days, self.maintenance_sessions,
                             self.maintenance_interval_days)


@dataclass(frozen=True)
class LotUse(Record):
    id: int
    session_id: int
    lot_id: int
    lot_number: str
    product: str
    expiry: date | None
    volume_ml: float | None
    expired_confirmed: bool


@dataclass(frozen=True)
class TreatmentSession(Record):
    id: int
    course_id: int
    patient_id: int
    number: int  # n of the course's N
    scheduled_at: datetime
    clinician_id: int | None
    clinician: str | None
    plan_json: str | None
    done_at: datetime | None
    injections_planned: int | None
    injections_done: int | None
    notes: str
    adverse_events: str
    version: int
    lots: tuple[LotUse, ...] = field(default=())

    @property
    def done(self) -> bool:
        return self.done_at is not None


@dataclass(frozen=True)
class PatientPage(Record):
    """Everything the patient page shows: the patient, the courses, every session with its lots."""

    patient: Patient
    courses: tuple[Course, ...]
    sessions: tuple[TreatmentSession, ...]  # by date


@dataclass(frozen=True)
class RecallRow(Record):
    """A patient who received a lot: who, how to reach them, when, how much."""

    patient_id: int
    name: str
    record_number: str | None
    contact: str
    session_id: int
    scheduled_at: datetime
    product: str
    lot_number: str
    volume_ml: float | None


@dataclass(frozen=True)
class AuditEntry(Record):
    id: int
    at: datetime
    actor: str
    table_name: str
    row_id: int | None
    action: str
    fields: list[str]
    detail: dict[str, Any] | None
