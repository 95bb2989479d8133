"""The scan workflow's state (issue 16), Qt-free: the loaded scan, the landmarks placed on it, the fit.

:class:`ScanWork` is what File › Import scan… and the landmark dock drive: :meth:`load` reads a scan
(``io.scans.load_scan``; ScanUnitsUnclearError names the unit choices to ask), :meth:`place` puts the
current landmark at a point on the scan (mm, mesomap's frame) and selects the next one not placed,
:meth:`skip` leaves one out, and :meth:`run_fit` fits the reference body with those landmarks
(``model.fit.fit_scan``; progress(0..1), cancel() -> FitCancelled). A fit is only kept by
:meth:`accept`: a cancelled or failed fit leaves the previous state as it was.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from mesomap.io.fit_data import load_landmark_defs, load_shape_directions
from mesomap.io.meshes import DEFAULT_BODY, load_bundled_body
from mesomap.io.scans import LoadedScan, load_scan
from mesomap.geometry.surface import PaintingSurface
from mesomap.io.fit_file import load_fit, save_fit
from mesomap.io.meshes import painting_surface_on
from mesomap.model.messages import Kind

if TYPE_CHECKING:  # the fitting stack (scipy solvers) is imported when a fit runs, not at start-up
    from mesomap.geometry.fit import FitSettings
    from mesomap.model.fit import LandmarkDef, ScanFit
    from mesomap.session.session import Session


class ScanWork:
    """One scan being fitted: ``scan`` (LoadedScan or None), ``placed`` {landmark id: (3,) mm},
    ``skipped`` ids, ``current`` landmark id (None: all placed or skipped), ``fit`` (ScanFit or None)."""

    def __init__(self, defs: list[LandmarkDef] | None = None):
        self._defs: list[LandmarkDef] | None = list(defs) if defs is not None else None
        self.path: Path | None = None
        self.scan: LoadedScan | None = None
        self.placed: dict[str, tuple[float, float, float]] = {}
        self.skipped: set[str] = set()
        self.current: str | None = None
        self.fit: ScanFit | None = None

    @property
    def defs(self) -> list[LandmarkDef]:
        """The reference body's landmarks (read on first use: the window starts without the fitting stack)."""
        if self._defs is None:
            self._defs = list(load_landmark_defs())
        return self._defs

    # -- the scan ------------------------------------------------------------------
    def load(self, path: str | Path, units: str | None = None) -> LoadedScan:
        """Read the scan at ``path`` and start its landmark step afresh (nothing placed, no fit).
        Raises as ``load_scan`` does (nothing changes then)."""
        scan = load_scan(path, units=units)
        self.path, self.scan = Path(path), scan
        self.placed, self.skipped, self.fit = {}, set(), None
        self.current = self.defs[0].id if self.defs else None
        return scan

    # -- landmarks -----------------------------------------------------------------
    def wanted(self) -> list[LandmarkDef]:
        """The landmarks to place, in order (all but the skipped ones)."""
        return [d for d in self.defs if d.id not in self.skipped]

    def select(self, landmark_id: str | None) -> None:
        """Make ``landmark_id`` the one the next click places (re-placing it if placed)."""
        if landmark_id is not None and landmark_id not in {d.id for d in self.defs}:
            raise KeyError(landmark_id)
        self.current = landmark_id

    def _next_unplaced(self, after: str | None) -> str | None:
        ids = [d.id for d in self.wanted()]
        start = ids.index(after) + 1 if after in ids else 0
        for i in ids[start:] + ids[:start]:
            if i not in self.placed:
                return i
        return None

    def place(self, point_mm) -> str | None:
        """Put the current landmark at ``point_mm`` (3,) mm on the scan; the next unplaced one becomes
        current (returned; None when all are placed). Nothing happens without a current landmark."""
        if self.current is None or self.scan is None:
            return self.current
        placed = self.current
        self.placed[placed] = tuple(float(c) for c in np.asarray(point_mm, dtype=float).reshape(3))
        self.skipped.discard(placed)
        self.current = self._next_unplaced(placed)
        return self.current

    def skip(self, landmark_id: str, skipped: bool = True) -> None:
        """Leave ``landmark_id`` out of the fit (its placement is forgotten), or take it back."""
        if skipped:
            self.skipped.add(landmark_id)
            self.placed.pop(landmark_id, None)
            if self.current == landmark_id:
                self.current = self._next_unplaced(landmark_id)
        else:
            self.skipped.discard(landmark_id)

    def set_placed(self, placed: dict) -> None:
        """Place several landmarks at once ({id: (3,) mm}), e.g. from a Slicer markups file."""
        for key, p in placed.items():
            self.current = key
            self.place(p)

    # -- the fit -------------------------------------------------------------------
    def run_fit(self, progress=None, cancel=None, settings: FitSettings | None = None) -> ScanFit:
        """Fit the reference body onto the scan with the placed landmarks; returns the fit without
        keeping it (see :meth:`accept`). Safe to run off the UI thread: reads only. FitCancelled,
        MessageError (e.g. too few landmarks on a partial scan) as ``fit_scan``."""
        if self.scan is None:
            raise LookupError("scan")  # load() first
        from mesomap.model.fit import fit_scan

        return fit_scan(load_bundled_body(DEFAULT_BODY), self.scan.mesh, self.defs, dict(self.placed),
                        shapes=load_shape_directions(), partial=self.scan.partial, progress=progress,
                        cancel=cancel, settings=settings)

    def accept(self, fit: ScanFit) -> None:
        """Keep ``fit`` as the scan's fit (its report and the fitted body)."""
        self.fit = fit


# -- the plan on the scan (issue 16, step 4) ---------------------------------------------
#: First element of the layout key of a plan on a scan: (FIT_KEY, absolute path of its fit file).
FIT_KEY = "fit"
UNDO_PLAN_ON_SCAN = Kind("undo_plan_on_scan", "scan")


def fit_path_for(scan_path: str | Path) -> Path:
    """Where a scan's fit file goes: beside the scan, ``NAME.fit.npz``."""
    p = Path(scan_path)
    return p.with_name(p.stem + ".fit.npz")


@lru_cache(maxsize=4)
def fit_surface(fit_path: str) -> PaintingSurface:
    """The painting surface of the body fitted in ``fit_path`` (hm08-paint topology), cached by path."""
    return painting_surface_on(load_fit(fit_path).fitted)


def scan_link(record) -> dict:
    """The plan's ``body.scan`` record of a fit (a FitRecord): fit and scan file names, hash, landmarks."""
    return {"fit": record.path.name, "scan": record.scan_file, "scan_sha256": record.scan_sha256,
            "landmarks": {k: list(v) for k, v in record.landmarks.items()}}


def plan_on_scan(s: Session, work: ScanWork, seed: int = 0) -> Path:
    """Carry the open plan (zones, points; grids laid out again at the same spacing) onto the fitted scan
    as one undo step; the session then edits on the scan's surface. The fit is written beside the scan
    first (its path is returned; the layout key is (FIT_KEY, that path)). Raises MessageError as
    ``transfer_plan`` (nothing changes)."""
    if work.fit is None or work.scan is None or work.path is None:
        raise LookupError("fit")  # fit first
    fit_path = save_fit(fit_path_for(work.path), work.path, work.scan, work.fit).resolve()
    fit_surface.cache_clear()
    surface = fit_surface(str(fit_path))
    from mesomap.model.transfer import transfer_plan

    moved = transfer_plan(s.plan, surface, scan_link(load_fit(fit_path)), seed=seed)
    s.end_gesture()
    s.set_surface(surface)
    s.doc.edit(UNDO_PLAN_ON_SCAN(scan=work.path.name), lambda _plan: moved)
    return fit_path


def scan_files_beside(plan_path: str | Path, fit_path: str | Path) -> list[Path]:
    """Copy the fit file and its scan into the folder of ``plan_path`` when they are elsewhere (a plan on a
    scan finds both in its own folder); returns the files written."""
    import shutil

    folder, fit_path = Path(plan_path).resolve().parent, Path(fit_path).resolve()
    if fit_path.parent == folder:
        return []
    record = load_fit(fit_path)
    out = []
    for src in (fit_path, fit_path.parent / record.scan_file):
        dst = folder / src.name
        shutil.copy2(src, dst)
        out.append(dst)
    return out
