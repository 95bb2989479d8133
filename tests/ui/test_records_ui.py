"""Issue 15 in the window: a patient, a course, two sessions with lots, found again by recall — on SQLite
and on a real PostgreSQL server; the plan of a session opened in the planner and saved back into it;
an expired lot only with a recorded confirmation; search as you type."""

from __future__ import annotations

import csv
from datetime import date, datetime

from mesomap.session.session import Mode
from mesomap.store import audit, courses, patients, sessions
from mesomap.store.store import open_store
from mesomap.ui.records_forms import PLAN_OPEN, PLAN_PREVIOUS
from tests.store.conftest import db_url, pg_cluster  # noqa: F401 — the fixtures, on both backends
from tests.ui.conftest import gridded_window
from tests.ui.records_helpers import (records_db, typed_course, typed_done, typed_known_lot,  # noqa: F401
                                      typed_new_lot, typed_patient, typed_session)


def open_patients(win):
    win.patients_action.trigger()
    return win.records.patients_window


def test_a_patient_course_two_sessions_with_lots_found_by_recall(window, qtbot, records_db, tmp_path, monkeypatch):
    win = gridded_window(qtbot, window, "abdomen")
    planned = sum(len(z.injections) for z in win.doc.plan.zones)
    rw = open_patients(win)
    page = rw.page
    monkeypatch.setattr(rw, "ask_patient", lambda *a, **k: typed_patient("Anna Petrova", "MM-1", "anna@example.org"))
    rw.add_button.click()
    assert rw.shown_names() == ["Anna Petrova"]
    assert "Anna Petrova" in page.details.text() and "MM-1" in page.details.text()

    monkeypatch.setattr(page, "ask_course", lambda: typed_course("cellulite", "2026-01-05"))
    page.course_button.click()
    tiles = page.timeline.tiles
    assert [t.state for t in tiles] == ["planned"] * 8  # 6 weekly, then 2 monthly maintenance sessions
    assert [t.day for t in tiles[:3]] == [date(2026, 1, 5), date(2026, 1, 12), date(2026, 1, 19)]

    # session 1 from the plan open in the planner; it opens there, linked
    monkeypatch.setattr(page, "ask_session", lambda c, day, names, prev: typed_session(c, day, PLAN_OPEN))
    assert page.new_session_button.isEnabled()
    page.new_session_button.click()
    linked = win.records.linked
    assert linked is not None and linked.session.number == 1 and linked.session.clinician == "Dr Morel"
    assert sum(len(z.injections) for z in win.doc.plan.zones) == planned

    # a change in the planner, File › Save: the plan goes into the session, not to a file
    win.editor.select_injection(win.doc.plan.zones[0].id, 0)
    win.editor.delete_injection()
    assert win.doc.dirty
    win.save_action.trigger()
    assert not win.doc.dirty and win.doc.path is None
    stored = sessions.get_session(linked.store, linked.session.id)
    assert stored.injections_planned == planned - 1 and '"zones"' in stored.plan_json

    monkeypatch.setattr(page, "ask_lot", lambda known, day: typed_new_lot(known, day, "HA 1.5%", "B-77",
                                                                         "2027-06-30", 2.0))
    page.lot_button.click()
    monkeypatch.setattr(page, "ask_done", lambda s: typed_done(s, planned - 1, "tolerated well", "small bruise"))
    page.done_button.click()
    first = page.timeline.tiles[0].session
    assert first.done and first.injections_done == planned - 1 and first.adverse_events == "small bruise"
    assert [(u.lot_number, u.volume_ml) for u in first.lots] == [("B-77", 2.0)]

    # session 2 copies session 1's plan; one known lot and one expired lot, confirmed
    page.select_number(2)
    monkeypatch.setattr(page, "ask_session",
                        lambda c, day, names, prev: typed_session(c, day, PLAN_PREVIOUS, has_previous=prev))
    page.new_session_button.click()
    second = win.records.linked.session
    assert second.number == 2 and second.plan_json == first.plan_json
    assert sum(len(z.injections) for z in win.doc.plan.zones) == planned - 1
    monkeypatch.setattr(page, "ask_lot", lambda known, day: typed_known_lot(known, day, "B-77", 1.5))
    page.lot_button.click()
    asked = []
    monkeypatch.setattr(win.records, "ask", lambda title, text: asked.append(text) or True)
    monkeypatch.setattr(page, "ask_lot", lambda known, day: typed_new_lot(known, day, "Vit C", "OLD-1",
                                                                         "2020-01-01", 0.5))
    page.lot_button.click()
    assert asked and "OLD-1" in asked[0] and "expired on 2020-01-01" in asked[0]
    second = page.timeline.tiles[1].session
    assert [(u.lot_number, u.expired_confirmed) for u in second.lots] == [("B-77", False), ("OLD-1", True)]
    with linked.store.read() as conn:
        assert [e.action for e in audit.entries(conn, "lot_uses")].count("use_expired_lot") == 1
    assert win.windowTitle().startswith("Anna Petrova, session 2 of 8")  # the planner says whose plan it is
    history = [[page.history.item(i, j).text() for j in (1, 4, 6, 7)] for i in range(page.history.rowCount())]
    assert history == [["2 of 8", "started", "B-77 (HA 1.5%) 1.5 ml; OLD-1 (Vit C) 0.5 ml expired, confirmed", "—"],
                       ["1 of 8", "done", "B-77 (HA 1.5%) 2 ml", "small bruise"]]

    # the recall finds the patient twice for B-77, with dates and contact; Export CSV writes them
    win.recall_action.trigger()
    recall = win.records.recall_window
    rows = recall.find("B-77")
    assert [(r.name, r.contact, r.scheduled_at.date()) for r in rows] == [
        ("Anna Petrova", "anna@example.org", date(2026, 1, 5)), ("Anna Petrova", "anna@example.org", date(2026, 1, 12))]
    assert recall.table.rowCount() == 2 and recall.table.item(0, 0).text() == "Anna Petrova"
    out = recall.export(tmp_path / "recall.csv")
    with open(out, encoding="utf-8") as f:
        table = list(csv.reader(f))
    assert [r[1] for r in table[1:]] == ["Anna Petrova", "Anna Petrova"] and table[1][4] == "2026-01-05"
    assert recall.find("NOPE-0") == [] and "Nobody received lot NOPE-0" in recall.summary.text()


def test_a_done_sessions_plan_is_read_only_in_the_planner(window, qtbot, records_db, monkeypatch, errors):
    store = open_store(records_db).store
    p = patients.add_patient(store, "Eva Stein", record_number="E-1")
    c = courses.add_course(store, p.id, "hair loss", date(2026, 2, 2))
    s = sessions.start_session(store, c.id, datetime(2026, 2, 2, 9, 0))
    sessions.mark_done(store, s.id, s.version, injections_done=0)
    store.close()
    rw = open_patients(window)
    rw.select(p.id)
    rw.page.select_number(1)
    assert not rw.page.done_button.isEnabled() and rw.page.open_button.isEnabled()
    rw.page.open_button.click()
    assert window.records.linked.frozen and "(done: read-only)" in window.windowTitle()
    before = window.doc.plan
    window.editor.add_zone_from_template(window.templates.zone("abdomen"))  # the panel's button is off; the op refuses
    assert window.doc.plan is before and not window.doc.dirty  # the frozen plan did not change
    assert "Session 1 is done: its plan is read-only" in window.statusBar().currentMessage()
    assert "read-only" in window.status.hint.text()  # said where the tool hint goes, not about meshes
    paint = window.mode_actions[Mode.PAINT]
    assert not paint.isEnabled() and not window.zone_panel.template_button.isEnabled()
    window.save_action.trigger()
    assert errors and "frozen" in errors[-1]
    window.files.new_plan()  # another plan: editable again
    assert paint.isEnabled() and window.doc.locked is None


def test_search_as_you_type_narrows_the_list(window, qtbot, records_db):
    store = open_store(records_db).store
    for name, number in (("Anna Petrova", "MM-1"), ("Petra Novak", "MM-2"), ("Olga Ivanova", "K-7")):
        patients.add_patient(store, name, record_number=number)
    store.close()
    rw = open_patients(window)
    assert sorted(rw.shown_names()) == ["Anna Petrova", "Olga Ivanova", "Petra Novak"]
    qtbot.keyClicks(rw.search, "pet")
    qtbot.waitUntil(lambda: rw.shown_names() == ["Petra Novak", "Anna Petrova"], timeout=3000)  # prefix first
    rw.search.clear()
    qtbot.keyClicks(rw.search, "k-")
    qtbot.waitUntil(lambda: rw.shown_names() == ["Olga Ivanova"], timeout=3000)  # by record number
    rw.search.setText("zzz")
    qtbot.waitUntil(lambda: rw.count.text() == "No patient found", timeout=3000)


def test_hostile_text_is_stored_and_shown_verbatim(window, qtbot, records_db):
    from html import escape

    name = "<b>Robert'); DROP TABLE patients;--</b> \u05e9\u05dc\u05d5\u05dd \U0001F600 " + "x" * 10_000
    store = open_store(records_db).store
    p = patients.add_patient(store, name, record_number="'; --", contact="=HYPERLINK(\"x\")")
    store.close()
    rw = open_patients(window)
    assert rw.shown_names() == [name]
    rw.select(p.id)
    assert escape(name) in rw.page.details.text() and "<b>Robert" not in rw.page.details.text()
    assert escape("=HYPERLINK(\"x\")") in rw.page.details.text()


def test_a_session_plan_that_is_not_a_plan_says_so_and_the_open_plan_stays(window, qtbot, records_db, errors):
    store = open_store(records_db).store
    p = patients.add_patient(store, "Eva Stein")
    c = courses.add_course(store, p.id, "face", date(2026, 2, 2))
    s = sessions.start_session(store, c.id, datetime(2026, 2, 2, 9, 0), plan_json='{"zones": [')
    store.close()
    window.editor.add_zone_from_template(window.templates.zone("abdomen"))
    assert not window.records.open_in_planner(s.id)
    assert errors and "session 1" in errors[-1] and "line 1" in errors[-1]
    assert window.records.linked is None and [z.name for z in window.doc.plan.zones] == ["Abdomen"]
