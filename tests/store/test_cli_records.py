"""``mesomap patients|course|session|lots|db`` as a clinician types them, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import json
import os
import stat
import subprocess

import pytest


@pytest.fixture
def records(run_cli, db_url):
    """Run a records command against the test database; returns the CompletedProcess."""
    def run(*args: str):
        return run_cli(*args, "--database", db_url)
    return run


def _ok(done) -> str:
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_patient_a_course_two_sessions_with_lots_and_the_recall(records, tmp_path):
    _ok(records("patients", "add", "Anna Petrova", "--record-number", "MM-1", "--contact", "+33 6 12",
                "--checklist", "allergy=no", "--checklist", "epilepsy=yes", "--consent", "2026-01-02"))
    _ok(records("patients", "add", "=HYPERLINK(\"x\")", "--record-number", "MM-2", "--contact", "@evil"))
    planned = _ok(records("course", "add", "MM-1", "--indication", "cellulite", "--start", "2026-01-05",
                          "--sessions", "3", "--maintenance", "1"))
    assert "planned: 2026-01-05, 2026-01-12, 2026-01-19, 2026-02-18" in planned
    _ok(records("lots", "add", "B-77", "--product", "HA 1.5%", "--expiry", "2026-01-10"))
    first = _ok(records("session", "start", "1", "--at", "2026-01-05 10:00", "--clinician", "Dr Morel"))
    assert "(1 of 4)" in first and "Dr Morel" in first
    _ok(records("session", "lot", "1", "B-77", "--volume-ml", "2"))
    _ok(records("session", "done", "1", "--injections", "100"))
    _ok(records("session", "start", "1", "--at", "2026-01-12 10:00"))
    refused = records("session", "lot", "2", "B-77", "--volume-ml", "2")
    assert refused.returncode == 1 and "expired on 2026-01-10" in refused.stderr
    assert "--confirm-expired" in refused.stderr and "Traceback" not in refused.stderr
    used = _ok(records("session", "lot", "2", "B-77", "--volume-ml", "2", "--confirm-expired"))
    assert "EXPIRED, confirmed" in used
    _ok(records("course", "add", "MM-2", "--indication", "face", "--start", "2026-01-06"))
    _ok(records("session", "start", "2", "--at", "2026-01-06 09:00"))
    _ok(records("session", "lot", "3", "B-77", "--volume-ml", "1"))

    shown = _ok(records("patients", "show", "MM-1"))
    assert "contraindications epilepsy" in shown and "session 1 (1 of 4)" in shown and "injections 100/" in shown
    out = tmp_path / "recall.csv"
    said = _ok(records("lots", "recall", "B-77", "--csv", str(out)))
    assert "2 patients, 3 sessions" in said
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[0][:5] == ["patient_id", "name", "record_number", "contact", "session_date"]
    assert [(r[1], r[3], r[4]) for r in rows[1:]] == [("Anna Petrova", "'+33 6 12", "2026-01-05"),
                                                      ("'=HYPERLINK(\"x\")", "'@evil", "2026-01-06"),
                                                      ("Anna Petrova", "'+33 6 12", "2026-01-12")]
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    found = json.loads(_ok(records("patients", "list", "petr", "--json")))
    assert [p["record_number"] for p in found] == ["MM-1"]


def test_export_then_erase_a_patient(records, tmp_path):
    _ok(records("patients", "add", "Eva Stein", "--record-number", "E-1", "--notes", "שלום 😀"))
    out = tmp_path / "eva.json"
    _ok(records("patients", "export", "E-1", "--out", str(out)))
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["patient"]["notes"] == "שלום 😀" and record["@schema"] == "mesomap-patient-record-1"
    assert {q["key"] for q in record["patient"]["checklist"]} >= {"allergy", "epilepsy"}
    pdf = tmp_path / "eva.pdf"
    _ok(records("patients", "export", "E-1", "--out", str(pdf)))
    assert stat.S_IMODE(os.stat(pdf).st_mode) == 0o600
    words = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Eva Stein" in words and "E-1" in words and "epilepsy: not answered" in words
    no = records("patients", "erase", "E-1")
    assert no.returncode == 2 and "--yes" in no.stderr
    _ok(records("patients", "erase", "E-1", "--yes"))
    gone = records("patients", "show", "E-1")
    assert gone.returncode == 1 and "there is no patient 'E-1'" in gone.stderr


def test_db_backup_and_restore_bring_back_an_sqlite_database(run_cli, tmp_path):
    url = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    _ok(run_cli("patients", "add", "Before Backup", "--database", url))
    backup = tmp_path / "saved.sqlite3"
    _ok(run_cli("db", "backup", str(backup), "--database", url))
    assert stat.S_IMODE(os.stat(backup).st_mode) == 0o600
    _ok(run_cli("patients", "add", "After Backup", "--database", url))
    said = _ok(run_cli("db", "restore", str(backup), "--database", url))
    assert "kept in" in said
    names = [p["name"] for p in json.loads(_ok(run_cli("patients", "list", "--json", "--database", url)))]
    assert names == ["Before Backup"]
    kept = list(tmp_path.glob("r.sqlite3.before-restore-*.bak"))
    assert len(kept) == 1  # the database as it was before the restore
    info = json.loads(_ok(run_cli("db", "info", "--json", "--database", url)))
    assert (info["revision"], info["patients"], info["file_mode"]) == ("0003", 1, "0o600")


def test_db_backup_on_postgresql_points_to_pg_dump(records, db_url, tmp_path):
    done = records("db", "backup", str(tmp_path / "x.sqlite3"))
    if db_url.startswith("sqlite"):
        assert done.returncode == 0
    else:
        assert done.returncode == 1 and "pg_dump" in done.stderr


def test_an_unreachable_server_is_one_line_naming_it_without_the_password(run_cli):
    done = run_cli("patients", "list", "--database", "postgresql://clinic:s3cret@127.0.0.1:1/records")
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert "cannot use the records database postgresql" in done.stderr and "s3cret" not in done.stderr
