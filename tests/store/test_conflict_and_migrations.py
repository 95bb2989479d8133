"""Two stations editing one patient, and databases made by older mesomap versions, on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest
from sqlalchemy import create_engine, text

from mesomap.store import migrate, patients
from mesomap.store.errors import ConflictError, StoreError
from mesomap.store.store import open_store


def test_the_second_station_saving_a_stale_patient_gets_a_conflict_with_both_versions(db_url):
    one, two = open_store(db_url, actor="desk").store, open_store(db_url, actor="room-2").store
    try:
        created = patients.add_patient(one, "Eva Stein", contact="old@x")
        seen_by_one = patients.get_patient(one, created.id)  # both stations load version 1
        seen_by_two = patients.get_patient(two, created.id)
        patients.update_patient(one, seen_by_one.id, seen_by_one.version, contact="desk@x")
        with pytest.raises(ConflictError) as caught:
            patients.update_patient(two, seen_by_two.id, seen_by_two.version, contact="room2@x", notes="allergic")
        err = caught.value
        assert err.base_version == 1 and err.stored_version == 2
        assert err.mine == {"contact": "room2@x", "notes": "allergic"}  # nothing the second station typed is lost
        assert err.theirs.contact == "desk@x"
        assert "changed at another station" in str(err) and "version 1" in str(err) and "version 2" in str(err)
        assert patients.get_patient(two, created.id).contact == "desk@x"  # the first save stands
        retried = patients.update_patient(two, created.id, err.stored_version, **err.mine)
        assert (retried.contact, retried.notes, retried.version) == ("room2@x", "allergic", 3)
    finally:
        one.close()
        two.close()


def test_migrations_run_from_base_to_head(db_url):
    engine = create_engine(db_url)
    try:
        migrate.upgrade(engine, "0001")
        assert migrate.revisions(engine).current == "0001"
        migrate.upgrade(engine, "head")
        revs = migrate.revisions(engine)
        assert revs.up_to_date and revs.current == migrate.head_revision() == "0003"
    finally:
        engine.dispose()


def test_where_a_database_stands_is_read_as_alembic_reads_it(db_url):
    """The store reads a database's revision and the scripts' history without Alembic (it takes 0.45 s to import on
    every records command): both readings must be Alembic's own, at every step of the history."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.script_revisions() == {s.revision: s.down_revision for s in scripts.walk_revisions()}
    assert migrate.head_revision() == scripts.get_current_head()
    engine = create_engine(db_url)
    try:
        steps = [None] + [s.revision for s in reversed(list(scripts.walk_revisions()))]
        for step in steps:
            if step is not None:
                migrate.upgrade(engine, step)
            with engine.connect() as conn:
                assert migrate.current_revision(conn) == MigrationContext.configure(conn).get_current_revision() == step
    finally:
        engine.dispose()


def test_a_records_command_does_not_load_alembic(tmp_path):
    """Opening the records and listing patients (what every records command and the records window do first) leaves
    Alembic unloaded once the database is at the head revision."""
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'records.sqlite'}"
    open_store(url).store.close()  # created (and migrated) here
    probe = ("import sys; from mesomap.store.store import open_store; from mesomap.store import patients; "
             f"s = open_store({url!r}).store; patients.search_patients(s, 'a'); s.close(); "
             "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def _old_database_with_a_patient(url: str) -> None:
    """A database at revision 0001 holding a patient with a course, a session and a lot used."""
    engine = create_engine(url)
    migrate.upgrade(engine, "0001")
    with engine.begin() as conn:
        for sql in ("INSERT INTO patients (id, name, sex, contact, notes, created_at, version) "
                    "VALUES (1, 'Öda Älter', '', '', '', '2025-01-01 00:00:00', 1)",
                    "INSERT INTO courses VALUES (1, 1, 'face', 6, 7, 2, 30, '2025-01-06', 1)",
                    "INSERT INTO sessions (id, course_id, patient_id, number, scheduled_at, notes, adverse_events, "
                    "version) VALUES (1, 1, 1, 1, '2025-01-06 10:00:00', 'kept', '', 1)",
                    "INSERT INTO products VALUES (1, 'HA', '', 5.0, 1)",
                    "INSERT INTO lots VALUES (1, 1, 'L-OLD', '2030-01-01', 1)",
                    "INSERT INTO lot_uses VALUES (1, 1, 1, 1.5, false)"):
            conn.execute(text(sql))
    engine.dispose()


def _kept_everything(store) -> None:
    from mesomap.store import lots, pages

    page = pages.open_patient(store, 1)
    assert [c.indication for c in page.courses] == ["face"] and [s.notes for s in page.sessions] == ["kept"]
    assert [r.name for r in lots.recall(store, "L-OLD")] == ["Öda Älter"]


def test_an_old_sqlite_database_is_backed_up_then_upgraded_on_open(tmp_path):
    path = tmp_path / "records.sqlite3"
    url = f"sqlite:///{path}"
    _old_database_with_a_patient(url)
    opened = open_store(url)
    try:
        assert [m.code for m in opened.notes] == ["database_upgraded"]
        backups = list(tmp_path.glob("records.sqlite3.rev0001-*.bak"))
        assert len(backups) == 1 and str(backups[0]) in str(opened.notes[0])
        with sqlite3.connect(backups[0]) as old:
            assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
            assert old.execute("SELECT name FROM patients").fetchall() == [("Öda Älter",)]
        assert stat.S_IMODE(os.stat(backups[0]).st_mode) == 0o600
        assert [p.name for p in patients.search_patients(opened.store, "öda")] == ["Öda Älter"]  # name_key filled
        _kept_everything(opened.store)  # rebuilding the patients table cascaded nothing away
    finally:
        opened.store.close()
    again = open_store(url)  # up to date: no second backup
    again.store.close()
    assert again.notes == [] and len(list(tmp_path.glob("*.bak"))) == 1


def test_an_old_postgresql_database_waits_for_db_upgrade(pg_cluster):
    url = pg_cluster.create_database("mesomap_old_schema")
    try:
        _old_database_with_a_patient(url)
        with pytest.raises(StoreError, match="schema revision 0001 and this mesomap needs 0003: back it up"):
            open_store(url)
        opened = open_store(url, upgrade=True)
        assert [p.name for p in patients.search_patients(opened.store, "öda")] == ["Öda Älter"]
        _kept_everything(opened.store)
        opened.store.close()
    finally:
        pg_cluster.drop_database("mesomap_old_schema")


def test_a_new_sqlite_database_is_readable_by_its_owner_only(tmp_path, monkeypatch):
    monkeypatch.setenv("MESOMAP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MESOMAP_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("MESOMAP_DATABASE_URL", raising=False)
    old_umask = os.umask(0o022)  # the usual umask would leave a new file world-readable
    try:
        opened = open_store()
        patients.add_patient(opened.store, "Eva")
        opened.store.close()
    finally:
        os.umask(old_umask)
    path = tmp_path / "data" / "records.sqlite3"
    assert opened.created and stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_a_file_that_is_not_a_records_database_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"just some text, not a database" * 10)
    with pytest.raises(StoreError, match="is not a mesomap records database"):
        open_store(f"sqlite:///{path}")
    assert path.read_bytes() == b"just some text, not a database" * 10
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE x (a)")
    with pytest.raises(StoreError, match="is not a mesomap records database"):
        open_store(f"sqlite:///{other}")
