"""mesomap's open device program format (``mesomap-device-program/1``): build, write, read, verify.

A program file is UTF-8 JSON that ends with its own seal::

    ...,
     "content_sha256": "<64 lower-case hex>"
    }

``content_sha256`` is the SHA-256 of every byte of the file before the
``,`` that opens the seal line (see :data:`SEAL_HEAD`), so a device checks it
without parsing or re-serialising JSON. ``docs/device-protocol.md`` describes
every field; units are mm, ml, shots/s and ml/min. The structure is checked
against ``mesomap/schemas/mesomap-device-program-1.schema.json`` (jsonschema).

:func:`build_device_program` fits the plan to a :class:`DeviceProfile` first:
every violation is collected and raised together as
:class:`DeviceValidationError`, and nothing is written.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from mesomap import __version__
from mesomap.geometry.surface import PaintingSurface
from mesomap.io.atomic import atomic_path
from mesomap.io.device_errors import DeviceProgramError, DeviceValidationError
from mesomap.io.device_profiles import profile_sha256
from mesomap.io.exports import NOTHING_TO_EXPORT, REFLEX_TECHNIQUE, ExportError, check_placement
from mesomap.io.json_reader import (
    EXPECTED_THREE_NUMBERS,
    FILE_TOO_LARGE,
    JsonReader,
    file_kind,
    file_size_text,
    parse_json_bytes,
    quoted,
    read_file_bytes,
)
from mesomap.io.plan_file import COORDINATES, plan_to_dict
from mesomap.io.schema_check import DEVICE_PROGRAM_SCHEMA, check
from mesomap.model.device_messages import (
    AT,
    MODE_FROM_REFLEX,
    WHERE_PLAN,
    WHERE_PROGRAM,
    WHERE_REFLEX_POINT,
    WHERE_ZONE,
)
from mesomap.model.devices import (
    MODES,
    DeviceProfile,
    Program,
    ProgramPoint,
    ProgramRequest,
    Rounding,
    Violation,
    fit_programs,
    merge_reflex_programs,
    mode_for,
    program_count_violation,
)
from mesomap.model.messages import Kind, Message, texts
from mesomap.model.plan import DEPTH_EXCEEDS_NEEDLE, Plan
from mesomap.model.techniques import QUANTITY

SCHEMA = "mesomap-device-program/1"

MODE_FOR_UNKNOWN_ZONE = Kind("mode_for_unknown_zone", "zone")
PLAN_DOES_NOT_FIT = Kind("plan_does_not_fit", "device", "count", "first")
EXAMPLE_PROFILE = Kind("example_profile", "device", severity="warning")
SHORTEST_NEEDLE_CHOSEN = Kind("shortest_needle_chosen", "needle_mm", "device", "depth_mm", severity="info")
EXPORT_SUMMARY = Kind("device_export_summary", "programs", "shots", "volume_ml", "device", "profile", severity="info")
EXPORT_NOTE = Kind("device_export_note", "note", severity="info")
EXPORT_ROUNDED = Kind("device_export_rounded", "rounding", severity="info")
NOTHING_ROUNDED = Kind("nothing_rounded", severity="info")
# reading a program file back
PROGRAM_NOT_SEALED = Kind("program_not_sealed", "file")
PROGRAM_SEAL_MISMATCH = Kind("program_seal_mismatch", "file", "expected", "found")
PROGRAM_NUMBER_EXPECTED = Kind("program_number_expected", "number")
NUMBER_EXPECTED = Kind("number_expected", "number")
CONTINUOUS_NEEDS_FLOW = Kind("continuous_needs_flow")
MODE_NEEDS_RATE = Kind("mode_needs_rate", "mode")
SHOTS_DIFFER = Kind("shots_differ", "says", "listed")
NOT_POSITIVE = Kind("not_positive", "value")
SEAL_FIELD_DIFFERS = Kind("seal_field_differs")
ORDER_USED_TWICE = Kind("order_used_twice")
NOT_A_DATE_OR_EMPTY = Kind("not_a_date_or_empty", "value")
TOTALS_DIFFER = Kind("totals_differ")
SUFFIX = ".device.json"
SEAL_HEAD = b',\n "content_sha256": "'
SEAL_TAIL = b'"\n}\n'
SEAL_LENGTH = len(SEAL_HEAD) + 64 + len(SEAL_TAIL)
MAX_PROGRAM_BYTES = 20_000_000
UNITS = {"length": "mm", "volume": "ml", "rate": "shots/s", "flow": "ml/min"}
_DATE = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])")  # plan.date: ISO 8601 calendar date
_SEAL = re.compile(re.escape(SEAL_HEAD) + rb"([0-9a-f]{64})" + re.escape(SEAL_TAIL) + rb"\Z")


@dataclass(frozen=True)
class DeviceProgram:
    """A program file's content: which device and plan it is for, and its programs in order."""

    device_id: str
    device_name: str
    device_example: bool
    profile_sha256: str
    plan_id: str
    plan_sha256: str
    patient_ref: str
    date: str
    session_number: int
    body_id: str
    programs: tuple[Program, ...]
    content_sha256: str = ""
    app: str = ""

    @property
    def shots(self) -> int:
        return sum(p.shots for p in self.programs)

    @property
    def volume_ml(self) -> float:
        return round(sum(p.volume_total_ml for p in self.programs), 6)


@dataclass(frozen=True)
class DeviceExportReport:
    """What an export did: the device, counts, every rounding, notes, and the hashes."""

    profile_id: str
    profile_name: str
    example: bool
    programs: int
    shots: int
    volume_ml: float
    roundings: tuple[Rounding, ...]
    notes: tuple[Message, ...]
    content_sha256: str
    plan_id: str
    plan_sha256: str

    def lines(self) -> list[str]:
        """Readable lines: a summary, then notes and roundings."""
        return texts(self.messages())

    def messages(self) -> list[Message]:
        """A summary, then notes and roundings, a Message each."""
        out = [EXPORT_SUMMARY(programs=self.programs, shots=self.shots, volume_ml=self.volume_ml,
                              device=self.profile_name, profile=self.profile_id)]
        out += [EXPORT_NOTE(note=n) for n in self.notes]
        out += [EXPORT_ROUNDED(rounding=r.message) for r in self.roundings] or [NOTHING_ROUNDED()]
        return out


# -- plan identity --------------------------------------------------------------------

def plan_sha256(plan: Plan) -> str:
    """SHA-256 of the plan's saved content (without derived values or the app version)."""
    data = plan_to_dict(plan)
    data.pop("app", None)
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def plan_id(plan: Plan) -> str:
    """The plan's id: its own ``id`` if the model has one, else 16 hex naming the session.

    The derived id hashes the body, patient reference, date and session number,
    so every version of one session's plan shares it (``plan_sha256`` tells versions apart).
    """
    own = getattr(plan, "id", None)
    if isinstance(own, str) and own:
        return own
    h = plan.header
    key = json.dumps([plan.body.body_id, plan.body.content_sha256, h.patient_ref, h.date, h.session_number])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


# -- from plan to programs ---------------------------------------------------------------

def _points(first_order: int, surface: PaintingSurface, on_surface, labels=()) -> tuple[ProgramPoint, ...]:
    """Program points numbered from ``first_order``, one per item with ``face``/``barycentric``
    (a zone's injections, reflex points), all placed on the surface at once; ``labels`` one per item or none."""
    positions, normals = surface.points_on_faces([q.face for q in on_surface], [q.barycentric for q in on_surface])
    labels = list(labels) or [""] * len(on_surface)
    return tuple(
        ProgramPoint(order, tuple(round(float(c), 3) for c in pos), tuple(round(float(c), 5) for c in normal),
                     int(q.face), tuple(float(b) for b in q.barycentric), label)
        for order, (q, pos, normal, label) in enumerate(zip(on_surface, positions, normals, labels), first_order))


def check_grids(plan: Plan) -> None:
    """ExportError when a zone has no grid or a stale one, or the plan has no injections at all."""
    for z in plan.zones:
        if len(z.faces) and not z.injections:
            raise ExportError.no_grid(z.name)
        if z.injections and z.grid_stale:
            raise ExportError.stale_grid(z.name)
    if not any(z.injections for z in plan.zones) and not plan.points:
        raise ExportError(NOTHING_TO_EXPORT())


def _about(message: Message, quantities: set[str]) -> bool:
    """True when ``message`` is a range error about one of ``quantities`` (codes of techniques.QUANTITY)."""
    quantity = message.args.get("quantity")
    return isinstance(quantity, Message) and quantity.code in quantities


def program_requests(plan: Plan, surface: PaintingSurface, modes: Mapping[str, str] | None = None,
                     ) -> tuple[list[ProgramRequest], list[Violation]]:
    """One request per zone with injections and one per reflex point, in treatment order,
    with the plan's own errors (values no device should get) as violations."""
    requests: list[ProgramRequest] = []
    violations: list[Violation] = []
    known = {k.casefold() for z in plan.zones for k in (z.id, z.name, z.template or "")}
    for key in sorted(k for k in (modes or {}) if k.casefold() not in known):
        violations.append(Violation(WHERE_PLAN(), "mode", MODE_FOR_UNKNOWN_ZONE(zone=key)))
    order = 0
    # the device check names these with its range; the plan's own message about them would say it twice
    covered = {QUANTITY["depth"].code, QUANTITY["volume_per_point"].code, QUANTITY["needle_length"].code}
    for z in plan.zones:
        if not z.injections:
            continue
        where = WHERE_ZONE(zone=z.name)
        p = z.params
        mode, mode_from = mode_for(p.technique, (z.id, z.name, z.template or ""), modes)
        points = _points(order + 1, surface, z.injections)
        order += len(points)
        requests.append(ProgramRequest(
            name=z.name, source="zone", zone_id=z.id, technique=p.technique, mode=mode, mode_from=mode_from,
            needle_mm=p.needle.length_mm, needle_gauge=p.needle.gauge, depth_mm=p.depth_mm,
            volume_ml=p.volume_per_point_ml, points=points, where=where))
        for e in p.errors():
            if not _about(e, covered) and e.code != DEPTH_EXCEEDS_NEEDLE.code:
                violations.append(Violation(where, "plan", e))
    labels = [(f"{pt.code} {pt.side}" if pt.side != "midline" else pt.code) or pt.name or pt.id for pt in plan.points]
    for pt, label, point in zip(plan.points, labels, _points(order + 1, surface, plan.points, labels)):
        where = WHERE_REFLEX_POINT(point=label)
        for e in pt.errors():
            if not _about(e, {QUANTITY["depth"].code, QUANTITY["volume"].code}):
                violations.append(Violation(where, "plan", e))
        requests.append(ProgramRequest(
            name=label, source="reflex", zone_id="", technique=REFLEX_TECHNIQUE, mode="single",
            mode_from=MODE_FROM_REFLEX(), needle_mm=None, needle_gauge=None, depth_mm=pt.depth_mm,
            volume_ml=pt.volume_ml, points=(point,), where=where))
    return requests, violations


def fit_plan(plan: Plan, surface: PaintingSurface, profile: DeviceProfile, *, modes: Mapping[str, str] | None = None,
             rate_hz: float | None = None, flow_ml_min: float | None = None,
             max_change: float | None = None) -> tuple[list[Program], list[Rounding], list[Message]]:
    """(programs, roundings, notes) for ``profile``, or DeviceValidationError listing every violation.

    ExportError first if a grid is missing or stale (the shot counts would be wrong).
    """
    from mesomap.model.devices import MAX_ROUNDING_CHANGE

    check_grids(plan)
    check_placement(plan, surface)
    requests, violations = program_requests(plan, surface, modes)
    programs, roundings, fit_violations = fit_programs(
        requests, profile, rate_hz=rate_hz, flow_ml_min=flow_ml_min,
        max_change=MAX_ROUNDING_CHANGE if max_change is None else max_change)
    violations += fit_violations
    programs = merge_reflex_programs(programs)
    # every zone is a program, fitted or not; reflex points are as many programs as distinct settings
    n_programs = sum(r.source == "zone" for r in requests) + sum(p.source == "reflex" for p in programs)
    too_many = program_count_violation(n_programs, profile)
    if too_many:
        violations.append(too_many)
    if violations:
        raise DeviceValidationError(
            PLAN_DOES_NOT_FIT(device=profile.name, count=len(violations), first=violations[0].message), violations)
    notes = []
    if profile.example:
        notes.append(EXAMPLE_PROFILE(device=profile.name))
    for p in programs:
        if p.source == "reflex":
            notes.append(AT(where=WHERE_PROGRAM(number=p.number, name=p.name), problem=SHORTEST_NEEDLE_CHOSEN(
                needle_mm=p.needle_mm, device=profile.name, depth_mm=p.depth_mm)))
    return programs, roundings, notes


# -- encoding -------------------------------------------------------------------------------

def _point_dict(q: ProgramPoint, n: int) -> dict[str, Any]:
    d = {"n": n, "order": q.order, "position_mm": list(q.position_mm), "normal": list(q.normal),
         "face": q.face, "barycentric": list(q.barycentric)}
    if q.label:
        d["label"] = q.label
    return d


def program_to_dict(doc: DeviceProgram) -> dict[str, Any]:
    """The JSON-ready form, without the seal."""
    return {
        "@schema": SCHEMA,
        "units": dict(UNITS),
        "coordinate_system": COORDINATES,
        "app": doc.app or f"mesomap {__version__}",
        "device": {"id": doc.device_id, "name": doc.device_name, "example": doc.device_example,
                   "profile_sha256": doc.profile_sha256},
        "plan": {"id": doc.plan_id, "sha256": doc.plan_sha256, "patient_ref": doc.patient_ref, "date": doc.date,
                 "session_number": doc.session_number, "body_id": doc.body_id},
        "totals": {"programs": len(doc.programs), "shots": doc.shots, "volume_ml": doc.volume_ml},
        "programs": [
            {"number": p.number, "name": p.name, "source": p.source, "zone_id": p.zone_id, "technique": p.technique,
             "mode": p.mode, "needle_mm": p.needle_mm, "needle_gauge": p.needle_gauge, "depth_mm": p.depth_mm,
             "volume_per_shot_ml": p.volume_per_shot_ml, "shots": p.shots, "rate_hz": p.rate_hz,
             "flow_ml_per_min": p.flow_ml_min, "volume_total_ml": p.volume_total_ml,
             "points": [_point_dict(q, i + 1) for i, q in enumerate(p.points)]}
            for p in doc.programs
        ],
    }


def seal(body: bytes) -> bytes:
    """``body`` (JSON text ending in ``\\n}``) with the content_sha256 seal line."""
    if not body.endswith(b"\n}"):
        raise ValueError("a program body must be JSON ending in a newline and }")
    prefix = body[:-2]
    return prefix + SEAL_HEAD + hashlib.sha256(prefix).hexdigest().encode() + SEAL_TAIL


def encode_program(doc: DeviceProgram) -> bytes:
    """The sealed file bytes: indented JSON, one line per point."""
    data = program_to_dict(doc)
    token = uuid.uuid4().hex
    compact = {}
    for k, prog in enumerate(data["programs"]):
        for j, q in enumerate(prog["points"]):
            key = f"@@{token}-{k}-{j}@@"
            compact[key], prog["points"][j] = json.dumps(q, separators=(",", ":"), ensure_ascii=False, allow_nan=False), key
    text = json.dumps(data, indent=1, ensure_ascii=False, allow_nan=False)
    for key, line in compact.items():
        text = text.replace(f'"{key}"', line, 1)
    return seal(text.encode("utf-8"))


def build_device_program(plan: Plan, surface: PaintingSurface, profile: DeviceProfile, *,
                         modes: Mapping[str, str] | None = None, rate_hz: float | None = None,
                         flow_ml_min: float | None = None, max_change: float | None = None,
                         ) -> tuple[bytes, DeviceProgram, DeviceExportReport]:
    """(file bytes, program, report) for ``plan`` on ``profile``; nothing is written.

    modes : zone id or name -> "single" | "multi" | "continuous" (default: from the technique).
    rate_hz, flow_ml_min : for every program (default: the profile's defaults).
    max_change : largest relative change rounding may make to a depth or volume (default 10 %).
    Raises ExportError (grid missing or stale) or DeviceValidationError (every violation).
    """
    programs, roundings, notes = fit_plan(plan, surface, profile, modes=modes, rate_hz=rate_hz,
                                          flow_ml_min=flow_ml_min, max_change=max_change)
    h = plan.header
    doc = DeviceProgram(
        device_id=profile.id, device_name=profile.name, device_example=profile.example,
        profile_sha256=profile_sha256(profile), plan_id=plan_id(plan), plan_sha256=plan_sha256(plan),
        patient_ref=h.patient_ref, date=h.date, session_number=h.session_number, body_id=plan.body.body_id,
        programs=tuple(programs), app=f"mesomap {__version__}")
    data = encode_program(doc)
    digest = data[-SEAL_LENGTH + len(SEAL_HEAD):-len(SEAL_TAIL)].decode()
    doc = replace(doc, content_sha256=digest)
    report = DeviceExportReport(
        profile_id=profile.id, profile_name=profile.name, example=profile.example, programs=len(programs),
        shots=doc.shots, volume_ml=doc.volume_ml, roundings=tuple(roundings), notes=tuple(notes),
        content_sha256=digest, plan_id=doc.plan_id, plan_sha256=doc.plan_sha256)
    return data, doc, report


def write_device_program(plan: Plan, surface: PaintingSurface, out: str | Path, profile: DeviceProfile,
                         **options) -> tuple[Path, DeviceExportReport]:
    """Validate, then write the sealed program atomically (nothing is written when anything fails).

    ``options`` are those of :func:`build_device_program`.
    """
    data, _, report = build_device_program(plan, surface, profile, **options)
    out = Path(out)
    with atomic_path(out) as tmp:
        tmp.write_bytes(data)
    return out, report


# -- reading -----------------------------------------------------------------------------------

class _Reader(JsonReader):
    def fail(self, where: str, problem: Message):
        super().fail(where.lstrip("."), problem)


def seal_digits(data: bytes) -> str | None:
    """The 64 hex digits of the seal line that ends ``data``, or None when it does not end with one (not verified)."""
    m = _SEAL.search(data[-SEAL_LENGTH:]) if len(data) >= SEAL_LENGTH else None
    return m.group(1).decode() if m else None


def verify_seal(data: bytes, source: str = "program") -> str:
    """The program's SHA-256 (its seal, the name shown everywhere) of sealed program bytes, or
    DeviceProgramError if the seal is missing or does not match the bytes before it."""
    claimed = seal_digits(data)
    if claimed is None:
        raise DeviceProgramError(PROGRAM_NOT_SEALED(file=source))
    actual = hashlib.sha256(data[:-SEAL_LENGTH]).hexdigest()
    if actual != claimed:
        raise DeviceProgramError(PROGRAM_SEAL_MISMATCH(file=source, expected=claimed[:12], found=actual[:12]))
    return claimed


def _vector(value, r: JsonReader, where: str) -> tuple[float, float, float]:
    v = r.lst(value, where)
    if len(v) != 3:
        r.fail(where, EXPECTED_THREE_NUMBERS())
    return tuple(r.number({"v": x}, "v", f"{where}[{k}]") for k, x in enumerate(v))


def _program(d: dict, r: JsonReader, where: str, number: int) -> Program:
    if r.integer(d, "number", where) != number:
        r.fail(f"{where}.number", PROGRAM_NUMBER_EXPECTED(number=number))
    mode = r.choice(d, "mode", where, tuple(MODES), "single")
    source = r.choice(d, "source", where, ("zone", "reflex"), "zone")
    rate = None if d.get("rate_hz") is None else r.number(d, "rate_hz", where)
    flow = None if d.get("flow_ml_per_min") is None else r.number(d, "flow_ml_per_min", where)
    if mode == "continuous" and (flow is None or rate is not None):
        r.fail(where, CONTINUOUS_NEEDS_FLOW())
    if mode != "continuous" and (rate is None or flow is not None):
        r.fail(where, MODE_NEEDS_RATE(mode=mode))
    gauge = None if d.get("needle_gauge") is None else r.integer(d, "needle_gauge", where)
    points = []
    for j, q in enumerate(r.lst(d.get("points"), f"{where}.points")):
        here = f"{where}.points[{j}]"
        q = r.obj(q, here)
        if r.integer(q, "n", here) != j + 1:
            r.fail(f"{here}.n", NUMBER_EXPECTED(number=j + 1))
        bary = _vector(q.get("barycentric"), r, f"{here}.barycentric")
        points.append(ProgramPoint(r.integer(q, "order", here), _vector(q.get("position_mm"), r, f"{here}.position_mm"),
                                   _vector(q.get("normal"), r, f"{here}.normal"), r.integer(q, "face", here), bary,
                                   r.text(q, "label", here, "", 200)))
    program = Program(
        number=number, name=r.text(d, "name", where, max_len=10_000), source=source,
        zone_id=r.text(d, "zone_id", where, "", 100), technique=r.text(d, "technique", where, max_len=10),
        mode=mode, needle_mm=r.number(d, "needle_mm", where), needle_gauge=gauge,
        depth_mm=r.number(d, "depth_mm", where), volume_per_shot_ml=r.number(d, "volume_per_shot_ml", where),
        rate_hz=rate, flow_ml_min=flow, points=tuple(points))
    if r.integer(d, "shots", where) != program.shots:
        r.fail(f"{where}.shots", SHOTS_DIFFER(says=d["shots"], listed=program.shots))
    for name, value in (("depth_mm", program.depth_mm), ("needle_mm", program.needle_mm),
                        ("volume_per_shot_ml", program.volume_per_shot_ml)):
        if not value > 0:
            r.fail(f"{where}.{name}", NOT_POSITIVE(value=value))
    if program.depth_mm > program.needle_mm + 1e-9:
        r.fail(f"{where}.depth_mm", DEPTH_EXCEEDS_NEEDLE(depth_mm=program.depth_mm, needle_mm=program.needle_mm))
    return program


def parse_device_program(data: bytes, source: str = "program") -> DeviceProgram:
    """Verify the seal, then read and check every field; DeviceProgramError names the field."""
    if len(data) > MAX_PROGRAM_BYTES:
        raise DeviceProgramError(FILE_TOO_LARGE(file=source, size=file_size_text(MAX_PROGRAM_BYTES),
                                                what=file_kind("device program")))
    digest = verify_seal(data, source)
    raw = parse_json_bytes(data, source, DeviceProgramError, "device program")
    r = _Reader(source, DeviceProgramError)
    raw = r.obj(raw, "file")
    r.schema(raw, SCHEMA, "mesomap device program")
    check(raw, DEVICE_PROGRAM_SCHEMA, source, DeviceProgramError)  # structure, units; meaning is checked below
    if raw.get("content_sha256") != digest:
        r.fail("content_sha256", SEAL_FIELD_DIFFERS())
    dev = r.obj(raw.get("device"), "device")
    plan = r.obj(raw.get("plan"), "plan")
    example = dev.get("example", False)
    programs = tuple(_program(r.obj(p, f"programs[{i}]"), r, f"programs[{i}]", i + 1)
                     for i, p in enumerate(r.lst(raw.get("programs"), "programs")))
    orders = [q.order for p in programs for q in p.points]
    if len(set(orders)) != len(orders):
        r.fail("programs", ORDER_USED_TWICE())
    doc = DeviceProgram(
        device_id=r.text(dev, "id", "device", max_len=64), device_name=r.text(dev, "name", "device", max_len=200),
        device_example=example, profile_sha256=r.text(dev, "profile_sha256", "device", "", 64),
        plan_id=r.text(plan, "id", "plan", max_len=100), plan_sha256=r.text(plan, "sha256", "plan", max_len=64),
        patient_ref=r.text(plan, "patient_ref", "plan", "", 10_000), date=r.text(plan, "date", "plan", "", 20),
        session_number=r.integer(plan, "session_number", "plan", 1), body_id=r.text(plan, "body_id", "plan", "", 100),
        programs=programs, content_sha256=digest, app=r.text(raw, "app", "", "", 100))
    if doc.date and not _DATE.fullmatch(doc.date):
        r.fail("plan.date", NOT_A_DATE_OR_EMPTY(value=quoted(doc.date)))
    totals = r.obj(raw.get("totals"), "totals")
    if r.integer(totals, "programs", "totals") != len(programs) or r.integer(totals, "shots", "totals") != doc.shots:
        r.fail("totals", TOTALS_DIFFER())
    return doc


def read_device_program(path: str | Path) -> DeviceProgram:
    """Read and verify a program file (seal, schema, every field); DeviceProgramError if refused."""
    path = Path(path)
    return parse_device_program(read_file_bytes(path, MAX_PROGRAM_BYTES, DeviceProgramError, "device program"),
                                path.name)
