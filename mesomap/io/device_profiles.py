"""Device profiles: ``assets/devices/*.json`` and the user's own in ``<data dir>/devices``.

A profile file (schema ``mesomap-device-profile/1``)::

    {"@schema": "mesomap-device-profile/1",
     "name": "Generic injector",          # shown to the user
     "example": false,                     # true: an illustration, not a vendor's specification
     "notes": "...",
     "modes": ["single", "multi", "continuous"],
     "depth_mm": {"min": 0.1, "max": 13, "step": 0.1},
     "volume_per_shot_ml": {"min": 0.005, "max": 1, "step": 0.005},
     "needle_lengths_mm": [4, 6, 13],
     "rate_hz": {"min": 0.5, "max": 10, "step": 0.5, "default": 2},            # single/multi modes
     "flow_ml_per_min": {"min": 0.1, "max": 5, "step": 0.1, "default": 0.5},   # continuous mode
     "max_shots_per_program": 1000,
     "max_programs": 99}

The profile's id is its file name without ``.json`` (``generic.json`` -> ``generic``).
A user file with the id of a bundled one replaces it. The structure is checked
against ``mesomap/schemas/mesomap-device-profile-1.schema.json`` (jsonschema),
the meaning (ranges on whole steps, needle lengths) here. Every problem is a
:class:`DeviceProfileError` naming the file and the field.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

from mesomap.io.assets import assets_dir
from mesomap.io.device_errors import DeviceProfileError
from mesomap.io.json_reader import FIELD_MISSING, JsonReader, parse_json_bytes, quoted, read_file_bytes
from mesomap.io.schema_check import DEVICE_PROFILE_SCHEMA, check
from mesomap.model.device_messages import AT_LEAST_ONE, NEEDLE_LENGTH_ABSURD
from mesomap.model.devices import MODES, DeviceProfile, StepRange
from mesomap.model.messages import Kind, Message
from mesomap.model.techniques import NEEDLE_LENGTH_MM

SCHEMA = "mesomap-device-profile/1"
MAX_PROFILE_BYTES = 1_000_000
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")

PROFILE_PROBLEM = Kind("profile_problem", "file", "problem")
RANGE_MALFORMED_NAMED = Kind("range_malformed_named", "low", "high", "step")
MAX_OFF_STEP = Kind("max_off_step", "low", "high", "step")
STEP_VALUE_NOT_SETTABLE = Kind("step_value_not_settable", "value", "range")
PROFILE_ID_MALFORMED = Kind("profile_id_malformed", "profile_id")
NO_SUCH_PROFILE = Kind("no_such_profile", "profile_id", "known", "path")


def bundled_dir() -> Path:
    return assets_dir() / "devices"


def user_dir() -> Path:
    """``$MESOMAP_DATA_DIR/devices`` if set, else the platform's user data dir + ``/devices``."""
    base = os.environ.get("MESOMAP_DATA_DIR")
    if not base:
        from platformdirs import user_data_dir

        base = user_data_dir("mesomap", appauthor=False)
    return Path(base) / "devices"


class _Reader(JsonReader):
    """Top-level fields are named bare (``name``, not ``.name``)."""

    def fail(self, where: str, problem: Message):
        super().fail(where.lstrip("."), problem)


def _range(d: dict, key: str, r: JsonReader, unit: str, with_default: bool) -> tuple[StepRange, float | None]:
    where = key
    if key not in d:  # rate_hz for single/multi modes, flow_ml_per_min for continuous
        r.fail(where, FIELD_MISSING())
    body = d[key]  # an object with numbers min, max, step (the schema)
    low, high, step = (r.number(body, k, where) for k in ("min", "max", "step"))
    if not (step > 0 and 0 < low <= high):
        r.fail(where, RANGE_MALFORMED_NAMED(low=low, high=high, step=step))
    rng = StepRange(low, high, step, unit)
    if not rng.on_step(high):
        r.fail(f"{where}.max", MAX_OFF_STEP(low=low, high=high, step=step))
    default = None
    if with_default:
        default = r.number(body, "default", where)
        if not rng.on_step(default):
            r.fail(f"{where}.default", STEP_VALUE_NOT_SETTABLE(value=default, range=rng.message))
    return rng, default


def profile_from_dict(data, profile_id: str, source: str) -> DeviceProfile:
    """Validate and build a profile; ``source`` names the file in errors."""
    r = _Reader(source, DeviceProfileError)
    data = r.obj(data, "file")
    r.schema(data, SCHEMA, "mesomap device profile")
    check(data, DEVICE_PROFILE_SCHEMA, source, DeviceProfileError)
    if not _ID.match(profile_id):
        r.fail("file name", PROFILE_ID_MALFORMED(profile_id=quoted(profile_id)))
    name = r.text(data, "name", "", max_len=200)
    example = data.get("example", False)
    modes = data["modes"]  # one or more of MODES, each once (the schema)
    depth, _ = _range(data, "depth_mm", r, "mm", False)
    volume, _ = _range(data, "volume_per_shot_ml", r, "ml", False)
    rate = flow = rate_default = flow_default = None
    if "rate_hz" in data or any(m in modes for m in ("single", "multi")):
        rate, rate_default = _range(data, "rate_hz", r, "shots/s", True)
    if "flow_ml_per_min" in data or "continuous" in modes:
        flow, flow_default = _range(data, "flow_ml_per_min", r, "ml/min", True)
    needles = []
    for i, n in enumerate(data["needle_lengths_mm"]):  # a list of one or more numbers (the schema)
        value = r.number({f"needle_lengths_mm[{i}]": n}, f"needle_lengths_mm[{i}]", "")
        lo, hi = NEEDLE_LENGTH_MM
        if not lo <= value <= hi:
            r.fail(f"needle_lengths_mm[{i}]", NEEDLE_LENGTH_ABSURD(length_mm=value, low_mm=lo, high_mm=hi))
        needles.append(value)
    max_shots = r.integer(data, "max_shots_per_program", "")
    max_programs = r.integer(data, "max_programs", "")
    if max_shots < 1:
        r.fail("max_shots_per_program", AT_LEAST_ONE(value=max_shots))
    if max_programs < 1:
        r.fail("max_programs", AT_LEAST_ONE(value=max_programs))
    profile = DeviceProfile(
        id=profile_id, name=name, modes=tuple(modes), depth_mm=depth, volume_ml=volume,
        needle_lengths_mm=tuple(sorted(set(needles))), max_shots_per_program=max_shots, max_programs=max_programs,
        rate_hz=rate, default_rate_hz=rate_default, flow_ml_min=flow, default_flow_ml_min=flow_default,
        example=example, notes=r.text(data, "notes", "", "", 5000), source=source,
    )
    errors = profile.errors()
    if errors:
        raise DeviceProfileError(PROFILE_PROBLEM(file=source, problem=errors[0]))
    return profile


def load_profile(path: str | Path) -> DeviceProfile:
    """Read one profile file; any problem is a DeviceProfileError naming the file and field."""
    path = Path(path)
    name = str(path)
    raw = read_file_bytes(path, MAX_PROFILE_BYTES, DeviceProfileError, "device profile", name=name)
    data = parse_json_bytes(raw, name, DeviceProfileError, "device profile")
    stem = path.name[:-5] if path.name.endswith(".json") else path.stem
    return profile_from_dict(data, stem, name)


def profile_paths(user: Path | None = None) -> dict[str, Path]:
    """Profile id -> file, bundled first, then the user's (which replace bundled ones of the same id)."""
    found: dict[str, Path] = {}
    for folder in (bundled_dir(), user if user is not None else user_dir()):
        if folder.is_dir():
            for f in sorted(folder.glob("*.json")):
                found[f.name[:-5]] = f
    return found


def list_profiles(user: Path | None = None) -> tuple[list[DeviceProfile], list[str]]:
    """(every usable profile, one line per profile file that could not be read)."""
    profiles, problems = [], []
    for path in profile_paths(user).values():
        try:
            profiles.append(load_profile(path))
        except DeviceProfileError as err:
            problems.append(str(err))
    return profiles, problems


def find_profile(key: str, user: Path | None = None) -> DeviceProfile:
    """A profile by id (bundled or the user's), or by the path of a ``.json`` file."""
    if key.endswith(".json") or os.sep in key or "/" in key:
        return load_profile(key)
    paths = profile_paths(user)
    if key not in paths:
        known = ", ".join(sorted(paths)) or "none"
        raise DeviceProfileError(NO_SUCH_PROFILE(profile_id=quoted(key), known=known,
                                                 path=f"{user if user is not None else user_dir()}/{key}.json"))
    return load_profile(paths[key])


def profile_sha256(profile: DeviceProfile) -> str:
    """A hash of everything the profile says (not where it came from)."""
    def rng(r):
        return None if r is None else [r.low, r.high, r.step]

    body = [profile.id, profile.name, list(profile.modes), rng(profile.depth_mm), rng(profile.volume_ml),
            list(profile.needle_lengths_mm), profile.max_shots_per_program, profile.max_programs,
            rng(profile.rate_hz), profile.default_rate_hz, rng(profile.flow_ml_min), profile.default_flow_ml_min,
            profile.example]
    return hashlib.sha256(json.dumps(body, separators=(",", ":")).encode()).hexdigest()
