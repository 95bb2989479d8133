"""Records › Database…: which database is in use, a warning for an SQLite file on a network share, and a URL
with a password refused with the way to give it (PGPASSWORD, ~/.pgpass)."""

from __future__ import annotations

import json

from mesomap.store import location


def test_the_dialog_shows_the_sqlite_file_and_refuses_a_password(window, tmp_path, monkeypatch):
    monkeypatch.delenv("MESOMAP_DATABASE_URL", raising=False)
    monkeypatch.setenv("MESOMAP_CONFIG_DIR", str(tmp_path / "config"))
    window.database_action.trigger()
    dialog = window.records.database_dialog
    expected = tmp_path / "data" / "records.sqlite3"  # the data folder of the window tests
    assert dialog.in_use.text() == f"SQLite file {expected}"
    assert not dialog.warning.isVisibleTo(dialog)
    dialog.url.setText("postgresql+psycopg://mesomap:secret@db.clinic/clinic")
    assert not dialog.save()
    assert "PGPASSWORD" in dialog.error.text() and ".pgpass" in dialog.error.text()
    assert not (tmp_path / "config" / "records.json").exists()  # the password was never written


def test_a_saved_server_url_is_remembered_and_shown(window, tmp_path, monkeypatch, errors):
    monkeypatch.delenv("MESOMAP_DATABASE_URL", raising=False)
    monkeypatch.setenv("MESOMAP_CONFIG_DIR", str(tmp_path / "config"))
    window.database_action.trigger()
    dialog = window.records.database_dialog
    other = tmp_path / "elsewhere" / "records.sqlite3"
    dialog.url.setText(f"sqlite:///{other}")
    assert dialog.save()
    assert json.loads((tmp_path / "config" / "records.json").read_text())["database_url"] == f"sqlite:///{other}"
    assert dialog.in_use.text() == f"SQLite file {other}" and other.exists()
    assert window.records.store().sqlite_path == other


def test_an_sqlite_file_on_a_network_share_is_warned_about(window, tmp_path, monkeypatch):
    monkeypatch.delenv("MESOMAP_DATABASE_URL", raising=False)
    monkeypatch.setenv("MESOMAP_CONFIG_DIR", str(tmp_path / "config"))
    mounts = tmp_path / "mounts"
    mounts.write_text(f"server:/share {tmp_path} nfs4 rw 0 0\n/dev/sda1 / ext4 rw 0 0\n")
    real = location.on_network_filesystem
    monkeypatch.setattr(location, "on_network_filesystem", lambda path, m="/proc/mounts": real(path, str(mounts)))
    window.database_action.trigger()
    dialog = window.records.database_dialog
    assert dialog.warning.isVisibleTo(dialog)
    assert "network share (nfs4)" in dialog.warning.text() and "PostgreSQL" in dialog.warning.text()
