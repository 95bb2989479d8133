"""The first records schema: clinicians, patients, products, lots, courses, sessions, lot uses, audit.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _version():
    return sa.Column("version", sa.Integer, nullable=False)


def upgrade() -> None:
    op.create_table("clinicians", sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("name", sa.Text, nullable=False), _version())
    op.create_table(
        "patients", sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("record_number", sa.String(64), nullable=True),
        sa.Column("date_of_birth", sa.Date, nullable=True),
        sa.Column("sex", sa.String(16), nullable=False),
        sa.Column("contact", sa.Text, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("checklist", sa.JSON, nullable=True),
        sa.Column("checklist_answered_on", sa.Date, nullable=True),
        sa.Column("consent_signed_on", sa.Date, nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        _version(),
        sa.UniqueConstraint("record_number", name="uq_patients_record_number"),
    )
    op.create_table("products", sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("name", sa.Text, nullable=False), sa.Column("maker", sa.Text, nullable=False),
                    sa.Column("volume_ml", sa.Float, nullable=True), _version())
    op.create_table(
        "lots", sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("product_id", sa.Integer, sa.ForeignKey("products.id", name="fk_lots_product_id_products"),
                  nullable=False),
        sa.Column("lot_number", sa.String(64), nullable=False),
        sa.Column("expiry", sa.Date, nullable=True),
        _version(),
        sa.UniqueConstraint("product_id", "lot_number", name="uq_lots_product_lot"),
    )
    op.create_index("ix_lots_lot_number", "lots", ["lot_number"])
    op.create_table(
        "courses", sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("patient_id", sa.Integer, sa.ForeignKey("patients.id", ondelete="CASCADE",
                                                          name="fk_courses_patient_id_patients"), nullable=False),
        sa.Column("indication", sa.Text, nullable=False),
        sa.Column("planned_sessions", sa.Integer, nullable=False),
        sa.Column("interval_days", sa.Integer, nullable=False),
        sa.Column("maintenance_sessions", sa.Integer, nullable=False),
        sa.Column("maintenance_interval_days", sa.Integer, nullable=False),
        sa.Column("start_date", sa.Date, nullable=False),
        _version(),
    )
    op.create_index("ix_courses_patient_id", "courses", ["patient_id"])
    op.create_table(
        "sessions", sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("course_id", sa.Integer, sa.ForeignKey("courses.id", ondelete="CASCADE",
                                                         name="fk_sessions_course_id_courses"), nullable=False),
        sa.Column("patient_id", sa.Integer, sa.ForeignKey("patients.id", ondelete="CASCADE",
                                                          name="fk_sessions_patient_id_patients"), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("scheduled_at", sa.DateTime, nullable=False),
        sa.Column("clinician_id", sa.Integer, sa.ForeignKey("clinicians.id", name="fk_sessions_clinician_id_clinicians"),
                  nullable=True),
        sa.Column("plan_json", sa.Text, nullable=True),
        sa.Column("done_at", sa.DateTime, nullable=True),
        sa.Column("injections_planned", sa.Integer, nullable=True),
        sa.Column("injections_done", sa.Integer, nullable=True),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("adverse_events", sa.Text, nullable=False),
        _version(),
    )
    op.create_index("ix_sessions_patient_id_scheduled_at", "sessions", ["patient_id", "scheduled_at"])
    op.create_index("ix_sessions_course_id", "sessions", ["course_id"])
    op.create_table(
        "lot_uses", sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("session_id", sa.Integer, sa.ForeignKey("sessions.id", ondelete="CASCADE",
                                                          name="fk_lot_uses_session_id_sessions"), nullable=False),
        sa.Column("lot_id", sa.Integer, sa.ForeignKey("lots.id", name="fk_lot_uses_lot_id_lots"), nullable=False),
        sa.Column("volume_ml", sa.Float, nullable=True),
        sa.Column("expired_confirmed", sa.Boolean, nullable=False),
    )
    op.create_index("ix_lot_uses_lot_id", "lot_uses", ["lot_id"])
    op.create_index("ix_lot_uses_session_id", "lot_uses", ["session_id"])
    op.create_table(
        "audit", sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("table_name", sa.String(32), nullable=False),
        sa.Column("row_id", sa.Integer, nullable=True),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("fields", sa.JSON, nullable=False),
        sa.Column("detail", sa.JSON, nullable=True),
    )
    op.create_index("ix_audit_table_name_row_id", "audit", ["table_name", "row_id"])


def downgrade() -> None:
    for table in ("audit", "lot_uses", "sessions", "courses", "lots", "products", "patients", "clinicians"):
        op.drop_table(table)
