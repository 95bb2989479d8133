"""``mesomap lots …`` and ``mesomap db upgrade|backup|restore|info`` (parsers and handlers)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mesomap.cli_records_common import day_arg, open_records, print_json
from mesomap.cli_words import RECALL_PATIENTS, RECALL_SESSIONS
from mesomap.text import label, number


def add_lots_parsers(sub, parser_class, common) -> None:
    lots = sub.add_parser("lots", help=label("help_cmd_lots"))
    ls = lots.add_subparsers(dest="records_command", parser_class=parser_class, required=True)
    add = ls.add_parser("add", help="a lot of a product (the product is added if new)")
    add.add_argument("lot", metavar="LOT")
    add.add_argument("--product", required=True, metavar="NAME")
    add.add_argument("--maker", default="", metavar="NAME")
    add.add_argument("--volume-ml", type=float, metavar="ML", help="the product's unit volume")
    add.add_argument("--expiry", type=day_arg, metavar="YYYY-MM-DD")
    ls.add_parser("list", help="every lot with its product and expiry")
    recall = ls.add_parser("recall", help="which patients received lot LOT, with dates and contact")
    recall.add_argument("lot", metavar="LOT")
    recall.add_argument("--csv", metavar="FILE.csv", help="write the list as CSV here")
    for p in ls.choices.values():
        common(p)


def add_db_parsers(sub, parser_class, common) -> None:
    db = sub.add_parser("db", help=label("help_cmd_db"))
    ds = db.add_subparsers(dest="records_command", parser_class=parser_class, required=True)
    ds.add_parser("upgrade", help="bring the schema up to date (SQLite: after a backup)")
    ds.add_parser("backup", help="copy an SQLite database to FILE (online; PostgreSQL: use pg_dump)").add_argument(
        "file", metavar="FILE")
    ds.add_parser("restore", help="replace an SQLite database with the backup FILE (the current one is kept "
                                  "beside it)").add_argument("file", metavar="FILE")
    ds.add_parser("info", help="where the database is, its schema revision and counts")
    for p in ds.choices.values():
        common(p)


def run_lots(args: argparse.Namespace) -> int:
    from mesomap.store import lots

    store = open_records(args)
    try:
        cmd = args.records_command
        if cmd == "add":
            product = lots.find_product(store, args.product) or lots.add_product(store, args.product, args.maker,
                                                                                  args.volume_ml)
            lot = lots.add_lot(store, product.id, args.lot, args.expiry)
            print_json(lot.as_dict()) if args.json else print(label("cli_lot_added", lot=lot.lot_number,
                                                                    product=lot.product, expiry=lot.expiry or "—"))
        elif cmd == "list":
            found = lots.list_lots(store)
            if args.json:
                print_json([lot.as_dict() for lot in found])
            for lot in [] if args.json else found:
                print(f"{lot.lot_number:<20} {str(lot.expiry or '—'):<10}  {lot.product}")
        else:
            rows = lots.recall(store, args.lot)
            if args.csv:
                lots.write_recall_csv(rows, args.csv)
            if args.json:
                print_json([r.as_dict() for r in rows])
            elif not args.csv:
                for r in rows:
                    volume = "" if r.volume_ml is None else f"{number(r.volume_ml, 'g')} {label('unit_ml')}"
                    print(f"{r.scheduled_at:%Y-%m-%d}  {r.name}  ({r.record_number or '—'})  {r.contact or '—'}  "
                          f"{r.product} {volume}")
            n = len({r.patient_id for r in rows})
            print(f"{RECALL_PATIENTS(lot=args.lot, count=n).text()}, {RECALL_SESSIONS(count=len(rows)).text()}"
                  + (label("cli_recall_written", file=args.csv) if args.csv else ""),
                  file=sys.stderr if args.json or not args.csv else sys.stdout)
        return 0
    finally:
        store.close()


def _sqlite_only(store, command: str) -> Path:
    from mesomap.store.errors import DATABASE_SQLITE_ONLY, StoreError

    if store.sqlite_path is None:
        raise StoreError(DATABASE_SQLITE_ONLY(command=command))
    return store.sqlite_path


def run_db(args: argparse.Namespace) -> int:
    from mesomap.store import migrate
    from mesomap.store.location import display_url, resolve_url

    cmd = args.records_command
    if cmd == "restore":
        return _restore(args)
    store = open_records(args, upgrade=True if cmd == "upgrade" else None)
    try:
        if cmd == "upgrade":
            print(label("cli_schema_up_to_date", revision=migrate.revisions(store.engine).current))
        elif cmd == "backup":
            out = migrate.backup_sqlite(_sqlite_only(store, "backup"), Path(args.file))
            print(out)
        else:
            print_info(store, resolve_url(args.database).source, display_url(store.engine.url), args.json)
        return 0
    finally:
        store.close()


def print_info(store, source: str, url: str, as_json: bool) -> None:
    import os
    import stat

    from sqlalchemy import func, select

    from mesomap.store import migrate
    from mesomap.store.schema import lots, patients, sessions

    revs = migrate.revisions(store.engine)
    with store.read() as conn:
        counts = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                  for t in (patients, sessions, lots)}
    facts = {"url": url, "source": source, "backend": store.backend, "revision": revs.current, "head": revs.head,
             **counts}
    if store.sqlite_path is not None:
        facts["file_mode"] = oct(stat.S_IMODE(os.stat(store.sqlite_path).st_mode))
    if as_json:
        print_json(facts)
    else:
        for key, value in facts.items():
            print(f"{key:<10} {value}")


def _restore(args: argparse.Namespace) -> int:
    import sqlite3

    from mesomap.store import migrate
    from mesomap.store.errors import DATABASE_NOT_RECORDS, DATABASE_TOO_NEW, StoreError
    from mesomap.store.location import resolve_url
    from mesomap.store.store import backup_path

    source = Path(args.file)
    if not source.is_file():
        raise FileNotFoundError(label("cli_err_no_backup", source=source))
    try:
        revision = migrate.sqlite_revision(source)
    except sqlite3.DatabaseError:
        revision = None
    if revision is None:
        raise StoreError(DATABASE_NOT_RECORDS(path=str(source)))
    if revision not in migrate.known_revisions():
        raise StoreError(DATABASE_TOO_NEW(current=revision))
    store = open_records(args)
    try:
        target = _sqlite_only(store, "restore")
        kept = migrate.backup_sqlite(target, backup_path(target, "before-restore"))
    finally:
        store.close()
    migrate.restore_sqlite(source, target)
    open_records(args).close()  # an older backup is upgraded now, with a backup of its own
    print(label("cli_restored", target=target, source=source, kept=kept))
    return 0
