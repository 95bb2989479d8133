"""Where the records live: URL precedence, no password in settings, a warning for a network filesystem."""

from __future__ import annotations

import json

import pytest

from mesomap.store import location
from mesomap.store.errors import StoreError
from mesomap.store.store import open_store

MOUNTS = """sysfs /sys sysfs rw 0 0
/dev/sda1 / ext4 rw 0 0
server:/export/clinic /mnt/clinic nfs4 rw,relatime 0 0
//nas/share /mnt/nas\\040box cifs rw 0 0
"""


@pytest.fixture
def homes(tmp_path, monkeypatch):
    monkeypatch.setenv("MESOMAP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MESOMAP_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv(location.ENV_URL, raising=False)
    return tmp_path


def test_the_url_comes_from_the_option_then_the_environment_then_settings_then_the_default(homes, monkeypatch):
    assert location.resolve_url().source == "default"
    assert location.resolve_url().url.database == str(homes / "data" / "records.sqlite3")
    location.save_settings_url("postgresql+psycopg://mesomap@db.clinic/records")
    assert location.resolve_url().url.host == "db.clinic"
    monkeypatch.setenv(location.ENV_URL, "sqlite:////tmp/env.sqlite3")
    assert location.resolve_url().source == "environment"
    assert location.resolve_url("sqlite:////tmp/opt.sqlite3").url.database == "/tmp/opt.sqlite3"


def test_a_password_is_never_kept_in_the_settings(homes):
    with pytest.raises(StoreError, match="holds a database password"):
        location.save_settings_url("postgresql+psycopg://mesomap:hunter2@db/records")
    assert not location.settings_file().exists()
    location.settings_file().parent.mkdir(parents=True)
    location.settings_file().write_text(json.dumps({"database_url": "postgresql://u:pw@db/x"}))
    with pytest.raises(StoreError, match="put the password in ~/.pgpass or PGPASSWORD"):
        location.resolve_url()


def test_a_database_on_a_network_filesystem_is_named_in_a_warning(tmp_path):
    mounts = tmp_path / "mounts"
    mounts.write_text(MOUNTS)
    from pathlib import Path

    assert location.on_network_filesystem(Path("/mnt/clinic/records.sqlite3"), str(mounts)) == "nfs4"
    assert location.on_network_filesystem(Path("/mnt/nas box/r.sqlite3"), str(mounts)) == "cifs"
    assert location.on_network_filesystem(Path("/home/me/records.sqlite3"), str(mounts)) is None


def test_opening_on_a_network_share_warns_but_opens(tmp_path, monkeypatch):
    monkeypatch.setattr(location, "on_network_filesystem", lambda path, mounts="/proc/mounts": "cifs")
    opened = open_store(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    opened.store.close()
    assert [m.code for m in opened.notes] == ["database_network_fs"]
    assert "network filesystem (cifs)" in str(opened.notes[0]) and "PostgreSQL" in str(opened.notes[0])
