"""Reading 3D Slicer markups point lists (``.mrk.json``) as positions in mesomap's frame.

Slicer writes one or more markups per file (schema ``markups-schema-v1.0.x``,
see ``tests/data/slicer-markups-schema-v1.0.3.json``). Only point lists
(``"type": "Fiducial"``) are read; lines, curves, planes … are listed as
skipped. Each markup states its own frame and units:

* ``coordinateSystem``: ``"RAS"`` or ``"LPS"`` (Slicer's default when absent).
  mesomap is RAS (+x patient's right, +y anterior, +z superior), so LPS
  positions have x and y negated.
* ``coordinateUnits``: ``"mm"`` (the default when absent), ``"um"``, or a
  DICOM code triplet such as ``["mm", "UCUM", "millimeter"]``. Anything else
  is refused: a position in unknown units cannot be put on the skin.

Control points whose ``positionStatus`` is ``"undefined"`` or ``"preview"``
(not placed in Slicer) are skipped and listed. Every problem raises
:class:`MarkupsError` with one line naming the file and the field, e.g.
``points.mrk.json: markups[0].controlPoints[3].position: expected 3 numbers``.

mesomap's own export (:mod:`mesomap.io.export_interop`) describes each reflex
point as ``"Hegu; side left; depth 4 mm; volume 0.1 ml; order 12; notes: …"``:
such a description gives the point its name, side, depth and volume back (the
notes become the description). Lists of a zone's grid injections from that
export are skipped: they are not reflex points.

Nothing here knows about the body: :mod:`mesomap.model.import_points` puts the
positions on the skin.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from mesomap.io.json_reader import (
    EXPECTED_TEXT,
    EXPECTED_THREE_NUMBERS,
    FIELD_MISSING,
    NOT_FINITE,
    JsonReader,
    NonFinite,
    parse_json_bytes,
    quoted,
    read_file_bytes,
)
from mesomap.model.messages import CarriesMessage, Kind, Message
from mesomap.model.techniques import SIDES

#: Unit code -> millimetres per unit (Slicer's schema allows mm and um).
UNITS_TO_MM = {"mm": 1.0, "um": 0.001}
#: RAS <- frame: factors per axis.
FRAMES = {"RAS": (1.0, 1.0, 1.0), "LPS": (-1.0, -1.0, 1.0)}
POINT_TYPE = "Fiducial"
MAX_FILE_BYTES = 50_000_000
MAX_LABEL = 200
_SCHEMA_VERSION = re.compile(r"markups-(?:schema-)?v(\d+)\.")
_REFLEX = re.compile(r"(?P<name>.*?); side (?P<side>[a-z]+); depth (?P<depth>\S+) mm; volume (?P<volume>\S+) ml"
                     r"(?:; order \d+)?(?:; notes: (?P<notes>.*))?", re.DOTALL)
_GRID = re.compile(r"grid injection #\d+ of ")


def parse_reflex_description(text: str) -> dict | None:
    """{"name", "side", "depth_mm", "volume_ml", "notes"} from a description mesomap wrote, else None.

    Depth (mm) and volume (ml) must be finite numbers and the side one of
    :data:`SIDES`; anything else is not mesomap's description (None).
    """
    m = _REFLEX.fullmatch(text)
    if m is None or m["side"] not in SIDES:
        return None
    try:
        depth, volume = float(m["depth"]), float(m["volume"])
    except ValueError:
        return None
    if not (math.isfinite(depth) and math.isfinite(volume)):
        return None
    return {"name": m["name"], "side": m["side"], "depth_mm": depth, "volume_ml": volume, "notes": m["notes"] or ""}


MARKUPS_UNITS_MALFORMED = Kind("markups_units_malformed")
MARKUPS_UNITS_NOT_TEXT = Kind("markups_units_not_text", "found")
MARKUPS_UNITS_UNKNOWN = Kind("markups_units_unknown", "unit", "known")
MARKUPS_SCHEMA_OTHER = Kind("markups_schema_other", "schema")
MARKUPS_SCHEMA_NEWER = Kind("markups_schema_newer", "version")
MARKUPS_MISSING = Kind("markups_missing")
MARKUPS_NO_POINTS = Kind("markups_no_points", "point_type")
MARKUPS_NO_POINTS_SKIPPED = Kind("markups_no_points_skipped", "point_type", "skipped")
SKIPPED_NOT_POINT_LIST = Kind("skipped_not_point_list", "where", "name", "type", severity="info")
SKIPPED_GRID_EXPORT = Kind("skipped_grid_export", "where", "name", severity="info")
SKIPPED_NOT_PLACED = Kind("skipped_not_placed", "label", "where", "status", severity="info")


class MarkupsError(CarriesMessage, ValueError):
    """A markups file cannot be read; ``str(err)`` is one line naming the file and field."""


@dataclass(frozen=True)
class MarkupPoint:
    """One placed control point, in mesomap's frame (RAS, mm).

    label : the control point's label (its list name and number when empty).
    group : the name of the point list it came from.
    where : the field path of the control point in the file (for messages).
    """

    label: str
    position_mm: tuple[float, float, float]
    description: str = ""
    group: str = ""
    where: str = ""
    name: str | None = None
    side: str | None = None
    depth_mm: float | None = None
    volume_ml: float | None = None


@dataclass(frozen=True)
class MarkupsFile:
    """What a ``.mrk.json`` file holds: its placed points and what was skipped (a Message each)."""

    source: str
    points: tuple[MarkupPoint, ...]
    skipped: tuple[Message, ...] = ()


def _units_to_mm(m: dict, r: JsonReader, where: str) -> float:
    value = m.get("coordinateUnits", "mm")
    code = value
    if isinstance(value, list):
        if len(value) != 3 or not all(isinstance(v, str) for v in value):
            r.fail(f"{where}.coordinateUnits", MARKUPS_UNITS_MALFORMED())
        code = value[0]
    elif not isinstance(value, str):
        r.fail(f"{where}.coordinateUnits", MARKUPS_UNITS_NOT_TEXT(found=type(value).__name__))
    if code not in UNITS_TO_MM:
        r.fail(f"{where}.coordinateUnits", MARKUPS_UNITS_UNKNOWN(unit=quoted(code), known=" or ".join(UNITS_TO_MM)))
    return UNITS_TO_MM[code]


def _position(cp: dict, r: JsonReader, where: str) -> tuple[float, float, float]:
    if "position" not in cp:
        r.fail(f"{where}.position", FIELD_MISSING())
    value = cp["position"]
    if not isinstance(value, list) or len(value) != 3:
        r.fail(f"{where}.position", EXPECTED_THREE_NUMBERS())
    out = []
    for c in value:
        if isinstance(c, NonFinite):
            r.fail(f"{where}.position", NOT_FINITE(value=c.name))
        if isinstance(c, bool) or not isinstance(c, (int, float)) or not math.isfinite(c):
            r.fail(f"{where}.position", EXPECTED_THREE_NUMBERS())
        out.append(float(c))
    return out[0], out[1], out[2]


def _check_schema(doc: dict, r: JsonReader) -> None:
    schema = doc.get("@schema")
    if schema is None:
        return  # tolerant: hand-written files often leave it out
    if not isinstance(schema, str):
        r.fail("@schema", EXPECTED_TEXT(found=type(schema).__name__))
    match = _SCHEMA_VERSION.search(schema)
    if match is None:
        r.fail("@schema", MARKUPS_SCHEMA_OTHER(schema=repr(schema[:80])))
    if match.group(1) != "1":
        r.fail("@schema", MARKUPS_SCHEMA_NEWER(version=match.group(1)))


def markups_from_dict(doc, source: str = "markups") -> MarkupsFile:
    """The placed points of every point list in a parsed markups document (RAS mm)."""
    r = JsonReader(source, MarkupsError)
    doc = r.obj(doc, "file")
    _check_schema(doc, r)
    if "markups" not in doc:
        r.fail("markups", MARKUPS_MISSING())
    points: list[MarkupPoint] = []
    skipped: list[Message] = []
    for i, m in enumerate(r.lst(doc["markups"], "markups")):
        where = f"markups[{i}]"
        m = r.obj(m, where)
        kind = r.text(m, "type", where, max_len=100)
        name = r.text(m, "name", where, "", MAX_LABEL)
        if kind != POINT_TYPE:
            skipped.append(SKIPPED_NOT_POINT_LIST(where=where, name=name, type=kind))
            continue
        cps = r.lst(m.get("controlPoints", []), f"{where}.controlPoints")
        if cps and all(isinstance(cp, dict) and _GRID.match(str(cp.get("description", ""))) for cp in cps):
            skipped.append(SKIPPED_GRID_EXPORT(where=where, name=name))
            continue
        system = r.choice(m, "coordinateSystem", where, tuple(FRAMES), "LPS")
        scale = _units_to_mm(m, r, where)
        signs = FRAMES[system]
        for j, cp in enumerate(cps):
            at = f"{where}.controlPoints[{j}]"
            cp = r.obj(cp, at)
            label = r.text(cp, "label", at, "", MAX_LABEL).strip() or f"{name or 'F'}-{j + 1}"
            status = r.choice(cp, "positionStatus", at, ("defined", "preview", "undefined"), "defined")
            if status != "defined":
                skipped.append(SKIPPED_NOT_PLACED(label=label, where=at, status=status))
                continue
            x, y, z = _position(cp, r, at)
            description = r.text(cp, "description", at, "", 10_000)
            known = parse_reflex_description(description) or {}
            points.append(MarkupPoint(
                label=label,
                position_mm=(signs[0] * x * scale, signs[1] * y * scale, signs[2] * z * scale),
                description=known.get("notes", description),
                group=name, where=at, name=known.get("name"), side=known.get("side"),
                depth_mm=known.get("depth_mm"), volume_ml=known.get("volume_ml"),
            ))
    if not points:
        r.fail("markups", MARKUPS_NO_POINTS_SKIPPED(point_type=POINT_TYPE, skipped=tuple(skipped[:8])) if skipped
               else MARKUPS_NO_POINTS(point_type=POINT_TYPE))
    return MarkupsFile(source, tuple(points), tuple(skipped))


def load_markups(path: str | Path) -> MarkupsFile:
    """Read a ``.mrk.json`` file; any problem is a MarkupsError naming the file and field."""
    path = Path(path)
    raw = read_file_bytes(path, MAX_FILE_BYTES, MarkupsError, "markups file")
    return markups_from_dict(parse_json_bytes(raw, path.name, MarkupsError, "markups file"), source=path.name)
