"""Zone templates and the reflex point library: reading and checking ``assets/zones.json``.

The file (UTF-8 JSON, written by ``tools/build_zone_templates.py``)::

    {
      "@schema": "mesomap-zones/1",     // "name/MAJOR[.MINOR]"; readers refuse another MAJOR
      "units": "mm",                    // every length in the file ("_mm" fields)
      "topology": "hm08-body",          // the mesh topology that face ids refer to
      "generator": "tools/build_zone_templates.py",   // optional, informative
      "zones": [
        {"id": "abdomen",               // unique among zones, [a-z0-9_-]
         "name": "Abdomen",             // for people
         "group": "trunk",             // face | head | neck | trunk | lymph | legs | arms | spine | ...
         "side": "midline",            // left | right | midline | bilateral
         "faces": [1234, 1235, ...],    // ids of triangles of the baked 26,756-face hm08 mesh, sorted
         "technique": "IDS",           // IED | NAP | IDS | IDP | PPP | MIX
         "depth_mm": 2.0, "spacing_mm": 10.0, "volume_per_point_ml": 0.05,   // all > 0
         "pattern": "hexagonal",       // optional: hexagonal | square | rows | blue_noise
         "margin_mm": 5.0,             // optional, >= 0: keep injection points this far inside the border
         "needle_length_mm": 4.0,      // optional, > 0 and >= depth_mm
         "needle_gauge": 30,           // optional, G
         "indications": ["local fat", "cellulite"]}
      ],
      "reflex_points": [
        {"id": "st36_left",             // unique among points (optional: defaults to code_side)
         "code": "ST36",                // standard acupuncture code (WHO), or EX-... for extra points
         "name": "Zusanli",
         "side": "left",                // left | right | midline
         "face": 1234,                  // triangle of the baked mesh
         "barycentric": [0.2, 0.3, 0.5],  // weights of the face's three corners, >= 0, summing to 1
         "depth_mm": 4.0, "volume_ml": 0.1,   // > 0
         "angle_deg": 90,               // optional, needle angle to the skin, 0 < angle <= 90
         "indications": ["..."]}
      ]
    }

"left" is the patient's left, i.e. x < 0 in mesomap's RAS frame. A "bilateral" zone
has two mirrored patches; the shipped file uses a left and a right zone instead.
All numbers are editable clinical defaults, never rules.

Any problem is a :class:`TemplateError` whose message names the file, the entry and
the field. This module imports no GUI or rendering library.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from mesomap.io.assets import assets_dir
from mesomap.model.messages import CarriesMessage
from mesomap.model.techniques import PATTERNS, TECHNIQUES

SCHEMA_NAME = "mesomap-zones"
SCHEMA_MAJOR = 1
SCHEMA = f"{SCHEMA_NAME}/{SCHEMA_MAJOR}"
TOPOLOGY = "hm08-body"
#: Faces of the baked hm08-body mesh.
HM08_FACE_COUNT = 26756
ZONE_SIDES = ("left", "right", "midline", "bilateral")
POINT_SIDES = ("left", "right", "midline")
BARYCENTRIC_TOLERANCE = 1e-4
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


class TemplateError(CarriesMessage, Exception):
    """The template file cannot be used; ``str(err)`` says where and why."""


def _readonly_faces(faces) -> np.ndarray:
    a = np.array(faces, dtype=np.int64).reshape(-1)
    a.flags.writeable = False
    return a


@dataclass(frozen=True, eq=False)
class ZoneTemplate:
    """One anatomical zone: a patch of faces and its clinical defaults."""

    id: str
    name: str
    side: str
    faces: np.ndarray  # (k,) int64, read-only, sorted face ids
    technique: str
    depth_mm: float
    spacing_mm: float
    volume_per_point_ml: float
    group: str = ""
    pattern: str = "hexagonal"
    margin_mm: float = 0.0
    needle_length_mm: float | None = None
    needle_gauge: int | None = None
    indications: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "faces", _readonly_faces(self.faces))
        object.__setattr__(self, "indications", tuple(self.indications))


@dataclass(frozen=True, eq=False)
class ReflexPointTemplate:
    """A named reflex (acupuncture) point on the surface: a face and barycentric weights."""

    id: str
    code: str
    name: str
    side: str
    face: int
    barycentric: tuple[float, float, float]
    depth_mm: float
    volume_ml: float
    angle_deg: float = 90.0
    indications: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "barycentric", tuple(float(v) for v in self.barycentric))
        object.__setattr__(self, "indications", tuple(self.indications))


@dataclass(frozen=True)
class Templates:
    """Everything in one zones file."""

    schema: str
    units: str
    topology: str
    zones: tuple[ZoneTemplate, ...]
    reflex_points: tuple[ReflexPointTemplate, ...]
    source: Path | None = field(default=None, compare=False)

    def zone(self, zone_id: str) -> ZoneTemplate:
        for z in self.zones:
            if z.id == zone_id:
                return z
        raise KeyError(zone_id)

    def point(self, point_id: str) -> ReflexPointTemplate:
        for p in self.reflex_points:
            if p.id == point_id:
                return p
        raise KeyError(point_id)


def default_templates_path() -> Path:
    return assets_dir() / "zones.json"


# ---------------------------------------------------------------------------
# Validation helpers: each raises TemplateError naming the place.
# ---------------------------------------------------------------------------
class _Ctx:
    def __init__(self, source: str):
        self.source = source

    def fail(self, where: str, msg: str) -> TemplateError:
        return TemplateError(f"{self.source}: {where}: {msg}")

    def require(self, obj: dict, key: str, where: str) -> Any:
        if key not in obj:
            raise self.fail(where, f"missing field {key!r}")
        return obj[key]

    def string(self, obj: dict, key: str, where: str, default: str | None = None) -> str:
        v = obj.get(key, default) if default is not None else self.require(obj, key, where)
        if not isinstance(v, str) or not v.strip():
            raise self.fail(where, f"field {key!r} must be a non-empty string, got {v!r}")
        return v

    def positive(self, obj: dict, key: str, where: str, optional: bool = False, allow_zero: bool = False):
        if optional and obj.get(key) is None:
            return None
        v = self.require(obj, key, where)
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
            raise self.fail(where, f"field {key!r} must be a number, got {v!r}")
        if v < 0 or (v == 0 and not allow_zero):
            raise self.fail(where, f"field {key!r} must be {'>= 0' if allow_zero else 'positive'}, got {v!r}")
        return float(v)

    def strings(self, obj: dict, key: str, where: str) -> tuple[str, ...]:
        v = obj.get(key, [])
        if not isinstance(v, list) or not all(isinstance(s, str) for s in v):
            raise self.fail(where, f"field {key!r} must be a list of strings")
        return tuple(v)

    def ident(self, obj: dict, key: str, where: str, default: str | None = None) -> str:
        v = self.string(obj, key, where, default)
        if not _ID_RE.match(v):
            raise self.fail(where, f"field {key!r} is not a valid id: {v!r}")
        return v


def _check_schema(ctx: _Ctx, doc: Any) -> None:
    if not isinstance(doc, dict):
        raise TemplateError(f"{ctx.source}: the top level must be a JSON object")
    schema = doc.get("@schema")
    if not isinstance(schema, str) or "/" not in schema:
        raise TemplateError(f"{ctx.source}: missing or malformed \"@schema\" (expected {SCHEMA!r}), got {schema!r}")
    name, _, version = schema.partition("/")
    major = version.split(".")[0]
    if name != SCHEMA_NAME or not major.isdigit():
        raise TemplateError(f"{ctx.source}: unknown schema {schema!r} (expected {SCHEMA!r})")
    if int(major) != SCHEMA_MAJOR:
        raise TemplateError(
            f"{ctx.source}: unsupported schema major version {major} in {schema!r}; "
            f"this mesomap reads {SCHEMA_NAME}/{SCHEMA_MAJOR}"
        )
    units = doc.get("units", "mm")
    if units != "mm":
        raise TemplateError(f"{ctx.source}: \"units\" must be \"mm\", got {units!r}")
    for key in ("zones", "reflex_points"):
        if not isinstance(doc.get(key, []), list):
            raise TemplateError(f"{ctx.source}: {key!r} must be a list")


def _pattern(ctx: _Ctx, z: dict, where: str) -> str:
    pattern = ctx.string(z, "pattern", where, default="hexagonal")
    if pattern not in PATTERNS:
        raise ctx.fail(where, f"field 'pattern' must be one of {', '.join(PATTERNS)}, got {pattern!r}")
    return pattern


def _parse_zone(ctx: _Ctx, i: int, z: Any, n_faces: int) -> ZoneTemplate:
    where = f"zone #{i}"
    if not isinstance(z, dict):
        raise ctx.fail(where, "must be an object")
    zid = ctx.ident(z, "id", where)
    where = f"zone {zid!r}"
    side = ctx.string(z, "side", where)
    if side not in ZONE_SIDES:
        raise ctx.fail(where, f"field 'side' must be one of {', '.join(ZONE_SIDES)}, got {side!r}")
    technique = ctx.string(z, "technique", where)
    if technique not in TECHNIQUES:
        raise ctx.fail(where, f"field 'technique' must be one of {', '.join(TECHNIQUES)}, got {technique!r}")
    faces = ctx.require(z, "faces", where)
    if not isinstance(faces, list) or not faces:
        raise ctx.fail(where, "field 'faces' must be a non-empty list of face ids")
    if not all(isinstance(f, int) and not isinstance(f, bool) for f in faces):
        raise ctx.fail(where, "field 'faces' must hold integers only")
    arr = np.asarray(faces, dtype=np.int64)
    bad = arr[(arr < 0) | (arr >= n_faces)]
    if len(bad):
        raise ctx.fail(where, f"field 'faces': face id {int(bad[0])} is out of range 0..{n_faces - 1}")
    if len(np.unique(arr)) != len(arr):
        raise ctx.fail(where, "field 'faces' lists a face id twice")
    depth = ctx.positive(z, "depth_mm", where)
    needle = ctx.positive(z, "needle_length_mm", where, optional=True)
    if needle is not None and needle < depth:
        raise ctx.fail(where, f"depth_mm {depth:g} is deeper than needle_length_mm {needle:g}")
    gauge = z.get("needle_gauge")
    if gauge is not None and (isinstance(gauge, bool) or not isinstance(gauge, int) or gauge <= 0):
        raise ctx.fail(where, f"field 'needle_gauge' must be a positive integer, got {gauge!r}")
    margin = ctx.positive(z, "margin_mm", where, optional=True, allow_zero=True)
    return ZoneTemplate(
        id=zid,
        name=ctx.string(z, "name", where),
        side=side,
        faces=np.sort(arr),
        technique=technique,
        depth_mm=depth,
        spacing_mm=ctx.positive(z, "spacing_mm", where),
        volume_per_point_ml=ctx.positive(z, "volume_per_point_ml", where),
        group=z.get("group", "") if isinstance(z.get("group", ""), str) else "",
        pattern=_pattern(ctx, z, where),
        margin_mm=0.0 if margin is None else margin,
        needle_length_mm=needle,
        needle_gauge=gauge,
        indications=ctx.strings(z, "indications", where),
    )


def _parse_point(ctx: _Ctx, i: int, p: Any, n_faces: int) -> ReflexPointTemplate:
    where = f"reflex point #{i}"
    if not isinstance(p, dict):
        raise ctx.fail(where, "must be an object")
    code = ctx.string(p, "code", where)
    side = ctx.string(p, "side", f"reflex point {code!r}")
    pid = ctx.ident(p, "id", where, default=code.lower() if side == "midline" else f"{code.lower()}_{side}")
    where = f"reflex point {pid!r}"
    if side not in POINT_SIDES:
        raise ctx.fail(where, f"field 'side' must be one of {', '.join(POINT_SIDES)}, got {side!r}")
    face = ctx.require(p, "face", where)
    if isinstance(face, bool) or not isinstance(face, int) or not 0 <= face < n_faces:
        raise ctx.fail(where, f"field 'face': face id {face!r} is out of range 0..{n_faces - 1}")
    bary = ctx.require(p, "barycentric", where)
    if (not isinstance(bary, list) or len(bary) != 3
            or not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in bary)):
        raise ctx.fail(where, f"field 'barycentric' must be 3 numbers, got {bary!r}")
    if min(bary) < -BARYCENTRIC_TOLERANCE:
        raise ctx.fail(where, f"field 'barycentric' has a negative weight: {bary!r}")
    if abs(sum(bary) - 1.0) > BARYCENTRIC_TOLERANCE:
        raise ctx.fail(where, f"field 'barycentric' must sum to 1, sums to {sum(bary):.6g}")
    angle = p.get("angle_deg", 90.0)
    if isinstance(angle, bool) or not isinstance(angle, (int, float)) or not 0 < angle <= 90:
        raise ctx.fail(where, f"field 'angle_deg' must be in (0, 90], got {angle!r}")
    return ReflexPointTemplate(
        id=pid,
        code=code,
        name=ctx.string(p, "name", where),
        side=side,
        face=face,
        barycentric=tuple(bary),
        depth_mm=ctx.positive(p, "depth_mm", where),
        volume_ml=ctx.positive(p, "volume_ml", where),
        angle_deg=float(angle),
        indications=ctx.strings(p, "indications", where),
    )


def parse_templates(doc: Any, n_faces: int = HM08_FACE_COUNT, source: str = "zones.json") -> Templates:
    """Check a decoded zones document against a mesh with ``n_faces`` triangles."""
    ctx = _Ctx(source)
    _check_schema(ctx, doc)
    topology = doc.get("topology", TOPOLOGY)
    if not isinstance(topology, str):
        raise TemplateError(f"{source}: \"topology\" must be a string")
    zones = tuple(_parse_zone(ctx, i, z, n_faces) for i, z in enumerate(doc.get("zones", [])))
    points = tuple(_parse_point(ctx, i, p, n_faces) for i, p in enumerate(doc.get("reflex_points", [])))
    for kind, items in (("zone", zones), ("reflex point", points)):
        seen: set[str] = set()
        for item in items:
            if item.id in seen:
                raise TemplateError(f"{source}: duplicate {kind} id {item.id!r}")
            seen.add(item.id)
    return Templates(schema=doc["@schema"], units="mm", topology=topology, zones=zones, reflex_points=points)


def load_templates(path: str | Path | None = None, n_faces: int = HM08_FACE_COUNT) -> Templates:
    """Read and check a zones file (default: the bundled ``assets/zones.json``).

    n_faces : triangle count of the mesh the face ids must fit (the baked hm08 body).
    """
    path = Path(path) if path is not None else default_templates_path()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise TemplateError(f"{path}: cannot read the zones file: {err.strerror or err}") from err
    except UnicodeDecodeError as err:
        raise TemplateError(f"{path}: not UTF-8 text: {err}") from err
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as err:
        raise TemplateError(f"{path}: not valid JSON (line {err.lineno}, column {err.colno}: {err.msg})") from err
    t = parse_templates(doc, n_faces=n_faces, source=str(path))
    return Templates(t.schema, t.units, t.topology, t.zones, t.reflex_points, source=path)


# ---------------------------------------------------------------------------
# Geometry helpers (mesh: anything with ``faces``, ``vertices`` and ``face_areas``,
# e.g. mesomap.geometry.body_mesh.BodyMesh).
# ---------------------------------------------------------------------------
def _check_faces_fit(ids: np.ndarray, mesh, what: str) -> None:
    n = len(mesh.faces)
    if len(ids) and (ids.min() < 0 or ids.max() >= n):
        raise TemplateError(f"{what}: face ids do not fit a mesh with {n} faces")


def zone_area_cm2(template: ZoneTemplate, mesh) -> float:
    """Surface area of the zone on ``mesh`` in cm² (mesh in mm)."""
    _check_faces_fit(template.faces, mesh, f"zone {template.id!r}")
    return float(np.asarray(mesh.face_areas)[template.faces].sum() / 100.0)


def point_position_mm(point: ReflexPointTemplate, mesh) -> np.ndarray:
    """(3,) float64 position in mm of the point on ``mesh`` (face corners x barycentric)."""
    _check_faces_fit(np.array([point.face]), mesh, f"reflex point {point.id!r}")
    corners = np.asarray(mesh.vertices)[np.asarray(mesh.faces)[point.face]]
    return np.asarray(point.barycentric, dtype=np.float64) @ corners
