"""The open document: a plan with history, a file path, a dirty flag, and change events.

Views subscribe to ``changed`` and receive a :class:`Change` naming exactly
what differs (zone ids, point ids, header), then update only that.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from psygnal import Signal

from mesomap.model.history import History
from mesomap.model.plan import Plan


@dataclass(frozen=True)
class Change:
    """What differs between two plans. ``reset`` means: redraw everything."""

    zones_added: tuple[str, ...] = ()
    zones_removed: tuple[str, ...] = ()
    zones_changed: tuple[str, ...] = ()
    zone_faces_changed: tuple[str, ...] = ()
    zone_order_changed: bool = False
    points_added: tuple[str, ...] = ()
    points_removed: tuple[str, ...] = ()
    points_changed: tuple[str, ...] = ()
    header_changed: bool = False
    reset: bool = False
    extra: dict = field(default_factory=dict)


def diff_plans(old: Plan, new: Plan) -> Change:
    """The fine-grained difference between two plans (identity checks first: cheap)."""
    if old.body != new.body:
        return Change(reset=True)
    oz = {z.id: z for z in old.zones}
    nz = {z.id: z for z in new.zones}
    changed = tuple(i for i in nz if i in oz and nz[i] is not oz[i] and nz[i] != oz[i])
    faces = tuple(i for i in changed if nz[i].faces is not oz[i].faces and not _same(nz[i].faces, oz[i].faces))
    op = {p.id: p for p in old.points}
    np_ = {p.id: p for p in new.points}
    return Change(
        zones_added=tuple(i for i in nz if i not in oz),
        zones_removed=tuple(i for i in oz if i not in nz),
        zones_changed=changed,
        zone_faces_changed=faces,
        zone_order_changed=[i for i in oz if i in nz] != [i for i in nz if i in oz],
        points_added=tuple(i for i in np_ if i not in op),
        points_removed=tuple(i for i in op if i not in np_),
        points_changed=tuple(i for i in np_ if i in op and np_[i] != op[i]),
        header_changed=old.header != new.header,
    )


def _same(a, b) -> bool:
    return a.shape == b.shape and bool((a == b).all())


class Document:
    """The plan being edited. All edits go through :meth:`edit` so they are undoable."""

    changed = Signal(object)  # Change
    state_changed = Signal()  # dirty flag, path or undo/redo availability
    refused = Signal(object)  # Message: why an edit, undo or redo was refused (the document is locked)

    def __init__(self, plan: Plan, path: Path | None = None):
        self.history = History(plan)
        self.path = path
        self._saved = plan
        self.revision = 0  # counts every change: autosave compares it
        self.locked = None  # a Message saying why the plan cannot change (a done records session), or None

    def lock(self, why) -> None:
        """Refuse every edit, undo and redo with ``why`` (a Message) until :meth:`replace` or ``lock(None)``."""
        self.locked = why
        self.state_changed.emit()

    def _refused(self) -> bool:
        if self.locked is None:
            return False
        self.refused.emit(self.locked)
        return True

    @property
    def plan(self) -> Plan:
        return self.history.plan

    @property
    def dirty(self) -> bool:
        return not (self.plan is self._saved or self.plan == self._saved)

    def edit(self, label, fn: Callable[..., Plan], *args, **kwargs) -> bool:
        """Apply ``fn(plan, *args, **kwargs)`` as one undoable step; emits ``changed``. False: nothing changed
        (the same plan, or the document is locked: ``refused`` says why)."""
        if self._refused():
            return False
        old = self.plan
        if not self.history.apply(label, fn(old, *args, **kwargs)):
            return False
        self._announce(old)
        return True

    @contextlib.contextmanager
    def macro(self, label) -> Iterator[None]:
        """Group edits (a brush stroke) into one undo step; views still update per edit."""
        with self.history.macro(label):
            yield
        self.state_changed.emit()

    def undo(self) -> None:
        if self.history.can_undo and not self._refused():
            old = self.plan
            self.history.undo()
            self._announce(old)

    def redo(self) -> None:
        if self.history.can_redo and not self._refused():
            old = self.plan
            self.history.redo()
            self._announce(old)

    def replace(self, plan: Plan, path: Path | None = None, saved: bool = True) -> None:
        """A different document (opened, new, or recovered): history starts over, unlocked."""
        self.locked = None
        self.history.reset(plan)
        self.path = path
        self._saved = plan if saved else None
        self.revision += 1
        self.changed.emit(Change(reset=True))
        self.state_changed.emit()

    def mark_saved(self, path: Path) -> None:
        self.path = path
        self._saved = self.plan
        self.state_changed.emit()

    def _announce(self, old: Plan) -> None:
        self.revision += 1
        self.changed.emit(diff_plans(old, self.plan))
        self.state_changed.emit()
