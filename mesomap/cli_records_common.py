"""What the records commands share (a leaf: :mod:`mesomap.cli_records` and its handler modules import it)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime

from mesomap.cli_common import UsageError
from mesomap.text import label


def day_arg(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(label("cli_err_date", got=repr(text))) from None


def moment_arg(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text.replace("T", " "))
    except ValueError:
        raise argparse.ArgumentTypeError(label("cli_err_datetime", got=repr(text))) from None


def checklist_arg(text: str) -> tuple[str, bool]:
    key, _, answer = text.partition("=")
    if answer.lower() not in ("yes", "no"):
        raise argparse.ArgumentTypeError(label("cli_err_checklist", got=repr(text)))
    return key.strip(), answer.lower() == "yes"


def common_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--database", metavar="URL", help="records database (default: $MESOMAP_DATABASE_URL, settings, "
                                                     "or the SQLite file in your data folder)")
    p.add_argument("--as", dest="actor", metavar="NAME", help="who is working, for the audit log (default: login name)")
    p.add_argument("--json", action="store_true", help="JSON instead of text")


def open_records(args: argparse.Namespace, upgrade: bool | None = None):
    """The open store for ``--database`` (or the resolved default); warnings go to stderr."""
    from mesomap.store.location import resolve_url
    from mesomap.store.store import open_store

    opened = open_store(resolve_url(args.database).url, actor=args.actor, upgrade=upgrade)
    for note in opened.notes:
        kind = label("cli_warning_line" if note.severity == "warning" else "cli_note_line", text=note.text())
        print(f"mesomap: {kind}", file=sys.stderr)
    return opened.store


def print_json(value) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def need(flag: bool, text: str) -> None:
    if not flag:
        raise UsageError(text)
