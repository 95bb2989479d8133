"""Autosave and crash recovery, without Qt.

Each running mesomap writes its open plan to
``<user data dir>/autosave/autosave-<pid>.mesomap.json`` (atomically, so a kill
mid-write leaves the previous autosave whole) with a sidecar ``.meta.json``
naming the plan's own file. A clean exit deletes both. At start, autosaves whose
process is gone are crash leftovers to offer for recovery.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from mesomap.geometry.surface import PaintingSurface
from mesomap.io.atomic import atomic_path
from mesomap.io.plan_file import PlanFileError, load_plan, save_plan
from mesomap.model.plan import Plan

#: Autosave at most this often while there are changes (seconds).
AUTOSAVE_INTERVAL_S = 30.0


def default_dir() -> Path:
    """``$MESOMAP_DATA_DIR/autosave`` if set, else the platform's user data dir."""
    base = os.environ.get("MESOMAP_DATA_DIR")
    if not base:
        from platformdirs import user_data_dir

        base = user_data_dir("mesomap", appauthor=False)
    return Path(base) / "autosave"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass(frozen=True)
class Recovery:
    """A crash leftover: the autosaved plan file, when it was written, and the plan's own path."""

    autosave: Path
    saved_at: float
    original: Path | None

    def load(self) -> Plan:
        return load_plan(self.autosave)

    def discard(self) -> None:
        self.autosave.unlink(missing_ok=True)
        _meta(self.autosave).unlink(missing_ok=True)


def _meta(autosave: Path) -> Path:
    return autosave.with_name(autosave.name.replace(".mesomap.json", ".meta.json"))


class Autosaver:
    """Writes this process's autosave; finds other (dead) processes' leftovers."""

    def __init__(self, directory: Path | None = None, pid: int | None = None):
        self.directory = Path(directory) if directory else default_dir()
        self.pid = pid or os.getpid()
        self.path = self.directory / f"autosave-{self.pid}.mesomap.json"
        self.last_revision: int | None = None
        self.last_time = 0.0

    def due(self, revision: int, now: float | None = None, interval_s: float = AUTOSAVE_INTERVAL_S) -> bool:
        """True when the plan changed since the last autosave and ``interval_s`` has passed."""
        now = time.monotonic() if now is None else now
        return revision != self.last_revision and now - self.last_time >= interval_s

    def save(self, plan: Plan, revision: int, original: Path | None = None, surface: PaintingSurface | None = None) -> Path:
        self.directory.mkdir(parents=True, exist_ok=True)
        save_plan(plan, self.path, surface)
        with atomic_path(_meta(self.path)) as tmp:
            tmp.write_text(json.dumps({"pid": self.pid, "original": str(original) if original else None, "saved_at": time.time()}))
        self.last_revision = revision
        self.last_time = time.monotonic()
        return self.path

    def clear(self) -> None:
        """After a clean save or exit: nothing to recover."""
        self.path.unlink(missing_ok=True)
        _meta(self.path).unlink(missing_ok=True)
        self.last_revision = None

    def leftovers(self) -> list[Recovery]:
        """Autosaves of processes that are gone, newest first.

        A leftover may still be unreadable (``Recovery.load`` then raises
        PlanFileError). Half-written temporary files of dead processes are removed.
        """
        found = []
        for tmp in self.directory.glob(".autosave-*.mesomap.json.*"):
            pid = tmp.name.split("-")[1].split(".")[0]
            if pid.isdigit() and int(pid) != self.pid and not _alive(int(pid)):
                tmp.unlink(missing_ok=True)
        for f in self.directory.glob("autosave-*.mesomap.json"):
            try:
                pid = int(f.name.split("-")[1].split(".")[0])
            except (IndexError, ValueError):
                continue
            if pid == self.pid or _alive(pid):
                continue
            try:
                meta = json.loads(_meta(f).read_text())
                original = Path(meta["original"]) if meta.get("original") else None
            except (OSError, ValueError, KeyError, TypeError):
                original = None
            found.append(Recovery(f, f.stat().st_mtime, original))
        return sorted(found, key=lambda r: r.saved_at, reverse=True)


__all__ = ["AUTOSAVE_INTERVAL_S", "Autosaver", "PlanFileError", "Recovery", "default_dir"]
