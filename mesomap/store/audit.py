"""The append-only audit log: who, when, what changed (table, row, action, the changed fields' names).

Values are never logged, only field names, so the log holds no personal data and an erased
patient leaves nothing of theirs in it. Rows are only ever inserted.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from mesomap.store.records import AuditEntry
from mesomap.store.schema import audit


def utc_now() -> datetime:
    """Now in UTC, naive (the store's moments are all UTC), to the second."""
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


def record(conn: Connection, actor: str, table: str, row_id: int | None, action: str,
           fields: Iterable[str] = (), detail: dict[str, Any] | None = None) -> None:
    """Append one entry; ``detail`` must hold no personal data (ids, lot numbers, dates of lots)."""
    conn.execute(audit.insert().values(at=utc_now(), actor=actor, table_name=table, row_id=row_id, action=action,
                                       fields=sorted(fields), detail=detail))


def entries(conn: Connection, table: str | None = None, row_id: int | None = None) -> list[AuditEntry]:
    """The log, oldest first; only one table's (and one row's) entries when given."""
    q = select(audit).order_by(audit.c.id)
    if table is not None:
        q = q.where(audit.c.table_name == table)
    if row_id is not None:
        q = q.where(audit.c.row_id == row_id)
    return [AuditEntry(**row._mapping) for row in conn.execute(q)]
