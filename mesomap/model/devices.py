"""Injection devices ("guns") as values, and fitting a plan's programs to one.

A :class:`DeviceProfile` says what a gun can be set to: its modes, the depth
and volume-per-shot ranges and steps, the needles it takes, how many shots a
program and how many programs it holds. :func:`fit_programs` turns what the
plan asks for (:class:`ProgramRequest`, one per zone and per group of reflex
points) into device :class:`Program` values rounded to the device's steps,
listing every :class:`Rounding` and every :class:`Violation`.

Nothing here reads files or talks to devices (that is ``mesomap.io.device_*``).
Clinical choices are editable defaults: the mode a technique maps to
(:data:`MODE_FOR_TECHNIQUE`), and how far rounding may move a depth or a volume
before it counts as a change of plan (:data:`MAX_ROUNDING_CHANGE`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import ROUND_CEILING, Decimal

from mesomap.model.techniques import NEEDLE_LENGTH_MM

#: Device modes: wire name -> the words on the gun.
MODES: dict[str, str] = {
    "single": "single shot",
    "multi": "multi-shot / nappage",
    "continuous": "continuous / mesoperfusion",
}

#: Editable default: the mode each technique is given unless the user picks another.
MODE_FOR_TECHNIQUE: dict[str, str] = {
    "IED": "multi",  # dense lines or nappage, shallow
    "NAP": "multi",
    "IDS": "single",
    "IDP": "single",
    "PPP": "single",
    "MIX": "single",
}

#: Rounding to a device step may move a depth or a volume by at most this fraction of the
#: planned value; a larger move is a change of plan the clinician must make, so it is refused.
MAX_ROUNDING_CHANGE = 0.10

_EPS = 1e-9


def _dec(x: float) -> Decimal:
    return Decimal(repr(float(x)))


@dataclass(frozen=True)
class StepRange:
    """An inclusive range ``[low, high]`` settable in steps of ``step`` counted from ``low``."""

    low: float
    high: float
    step: float
    unit: str

    def snap(self, value: float) -> float:
        """The nearest settable value; an exact tie goes to the lower one (less depth, less volume).

        Values outside the range snap to the nearest step beyond it, never clamp:
        whether they fit is :meth:`contains`'s question.
        """
        x = (_dec(value) - _dec(self.low)) / _dec(self.step)
        k = (x - Decimal("0.5")).to_integral_value(rounding=ROUND_CEILING)  # ties: the lower step
        return float(_dec(self.low) + k * _dec(self.step))

    def contains(self, value: float) -> bool:
        return self.low - _EPS <= value <= self.high + _EPS

    def on_step(self, value: float) -> bool:
        return self.contains(value) and abs(self.snap(value) - value) <= _EPS

    def describe(self) -> str:
        return f"{self.low:g}–{self.high:g} {self.unit} in steps of {self.step:g} {self.unit}"


@dataclass(frozen=True)
class DeviceProfile:
    """What one injector can be set to. ``example`` profiles are illustrations, not vendor specs."""

    id: str
    name: str
    modes: tuple[str, ...]
    depth_mm: StepRange
    volume_ml: StepRange
    needle_lengths_mm: tuple[float, ...]
    max_shots_per_program: int
    max_programs: int
    rate_hz: StepRange | None = None  # shots per second (single and multi modes)
    default_rate_hz: float | None = None
    flow_ml_min: StepRange | None = None  # continuous mode
    default_flow_ml_min: float | None = None
    example: bool = False
    notes: str = ""
    source: str = field(default="", compare=False)  # the file it came from, for messages

    def errors(self) -> list[str]:
        """Plain sentences for anything that makes the profile unusable (empty when valid)."""
        out = []
        if not self.modes:
            out.append("modes: at least one mode is needed")
        out += [f"modes: {m!r} is not one of {', '.join(MODES)}" for m in self.modes if m not in MODES]
        ranges = [("depth_mm", self.depth_mm), ("volume_per_shot_ml", self.volume_ml),
                  ("rate_hz", self.rate_hz), ("flow_ml_per_min", self.flow_ml_min)]
        for name, r in ranges:
            if r is None:
                continue
            if not (r.step > 0 and 0 < r.low <= r.high):
                out.append(f"{name}: needs 0 < min <= max and step > 0 (found {r.low:g}, {r.high:g}, {r.step:g})")
            elif not r.on_step(r.high):
                out.append(f"{name}: max {r.high:g} is not min {r.low:g} plus whole steps of {r.step:g}")
        if any(m in self.modes for m in ("single", "multi")):
            if self.rate_hz is None or self.default_rate_hz is None:
                out.append("rate_hz: single and multi-shot modes need a shot rate range with a default")
            elif not self.rate_hz.on_step(self.default_rate_hz):
                out.append(f"rate_hz.default: {self.default_rate_hz:g} is not a settable rate ({self.rate_hz.describe()})")
        if "continuous" in self.modes:
            if self.flow_ml_min is None or self.default_flow_ml_min is None:
                out.append("flow_ml_per_min: continuous mode needs a flow range with a default")
            elif not self.flow_ml_min.on_step(self.default_flow_ml_min):
                out.append(f"flow_ml_per_min.default: {self.default_flow_ml_min:g} is not a settable flow "
                           f"({self.flow_ml_min.describe()})")
        if not self.needle_lengths_mm:
            out.append("needle_lengths_mm: at least one needle length is needed")
        lo, hi = NEEDLE_LENGTH_MM
        out += [f"needle_lengths_mm: {n:g} mm is not a needle length ({lo:g}–{hi:g} mm)"
                for n in self.needle_lengths_mm if not lo <= n <= hi]
        if self.max_shots_per_program < 1:
            out.append(f"max_shots_per_program: {self.max_shots_per_program} must be at least 1")
        if self.max_programs < 1:
            out.append(f"max_programs: {self.max_programs} must be at least 1")
        return out

    def offers_needle(self, length_mm: float) -> bool:
        return any(abs(n - length_mm) <= 1e-6 for n in self.needle_lengths_mm)

    def shortest_needle_for(self, depth_mm: float) -> float | None:
        fits = [n for n in self.needle_lengths_mm if n + _EPS >= depth_mm]
        return min(fits) if fits else None

    def describe_modes(self) -> str:
        return ", ".join(MODES.get(m, m) for m in self.modes)


@dataclass(frozen=True)
class ProgramPoint:
    """One shot: ``order`` is the plan-wide injection order (1-based); position in mm, unit normal.

    ``face``/``barycentric`` place it on the plan's painting surface; ``label``
    names reflex points ("ST36 left"), empty for grid points.
    """

    order: int
    position_mm: tuple[float, float, float]
    normal: tuple[float, float, float]
    face: int
    barycentric: tuple[float, float, float]
    label: str = ""


@dataclass(frozen=True)
class ProgramRequest:
    """What the plan asks of one program before it meets a device (values as planned).

    ``needle_mm`` None means "the shortest needle of the device that reaches the
    depth" (reflex points carry no needle). ``labels`` name the points behind it
    in messages; ``where`` names the request ("zone 'Abdomen'").
    """

    name: str
    source: str  # "zone" | "reflex"
    zone_id: str
    technique: str
    mode: str
    mode_from: str  # how the mode was chosen, for messages: "technique IDP", "--mode"
    needle_mm: float | None
    needle_gauge: int | None
    depth_mm: float
    volume_ml: float
    points: tuple[ProgramPoint, ...]
    where: str


@dataclass(frozen=True)
class Program:
    """One device program: settings, and the shots in the order they are given.

    ``rate_hz`` (shots per second) is set for single and multi modes,
    ``flow_ml_min`` for continuous mode; the other is None.
    """

    number: int
    name: str
    source: str
    zone_id: str
    technique: str
    mode: str
    needle_mm: float
    needle_gauge: int | None
    depth_mm: float
    volume_per_shot_ml: float
    rate_hz: float | None
    flow_ml_min: float | None
    points: tuple[ProgramPoint, ...]

    @property
    def shots(self) -> int:
        return len(self.points)

    @property
    def volume_total_ml(self) -> float:
        return round(self.shots * self.volume_per_shot_ml, 6)


@dataclass(frozen=True)
class Violation:
    """A value the device cannot take: where (zone/point), which field, and the allowed range in ``message``."""

    where: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class Rounding:
    """A planned value moved to the device's step."""

    where: str
    field: str
    planned: float
    rounded: float
    unit: str
    step: float

    @property
    def change(self) -> float:
        """Relative change (0.05 = 5 %)."""
        return abs(self.rounded - self.planned) / abs(self.planned) if self.planned else math.inf

    def __str__(self) -> str:
        return (f"{self.where}: {self.field} {self.planned:g} {self.unit} rounded to {self.rounded:g} {self.unit} "
                f"(device step {self.step:g} {self.unit}, {self.change * 100:.1f}% change)")


_FIELD_WORDS = {"depth_mm": "depth", "volume_per_shot_ml": "volume per shot", "rate_hz": "shot rate",
                "flow_ml_min": "flow"}


def _round_value(where: str, field_name: str, value: float, r: StepRange, max_change: float | None,
                 roundings: list[Rounding], violations: list[Violation]) -> float | None:
    """``value`` snapped to ``r``; None (and a violation) when it does not fit."""
    words = _FIELD_WORDS[field_name]
    if not r.contains(value):
        violations.append(Violation(where, field_name, f"{words} {value:g} {r.unit} is outside the device's range "
                                                       f"{r.describe()}"))
        return None
    snapped = r.snap(value)
    if snapped > r.high + _EPS:  # a value just below high can snap above it when high is off-step
        snapped = float(_dec(snapped) - _dec(r.step))
    if abs(snapped - value) <= _EPS:
        return value
    rounding = Rounding(where, words, value, snapped, r.unit, r.step)
    if max_change is not None and rounding.change > max_change + _EPS:
        violations.append(Violation(where, field_name, (
            f"{words} {value:g} {r.unit} is not settable: the nearest step is {snapped:g} {r.unit}, "
            f"a {rounding.change * 100:.0f}% change (at most {max_change * 100:.0f}% is rounded silently); "
            f"plan a value on the device's steps ({r.describe()})")))
        return None
    roundings.append(rounding)
    return snapped


def fit_programs(requests: Iterable[ProgramRequest], profile: DeviceProfile, *, rate_hz: float | None = None,
                 flow_ml_min: float | None = None, max_change: float | None = MAX_ROUNDING_CHANGE,
                 ) -> tuple[list[Program], list[Rounding], list[Violation]]:
    """Programs for ``profile`` from ``requests`` (in order), with every rounding and violation.

    Programs are numbered from 1. When the violation list is not empty the
    programs must not be used (some settings in them are missing or unchecked).
    """
    programs: list[Program] = []
    roundings: list[Rounding] = []
    violations: list[Violation] = []
    rate = profile.default_rate_hz if rate_hz is None else rate_hz
    flow = profile.default_flow_ml_min if flow_ml_min is None else flow_ml_min
    for req in requests:
        where = req.where
        bad_before = len(violations)
        if req.mode not in MODES:
            violations.append(Violation(where, "mode", f"mode {req.mode!r} is unknown; use one of {', '.join(MODES)}"))
        elif req.mode not in profile.modes:
            violations.append(Violation(where, "mode", (
                f"mode {MODES[req.mode]} (from {req.mode_from}) is not offered by {profile.name}; "
                f"it offers {profile.describe_modes()}")))
        depth = _round_value(where, "depth_mm", req.depth_mm, profile.depth_mm, max_change, roundings, violations)
        volume = _round_value(where, "volume_per_shot_ml", req.volume_ml, profile.volume_ml, max_change,
                              roundings, violations)
        needles = ", ".join(f"{n:g}" for n in profile.needle_lengths_mm)
        needle = req.needle_mm
        if needle is None:
            needle = profile.shortest_needle_for(depth if depth is not None else req.depth_mm)
            if needle is None:
                violations.append(Violation(where, "needle_mm", (
                    f"depth {req.depth_mm:g} mm is deeper than the longest needle {profile.name} takes "
                    f"({needles} mm)")))
        elif not profile.offers_needle(needle):
            violations.append(Violation(where, "needle_mm", f"needle {needle:g} mm is not offered by {profile.name}; "
                                                            f"it takes {needles} mm"))
            needle = None
        if needle is not None:
            deepest = depth if depth is not None else req.depth_mm
            if deepest > needle + _EPS:
                violations.append(Violation(where, "depth_mm", (
                    f"depth {deepest:g} mm is deeper than the {needle:g} mm needle: at most {needle:g} mm")))
        shots = len(req.points)
        if shots > profile.max_shots_per_program:
            violations.append(Violation(where, "shots", (
                f"{shots} shots, but {profile.name} holds at most {profile.max_shots_per_program} per program "
                f"(points {profile.max_shots_per_program + 1}–{shots} do not fit); split the zone or widen the spacing")))
        r_hz = r_flow = None
        if req.mode in ("single", "multi") and req.mode in profile.modes and profile.rate_hz is not None:
            r_hz = _round_value(where, "rate_hz", rate, profile.rate_hz, None, roundings, violations)
        elif req.mode == "continuous" and "continuous" in profile.modes and profile.flow_ml_min is not None:
            r_flow = _round_value(where, "flow_ml_min", flow, profile.flow_ml_min, None, roundings, violations)
        if len(violations) == bad_before:
            programs.append(Program(
                number=len(programs) + 1, name=req.name, source=req.source, zone_id=req.zone_id,
                technique=req.technique, mode=req.mode, needle_mm=float(needle), needle_gauge=req.needle_gauge,
                depth_mm=float(depth), volume_per_shot_ml=float(volume), rate_hz=r_hz, flow_ml_min=r_flow,
                points=req.points))
    return programs, roundings, violations


def program_count_violation(n_programs: int, profile: DeviceProfile) -> Violation | None:
    """A violation when ``n_programs`` is more than the device stores."""
    if n_programs <= profile.max_programs:
        return None
    return Violation("plan", "programs", (
        f"{n_programs} programs (one per zone and per reflex-point setting), but {profile.name} stores at most "
        f"{profile.max_programs}; export fewer zones at a time"))


def merge_reflex_programs(programs: Iterable[Program]) -> list[Program]:
    """Reflex-point programs with the same settings merged into one (first appearance keeps its place), renumbered."""
    out: list[Program] = []
    index: dict[tuple, int] = {}
    for p in programs:
        if p.source != "reflex":
            out.append(p)
            continue
        key = (p.mode, p.needle_mm, p.needle_gauge, p.depth_mm, p.volume_per_shot_ml, p.rate_hz, p.flow_ml_min)
        if key in index:
            first = out[index[key]]
            out[index[key]] = replace(first, points=first.points + p.points)
        else:
            index[key] = len(out)
            out.append(replace(p, name=f"Reflex points {p.depth_mm:g} mm {p.volume_per_shot_ml:g} ml", zone_id=""))
    return [replace(p, number=i + 1) for i, p in enumerate(out)]


def program_errors(programs: Iterable[Program], profile: DeviceProfile) -> list[str]:
    """What a device with ``profile`` would refuse in already-fitted programs (the device's own check)."""
    out = []
    programs = list(programs)
    for p in programs:
        where = f"program {p.number} ({p.name})"
        if p.mode not in profile.modes:
            out.append(f"{where}: mode {p.mode!r} is not offered")
        for name, value, r in (("depth_mm", p.depth_mm, profile.depth_mm),
                               ("volume_per_shot_ml", p.volume_per_shot_ml, profile.volume_ml),
                               ("rate_hz", p.rate_hz, profile.rate_hz), ("flow_ml_min", p.flow_ml_min, profile.flow_ml_min)):
            if value is None:
                continue
            if r is None or not r.on_step(value):
                out.append(f"{where}: {name} {value:g} is not settable ({r.describe() if r else 'not offered'})")
        if not profile.offers_needle(p.needle_mm):
            out.append(f"{where}: needle {p.needle_mm:g} mm is not offered")
        if p.depth_mm > p.needle_mm + _EPS:
            out.append(f"{where}: depth {p.depth_mm:g} mm is deeper than the {p.needle_mm:g} mm needle")
        if p.shots > profile.max_shots_per_program:
            out.append(f"{where}: {p.shots} shots, but {profile.name} holds at most {profile.max_shots_per_program} "
                       "per program")
        if (p.mode == "continuous") != (p.flow_ml_min is not None) or (p.mode != "continuous") != (p.rate_hz is not None):
            out.append(f"{where}: mode {p.mode} needs {'flow_ml_min' if p.mode == 'continuous' else 'rate_hz'} only")
    if len(programs) > profile.max_programs:
        out.append(f"{len(programs)} programs, but {profile.name} stores at most {profile.max_programs}")
    return out


def mode_for(technique: str, zone_keys: Iterable[str], overrides: Mapping[str, str] | None) -> tuple[str, str]:
    """(mode, how it was chosen) for a zone: an override naming one of ``zone_keys`` (its id, name or
    template id; case does not matter), else the technique's default."""
    folded = {k.casefold(): v for k, v in (overrides or {}).items()}
    for key in zone_keys:
        if key and key.casefold() in folded:
            return folded[key.casefold()], "the chosen mode"
    return MODE_FOR_TECHNIQUE.get(technique, "single"), f"technique {technique}"
