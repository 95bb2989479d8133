"""The scan workflow's state (issue 16), Qt-free: the loaded scan, the landmarks placed on it, the fit.

:class:`ScanWork` is what File › Import scan… and the landmark dock drive: :meth:`load` reads a scan
(``io.scans.load_scan``; ScanUnitsUnclearError names the unit choices to ask), :meth:`place` puts the
current landmark at a point on the scan (mm, mesomap's frame) and selects the next one not placed,
:meth:`skip` leaves one out, and :meth:`run_fit` fits the reference body with those landmarks
(``model.fit.fit_scan``; progress(0..1), cancel() -> FitCancelled). A fit is only kept by
:meth:`accept`: a cancelled or failed fit leaves the previous state as it was.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from mesomap.geometry.fit import FitSettings
from mesomap.io.fit_data import load_landmark_defs, load_shape_directions
from mesomap.io.meshes import DEFAULT_BODY, load_bundled_body
from mesomap.io.scans import LoadedScan, load_scan
from mesomap.model.fit import LandmarkDef, ScanFit, fit_scan


class ScanWork:
    """One scan being fitted: ``scan`` (LoadedScan or None), ``placed`` {landmark id: (3,) mm},
    ``skipped`` ids, ``current`` landmark id (None: all placed or skipped), ``fit`` (ScanFit or None)."""

    def __init__(self, defs: list[LandmarkDef] | None = None):
        self.defs: list[LandmarkDef] = list(defs) if defs is not None else load_landmark_defs()
        self.path: Path | None = None
        self.scan: LoadedScan | None = None
        self.placed: dict[str, tuple[float, float, float]] = {}
        self.skipped: set[str] = set()
        self.current: str | None = None
        self.fit: ScanFit | None = None

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
        return fit_scan(load_bundled_body(DEFAULT_BODY), self.scan.mesh, self.defs, dict(self.placed),
                        shapes=load_shape_directions(), partial=self.scan.partial, progress=progress,
                        cancel=cancel, settings=settings)

    def accept(self, fit: ScanFit) -> None:
        """Keep ``fit`` as the scan's fit (its report and the fitted body)."""
        self.fit = fit
