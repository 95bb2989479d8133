"""The gun settings sheet (CSV): per program, what a clinician sets on the gun by hand.

One row per program (each zone, and each reflex-point setting), in treatment
order, with values rounded to the device's steps and validated exactly as for
the device program export (an invalid plan writes nothing). Columns::

    program, name, technique, mode, needle_mm, needle_gauge, depth_mm, ml_per_shot, shots,
    rate_shots_per_s, flow_ml_per_min, total_ml, first_order, last_order, device, notes

``notes`` carries the rounding of that program's values and the points of
reflex programs.
"""

from __future__ import annotations

import csv
import io as _io
from pathlib import Path

from mesomap.geometry.surface import PaintingSurface
from mesomap.io.atomic import atomic_path
from mesomap.io.device_profiles import find_profile
from mesomap.io.device_program import DeviceExportReport, build_device_program
from mesomap.io.exports import safe_text_cell
from mesomap.model.device_messages import WHERE_REFLEX_POINT, WHERE_ZONE
from mesomap.model.devices import MODES, DeviceProfile
from mesomap.model.plan import Plan

SHEET_COLUMNS = ("program", "name", "technique", "mode", "needle_mm", "needle_gauge", "depth_mm", "ml_per_shot",
                 "shots", "rate_shots_per_s", "flow_ml_per_min", "total_ml", "first_order", "last_order", "device",
                 "notes")
DEFAULT_PROFILE = "generic"


def _g(x) -> str:
    return "" if x is None else f"{x:g}"


def gun_sheet_csv(plan: Plan, surface: PaintingSurface, profile: DeviceProfile, safe_cells: bool = True,
                  **options) -> tuple[str, DeviceExportReport]:
    """(CSV text, report); raises as :func:`build_device_program` does.

    ``safe_cells``: program and device names a spreadsheet would run as formulas get a leading ``'``
    (:func:`mesomap.io.exports.safe_text_cell`); False for text read back by mesomap (the PDF sheet).
    """
    cell = safe_text_cell if safe_cells else str
    _, doc, report = build_device_program(plan, surface, profile, **options)
    buf = _io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(SHEET_COLUMNS)
    for p in doc.programs:
        if p.source == "reflex":
            mine = {WHERE_REFLEX_POINT(point=q.label) for q in p.points}
        else:
            mine = {WHERE_ZONE(zone=p.name)}
        notes = [f"{r.field} {r.planned:g} -> {r.rounded:g} {r.unit}" for r in report.roundings if r.where in mine]
        if p.source == "reflex":
            notes.insert(0, "points: " + ", ".join(q.label for q in p.points))
        writer.writerow([p.number, cell(p.name), p.technique, MODES[p.mode], _g(p.needle_mm), _g(p.needle_gauge),
                         _g(p.depth_mm), _g(p.volume_per_shot_ml), p.shots, _g(p.rate_hz), _g(p.flow_ml_min),
                         _g(p.volume_total_ml), p.points[0].order, p.points[-1].order, cell(profile.name),
                         "; ".join(dict.fromkeys(notes))])
    return buf.getvalue(), report


def write_gun_sheet(plan: Plan, surface: PaintingSurface, out: str | Path, profile: DeviceProfile | None = None,
                    **options) -> tuple[Path, DeviceExportReport]:
    """Validate, then write the sheet atomically; ``profile`` defaults to the generic injector."""
    text, report = gun_sheet_csv(plan, surface, profile or find_profile(DEFAULT_PROFILE), **options)
    out = Path(out)
    with atomic_path(out) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return out, report
