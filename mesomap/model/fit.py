"""The reference body fitted onto a patient's scan, and the fit's report.

:func:`fit_scan` runs ``geometry.fit`` (pre-alignment, body shape, non-rigid) and
measures the result: each landmark's residual (mm), the surface distance both
ways (median and 95th percentile, mm), a distance per scan vertex for a colour
map, and warnings in words naming the region where the fit is off. The fitted
body keeps the reference's hm08 topology, so zones (face ids) and points (face +
barycentric) carry over unchanged; its vertices lie on the scan's surface.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from mesomap.geometry.body_mesh import BodyMesh
from mesomap.geometry.fit import FitSettings, LandmarkPair, fit_vertices
from mesomap.geometry.scan_surface import ScanSurface
from mesomap.model.messages import Kind, Message, MessageError

FIT_NEEDS_LANDMARKS = Kind("fit_needs_landmarks", "count")
FIT_LANDMARK_UNKNOWN = Kind("fit_landmark_unknown", "name", "known")
FIT_FAR = Kind("fit_far", "distance_mm", "region", severity="warning")
FIT_LANDMARK_FAR = Kind("fit_landmark_far", "name", "residual_mm", severity="warning")
FIT_LANDMARK_MISPLACED = Kind("fit_landmark_misplaced", "name", "residual_mm", severity="warning")
FIT_SUMMARY = Kind("fit_summary", "scan_median", "scan_p95", "fit_median", "fit_p95", severity="info")
FIT_LANDMARK_LINE = Kind("fit_landmark_line", "name", "residual_mm", severity="info")

#: Warn when the fitted surface is this far off the scan (95th percentile within a region), mm.
WARN_DISTANCE_MM = 5.0
#: Warn when a landmark ends this far from where it was placed, mm.
WARN_LANDMARK_MM = 8.0
#: Warn when, after the pre-alignment (pose and body shape only), a landmark is this far from where it was
#: placed and several times farther than the others: it was likely clicked in the wrong place, mm.
WARN_MISPLACED_MM = 15.0
#: Fit-to-scan distances beyond this are where the scan has no skin (holes, a partial scan), mm.
UNCOVERED_MM = 20.0


@dataclass(frozen=True)
class LandmarkDef:
    """A landmark of the reference body: id, name, side, region word, hm08 face and barycentric."""

    id: str
    name: str
    side: str
    region: str
    face: int
    barycentric: tuple[float, float, float]


@dataclass
class FitReport:
    """How well the fitted body lies on the scan (all mm).

    landmark_residual_mm : {landmark id: distance between the fitted landmark and where it was placed};
    scan_to_fit / fit_to_scan : (median, 95th percentile); scan_distance_mm (n_scan,) per scan vertex
    (for a colour map); warnings : Messages naming the region.
    """

    landmark_residual_mm: dict[str, float]
    scan_to_fit: tuple[float, float]
    fit_to_scan: tuple[float, float]
    scan_distance_mm: np.ndarray
    warnings: list[Message] = field(default_factory=list)


@dataclass
class ScanFit:
    """The reference body on the scan (hm08 topology), with the pre-alignment, shape mix and report."""

    fitted: BodyMesh
    transform: np.ndarray
    shape: np.ndarray
    report: FitReport
    landmarks: dict[str, tuple[float, float, float]]


def vertex_regions(reference: BodyMesh, defs: Sequence[LandmarkDef]) -> np.ndarray:
    """(n,) region word of each reference vertex: head and neck, trunk, left/right arm, left/right leg."""
    v = reference.vertices
    pos = {d.id: np.asarray(d.barycentric) @ v[reference.faces[d.face]] for d in defs}
    out = np.full(len(v), "trunk", dtype=object)
    side = np.where(v[:, 0] < 0, "left", "right")  # RAS: +x is the patient's right
    arm = np.abs(v[:, 0]) > 0.85 * abs(pos["acromion_left"][0])
    leg = v[:, 2] < pos["asis_left"][2] - 80.0
    out[arm & ~leg] = np.char.add(side[arm & ~leg].astype(str), " arm")
    out[leg] = np.char.add(side[leg].astype(str), " leg")
    out[v[:, 2] > pos["sternal_notch"][2]] = "head and neck"
    return out


def landmark_pairs(defs: Sequence[LandmarkDef], placed: Mapping[str, Sequence[float]]) -> list[LandmarkPair]:
    """The placed landmarks ({id: (3,) mm on the scan}) paired with the reference's; unknown ids refused."""
    by_id = {d.id: d for d in defs}
    pairs = []
    for name, p in placed.items():
        if name not in by_id:
            raise MessageError(FIT_LANDMARK_UNKNOWN(name=name, known=", ".join(by_id)))
        d = by_id[name]
        pairs.append(LandmarkPair(name, d.face, d.barycentric, tuple(float(c) for c in p)))
    return pairs


def fit_scan(reference: BodyMesh, scan: BodyMesh, defs: Sequence[LandmarkDef],
             placed: Mapping[str, Sequence[float]] | None = None, shapes: np.ndarray | None = None,
             partial: bool = False, progress: Callable[[float], None] | None = None,
             cancel: Callable[[], bool] | None = None, settings: FitSettings | None = None) -> ScanFit:
    """Fit ``reference`` (hm08, mm) onto ``scan`` (mm, z up) with the landmarks placed on it ({id: (3,) mm}).

    A partial scan needs 3 landmarks or more. ``shapes`` (K, n, 3) mm: body-shape directions.
    progress(0..1) and cancel() as in ``geometry.fit.fit_vertices`` (FitCancelled).
    """
    placed = dict(placed or {})
    if partial and len(placed) < 3:
        raise MessageError(FIT_NEEDS_LANDMARKS(count=len(placed)))
    pairs = landmark_pairs(defs, placed)
    surface = ScanSurface(scan.vertices, scan.faces)
    out = fit_vertices(reference.vertices, reference.faces, surface, pairs, settings, progress, cancel, shapes)
    # Onto the skin where the scan has skin; elsewhere (holes, outside a partial scan) where the fit put them.
    q, _, d, border = surface.nearest(out.vertices, k=3)
    on = (d < UNCOVERED_MM) & ~border
    x = np.where(on[:, None], q, out.vertices)
    fitted = BodyMesh(x, reference.faces, body_id=scan.body_id, name=scan.name, topology=reference.topology,
                      mirror=None)
    report = measure(reference, fitted, surface, pairs, defs, d[on] if on.any() else d)
    report.warnings[:0] = misplaced(pairs, out.prealign_residual_mm)
    return ScanFit(fitted, out.transform, out.shape, report, {k: tuple(map(float, v)) for k, v in placed.items()})


def error_map_range_mm(report: FitReport, warn_mm: float = WARN_DISTANCE_MM) -> float:
    """The top of the fit-error colour map (mm): the fit's own 95th percentile scan-to-fit distance, at least
    the warning threshold (so a good fit stays below the warning colour), rounded up to 0.5 mm."""
    return float(np.ceil(max(float(report.scan_to_fit[1]), warn_mm) * 2.0) / 2.0)


def misplaced(pairs: Sequence[LandmarkPair], residual_mm: np.ndarray) -> list[Message]:
    """Warnings for landmarks the pre-alignment could not reach (residual_mm (k,) per pair): likely misplaced."""
    out = []
    for i, p in enumerate(pairs):
        others = np.delete(residual_mm, i)
        typical = float(np.median(others)) if len(others) else 0.0
        if residual_mm[i] > WARN_MISPLACED_MM and residual_mm[i] > 3.0 * typical:
            out.append(FIT_LANDMARK_MISPLACED(name=p.name, residual_mm=round(float(residual_mm[i]), 1)))
    return out


def measure(reference: BodyMesh, fitted: BodyMesh, surface: ScanSurface, pairs: Sequence[LandmarkPair],
            defs: Sequence[LandmarkDef], fit_distance: np.ndarray) -> FitReport:
    """The fit report: landmark residuals, distances both ways, warnings by region.

    fit_distance (k,) mm: how far the registration left the reference vertices that have skin under them
    from the scan, before they were put onto it."""
    residual = {}
    warnings: list[Message] = []
    for p in pairs:
        at = np.asarray(p.barycentric) @ fitted.vertices[fitted.faces[p.face]]
        residual[p.name] = round(float(np.linalg.norm(at - np.asarray(p.scan_mm))), 2)
        if residual[p.name] > WARN_LANDMARK_MM:
            warnings.append(FIT_LANDMARK_FAR(name=p.name, residual_mm=residual[p.name]))
    fit_surface = ScanSurface(fitted.vertices, fitted.faces)
    _, face, d_scan, _ = fit_surface.nearest(surface.vertices, k=3)
    regions = vertex_regions(reference, defs)
    # a scan vertex's region: the region of the fitted face it is nearest to
    scan_region = regions[fitted.faces[face, 0]]
    for region in sorted(set(scan_region)):
        sel = scan_region == region
        if sel.sum() >= 20:
            p95 = float(np.percentile(d_scan[sel], 95))
            if p95 > WARN_DISTANCE_MM:
                warnings.append(FIT_FAR(distance_mm=round(p95, 1), region=region))
    return FitReport(
        landmark_residual_mm=residual,
        scan_to_fit=(float(np.median(d_scan)), float(np.percentile(d_scan, 95))),
        fit_to_scan=(float(np.median(fit_distance)), float(np.percentile(fit_distance, 95))),
        scan_distance_mm=d_scan,
        warnings=warnings,
    )
