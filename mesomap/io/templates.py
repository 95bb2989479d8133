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
from mesomap.io.json_reader import FILE_NOT_JSON, quoted
from mesomap.io.vocabulary import term
from mesomap.model.messages import CarriesMessage, Kind, Message
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


# where in the zones file: "zone #3", "zone 'knee_left'", "reflex point 'li4_left'"
T_ZONE_AT = Kind("template_zone_at", "index", severity="info")
T_ZONE = Kind("template_zone", "zone_id", severity="info")
T_POINT_AT = Kind("template_point_at", "index", severity="info")
T_POINT = Kind("template_point", "point_id", severity="info")
TEMPLATE_PROBLEM = Kind("template_problem", "file", "where", "problem")
T_FIELD_MISSING = Kind("template_field_missing", "field")
T_NOT_TEXT = Kind("template_not_text", "field", "got")
T_NOT_NUMBER = Kind("template_not_number", "field", "got")
T_NEGATIVE = Kind("template_negative", "field", "got")
T_NOT_POSITIVE = Kind("template_not_positive", "field", "got")
T_NOT_STRINGS = Kind("template_not_strings", "field")
T_NOT_ID = Kind("template_not_id", "field", "got")
T_NOT_ONE_OF = Kind("template_not_one_of", "field", "options", "got")
T_MUST_BE_OBJECT = Kind("template_must_be_object")
T_FACES_EMPTY = Kind("template_faces_empty")
T_FACES_NOT_INTEGERS = Kind("template_faces_not_integers")
T_FACE_OUT_OF_RANGE = Kind("template_face_out_of_range", "field", "face", "last_face")
T_FACE_TWICE = Kind("template_face_twice")
T_DEEPER_THAN_NEEDLE = Kind("template_deeper_than_needle", "depth_mm", "needle_mm")
T_NOT_POSITIVE_INTEGER = Kind("template_not_positive_integer", "field", "got")
T_BARY_NOT_3 = Kind("template_barycentric_not_3", "got")
T_BARY_NEGATIVE = Kind("template_barycentric_negative", "got")
T_BARY_SUM = Kind("template_barycentric_sum", "total")
T_ANGLE = Kind("template_angle", "got")
# the whole file
T_NOT_OBJECT = Kind("template_not_object", "file")
T_SCHEMA_MALFORMED = Kind("template_schema_malformed", "file", "expected", "got")
T_SCHEMA_UNKNOWN = Kind("template_schema_unknown", "file", "schema", "expected")
T_SCHEMA_MAJOR = Kind("template_schema_major", "file", "major", "schema", "reads")
T_UNITS = Kind("template_units", "file", "got")
T_NOT_LIST = Kind("template_not_list", "file", "key")
T_TOPOLOGY = Kind("template_topology", "file")
T_DUPLICATE_ZONE = Kind("template_duplicate_zone", "file", "item_id")
T_DUPLICATE_POINT = Kind("template_duplicate_point", "file", "item_id")
T_UNREADABLE = Kind("template_unreadable", "file", "reason")
T_NOT_UTF8 = Kind("template_not_utf8", "file", "reason")
T_FACES_DO_NOT_FIT = Kind("template_faces_do_not_fit", "what", "n_faces")

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

    def label(self, lang: str | None = None) -> str:
        """The zone's name in ``lang`` (default: the chosen language) from assets/vocabulary.json, else ``name``."""
        return term("zone", self.id, lang, default=self.name)


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

    def label(self, lang: str | None = None) -> str:
        """The point's name in ``lang`` (by its code, which itself is never translated), else ``name``."""
        return term("point", self.code, lang, default=self.name)


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

    def fail(self, where: str | Message, problem: Message) -> TemplateError:
        return TemplateError(TEMPLATE_PROBLEM(file=self.source, where=where, problem=problem))

    def require(self, obj: dict, key: str, where: str) -> Any:
        if key not in obj:
            raise self.fail(where, T_FIELD_MISSING(field=key))
        return obj[key]

    def string(self, obj: dict, key: str, where: str, default: str | None = None) -> str:
        v = obj.get(key, default) if default is not None else self.require(obj, key, where)
        if not isinstance(v, str) or not v.strip():
            raise self.fail(where, T_NOT_TEXT(field=key, got=quoted(v)))
        return v

    def positive(self, obj: dict, key: str, where: str, optional: bool = False, allow_zero: bool = False):
        if optional and obj.get(key) is None:
            return None
        v = self.require(obj, key, where)
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
            raise self.fail(where, T_NOT_NUMBER(field=key, got=quoted(v)))
        if v < 0 or (v == 0 and not allow_zero):
            raise self.fail(where, (T_NEGATIVE if allow_zero else T_NOT_POSITIVE)(field=key, got=quoted(v)))
        return float(v)

    def strings(self, obj: dict, key: str, where: str) -> tuple[str, ...]:
        v = obj.get(key, [])
        if not isinstance(v, list) or not all(isinstance(s, str) for s in v):
            raise self.fail(where, T_NOT_STRINGS(field=key))
        return tuple(v)

    def ident(self, obj: dict, key: str, where: str, default: str | None = None) -> str:
        v = self.string(obj, key, where, default)
        if not _ID_RE.match(v):
            raise self.fail(where, T_NOT_ID(field=key, got=quoted(v)))
        return v


def _check_schema(ctx: _Ctx, doc: Any) -> None:
    if not isinstance(doc, dict):
        raise TemplateError(T_NOT_OBJECT(file=ctx.source))
    schema = doc.get("@schema")
    if not isinstance(schema, str) or "/" not in schema:
        raise TemplateError(T_SCHEMA_MALFORMED(file=ctx.source, expected=repr(SCHEMA), got=quoted(schema)))
    name, _, version = schema.partition("/")
    major = version.split(".")[0]
    if name != SCHEMA_NAME or not major.isdigit():
        raise TemplateError(T_SCHEMA_UNKNOWN(file=ctx.source, schema=quoted(schema), expected=repr(SCHEMA)))
    if int(major) != SCHEMA_MAJOR:
        raise TemplateError(T_SCHEMA_MAJOR(file=ctx.source, major=major, schema=quoted(schema), reads=SCHEMA))
    units = doc.get("units", "mm")
    if units != "mm":
        raise TemplateError(T_UNITS(file=ctx.source, got=quoted(units)))
    for key in ("zones", "reflex_points"):
        if not isinstance(doc.get(key, []), list):
            raise TemplateError(T_NOT_LIST(file=ctx.source, key=key))


def _pattern(ctx: _Ctx, z: dict, where: str) -> str:
    pattern = ctx.string(z, "pattern", where, default="hexagonal")
    if pattern not in PATTERNS:
        raise ctx.fail(where, T_NOT_ONE_OF(field="pattern", options=", ".join(PATTERNS), got=quoted(pattern)))
    return pattern


def _parse_zone(ctx: _Ctx, i: int, z: Any, n_faces: int) -> ZoneTemplate:
    where = T_ZONE_AT(index=i)
    if not isinstance(z, dict):
        raise ctx.fail(where, T_MUST_BE_OBJECT())
    zid = ctx.ident(z, "id", where)
    where = T_ZONE(zone_id=zid)
    side = ctx.string(z, "side", where)
    if side not in ZONE_SIDES:
        raise ctx.fail(where, T_NOT_ONE_OF(field="side", options=", ".join(ZONE_SIDES), got=quoted(side)))
    technique = ctx.string(z, "technique", where)
    if technique not in TECHNIQUES:
        raise ctx.fail(where, T_NOT_ONE_OF(field="technique", options=", ".join(TECHNIQUES), got=quoted(technique)))
    faces = ctx.require(z, "faces", where)
    if not isinstance(faces, list) or not faces:
        raise ctx.fail(where, T_FACES_EMPTY())
    if not all(isinstance(f, int) and not isinstance(f, bool) for f in faces):
        raise ctx.fail(where, T_FACES_NOT_INTEGERS())
    arr = np.asarray(faces, dtype=np.int64)
    bad = arr[(arr < 0) | (arr >= n_faces)]
    if len(bad):
        raise ctx.fail(where, T_FACE_OUT_OF_RANGE(field="faces", face=int(bad[0]), last_face=n_faces - 1))
    if len(np.unique(arr)) != len(arr):
        raise ctx.fail(where, T_FACE_TWICE())
    depth = ctx.positive(z, "depth_mm", where)
    needle = ctx.positive(z, "needle_length_mm", where, optional=True)
    if needle is not None and needle < depth:
        raise ctx.fail(where, T_DEEPER_THAN_NEEDLE(depth_mm=depth, needle_mm=needle))
    gauge = z.get("needle_gauge")
    if gauge is not None and (isinstance(gauge, bool) or not isinstance(gauge, int) or gauge <= 0):
        raise ctx.fail(where, T_NOT_POSITIVE_INTEGER(field="needle_gauge", got=quoted(gauge)))
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
    where = T_POINT_AT(index=i)
    if not isinstance(p, dict):
        raise ctx.fail(where, T_MUST_BE_OBJECT())
    code = ctx.string(p, "code", where)
    side = ctx.string(p, "side", T_POINT(point_id=code))
    pid = ctx.ident(p, "id", where, default=code.lower() if side == "midline" else f"{code.lower()}_{side}")
    where = T_POINT(point_id=pid)
    if side not in POINT_SIDES:
        raise ctx.fail(where, T_NOT_ONE_OF(field="side", options=", ".join(POINT_SIDES), got=quoted(side)))
    face = ctx.require(p, "face", where)
    if isinstance(face, bool) or not isinstance(face, int) or not 0 <= face < n_faces:
        raise ctx.fail(where, T_FACE_OUT_OF_RANGE(field="face", face=quoted(face), last_face=n_faces - 1))
    bary = ctx.require(p, "barycentric", where)
    if (not isinstance(bary, list) or len(bary) != 3
            or not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in bary)):
        raise ctx.fail(where, T_BARY_NOT_3(got=quoted(bary)))
    if min(bary) < -BARYCENTRIC_TOLERANCE:
        raise ctx.fail(where, T_BARY_NEGATIVE(got=quoted(bary)))
    if abs(sum(bary) - 1.0) > BARYCENTRIC_TOLERANCE:
        raise ctx.fail(where, T_BARY_SUM(total=sum(bary)))
    angle = p.get("angle_deg", 90.0)
    if isinstance(angle, bool) or not isinstance(angle, (int, float)) or not 0 < angle <= 90:
        raise ctx.fail(where, T_ANGLE(got=quoted(angle)))
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
        raise TemplateError(T_TOPOLOGY(file=source))
    zones = tuple(_parse_zone(ctx, i, z, n_faces) for i, z in enumerate(doc.get("zones", [])))
    points = tuple(_parse_point(ctx, i, p, n_faces) for i, p in enumerate(doc.get("reflex_points", [])))
    for kind, items in ((T_DUPLICATE_ZONE, zones), (T_DUPLICATE_POINT, points)):
        seen: set[str] = set()
        for item in items:
            if item.id in seen:
                raise TemplateError(kind(file=source, item_id=item.id))
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
        raise TemplateError(T_UNREADABLE(file=str(path), reason=str(err.strerror or err))) from err
    except UnicodeDecodeError as err:
        raise TemplateError(T_NOT_UTF8(file=str(path), reason=str(err))) from err
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as err:
        raise TemplateError(FILE_NOT_JSON(file=str(path), line=err.lineno, column=err.colno, reason=err.msg)) from err
    t = parse_templates(doc, n_faces=n_faces, source=str(path))
    return Templates(t.schema, t.units, t.topology, t.zones, t.reflex_points, source=path)


# ---------------------------------------------------------------------------
# Geometry helpers (mesh: anything with ``faces``, ``vertices`` and ``face_areas``,
# e.g. mesomap.geometry.body_mesh.BodyMesh).
# ---------------------------------------------------------------------------
def _check_faces_fit(ids: np.ndarray, mesh, what: Message) -> None:
    n = len(mesh.faces)
    if len(ids) and (ids.min() < 0 or ids.max() >= n):
        raise TemplateError(T_FACES_DO_NOT_FIT(what=what, n_faces=n))


def zone_area_cm2(template: ZoneTemplate, mesh) -> float:
    """Surface area of the zone on ``mesh`` in cm² (mesh in mm)."""
    _check_faces_fit(template.faces, mesh, T_ZONE(zone_id=template.id))
    return float(np.asarray(mesh.face_areas)[template.faces].sum() / 100.0)


def point_position_mm(point: ReflexPointTemplate, mesh) -> np.ndarray:
    """(3,) float64 position in mm of the point on ``mesh`` (face corners x barycentric)."""
    _check_faces_fit(np.array([point.face]), mesh, T_POINT(point_id=point.id))
    corners = np.asarray(mesh.vertices)[np.asarray(mesh.faces)[point.face]]
    return np.asarray(point.barycentric, dtype=np.float64) @ corners
