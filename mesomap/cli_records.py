"""The records on the command line (issue 15): ``mesomap patients|course|session|lots|db …``, all with ``--database URL``.

The store (:mod:`mesomap.store`) does the work; this module parses, prints and says what went wrong
in one line. ``--as NAME`` says who is working (written in the audit log; default: the login name).
"""

from __future__ import annotations

import argparse

from mesomap.cli_records_common import checklist_arg, common_options, day_arg, moment_arg
from mesomap.text import label

COMMANDS = ("patients", "course", "session", "lots", "db")


def add_parsers(sub, parser_class) -> None:
    from mesomap.cli_records_db import add_db_parsers, add_lots_parsers

    pat = sub.add_parser("patients", help=label("help_cmd_patients"))
    ps = pat.add_subparsers(dest="records_command", parser_class=parser_class, required=True)
    add = ps.add_parser("add", help="a new patient")
    add.add_argument("name")
    add.add_argument("--record-number", metavar="TEXT")
    add.add_argument("--born", type=day_arg, metavar="YYYY-MM-DD", help="date of birth")
    add.add_argument("--sex", default="", metavar="TEXT")
    add.add_argument("--contact", default="", metavar="TEXT", help="phone, e-mail or address")
    add.add_argument("--notes", default="", metavar="TEXT")
    add.add_argument("--checklist", type=checklist_arg, action="append", metavar="KEY=yes|no",
                     help="a contraindication answer (repeat); keys: see `mesomap patients checklist`")
    add.add_argument("--checklist-date", type=day_arg, metavar="YYYY-MM-DD", help="when answered (default today)")
    add.add_argument("--consent", type=day_arg, metavar="YYYY-MM-DD", help="the day the consent was signed")
    lst = ps.add_parser("list", help="patients whose name or record number starts with (or holds) TEXT")
    lst.add_argument("text", nargs="?", default="")
    lst.add_argument("--limit", type=int, default=50)
    show = ps.add_parser("show", help="a patient with courses, sessions and lots")
    show.add_argument("patient", metavar="PATIENT", help="record number or id")
    export = ps.add_parser("export", help="everything stored about a patient, as JSON or PDF (an access request)")
    export.add_argument("patient", metavar="PATIENT")
    export.add_argument("--out", required=True, metavar="FILE.json|FILE.pdf")
    erase = ps.add_parser("erase", help="erase a patient and their sessions (the audit log keeps no personal data)")
    erase.add_argument("patient", metavar="PATIENT")
    erase.add_argument("--yes", action="store_true", help="really erase (required)")
    ps.add_parser("checklist", help="the contraindication checklist's keys and questions")
    for p in ps.choices.values():
        common_options(p)

    course = sub.add_parser("course", help=label("help_cmd_course"))
    cs = course.add_subparsers(dest="records_command", parser_class=parser_class, required=True)
    cadd = cs.add_parser("add", help="a course for a patient; prints its planned dates")
    cadd.add_argument("patient", metavar="PATIENT")
    cadd.add_argument("--indication", required=True)
    cadd.add_argument("--start", type=day_arg, required=True, metavar="YYYY-MM-DD")
    cadd.add_argument("--sessions", type=int, default=6, help="planned sessions (default 6)")
    cadd.add_argument("--interval-days", type=int, default=7, help="days between sessions (default 7)")
    cadd.add_argument("--maintenance", type=int, default=2, help="maintenance sessions after (default 2)")
    cadd.add_argument("--maintenance-days", type=int, default=30, help="days between them (default 30)")
    cshow = cs.add_parser("show", help="a course, its planned dates and its sessions")
    cshow.add_argument("course", type=int, metavar="COURSE_ID")
    for p in (cadd, cshow):
        common_options(p)

    ses = sub.add_parser("session", help=label("help_cmd_session"))
    ss = ses.add_subparsers(dest="records_command", parser_class=parser_class, required=True)
    start = ss.add_parser("start", help="the course's next session (copies the previous plan unless --plan)")
    start.add_argument("course", type=int, metavar="COURSE_ID")
    start.add_argument("--at", type=moment_arg, required=True, metavar="'YYYY-MM-DD HH:MM'")
    start.add_argument("--clinician", metavar="NAME", help="who gives it (added to the clinicians if new)")
    start.add_argument("--plan", metavar="PLAN.mesomap.json", help="the plan used (stored in the database)")
    lot = ss.add_parser("lot", help="a product lot used in the session")
    lot.add_argument("session", type=int, metavar="SESSION_ID")
    lot.add_argument("lot", metavar="LOT")
    lot.add_argument("--product", metavar="NAME", help="when several products have this lot number")
    lot.add_argument("--volume-ml", type=float, metavar="ML")
    lot.add_argument("--confirm-expired", action="store_true", help="use an expired lot (recorded in the audit log)")
    done = ss.add_parser("done", help="mark the session done (its plan is frozen)")
    done.add_argument("session", type=int, metavar="SESSION_ID")
    done.add_argument("--injections", type=int, metavar="N", help="injections actually given")
    note = ss.add_parser("note", help="notes and adverse events of a session")
    note.add_argument("session", type=int, metavar="SESSION_ID")
    note.add_argument("--notes", metavar="TEXT")
    note.add_argument("--adverse-events", metavar="TEXT")
    sshow = ss.add_parser("show", help="a session with its lots")
    sshow.add_argument("session", type=int, metavar="SESSION_ID")
    for p in (start, lot, done, note, sshow):
        common_options(p)

    add_lots_parsers(sub, parser_class, common_options)
    add_db_parsers(sub, parser_class, common_options)


def register(sub, parser_class) -> dict:
    """Add the records' subcommands; return {command: handler(args) -> int}."""
    add_parsers(sub, parser_class)
    return {name: run for name in COMMANDS}


def run(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import OperationalError

    from mesomap import cli_records_db, cli_records_people

    handler = {"patients": cli_records_people.run_patients, "course": cli_records_people.run_course,
               "session": cli_records_people.run_session, "lots": cli_records_db.run_lots,
               "db": cli_records_db.run_db}[args.command]
    try:
        return handler(args)
    except OperationalError as err:  # the server is down, the file is locked, the password is wrong…
        from mesomap.store.location import display_url, resolve_url

        reason = str(err.orig).strip().splitlines()[0] if err.orig else type(err).__name__
        raise ValueError(label("cli_err_records_unusable", url=display_url(resolve_url(args.database).url),
                               reason=reason)) from None
