"""Opening the records: the engine for a URL, the schema brought up to date, a backup before any upgrade.

>>> opened = open_store("sqlite:////tmp/records.sqlite3", actor="Dr Ivanova")
>>> store = opened.store   # pass it to the query functions (mesomap.store.patients, courses, sessions, lots)

SQLite (the default, one desk): the file is created owner-only (0600); a path on a network
filesystem is opened with a warning (SQLite's locking is not safe there). An older SQLite
database is backed up beside itself (online backup API) and then upgraded. PostgreSQL (a
clinic): a new, empty database gets the schema; an older one is upgraded only by
``mesomap db upgrade`` after a ``pg_dump``, since every station shares it.
"""

from __future__ import annotations

import getpass
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import URL, Connection, Engine, make_url

from mesomap.model.messages import Message
from mesomap.store import location, migrate
from mesomap.store.errors import (DATABASE_NEEDS_UPGRADE, DATABASE_NETWORK_FS, DATABASE_NOT_RECORDS,
                                  DATABASE_TOO_NEW, DATABASE_UPGRADED, StoreError)


class Store:
    """An open records database and who is working on it (``actor``, written in the audit log)."""

    def __init__(self, engine: Engine, actor: str):
        self.engine, self.actor = engine, actor
        self._trigrams: bool | None = None  # SQLite's FTS5 trigram index is there (found on first search)

    @property
    def backend(self) -> str:
        """"sqlite" or "postgresql"."""
        return self.engine.dialect.name

    @property
    def sqlite_path(self) -> Path | None:
        return location.sqlite_path(self.engine.url)

    @contextmanager
    def begin(self):
        """One transaction: committed at the end of the block, rolled back if it raises."""
        with self.engine.begin() as conn:
            yield conn

    def read(self) -> Connection:
        return self.engine.connect()

    def close(self) -> None:
        self.engine.dispose()


@dataclass
class Opened:
    store: Store
    notes: list[Message] = field(default_factory=list)  # warnings (network filesystem) and what was done (upgrade)
    created: bool = False


def _driver(url: URL) -> URL:
    if url.drivername in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+psycopg")
    return url


def _on_connect_sqlite(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")  # the courses and sessions of an erased patient go with them
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def make_engine(url: str | URL) -> Engine:
    """An engine for ``url``, SQLite with foreign keys on; the SQLite file is created owner-only first."""
    url = _driver(make_url(url))
    path = location.sqlite_path(url)
    if path is not None:
        location.create_private_file(path)
    engine = create_engine(url, future=True, pool_pre_ping=url.get_backend_name() != "sqlite")
    if url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _on_connect_sqlite)
    return engine


def backup_path(path: Path, label: str) -> Path:
    """``records.sqlite3.LABEL-20260314T093000Z.bak`` beside the database."""
    from mesomap.store.audit import utc_now

    stamp = utc_now().strftime("%Y%m%dT%H%M%SZ")
    return path.with_name(f"{path.name}.{label}-{stamp}.bak")


def open_store(url: str | URL | None = None, actor: str | None = None, upgrade: bool | None = None) -> Opened:
    """Open (creating or upgrading as needed, see the module doc) the records at ``url`` (None: resolved).

    ``upgrade``: upgrade an older schema (None: SQLite yes, after a backup; PostgreSQL no, it raises).
    """
    url = location.resolve_url(None).url if url is None else make_url(url)
    notes: list[Message] = []
    path = location.sqlite_path(url)
    if path is not None:
        fs = location.on_network_filesystem(path)
        if fs:
            notes.append(DATABASE_NETWORK_FS(path=str(path), fs=fs))
        existed = path.exists() and path.stat().st_size > 0
        if existed:
            try:
                migrate.sqlite_revision(path)
            except sqlite3.DatabaseError:
                raise StoreError(DATABASE_NOT_RECORDS(path=str(path))) from None
    engine = make_engine(url)
    store = Store(engine, actor or getpass.getuser())
    try:
        created = _bring_up_to_date(store, notes, upgrade)
    except BaseException:
        engine.dispose()
        raise
    return Opened(store, notes, created)


def _bring_up_to_date(store: Store, notes: list[Message], upgrade: bool | None) -> bool:
    revs = migrate.revisions(store.engine)
    if revs.too_new:
        raise StoreError(DATABASE_TOO_NEW(current=revs.current))
    if revs.up_to_date:
        return False
    if revs.current is None:
        with store.engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
        if tables:
            target = str(store.sqlite_path or location.display_url(store.engine.url))
            raise StoreError(DATABASE_NOT_RECORDS(path=target))
        migrate.upgrade(store.engine)  # a new database: nothing to keep
        return True
    path = store.sqlite_path
    if not (upgrade if upgrade is not None else path is not None):
        raise StoreError(DATABASE_NEEDS_UPGRADE(current=revs.current, head=revs.head))
    if path is None:
        migrate.upgrade(store.engine)
        notes.append(DATABASE_UPGRADED(before=revs.current, head=revs.head, backup="(pg_dump)"))
        return False
    backup = migrate.backup_sqlite(path, backup_path(path, f"rev{revs.current}"))
    migrate.upgrade(store.engine)
    notes.append(DATABASE_UPGRADED(before=revs.current, head=revs.head, backup=str(backup)))
    return False
