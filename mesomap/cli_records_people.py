"""``mesomap patients|course|session …``: the handlers (parsers in :mod:`mesomap.cli_records`)."""

from __future__ import annotations

import argparse

from mesomap.cli_records_common import need, open_records, print_json
from mesomap.text import label, number


def find_patient(store, ref: str):
    """The patient with record number ``ref``, else with id ``ref`` (digits)."""
    from mesomap.store import patients
    from mesomap.store.errors import NotFound

    found = patients.find_by_record_number(store, ref)
    if found is not None:
        return found
    if ref.isdigit():
        return patients.get_patient(store, int(ref))
    raise NotFound("patient", repr(ref))


def patient_lines(page) -> list[str]:
    p = page.patient
    lines = [label("cli_patient_head", id=p.id, name=p.name),
             "  " + label("cli_patient_ids", record=p.record_number or "—", born=p.date_of_birth or "—",
                          sex=p.sex or "—"),
             "  " + label("cli_patient_contact", contact=p.contact or "—"),
             "  " + label("cli_patient_consent", consent=p.consent_signed_on or "—",
                          answered=p.checklist_answered_on or "—")
             + (label("cli_patient_contraindications", items=", ".join(p.contraindications) or label("cli_none"))
                if p.checklist is not None else "")]
    if p.notes:
        lines.append("  " + label("cli_patient_notes", notes=p.notes))
    for c in page.courses:
        done = [s for s in page.sessions if s.course_id == c.id]
        lines.append(label("cli_course_line", id=c.id, indication=c.indication or "—", sessions=c.planned_sessions,
                           days=c.interval_days, start=c.start_date, maintenance=c.maintenance_sessions,
                           maintenance_days=c.maintenance_interval_days))
        total = c.planned_sessions + c.maintenance_sessions
        lines += ["  " + session_line(s, total) for s in done]
    return lines


def session_line(s, total: int | None = None) -> str:
    state = label("cli_session_done", when=f"{s.done_at:%Y-%m-%d %H:%M}") if s.done else label("cli_session_planned")
    of = label("cli_session_of", total=total) if total else ""
    injections = label("cli_session_injections", done="—" if s.injections_done is None else s.injections_done,
                       planned="—" if s.injections_planned is None else s.injections_planned)
    lots = "".join(label("cli_session_lot", lot=u.lot_number, product=u.product,
                         volume="" if u.volume_ml is None else f"{number(u.volume_ml, 'g')} {label('unit_ml')}")
                   + (label("cli_session_expired") if u.expired_confirmed else "") for u in s.lots)
    who = f", {s.clinician}" if s.clinician else ""
    return label("cli_session_line", id=s.id, number=s.number, of=of, when=f"{s.scheduled_at:%Y-%m-%d %H:%M}", who=who,
                 state=state, injections=injections, lots=lots)


def run_patients(args: argparse.Namespace) -> int:
    from mesomap.store import export, pages, patients
    from mesomap.store.records import CONTRAINDICATIONS

    cmd = args.records_command
    if cmd == "checklist":
        for key, question in CONTRAINDICATIONS.items():
            print(f"{key:<24} {question}")
        return 0
    store = open_records(args)
    try:
        if cmd == "add":
            p = patients.add_patient(store, args.name, record_number=args.record_number, date_of_birth=args.born,
                                     sex=args.sex, contact=args.contact, notes=args.notes,
                                     checklist=dict(args.checklist) if args.checklist else None,
                                     checklist_answered_on=args.checklist_date, consent_signed_on=args.consent)
            print_json(p.as_dict()) if args.json else print(label("cli_patient_head", id=p.id, name=p.name))
        elif cmd == "list":
            rows = patients.search_patients(store, args.text, limit=args.limit)
            if args.json:
                print_json([r.as_dict() for r in rows])
            for r in [] if args.json else rows:
                print(f"{r.id:>7}  {r.record_number or '':<16} {str(r.date_of_birth or ''):<10}  {r.name}")
        elif cmd == "show":
            page = pages.open_patient(store, find_patient(store, args.patient).id)
            print_json(page.as_dict()) if args.json else print("\n".join(patient_lines(page)))
        elif cmd == "export":
            out = export.write_patient_record(store, find_patient(store, args.patient).id, args.out)
            print(out)
        elif cmd == "erase":
            need(args.yes, "erasing a patient cannot be undone: add --yes")
            p = find_patient(store, args.patient)
            pages.erase_patient(store, p.id)
            print(label("cli_patient_erased", id=p.id))
        return 0
    finally:
        store.close()


def run_course(args: argparse.Namespace) -> int:
    from mesomap.store import courses, sessions

    store = open_records(args)
    try:
        if args.records_command == "add":
            c = courses.add_course(store, find_patient(store, args.patient).id, args.indication, args.start,
                                   planned_sessions=args.sessions, interval_days=args.interval_days,
                                   maintenance_sessions=args.maintenance,
                                   maintenance_interval_days=args.maintenance_days)
        else:
            c = courses.get_course(store, args.course)
        days = c.planned_dates()
        done = sessions.sessions_of_course(store, c.id)
        if args.json:
            print_json({**c.as_dict(), "planned_dates": [d.isoformat() for d in days],
                        "sessions": [s.as_dict() for s in done]})
            return 0
        print(label("cli_course_head", id=c.id, indication=c.indication or "—", patient=c.patient_id))
        print(label("cli_planned_dates", dates=", ".join(d.isoformat() for d in days)))
        for s in done:
            print(session_line(s, len(days)))
        return 0
    finally:
        store.close()


def _lot_for(store, number: str, product: str | None):
    from mesomap.store import lots
    from mesomap.store.errors import NotFound

    found = [lot for lot in lots.list_lots(store, number) if product is None or lot.product == product]
    if not found:
        raise NotFound("lot", repr(number) + (f" of {product}" if product else ""))
    need(len(found) == 1, f"lot {number} exists for {len(found)} products ("
                          f"{', '.join(lot.product for lot in found)}): say which with --product")
    return found[0]


def run_session(args: argparse.Namespace) -> int:
    from mesomap.store import courses, lots, sessions

    store = open_records(args)
    try:
        cmd = args.records_command
        if cmd == "start":
            plan_json = None
            if args.plan:
                from mesomap.io.plan_file import load_plan  # refuse a file that is not a plan

                load_plan(args.plan)
                with open(args.plan, encoding="utf-8") as f:
                    plan_json = f.read()
            clinician_id = None
            if args.clinician:
                known = {c.name: c.id for c in sessions.list_clinicians(store)}
                clinician_id = known.get(args.clinician) or sessions.add_clinician(store, args.clinician).id
            s = sessions.start_session(store, args.course, args.at, clinician_id=clinician_id, plan_json=plan_json)
        elif cmd == "lot":
            lot = _lot_for(store, args.lot, args.product)
            try:
                lots.use_lot(store, args.session, lot.id, args.volume_ml, confirm_expired=args.confirm_expired)
            except lots.LotExpired as err:
                raise ValueError(label("cli_err_confirm_expired", err=err)) from None
            s = sessions.get_session(store, args.session)
        elif cmd == "done":
            s = sessions.get_session(store, args.session)
            s = sessions.mark_done(store, s.id, s.version, args.injections)
        elif cmd == "note":
            need(args.notes is not None or args.adverse_events is not None, "give --notes or --adverse-events")
            s = sessions.get_session(store, args.session)
            changes = {k: v for k, v in (("notes", args.notes), ("adverse_events", args.adverse_events)) if v is not None}
            s = sessions.update_session(store, s.id, s.version, **changes)
        else:
            s = sessions.get_session(store, args.session)
        course = courses.get_course(store, s.course_id)
        print_json(s.as_dict()) if args.json else print(session_line(s, course.planned_sessions
                                                                      + course.maintenance_sessions))
        return 0
    finally:
        store.close()
