"""The schema's history, run from code: Alembic with its scripts inside the package (no alembic.ini).

:func:`upgrade` brings a database to the head revision; :func:`revisions` says where it stands.
SQLite backups use the online backup API (:func:`backup_sqlite`), so a database in use is copied
consistently.

Alembic is imported only to upgrade: every records command and the records window open the store and
ask where its schema stands, and importing Alembic for that took a third of a records command's time
(`mesomap patients list`: 0.74 → 0.49 s with compiled modules kept, as dev.sh runs it). Where a
database stands is one row of Alembic's version table; the scripts' revision ids are read from their
source (:func:`script_revisions`), and a test holds both readings to what Alembic itself says.
"""

from __future__ import annotations

import ast
import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

MIGRATIONS = Path(__file__).with_name("migrations")
#: Alembic's table holding a database's revision (its default name, which env.py keeps).
VERSION_TABLE = "alembic_version"


def alembic_config(connection: Connection | None = None):
    """Alembic's Config for the package's scripts (and, given, the connection env.py runs the migrations on)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def script_revisions() -> dict[str, str | None]:
    """{revision id: the revision it follows (None for the first)} of the migration scripts in versions/.

    Read from each script's module-level ``revision = "…"`` and ``down_revision = …`` assignments (literals,
    as Alembic writes them), without importing the scripts or Alembic.
    """
    chain: dict[str, str | None] = {}
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        found = {}
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                if node.targets[0].id in ("revision", "down_revision"):
                    found[node.targets[0].id] = ast.literal_eval(node.value)
        if "revision" in found:
            chain[found["revision"]] = found.get("down_revision")
    return chain


def head_revision() -> str:
    """The revision no script follows (the history is one line: a branch would be a bug, and raises)."""
    chain = script_revisions()
    heads = set(chain) - set(chain.values())
    if len(heads) != 1:
        raise RuntimeError(f"the migration scripts have {len(heads)} heads: {sorted(heads)}")
    return heads.pop()


def known_revisions() -> set[str]:
    return set(script_revisions())


def current_revision(conn: Connection) -> str | None:
    """The revision a database is at (None: no version table, or an empty one — a database never set up)."""
    if not inspect(conn).has_table(VERSION_TABLE):
        return None
    return conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


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
        return Revisions(current_revision(conn), head_revision())


def upgrade(engine: Engine, target: str = "head") -> None:
    """Run every migration up to ``target`` ("head", or a revision id such as "0001") in one transaction.

    On SQLite, foreign keys are off meanwhile: a batch migration rebuilds a table (copy, drop, rename),
    and dropping ``patients`` with foreign keys on would cascade-delete every course and session.
    The keys are checked before the transaction commits.
    """
    from alembic import command

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
        has = conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name=?", (VERSION_TABLE,)).fetchone()
        row = conn.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone() if has else None
        return row[0] if row else None
    finally:
        conn.close()
