"""Lessons (issue 14): the file round-trips, the trainer's edits are pure, a broken file is one sentence naming
the step and field, and the shipped examples follow the schema."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from mesomap.io.lesson_file import LessonFileError, lesson_from_dict, lesson_to_dict, load_lesson, save_lesson
from mesomap.io.meshes import load_painting_surface
from mesomap.io.plan_builder import new_plan
from mesomap.io.templates import load_templates
from mesomap.model.lesson import (Animation, Camera, Lesson, LessonHeader, LessonStep, add_step, delete_step, edit_step,
                                  faded, move_step, record_step, shown_plan)
from mesomap.model.messages import MessageError

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "lessons"
CAM = Camera((0.0, 900.0, 1200.0), (0.0, 0.0, 1200.0), (0.0, 0.0, 1.0), 30.0)


@pytest.fixture(scope="module")
def lesson():
    surface = load_painting_surface("female")
    plan = new_plan(surface, load_templates(), ["forehead", "neck"], ["ST36"])
    a, b = (z.id for z in plan.zones)
    out = Lesson(LessonHeader("Face basics", "Dr Ana Ruiz", "2026-12-01", "for the spring course"), plan)
    out = record_step(out, CAM, (a, b), (), (plan.points[0].id,), "Overview", "say hello")
    out = record_step(out, replace(CAM, view_angle_deg=20.0), (a, b), (a,), (), "Forehead: IDS", "papules")
    return edit_step(out, 1, animation=Animation(a, 3.0))


def test_a_lesson_survives_a_save_and_a_load_unchanged(lesson, tmp_path):
    path = save_lesson(lesson, tmp_path / "face.mesomap-lesson.json")
    back = load_lesson(path)
    assert back == lesson
    assert back.steps[1].animation == Animation(lesson.plan.zones[0].id, 3.0)
    assert back.steps[0].notes == "say hello" and back.header.author == "Dr Ana Ruiz"


def test_steps_are_recorded_moved_edited_and_deleted_as_values(lesson):
    a = lesson.plan.zones[0].id
    third = add_step(lesson, LessonStep(CAM, (a,), (a,), (), "Recap"), at=0)
    assert [s.caption for s in third.steps] == ["Recap", "Overview", "Forehead: IDS"]
    assert [s.caption for s in move_step(third, 0, +1).steps] == ["Overview", "Recap", "Forehead: IDS"]
    assert [s.caption for s in move_step(third, 2, -1).steps] == ["Recap", "Forehead: IDS", "Overview"]
    assert [s.caption for s in move_step(third, 2, +1).steps] == ["Recap", "Overview", "Forehead: IDS"]  # already last
    assert [s.caption for s in delete_step(third, 1).steps] == ["Recap", "Forehead: IDS"]
    assert edit_step(third, 0, caption="Summary").steps[0].caption == "Summary"
    assert [s.caption for s in lesson.steps] == ["Overview", "Forehead: IDS"]  # the original is untouched


def test_an_edit_naming_a_zone_the_plan_lacks_is_refused_with_the_step_and_field(lesson):
    with pytest.raises(MessageError) as err:
        edit_step(lesson, 1, highlighted_zones=("zone-99",))
    assert str(err.value) == "step 2: highlighted_zones[0]: the plan has no zone 'zone-99'"
    with pytest.raises(MessageError, match="step 1: animation.injections_per_s: 500 is out of range"):
        edit_step(lesson, 0, animation=Animation(lesson.plan.zones[0].id, 500.0))
    with pytest.raises(MessageError, match="there is no step 5; the lesson has 2"):
        delete_step(lesson, 4)


def _broken(lesson, change) -> str:
    data = json.loads(json.dumps(lesson_to_dict(lesson)))
    change(data)
    with pytest.raises(LessonFileError) as err:
        lesson_from_dict(data, "face.mesomap-lesson.json")
    return str(err.value)


def test_a_malformed_lesson_is_one_sentence_naming_the_step_and_field(lesson):
    def camera_two_numbers(d):
        d["steps"][1]["camera"]["position_mm"] = [1, 2]

    def unknown_point(d):
        d["steps"][0]["shown_points"] = ["pt-7"]

    def hidden_highlight(d):
        d["steps"][1]["shown_zones"] = []

    def newer(d):
        d["@schema"] = "mesomap-lesson/9"

    def bad_plan(d):
        d["plan"]["zones"][0]["params"]["depth_mm"] = "deep"

    assert _broken(lesson, camera_two_numbers) == "face.mesomap-lesson.json: steps[1].camera.position_mm: expected three numbers"
    assert _broken(lesson, unknown_point) == "face.mesomap-lesson.json: steps[0].shown_points[0]: the plan has no reflex point 'pt-7'"
    assert "steps[1].highlighted_zones[0]" in _broken(lesson, hidden_highlight)
    assert "@schema" in _broken(lesson, newer) and "9" in _broken(lesson, newer)
    assert _broken(lesson, bad_plan).startswith("face.mesomap-lesson.json: plan: zones[0].params.depth_mm: expected")


def test_a_step_shows_its_zones_and_points_and_fades_the_ones_not_highlighted(lesson):
    a, b = (z.id for z in lesson.plan.zones)
    first = shown_plan(lesson.plan, lesson.steps[0])
    assert [z.color for z in first.zones] == [z.color for z in lesson.plan.zones] and len(first.points) == 1
    second = shown_plan(lesson.plan, lesson.steps[1])
    assert second.zones[0].color == lesson.plan.zones[0].color  # highlighted: its own colour
    assert second.zones[1].color == faded(lesson.plan.zones[1].color) != lesson.plan.zones[1].color
    assert second.points == ()
    assert faded("#000000") == "#999999" and faded("#ffffff") == "#ffffff"


@pytest.mark.parametrize("name", ["face", "body"])
def test_the_shipped_example_lessons_follow_the_schema_and_load(name):
    import jsonschema

    path = EXAMPLES / f"{name}.mesomap-lesson.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    schema = json.loads((Path(__file__).resolve().parents[2] / "mesomap" / "schemas" /
                         "mesomap-lesson-1.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    lesson = load_lesson(path)
    templates = {z.template for z in lesson.plan.zones}
    expected = {"face": {"forehead", "cheek_left", "cheek_right", "neck"},
                "body": {"abdomen", "outer_thigh_left", "outer_thigh_right", "knee_left", "knee_right"}}[name]
    assert templates == expected and len(lesson.steps) == 4
    assert all(s.caption for s in lesson.steps) and all(s.highlighted_zones for s in lesson.steps[1:])


def test_the_shipped_examples_are_what_the_script_makes_now(tmp_path):
    import subprocess
    import sys

    script = Path(__file__).resolve().parents[2] / "tools" / "make_example_lessons.py"
    subprocess.run([sys.executable, str(script), "--out", str(tmp_path)], check=True, capture_output=True)
    for name in ("face", "body"):
        made = json.loads((tmp_path / f"{name}.mesomap-lesson.json").read_text(encoding="utf-8"))
        shipped = json.loads((EXAMPLES / f"{name}.mesomap-lesson.json").read_text(encoding="utf-8"))
        for data in (made, shipped):
            data.pop("app"), data["plan"].pop("app")
        assert made == shipped, f"run tools/make_example_lessons.py: examples/lessons/{name} is out of date"
