"""Laying out injection grids in the background, for a session (no Qt).

:class:`GridRequests` sends zones to the layout worker
(:mod:`mesomap.session.worker`) and applies the results on the caller's thread, when it calls
:meth:`GridRequests.poll` (the window's timer while ``wants_polling``; the command line's
:meth:`GridRequests.wait`), as
one undoable edit per request ("Generate grid", "Generate all grids", "Set
spacing of …"), but only to zones whose layout inputs (faces and pinned points)
are still the ones that were laid out; a zone changed meanwhile keeps its
(visibly stale) grid and the user is told why.

A zone that has a grid follows its parameters: changing spacing, pattern,
margin or the row settings lays it out again, and the new parameters and the
new grid land together as one undo step. While a spacing slider moves, a quick
preview (no thinning or hole filling) is shown instead, latest request wins.
"""

from __future__ import annotations

import time
from concurrent.futures import Future
from dataclasses import dataclass, field, replace

import numpy as np
from psygnal import Signal

from mesomap.model import edits
from mesomap.model.document import Change, Document
from mesomap.model.grid import GridLimit
from mesomap.model.plan import InjectionPoint, Plan, TreatmentParams, Zone
from mesomap.session import messages as M
from mesomap.session.worker import (
    LayoutCancelled,
    LayoutWorker,
    WorkerDied,
    layout_job,
    preview_job,
    warm_job,
    worker,
)
from mesomap.session.zones import LAYOUT_FIELDS, layout_changed

SEED = 0
#: How often a view should call poll() while layouts run (ms).
POLL_MS = 15


def pins(zone: Zone) -> tuple[InjectionPoint, ...]:
    return tuple(q for q in zone.injections if q.pinned)


def same_layout_inputs(a: Zone, b: Zone) -> bool:
    """True when a grid laid out for ``a``'s faces and pinned points also fits ``b``'s."""
    return (a.faces is b.faces or np.array_equal(a.faces, b.faces)) and pins(a) == pins(b)


@dataclass(eq=False)
class _Batch:
    """One request: zones to lay out, applied together as one edit."""

    label: str
    kind: str  # "generate" | "params"
    body_id: str
    inputs: dict[str, Zone]  # what is laid out (for "params": the zone with its new parameters)
    bases: dict[str, Zone]  # the zones as the plan had them when asked
    results: dict[str, tuple[InjectionPoint, ...]] = field(default_factory=dict)
    errors: dict[str, Exception] = field(default_factory=dict)  # zone id -> why its layout failed
    pending: set[str] = field(default_factory=set)
    cancelled: bool = False
    limit: GridLimit | None = None  # the most injections a zone may get (None: the per-zone limit)
    seed: int = SEED  # for the blue-noise pattern


class GridRequests:
    """Grid requests for one document; ``busy`` while any layout runs."""

    busy_changed = Signal(bool)
    wants_polling = Signal(bool)  # True: results are on their way, call poll() every POLL_MS until False
    preview_changed = Signal(str)  # zone id: its preview grid was shown, replaced or cleared
    pending_changed = Signal(str)  # zone id: parameters waiting for their layout changed
    applied = Signal()  # a batch finished (applied, partly applied or failed)
    replacing = Signal(object)  # set of zone ids whose grids are about to be replaced by a layout
    message = Signal(object)  # a Message (mesomap.session.messages)

    def __init__(self, doc: Document, body_id, layout_worker: LayoutWorker | None = None):
        self.doc = doc
        self.closed = False
        self._body_id = body_id  # callable -> the bundled body the plan is edited on (None: none)
        self.worker = layout_worker or worker()
        self._batches: list[_Batch] = []
        self.previews: dict[str, tuple[TreatmentParams, tuple[InjectionPoint, ...]]] = {}
        self._preview_active: dict[str, TreatmentParams] = {}  # zone id -> params being previewed
        self._preview_running: tuple[str, TreatmentParams] | None = None
        self._preview_next: tuple[str, Zone] | None = None
        # Finished jobs are picked up by poll() on the caller's thread: nothing of the session is touched
        # from the worker's threads (a window closing while a result arrives must not race with it).
        self._outstanding: list[tuple[tuple, Future]] = []
        self.failures: dict[str, Exception] = {}  # zone id -> why its layout failed, in the last request applied
        doc.changed.connect(self._doc_changed)

    # -- state -----------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return bool(self._batches) or self._preview_running is not None

    def busy_text(self):
        """What is being laid out, for the status bar: a Message, or None when nothing runs."""
        names = []
        for b in self._batches:
            names += [b.inputs[z].name for z in b.pending]
        if names:
            if len(names) > 3:
                return M.LAYING_OUT_MORE(zones=", ".join(names[:3]), more=len(names) - 3)
            return M.LAYING_OUT(zones=", ".join(names))
        return M.PREVIEWING() if self._preview_running else None

    @property
    def pending(self) -> bool:
        """True while requested layouts (not previews) are still to be applied."""
        return any(not b.cancelled for b in self._batches)

    def laying_out(self) -> set[str]:
        """Ids of the zones with a layout running or queued."""
        return {z for b in self._batches if not b.cancelled for z in b.pending}

    def pending_params(self, zone_id: str) -> TreatmentParams | None:
        """Parameters asked for a zone whose new grid is still being laid out."""
        for b in reversed(self._batches):
            if b.kind == "params" and zone_id in b.inputs and not b.cancelled:
                return b.inputs[zone_id].params
        return None

    def previewing(self, zone_id: str) -> TreatmentParams | None:
        """The parameters a zone is being previewed with (a slider held), or None."""
        return self._preview_active.get(zone_id)

    def display_params(self, zone_id: str) -> TreatmentParams | None:
        """What the panels should show for a zone now: previewed, else pending parameters (None: the plan's)."""
        return self._preview_active.get(zone_id) or self.pending_params(zone_id)

    def warm(self, body_id: str) -> None:
        """Start the worker and load the body there, so the first layout does not wait for it."""
        self.worker.submit(warm_job, body_id)

    # -- requests --------------------------------------------------------------
    def generate(self, zone_ids=None, label: str | None = None, limit: GridLimit | None = None,
                 seed: int = SEED) -> bool:
        """Lay out the grids of ``zone_ids`` (default: every painted zone) as one undo step.

        ``limit``: a tighter GridLimit (a device's program size); a zone past it is refused with its estimate."""
        body_id = self._body_id()
        if body_id is None:
            self.message.emit(M.GRIDS_NEED_BUNDLED_BODY())
            return False
        plan = self.doc.plan
        zones = [z for z in plan.zones if (zone_ids is None or z.id in zone_ids)]
        empty = [z.name for z in zones if len(z.faces) == 0]
        zones = [z for z in zones if len(z.faces)]
        if not zones:
            self.message.emit(M.ZONE_NOT_PAINTED(zone=empty[0]) if empty else M.NOTHING_TO_LAY_OUT())
            return False
        if label is None:
            label = M.UNDO_GENERATE_GRID(zone=zones[0].name) if len(zones) == 1 else M.UNDO_GENERATE_ALL()
        for b in self._batches:  # a newer request for the same zones supersedes an older one
            if b.kind == "generate" and set(b.inputs) <= {z.id for z in zones}:
                b.cancelled = True
        self._submit(_Batch(label, "generate", body_id, {z.id: z for z in zones}, {z.id: z for z in zones},
                            limit=limit, seed=seed))
        if empty:
            self.message.emit(M.SKIPPED_UNPAINTED(zones=", ".join(empty)))
        return True

    def relayout(self, zone_id: str, label: str, params: TreatmentParams) -> None:
        """Set a gridded zone's parameters and lay its grid out again, together, as one undo step."""
        zone = self.doc.plan.zone(zone_id)
        for b in self._batches:
            if b.kind == "params" and zone_id in b.inputs:
                b.cancelled = True  # superseded: the new request carries every change so far
        body_id = self._body_id()
        if body_id is None:
            self.doc.edit(label, edits.set_zone_params, zone_id, params)
            return
        self._submit(_Batch(label, "params", body_id, {zone_id: replace(zone, params=params)}, {zone_id: zone}))
        self.pending_changed.emit(zone_id)

    def cancel_params(self) -> None:
        """Drop parameter changes still waiting for their layout (before an undo or redo)."""
        zones = set()
        for b in list(self._batches):
            if b.kind == "params":
                b.cancelled = True
                self._batches.remove(b)
                zones |= set(b.inputs)
        for zone_id in zones:
            self.end_preview(zone_id)
            self.pending_changed.emit(zone_id)
        if zones:
            self.busy_changed.emit(self.busy)

    def progress(self) -> tuple[int, int]:
        """(zones laid out, zones asked for) over the requests still running."""
        live = [b for b in self._batches if not b.cancelled]
        total = sum(len(b.inputs) for b in live)
        return total - sum(len(b.pending) for b in live), total

    def cancel_layouts(self) -> bool:
        """The user's Cancel: drop every layout not applied yet and stop the one running. The grids
        stay as they were (nothing half-done is applied). False when nothing was running."""
        if not self._batches:
            return False
        self.cancel_all()
        self.worker.cancel_running()
        self.message.emit(M.LAYOUT_CANCELLED())
        return True

    def cancel_all(self) -> None:
        """Drop every request not applied yet (undo, redo, another document)."""
        zones = {z for b in self._batches if b.kind == "params" for z in b.inputs}
        for b in self._batches:
            b.cancelled = True
        self._batches.clear()
        for zone_id in list(self.previews) + list(self._preview_active):
            self.end_preview(zone_id)
        self.busy_changed.emit(self.busy)
        for zone_id in zones:
            self.pending_changed.emit(zone_id)

    # -- preview ---------------------------------------------------------------
    def preview(self, zone_id: str, params: TreatmentParams) -> bool:
        """Show a quick layout of a gridded zone with ``params`` (a slider moving); latest wins."""
        body_id = self._body_id()
        try:
            zone = self.doc.plan.zone(zone_id)
        except KeyError:
            return False
        if body_id is None or not zone.injections or params.errors():
            return False
        self._preview_active[zone_id] = params
        self._preview_next = (zone_id, replace(zone, params=params))
        if self._preview_running is None:
            self._submit_preview(body_id)
        return True

    def end_preview(self, zone_id: str) -> None:
        """Stop previewing a zone (its real grid shows again)."""
        self._preview_active.pop(zone_id, None)
        if self._preview_next is not None and self._preview_next[0] == zone_id:
            self._preview_next = None
        if self.previews.pop(zone_id, None) is not None:
            self.preview_changed.emit(zone_id)

    def _submit_preview(self, body_id: str) -> None:
        zone_id, zone = self._preview_next
        self._preview_next = None
        self._preview_running = (zone_id, zone.params)
        future = self.worker.submit(preview_job, body_id, zone, SEED)
        self._watch(("preview", zone_id), future)
        self.busy_changed.emit(True)

    # -- running ---------------------------------------------------------------
    def _submit(self, batch: _Batch) -> None:
        self._batches.append(batch)
        for zone_id, zone in batch.inputs.items():
            batch.pending.add(zone_id)
            self._run(batch, zone_id, zone)
        self.busy_changed.emit(True)

    def _run(self, batch: _Batch, zone_id: str, zone: Zone) -> None:
        future = self.worker.submit(layout_job, batch.body_id, zone, batch.seed, batch.limit)
        self._watch((batch, zone_id), future)

    def _watch(self, key: tuple, future: Future) -> None:
        was_idle = not self._outstanding
        self._outstanding.append((key, future))
        if was_idle:
            self.wants_polling.emit(True)

    @property
    def polling(self) -> bool:
        """True while results are on their way (a view calls :meth:`poll` every POLL_MS)."""
        return bool(self._outstanding)

    def poll(self) -> None:
        """Apply the finished jobs, in the order they were asked for (call on the session's thread)."""
        done = [(key, f) for key, f in self._outstanding if f.done()]
        if done:
            self._outstanding = [(key, f) for key, f in self._outstanding if not f.done() or (key, f) not in done]
            for key, future in done:
                self._finished(key, future)
        if not self._outstanding:
            self.wants_polling.emit(False)

    def wait(self, timeout_s: float = 120.0) -> bool:
        """Poll until every requested layout is applied (the command line, tests); False on timeout."""
        deadline = time.monotonic() + timeout_s
        while self._outstanding and time.monotonic() < deadline:
            self.poll()
            if self._outstanding:
                time.sleep(POLL_MS / 1000)
        return not self.pending

    def close(self) -> None:
        """The view composing the session closes: results still on their way are dropped."""
        self.cancel_all()
        self.closed = True
        self._outstanding.clear()
        self.wants_polling.emit(False)

    def _finished(self, key, future) -> None:
        if self.closed:
            return
        what, zone_id = key
        try:
            result, error = future.result(), None
        except Exception as err:  # noqa: BLE001 — shown to the user, the plan stays as it was
            if isinstance(err, LayoutCancelled):  # the user stopped the worker: nothing to apply or redo
                if what == "preview":
                    self._preview_done(zone_id, None)
                return
            if isinstance(err, WorkerDied):  # the worker process died: go on in a thread
                self.worker.fall_back_to_thread()
                if what != "preview":
                    self._run(what, zone_id, what.inputs[zone_id])
                    return
            result, error = None, err
        if what == "preview":
            self._preview_done(zone_id, result)
            return
        batch: _Batch = what
        batch.pending.discard(zone_id)
        if error is None:
            batch.results[zone_id] = result
        else:
            batch.errors[zone_id] = error
        if batch.pending:
            self.busy_changed.emit(self.busy)
            return
        if batch in self._batches:
            self._batches.remove(batch)
        if not batch.cancelled:
            self.failures = dict(batch.errors)
            self._apply(batch)
        self.busy_changed.emit(self.busy)
        self.applied.emit()

    def _preview_done(self, zone_id: str, result) -> None:
        running, self._preview_running = self._preview_running, None
        params = running[1] if running else None
        if result is not None and self._preview_active.get(zone_id) is not None:
            self.previews[zone_id] = (params, result)
            self.preview_changed.emit(zone_id)
        body_id = self._body_id()
        if self._preview_next is not None and body_id is not None:
            self._submit_preview(body_id)
        else:
            self.busy_changed.emit(self.busy)

    def _apply(self, batch: _Batch) -> None:
        plan = self.doc.plan
        changed_meanwhile, failed = [], []
        steps = []  # (zone id, params or None, injections or None)
        for zone_id, base in batch.bases.items():
            try:
                current = plan.zone(zone_id)
            except KeyError:
                continue  # deleted meanwhile
            wanted = batch.inputs[zone_id]
            fits = same_layout_inputs(base, current) and zone_id in batch.results
            params = None
            if batch.kind == "params":
                params = wanted.params if current.params == base.params else replace(
                    current.params, **{f: getattr(wanted.params, f) for f in LAYOUT_FIELDS})
            elif fits and layout_changed(current.params, base.params):
                fits = False  # laid out from parameters the zone no longer has
            if zone_id in batch.errors:
                failed.append(M.LAYOUT_FAILED_ZONE(zone=current.name, why=_why(batch.errors[zone_id])))
            elif not fits:
                changed_meanwhile.append(current.name)
            steps.append((zone_id, params, batch.results[zone_id] if fits else None))

        def apply(p: Plan) -> Plan:
            for zone_id, params, injections in steps:
                if params is not None:
                    p = edits.set_zone_params(p, zone_id, params)
                if injections is not None:
                    p = edits.set_zone_grid(p, zone_id, injections)
            return p

        if steps:
            self.replacing.emit({zone_id for zone_id, _, injections in steps if injections is not None})
            self.doc.edit(batch.label, apply)
        for zone_id in batch.inputs:
            self.end_preview(zone_id)
            if batch.kind == "params":
                self.pending_changed.emit(zone_id)
        if failed:
            self.message.emit(M.LAYOUT_FAILED(failures=tuple(failed)))
        elif changed_meanwhile:
            self.message.emit(M.CHANGED_WHILE_LAID_OUT(zones=", ".join(changed_meanwhile)))
        else:
            counts = [f"{plan.zone(z).name} {len(r)}" for z, r in batch.results.items() if _has(plan, z)]
            total = sum(len(r) for r in batch.results.values())
            if counts:
                self.message.emit(M.LAID_OUT(count=total, zones=", ".join(counts)))

    def _doc_changed(self, change: Change) -> None:
        if change.reset:
            self.cancel_all()
            return
        for zone_id in change.zones_removed:
            self.end_preview(zone_id)


def _why(err: Exception):
    """What went wrong, as a Message when the error carries one, else its text."""
    message = getattr(err, "message", None)
    return message if message is not None and hasattr(message, "code") else (str(err) or type(err).__name__)


def _has(plan: Plan, zone_id: str) -> bool:
    return any(z.id == zone_id for z in plan.zones)
