"""Which serial ports there are: pseudo-terminals, and which of them a running device simulator serves.

A :class:`mesomap.io.device_pty.PtySimulator` announces its pseudo-terminal
in a small JSON file (``{"port", "pid", "device"}``) in :func:`announce_dir`
while it serves, and removes it when it stops; an announcement whose process
is gone or whose port no longer exists is ignored (a crashed simulator).
:func:`pseudo_terminals` lists the open pseudo-terminals of this user
(``/dev/pts/N``), so a program serving one that did not announce itself can
still be picked. Data only: the window words the descriptions.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

PTS_DIR = Path("/dev/pts")


def announce_dir() -> Path:
    """``$MESOMAP_RUNTIME_DIR`` if set, else ``$XDG_RUNTIME_DIR/mesomap``, else a per-user folder in the temp dir."""
    base = os.environ.get("MESOMAP_RUNTIME_DIR")
    if base:
        return Path(base)
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime:
        return Path(runtime) / "mesomap"
    return Path(tempfile.gettempdir()) / f"mesomap-{os.getuid() if hasattr(os, 'getuid') else 'user'}"


def _announcement(port: str) -> Path:
    return announce_dir() / f"sim-{port.strip('/').replace('/', '-')}.json"


def announce(port: str, device_id: str) -> Path | None:
    """Record that this process serves a simulated device ``device_id`` on ``port`` (None: could not write)."""
    path = _announcement(port)
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.write_text(json.dumps({"port": port, "pid": os.getpid(), "device": device_id}), encoding="utf-8")
    except OSError:
        return None
    return path


def withdraw(path: Path | None) -> None:
    """Remove an announcement made by :func:`announce` (gone already: nothing to do)."""
    if path is not None:
        try:
            path.unlink()
        except OSError:
            pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def simulator_ports() -> dict[str, str]:
    """port -> device id of the simulators running now (announcements of ended processes are skipped)."""
    found: dict[str, str] = {}
    try:
        files = sorted(announce_dir().glob("sim-*.json"))
    except OSError:
        return found
    for path in files:
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
            port, pid, device = str(doc["port"]), int(doc["pid"]), str(doc.get("device", ""))
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if _alive(pid) and os.path.exists(port):
            found[port] = device
    return found


def _own_terminals() -> set[str]:
    """The terminals this process itself is attached to (never offered as a device's port)."""
    own = set()
    for fd in (0, 1, 2):
        try:
            own.add(os.ttyname(fd))
        except OSError:
            pass
    return own


def pseudo_terminals(pts_dir: Path = PTS_DIR) -> list[str]:
    """The open pseudo-terminals (``/dev/pts/N``) this user can read and write, by number; not our own terminal."""
    try:
        entries = [p for p in pts_dir.iterdir() if p.name.isdigit()]
    except OSError:
        return []
    uid = os.getuid() if hasattr(os, "getuid") else None
    own = _own_terminals()
    out = []
    for p in sorted(entries, key=lambda p: int(p.name)):
        try:
            st = p.stat()
        except OSError:
            continue
        if (uid is None or st.st_uid == uid) and os.access(p, os.R_OK | os.W_OK) and str(p) not in own:
            out.append(str(p))
    return out
