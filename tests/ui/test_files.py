"""Plan files from the window: save/new/open round trip, bad files, dirty title, closing, recent files, autosave."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from mesomap.io.autosave import Autosaver
from mesomap.io.plan_file import SUFFIX, load_plan, save_plan
from mesomap.model import edits
from mesomap.model.plan import Product
from mesomap.ui.main_window import MainWindow
from mesomap.ui.plan_files import PlanFiles
from tests.ui.conftest import drag, front_skin_point, open_window, screen_of


def make_plan(window):
    """A plan with a template zone, a painted zone with parameters, and a point."""
    editor = window.editor
    editor.add_zone_from_template(window.templates.zone("cheek_left"))
    zone_id = editor.add_zone("Thigh")
    hit = window.surface.pick(np.array([110.0, 2000.0, 600.0]), np.array([0.0, -1.0, 0.0]))
    editor.apply_faces(zone_id, editor.dab_faces([(hit, np.array([0.0, -1.0, 0.0]))]))
    editor.set_zone_params(zone_id, "products", products=(Product("HA", "L1"), Product("Vit C", "")), depth_mm=1.8)
    editor.add_point_from_template(window.templates.point("li4_right"))
    return window.doc.plan


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_save_new_open_gives_back_the_exact_plan(window, tmp_path, monkeypatch):
    plan = make_plan(window)
    assert window.windowTitle().startswith("Untitled plan*")
    target = tmp_path / "anna"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.save_action.trigger()  # no path yet: asks where
    saved = tmp_path / f"anna{SUFFIX}"
    assert saved.is_file() and window.doc.path == saved and not window.doc.dirty
    assert window.windowTitle() == f"anna{SUFFIX} — mesomap"
    assert load_plan(saved) == plan

    window.new_action.trigger()
    assert window.doc.plan.zones == () and window.doc.path is None
    assert window.zone_panel.tree.topLevelItemCount() == 0 and window.scene.zones.shown == set()

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(saved), ""))
    window.open_plan_action.trigger()
    assert window.doc.plan == plan and window.doc.path == saved and not window.doc.dirty
    assert window.scene.zones.shown == {z.id for z in plan.zones if len(z.faces)}
    assert window.zone_panel.tree.topLevelItemCount() == 2 and window.point_panel.tree.topLevelItemCount() == 1
    assert not window.undo_action.isEnabled(), "no undo across documents"

    window.doc.edit("rename", edits.update_zone, plan.zones[1].id, name="Thigh front")
    assert window.windowTitle() == f"anna{SUFFIX}* — mesomap"
    window.save_action.trigger()  # has a path: saves in place
    assert load_plan(saved).zones[1].name == "Thigh front" and "*" not in window.windowTitle()


def test_a_corrupt_plan_file_shows_why_and_keeps_the_open_plan(window, tmp_path, errors, monkeypatch):
    plan = make_plan(window)
    bad = tmp_path / f"broken{SUFFIX}"
    bad.write_text('{"@schema": "mesomap-plan/1", "body": {"id": "female"}, "zones": [{"id": 3}]}')
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    monkeypatch.setattr(window.files, "ask_save_changes", lambda: "discard")
    window.open_plan_action.trigger()
    assert len(errors) == 1 and errors[0].startswith(f"broken{SUFFIX}: ")
    assert window.doc.plan is plan and window.doc.dirty
    assert window.scene.zones.shown == {z.id for z in plan.zones}

    bad.write_bytes(b"\x00\xff not json")
    assert not window.files.open_plan(bad, ask=False)
    assert "not a text file" in errors[-1] or "not valid JSON" in errors[-1]
    assert window.doc.plan is plan


def test_a_plan_made_on_the_male_body_opens_on_it(window, tmp_path):
    from mesomap.io.meshes import load_painting_surface
    from mesomap.io.plan_file import body_ref
    from mesomap.model.plan import Plan, Zone

    male = load_painting_surface("male")
    plan = Plan(body=body_ref(male), zones=(Zone("zone-1", "Back", "#56b4e9", faces=np.arange(1000, 1400)),))
    path = save_plan(plan, tmp_path / f"m{SUFFIX}", male)
    assert window.files.open_plan(path)
    assert window.mesh.body_id == "male" and window.body_actions["male"].isChecked()
    assert window.surface is male and window.doc.plan == plan
    assert window.scene.zones.shown == {"zone-1"}


def test_closing_with_unsaved_changes_asks(window, isolated_data, monkeypatch, tmp_path):
    make_plan(window)
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard])
    asked = []

    def question(parent, title, text, *a, **k):
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(QMessageBox, "question", question)
    assert not window.close(), "Cancel keeps the window open"
    assert window.isVisible() and asked == ["Save the changes to the new plan?"]
    window.files.autosave_tick(interval_s=0)
    assert window.autosaver.path.exists()
    assert window.close()
    assert len(asked) == 2
    assert not window.autosaver.path.exists(), "a clean close leaves no autosave"


def test_new_with_unsaved_changes_can_save_first(window, tmp_path, monkeypatch):
    plan = make_plan(window)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / f"p{SUFFIX}"), ""))
    assert window.files.new_plan()
    assert load_plan(tmp_path / f"p{SUFFIX}") == plan and window.doc.plan.zones == ()

    make_plan(window)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))  # the user cancels the save
    assert not window.files.new_plan()
    assert len(window.doc.plan.zones) == 2


def test_recent_files_remember_eight_and_drop_missing_ones(window, tmp_path, monkeypatch):
    infos = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a, **k: infos.append(text))
    make_plan(window)
    paths = [tmp_path / f"p{i}{SUFFIX}" for i in range(10)]
    for p in paths:
        assert window.files.save_to(p)
    recent = window.files.recent_files()
    assert recent == [str(p.resolve()) for p in reversed(paths)][:8]
    window.files.fill_recent_menu()
    assert [a.text() for a in window.recent_menu.actions()][0] == f"&1  p9{SUFFIX}"

    paths[9].unlink()
    assert not window.files.open_recent(recent[0])
    assert "no longer exists" in infos[0] and recent[0] not in window.files.recent_files()
    window.recent_menu.actions()[1].trigger()  # p8, which exists
    assert window.doc.path == paths[8]


def test_autosave_writes_after_changes(window, tmp_path):
    assert not window.files.autosave_tick(interval_s=0), "nothing to save in a new plan"
    make_plan(window)
    assert window.files.autosave_tick(interval_s=0)
    path = window.autosaver.path
    assert path.parent == tmp_path / "data" / "autosave"
    assert load_plan(path) == window.doc.plan
    assert not window.files.autosave_tick(interval_s=0), "no change since"
    window.doc.edit("rename", edits.update_zone, window.doc.plan.zones[0].id, name="Left cheek")
    assert not window.files.autosave_tick(interval_s=3600.0), "not due yet"
    assert window.files.autosave_tick(interval_s=0)
    assert load_plan(path).zones[0].name == "Left cheek"


def test_a_crash_leftover_is_offered_and_restores_the_exact_plan(window, qtbot, settings, tmp_path, monkeypatch):
    plan = make_plan(window)
    original = tmp_path / f"anna{SUFFIX}"
    Autosaver(directory=tmp_path / "data" / "autosave", pid=dead_pid()).save(plan, 7, original, window.surface)
    asked = []

    def restore(self, recovery):
        asked.append(recovery)
        return True

    monkeypatch.setattr(PlanFiles, "ask_restore", restore)
    again = open_window(qtbot, settings)
    assert again.doc.plan.zones == ()
    assert again.files.offer_recovery()
    assert len(asked) == 1 and asked[0].original == original
    assert again.doc.plan == plan and again.doc.path == original and again.doc.dirty
    assert again.windowTitle() == f"anna{SUFFIX}* — mesomap"
    assert not asked[0].autosave.exists(), "the leftover is gone"
    assert again.autosaver.path.exists(), "and the restored plan is autosaved at once"
    assert again.scene.zones.shown == {z.id for z in plan.zones}


def test_a_declined_leftover_is_deleted(window, tmp_path, monkeypatch):
    plan = make_plan(window)
    leftover = Autosaver(directory=tmp_path / "data" / "autosave", pid=dead_pid())
    leftover.save(plan, 1, None, window.surface)
    monkeypatch.setattr(PlanFiles, "ask_restore", lambda self, recovery: False)
    before = window.doc.plan
    assert not window.files.offer_recovery()
    assert not leftover.path.exists() and window.doc.plan is before


@pytest.mark.parametrize("name", ["plan.json", "plan"])
def test_save_as_adds_the_plan_suffix(window, tmp_path, monkeypatch, name):
    make_plan(window)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / name), ""))
    assert window.files.save_as()
    assert window.doc.path == tmp_path / f"plan{SUFFIX}"


def test_a_failed_save_says_why_and_stays_dirty(window, tmp_path, errors):
    make_plan(window)
    (tmp_path / "a-file").write_text("")
    assert not window.files.save_to(tmp_path / "a-file" / f"p{SUFFIX}")  # a file where a folder should be
    assert errors and window.doc.dirty and window.doc.path is None


def test_stroke_then_save_round_trip(window, tmp_path):
    """Painting through the mouse and saving gives the same faces back."""
    window.mode_actions[next(m for m in window.mode_actions if m.value == "paint")].trigger()
    drag(window.view.plotter, [screen_of(window, front_skin_point(window, x, 600)) for x in (80, 120)])
    assert window.files.save_to(tmp_path / f"s{SUFFIX}")
    assert load_plan(tmp_path / f"s{SUFFIX}") == window.doc.plan


# -- issue 11: autosave delay, hostile text, files that are not plans -----------------------------------------


def autosaved(window, check) -> bool:
    """True when the window's autosave file exists, loads, and ``check(plan)`` holds."""
    try:
        return check(load_plan(window.autosaver.path))
    except Exception:  # not there yet, or mid-replace
        return False


def test_every_edit_is_autosaved_within_5_seconds(window, qtbot):
    from mesomap.io.autosave import AUTOSAVE_INTERVAL_S, AUTOSAVE_MAX_DELAY_S

    assert AUTOSAVE_MAX_DELAY_S <= 5.0
    # the longest an edit can wait: the autosave interval, then the timer's next look
    assert AUTOSAVE_INTERVAL_S + window.autosave_timer.interval() / 1000 <= AUTOSAVE_MAX_DELAY_S
    zone_id = make_plan(window).zones[0].id
    qtbot.waitUntil(lambda: autosaved(window, lambda p: p.zones[0].id == zone_id), timeout=int(AUTOSAVE_MAX_DELAY_S * 1000))
    # the worst case: an edit right after an autosave
    window.doc.edit("rename", edits.update_zone, zone_id, name="Renamed just after an autosave")
    qtbot.waitUntil(lambda: autosaved(window, lambda p: p.zones[0].name == "Renamed just after an autosave"),
                    timeout=int(AUTOSAVE_MAX_DELAY_S * 1000))


def test_a_plan_file_with_a_lone_surrogate_is_refused_naming_the_field(window, tmp_path, errors):
    import json

    plan = make_plan(window)
    other = tmp_path / f"other{SUFFIX}"
    save_plan(plan, other, window.surface)
    data = json.loads(other.read_text(encoding="utf-8"))
    data["zones"][1]["name"] = "Thigh\udc00"
    other.write_text(json.dumps(data), encoding="ascii")  # the escape \udc00, as another program could write it
    assert not window.files.open_plan(other, ask=False)
    assert errors == [f"other{SUFFIX}: zones[1].name: character 6 is a lone UTF-16 surrogate (0xdc00 escape), "
                      "not a character; fix the text where it was written"]
    assert window.doc.plan is plan
    assert window.files.autosave_tick(interval_s=0) and load_plan(window.autosaver.path) == plan


def test_long_and_odd_names_save_and_autosave_or_say_why(window, tmp_path, errors):
    plan = make_plan(window)
    long_name = ("Cuisse 🦵 antérieure " * 500)[:9_999] + "!"
    window.doc.edit("rename", edits.update_zone, plan.zones[1].id, name=long_name)
    assert window.files.save_to(tmp_path / f"long{SUFFIX}") and errors == []
    assert load_plan(tmp_path / f"long{SUFFIX}").zones[1].name == long_name
    window.doc.edit("rename", edits.update_zone, plan.zones[1].id, name="Thigh \ud800")  # only code can do this
    assert window.files.autosave_tick(interval_s=0) is False  # no exception: the status bar says why
    assert "cannot be written as text" in window.statusBar().currentMessage()
    # saving takes the name from the zone panel first, where Qt's text field has dropped the surrogate
    assert window.files.save_to(tmp_path / f"odd{SUFFIX}") and errors == []
    assert load_plan(tmp_path / f"odd{SUFFIX}").zones[1].name == "Thigh"
    assert not window.doc.dirty and window.doc.plan.zones[1].name == "Thigh"


def test_a_pipe_opened_as_a_plan_is_refused_at_once(window, tmp_path, errors):
    import os
    import threading

    fifo = tmp_path / f"pipe{SUFFIX}"
    os.mkfifo(fifo)
    # a writer that holds the pipe open for 5 s: a reader that opens the pipe waits all that time (and then
    # reads garbage); without it a reader would wait for ever
    writer = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)
    os.write(writer, b"{not a plan")
    closed = []
    closing = threading.Timer(5.0, lambda: closed.append(os.close(writer)))
    closing.start()
    plan = window.doc.plan
    try:
        assert not window.files.open_plan(fifo, ask=False)
        assert not closed, "the pipe was refused before the writer left, not read"
    finally:
        closing.cancel()
        closing.join()
        if not closed:
            os.close(writer)
    assert errors == [f"{fifo}: is a device, pipe or socket, not a regular file; not a plan file"]
    assert window.doc.plan is plan


def test_a_mesh_opened_in_impossible_units_is_refused(window, tmp_path, errors):
    import trimesh

    body = trimesh.creation.icosphere(subdivisions=2)
    body.apply_scale([200.0, 125.0, 850.0])  # 1700 tall: millimetres
    body.export(tmp_path / "scan.ply")
    before = window.mesh
    assert not window.bodies.open_mesh(tmp_path / "scan.ply", units="m")
    assert len(errors) == 1 and "scan.ply: in m the body would be 1.7 km tall" in errors[0]
    assert window.mesh is before


def test_a_recent_file_that_became_a_pipe_says_so(window, tmp_path, errors, monkeypatch):
    import os

    fifo = tmp_path / f"recent{SUFFIX}"
    os.mkfifo(fifo)
    infos = []
    monkeypatch.setattr(window, "show_info", lambda title, text: infos.append(text))
    assert not window.files.open_recent(str(fifo))
    assert infos == [] and errors == [f"{fifo}: is a device, pipe or socket, not a regular file; not a plan file"]
