"""Treatment sessions of a course, and the clinicians who give them.

A session stores the plan it used as the plan file's JSON text; once marked done the plan is
frozen (:class:`SessionFrozen`), while notes and adverse events can still be added. Starting the
next session copies the previous session's plan.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from mesomap.store import audit
from mesomap.store.errors import NotFound, SessionFrozen, check_range, check_text
from mesomap.store.locking import versioned_update
from mesomap.store.records import Clinician, LotUse, TreatmentSession
from mesomap.store.schema import clinicians, lot_uses, lots, products, sessions
from mesomap.store.store import Store

EDITABLE = {"scheduled_at", "clinician_id", "plan_json", "injections_planned", "injections_done", "notes",
            "adverse_events"}
MAX_INJECTIONS = 100_000


def add_clinician(store: Store, name: str) -> Clinician:
    check_text("clinician", name, required=True)
    with store.begin() as conn:
        new_id = conn.execute(clinicians.insert().values(name=name, version=1).returning(clinicians.c.id)).scalar_one()
        audit.record(conn, store.actor, "clinicians", new_id, "create", ["name"])
        return Clinician(new_id, name, 1)


def list_clinicians(store: Store) -> list[Clinician]:
    with store.read() as conn:
        return [Clinician(**r._mapping) for r in conn.execute(select(clinicians).order_by(clinicians.c.name))]


def _session_query():
    return (select(sessions, clinicians.c.name.label("clinician"))
            .join(clinicians, clinicians.c.id == sessions.c.clinician_id, isouter=True))


def _uses(conn: Connection, session_ids: list[int]) -> dict[int, list[LotUse]]:
    out: dict[int, list[LotUse]] = defaultdict(list)
    if not session_ids:
        return out
    q = (select(lot_uses.c.id, lot_uses.c.session_id, lot_uses.c.lot_id, lots.c.lot_number,
                products.c.name.label("product"), lots.c.expiry, lot_uses.c.volume_ml, lot_uses.c.expired_confirmed)
         .join(lots, lots.c.id == lot_uses.c.lot_id).join(products, products.c.id == lots.c.product_id)
         .where(lot_uses.c.session_id.in_(session_ids)).order_by(lot_uses.c.id))
    for r in conn.execute(q):
        out[r.session_id].append(LotUse(**r._mapping))
    return out


def _records(conn: Connection, rows) -> list[TreatmentSession]:
    rows = list(rows)
    uses = _uses(conn, [r.id for r in rows])
    return [TreatmentSession(**r._mapping, lots=tuple(uses.get(r.id, ()))) for r in rows]


def load(conn: Connection, session_id: int) -> TreatmentSession:
    found = _records(conn, conn.execute(_session_query().where(sessions.c.id == session_id)))
    if not found:
        raise NotFound("session", session_id)
    return found[0]


def sessions_of(conn: Connection, patient_id: int) -> list[TreatmentSession]:
    """Every session of the patient, by date, with the lots used."""
    return _records(conn, conn.execute(_session_query().where(sessions.c.patient_id == patient_id)
                                       .order_by(sessions.c.scheduled_at, sessions.c.id)))


def sessions_of_course(store: Store, course_id: int) -> list[TreatmentSession]:
    with store.read() as conn:
        return _records(conn, conn.execute(_session_query().where(sessions.c.course_id == course_id)
                                           .order_by(sessions.c.number)))


def get_session(store: Store, session_id: int) -> TreatmentSession:
    with store.read() as conn:
        return load(conn, session_id)


def start_session(store: Store, course_id: int, scheduled_at: datetime, *, clinician_id: int | None = None,
                  plan_json: str | None = None, injections_planned: int | None = None) -> TreatmentSession:
    """The course's next session (number n+1). Without ``plan_json`` it copies the previous session's plan."""
    from mesomap.store import courses

    if plan_json is not None:
        check_text("plan", plan_json)
    with store.begin() as conn:
        course = courses.load(conn, course_id)
        number = (conn.execute(select(func.max(sessions.c.number)).where(sessions.c.course_id == course_id))
                  .scalar() or 0) + 1
        copied_from = None
        if plan_json is None and number > 1:
            prev = conn.execute(select(sessions.c.id, sessions.c.plan_json, sessions.c.injections_planned)
                                .where(sessions.c.course_id == course_id).order_by(sessions.c.number.desc())
                                .limit(1)).first()
            copied_from, plan_json = prev.id, prev.plan_json
            injections_planned = prev.injections_planned if injections_planned is None else injections_planned
        values = dict(course_id=course_id, patient_id=course.patient_id, number=number, scheduled_at=scheduled_at,
                      clinician_id=clinician_id, plan_json=plan_json, injections_planned=injections_planned,
                      notes="", adverse_events="", version=1)
        new_id = conn.execute(sessions.insert().values(**values).returning(sessions.c.id)).scalar_one()
        audit.record(conn, store.actor, "sessions", new_id, "create",
                     [k for k, v in values.items() if v not in (None, "") and k != "version"],
                     {"course_id": course_id, "copied_plan_from_session": copied_from})
        return load(conn, new_id)


def update_session(store: Store, session_id: int, base_version: int, **changes: Any) -> TreatmentSession:
    """Save changes made to version ``base_version`` (ConflictError if stale); a done session's plan is frozen."""
    bad = set(changes) - EDITABLE
    if bad:
        raise TypeError(f"not editable: {sorted(bad)}")
    for name in ("notes", "adverse_events", "plan_json"):
        if changes.get(name) is not None:
            check_text(name.replace("_", " "), changes[name])
    for name in ("injections_planned", "injections_done"):
        if changes.get(name) is not None:
            check_range(name.replace("_", " "), changes[name], 0, MAX_INJECTIONS)
    with store.begin() as conn:
        current = load(conn, session_id)
        if current.done and "plan_json" in changes and changes["plan_json"] != current.plan_json:
            raise SessionFrozen(current.number)
        versioned_update(conn, sessions, session_id, base_version, changes, "session", load)
        audit.record(conn, store.actor, "sessions", session_id, "update", changes)
        return load(conn, session_id)


def mark_done(store: Store, session_id: int, base_version: int, injections_done: int | None = None,
              done_at: datetime | None = None) -> TreatmentSession:
    """Mark the session done (its plan is frozen from now on), with the injections actually given."""
    if injections_done is not None:
        check_range("injections done", injections_done, 0, MAX_INJECTIONS)
    values = {"done_at": done_at or audit.utc_now(), "injections_done": injections_done}
    with store.begin() as conn:
        current = load(conn, session_id)
        if current.done:
            raise SessionFrozen(current.number)
        versioned_update(conn, sessions, session_id, base_version, values, "session", load)
        audit.record(conn, store.actor, "sessions", session_id, "done", values)
        return load(conn, session_id)
