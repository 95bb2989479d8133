"""A plan linked to a records session, recovered after a crash (autosave recovery), comes back linked: the
window's title names the patient's session and File › Save writes the plan into that session, not into a file.
A session saved by another station meanwhile is still refused as a conflict, as before the crash."""

from __future__ import annotations

from datetime import date, datetime

from mesomap.io.autosave import Autosaver
from mesomap.io.plan_file import load_plan
from mesomap.store import courses, patients, sessions
from mesomap.store.store import open_store
from mesomap.ui.plan_files import PlanFiles
from mesomap.session.records import plan_of
from tests.ui.conftest import open_window
from tests.ui.test_files import dead_pid, make_plan


def a_session(url: str) -> int:
    store = open_store(url).store
    p = patients.add_patient(store, "Anna Petrova", record_number="MM-7")
    c = courses.add_course(store, p.id, "cellulite", date(2026, 3, 2), planned_sessions=6, maintenance_sessions=2)
    s = sessions.start_session(store, c.id, datetime(2026, 3, 9, 10, 30))
    store.close()
    return s.id


def crashed_linked_window(qtbot, settings, tmp_path, monkeypatch):
    """A window whose plan is linked to a records session and edited, autosaved by a process now gone."""
    url = f"sqlite:///{tmp_path / 'records.sqlite3'}"
    monkeypatch.setenv("MESOMAP_DATABASE_URL", url)
    session_id = a_session(url)
    crashed = open_window(qtbot, settings, autosaver=Autosaver(directory=tmp_path / "data" / "autosave",
                                                               pid=dead_pid()))
    assert crashed.records.open_in_planner(session_id)
    plan = make_plan(crashed)
    assert crashed.files.autosave_tick(interval_s=0)
    monkeypatch.setattr(PlanFiles, "ask_restore", lambda self, recovery: True)
    return url, session_id, plan


def test_a_recovered_linked_plan_comes_back_linked_and_saves_into_its_session(qtbot, settings, tmp_path,
                                                                                monkeypatch):
    url, session_id, plan = crashed_linked_window(qtbot, settings, tmp_path, monkeypatch)
    again = open_window(qtbot, settings)
    assert again.files.offer_recovery()
    assert again.doc.plan == plan and again.doc.dirty
    assert again.windowTitle().startswith("Anna Petrova, session 1 of 8")
    assert again.records.linked is not None and again.records.linked.session.id == session_id
    assert load_plan(again.autosaver.path) == plan  # autosaved again at once, still linked:
    assert again.autosaver.leftovers() == [] and again.records.link.autosave_note()["session_id"] == session_id

    assert again.files.save()  # File › Save: into the session, no file dialog
    assert not again.doc.dirty
    store = open_store(url).store
    stored = sessions.get_session(store, session_id)
    store.close()
    assert stored.plan_json and plan_of(stored.plan_json).zones == plan.zones
    assert stored.injections_planned == len(plan.points) + sum(len(z.injections) for z in plan.zones)


def test_a_session_saved_elsewhere_meanwhile_is_still_a_conflict(qtbot, settings, tmp_path, monkeypatch, errors):
    url, session_id, plan = crashed_linked_window(qtbot, settings, tmp_path, monkeypatch)
    store = open_store(url).store  # another station saves the session while the crashed window is gone
    s = sessions.get_session(store, session_id)
    sessions.update_session(store, s.id, s.version, notes="seen by Dr Morel")
    store.close()
    again = open_window(qtbot, settings)
    assert again.files.offer_recovery() and again.records.linked is not None
    assert not again.files.save() and again.doc.dirty
    assert errors and "Reopen the session" in errors[-1]
