"""A quiz in the window: the trainer asks for two zones and a point; the student paints one zone exactly, one
wrong, and places the point 20 mm off; Reveal scores it (Dice 1 / 0, the point's distance along the skin) with
pass/fail against the trainer's marks and shows the reference and the answer in two colours; the answer saved
scores the same with ``mesomap quiz score``; End quiz gives back the reference plan unchanged."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QFileDialog

from mesomap.geometry.pick import RayHit
from mesomap.geometry.quiz_measures import skin_distance_mm
from mesomap.io.plan_file import dumps_plan, plan_to_dict, save_plan
from mesomap.model.quiz import REVEAL_COLOURS
from mesomap.session.quiz import asked_plan
from mesomap.ui.quiz_panel import QuizSetup
from tests.teach.quiz_plans import walk_point
from tests.ui.conftest import open_window


def plan_json(win) -> str:
    return dumps_plan(plan_to_dict(win.doc.plan))


@pytest.fixture
def trainer(qtbot, settings):
    """A window with a plan of three zones and two reflex points (the trainer's reference)."""
    win = open_window(qtbot, settings, body_id="female")
    s = win.session
    for t in ("outer_thigh_left", "cheek_left", "forehead"):
        s.add_zone_from_template(win.templates.zone(t))
    st36 = [p for p in win.templates.reflex_points if p.code == "ST36"]
    for p in st36:
        s.add_point_from_template(p)
    return win


def test_a_quiz_from_questions_to_reveal_and_back_to_the_reference(trainer, run_cli, tmp_path, monkeypatch):
    win, s = trainer, trainer.session
    reference_json, reference_dirty = plan_json(win), win.doc.dirty
    thigh, cheek, forehead = win.doc.plan.zones
    st36 = win.doc.plan.points[0]

    def setup(dialog):  # the trainer ticks two zones and one point and keeps the default pass marks
        dialog.check([thigh.id, cheek.id, st36.id])
        return True

    monkeypatch.setattr(QuizSetup, "exec", setup)
    win.quiz_action.trigger()
    panel = win.quiz_panel
    assert win.quiz.state == "answering" and panel.isVisible()
    assert [panel.prompts.item(i).text() for i in range(panel.prompts.count())] == \
        [f"paint: {thigh.name}", f"paint: {cheek.name}", f"place: ST36 {st36.name} (left)"]
    assert not win.scene.zones.shown and not win.scene.points.positions  # a clean body: the reference is hidden
    assert [len(z.faces) for z in win.doc.plan.zones] == [0, 0] and not win.doc.plan.points

    panel.prompts.setCurrentRow(0)  # "paint: Outer thigh" — the paint tool on that zone
    assert s.zone_id == thigh.id and s.mode.value == "paint"
    assert s.apply_faces(thigh.id, thigh.faces)  # painted exactly like the reference
    panel.prompts.setCurrentRow(1)
    assert s.apply_faces(s.zone_id, s.surface.mirrored(cheek.faces))  # the other cheek: wrong
    panel.prompts.setCurrentRow(2)  # "place: ST36" — the next point placed answers it
    assert s.mode.value == "point"
    off = walk_point(s.surface, st36, 20.0)
    hit = RayHit(off.face, off.barycentric, s.surface.point_on_face(off.face, off.barycentric)[0], 0.0)
    s.begin_place_point(hit)
    s.end_gesture()
    placed = win.doc.plan.points
    assert [(p.code, p.side) for p in placed] == [("ST36", "left")]
    expected_mm = skin_distance_mm(s.surface, st36.face, st36.barycentric, off.face, off.barycentric)
    assert 17.0 < expected_mm < 23.0

    panel.reveal_button.click()
    r = win.quiz.result
    assert [round(z.dice, 3) for z in r.zones] == [1.0, 0.0]
    assert r.points[0].distance_mm == pytest.approx(expected_mm, abs=0.01)
    table = [[panel.table.item(i, j).text() for j in range(4)] for i in range(panel.table.rowCount())]
    assert table[0][:2] == [thigh.name, "Dice 1.00"] and table[0][3] == "pass"
    assert table[1][:2] == [cheek.name, "Dice 0.00"] and table[1][3] == "fail"
    assert table[2][2] == f"{expected_mm:.1f} mm on the skin" and table[2][3] == "fail"  # over the 10 mm mark
    assert "1 of 3 passed" in panel.status.text()
    # the reveal: reference-only blue, answer-only orange, both green; the answer point in orange
    colours = {z.color for z in win.doc.plan.zones}
    assert colours == {REVEAL_COLOURS["both"], REVEAL_COLOURS["reference"], REVEAL_COLOURS["answer"]}
    assert set(win.scene.zones.shown) == {z.id for z in win.doc.plan.zones}
    assert "quiz:answers" in win.view.plotter.actors and "quiz:misses" in win.view.plotter.actors

    answer = tmp_path / "anna.mesomap.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(answer), ""))
    panel.save_button.click()

    panel.end_button.click()
    assert win.quiz.state is None
    assert plan_json(win) == reference_json and win.doc.dirty == reference_dirty  # the reference, intact
    assert "quiz:answers" not in win.view.plotter.actors
    assert set(win.scene.zones.shown) == {thigh.id, cheek.id, forehead.id}

    # the answer file is an ordinary plan: the command line scores it the same (asked zones/point only)
    reference = tmp_path / "ref.mesomap.json"
    save_plan(asked_plan(win.doc.plan, [thigh.id, cheek.id], [st36.id]), reference, win.surface)
    proc = run_cli("quiz", "score", "--reference", str(reference), "--answer", str(answer), "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert [z["dice"] for z in data["zones"]] == [1.0, 0.0]
    assert data["points"][0]["distance_mm"] == pytest.approx(expected_mm, abs=0.01)


def test_end_does_not_drop_an_answer_not_yet_scored(trainer, monkeypatch):
    """The student paints the asked zone and presses End quiz without Reveal: the window asks; Cancel keeps the
    answer on screen, Reveal scores it (the painted zone counts, Dice 1) and End quiz then gives the plan back."""
    win, s = trainer, trainer.session
    reference_json = plan_json(win)
    thigh = win.doc.plan.zones[0]
    monkeypatch.setattr(QuizSetup, "exec", lambda dialog: dialog.check([thigh.id]) or True)
    win.quiz_action.trigger()
    panel = win.quiz_panel
    panel.prompts.setCurrentRow(0)
    assert s.apply_faces(thigh.id, thigh.faces)

    asked = []
    monkeypatch.setattr(panel, "ask_end", lambda: asked.append(1) or "cancel")
    panel.end_button.click()
    assert asked and win.quiz.state == "answering"  # still answering, the painted zone still there
    assert len(win.doc.plan.zones[0].faces) == len(thigh.faces)

    monkeypatch.setattr(panel, "ask_end", lambda: "reveal")
    panel.end_button.click()
    assert win.quiz.state == "revealed" and panel.table.isVisible()
    assert [round(z.dice, 3) for z in win.quiz.result.zones] == [1.0]  # the answer counted
    assert "1 of 1 passed" in panel.status.text()

    monkeypatch.setattr(panel, "ask_end", lambda: pytest.fail("a scored answer needs no question"))
    panel.end_button.click()
    assert win.quiz.state is None and plan_json(win) == reference_json


def test_end_asks_nothing_when_nothing_was_answered(trainer, monkeypatch):
    win = trainer
    monkeypatch.setattr(QuizSetup, "exec", lambda dialog: dialog.check([win.doc.plan.zones[0].id]) or True)
    win.quiz_action.trigger()
    monkeypatch.setattr(win.quiz_panel, "ask_end", lambda: pytest.fail("nothing to lose, nothing to ask"))
    win.quiz_panel.end_button.click()
    assert win.quiz.state is None
