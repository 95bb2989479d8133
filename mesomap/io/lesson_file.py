"""The ``.mesomap-lesson.json`` lesson file: versioned, validated, written atomically (issue 14).

Layout (schema ``mesomap-lesson/1``, JSON Schema in ``mesomap/schemas/mesomap-lesson-1.schema.json``)::

    {"@schema": "mesomap-lesson/1", "units": {"length": "mm", "angle": "deg", "speed": "injections/s"},
     "coordinate_system": "RAS: …", "app": "mesomap 0.1.0",
     "header": {"title", "author", "created" (YYYY-MM-DD), "notes"},
     "plan": { a whole mesomap-plan/2 document },
     "steps": [{"caption", "notes",
                "camera": {"position_mm": [x, y, z], "focal_point_mm": [x, y, z], "view_up": [x, y, z],
                           "view_angle_deg"},
                "shown_zones": [zone ids], "highlighted_zones": [zone ids], "shown_points": [point ids],
                "animation": {"zone": zone id, "injections_per_s"} or null}]}

The plan is embedded, not referenced by path: a lesson is then one file that can be mailed to a
colleague or copied to the presentation laptop without losing its plan, and a plan edited or moved
later cannot silently change or break a lesson that was rehearsed (zone ids in the steps keep their
meaning). A plan is small (faces are stored as runs), so the copy costs little.

Reading uses the project's JSON reader limits; every problem raises :class:`LessonFileError` with one
line naming the file, the step (``steps[2]``) and the field.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from mesomap import __version__
from mesomap.io.atomic import write_text_durably
from mesomap.io.json_reader import JsonReader, parse_json_bytes, read_file_bytes
from mesomap.io.plan_file import COORDINATES, PlanFileError, dumps_plan, plan_from_dict, plan_to_dict
from mesomap.io.schema_check import LESSON_SCHEMA, check
from mesomap.model.lesson import Animation, Camera, Lesson, LessonHeader, LessonStep, step_problems
from mesomap.model.messages import CarriesMessage

SCHEMA = "mesomap-lesson/1"
UNITS = {"length": "mm", "angle": "deg", "speed": "injections/s"}
SUFFIX = ".mesomap-lesson.json"
MAX_FILE_BYTES = 60_000_000  # a plan (50 MB at most) and the steps


class LessonFileError(CarriesMessage, ValueError):
    """A lesson file cannot be used; ``str(err)`` is one line naming the file, step and field."""


def lesson_to_dict(lesson: Lesson, surface=None) -> dict:
    """The JSON-ready form of a lesson (the plan's derived positions need ``surface``)."""
    h = lesson.header
    steps = []
    for s in lesson.steps:
        c = s.camera
        steps.append({
            "caption": s.caption, "notes": s.notes,
            "camera": {"position_mm": [float(x) for x in c.position_mm], "focal_point_mm": [float(x) for x in c.focal_point_mm],
                       "view_up": [float(x) for x in c.view_up], "view_angle_deg": float(c.view_angle_deg)},
            "shown_zones": list(s.shown_zones), "highlighted_zones": list(s.highlighted_zones),
            "shown_points": list(s.shown_points),
            "animation": None if s.animation is None else {"zone": s.animation.zone_id,
                                                           "injections_per_s": float(s.animation.injections_per_s)},
        })
    return {"@schema": SCHEMA, "units": dict(UNITS), "coordinate_system": COORDINATES, "app": f"mesomap {__version__}",
            "header": {"title": h.title, "author": h.author, "created": h.created, "notes": h.notes},
            "plan": plan_to_dict(lesson.plan, surface), "steps": steps}


def dumps_lesson(data: dict) -> str:
    """Indented JSON; the embedded plan is written as plan files are (:func:`dumps_plan`: a zone's face runs and
    each injection on one line). ``data`` is consumed."""
    token = f"@@{uuid.uuid4().hex}-plan@@"  # a placeholder no user text can contain by chance
    plan, data["plan"] = data["plan"], token
    text = json.dumps(data, indent=1, ensure_ascii=False, allow_nan=False)
    return text.replace(f'"{token}"', dumps_plan(plan), 1)


def save_lesson(lesson: Lesson, path: str | Path, surface=None) -> Path:
    """Write atomically: a crash mid-save leaves the previous file intact."""
    return write_text_durably(path, dumps_lesson(lesson_to_dict(lesson, surface)))


def _vec(r: JsonReader, d: dict, key: str, where: str) -> tuple[float, float, float]:
    values = d[key]  # three of them (the schema)
    return tuple(r.number({f"{key}[{k}]": x}, f"{key}[{k}]", where) for k, x in enumerate(values))


def _ids(r: JsonReader, d: dict, key: str, where: str) -> tuple[str, ...]:
    return tuple(r.text({f"{key}[{k}]": x}, f"{key}[{k}]", where) for k, x in enumerate(d.get(key, [])))


def _step(r: JsonReader, d: dict, where: str) -> LessonStep:
    c = d["camera"]
    camera = Camera(_vec(r, c, "position_mm", f"{where}.camera"), _vec(r, c, "focal_point_mm", f"{where}.camera"),
                    _vec(r, c, "view_up", f"{where}.camera"), r.number(c, "view_angle_deg", f"{where}.camera", 30.0))
    a = d.get("animation")
    animation = None if a is None else Animation(r.text(a, "zone", f"{where}.animation"),
                                                 r.number(a, "injections_per_s", f"{where}.animation"))
    return LessonStep(camera, _ids(r, d, "shown_zones", where), _ids(r, d, "highlighted_zones", where),
                      _ids(r, d, "shown_points", where), r.text(d, "caption", where, ""), r.text(d, "notes", where, ""),
                      animation)


def lesson_from_dict(data, source: str = "lesson", surface=None) -> Lesson:
    """Validate and build a Lesson; ``surface`` defaults to the bundled body the embedded plan names."""
    r = JsonReader(source, LessonFileError)
    if isinstance(data, dict):
        r.schema(data, SCHEMA, "lesson file")
    check(data, LESSON_SCHEMA, source, LessonFileError)
    h = data["header"]
    header = LessonHeader(r.text(h, "title", "header", max_len=500), r.text(h, "author", "header", "", 500),
                          r.text(h, "created", "header", ""), r.text(h, "notes", "header", ""))
    try:
        plan = plan_from_dict(data["plan"], source=f"{source}: plan", surface=surface)
    except PlanFileError as err:
        raise LessonFileError(err.message or str(err)) from None
    steps = []
    for i, d in enumerate(data["steps"]):
        step = _step(r, d, f"steps[{i}]")
        problems = step_problems(step, plan)
        if problems:
            field, problem = problems[0]
            r.fail(f"steps[{i}].{field}", problem)
        steps.append(step)
    return Lesson(header, plan, tuple(steps))


def load_lesson(path: str | Path, surface=None) -> Lesson:
    """Read a lesson file; any problem is a LessonFileError naming the file, step and field."""
    path = Path(path)
    raw = read_file_bytes(path, MAX_FILE_BYTES, LessonFileError, "lesson file")
    return lesson_from_dict(parse_json_bytes(raw, path.name, LessonFileError, "lesson file"), path.name, surface)
