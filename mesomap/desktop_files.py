"""Desktop integration on freedesktop systems (Linux): a menu entry, the plan file type, the icon.

:func:`install` writes, under a data folder (``$XDG_DATA_HOME``, else
``~/.local/share``; or ``PREFIX/share``):

- ``applications/mesomap.desktop`` — the menu entry; ``Exec`` runs this mesomap with the
  file (``mesomap PLAN.mesomap.json`` opens the window with the plan), ``MimeType`` names
  the plan type, so a double-click on a plan opens it;
- ``mime/packages/mesomap.xml`` — the type ``application/x-mesomap-plan``: files named
  ``*.mesomap.json``, a kind of ``application/json``;
- ``icons/hicolor/scalable/apps/mesomap.svg`` — the icon (bundled in the package),

then refreshes the MIME and desktop databases with ``update-mime-database`` and
``update-desktop-database`` when they are installed. :func:`uninstall` removes the three
files and refreshes again. Data only: the command line says what was done.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from mesomap.io.atomic import atomic_path

MIME_TYPE = "application/x-mesomap-plan"
PLAN_GLOB = "*.mesomap.json"
ICON_SOURCE = Path(__file__).resolve().parent / "desktop" / "mesomap.svg"
DESKTOP_FILE = Path("applications") / "mesomap.desktop"
MIME_FILE = Path("mime") / "packages" / "mesomap.xml"
ICON_FILE = Path("icons") / "hicolor" / "scalable" / "apps" / "mesomap.svg"


@dataclass
class DesktopResult:
    """What :func:`install` or :func:`uninstall` did: files written or removed, tools run, tools missing."""

    data_dir: Path
    files: list[Path] = field(default_factory=list)
    ran: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (tool, its first line of output)


def data_dir(prefix: str | Path | None = None) -> Path:
    """``PREFIX/share`` when a prefix is given, else ``$XDG_DATA_HOME``, else ``~/.local/share``."""
    if prefix is not None:
        return Path(prefix).expanduser() / "share"
    xdg = os.environ.get("XDG_DATA_HOME")
    return Path(xdg) if xdg else Path.home() / ".local" / "share"


def _quote(arg: str) -> str:
    """One Exec argument, quoted as the Desktop Entry spec asks when it holds reserved characters."""
    if arg and not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`%"):
        return arg
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
    return f'"{escaped}"'.replace("%", "%%")


def launcher() -> list[str]:
    """The command that starts this mesomap: its ``mesomap`` script, else ``python -m mesomap``."""
    here = Path(sys.argv[0]).resolve() if sys.argv and sys.argv[0] else None
    if here is not None and here.name == "mesomap" and os.access(here, os.X_OK):
        return [str(here)]
    beside = Path(sys.executable).with_name("mesomap")  # the venv's script, beside its python
    if beside.is_file() and os.access(beside, os.X_OK):
        return [str(beside)]
    found = shutil.which("mesomap")
    return [found] if found else [sys.executable, "-m", "mesomap"]


def desktop_entry(command: list[str]) -> str:
    """The ``mesomap.desktop`` text; ``command`` starts mesomap (the plan's path is added as ``%f``)."""
    exec_line = " ".join(_quote(a) for a in command) + " %f"
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=mesomap\n"
        "GenericName=Mesotherapy planner\n"
        "Comment=Plan mesotherapy sessions on a 3D body: zones, injection grids, exports\n"
        f"Exec={exec_line}\n"
        "Icon=mesomap\n"
        "Terminal=false\n"
        f"MimeType={MIME_TYPE};\n"
        "Categories=Science;MedicalSoftware;\n"
        "Keywords=mesotherapy;injection;planning;3D;\n"
        "StartupNotify=true\n"
    )


def mime_xml() -> str:
    """The shared-mime-info package naming mesomap plans."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">\n'
        f'  <mime-type type="{MIME_TYPE}">\n'
        "    <comment>mesomap plan</comment>\n"
        '    <sub-class-of type="application/json"/>\n'
        f'    <glob pattern="{PLAN_GLOB}" weight="60"/>\n'
        '    <icon name="mesomap"/>\n'
        "  </mime-type>\n"
        "</mime-info>\n"
    )


def _refresh(result: DesktopResult) -> None:
    """Run the database tools that are installed; note those that are not or that fail."""
    for tool, target in (("update-mime-database", result.data_dir / "mime"),
                         ("update-desktop-database", result.data_dir / "applications")):
        path = shutil.which(tool)
        if path is None:
            result.missing.append(tool)
            continue
        if not target.is_dir():
            continue
        proc = subprocess.run([path, str(target)], capture_output=True, text=True, timeout=120)
        if proc.returncode == 0:
            result.ran.append(tool)
        else:
            lines = (proc.stderr or proc.stdout).strip().splitlines()
            result.failed.append((tool, lines[0] if lines else f"exit code {proc.returncode}"))


def install(prefix: str | Path | None = None, command: list[str] | None = None) -> DesktopResult:
    """Write the entry, the MIME package and the icon under :func:`data_dir`, then refresh the databases."""
    result = DesktopResult(data_dir(prefix))
    contents = {
        DESKTOP_FILE: desktop_entry(command or launcher()).encode("utf-8"),
        MIME_FILE: mime_xml().encode("utf-8"),
        ICON_FILE: ICON_SOURCE.read_bytes(),
    }
    for rel, data in contents.items():
        path = result.data_dir / rel
        with atomic_path(path) as tmp:
            tmp.write_bytes(data)
        result.files.append(path)
    _refresh(result)
    return result


def uninstall(prefix: str | Path | None = None) -> DesktopResult:
    """Remove what :func:`install` wrote (files already gone are skipped), then refresh the databases."""
    result = DesktopResult(data_dir(prefix))
    for rel in (DESKTOP_FILE, MIME_FILE, ICON_FILE):
        path = result.data_dir / rel
        if path.exists() or path.is_symlink():
            path.unlink()
            result.files.append(path)
    _refresh(result)
    return result
