"""The ``.mesomap.json`` plan file: versioned, validated, written atomically.

Layout (schema ``mesomap-plan/2``, JSON Schema in ``mesomap/schemas/mesomap-plan-2.schema.json``)::

    {"@schema": "mesomap-plan/2", "units": {"length": "mm", "volume": "ml", "angle": "deg", "area": "cm2"},
     "id": "16 hex, kept across saves",
     "coordinate_system": "RAS: +x patient's right, +y anterior, +z superior; feet on z = 0",
     "app": "mesomap 0.1.0",
     "header": {"patient_ref", "date" (YYYY-MM-DD), "session_number", "clinician", "notes"},
     "body": {"id", "topology", "content_sha256", "paint_topology_sha256",
              "shape" (optional: body-shape slider -> value, only when the body was shaped)},
     "zones": [{"id", "name", "color" "#rrggbb", "side", "template", "notes",
                "faces": [[first_face, count], ...]   # runs of consecutive painting faces
                "area_cm2" (derived, ignored when read),
                "injections": [{"face", "barycentric", "pinned", "position_mm", "normal"}]  # in order
                "grid_source": fingerprint of the faces and layout params the grid was made from,
                "params": {"technique", "depth_mm", "spacing_mm", "pattern", "margin_mm",
                           "volume_per_point_ml", "needle": {"length_mm", "gauge"},
                           "products": [{"name", "lot", "parts"}], "notes", "row_spacing_mm", "row_angle_deg"}}],
     "reflex_points": [{"id", "code", "name", "side", "face", "barycentric": [a, b, c],
                        "position_mm", "normal" (derived, ignored when read),
                        "depth_mm", "volume_ml", "angle_deg", "notes"}]}

Version 1 (mesomap 0.1, ``tests/data/plan-v1.mesomap.json``) said only
``"units": "mm"`` although volumes are in ml, angles in degrees and areas in
cm², and carried an always-empty top-level ``"injections": []`` (grids live in
their zones): :func:`migrate` upgrades it.

Reading is tolerant (unknown keys are ignored, missing optional keys take
defaults, older schema versions are migrated) and strict about meaning: every
problem raises :class:`PlanFileError` with the field path in the message.
Never pickle, never eval: JSON only.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from mesomap import __version__
from mesomap.geometry.surface import PaintingSurface
from mesomap.io.atomic import write_text_durably
from mesomap.io.body_shapes import load_shaped_surface
from mesomap.io.json_reader import JsonReader, parse_json_bytes, quoted, read_file_bytes
from mesomap.io.meshes import BUNDLED_BODIES, MeshLoadError, painting_surface_on
from mesomap.io.schema_check import PLAN_SCHEMA, check
from mesomap.model.body_shape import ShapeError, normalize
from mesomap.model.messages import CarriesMessage, Kind
from mesomap.model.plan import BodyRef, Header, InjectionPoint, Needle, Plan, Product, ReflexPoint, TreatmentParams, Zone
from mesomap.model.techniques import SIDES

SCHEMA = "mesomap-plan/2"
VERSION = 2
#: The unit of each kind of quantity in the file (``"units"``).
UNITS = {"length": "mm", "volume": "ml", "angle": "deg", "area": "cm2"}
SUFFIX = ".mesomap.json"
COORDINATES = "RAS: +x patient's right, +y anterior, +z superior; feet on z = 0"
MAX_FILE_BYTES = 50_000_000


def _real_date(text: str) -> bool:
    """True when YYYY-MM-DD ``text`` names a day that exists (2026-02-30 does not)."""
    import datetime

    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


UNITS_NOT_MM = Kind("units_not_mm", "found")
V1_INJECTIONS_NOT_EMPTY = Kind("v1_injections_not_empty")
NOT_A_PLAN = Kind("not_a_plan", "found")
PLAN_VERSION_NEWER = Kind("plan_version_newer", "version")
PLAN_VERSION_UNKNOWN = Kind("plan_version_unknown", "schema")
NOT_A_SHARE = Kind("not_a_share", "parts")
FACE_RUN_OUTSIDE = Kind("face_run_outside", "first", "count", "last_face")
MORE_FACES_THAN_BODY = Kind("more_faces_than_body")
FACE_OUTSIDE = Kind("face_outside", "face", "last_face")
WEIGHTS_INVALID = Kind("weights_invalid")
UNKNOWN_BODY = Kind("unknown_body", "body_id", "known")
OTHER_BODY = Kind("other_body", "body_id")
NOT_A_CALENDAR_DAY = Kind("not_a_calendar_day", "date")
NOT_A_SESSION_NUMBER = Kind("not_a_session_number", "session")

class PlanFileError(CarriesMessage, Exception):
    """A plan file cannot be used; ``str(err)`` is one line naming the file and field."""


# -- writing ---------------------------------------------------------------------

def face_runs(faces: np.ndarray) -> list[list[int]]:
    """Sorted unique face ids (k,) as [[first, count], ...] runs of consecutive ids."""
    f = np.asarray(faces, dtype=np.int64)
    if len(f) == 0:
        return []
    breaks = np.flatnonzero(np.diff(f) != 1) + 1
    starts = np.concatenate([[0], breaks])
    ends = np.concatenate([breaks, [len(f)]])
    return [[int(f[s]), int(e - s)] for s, e in zip(starts, ends)]


def body_ref(surface: PaintingSurface, scan: dict | None = None) -> BodyRef:
    """The plan's reference to ``surface``'s body: the bundled body's hashes, the shape it has, the scan it is."""
    return BodyRef(
        body_id=surface.coarse.body_id,
        topology=surface.coarse.topology or "",
        content_sha256=surface.base_content_sha256 or surface.coarse.content_hash,
        paint_topology_sha256=surface.topology_hash,
        shape=surface.shape,
        scan=scan,
    )


def plan_surface(plan: Plan, folder: str | Path) -> PaintingSurface:
    """The painting surface a plan is on: its bundled body, or for a plan on a scan the fitted body of the fit
    file beside it (``folder``: the plan's folder)."""
    if plan.body.scan:
        return _scan_surface(plan.body.scan, Path(folder), JsonReader("plan", PlanFileError))
    return load_shaped_surface(plan.body.body_id, plan.body.shape)


def _scan_surface(scan: dict, folder: Path, r: JsonReader) -> PaintingSurface:
    """The painting surface of a plan on a scan: its fit file, and the scan beside it checked by hash."""
    from mesomap.io.fit_file import FitFileError, load_fit, scan_beside

    name = r.text(scan, "fit", "body.scan")
    try:
        record = load_fit(folder / Path(name).name)
        scan_beside(record)
        return painting_surface_on(record.fitted)
    except (FitFileError, MeshLoadError) as err:
        r.fail("body.scan", err.message or str(err))
        raise  # r.fail raises; for the type checker


def _body_dict(ref: BodyRef) -> dict[str, Any]:
    out: dict[str, Any] = {"id": ref.body_id, "topology": ref.topology, "content_sha256": ref.content_sha256,
                           "paint_topology_sha256": ref.paint_topology_sha256}
    if ref.shape:  # written only for a shaped body: plans on the body as bundled read as before
        out["shape"] = dict(ref.shape)
    if ref.scan:  # a plan on a patient's scan (its fit and scan files beside it)
        out["scan"] = ref.scan
    return out


def _body_shape(body: dict, r: JsonReader) -> tuple:
    try:
        return normalize(r.obj(body.get("shape", {}), "body.shape"))
    except ShapeError as err:
        r.fail("body.shape", err.message)


def _add_positions(entries: list[dict[str, Any]], on_surface, surface: PaintingSurface | None) -> list[dict[str, Any]]:
    """``entries`` with ``position_mm`` and ``normal`` added from the ``face``/``barycentric`` of the
    matching item of ``on_surface`` (all placed at once), or as they are without a surface."""
    if surface is not None:
        positions, normals = surface.points_on_faces([q.face for q in on_surface], [q.barycentric for q in on_surface])
        for entry, pos, normal in zip(entries, positions, normals):
            entry["position_mm"] = [round(float(c), 4) for c in pos]
            entry["normal"] = [round(float(c), 6) for c in normal]
    return entries


def plan_to_dict(plan: Plan, surface: PaintingSurface | None = None) -> dict[str, Any]:
    """The JSON-ready form of a plan; derived values (areas, positions) need ``surface``."""
    zones = []
    for z in plan.zones:
        p = z.params
        entry = {
            "id": z.id, "name": z.name, "color": z.color, "side": z.side, "template": z.template, "notes": z.notes,
            "faces": face_runs(z.faces),
            "params": {
                "technique": p.technique, "depth_mm": p.depth_mm, "spacing_mm": p.spacing_mm, "pattern": p.pattern,
                "margin_mm": p.margin_mm, "volume_per_point_ml": p.volume_per_point_ml,
                "needle": {"length_mm": p.needle.length_mm, "gauge": p.needle.gauge},
                "products": [{"name": c.name, "lot": c.lot, "parts": c.parts} for c in p.products], "notes": p.notes,
                "row_spacing_mm": p.row_spacing_mm, "row_angle_deg": p.row_angle_deg,
            },
            "grid_source": z.grid_source,
            "injections": _add_positions([{"face": q.face, "barycentric": list(q.barycentric), "pinned": q.pinned}
                                          for q in z.injections], z.injections, surface),
        }
        if surface is not None:
            entry["area_cm2"] = round(surface.area_cm2(z.faces), 3)
        zones.append(entry)
    points = _add_positions([{
        "id": pt.id, "code": pt.code, "name": pt.name, "side": pt.side, "face": pt.face,
        "barycentric": list(pt.barycentric), "depth_mm": pt.depth_mm, "volume_ml": pt.volume_ml,
        "angle_deg": pt.angle_deg, "notes": pt.notes,
    } for pt in plan.points], plan.points, surface)
    h = plan.header
    return {
        "@schema": SCHEMA, "units": dict(UNITS), "coordinate_system": COORDINATES, "app": f"mesomap {__version__}",
        "id": plan.id,
        "header": {"patient_ref": h.patient_ref, "date": h.date, "session_number": h.session_number,
                   "clinician": h.clinician, "notes": h.notes},
        "body": _body_dict(plan.body),
        "zones": zones, "reflex_points": points,
    }


def dumps_plan(data: dict) -> str:
    """Indented JSON, with each zone's face runs and each injection point on one line.

    ``data`` is consumed (its zone entries are rewritten)."""
    token = uuid.uuid4().hex  # a placeholder no user text can contain by chance
    compact = {}  # placeholder -> one-line JSON
    for k, z in enumerate(data["zones"]):
        compact[f"@@{token}-f{k}@@"], z["faces"] = json.dumps(z["faces"], separators=(",", ":")), f"@@{token}-f{k}@@"
        for j, q in enumerate(z["injections"]):
            key = f"@@{token}-i{k}-{j}@@"
            compact[key], z["injections"][j] = json.dumps(q, separators=(",", ":"), allow_nan=False), key
    text = json.dumps(data, indent=1, ensure_ascii=False, allow_nan=False)
    for key, one_line in compact.items():
        text = text.replace(f'"{key}"', one_line, 1)
    return text


def save_plan(plan: Plan, path: str | Path, surface: PaintingSurface | None = None) -> Path:
    """Write atomically: a crash mid-save leaves the previous file intact."""
    path = Path(path)
    return write_text_durably(path, dumps_plan(plan_to_dict(plan, surface)))


# -- reading ---------------------------------------------------------------------

def _from_v1(data: dict, r: JsonReader) -> dict:
    """A ``mesomap-plan/1`` document as version 2: units per quantity, no top-level injections list."""
    units = data.get("units", "mm")
    if units != "mm":
        r.fail("units", UNITS_NOT_MM(found=quoted(units)))
    injections = data.get("injections", [])
    if injections != []:
        r.fail("injections", V1_INJECTIONS_NOT_EMPTY())
    upgraded = {k: v for k, v in data.items() if k != "injections"}
    upgraded.update({"@schema": SCHEMA, "units": dict(UNITS)})
    return upgraded


def migrate(data: dict, r: JsonReader) -> dict:
    """Bring an older schema version to the current one (version 1 -> 2: see the module docstring)."""
    schema = data.get("@schema")
    if not isinstance(schema, str) or not schema.startswith("mesomap-plan/"):
        r.fail("@schema", NOT_A_PLAN(found=quoted(schema)))
    version = schema.rpartition("/")[2]
    if version == "1":
        return _from_v1(data, r)
    if version.isdigit() and int(version) > VERSION:
        r.fail("@schema", PLAN_VERSION_NEWER(version=quoted(version)))
    if version != str(VERSION):
        r.fail("@schema", PLAN_VERSION_UNKNOWN(schema=quoted(schema)))
    return data


def _params(d: dict, r: JsonReader, where: str) -> TreatmentParams:
    default = TreatmentParams()
    needle = r.obj(d.get("needle", {}), f"{where}.needle")
    products = []
    for i, c in enumerate(r.lst(d.get("products", []), f"{where}.products")):
        c = r.obj(c, f"{where}.products[{i}]")
        here = f"{where}.products[{i}]"
        parts = r.number(c, "parts", here, 1.0)
        if not 0 < parts <= 100:
            r.fail(f"{here}.parts", NOT_A_SHARE(parts=parts))
        products.append(Product(r.text(c, "name", here), r.text(c, "lot", here, ""), parts))
    params = TreatmentParams(
        technique=r.text(d, "technique", where, default.technique),
        depth_mm=r.number(d, "depth_mm", where, default.depth_mm),
        spacing_mm=r.number(d, "spacing_mm", where, default.spacing_mm),
        pattern=r.text(d, "pattern", where, default.pattern),
        margin_mm=r.number(d, "margin_mm", where, default.margin_mm),
        volume_per_point_ml=r.number(d, "volume_per_point_ml", where, default.volume_per_point_ml),
        needle=Needle(r.number(needle, "length_mm", f"{where}.needle", default.needle.length_mm),
                      r.integer(needle, "gauge", f"{where}.needle", default.needle.gauge)),
        products=tuple(products),
        notes=r.text(d, "notes", where, ""),
        row_spacing_mm=None if d.get("row_spacing_mm") is None else r.number(d, "row_spacing_mm", where),
        row_angle_deg=r.number(d, "row_angle_deg", where, 0.0),
    )
    errors = params.errors()
    if errors:
        r.fail(where, errors[0])
    return params


def _faces(value, r: JsonReader, where: str, n_faces: int) -> np.ndarray:
    """Face ids from [[first, count], ...] runs, each checked in Python ints (no wrap-around)."""
    runs = r.lst(value, where)
    total = 0
    for k, (first, count) in enumerate(runs):  # pairs of whole numbers (the schema)
        if first < 0 or count < 1 or first + count > n_faces:
            r.fail(f"{where}[{k}]", FACE_RUN_OUTSIDE(first=first, count=count, last_face=n_faces - 1))
        total += count
        if total > n_faces:
            r.fail(where, MORE_FACES_THAN_BODY())
    if not runs:
        return np.empty(0, dtype=np.int64)
    return np.concatenate([np.arange(first, first + count) for first, count in runs])


def _zone(zd: dict, r: JsonReader, where: str, seen: set[str], n_faces: int) -> Zone:
    zid = r.new_id(zd, where, seen)
    color = r.text(zd, "color", where, "#e69f00")  # #rrggbb (the schema)
    template = zd.get("template")
    return Zone(
        id=zid, name=r.text(zd, "name", where, zid, 10_000), color=color.lower(),
        side=r.choice(zd, "side", where, SIDES, "midline"),
        faces=_faces(zd.get("faces", []), r, f"{where}.faces", n_faces),
        params=_params(r.obj(zd.get("params", {}), f"{where}.params"), r, f"{where}.params"),
        template=template, notes=r.text(zd, "notes", where, ""),
        injections=tuple(_injection(r.obj(q, f"{where}.injections[{j}]"), r, f"{where}.injections[{j}]", n_faces)
                         for j, q in enumerate(r.lst(zd.get("injections", []), f"{where}.injections"))),
        grid_source=r.text(zd, "grid_source", where, "", 64),
    )


def _surface_point(d: dict, r: JsonReader, where: str, n_faces: int) -> tuple[int, tuple[float, float, float]]:
    """(face, barycentric) of a point on the painting surface, checked."""
    face = r.integer(d, "face", where)
    if not 0 <= face < n_faces:
        r.fail(f"{where}.face", FACE_OUTSIDE(face=face, last_face=n_faces - 1))
    bary = r.lst(d.get("barycentric"), f"{where}.barycentric")  # three numbers (the schema)
    b = tuple(r.number({f"barycentric[{k}]": x}, f"barycentric[{k}]", where) for k, x in enumerate(bary))
    if min(b) < -1e-6 or abs(sum(b) - 1) > 1e-6:
        r.fail(f"{where}.barycentric", WEIGHTS_INVALID())
    return face, b


def _injection(d: dict, r: JsonReader, where: str, n_faces: int) -> InjectionPoint:
    face, bary = _surface_point(d, r, where, n_faces)
    return InjectionPoint(face, bary, d.get("pinned", False))


def _point(pd: dict, r: JsonReader, where: str, seen: set[str], n_faces: int) -> ReflexPoint:
    pid = r.new_id(pd, where, seen)
    face, bary = _surface_point(pd, r, where, n_faces)
    point = ReflexPoint(
        id=pid, code=r.text(pd, "code", where, "", 10_000), name=r.text(pd, "name", where, "", 10_000),
        face=face, barycentric=bary,
        side=r.choice(pd, "side", where, SIDES, "midline"),
        depth_mm=r.number(pd, "depth_mm", where, 4.0), volume_ml=r.number(pd, "volume_ml", where, 0.1),
        angle_deg=r.number(pd, "angle_deg", where, 90.0), notes=r.text(pd, "notes", where, ""),
    )
    errors = point.errors()
    if errors:
        r.fail(where, errors[0])
    return point


def plan_from_dict(data, source: str = "plan", surface: PaintingSurface | None = None,
                   folder: Path | None = None) -> Plan:
    """Validate and build a Plan; ``surface`` defaults to the bundled body the plan names, or for a plan on a
    scan to the fitted body of the fit file in ``folder`` (the plan's own folder)."""
    r = JsonReader(source, PlanFileError)
    if not isinstance(data, dict):
        check(data, PLAN_SCHEMA, source, PlanFileError)  # "file: expected an object, found a list"
    data = migrate(data, r)
    check(data, PLAN_SCHEMA, source, PlanFileError)  # structure; meaning is checked below
    body = data["body"]
    body_id = r.text(body, "id", "body")
    scan = body.get("scan") if isinstance(body.get("scan"), dict) else None
    if surface is None and scan is not None:
        surface = _scan_surface(scan, folder or Path("."), r)
    shape = _body_shape(body, r)
    if surface is None:
        if body_id not in BUNDLED_BODIES:
            r.fail("body.id", UNKNOWN_BODY(body_id=quoted(body_id), known=", ".join(BUNDLED_BODIES)))
        try:
            surface = load_shaped_surface(body_id, shape)
        except MeshLoadError as err:
            r.fail("body", err.message or str(err))
    ref = replace(body_ref(surface, scan), shape=shape)
    r.text(body, "content_sha256", "body", max_len=64)
    if body.get("content_sha256") != ref.content_sha256 or body.get("paint_topology_sha256", ref.paint_topology_sha256) != ref.paint_topology_sha256:
        r.fail("body", OTHER_BODY(body_id=quoted(body_id)))
    h = r.obj(data.get("header", {}), "header")
    date = r.text(h, "date", "header", "")  # YYYY-MM-DD or empty (the schema)
    if date and not _real_date(date):
        r.fail("header.date", NOT_A_CALENDAR_DAY(date=date))
    session = r.integer(h, "session_number", "header", 1)
    if not 1 <= session <= 1000:
        r.fail("header.session_number", NOT_A_SESSION_NUMBER(session=session))
    header = Header(r.text(h, "patient_ref", "header", "", 10_000), date, session,
                    r.text(h, "clinician", "header", "", 10_000), r.text(h, "notes", "header", ""))

    seen: set[str] = set()
    zones = [_zone(r.obj(zd, f"zones[{i}]"), r, f"zones[{i}]", seen, surface.n_faces)
             for i, zd in enumerate(r.lst(data.get("zones", []), "zones"))]
    seen = set()
    points = [_point(r.obj(pd, f"reflex_points[{i}]"), r, f"reflex_points[{i}]", seen, surface.n_faces)
              for i, pd in enumerate(r.lst(data.get("reflex_points", []), "reflex_points"))]
    plan_id = r.text(data, "id", "file", "", 64)
    return Plan(body=ref, header=header, zones=tuple(zones), points=tuple(points), id=plan_id)


def read_plan_data(path: str | Path):
    """The parsed JSON of a plan file (not yet checked as a plan); PlanFileError when it cannot be read."""
    path = Path(path)
    raw = read_file_bytes(path, MAX_FILE_BYTES, PlanFileError, "plan file")
    return parse_json_bytes(raw, path.name, PlanFileError, "plan file")


def load_plan(path: str | Path) -> Plan:
    """Read a plan file; any problem is a PlanFileError naming the file and field."""
    return plan_from_dict(read_plan_data(path), source=Path(path).name, folder=Path(path).resolve().parent)
