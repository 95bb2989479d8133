"""A trainer's lesson as values: a header, the plan it shows, and ordered steps (issue 14).

Each step keeps a camera (mm and degrees in the plan's body frame), which zones and reflex points are
shown and which zones are highlighted, a caption for the room and the handout, the trainer's notes (for
the presenter only: not printed on the handout), and optionally an injection-order animation of one zone.

Edits are pure functions returning a new :class:`Lesson` (record, insert, move up/down, delete, edit);
the UI calls them with values, never with widgets. Checks return :class:`Message` values naming the step
(1-based, as the trainer counts) and the field.
"""

from __future__ import annotations

import datetime as _dt
import math
from dataclasses import dataclass, field, replace

from mesomap.model.messages import Kind, Message, MessageError
from mesomap.model.plan import Plan

LESSON_STEP_PROBLEM = Kind("lesson_step_problem", "step", "field", "problem")
LESSON_UNKNOWN_ZONE = Kind("lesson_unknown_zone", "zone")
LESSON_UNKNOWN_POINT = Kind("lesson_unknown_point", "point")
LESSON_HIGHLIGHT_HIDDEN = Kind("lesson_highlight_hidden", "zone")
LESSON_CAMERA_DEGENERATE = Kind("lesson_camera_degenerate")
LESSON_VALUE_RANGE = Kind("lesson_value_range", "value", "low", "high", "unit")
LESSON_NO_STEP = Kind("lesson_no_step", "step", "count")

#: Allowed ranges: the camera's vertical opening angle (degrees), the animation's speed (injections/s).
VIEW_ANGLE_DEG = (1.0, 120.0)
ANIMATION_SPEED = (0.1, 50.0)
#: Where a camera may stand or look (mm from the body frame's origin): a room, not the sky.
MAX_CAMERA_MM = 100_000.0


@dataclass(frozen=True)
class Camera:
    """position_mm, focal_point_mm : (3,) mm; view_up : (3,) direction; view_angle_deg : vertical opening."""

    position_mm: tuple[float, float, float]
    focal_point_mm: tuple[float, float, float]
    view_up: tuple[float, float, float] = (0.0, 0.0, 1.0)
    view_angle_deg: float = 30.0


@dataclass(frozen=True)
class Animation:
    """Play ``zone_id``'s injections in gun order at ``injections_per_s``."""

    zone_id: str
    injections_per_s: float = 2.0


@dataclass(frozen=True)
class LessonStep:
    camera: Camera
    shown_zones: tuple[str, ...] = ()
    highlighted_zones: tuple[str, ...] = ()
    shown_points: tuple[str, ...] = ()
    caption: str = ""
    notes: str = ""  # the presenter's; not on the handout
    animation: Animation | None = None

    def __post_init__(self) -> None:
        for name in ("shown_zones", "highlighted_zones", "shown_points"):
            object.__setattr__(self, name, tuple(getattr(self, name)))


@dataclass(frozen=True)
class LessonHeader:
    title: str
    author: str = ""
    created: str = field(default_factory=lambda: _dt.date.today().isoformat())
    notes: str = ""


@dataclass(frozen=True)
class Lesson:
    header: LessonHeader
    plan: Plan
    steps: tuple[LessonStep, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "steps", tuple(self.steps))


# -- checks ----------------------------------------------------------------------

def _finite3(v) -> bool:
    return len(v) == 3 and all(isinstance(x, (int, float)) and math.isfinite(x) and abs(x) <= MAX_CAMERA_MM for x in v)


def _shown(x) -> str:
    """A value as a message quotes it: numbers without a trailing .0."""
    return format(x, "g") if isinstance(x, (int, float)) and not isinstance(x, bool) else repr(x)


def step_problems(step: LessonStep, plan: Plan) -> list[tuple[str, Message]]:
    """(field, problem) for everything wrong with ``step`` on ``plan`` (empty when it can be shown)."""
    zones = {z.id for z in plan.zones}
    points = {p.id for p in plan.points}
    out: list[tuple[str, Message]] = []
    c = step.camera
    for name in ("position_mm", "focal_point_mm", "view_up"):
        if not _finite3(getattr(c, name)):
            out.append((f"camera.{name}", LESSON_VALUE_RANGE(value=str(list(getattr(c, name))), low=-MAX_CAMERA_MM,
                                                              high=MAX_CAMERA_MM, unit="mm")))
    if not out:
        d = [a - b for a, b in zip(c.position_mm, c.focal_point_mm)]
        up = c.view_up
        cross = (d[1] * up[2] - d[2] * up[1], d[2] * up[0] - d[0] * up[2], d[0] * up[1] - d[1] * up[0])
        if math.hypot(*d) < 1e-6 or math.hypot(*cross) < 1e-9 * max(math.hypot(*d), 1.0):
            out.append(("camera", LESSON_CAMERA_DEGENERATE()))
    lo, hi = VIEW_ANGLE_DEG
    if not (isinstance(c.view_angle_deg, (int, float)) and lo <= c.view_angle_deg <= hi):
        out.append(("camera.view_angle_deg", LESSON_VALUE_RANGE(value=_shown(c.view_angle_deg), low=lo, high=hi, unit="°")))
    for name, known, kind in (("shown_zones", zones, LESSON_UNKNOWN_ZONE), ("highlighted_zones", zones, LESSON_UNKNOWN_ZONE),
                              ("shown_points", points, LESSON_UNKNOWN_POINT)):
        for j, item in enumerate(getattr(step, name)):
            if item not in known:
                out.append((f"{name}[{j}]", kind(**{"zone" if kind is LESSON_UNKNOWN_ZONE else "point": item})))
    for j, item in enumerate(step.highlighted_zones):
        if item in zones and item not in step.shown_zones:
            out.append((f"highlighted_zones[{j}]", LESSON_HIGHLIGHT_HIDDEN(zone=item)))
    a = step.animation
    if a is not None:
        if a.zone_id not in zones:
            out.append(("animation.zone", LESSON_UNKNOWN_ZONE(zone=a.zone_id)))
        lo, hi = ANIMATION_SPEED
        if not (isinstance(a.injections_per_s, (int, float)) and lo <= a.injections_per_s <= hi):
            out.append(("animation.injections_per_s",
                        LESSON_VALUE_RANGE(value=_shown(a.injections_per_s), low=lo, high=hi, unit="injections/s")))
    return out


def lesson_problems(lesson: Lesson) -> list[Message]:
    """Every problem of every step, each naming its step (1-based) and field."""
    return [LESSON_STEP_PROBLEM(step=i, field=f, problem=p)
            for i, s in enumerate(lesson.steps, start=1) for f, p in step_problems(s, lesson.plan)]


def _checked(lesson: Lesson, index: int) -> Lesson:
    problems = step_problems(lesson.steps[index], lesson.plan)
    if problems:
        f, p = problems[0]
        raise MessageError(LESSON_STEP_PROBLEM(step=index + 1, field=f, problem=p))
    return lesson


def _index(lesson: Lesson, index: int) -> int:
    if not 0 <= index < len(lesson.steps):
        raise MessageError(LESSON_NO_STEP(step=index + 1, count=len(lesson.steps)))
    return index


# -- edits -----------------------------------------------------------------------

def add_step(lesson: Lesson, step: LessonStep, at: int | None = None) -> Lesson:
    """``lesson`` with ``step`` inserted before index ``at`` (default: at the end); the step is checked."""
    at = len(lesson.steps) if at is None else max(0, min(at, len(lesson.steps)))
    out = replace(lesson, steps=lesson.steps[:at] + (step,) + lesson.steps[at:])
    return _checked(out, at)


def record_step(lesson: Lesson, camera: Camera, shown_zones, highlighted_zones=(), shown_points=(),
                caption: str = "", notes: str = "", at: int | None = None,
                animation: Animation | None = None) -> Lesson:
    """A step from what is on screen (the camera, the visible zones and points, the selected zones, the order
    animation playing or paused), added."""
    return add_step(lesson, LessonStep(camera, tuple(shown_zones), tuple(highlighted_zones), tuple(shown_points),
                                       caption, notes, animation), at)


def move_step(lesson: Lesson, index: int, delta: int) -> Lesson:
    """``lesson`` with step ``index`` moved by ``delta`` places (-1: up, +1: down), stopping at either end."""
    i = _index(lesson, index)
    j = max(0, min(len(lesson.steps) - 1, i + delta))
    steps = list(lesson.steps)
    steps.insert(j, steps.pop(i))
    return replace(lesson, steps=tuple(steps))


def delete_step(lesson: Lesson, index: int) -> Lesson:
    i = _index(lesson, index)
    return replace(lesson, steps=lesson.steps[:i] + lesson.steps[i + 1:])


def edit_step(lesson: Lesson, index: int, **changes) -> Lesson:
    """``lesson`` with some fields of step ``index`` changed (caption=, notes=, camera=, animation=, …); checked."""
    i = _index(lesson, index)
    steps = list(lesson.steps)
    steps[i] = replace(steps[i], **changes)
    return _checked(replace(lesson, steps=tuple(steps)), i)


# -- what a step shows -------------------------------------------------------------

#: A shown zone that is not highlighted (when some are) is drawn this far towards white (0: as it is, 1: white).
FADE = 0.6


def faded(colour: str, amount: float = FADE) -> str:
    """``colour`` "#rrggbb" mixed ``amount`` of the way to white."""
    rgb = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c + (255 - c) * amount):02x}" for c in rgb)


def shown_plan(plan: Plan, step: LessonStep) -> Plan:
    """The plan as ``step`` shows it: only its shown zones and points; when it highlights zones, the other
    shown zones are faded (:data:`FADE`) so the highlighted ones stand out."""
    shown = set(step.shown_zones)
    lit = set(step.highlighted_zones)
    zones = tuple(z if not lit or z.id in lit else replace(z, color=faded(z.color))
                  for z in plan.zones if z.id in shown)
    points = tuple(p for p in plan.points if p.id in set(step.shown_points))
    return replace(plan, zones=zones, points=points)
