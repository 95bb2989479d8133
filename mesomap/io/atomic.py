"""Atomic file writes: write beside the target, then ``os.replace`` it into place.

Permissions: a file that already exists keeps its permission bits; a new file
gets the ordinary permissions of the user's umask (usually 0644 or 0664), like
any file the user's other programs write. mesomap does not force 0600 on its
plans and exports: they are saved where the user chose — often a folder shared
with colleagues — and that folder's permissions and the umask decide who reads
them. (The autosave folder, in the user's own data directory, is private: see
:mod:`mesomap.io.autosave`.)

A symlink is written through: its target file is replaced and the link stays.
A device, pipe, socket or folder is never written to or replaced.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from mesomap.model.messages import CarriesMessage, Kind

WRITE_TARGET_FOLDER = Kind("write_target_folder", "file")
WRITE_TARGET_NOT_REGULAR = Kind("write_target_not_regular", "file")
NOTHING_WRITTEN = Kind("nothing_written", "file")


class WriteTargetError(CarriesMessage, OSError):
    """The path to write is not something a file may replace; ``str(err)`` is one sentence."""


def _umask() -> int:
    """The process umask, read without changing it where the system tells it (Linux), else by setting it back."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_target(target: str | Path) -> tuple[Path, int]:
    """(the file to replace, its permission bits) for writing ``target``.

    A symlink is followed to its target (even a dangling one); an existing
    regular file gives its own mode, a new file ``0o666`` less the umask. A
    folder, device, pipe or socket raises :class:`WriteTargetError`.
    """
    target = Path(target)
    real = Path(os.path.realpath(target)) if target.is_symlink() else target
    try:
        st = os.stat(real)
    except FileNotFoundError:
        return real, 0o666 & ~_umask()
    if stat.S_ISDIR(st.st_mode):
        raise WriteTargetError(WRITE_TARGET_FOLDER(file=str(target)))
    if not stat.S_ISREG(st.st_mode):
        raise WriteTargetError(WRITE_TARGET_NOT_REGULAR(file=str(target)))
    return real, stat.S_IMODE(st.st_mode)


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path in ``target``'s folder; on success it replaces ``target``.

    On any exception the temporary file is removed and ``target`` is untouched.
    The temporary name keeps ``target``'s suffix, so writers that pick a format
    by suffix still work. The result keeps the replaced file's permissions (a
    new file: the umask's), a symlink's target is replaced rather than the
    link, and devices, pipes and folders are refused (:func:`write_target`).
    """
    real, mode = write_target(target)
    real.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{real.name}.", suffix=real.suffix or ".tmp", dir=real.parent)
    os.close(fd)
    tmp = Path(tmp_name)  # 0600 while it is written
    try:
        yield tmp
        if not tmp.exists() or tmp.stat().st_size == 0:
            raise WriteTargetError(NOTHING_WRITTEN(file=str(target)))
        os.chmod(tmp, mode)
        os.replace(tmp, real)
    finally:
        tmp.unlink(missing_ok=True)


def write_text_durably(target: str | Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``target`` atomically and flushed to disk before it replaces the old file."""
    target = Path(target)
    with atomic_path(target) as tmp:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
    return target
