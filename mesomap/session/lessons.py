"""The lesson being made or shown in a session: record steps from what is on screen, reorder and edit them,
save and open lesson files, and walk through the steps (issue 14). No Qt, no VTK.

Walking a step changes only view state — which zones and reflex points are shown, which zones are highlighted
(the others drawn faded, as in the step's pictures; recorded from the selected zone, or from the highlight of the
step walked to; the first highlighted zone is selected) — and
the camera, which the view applies (:meth:`LessonSession.go` returns it). It never edits the plan: the plan
stays undirtied, the undo history as it was.

A lesson embeds its plan (:mod:`mesomap.io.lesson_file`): saving stores the session's plan as it is now;
opening a lesson opens its plan in the session, with no file of its own (Save asks where to put it).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from psygnal import Signal

from mesomap.io.lesson_file import load_lesson, save_lesson
from mesomap.model.lesson import (Animation, Camera, Lesson, LessonHeader, LessonStep, delete_step, edit_step, move_step,
                                  record_step)
from mesomap.session.files import body_surface

if TYPE_CHECKING:
    from mesomap.session.session import Session


class LessonSession:
    """``lesson`` (None: no lesson open), its file ``path``, unsaved ``dirty`` flag and the step shown ``index``.

    ``changed`` fires when the steps or the file change; ``step_shown(index)`` when a step was walked to.
    Edits raise :class:`mesomap.model.messages.MessageError` (nothing changes) when a step cannot be shown.
    """

    changed = Signal()
    step_shown = Signal(int)

    def __init__(self, session: Session):
        self.session = session
        self.lesson: Lesson | None = None
        self.path: Path | None = None
        self.dirty = False
        self.index: int | None = None

    # -- the lesson as a whole -------------------------------------------------------
    def new(self, title: str = "Lesson") -> Lesson:
        """An empty lesson on the session's plan (the caller asks about unsaved lesson changes first)."""
        self.lesson = Lesson(LessonHeader(title), self.session.plan)
        self.path, self.dirty, self.index = None, False, None
        self.changed.emit()
        return self.lesson

    def open(self, path: str | Path) -> Lesson:
        """Read the lesson in ``path`` (LessonFileError: nothing changes) and open its plan in the session, as a
        plan with no file (the caller asks about the plan's unsaved changes first), then show its first step."""
        lesson = load_lesson(path)
        s = self.session
        s.end_gesture()
        s.doc.replace(lesson.plan, path=None, saved=True)
        if s.autosaver is not None:
            s.autosaver.clear()
        self.lesson, self.path, self.dirty, self.index = lesson, Path(path), False, None
        self.changed.emit()
        return lesson

    def save(self, path: str | Path | None = None) -> Path:
        """Write the lesson atomically with the session's plan as it is now (OSError and the like: the file on
        disk is as it was). Steps naming zones deleted since are refused (MessageError naming the step)."""
        path = Path(path) if path is not None else self.path
        if self.lesson is None or path is None:  # the caller's mistake: the UI asks for a file first
            raise ValueError(f"lesson={self.lesson is not None} path={path}")
        s = self.session
        lesson = self.with_plan()
        save_lesson(lesson, path, body_surface(s))
        self.lesson, self.path, self.dirty = lesson, path, False
        self.changed.emit()
        return path

    def with_plan(self) -> Lesson:
        """The lesson with the session's plan embedded, every step checked against it."""
        lesson = replace(self.lesson, plan=self.session.plan)
        for i in range(len(lesson.steps)):
            lesson = edit_step(lesson, i)  # checks the step on the plan as it is now
        return lesson

    def close(self) -> None:
        self.session.set_highlighted(())
        self.lesson, self.path, self.dirty, self.index = None, None, False, None
        self.changed.emit()

    # -- steps -------------------------------------------------------------------------
    def on_screen(self) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """(shown zone ids, highlighted zone ids, shown point ids) of what the session shows now: the zones not
        hidden, the zones highlighted (a step walked to) or else the selected zone when it is shown, the points
        not hidden."""
        s = self.session
        shown = tuple(z.id for z in s.plan.zones if z.id not in s.hidden)
        lit = tuple(z for z in s.highlighted if z in shown) or ((s.zone_id,) if s.zone_id in shown else ())
        points = tuple(p.id for p in s.plan.points if p.id not in s.hidden_points)
        return shown, lit, points

    def record(self, camera: Camera, caption: str = "", notes: str = "", at: int | None = None,
               animation: Animation | None = None) -> int:
        """Add a step from what is on screen with ``camera`` (after the step shown, else at the end, or before
        index ``at``) and the order ``animation`` on screen, if any; its index."""
        if self.lesson is None:
            self.new()
        if at is None:
            at = len(self.lesson.steps) if self.index is None else self.index + 1
        shown, lit, points = self.on_screen()
        self._set(record_step(replace(self.lesson, plan=self.session.plan), camera, shown, lit, points,
                              caption, notes, at, animation))
        self.index = at
        self.changed.emit()
        return at

    def move(self, index: int, delta: int) -> int:
        """Move step ``index`` up (-1) or down (+1); its new index."""
        lesson = move_step(self.lesson, index, delta)
        new = max(0, min(len(lesson.steps) - 1, index + delta))
        if self.index == index:
            self.index = new
        self._set(lesson)
        self.changed.emit()
        return new

    def move_to(self, index: int, target: int) -> int:
        """Move step ``index`` to position ``target`` (a drag in the step list)."""
        return self.move(index, target - index)

    def delete(self, index: int) -> None:
        self._set(delete_step(self.lesson, index))
        n = len(self.lesson.steps)
        self.index = None if n == 0 else min(self.index, n - 1) if self.index is not None else None
        self.changed.emit()

    def edit(self, index: int, **changes) -> None:
        """Change step ``index``'s caption, notes or camera (checked)."""
        lesson = edit_step(self.lesson, index, **changes)
        if lesson.steps[index] != self.lesson.steps[index]:
            self._set(lesson)
            self.changed.emit()

    def _set(self, lesson: Lesson) -> None:
        self.lesson = lesson
        self.dirty = True

    # -- walking -------------------------------------------------------------------------
    @property
    def steps(self) -> tuple[LessonStep, ...]:
        return self.lesson.steps if self.lesson is not None else ()

    def go(self, index: int) -> Camera | None:
        """Show step ``index`` (clamped to the steps): its zones and points, its highlighted zone selected; the
        camera for the view to apply (None when there are no steps). The plan is not edited."""
        if not self.steps:
            return None
        index = max(0, min(len(self.steps) - 1, index))
        step = self.steps[index]
        s = self.session
        shown = set(step.shown_zones)
        for zone in s.plan.zones:
            s.set_zone_visible(zone.id, zone.id in shown)
        s.set_points_shown(step.shown_points)
        lit = [z for z in step.highlighted_zones if z in {zone.id for zone in s.plan.zones}]
        s.select_point(None)
        s.select_zone(lit[0] if lit else None)
        s.set_highlighted(lit)
        self.index = index
        self.step_shown.emit(index)
        return step.camera

    def next(self) -> Camera | None:
        return self.go(0 if self.index is None else self.index + 1)

    def previous(self) -> Camera | None:
        return self.go(0 if self.index is None else self.index - 1)
