"""Optimistic locking: an edit names the version it was based on; a stale one raises a conflict holding both sides."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Connection

from mesomap.store.errors import ConflictError


def versioned_update(conn: Connection, table: Table, row_id: int, base_version: int, values: dict[str, Any],
                     what: str, load: Callable[[Connection, int], Any]) -> int:
    """UPDATE the row if it is still at ``base_version``; return the new version.

    Raises :class:`ConflictError` (``mine``: ``values``; ``theirs``: ``load(conn, row_id)``, the
    row as stored now) when another station saved it first; :class:`NotFound` (from ``load``) if it is gone.
    """
    result = conn.execute(table.update().where(table.c.id == row_id, table.c.version == base_version)
                          .values(**values, version=base_version + 1))
    if result.rowcount != 1:
        theirs = load(conn, row_id)
        raise ConflictError(what, row_id, base_version, dict(values), theirs)
    return base_version + 1
