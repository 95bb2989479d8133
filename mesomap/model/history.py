"""Undo/redo over whole-plan values: one step = (label, plan before, plan after).

Plans are immutable and share unchanged parts, so a step costs only what it
changed. ``macro()`` groups many edits (one brush stroke) into one step.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass

from mesomap.model.plan import Plan

DEFAULT_DEPTH = 500


@dataclass(frozen=True)
class Step:
    label: object  # what the step did: a Message (the session's undo kinds), or plain text
    before: Plan
    after: Plan


class History:
    """The current plan and the steps that led to it (bounded to ``max_depth`` undo steps)."""

    def __init__(self, plan: Plan, max_depth: int = DEFAULT_DEPTH):
        if max_depth < 1:
            raise ValueError("max_depth must be at least 1")
        self.plan = plan
        self.max_depth = max_depth
        self._undo: list[Step] = []
        self._redo: list[Step] = []
        self._macro: list | None = None  # [label, plan before the macro] while grouping

    def apply(self, label, new_plan: Plan) -> bool:
        """Make ``new_plan`` current as one undoable step; False (no step) if nothing changed."""
        if new_plan is self.plan or new_plan == self.plan:
            return False
        if self._macro is not None:
            self.plan = new_plan
            return True
        self._push(Step(label, self.plan, new_plan))
        self.plan = new_plan
        return True

    def _push(self, step: Step) -> None:
        self._undo.append(step)
        del self._undo[: -self.max_depth]
        self._redo.clear()

    @contextlib.contextmanager
    def macro(self, label) -> Iterator[None]:
        """Everything applied inside becomes one step (nested macros join the outer one)."""
        if self._macro is not None:
            yield
            return
        self._macro = [label, self.plan]
        try:
            yield
        finally:
            label, before = self._macro
            self._macro = None
            if not (before is self.plan or before == self.plan):
                self._push(Step(label, before, self.plan))

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_label(self):
        return self._undo[-1].label if self._undo else None

    @property
    def redo_label(self):
        return self._redo[-1].label if self._redo else None

    def undo(self) -> Plan:
        if self._macro is not None:
            raise RuntimeError("cannot undo inside a macro")
        if not self._undo:
            raise IndexError("nothing to undo")
        step = self._undo.pop()
        self._redo.append(step)
        self.plan = step.before
        return self.plan

    def redo(self) -> Plan:
        if self._macro is not None:
            raise RuntimeError("cannot redo inside a macro")
        if not self._redo:
            raise IndexError("nothing to redo")
        step = self._redo.pop()
        self._undo.append(step)
        self.plan = step.after
        return self.plan

    def reset(self, plan: Plan) -> None:
        """Start over from ``plan`` (a newly opened file): no undo across documents."""
        self.plan = plan
        self._undo.clear()
        self._redo.clear()
