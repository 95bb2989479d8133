"""Session operations on files and on the grids as a whole: open, save, lay out, export.

The window and the command line both call these (bound on
:class:`mesomap.session.session.Session`), so a plan is opened, laid out, saved and exported
the same way everywhere: opening checks placement and derived values
(:mod:`mesomap.io.plan_check`), saving writes atomically with the derived values, exporting
passes every check of :func:`mesomap.io.exports.check_exportable`.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from mesomap.io.autosave import AUTOSAVE_INTERVAL_S
from mesomap.io.plan_check import OpenedPlan, open_plan_file
from mesomap.io.plan_file import save_plan
from mesomap.model.grid import GridLimit, check_grid_size
from mesomap.model.plan import BodyRef, Plan
from mesomap.session import messages as M

if TYPE_CHECKING:
    from mesomap.session.session import Session


def new_plan(s: Session) -> None:
    """An empty plan on the same body; history starts over (the caller asks about unsaved changes first)."""
    s.end_gesture()
    s.doc.replace(Plan(body=s.plan.body), path=None, saved=True)
    if s.autosaver is not None:
        s.autosaver.clear()


def open_plan(s: Session, path: str | Path) -> OpenedPlan:
    """Replace the plan with the one in ``path`` (PlanFileError, MeshLoadError: the open plan stays); what
    opening found (injections off their zone, stale stored values) comes back for the caller to say."""
    opened = open_plan_file(path)
    s.end_gesture()
    s.doc.replace(opened.plan, path=Path(path), saved=True)
    if s.autosaver is not None:
        s.autosaver.clear()
    return opened


def restore(s: Session, plan: Plan, original: Path | None, records: dict | None = None, store=None) -> bool:
    """Take a plan recovered from an autosave as the open plan, unsaved (it is autosaved again at once).

    ``records``: the records session the plan belonged to when it was autosaved (``Recovery.records``); with
    the records ``store`` open the plan is linked to that session again (File › Save writes into it). True
    when it was linked back; False when there was no link or the session is not in ``store``."""
    s.end_gesture()
    s.doc.replace(plan, path=original, saved=False)
    linked = bool(records) and store is not None and s.records_link is not None \
        and s.records_link.relink(store, records)
    autosave_tick(s, interval_s=0)
    return linked


def import_points(s: Session, result) -> None:
    """Apply a prepared reflex-point import (:func:`mesomap.model.import_points.prepare_import`) as one
    undo step, and select its first point."""
    from mesomap.model.import_points import apply_import, import_label

    s.doc.edit(import_label(result), apply_import, result)
    s.select_point((result.points or [u.after for u in result.updated])[0].id)


def move_to_body(s: Session, ref: BodyRef) -> None:
    """The plan moves to another body of the same topology (zones and points keep their faces): an undo
    step once the plan has content; an untouched new plan simply starts over on that body."""
    doc = s.doc
    pristine = (doc.path is None and not doc.dirty and not doc.history.can_undo and not doc.history.can_redo
                and not doc.plan.zones and not doc.plan.points)
    if pristine:
        doc.replace(replace(doc.plan, body=ref), path=None, saved=True)
    else:
        doc.edit(M.UNDO_SWITCH_BODY(body=ref.body_id), lambda p: replace(p, body=ref))


def lay_out(s: Session, zone_ids=None, *, limit: GridLimit | None = None, seed: int = 0,
            timeout_s: float = 600.0) -> bool:
    """Lay out the grids of ``zone_ids`` (default: every painted zone) and wait until they are applied,
    as one undo step. Every zone's size is checked first (GridTooLarge, nothing laid out). False when a
    zone could not be laid out; ``s.grids.failures`` says why per zone."""
    if s.grids is None:
        raise RuntimeError("this session lays out no grids (no GridRequests)")
    zones = [z for z in s.plan.zones if (zone_ids is None or z.id in zone_ids) and len(z.faces)]
    for z in zones:
        check_grid_size(z, body_surface(s), limit or GridLimit())
    s.grids.failures = {}
    if not s.grids.generate(zone_ids, limit=limit, seed=seed):
        return False
    s.grids.wait(timeout_s)
    return not s.grids.failures


def save(s: Session, path: str | Path | None = None) -> Path:
    """Write the plan (atomically, with its derived values) to ``path`` (default: where it came from).

    OSError, MeshLoadError, PlanFileError or UnicodeError when it cannot be written: the file on disk
    and the plan's unsaved state are as they were. A saved plan's autosave is deleted."""
    path = Path(path) if path is not None else s.doc.path
    if path is None:
        raise ValueError("the plan has no file yet: say where to save it")
    save_plan(s.plan, path, body_surface(s))
    s.doc.mark_saved(path)
    if s.autosaver is not None:
        s.autosaver.clear()
    return path


def autosave_tick(s: Session, now: float | None = None, interval_s: float = AUTOSAVE_INTERVAL_S) -> bool:
    """Write the autosave when the plan has unsaved changes and one is due (never mid-stroke); True when
    written. Call it every second or so; OSError and the like when the write failed (say it, go on)."""
    doc = s.doc
    if s.autosaver is None or not doc.dirty or s.in_gesture:
        return False
    if not s.autosaver.due(doc.revision, now=now, interval_s=interval_s):
        return False
    records = s.records_link.autosave_note() if s.records_link is not None else None
    s.autosaver.save(doc.plan, doc.revision, doc.path, body_surface(s), records=records)
    return True


def body_surface(s: Session):
    """The painting surface of the plan's own body (also while a user mesh is on screen)."""
    from mesomap.session.prefetch import surface_for

    from mesomap.model.body_shape import body_key

    ref = s.plan.body
    return s.surface if s.surface is not None and s.surface.coarse.body_id == ref.body_id \
        and s.surface.shape == ref.shape else surface_for(body_key(ref))


def export(s: Session, fmt: str, out: str | Path, device: str | None = None, **options):
    """Write the plan as ``fmt`` (a key of the one registry, :mod:`mesomap.io.export_formats`) to ``out``:
    the written file and, for device formats, their report. ExportError (nothing written) when the plan
    cannot be exported as it is; ``device``/``options`` as :func:`mesomap.io.export_formats.write_export`."""
    from mesomap.io.export_formats import write_export  # the writers load with the first export

    return write_export(fmt, s.plan, body_surface(s), out, device=device, **options)
