"""Substring search on SQLite: an FTS5 trigram index over the casefolded name and the record number.

PostgreSQL got pg_trgm indexes in 0002. On SQLite a substring LIKE cannot use an index and a rare
substring scans every patient in name order (≈ 170 ms at 100,000 patients); the FTS5 ``trigram``
tokenizer (SQLite 3.34+) finds substrings of 3 or more characters through an index. The index is an
external-content table kept in step by triggers. An SQLite built without FTS5 keeps working
without it: the search falls back to scanning.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TRIGGERS = {
    "patients_search_insert": "AFTER INSERT ON patients BEGIN "
    "INSERT INTO patients_search(rowid, name_key, record_number) VALUES (new.id, new.name_key, new.record_number); END",
    "patients_search_delete": "AFTER DELETE ON patients BEGIN "
    "INSERT INTO patients_search(patients_search, rowid, name_key, record_number) "
    "VALUES ('delete', old.id, old.name_key, old.record_number); END",
    "patients_search_update": "AFTER UPDATE OF name_key, record_number ON patients BEGIN "
    "INSERT INTO patients_search(patients_search, rowid, name_key, record_number) "
    "VALUES ('delete', old.id, old.name_key, old.record_number); "
    "INSERT INTO patients_search(rowid, name_key, record_number) VALUES (new.id, new.name_key, new.record_number); END",
}


def fts5_trigram_available(bind) -> bool:
    try:
        bind.exec_driver_sql("CREATE VIRTUAL TABLE temp.mesomap_fts_probe USING fts5(x, tokenize='trigram')")
    except sa.exc.OperationalError:
        return False
    bind.exec_driver_sql("DROP TABLE temp.mesomap_fts_probe")
    return True


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite" or not fts5_trigram_available(bind):
        return
    op.execute("CREATE VIRTUAL TABLE patients_search USING fts5(name_key, record_number, content='patients', "
               "content_rowid='id', tokenize='trigram')")
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    op.execute("INSERT INTO patients_search(patients_search) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS patients_search")
