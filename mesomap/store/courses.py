"""Courses of sessions: indication, planned sessions and intervals, start date; the planned dates follow
(:func:`mesomap.store.schedule.planned_dates`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from mesomap.store import audit
from mesomap.store.errors import NotFound, check_range, check_text
from mesomap.store.locking import versioned_update
from mesomap.store.records import Course
from mesomap.store.schedule import (DEFAULT_INTERVAL_DAYS, DEFAULT_MAINTENANCE_INTERVAL_DAYS,
                                    DEFAULT_MAINTENANCE_SESSIONS, DEFAULT_SESSIONS)
from mesomap.store.schema import courses
from mesomap.store.store import Store

LIMITS = {"planned_sessions": (1, 50), "interval_days": (1, 60), "maintenance_sessions": (0, 24),
          "maintenance_interval_days": (7, 365)}
EDITABLE = set(LIMITS) | {"indication", "start_date"}


def _checked(values: dict[str, Any]) -> dict[str, Any]:
    for name, (low, high) in LIMITS.items():
        if name in values:
            check_range(name.replace("_", " "), values[name], low, high)
    if values.get("indication") is not None:
        check_text("indication", values["indication"])
    return values


def load(conn: Connection, course_id: int) -> Course:
    row = conn.execute(select(courses).where(courses.c.id == course_id)).first()
    if row is None:
        raise NotFound("course", course_id)
    return Course(**row._mapping)


def courses_of(conn: Connection, patient_id: int) -> list[Course]:
    rows = conn.execute(select(courses).where(courses.c.patient_id == patient_id)
                        .order_by(courses.c.start_date, courses.c.id))
    return [Course(**r._mapping) for r in rows]


def add_course(store: Store, patient_id: int, indication: str, start_date: date, *,
               planned_sessions: int = DEFAULT_SESSIONS, interval_days: int = DEFAULT_INTERVAL_DAYS,
               maintenance_sessions: int = DEFAULT_MAINTENANCE_SESSIONS,
               maintenance_interval_days: int = DEFAULT_MAINTENANCE_INTERVAL_DAYS) -> Course:
    from mesomap.store import patients

    values = _checked(dict(patient_id=patient_id, indication=indication, start_date=start_date,
                           planned_sessions=planned_sessions, interval_days=interval_days,
                           maintenance_sessions=maintenance_sessions,
                           maintenance_interval_days=maintenance_interval_days))
    with store.begin() as conn:
        patients.load(conn, patient_id)
        new_id = conn.execute(courses.insert().values(**values, version=1).returning(courses.c.id)).scalar_one()
        audit.record(conn, store.actor, "courses", new_id, "create", [k for k in values if k != "patient_id"],
                     {"patient_id": patient_id})
        return load(conn, new_id)


def get_course(store: Store, course_id: int) -> Course:
    with store.read() as conn:
        return load(conn, course_id)


def update_course(store: Store, course_id: int, base_version: int, **changes: Any) -> Course:
    bad = set(changes) - EDITABLE
    if bad:
        raise TypeError(f"not editable: {sorted(bad)}")
    values = _checked(changes)
    with store.begin() as conn:
        versioned_update(conn, courses, course_id, base_version, values, "course", load)
        audit.record(conn, store.actor, "courses", course_id, "update", values)
        return load(conn, course_id)

