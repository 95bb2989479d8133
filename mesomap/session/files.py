"""Session operations on files and on the grids as a whole: open, save, lay out, export.

The window and the command line both call these (bound on
:class:`mesomap.session.session.Session`), so a plan is opened, laid out, saved and exported
the same way everywhere: opening checks placement and derived values
(:mod:`mesomap.io.plan_check`), saving writes atomically with the derived values, exporting
passes every check of :func:`mesomap.io.exports.check_exportable`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mesomap.io.exports import exporters
from mesomap.io.plan_check import OpenedPlan, open_plan_file
from mesomap.io.plan_file import save_plan
from mesomap.model.document import Document
from mesomap.model.grid import GridLimit

if TYPE_CHECKING:
    from mesomap.session.session import Session


def open_session(path: str | Path, *, inline: bool = False) -> tuple[Session, OpenedPlan]:
    """A session on the plan in ``path`` and on its body (PlanFileError, MeshLoadError when it cannot be
    opened), with what opening found (injections off their zone, stale stored values).

    ``inline``: grids are laid out in the caller's thread (the command line), not in a worker process.
    """
    from mesomap.session.grids import GridRequests
    from mesomap.session.session import Session
    from mesomap.session.worker import InlineWorker

    opened = open_plan_file(path)
    session = Session(Document(opened.plan, Path(path)), opened.surface)
    session.grids = GridRequests(session.doc, lambda: session.plan.body.body_id if session.enabled else None,
                                 InlineWorker() if inline else None)
    return session, opened


def lay_out(s: Session, zone_ids=None, *, limit: GridLimit | None = None, timeout_s: float = 600.0) -> bool:
    """Lay out the grids of ``zone_ids`` (default: every painted zone) and wait until they are applied,
    as one undo step. False when nothing could be laid out; ``s.grids.failures`` says why per zone."""
    if s.grids is None:
        raise RuntimeError("this session lays out no grids (no GridRequests)")
    s.grids.failures = {}
    if not s.grids.generate(zone_ids, limit=limit):
        return False
    s.grids.wait(timeout_s)
    return not s.grids.failures


def save(s: Session, path: str | Path | None = None) -> Path:
    """Write the plan (atomically, with its derived values) to ``path`` (default: where it came from)."""
    path = Path(path) if path is not None else s.doc.path
    if path is None:
        raise ValueError("the plan has no file yet: say where to save it")
    save_plan(s.plan, path, s.surface)
    s.doc.mark_saved(path)
    return path


def export(s: Session, fmt: str, out: str | Path) -> Path:
    """Write the plan as ``fmt`` (a format of :func:`mesomap.io.exports.exporters`) to ``out``; ExportError
    (nothing written) when the plan cannot be exported as it is."""
    suffixes, write = exporters()[fmt]
    return write(s.plan, s.surface, Path(out))
