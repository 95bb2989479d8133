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

from mesomap.io.json_reader import JsonReader, NonFinite, parse_json_bytes, read_file_bytes
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


class MarkupsError(ValueError):
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
    """What a ``.mrk.json`` file holds: its placed points and what was skipped (plain sentences)."""

    source: str
    points: tuple[MarkupPoint, ...]
    skipped: tuple[str, ...] = ()


def _units_to_mm(m: dict, r: JsonReader, where: str) -> float:
    value = m.get("coordinateUnits", "mm")
    code = value
    if isinstance(value, list):
        if len(value) != 3 or not all(isinstance(v, str) for v in value):
            r.fail(f"{where}.coordinateUnits", "expected a unit like \"mm\" or a code triplet [\"mm\", \"UCUM\", \"millimeter\"]")
        code = value[0]
    elif not isinstance(value, str):
        r.fail(f"{where}.coordinateUnits", f"expected a unit like \"mm\", found {type(value).__name__}")
    if code not in UNITS_TO_MM:
        r.fail(f"{where}.coordinateUnits",
               f"{code!r} is a unit mesomap does not know; use {' or '.join(UNITS_TO_MM)}"[:200])
    return UNITS_TO_MM[code]


def _position(cp: dict, r: JsonReader, where: str) -> tuple[float, float, float]:
    if "position" not in cp:
        r.fail(f"{where}.position", "is missing")
    value = cp["position"]
    if not isinstance(value, list) or len(value) != 3:
        r.fail(f"{where}.position", "expected 3 numbers")
    out = []
    for c in value:
        if isinstance(c, NonFinite):
            r.fail(f"{where}.position", f"{c.name} is not a finite number")
        if isinstance(c, bool) or not isinstance(c, (int, float)) or not math.isfinite(c):
            r.fail(f"{where}.position", "expected 3 numbers")
        out.append(float(c))
    return out[0], out[1], out[2]


def _check_schema(doc: dict, r: JsonReader) -> None:
    schema = doc.get("@schema")
    if schema is None:
        return  # tolerant: hand-written files often leave it out
    if not isinstance(schema, str):
        r.fail("@schema", f"expected text, found {type(schema).__name__}")
    match = _SCHEMA_VERSION.search(schema)
    if match is None:
        r.fail("@schema", f"{schema[:80]!r} is not a 3D Slicer markups schema")
    if match.group(1) != "1":
        r.fail("@schema", f"markups schema version {match.group(1)} is newer than mesomap reads (version 1)")


def markups_from_dict(doc, source: str = "markups") -> MarkupsFile:
    """The placed points of every point list in a parsed markups document (RAS mm)."""
    r = JsonReader(source, MarkupsError)
    doc = r.obj(doc, "file")
    _check_schema(doc, r)
    if "markups" not in doc:
        r.fail("markups", "is missing (not a 3D Slicer markups file)")
    points: list[MarkupPoint] = []
    skipped: list[str] = []
    for i, m in enumerate(r.lst(doc["markups"], "markups")):
        where = f"markups[{i}]"
        m = r.obj(m, where)
        kind = r.text(m, "type", where, max_len=100)
        name = r.text(m, "name", where, "", MAX_LABEL)
        if kind != POINT_TYPE:
            skipped.append(f"{where} {name!r} is a {kind}, not a point list")
            continue
        cps = r.lst(m.get("controlPoints", []), f"{where}.controlPoints")
        if cps and all(isinstance(cp, dict) and _GRID.match(str(cp.get("description", ""))) for cp in cps):
            skipped.append(f"{where} {name!r} is a zone's injection grid exported by mesomap, not reflex points")
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
                skipped.append(f"{label} ({at}) is not placed ({status})")
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
        why = f": {'; '.join(skipped)}" if skipped else ""
        r.fail("markups", f"no placed points in any point list ({POINT_TYPE}){why}"[:400])
    return MarkupsFile(source, tuple(points), tuple(skipped))


def load_markups(path: str | Path) -> MarkupsFile:
    """Read a ``.mrk.json`` file; any problem is a MarkupsError naming the file and field."""
    path = Path(path)
    raw = read_file_bytes(path, MAX_FILE_BYTES, MarkupsError, "markups file")
    return markups_from_dict(parse_json_bytes(raw, path.name, MarkupsError, "markups file"), source=path.name)
