"""The one registry of export formats: File › Export, ``mesomap export --format`` and the tests all read it.

Each format is one plain function registered with its key, the file suffixes
it writes, what it needs besides the plan and its body (laid-out grids, a
device profile, rendered views) and its file dialog text. The session sheet PDF
renders views, which the io layer may not do (no VTK here): it is registered by
name (``"mesomap.render.sheet:export_session_pdf"``) and imported only when it
is written.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mesomap.geometry.surface import PaintingSurface
from mesomap.io.device_profiles import find_profile
from mesomap.io.device_program import DeviceExportReport, write_device_program
from mesomap.io.device_sheet import DEFAULT_PROFILE, write_gun_sheet
from mesomap.io.export_interop import write_json, write_mesh, write_slicer
from mesomap.io.exports import write_csv, write_csv_bom
from mesomap.model.messages import Kind, MessageError
from mesomap.model.plan import Plan

EXPORT_NEEDS_PROFILE = Kind("export_needs_profile", "format")

#: ExportFormat.profile: the format takes no device profile / may take one (else the generic injector) / needs one.
NO_PROFILE, OPTIONAL_PROFILE, REQUIRED_PROFILE = "", "optional", "required"


@dataclass(frozen=True)
class ExportFormat:
    """One export: how to write it and what it needs.

    write : the function, or ``"module:function"`` for a writer outside the io layer.
        Called ``write(plan, surface, out)``; with ``profile``, ``write(plan, surface, out, profile, **options)``
        returning (path, report); with ``rendering``, ``write(plan, surface, out, device=PROFILE_KEY)``.
    filters : (file dialog filter text, the suffix it writes), the first one the default.
    """

    key: str
    write: Callable[..., Any] | str
    filters: tuple[tuple[str, str], ...]
    title: str  # the file dialog's title
    menu_text: str  # File › Export entry ("&" marks the access key)
    tip: str
    needs_grids: bool = True  # refused while a zone has no grid or a stale one
    profile: str = NO_PROFILE
    rendering: bool = False  # renders 3D views (slow: the window runs it in its worker process)

    @property
    def suffixes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for _, s in self.filters))

    def writer(self) -> Callable[..., Any]:
        if callable(self.write):
            return self.write
        module, _, name = self.write.partition(":")
        return getattr(importlib.import_module(module), name)


@dataclass(frozen=True)
class Written:
    """What an export wrote: the file, and for device formats the report of what was fitted to the device."""

    path: Path
    report: DeviceExportReport | None = None


FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("csv", write_csv, (("CSV injection list (*.csv)", ".csv"),),
                 "Export the injections as CSV", "&CSV injection list…",
                 "One row per injection in treatment order: position, normal, depth, volume"),
    ExportFormat("csv_bom", write_csv_bom, (("CSV for spreadsheets, UTF-8 with BOM (*.csv)", ".csv"),),
                 "Export the injections as CSV for spreadsheets", "CSV for s&preadsheets (Excel)…",
                 "The CSV injection list with a UTF-8 byte order mark, so Excel shows accented and Cyrillic names"),
    ExportFormat("slicer", write_slicer, (("3D Slicer markups (*.mrk.json)", ".mrk.json"),),
                 "Export 3D Slicer markups", "3D &Slicer markups…",
                 "Injection points as Slicer fiducial lists (one per zone), to open with the body in 3D Slicer"),
    ExportFormat("mesh", write_mesh, (("PLY mesh (*.ply)", ".ply"), ("OBJ mesh (*.obj)", ".obj")),
                 "Export the body mesh", "Body &mesh…",
                 "The plan's body surface (mm), to load beside the markups", needs_grids=False),
    ExportFormat("json", write_json, (("JSON (*.json)", ".json"),),
                 "Export the plan as JSON", "&JSON…", "Zones, parameters and every injection as plain JSON"),
    ExportFormat("pdf", "mesomap.render.sheet:export_session_pdf", (("PDF session sheet (*.pdf)", ".pdf"),),
                 "Save the session sheet", "Session &sheet (PDF)…",
                 "The printable session sheet: views of the plan, zone table, totals, checklist, signatures",
                 profile=OPTIONAL_PROFILE, rendering=True),
    ExportFormat("device", write_device_program, (("Device program (*.device.json)", ".device.json"),),
                 "Export a device program", "&Device program…",
                 "The sealed program file for an injection device, checked against the device's profile",
                 profile=REQUIRED_PROFILE),
    ExportFormat("sheet", write_gun_sheet, (("Gun settings sheet (*.csv)", ".csv"),),
                 "Export the gun settings sheet", "&Gun settings sheet (CSV)…",
                 "One row per device program: mode, needle, depth, volume per shot, shots and rate",
                 profile=OPTIONAL_PROFILE),
)
BY_KEY: Mapping[str, ExportFormat] = {f.key: f for f in FORMATS}


def export_format(key: str) -> ExportFormat:
    return BY_KEY[key]


def write_export(key: str, plan: Plan, surface: PaintingSurface, out: str | Path, device: str | None = None,
                 **options) -> Written:
    """Write ``plan`` (on its body ``surface``) to ``out`` in format ``key``.

    device : a device profile id or file, for formats that take one (the generic injector when left out;
    a ``required`` one raises ValueError without it). ``options``: the device fit options (modes, rate_hz,
    flow_ml_min) of :func:`mesomap.io.device_program.build_device_program`.
    """
    fmt = BY_KEY[key]
    write = fmt.writer()
    if fmt.rendering:  # the sheet PDF names the profile of its gun settings table itself
        return Written(Path(write(plan, surface, out, device=device or DEFAULT_PROFILE)))
    if fmt.profile == NO_PROFILE:
        return Written(Path(write(plan, surface, out)))
    if fmt.profile == REQUIRED_PROFILE and not device:
        raise MessageError(EXPORT_NEEDS_PROFILE(format=key))
    path, report = write(plan, surface, out, find_profile(device or DEFAULT_PROFILE), **options)
    return Written(Path(path), report)
