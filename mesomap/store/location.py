"""Where the records live: the database URL (option, environment, settings, default) and the SQLite file's safety.

The default is an SQLite file in the user's data folder, created owner-only (mode 0600). A clinic
points every station at one PostgreSQL server with a URL such as
``postgresql+psycopg://mesomap@server/clinic``; the password is never part of a stored URL:
libpq reads it from ``~/.pgpass`` or ``PGPASSWORD``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from mesomap.store.errors import PASSWORD_IN_SETTINGS, StoreError

ENV_URL = "MESOMAP_DATABASE_URL"
#: Filesystems a database file must not live on: SQLite's locking is unreliable over them.
NETWORK_FILESYSTEMS = frozenset({"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "sshfs", "9p", "afs",
                                 "ncpfs", "fuse.rclone", "fuse.s3fs", "glusterfs", "fuse.glusterfs", "ceph",
                                 "fuse.davfs", "davfs"})


def data_dir() -> Path:
    """``$MESOMAP_DATA_DIR`` if set, else the platform's user data folder (as the autosaves)."""
    base = os.environ.get("MESOMAP_DATA_DIR")
    if not base:
        from platformdirs import user_data_dir

        base = user_data_dir("mesomap", appauthor=False)
    return Path(base)


def settings_file() -> Path:
    """``records.json`` in the user's config folder: ``{"database_url": "..."}`` (never a password)."""
    base = os.environ.get("MESOMAP_CONFIG_DIR")
    if not base:
        from platformdirs import user_config_dir

        base = user_config_dir("mesomap", appauthor=False)
    return Path(base) / "records.json"


def default_url() -> str:
    return f"sqlite:///{data_dir() / 'records.sqlite3'}"


@dataclass(frozen=True)
class Resolved:
    """The URL to open and where it came from: "option", "environment", "settings" or "default"."""

    url: URL
    source: str


class PasswordInSettings(StoreError):
    """A settings file holds a database URL with a password; passwords belong in .pgpass or PGPASSWORD."""

    def __init__(self, path: Path):
        self.path = path
        super().__init__(PASSWORD_IN_SETTINGS(path=str(path)))


def settings_url() -> str | None:
    path = settings_file()
    try:
        value = json.loads(path.read_text(encoding="utf-8")).get("database_url")
    except (OSError, ValueError, AttributeError):
        return None
    if isinstance(value, str) and value and make_url(value).password is not None:
        raise PasswordInSettings(path)
    return value or None


def save_settings_url(url: str) -> Path:
    """Remember ``url`` for this user; refused with a password in it (see :class:`PasswordInSettings`)."""
    path = settings_file()
    if make_url(url).password is not None:
        raise PasswordInSettings(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"database_url": url}) + "\n", encoding="utf-8")
    return path


def resolve_url(option: str | None = None) -> Resolved:
    """The database URL: ``--database`` first, then ``$MESOMAP_DATABASE_URL``, the settings file, the default."""
    for value, source in ((option, "option"), (os.environ.get(ENV_URL), "environment")):
        if value:
            return Resolved(make_url(value), source)
    stored = settings_url()
    if stored:
        return Resolved(make_url(stored), "settings")
    return Resolved(make_url(default_url()), "default")


def sqlite_path(url: URL) -> Path | None:
    """The database file of an SQLite URL (None for PostgreSQL or an in-memory SQLite)."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def filesystem_type(path: Path, mounts: str = "/proc/mounts") -> str | None:
    """The filesystem type of the mount holding ``path`` (the longest mount point that contains it), from /proc/mounts."""
    try:
        lines = Path(mounts).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    target = Path(os.path.realpath(path))
    best, best_len = None, -1
    for line in lines:
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        try:
            inside = target == Path(point) or target.is_relative_to(point)
        except ValueError:
            inside = False
        if inside and len(point) > best_len:
            best, best_len = parts[2], len(point)
    return best


def on_network_filesystem(path: Path, mounts: str = "/proc/mounts") -> str | None:
    """The network filesystem type holding ``path`` (e.g. "nfs4", "cifs"), or None when it is local."""
    fs = filesystem_type(path.parent if not path.exists() else path, mounts)
    return fs if fs is not None and (fs in NETWORK_FILESYSTEMS or fs.startswith("nfs")) else None


def create_private_file(path: Path) -> bool:
    """Create ``path`` (and its folder) readable and writable by its owner only (0600); False if it existed."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    os.close(fd)
    os.chmod(path, 0o600)  # whatever the umask
    return True


def display_url(url: URL) -> str:
    """The URL with any password hidden, for messages and ``db info``."""
    return url.render_as_string(hide_password=True)
