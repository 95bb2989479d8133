"""Search as you type: a casefolded name column with an index; on PostgreSQL, trigram indexes for substrings.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("patients") as batch:
        batch.add_column(sa.Column("name_key", sa.Text, nullable=True))
    bind = op.get_bind()
    patients = sa.table("patients", sa.column("id", sa.Integer), sa.column("name", sa.Text),
                        sa.column("name_key", sa.Text))
    rows = bind.execute(sa.select(patients.c.id, patients.c.name)).all()
    if rows:  # casefold in Python: the same folding the store applies to new names
        bind.execute(patients.update().where(patients.c.id == sa.bindparam("pid"))
                     .values(name_key=sa.bindparam("key")),
                     [{"pid": pid, "key": name.casefold()} for pid, name in rows])
    with op.batch_alter_table("patients") as batch:
        batch.alter_column("name_key", existing_type=sa.Text, nullable=False)
    op.create_index("ix_patients_name_key", "patients", ["name_key"])
    if bind.dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")  # a trusted extension: the database owner may add it
        op.execute("CREATE INDEX ix_patients_name_key_prefix ON patients (name_key text_pattern_ops)")
        op.execute("CREATE INDEX ix_patients_record_number_prefix ON patients (record_number text_pattern_ops)")
        op.execute("CREATE INDEX ix_patients_name_key_trgm ON patients USING gin (name_key gin_trgm_ops)")
        op.execute("CREATE INDEX ix_patients_record_number_trgm ON patients USING gin (record_number gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name in ("ix_patients_record_number_trgm", "ix_patients_name_key_trgm", "ix_patients_record_number_prefix",
                     "ix_patients_name_key_prefix"):
            op.drop_index(name, table_name="patients")
    op.drop_index("ix_patients_name_key", table_name="patients")
    with op.batch_alter_table("patients") as batch:
        batch.drop_column("name_key")
