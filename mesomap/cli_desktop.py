"""``mesomap desktop install|uninstall [--prefix DIR]``: the menu entry and the plan file type (Linux desktops).

What is written and where: :mod:`mesomap.desktop_files`. The command says
which files it wrote or removed, which database tools it ran, and which are
not installed (then the desktop picks the change up at the next login; the
files are in place all the same).
"""

from __future__ import annotations

import argparse

from mesomap.desktop_files import MIME_TYPE, DesktopResult, install, uninstall
from mesomap.terminal import terminal_text
from mesomap.text import label


def register(subparsers) -> dict:
    """Add ``desktop``; return {command: handler(args) -> int}."""
    desktop = subparsers.add_parser("desktop", help=label("help_cmd_desktop"))
    desktop.add_argument("action", choices=["install", "uninstall"])
    desktop.add_argument("--prefix", metavar="DIR", default=None,
                         help="install under DIR/share (default: $XDG_DATA_HOME, else ~/.local/share)")
    return {"desktop": cmd_desktop}


def _report(result: DesktopResult, verb: str) -> None:
    for path in result.files:
        print(terminal_text(f"{verb} {path}"))
    if not result.files:
        print(terminal_text(f"nothing to remove in {result.data_dir}"))
    for tool in result.ran:
        print(f"ran {tool}")
    for tool, why in result.failed:
        print(terminal_text(f"note: {tool} failed ({why}); the desktop may pick the change up at the next login"))
    for tool in result.missing:
        print(f"note: {tool} is not installed; the desktop may pick the change up at the next login")


def cmd_desktop(args: argparse.Namespace) -> int:
    if args.action == "install":
        result = install(args.prefix)
        _report(result, "wrote")
        print(f"plans (*.mesomap.json, {MIME_TYPE}) now open in mesomap by double-click")
    else:
        _report(uninstall(args.prefix), "removed")
    return 0
