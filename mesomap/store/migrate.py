"""The schema's history, run from code: Alembic with its scripts inside the package (no alembic.ini).

:func:`upgrade` brings a database to the head revision; :func:`revisions` says where it stands.
SQLite backups use the online backup API (:func:`backup_sqlite`), so a database in use is copied
consistently.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


@dataclass(frozen=True)
class Revisions:
    current: str | None  # None: an empty database (or one mesomap never set up)
    head: str

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head

    @property
    def too_new(self) -> bool:
        return self.current is not None and self.current not in known_revisions()


def revisions(engine: Engine) -> Revisions:
    with engine.connect() as conn:
        return Revisions(MigrationContext.configure(conn).get_current_revision(), head_revision())


def upgrade(engine: Engine, target: str = "head") -> None:
    """Run every migration up to ``target`` ("head", or a revision id such as "0001") in one transaction.

    On SQLite, foreign keys are off meanwhile: a batch migration rebuilds a table (copy, drop, rename),
    and dropping ``patients`` with foreign keys on would cascade-delete every course and session.
    The keys are checked before the transaction commits.
    """
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")  # outside a transaction, or it does nothing
            conn.commit()
        try:
            with conn.begin():
                command.upgrade(alembic_config(conn), target)
                if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                    raise RuntimeError("a migration left rows pointing to missing rows; nothing was changed")
        finally:
            if sqlite:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()


def _read_only_uri(path: Path) -> str:
    return Path(path).resolve().as_uri() + "?mode=ro"  # percent-encoded: any file name is safe


def _copy_database(source: Path, target: Path) -> None:
    """Copy every page of SQLite database ``source`` into ``target`` with the online backup API."""
    src = sqlite3.connect(_read_only_uri(source), uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def backup_sqlite(source: Path, target: Path) -> Path:
    """Copy the SQLite database ``source`` to ``target`` (created owner-only, 0600) with the online backup API."""
    from mesomap.store.location import create_private_file

    target = Path(target)
    if target.exists():
        target.unlink()
    create_private_file(target)
    _copy_database(source, target)
    return target


def restore_sqlite(source: Path, target: Path) -> None:
    """Replace the database ``target``'s contents with the backup ``source`` (online backup API, in place)."""
    _copy_database(source, target)


def sqlite_revision(path: Path) -> str | None:
    """The schema revision of the SQLite file ``path``; raises sqlite3.DatabaseError if it is no database."""
    conn = sqlite3.connect(_read_only_uri(path), uri=True)
    try:
        has = conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'").fetchone()
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] if has else None
    finally:
        conn.close()
