"""Autosave and crash recovery, without Qt.

Each running mesomap writes its open plan to
``<user data dir>/autosave/autosave-<pid>.mesomap.json`` (atomically, so a kill
mid-write leaves the previous autosave whole) with a sidecar ``.meta.json``
naming the plan's own file, the records session the plan belongs to (if any:
database without password, session id and version) and the writing process (its
pid and, where the system tells it, its start time). A clean exit deletes both. At start,
autosaves whose process is gone are crash leftovers to offer for recovery; a
process that now has the same pid but started at another time (the pid was
reused after a crash) is not taken for the writer.

The autosave folder is made private (0700): it holds copies of the plans,
patient references included, outside the folders the user chose to share.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from mesomap.geometry.surface import PaintingSurface
from mesomap.io.atomic import atomic_path
from mesomap.io.json_reader import parse_json_bytes, read_file_bytes
from mesomap.io.plan_file import PlanFileError, load_plan, save_plan
from mesomap.model.plan import Plan

#: Autosave at most this often while there are changes (seconds).
AUTOSAVE_INTERVAL_S = 3.0
#: The most work an edit can lose: the app looks for changes often enough (``AUTOSAVE_INTERVAL_S`` plus
#: its timer tick) that every edit is on disk within this many seconds.
AUTOSAVE_MAX_DELAY_S = 5.0
#: The sidecar is a few hundred bytes; anything bigger is not one.
MAX_META_BYTES = 100_000


def default_dir() -> Path:
    """``$MESOMAP_DATA_DIR/autosave`` if set, else the platform's user data dir."""
    base = os.environ.get("MESOMAP_DATA_DIR")
    if not base:
        from platformdirs import user_data_dir

        base = user_data_dir("mesomap", appauthor=False)
    return Path(base) / "autosave"


def process_start(pid: int) -> str | None:
    """When process ``pid`` started, as "boot id:clock ticks since boot" (Linux ``/proc``); None if unknown.

    Two processes that have had the same pid differ in this (a pid is reused
    only after its process ended).
    """
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            stat_line = fh.read()
        with open("/proc/sys/kernel/random/boot_id", "rb") as fh:
            boot = fh.read().decode("ascii").strip()
        # field 22 (starttime); the command name (field 2) may hold spaces and ')', so count from the last ')'
        return f"{boot}:{int(stat_line.rpartition(b')')[2].split()[19])}"
    except (OSError, ValueError, IndexError, UnicodeDecodeError):
        return None


def _alive(pid: int, started: str | None = None) -> bool:
    """True when process ``pid`` runs and, if its start time ``started`` was recorded, is that same process."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    except (OverflowError, OSError):
        return False
    if started is None:
        return True
    now = process_start(pid)
    return now is None or now == started


@dataclass(frozen=True)
class Recovery:
    """A crash leftover: the autosaved plan file, when it was written, the plan's own path, and the records
    session the plan belonged to (the note :meth:`mesomap.session.records.RecordsLink.autosave_note` gave; None:
    none)."""

    autosave: Path
    saved_at: float
    original: Path | None
    records: dict | None = None

    def load(self) -> Plan:
        return load_plan(self.autosave)

    def discard(self) -> None:
        self.autosave.unlink(missing_ok=True)
        _meta(self.autosave).unlink(missing_ok=True)


def _meta(autosave: Path) -> Path:
    return autosave.with_name(autosave.name.replace(".mesomap.json", ".meta.json"))


class Autosaver:
    """Writes this process's autosave; finds other (dead) processes' leftovers."""

    def __init__(self, directory: Path | None = None, pid: int | None = None, started: str | None = None):
        """``started``: the writer's start time as :func:`process_start` gives it (default: that of ``pid``)."""
        self.directory = Path(directory) if directory else default_dir()
        self.pid = pid or os.getpid()
        self.started = started if started is not None else process_start(self.pid)
        self.path = self.directory / f"autosave-{self.pid}.mesomap.json"
        self.last_revision: int | None = None
        self.last_time = 0.0

    def due(self, revision: int, now: float | None = None, interval_s: float = AUTOSAVE_INTERVAL_S) -> bool:
        """True when the plan changed since the last autosave and ``interval_s`` has passed."""
        now = time.monotonic() if now is None else now
        return revision != self.last_revision and now - self.last_time >= interval_s

    def save(self, plan: Plan, revision: int, original: Path | None = None, surface: PaintingSurface | None = None,
             records: dict | None = None) -> Path:
        """Write ``plan`` and its sidecar; ``records``: the records session it belongs to (a small JSON dict)."""
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        save_plan(plan, self.path, surface)
        meta = {"pid": self.pid, "started": self.started, "original": str(original) if original else None,
                "saved_at": time.time(), "records": records}
        with atomic_path(_meta(self.path)) as tmp:
            tmp.write_text(json.dumps(meta), encoding="utf-8")
        self.last_revision = revision
        self.last_time = time.monotonic()
        return self.path

    def clear(self) -> None:
        """After a clean save or exit: nothing to recover."""
        self.path.unlink(missing_ok=True)
        _meta(self.path).unlink(missing_ok=True)
        self.last_revision = None

    def _read_meta(self, autosave: Path) -> dict:
        """The sidecar of ``autosave`` ({} when it is missing or not one)."""
        try:
            meta = parse_json_bytes(read_file_bytes(_meta(autosave), MAX_META_BYTES, PlanFileError, "sidecar"),
                                    autosave.name, PlanFileError, "sidecar")
        except PlanFileError:
            return {}
        return meta if isinstance(meta, dict) else {}

    def _owner_alive(self, pid: int, autosave: Path) -> bool:
        """True when the process that wrote ``autosave`` (pid ``pid``) still runs; this process counts as alive."""
        if pid == self.pid:
            return True
        started = self._read_meta(autosave).get("started")
        return _alive(pid, started if isinstance(started, str) else None)

    def leftovers(self) -> list[Recovery]:
        """Autosaves of processes that are gone, newest first.

        A leftover may still be unreadable (``Recovery.load`` then raises
        PlanFileError). Half-written temporary files of dead processes are removed.
        """
        found = []
        if not self.directory.is_dir():
            return found
        for tmp in self.directory.glob(".autosave-*.mesomap.json.*"):
            pid = tmp.name.split("-")[1].split(".")[0]
            if pid.isdigit() and not self._owner_alive(int(pid), self.directory / f"autosave-{pid}.mesomap.json"):
                tmp.unlink(missing_ok=True)
        for f in self.directory.glob("autosave-*.mesomap.json"):
            try:
                pid = int(f.name.split("-")[1].split(".")[0])
            except (IndexError, ValueError):
                continue
            if self._owner_alive(pid, f):
                continue
            meta = self._read_meta(f)
            original = meta.get("original")
            original = Path(original) if isinstance(original, str) and original else None
            records = meta.get("records") if isinstance(meta.get("records"), dict) else None
            try:
                found.append(Recovery(f, f.stat().st_mtime, original, records))
            except OSError:
                continue
        return sorted(found, key=lambda r: r.saved_at, reverse=True)


__all__ = ["AUTOSAVE_INTERVAL_S", "AUTOSAVE_MAX_DELAY_S", "process_start", "Autosaver", "PlanFileError", "Recovery", "default_dir"]
