"""Exports for other tools: 3D Slicer markups, the body mesh, and plain JSON.

* ``slicer``: a ``.mrk.json`` file (Slicer markups schema v1.0.3), one point
  list per zone plus one for the reflex points, positions in RAS millimetres,
  zone points labelled with the order number, reflex points with their code and
  described (name, side, depth, volume) so they import back; depth and volume
  also as per-point measurements.
* ``mesh``: the plan's body as PLY or OBJ in the same RAS millimetre frame, its header
  saying ``SPACE=RAS`` (3D Slicer reads model files without it as LPS),
  so Slicer can show both.
* ``json``: every injection and the parameters, as plain JSON.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from mesomap import __version__
from mesomap.geometry.frames import tangent_frame
from mesomap.geometry.surface import PaintingSurface
from mesomap.io.atomic import atomic_path
from mesomap.io.exports import ExportError, check_exportable, injection_rows
from mesomap.model.messages import Kind
from mesomap.model.plan import Plan, ReflexPoint

MESH_SUFFIX_WRONG = Kind("mesh_suffix_wrong", "suffix")
MESH_SUFFIX_MISSING = Kind("mesh_suffix_missing")

SLICER_SCHEMA = ("https://raw.githubusercontent.com/slicer/slicer/master/Modules/Loadable/Markups/"
                 "Resources/Schema/markups-schema-v1.0.3.json#")
INJECTIONS_SCHEMA = "mesomap-injections/1"
COORDINATES = "RAS: +x patient's right, +y anterior, +z superior; feet on z = 0"


def _frame(normal: np.ndarray) -> list[float]:
    """A 3×3 orientation (row-major) whose third axis is the skin normal."""
    a, b, n = tangent_frame(normal)
    return [round(float(x), 6) for x in np.stack([a, b, n], axis=1).ravel()]


#: How a zone's grid injection is described in the markups (the importer skips these lists: they are not reflex points).
GRID_DESCRIPTION = "grid injection #{order} of {zone}: {technique}, depth {depth:g} mm, {volume:g} ml"


def _num(x: float) -> str:
    """``x`` short (``4``, ``0.15``) when that reads back exactly, else in full."""
    short = f"{x:g}"
    return short if float(short) == x else repr(float(x))


def reflex_description(point: ReflexPoint, order: int) -> str:
    """The Slicer description of a reflex point: its name, side, depth (mm), volume (ml), order and notes,
    as :func:`mesomap.io.import_markups.parse_reflex_description` reads them back."""
    text = (f"{point.name}; side {point.side}; depth {_num(point.depth_mm)} mm; volume {_num(point.volume_ml)} ml; "
            f"order {order}")
    return text + (f"; notes: {point.notes}" if point.notes else "")


def _point_list(name: str, rows, color_rgb, labels: list[str], descriptions: list[str]) -> dict:
    points = [{
        "id": str(r.order), "label": label, "description": description,
        "associatedNodeID": "", "position": [round(c, 4) for c in r.position_mm],
        "orientation": _frame(np.array(r.normal)), "selected": False, "locked": True,
        "visibility": True, "positionStatus": "defined",
    } for r, label, description in zip(rows, labels, descriptions)]
    return {
        "type": "Fiducial", "name": name, "coordinateSystem": "RAS", "coordinateUnits": "mm",
        "locked": True, "fixedNumberOfControlPoints": False, "labelFormat": "%d",
        "lastUsedControlPointNumber": max((r.order for r in rows), default=0),
        "controlPoints": points,
        "measurements": [
            {"name": "depth", "enabled": False, "units": "mm", "printFormat": "%-#4.4g%s",
             "controlPointValues": [r.depth_mm for r in rows]},
            {"name": "volume", "enabled": False, "units": "ml", "printFormat": "%-#4.4g%s",
             "controlPointValues": [r.volume_ml for r in rows]},
        ],
        "display": {"visibility": True, "color": list(color_rgb), "selectedColor": list(color_rgb),
                    "glyphType": "Sphere3D", "glyphScale": 1.5, "textScale": 2.0, "pointLabelsVisibility": True},
    }


def slicer_markups(plan: Plan, surface: PaintingSurface) -> dict:
    """The markups document: one Fiducial list per zone, and one for the reflex points.

    Zone lists are labelled with the order numbers. The reflex list is labelled
    with the point codes and describes each point (:func:`reflex_description`),
    so ``mesomap import-points`` gets code, name, side, depth and volume back.
    """
    rows = injection_rows(plan, surface)
    markups = []
    start = 0
    for zone in plan.zones:
        mine = rows[start:start + len(zone.injections)]
        start += len(zone.injections)
        if mine:
            rgb = [round(int(zone.color[i:i + 2], 16) / 255, 4) for i in (1, 3, 5)]
            descriptions = [GRID_DESCRIPTION.format(order=r.order, zone=zone.name, technique=r.technique,
                                                    depth=r.depth_mm, volume=r.volume_ml) for r in mine]
            markups.append(_point_list(zone.name, mine, rgb, [str(r.order) for r in mine], descriptions))
    reflex = rows[start:]
    if reflex:
        markups.append(_point_list("Reflex points", reflex, [0.55, 0.15, 0.75], [p.code for p in plan.points],
                                   [reflex_description(p, r.order) for p, r in zip(plan.points, reflex)]))
    return {"@schema": SLICER_SCHEMA, "markups": markups}


def _write_text(out: str | Path, text: str) -> Path:
    out = Path(out)
    with atomic_path(out) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return out


def write_slicer(plan: Plan, surface: PaintingSurface, out: str | Path) -> Path:
    return _write_text(out, json.dumps(slicer_markups(plan, surface), indent=1))


#: How 3D Slicer tells a model file's frame: it looks for "SPACE=RAS" or "SPACE=LPS" in the file's header
#: comments (PLY ``comment`` lines, the OBJ's leading ``#`` lines) and takes a file without it as LPS.
SLICER_SPACE_TAG = "SPACE=RAS"
MESH_COMMENT = f"mesomap body, millimetres, {SLICER_SPACE_TAG} ({COORDINATES})"


def with_space_header(data: bytes, kind: str) -> bytes:
    """The PLY/OBJ file ``data`` with a header comment saying its frame is RAS (:data:`SLICER_SPACE_TAG`).

    PLY: a ``comment`` line right after the ``format`` line (the header is
    ASCII even in binary PLY). OBJ: a ``#`` line at the very top.
    """
    line = MESH_COMMENT.encode("utf-8")
    if kind == "obj":
        return b"# " + line + b"\n" + data
    head, sep, rest = data.partition(b"\n")  # "ply"
    fmt, sep2, rest = rest.partition(b"\n")  # "format ... 1.0"
    return head + sep + fmt + sep2 + b"comment " + line + b"\n" + rest


def write_mesh(plan: Plan, surface: PaintingSurface, out: str | Path) -> Path:
    """The plan's body (the bundled mesh, RAS mm) as PLY or OBJ, chosen by ``out``'s suffix.

    The header says ``SPACE=RAS``, so 3D Slicer opens it in the same frame as the
    markups export (whose lists say ``"coordinateSystem": "RAS"``), not mirrored.
    """
    import trimesh  # slow to import: only this export needs it

    out = Path(out)
    kind = out.suffix.lower().lstrip(".")
    if kind not in ("ply", "obj"):
        raise ExportError(MESH_SUFFIX_WRONG(suffix=out.suffix) if out.suffix else MESH_SUFFIX_MISSING())
    body = surface.coarse
    mesh = trimesh.Trimesh(np.asarray(body.vertices), np.asarray(body.faces), process=False)
    data = mesh.export(file_type=kind)
    data = with_space_header(data.encode("utf-8") if isinstance(data, str) else data, kind)
    with atomic_path(out) as tmp:
        tmp.write_bytes(data)
    return out


def injections_document(plan: Plan, surface: PaintingSurface) -> dict:
    """Plain JSON of the plan's parameters and every injection in order."""
    rows = injection_rows(plan, surface)
    h = plan.header
    return {
        "@schema": INJECTIONS_SCHEMA, "units": "mm", "volume_units": "ml", "coordinate_system": COORDINATES,
        "app": f"mesomap {__version__}", "body": plan.body.body_id,
        "header": {"patient_ref": h.patient_ref, "date": h.date, "session_number": h.session_number,
                   "clinician": h.clinician},
        "zones": [{"id": z.id, "name": z.name, "side": z.side, "technique": z.params.technique,
                   "pattern": z.params.pattern, "spacing_mm": z.params.spacing_mm, "margin_mm": z.params.margin_mm,
                   "depth_mm": z.params.depth_mm, "volume_per_point_ml": z.params.volume_per_point_ml,
                   "needle": {"length_mm": z.params.needle.length_mm, "gauge": z.params.needle.gauge},
                   "products": [{"name": p.name, "lot": p.lot, "parts": p.parts} for p in z.params.products],
                   "count": len(z.injections)} for z in plan.zones],
        "injections": [{"order": r.order, "zone": r.zone, "technique": r.technique,
                        "position_mm": [round(c, 4) for c in r.position_mm],
                        "normal": [round(c, 6) for c in r.normal], "depth_mm": r.depth_mm, "volume_ml": r.volume_ml}
                       for r in rows],
    }


def write_json(plan: Plan, surface: PaintingSurface, out: str | Path) -> Path:
    return _write_text(out, json.dumps(injections_document(plan, surface), indent=1))


__all__ = ["check_exportable", "slicer_markups", "write_json", "write_mesh", "write_slicer"]
