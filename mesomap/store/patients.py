"""Patients: add, read, edit (optimistic locking), search as you type (the page and erasing: :mod:`.pages`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Integer, and_, column, func, or_, select, table
from sqlalchemy import text as text_sql
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from mesomap.store import audit
from mesomap.store.errors import (CHECKLIST_UNKNOWN, RECORD_NUMBER_TAKEN, NotFound, StoreError, check_text)
from mesomap.store.locking import versioned_update
from mesomap.store.records import CONTRAINDICATIONS, Patient, PatientRow
from mesomap.store.schema import patients
from mesomap.store.store import Store

PATIENT_COLUMNS = [c for c in patients.c if c.name != "name_key"]
TEXT_FIELDS = ("name", "record_number", "sex", "contact", "notes")
#: Short columns (schema.patients): their most characters.
TEXT_LIMITS = {"record_number": 64, "sex": 16}
#: SQLite's FTS5 trigram index of name_key and record_number (migration 0003), by patient id (its rowid).
SEARCH_INDEX = table("patients_search", column("rowid", Integer))
EDITABLE = set(TEXT_FIELDS) | {"date_of_birth", "checklist", "checklist_answered_on", "consent_signed_on"}


def _checked(values: dict[str, Any]) -> dict[str, Any]:
    """Field values fit to store (text verbatim, a known checklist), plus the search key for a name."""
    out = dict(values)
    for name in TEXT_FIELDS:
        if out.get(name) is not None:
            check_text(name.replace("_", " "), out[name], required=name == "name", limit=TEXT_LIMITS.get(name))
    if out.get("record_number") == "":
        out["record_number"] = None
    if out.get("checklist") is not None:
        unknown = sorted(set(out["checklist"]) - set(CONTRAINDICATIONS))
        if unknown:
            raise StoreError(CHECKLIST_UNKNOWN(keys=", ".join(unknown), known=", ".join(CONTRAINDICATIONS)))
        out["checklist"] = {k: bool(v) for k, v in out["checklist"].items()}
    if "name" in out:
        out["name_key"] = out["name"].casefold()
    return out


def load(conn: Connection, patient_id: int) -> Patient:
    row = conn.execute(select(*PATIENT_COLUMNS).where(patients.c.id == patient_id)).first()
    if row is None:
        raise NotFound("patient", patient_id)
    return Patient(**row._mapping)


def _taken(err: IntegrityError, record_number: str | None) -> StoreError:
    return StoreError(RECORD_NUMBER_TAKEN(record_number=record_number)) if record_number else err


def add_patient(store: Store, name: str, *, record_number: str | None = None, date_of_birth: date | None = None,
                sex: str = "", contact: str = "", notes: str = "", checklist: dict[str, bool] | None = None,
                checklist_answered_on: date | None = None, consent_signed_on: date | None = None) -> Patient:
    """A new patient; text is stored verbatim. ``checklist``: contraindication key -> answer (see CONTRAINDICATIONS)."""
    if checklist is not None and checklist_answered_on is None:
        checklist_answered_on = date.today()
    values = _checked(dict(name=name, record_number=record_number, date_of_birth=date_of_birth, sex=sex,
                           contact=contact, notes=notes, checklist=checklist,
                           checklist_answered_on=checklist_answered_on, consent_signed_on=consent_signed_on))
    try:
        with store.begin() as conn:
            new_id = conn.execute(patients.insert().values(**values, created_at=audit.utc_now(), version=1)
                                  .returning(patients.c.id)).scalar_one()
            audit.record(conn, store.actor, "patients", new_id, "create", [k for k, v in values.items()
                                                                           if v not in (None, "") and k != "name_key"])
            return load(conn, new_id)
    except IntegrityError as err:
        raise _taken(err, values["record_number"]) from None


def get_patient(store: Store, patient_id: int) -> Patient:
    with store.read() as conn:
        return load(conn, patient_id)


def find_by_record_number(store: Store, record_number: str) -> Patient | None:
    with store.read() as conn:
        pid = conn.execute(select(patients.c.id).where(patients.c.record_number == record_number)).scalar()
        return None if pid is None else load(conn, pid)


def update_patient(store: Store, patient_id: int, base_version: int, **changes: Any) -> Patient:
    """Save ``changes`` made to version ``base_version``; a newer stored version raises ConflictError (both kept)."""
    bad = set(changes) - EDITABLE
    if bad:
        raise TypeError(f"not editable: {sorted(bad)}")
    if changes.get("checklist") is not None and "checklist_answered_on" not in changes:
        changes["checklist_answered_on"] = date.today()
    values = _checked(changes)
    try:
        with store.begin() as conn:
            versioned_update(conn, patients, patient_id, base_version, values, "patient", load)
            audit.record(conn, store.actor, "patients", patient_id, "update", [k for k in values if k != "name_key"])
            return load(conn, patient_id)
    except IntegrityError as err:
        raise _taken(err, values.get("record_number")) from None


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _prefix(column, text: str, dialect: str):
    """``column`` starts with ``text``, as an index range: SQLite's LIKE cannot use a plain index."""
    if dialect == "sqlite":
        return and_(column >= text, column < text + "\U0010ffff")
    return column.like(_escape_like(text) + "%", escape="\\")


def _has_trigrams(store: Store, conn: Connection) -> bool:
    """Whether this SQLite database has the FTS5 trigram index (migration 0003; not on an SQLite without FTS5)."""
    if store.backend != "sqlite":
        return False
    if store._trigrams is None:
        store._trigrams = conn.execute(text_sql("SELECT 1 FROM sqlite_master WHERE name = 'patients_search'")).first() \
            is not None
    return store._trigrams


def _substring_query(cols, key: str, raw: str, dialect: str, trigrams: bool):
    """Patients whose name holds ``key`` (casefolded) or whose record number holds ``raw`` (any case), by name.

    PostgreSQL answers from its pg_trgm indexes; SQLite from its FTS5 trigram index when the text has
    3 or more characters (a quoted phrase: every character literal), else by scanning the table.
    """
    if trigrams and len(key) >= 3 and len(raw) >= 3:
        phrase = '"' + key.replace('"', '""') + '"'
        hits = select(SEARCH_INDEX.c.rowid).where(text_sql("patients_search MATCH :phrase").bindparams(phrase=phrase))
        where = patients.c.id.in_(hits)
    else:
        pattern = "%" + _escape_like(key) + "%"
        where = or_(patients.c.name_key.like(pattern, escape="\\"),
                    patients.c.record_number.ilike("%" + _escape_like(raw) + "%", escape="\\"))
    order = patients.c.name_key
    if dialect == "sqlite":  # sort the few matches; walking the name index would visit every row in name order
        order = order.concat("")
    return select(*cols).where(where).order_by(order, patients.c.id)


def search_patients(store: Store, text: str, limit: int = 50) -> list[PatientRow]:
    """Patients whose name or record number starts with ``text`` (case-insensitive, by name), then those that
    contain it elsewhere; at most ``limit``. An empty ``text`` lists the first patients by name."""
    key = text.strip().casefold()
    cols = (patients.c.id, patients.c.name, patients.c.record_number, patients.c.date_of_birth)
    with store.read() as conn:
        if not key:
            return [PatientRow(*r) for r in conn.execute(select(*cols).order_by(patients.c.name_key, patients.c.id)
                                                         .limit(limit))]
        dialect = store.backend
        first = conn.execute(select(*cols).where(or_(_prefix(patients.c.name_key, key, dialect),
                                                     _prefix(patients.c.record_number, text.strip(), dialect)))
                             .order_by(patients.c.name_key, patients.c.id).limit(limit)).all()
        found = [PatientRow(*r) for r in first]
        if len(found) < limit:
            seen = {p.id for p in found}
            more = conn.execute(_substring_query(cols, key, text.strip(), dialect, _has_trigrams(store, conn))
                                .limit(limit + len(seen))).all()
            found += [PatientRow(*r) for r in more if r.id not in seen][: limit - len(found)]
        return found


def count_patients(store: Store) -> int:
    with store.read() as conn:
        return conn.execute(select(func.count()).select_from(patients)).scalar_one()
