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


#: A landmark read from a file farther than this from the scan's surface (mm) refuses the file.
OFF_SCAN_MM = 10.0
LANDMARK_OFF_SCAN = Kind("landmark_off_scan", "file", "label", "distance_mm")


class ScanWork:
    """One scan being fitted: ``scan`` (LoadedScan or None), ``placed`` {landmark id: (3,) mm},
    ``skipped`` ids, ``current`` landmark id (None: all placed or skipped), ``fit`` (ScanFit or None),
    ``covered`` ids of the landmarks the scan covers (None: not known, all), ``show_all`` lists the others too."""

    def __init__(self, defs: list[LandmarkDef] | None = None):
        self._defs: list[LandmarkDef] | None = list(defs) if defs is not None else None
        self.path: Path | None = None
        self.scan: LoadedScan | None = None
        self.placed: dict[str, tuple[float, float, float]] = {}
        self.skipped: set[str] = set()
        self.current: str | None = None
        self.fit: ScanFit | None = None
        self.covered: set[str] | None = None
        self.show_all = False

    @property
    def defs(self) -> list[LandmarkDef]:
        """The reference body's landmarks (read on first use: the window starts without the fitting stack)."""
        if self._defs is None:
            self._defs = list(load_landmark_defs())
        return self._defs

    # -- the scan ------------------------------------------------------------------
    def load(self, path: str | Path, units: str | None = None, coverage: bool = True) -> LoadedScan:
        """Read the scan at ``path`` and start its landmark step afresh (nothing placed, no fit).
        Raises as ``load_scan`` does (nothing changes then). ``coverage`` False: which landmarks the scan
        covers is left unknown (all listed) for the caller to decide off the UI thread
        (:func:`landmarks_covered`, then :meth:`set_covered`)."""
        scan = load_scan(path, units=units)
        self.path, self.scan = Path(path), scan
        self.placed, self.skipped, self.fit = {}, set(), None
        self.covered, self.show_all, self.current = None, False, None
        self.set_covered(self.landmarks_covered(scan) if coverage else None)
        return scan

    def landmarks_covered(self, scan: LoadedScan) -> set[str] | None:
        """:func:`landmarks_covered` of ``scan`` (about 2 s for a face scan)."""
        return landmarks_covered(scan.paint.vertices, scan.partial, self.defs)

    def set_covered(self, covered: set[str] | None) -> None:
        """The landmarks the scan covers are now known (None: not known, all listed); the current landmark
        stays if still listed, else the first one listed and not placed becomes current."""
        self.covered = set(covered) if covered is not None else None
        if self.current not in {d.id for d in self.wanted()}:
            self.current = self._next_unplaced(None)

    # -- landmarks -----------------------------------------------------------------
    def listed(self) -> list[LandmarkDef]:
        """The landmarks the landmark step lists, in order: those the scan covers (all with ``show_all``, or
        when the scan covers none of them), and any already placed."""
        if self.show_all or not self.covered:
            return list(self.defs)
        return [d for d in self.defs if d.id in self.covered or d.id in self.placed]

    def set_show_all(self, on: bool) -> None:
        """List every landmark (on) or only those the scan covers; the current one stays if still listed."""
        self.show_all = bool(on)
        if self.current not in {d.id for d in self.listed()}:
            self.current = self._next_unplaced(None)

    def wanted(self) -> list[LandmarkDef]:
        """The landmarks to place, in order (the listed ones but the skipped ones)."""
        return [d for d in self.listed() if d.id not in self.skipped]

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

    def load_landmarks(self, path: str | Path) -> list[str]:
        """Place the landmarks of a 3D Slicer markups file (labels are landmark ids, positions in the scan
        file's coordinates); returns their ids. MarkupsError (an unknown label, a bad file, a point more than
        OFF_SCAN_MM off the scan, e.g. in other coordinates): nothing placed."""
        if self.scan is None:
            raise LookupError("scan")  # load() first
        placed = landmarks_from_markups(path, self.scan.frame, self.defs)
        refuse_off_scan(placed, self.scan.mesh, path, self.defs)
        self.set_placed(placed)
        return list(placed)

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


def landmarks_covered(paint_vertices: np.ndarray, partial: bool,
                      defs: list[LandmarkDef] | None = None) -> set[str] | None:
    """Ids of the landmarks whose place on the reference body has scan skin near it once the scan
    (``paint_vertices`` (n, 3) mm, its painting-resolution copy) is aligned onto the body
    (``geometry.coverage``): a face scan covers the nasion, not the patellae. None (list them all) when a
    partial scan's place on the body is not sure (see TRUSTED_MM). A worker job (module-level, reads only):
    the window runs it in the session's worker, off the UI thread."""
    defs = defs if defs is not None else load_landmark_defs()
    ref = load_bundled_body(DEFAULT_BODY)
    where = np.array([np.asarray(d.barycentric) @ ref.vertices[ref.faces[d.face]] for d in defs])
    from mesomap.geometry.coverage import (  # the fitting stack loads when a scan does, not with the window
        COVERED_MM,
        COVERED_WHOLE_MM,
        TRUSTED_MM,
        align_scan_to_reference,
        covered_points,
    )

    m, median_mm = align_scan_to_reference(paint_vertices, ref.vertices, partial)
    if partial and median_mm > TRUSTED_MM:
        return None
    near = covered_points(paint_vertices, m, where, COVERED_MM if partial else COVERED_WHOLE_MM)
    return {d.id for d, ok in zip(defs, near) if ok}


def landmarks_from_markups(path: str | Path, frame: np.ndarray,
                           defs: list[LandmarkDef] | None = None) -> dict[str, tuple[float, float, float]]:
    """{landmark id: (3,) mm in mesomap's frame} from a markups file (``frame`` (4, 4): the scan file's
    coordinates -> mesomap's); labels must be landmark ids ("Tragus left" reads as tragus_left).
    MarkupsError naming the file and the first unknown label."""
    from mesomap.io.fit_file import LANDMARK_LABEL_UNKNOWN
    from mesomap.io.import_markups import MarkupsError, load_markups

    known = [d.id for d in (defs if defs is not None else load_landmark_defs())]
    out = {}
    for p in load_markups(path).points:
        key = p.label.strip().lower().replace(" ", "_").replace("-", "_")
        if key not in known:
            raise MarkupsError(LANDMARK_LABEL_UNKNOWN(file=Path(path).name, label=repr(p.label),
                                                      known=", ".join(known)))
        q = frame[:3, :3] @ np.asarray(p.position_mm) + frame[:3, 3]
        out[key] = tuple(float(c) for c in q)
    return out


def refuse_off_scan(placed: dict, mesh, path: str | Path, defs: list[LandmarkDef] | None = None) -> None:
    """MarkupsError naming the file and the landmark farthest off the scan ``mesh`` (a BodyMesh, mm) when it
    is more than OFF_SCAN_MM off: the file's points are in other coordinates or belong to another scan."""
    from mesomap.geometry.scan_surface import ScanSurface
    from mesomap.io.import_markups import MarkupsError

    if not placed:
        return
    _, _, d, _ = ScanSurface(mesh.vertices, mesh.faces).nearest(np.array(list(placed.values())), k=3)
    worst = int(np.argmax(d))
    if d[worst] > OFF_SCAN_MM:
        names = {x.id: x.name for x in (defs if defs is not None else load_landmark_defs())}
        key = list(placed)[worst]
        raise MarkupsError(LANDMARK_OFF_SCAN(file=Path(path).name, label=names.get(key, key),
                                             distance_mm=round(float(d[worst]))))


# -- the plan on the scan (issue 16, step 4) ---------------------------------------------
#: First element of the layout key of a plan on a scan: (FIT_KEY, absolute path of its fit file, its version).
FIT_KEY = "fit"
UNDO_PLAN_ON_SCAN = Kind("undo_plan_on_scan", "scan")


def fit_path_for(scan_path: str | Path) -> Path:
    """Where a scan's fit file goes: beside the scan, ``NAME.fit.npz``."""
    p = Path(scan_path)
    return p.with_name(p.stem + ".fit.npz")


def _stamp(fit_path: Path) -> str:
    """What tells one version of a fit file from the next written under the same name (size, mtime ns)."""
    st = fit_path.stat()
    return f"{st.st_size}:{st.st_mtime_ns}"


def fit_surface(fit_path: str | Path, stamp: str | None = None) -> PaintingSurface:
    """The painting surface of the body fitted in ``fit_path`` (hm08-paint topology), cached by path and file
    version (a fit written again under the same name is read again)."""
    p = Path(fit_path).resolve()
    return _fit_surface(str(p), stamp or _stamp(p))


@lru_cache(maxsize=4)
def _fit_surface(fit_path: str, stamp: str) -> PaintingSurface:
    return painting_surface_on(load_fit(fit_path).fitted)


def fit_key(fit_path: str | Path) -> tuple[str, str, str]:
    """The layout key of a plan on the scan fitted in ``fit_path``: (FIT_KEY, absolute path, file version).
    The version makes a fit written again a new key for the layout workers' surface caches."""
    p = Path(fit_path).resolve()
    return (FIT_KEY, str(p), _stamp(p))


def plan_layout_key(plan, folder: str | Path | None):
    """What names the surface a plan's grids are laid out on: the fit file beside the plan (in ``folder``)
    for a plan on a scan, else its body's key (``model.body_shape.body_key``: bundled id, or id and shape)."""
    from mesomap.model.body_shape import body_key

    scan = plan.body.scan
    if scan and folder is not None:
        return fit_key(Path(folder) / Path(str(scan.get("fit", ""))).name)
    return body_key(plan.body)


def scan_link(record) -> dict:
    """The plan's ``body.scan`` record of a fit (a FitRecord): fit and scan file names, hash, landmarks."""
    return {"fit": record.path.name, "scan": record.scan_file, "scan_sha256": record.scan_sha256,
            "landmarks": {k: list(v) for k, v in record.landmarks.items()}}


def plan_on_scan(s: Session, work: ScanWork, seed: int = 0) -> Path:
    """Carry the open plan (zones, points; grids laid out again at the same spacing) onto the fitted scan
    as one undo step; the session then edits on the scan's surface. The fit is written beside the scan
    first (its path is returned; the layout key is ``fit_key(that path)``). Raises MessageError as
    ``transfer_plan`` (nothing changes)."""
    if work.fit is None or work.scan is None or work.path is None:
        raise LookupError("fit")  # fit first
    fit_path = save_fit(fit_path_for(work.path), work.path, work.scan, work.fit).resolve()
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
