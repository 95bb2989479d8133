"""The records a clinician keeps, on SQLite and on PostgreSQL: patients, courses, sessions, lots, recall, erase."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from mesomap.store import audit, courses, lots, pages, patients, sessions
from mesomap.store.errors import LotExpired, NotFound, SessionFrozen, StoreError

HOSTILE = [
    "Robert'); DROP TABLE patients;--",
    "\"%_\\ ' ; -- /* */ OR 1=1",
    "שלום עולם مرحبا‮ RTL override‬ 👩‍⚕️💉🧪 Zoë Ærøskøbing",
    "=HYPERLINK(\"http://x\")",
    "line one\nline two\r\n\ttabbed",
    "ж" * 5000 + "😀" * 5000,  # 10,000 characters, multi-byte
]


@pytest.mark.parametrize("text", HOSTILE, ids=["sql", "meta", "unicode-rtl-emoji", "formula", "newlines", "10k"])
def test_hostile_text_in_every_field_is_stored_and_read_back_verbatim(store, text):
    p = patients.add_patient(store, text, record_number=text[:64], sex=text[:16], contact=text, notes=text)
    again = patients.get_patient(store, p.id)
    assert (again.name, again.contact, again.notes) == (text, text, text)
    assert again.record_number == text[:64] and again.sex == text[:16]
    c = courses.add_course(store, p.id, text, date(2026, 3, 2))
    s = sessions.start_session(store, c.id, datetime(2026, 3, 2, 9), plan_json=json.dumps({"patient_ref": text}))
    s = sessions.update_session(store, s.id, s.version, notes=text, adverse_events=text)
    page = pages.open_patient(store, p.id)
    assert page.courses[0].indication == text
    assert (page.sessions[0].notes, page.sessions[0].adverse_events) == (text, text)
    assert json.loads(page.sessions[0].plan_json)["patient_ref"] == text
    assert [r.id for r in patients.search_patients(store, text[:20])] == [p.id]


def test_text_no_database_can_hold_is_refused_with_the_field_named(store):
    with pytest.raises(StoreError, match="notes holds a character"):
        patients.add_patient(store, "Ann", notes="a\x00b")
    with pytest.raises(StoreError, match="name is empty"):
        patients.add_patient(store, "   ")
    with pytest.raises(StoreError, match="record number is 65 characters long; it holds at most 64"):
        patients.add_patient(store, "Ann", record_number="9" * 65)
    with pytest.raises(StoreError, match="lot number is 100 characters long"):
        lots.add_lot(store, lots.add_product(store, "P").id, "L" * 100, None)
    assert patients.search_patients(store, "") == []


def test_search_as_you_type_finds_by_name_prefix_substring_and_record_number(store):
    ids = {n: patients.add_patient(store, n, record_number=r).id
           for n, r in (("Anna Petrova", "MM-0042"), ("Annette Roux", "MM-0100"), ("Hanna Berg", "X-7"),
                        ("Boris Anikin", None), ("50%_off Smith", "Q_1"))}
    assert [r.name for r in patients.search_patients(store, "ann")][:2] == ["Anna Petrova", "Annette Roux"]
    assert {r.name for r in patients.search_patients(store, "ANN")} == {"Anna Petrova", "Annette Roux", "Hanna Berg"}
    assert [r.id for r in patients.search_patients(store, "MM-0042")] == [ids["Anna Petrova"]]
    assert [r.id for r in patients.search_patients(store, "0100")] == [ids["Annette Roux"]]
    assert [r.name for r in patients.search_patients(store, "%_")] == ["50%_off Smith"]  # wildcards are literal
    assert [r.name for r in patients.search_patients(store, "nik")] == ["Boris Anikin"]
    assert len(patients.search_patients(store, "a", limit=2)) == 2


def test_substring_search_follows_edits_and_takes_quotes_literally(store):
    p = patients.add_patient(store, 'Say "Hi" O\'Brien', record_number="ZX-90817")
    assert [r.id for r in patients.search_patients(store, 'hi" o\'b')] == [p.id]
    assert [r.id for r in patients.search_patients(store, "0817")] == [p.id]
    assert patients.search_patients(store, '"hi"*') == [] and patients.search_patients(store, "hi OR x") == []
    p = patients.update_patient(store, p.id, p.version, name="Renamed Person", record_number="QW-55")
    assert patients.search_patients(store, "brien") == [] and patients.search_patients(store, "0817") == []
    assert [r.id for r in patients.search_patients(store, "med pers")] == [p.id]
    pages.erase_patient(store, p.id)
    assert patients.search_patients(store, "med pers") == []


def test_checklist_and_consent_are_kept_with_their_dates(store):
    p = patients.add_patient(store, "Eva", checklist={"allergy": True, "epilepsy": False},
                             checklist_answered_on=date(2026, 2, 1), consent_signed_on=date(2026, 2, 1),
                             date_of_birth=date(1980, 5, 17))
    p = patients.get_patient(store, p.id)
    assert p.contraindications == ["allergy"] and p.checklist_answered_on == date(2026, 2, 1)
    assert p.consent_signed_on == date(2026, 2, 1) and p.date_of_birth == date(1980, 5, 17)
    with pytest.raises(StoreError, match="no question smoking"):
        patients.update_patient(store, p.id, p.version, checklist={"smoking": True})


def test_a_course_plans_weekly_sessions_then_maintenance(store):
    p = patients.add_patient(store, "Eva")
    c = courses.add_course(store, p.id, "cellulite", date(2026, 1, 5), planned_sessions=3, maintenance_sessions=1,
                           maintenance_interval_days=60)
    assert courses.get_course(store, c.id).planned_dates() == [date(2026, 1, 5), date(2026, 1, 12),
                                                               date(2026, 1, 19), date(2026, 3, 20)]
    default = courses.add_course(store, p.id, "face", date(2026, 1, 1))
    days = default.planned_dates()
    assert len(days) == 8 and days[5] == date(2026, 2, 5) and days[6] == date(2026, 3, 7)  # 6 weekly, then monthly
    with pytest.raises(StoreError, match="planned sessions is 0"):
        courses.add_course(store, p.id, "x", date(2026, 1, 1), planned_sessions=0)


def test_the_next_session_copies_the_previous_plan_and_a_done_session_is_frozen(store):
    p = patients.add_patient(store, "Eva")
    c = courses.add_course(store, p.id, "hair loss", date(2026, 1, 5))
    doc = sessions.add_clinician(store, "Dr Morel")
    first = sessions.start_session(store, c.id, datetime(2026, 1, 5, 10), clinician_id=doc.id,
                                   plan_json='{"zones": ["scalp"]}', injections_planned=120)
    done = sessions.mark_done(store, first.id, first.version, injections_done=110)
    second = sessions.start_session(store, c.id, datetime(2026, 1, 12, 10))
    assert (second.number, second.plan_json, second.injections_planned) == (2, '{"zones": ["scalp"]}', 120)
    with pytest.raises(SessionFrozen, match="session 1 is done"):
        sessions.update_session(store, done.id, done.version, plan_json='{"zones": []}')
    later = sessions.update_session(store, done.id, done.version, adverse_events="small bruise")  # notes still open
    assert later.plan_json == '{"zones": ["scalp"]}' and later.adverse_events == "small bruise"
    assert later.injections_done == 110 and later.clinician == "Dr Morel"


def test_an_expired_lot_needs_a_confirmation_that_is_audited(store):
    p = patients.add_patient(store, "Eva")
    c = courses.add_course(store, p.id, "face", date(2026, 1, 5))
    s = sessions.start_session(store, c.id, datetime(2026, 2, 1, 9))
    prod = lots.add_product(store, "HA 1.5%", "Maker", 5.0)
    old = lots.add_lot(store, prod.id, "L-OLD", date(2026, 1, 31))
    with pytest.raises(LotExpired, match="lot L-OLD of HA 1.5% expired on 2026-01-31"):
        lots.use_lot(store, s.id, old.id, 1.0)
    assert sessions.get_session(store, s.id).lots == ()
    use = lots.use_lot(store, s.id, old.id, 1.0, confirm_expired=True)
    assert use.expired_confirmed
    with store.read() as conn:
        entry = audit.entries(conn, "lot_uses", use.id)[-1]
    assert entry.action == "use_expired_lot" and entry.actor == "station-1"
    assert entry.detail["lot_number"] == "L-OLD" and entry.detail["expiry"] == "2026-01-31"


def test_recall_lists_who_received_a_lot_with_dates_and_contact(store):
    prod = lots.add_product(store, "Cocktail A")
    lot = lots.add_lot(store, prod.id, "B-77", date(2030, 1, 1))
    other = lots.add_lot(store, prod.id, "B-78", date(2030, 1, 1))
    for name, contact, day, which in (("Anna", "+33 1", 3, lot), ("Boris", "b@x", 1, lot), ("Cleo", "c@x", 2, other)):
        pid = patients.add_patient(store, name, contact=contact).id
        c = courses.add_course(store, pid, "face", date(2026, 1, day))
        lots.use_lot(store, sessions.start_session(store, c.id, datetime(2026, 1, day, 9)).id, which.id, 0.5)
    rows = lots.recall(store, "B-77")
    assert [(r.name, r.contact, r.scheduled_at.day, r.volume_ml) for r in rows] == [("Boris", "b@x", 1, 0.5),
                                                                                  ("Anna", "+33 1", 3, 0.5)]


def test_erasing_a_patient_removes_their_data_and_leaves_an_audit_entry_without_it(store):
    p = patients.add_patient(store, "Secret Name", record_number="SECRET-1", contact="secret@mail",
                             notes="secret notes")
    c = courses.add_course(store, p.id, "secret indication", date(2026, 1, 5))
    lot = lots.add_lot(store, lots.add_product(store, "P").id, "L1", None)
    lots.use_lot(store, sessions.start_session(store, c.id, datetime(2026, 1, 5, 9)).id, lot.id, 1.0)
    pages.erase_patient(store, p.id)
    with pytest.raises(NotFound, match="no patient"):
        patients.get_patient(store, p.id)
    assert lots.recall(store, "L1") == [] and patients.search_patients(store, "secret") == []
    with store.read() as conn:
        log = audit.entries(conn)
    assert [(e.action, e.row_id) for e in log if e.table_name == "patients"][-1] == ("erase", p.id)
    dumped = json.dumps([e.as_dict() for e in log])
    assert "secret" not in dumped.lower() and "SECRET" not in dumped


def test_every_change_is_in_the_audit_log_with_who_and_which_fields(store):
    p = patients.add_patient(store, "Eva", contact="e@x")
    patients.update_patient(store, p.id, p.version, contact="eva@x", notes="n")
    with store.read() as conn:
        log = audit.entries(conn, "patients", p.id)
    assert [(e.action, e.actor) for e in log] == [("create", "station-1"), ("update", "station-1")]
    assert log[1].fields == ["contact", "notes"] and "eva@x" not in json.dumps(log[1].as_dict())
