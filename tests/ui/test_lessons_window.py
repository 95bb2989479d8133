"""Lessons in the window: record steps from the screen, save, reopen, walk them with Page Down / Page Up and the
arrow keys (the camera, the zones and points shown and the highlighted zone follow each step; the plan is never
edited by walking), reorder and save again; the shipped example lesson opens and walks."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from mesomap.io.lesson_file import load_lesson
from mesomap.io.plan_file import dumps_plan, plan_to_dict
from mesomap.model.lesson import faded
from mesomap.render.overlays import hex_to_rgb
from tests.ui.conftest import open_window

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "lessons"


def active_window(qtbot, settings):
    """A window that has the keyboard (shortcuts only reach the active window; activation is asynchronous)."""
    win = open_window(qtbot, settings)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=5000)
    return win


def camera_now(win) -> np.ndarray:
    cam = win.view.plotter.camera
    return np.array([*cam.position, *cam.focal_point])


def on_screen(win) -> tuple[set[str], set[str]]:
    """The zones drawn (actors on the body) and the reflex points drawn."""
    return set(win.scene.zones.shown), set(win.scene.points.positions)


def plan_json(win) -> str:
    return dumps_plan(plan_to_dict(win.doc.plan))


def test_record_save_reopen_and_walk_a_lesson(qtbot, settings, tmp_path, monkeypatch):
    win = active_window(qtbot, settings)
    s = win.session
    forehead, cheek, neck = (s.add_zone_from_template(win.templates.zone(t)) for t in ("forehead", "cheek_left", "neck"))
    point = s.add_point_from_template(win.templates.reflex_points[0])
    win.new_lesson_action.trigger()
    assert win.lesson_panel.isVisible()
    recorded = []

    def record(view: str, hidden_zones: set[str], points: list[str], selected: str, caption: str) -> None:
        win.view.set_view(view)
        for z in (forehead, cheek, neck):
            s.set_zone_visible(z, z not in hidden_zones)
        win.lesson_panel.points_box.setChecked(bool(points))  # the trainer shows or hides the points
        s.select_zone(selected)
        win.lesson_panel.caption.setText(caption)
        win.record_step_action.trigger()
        recorded.append((camera_now(win), {forehead, cheek, neck} - hidden_zones, set(points), selected, caption))

    record("front", set(), [point], forehead, "Whole face")
    record("left", {forehead, neck}, [], cheek, "The cheek from the side")
    record("face", {cheek}, [point], neck, "Neck and forehead")
    assert [st.caption for st in win.lessons.steps] == [r[4] for r in recorded]
    assert win.lessons.steps[1].highlighted_zones == (cheek,) and win.lessons.steps[1].shown_points == ()

    saved_plan = plan_json(win)
    path = tmp_path / "face.mesomap-lesson.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    win.save_lesson_action.trigger()
    assert path.exists() and not win.lessons.dirty

    win.lessons.close()
    s.new_plan()  # another plan on screen: opening the lesson brings its own
    assert win.lesson_panel.open(path)
    assert plan_json(win) == saved_plan and not win.doc.dirty

    def check(index: int) -> None:
        cam, zones, points, selected, caption = recorded[index]
        assert win.lessons.index == index
        assert np.allclose(camera_now(win), cam, atol=1e-6), (index, camera_now(win), cam)
        assert on_screen(win) == (zones, points), index
        assert win.lesson_panel.points_box.isChecked() == bool(points)
        assert s.zone_id == selected
        assert win.lesson_panel.steps.currentRow() == index and win.lesson_panel.caption.text() == caption

    check(0)  # opening shows the first step
    win.view.set_view("back")  # the trainer looks around; the next key goes on from the step shown
    for key, index in ((Qt.Key.Key_PageDown, 1), (Qt.Key.Key_PageDown, 2), (Qt.Key.Key_PageDown, 2),
                       (Qt.Key.Key_PageUp, 1), (Qt.Key.Key_Left, 0), (Qt.Key.Key_Right, 1)):
        qtbot.keyClick(win, key)
        check(index)
    assert plan_json(win) == saved_plan and not win.doc.dirty  # walking is view state: the plan is untouched

    win.lesson_panel.steps.setCurrentRow(2)
    win.lesson_panel.up_button.click()  # "Neck and forehead" becomes the second step
    win.lesson_panel.steps.setCurrentRow(2)
    win.lesson_panel.caption.setText("The cheek, renamed")
    win.lesson_panel.apply_button.click()
    assert win.lessons.dirty
    win.save_lesson_action.trigger()
    again = load_lesson(path)
    assert [st.caption for st in again.steps] == ["Whole face", "Neck and forehead", "The cheek, renamed"]
    assert again.steps[2].highlighted_zones == (cheek,)


def test_the_example_face_lesson_opens_and_walks(qtbot, settings, isolated_data):
    win = active_window(qtbot, settings)
    win.session.add_zone_from_template(win.templates.zone("abdomen"))  # unsaved work: asked about first
    path = EXAMPLES / "face.mesomap-lesson.json"
    lesson = load_lesson(path)
    assert win.lesson_panel.open(path)
    assert isolated_data == ["Save the changes to the new plan?"]  # the plan files' question (answered Discard)
    assert {z.id for z in win.doc.plan.zones} == {z.id for z in lesson.plan.zones}
    for index, step in enumerate(lesson.steps):
        if index:
            qtbot.keyClick(win, Qt.Key.Key_PageDown)
        assert win.lessons.index == index
        assert set(win.scene.zones.shown) == set(step.shown_zones)
        lit = step.highlighted_zones
        assert win.session.zone_id == (lit[0] if lit else None)
        for zone in win.doc.plan.zones:  # the highlighted zones in their colour, the others faded (as on the handout)
            colour = faded(zone.color) if lit and zone.id not in lit else zone.color
            drawn = tuple(win.scene.zones._actors[zone.id].prop.color)[:3]
            assert np.allclose(tuple(drawn), hex_to_rgb(colour), atol=0.01), (index, zone.id)
        cam = win.view.plotter.camera
        assert np.allclose(cam.position, step.camera.position_mm) and np.allclose(cam.focal_point, step.camera.focal_point_mm)
    assert not win.doc.dirty


def test_dragging_a_step_in_the_list_reorders_the_lesson(qtbot, settings):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent

    win = active_window(qtbot, settings)
    win.session.add_zone_from_template(win.templates.zone("forehead"))
    win.new_lesson_action.trigger()
    for caption in ("one", "two", "three"):
        assert win.lesson_panel.record(caption=caption, notes="") is not None
    steps = win.lesson_panel.steps
    steps.setCurrentRow(0)
    last = steps.visualItemRect(steps.item(2))
    data = steps.model().mimeData([steps.model().index(0, 0)])
    drop = QDropEvent(QPointF(last.center().x(), last.bottom() - 1), Qt.DropAction.MoveAction, data,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    steps.dropEvent(drop)  # "one" dragged below "three"
    assert [st.caption for st in win.lessons.steps] == ["two", "three", "one"]
    assert [steps.item(i).text() for i in range(3)] == ["1. two", "2. three", "3. one"]
    assert win.lessons.dirty


def test_a_step_recorded_while_the_order_plays_replays_it_when_walked_to(qtbot, settings, tmp_path):
    """A step keeps the injection-order animation on screen when it was recorded; walking to it plays that zone's
    order from the start at the recorded speed, walking to a step without one stops it; the file keeps it."""
    from mesomap.io.lesson_file import save_lesson
    from tests.ui.conftest import gridded_window

    win = gridded_window(qtbot, active_window(qtbot, settings), "knee_left", "forehead")
    knee, forehead = (z.id for z in win.doc.plan.zones)
    anim = win.present.presentation.animation
    win.new_lesson_action.trigger()
    assert win.present.play_order(knee, 4.0)
    win.present.step()
    win.record_step_action.trigger()  # step 1: the knee's order playing at 4 injections/s
    win.present.stop_order()
    win.record_step_action.trigger()  # step 2: no animation
    steps = win.lessons.steps
    assert steps[0].animation is not None and (steps[0].animation.zone_id, steps[0].animation.injections_per_s) == (knee, 4.0)
    assert steps[1].animation is None

    path = tmp_path / "knee.mesomap-lesson.json"
    save_lesson(win.lessons.with_plan(), path)
    assert load_lesson(path).steps[0].animation.zone_id == knee

    win.lesson_panel.go(1)
    assert anim.zone_id is None and not anim.playing
    qtbot.keyClick(win.view, Qt.Key.Key_PageUp)  # what a presentation clicker sends
    assert win.lessons.index == 0
    assert anim.zone_id == knee and anim.playing and anim.per_s == 4.0 and anim.count <= 1  # from the start
    qtbot.keyClick(win.view, Qt.Key.Key_PageDown)
    assert anim.zone_id is None and not anim.playing
