"""Exports of a plan's injections: the checks every export passes, the injection rows, and the CSV.

The formats are registered in :mod:`mesomap.io.export_formats`.

Every export is checked first (blocking errors, missing or stale grids) and
written atomically, so a failed export leaves no partial file and keeps any
previous one.
"""

from __future__ import annotations

import csv
import io as _io
from dataclasses import dataclass
from pathlib import Path

from mesomap.geometry.surface import PaintingSurface
from mesomap.io.atomic import atomic_path
from mesomap.model.messages import CarriesMessage, Kind, Message
from mesomap.model.placement import Misplaced, misplaced_injections
from mesomap.model.plan import REFLEX_POINT_PROBLEMS, ZONE_PROBLEMS, Plan

CSV_COLUMNS = ("order", "zone", "technique", "x_mm", "y_mm", "z_mm", "nx", "ny", "nz", "depth_mm", "volume_ml")
REFLEX_TECHNIQUE = "PPP"  # reflex points are injected point by point


NO_GRID = "no_grid"  # ExportError.kind: a painted zone has no injection grid yet
STALE_GRID = "stale_grid"  # ExportError.kind: a zone changed since its grid was laid out
GRID_KINDS = (NO_GRID, STALE_GRID)
MISPLACED = "misplaced"  # ExportError.kind: injections lie off their zone (ExportError.misplaced lists them)

ZONE_HAS_NO_GRID = Kind("zone_has_no_grid", "zone")
ZONE_GRID_STALE = Kind("zone_grid_stale", "zone")
INJECTIONS_OFF_ZONE = Kind("injections_off_zone", "count", "first", "more")
NOTHING_TO_EXPORT = Kind("nothing_to_export")


class ExportError(CarriesMessage, Exception):
    """The plan cannot be exported as it is; ``str(err)`` says why in one line.

    ``kind`` is "" for most problems, or :data:`NO_GRID` / :data:`STALE_GRID` when a
    zone's grid must be laid out (again) first — ``zone`` names that zone. The message
    then names no tool: each front end adds how to lay a grid out in its own words
    (the command line ``mesomap grid PLAN``, the window its Grid menu).

    ``message`` is the Message (None only when a front end wraps another layer's words in an ExportError).
    """

    def __init__(self, message: Message | str, kind: str = "", zone: str = "", misplaced: tuple[Misplaced, ...] = ()):
        super().__init__(message)
        self.kind = kind
        self.zone = zone
        self.misplaced = tuple(misplaced)

    def __reduce__(self):  # keeps the message, kind, zone and offenders across processes (the sheet PDF job)
        return type(self), (self.args[0], self.kind, self.zone, self.misplaced)

    @property
    def needs_grid(self) -> bool:
        """True when laying out the zone's grid (again) fixes this."""
        return self.kind in GRID_KINDS

    @classmethod
    def no_grid(cls, zone_name: str) -> ExportError:
        return cls(ZONE_HAS_NO_GRID(zone=zone_name), NO_GRID, zone_name)

    @classmethod
    def stale_grid(cls, zone_name: str) -> ExportError:
        return cls(ZONE_GRID_STALE(zone=zone_name), STALE_GRID, zone_name)

    @classmethod
    def off_zone(cls, misplaced: tuple[Misplaced, ...]) -> ExportError:
        first = misplaced[0]
        return cls(INJECTIONS_OFF_ZONE(count=len(misplaced), first=first.message, more=len(misplaced) - 1),
                   MISPLACED, first.zone_name, misplaced)


@dataclass(frozen=True)
class InjectionRow:
    """One needle entry in treatment order; positions in mm, unit normal."""

    order: int
    zone: str
    technique: str
    position_mm: tuple[float, float, float]
    normal: tuple[float, float, float]
    depth_mm: float
    volume_ml: float


def check_exportable(plan: Plan, surface: PaintingSurface) -> None:
    """Raise ExportError naming the first problem that makes the injections wrong or unknown.

    Every export and every transfer to a device passes here: values out of range, missing or stale
    grids, and injections off their zone (all of them listed in ``ExportError.misplaced``).
    """
    check_plan_values(plan)
    check_placement(plan, surface)


def check_placement(plan: Plan, surface: PaintingSurface) -> None:
    """ExportError listing every injection that lies off its zone (see :mod:`mesomap.model.placement`)."""
    misplaced = misplaced_injections(plan, surface)
    if misplaced:
        raise ExportError.off_zone(misplaced)


def check_plan_values(plan: Plan) -> None:
    """The part of :func:`check_exportable` that needs no body: values, grids present and current."""
    for z in plan.zones:
        errors = z.params.errors()
        if errors:
            raise ExportError(ZONE_PROBLEMS(zone=z.name, problems=errors[:1]))
        if len(z.faces) and not z.injections:
            raise ExportError.no_grid(z.name)
        if z.injections and z.grid_stale:
            raise ExportError.stale_grid(z.name)
    for p in plan.points:
        errors = p.errors()
        if errors:
            raise ExportError(REFLEX_POINT_PROBLEMS(point=p.code or p.id, problems=errors[:1]))
    if not any(z.injections for z in plan.zones) and not plan.points:
        raise ExportError(NOTHING_TO_EXPORT())


def injection_rows(plan: Plan, surface: PaintingSurface) -> list[InjectionRow]:
    """Every injection in treatment order: zones in plan order, each in its grid order, then reflex points."""
    check_exportable(plan, surface)
    # (zone or point label, technique, depth, volume, the point on the surface) per injection, in order
    shots = [(z.name, z.params.technique, z.params.depth_mm, z.params.volume_per_point_ml, q)
             for z in plan.zones for q in z.injections]
    for p in plan.points:
        label = f"{p.code} {p.side}" if p.side != "midline" else p.code
        shots.append((label or p.name, REFLEX_TECHNIQUE, p.depth_mm, p.volume_ml, p))
    positions, normals = surface.points_on_faces([s[-1].face for s in shots], [s[-1].barycentric for s in shots])
    return [InjectionRow(order, name, technique, tuple(map(float, pos)), tuple(map(float, normal)), depth, volume)
            for order, ((name, technique, depth, volume, _), pos, normal)
            in enumerate(zip(shots, positions, normals), start=1)]


#: A text cell starting with one of these is read as a formula by spreadsheet programs (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text_cell(text: str) -> str:
    """``text`` for a CSV text cell, with a leading ``'`` when a spreadsheet would run it as a formula.

    Only for text (names, labels): numbers are written as numbers, so a
    coordinate of -12.3 mm stays -12.3.
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_csv(plan: Plan, surface: PaintingSurface, out: str | Path, bom: bool = False) -> Path:
    """``order,zone,technique,x_mm,y_mm,z_mm,nx,ny,nz,depth_mm,volume_ml``, one row per injection.

    UTF-8, numbers with a full stop whatever the locale (mm, unit normals, ml).
    ``bom``: start with a UTF-8 byte order mark, so spreadsheet programs (Excel)
    read accented and Cyrillic zone names right. Text cells are neutralised
    against formula injection (:func:`safe_text_cell`).
    """
    buf = _io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in injection_rows(plan, surface):
        writer.writerow([r.order, safe_text_cell(r.zone), safe_text_cell(r.technique),
                         *(f"{c:.3f}" for c in r.position_mm),
                         *(f"{c:.5f}" for c in r.normal), f"{r.depth_mm:g}", f"{r.volume_ml:g}"])
    out = Path(out)
    with atomic_path(out) as tmp:
        tmp.write_text(buf.getvalue(), encoding="utf-8-sig" if bom else "utf-8")
    return out


def write_csv_bom(plan: Plan, surface: PaintingSurface, out: str | Path) -> Path:
    """:func:`write_csv` with a UTF-8 byte order mark: the "CSV for spreadsheets" export."""
    return write_csv(plan, surface, out, bom=True)
