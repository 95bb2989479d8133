"""The records' tables (SQLAlchemy Core): one definition for SQLite and PostgreSQL.

Alembic owns the schema's history (:mod:`mesomap.store.migrations`); these tables are the head
revision, used by the queries. Every editable row has a ``version`` column for optimistic
locking (:mod:`mesomap.store.locking`). Dates are ``Date``; a session's ``scheduled_at`` is the
clinic's wall-clock time as entered; the moments mesomap stamps itself (``created_at``,
``done_at``, ``audit.at``) are timezone-naive UTC. Volumes are millilitres (``*_ml``).
"""

from __future__ import annotations

from sqlalchemy import (JSON, Boolean, Column, Date, DateTime, Float, ForeignKey, Index, Integer, MetaData, String,
                        Table, Text, UniqueConstraint)

NAMING = {"ix": "ix_%(column_0_label)s", "uq": "uq_%(table_name)s_%(column_0_name)s",
          "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s", "pk": "pk_%(table_name)s"}
metadata = MetaData(naming_convention=NAMING)


def _version() -> Column:
    return Column("version", Integer, nullable=False, default=1)


clinicians = Table(
    "clinicians", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    _version(),
)

patients = Table(
    "patients", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("name_key", Text, nullable=False),  # casefolded name: what search-as-you-type compares
    Column("record_number", String(64), nullable=True, unique=True),
    Column("date_of_birth", Date, nullable=True),
    Column("sex", String(16), nullable=False, default=""),
    Column("contact", Text, nullable=False, default=""),
    Column("notes", Text, nullable=False, default=""),
    Column("checklist", JSON, nullable=True),  # {contraindication key: bool}
    Column("checklist_answered_on", Date, nullable=True),
    Column("consent_signed_on", Date, nullable=True),
    Column("created_at", DateTime, nullable=False),
    _version(),
    Index("ix_patients_name_key", "name_key"),
)

products = Table(
    "products", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("maker", Text, nullable=False, default=""),
    Column("volume_ml", Float, nullable=True),
    _version(),
)

lots = Table(
    "lots", metadata,
    Column("id", Integer, primary_key=True),
    Column("product_id", Integer, ForeignKey("products.id"), nullable=False),
    Column("lot_number", String(64), nullable=False),
    Column("expiry", Date, nullable=True),
    _version(),
    UniqueConstraint("product_id", "lot_number", name="uq_lots_product_lot"),
    Index("ix_lots_lot_number", "lot_number"),
)

courses = Table(
    "courses", metadata,
    Column("id", Integer, primary_key=True),
    Column("patient_id", Integer, ForeignKey("patients.id", ondelete="CASCADE"), nullable=False),
    Column("indication", Text, nullable=False, default=""),
    Column("planned_sessions", Integer, nullable=False),
    Column("interval_days", Integer, nullable=False),
    Column("maintenance_sessions", Integer, nullable=False),
    Column("maintenance_interval_days", Integer, nullable=False),
    Column("start_date", Date, nullable=False),
    _version(),
    Index("ix_courses_patient_id", "patient_id"),
)

sessions = Table(
    "sessions", metadata,
    Column("id", Integer, primary_key=True),
    Column("course_id", Integer, ForeignKey("courses.id", ondelete="CASCADE"), nullable=False),
    Column("patient_id", Integer, ForeignKey("patients.id", ondelete="CASCADE"), nullable=False),
    Column("number", Integer, nullable=False),  # session n of the course's N
    Column("scheduled_at", DateTime, nullable=False),
    Column("clinician_id", Integer, ForeignKey("clinicians.id"), nullable=True),
    Column("plan_json", Text, nullable=True),  # the plan file's JSON text, frozen once done_at is set
    Column("done_at", DateTime, nullable=True),
    Column("injections_planned", Integer, nullable=True),
    Column("injections_done", Integer, nullable=True),
    Column("notes", Text, nullable=False, default=""),
    Column("adverse_events", Text, nullable=False, default=""),
    _version(),
    Index("ix_sessions_patient_id_scheduled_at", "patient_id", "scheduled_at"),
    Index("ix_sessions_course_id", "course_id"),
)

lot_uses = Table(  # a product lot used in a session
    "lot_uses", metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", Integer, ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
    Column("lot_id", Integer, ForeignKey("lots.id"), nullable=False),
    Column("volume_ml", Float, nullable=True),
    Column("expired_confirmed", Boolean, nullable=False, default=False),
    Index("ix_lot_uses_lot_id", "lot_id"),
    Index("ix_lot_uses_session_id", "session_id"),
)

audit = Table(  # append-only: rows are inserted, never updated or deleted; field names only, never values
    "audit", metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime, nullable=False),
    Column("actor", Text, nullable=False),
    Column("table_name", String(32), nullable=False),
    Column("row_id", Integer, nullable=True),
    Column("action", String(32), nullable=False),
    Column("fields", JSON, nullable=False),
    Column("detail", JSON, nullable=True),
    Index("ix_audit_table_name_row_id", "table_name", "row_id"),
)

#: Editable tables (they have a ``version`` column).
VERSIONED = {t.name: t for t in (clinicians, patients, products, lots, courses, sessions)}
