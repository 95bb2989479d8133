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

from mesomap.model import device_messages as dm
from mesomap.model.messages import Message
from mesomap.model.plan import DEPTH_EXCEEDS_NEEDLE
from mesomap.model.techniques import NEEDLE_LENGTH_MM, choice_error, quantity

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

    @property
    def message(self) -> Message:
        """E.g. ``0.5–13 mm in steps of 0.1 mm``."""
        return dm.STEP_RANGE(low=self.low, high=self.high, unit=self.unit, step=self.step)

    def describe(self) -> str:
        return self.message.text()


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

    def errors(self) -> list[Message]:
        """A message (``field: problem``) for anything that makes the profile unusable (empty when valid)."""
        out = []
        if not self.modes:
            out.append(("modes", dm.MODE_NEEDED()))
        out += [("modes", dm.MODE_NOT_KNOWN(mode=m, modes=", ".join(MODES))) for m in self.modes if m not in MODES]
        ranges = [("depth_mm", self.depth_mm), ("volume_per_shot_ml", self.volume_ml),
                  ("rate_hz", self.rate_hz), ("flow_ml_per_min", self.flow_ml_min)]
        for name, r in ranges:
            if r is None:
                continue
            if not (r.step > 0 and 0 < r.low <= r.high):
                out.append((name, dm.RANGE_MALFORMED(low=r.low, high=r.high, step=r.step)))
            elif not r.on_step(r.high):
                out.append((name, dm.RANGE_MAX_OFF_STEP(low=r.low, high=r.high, step=r.step)))
        if any(m in self.modes for m in ("single", "multi")):
            if self.rate_hz is None or self.default_rate_hz is None:
                out.append(("rate_hz", dm.RATE_RANGE_NEEDED()))
            elif not self.rate_hz.on_step(self.default_rate_hz):
                out.append(("rate_hz.default", dm.RATE_NOT_SETTABLE(rate_hz=self.default_rate_hz,
                                                                 range=self.rate_hz.message)))
        if "continuous" in self.modes:
            if self.flow_ml_min is None or self.default_flow_ml_min is None:
                out.append(("flow_ml_per_min", dm.FLOW_RANGE_NEEDED()))
            elif not self.flow_ml_min.on_step(self.default_flow_ml_min):
                out.append(("flow_ml_per_min.default", dm.FLOW_NOT_SETTABLE(flow_ml_min=self.default_flow_ml_min,
                                                                         range=self.flow_ml_min.message)))
        if not self.needle_lengths_mm:
            out.append(("needle_lengths_mm", dm.NEEDLE_NEEDED()))
        lo, hi = NEEDLE_LENGTH_MM
        out += [("needle_lengths_mm", dm.NEEDLE_LENGTH_ABSURD(length_mm=n, low_mm=lo, high_mm=hi))
                for n in self.needle_lengths_mm if not lo <= n <= hi]
        if self.max_shots_per_program < 1:
            out.append(("max_shots_per_program", dm.AT_LEAST_ONE(value=self.max_shots_per_program)))
        if self.max_programs < 1:
            out.append(("max_programs", dm.AT_LEAST_ONE(value=self.max_programs)))
        return [dm.PROFILE_FIELD(field=name, problem=problem) for name, problem in out]

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
    mode_from: Message  # how the mode was chosen, for messages: MODE_FROM_TECHNIQUE(technique="IDP"), MODE_CHOSEN()
    needle_mm: float | None
    needle_gauge: int | None
    depth_mm: float
    volume_ml: float
    points: tuple[ProgramPoint, ...]
    where: Message  # dm.WHERE_ZONE(zone=…) or dm.WHERE_REFLEX_POINT(point=…)


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
    """A value the device cannot take: where (zone/point/plan, a WHERE_* message), which field, and the
    problem with the allowed range in ``problem``."""

    where: Message
    field: str
    problem: Message

    @property
    def message(self) -> Message:
        return dm.AT(where=self.where, problem=self.problem)

    def __str__(self) -> str:
        return self.message.text()


@dataclass(frozen=True)
class Rounding:
    """A planned value moved to the device's step (``field``: the quantity's name, a message)."""

    where: Message
    field: Message
    planned: float
    rounded: float
    unit: str
    step: float

    @property
    def change(self) -> float:
        """Relative change (0.05 = 5 %)."""
        return abs(self.rounded - self.planned) / abs(self.planned) if self.planned else math.inf

    @property
    def message(self) -> Message:
        return dm.ROUNDED(where=self.where, quantity=self.field, planned=self.planned, rounded=self.rounded,
                       unit=self.unit, step=self.step, change_pct=self.change * 100)

    def __str__(self) -> str:
        return self.message.text()


_FIELD_QUANTITY = {"depth_mm": "depth", "volume_per_shot_ml": "volume_per_shot", "rate_hz": "shot_rate",
                   "flow_ml_min": "flow"}


def _round_value(where: Message, field_name: str, value: float, r: StepRange, max_change: float | None,
                 roundings: list[Rounding], violations: list[Violation]) -> float | None:
    """``value`` snapped to ``r``; None (and a violation) when it does not fit."""
    words = quantity(_FIELD_QUANTITY[field_name])
    if not r.contains(value):
        violations.append(Violation(where, field_name, dm.OUTSIDE_DEVICE_RANGE(quantity=words, value=value, unit=r.unit,
                                                                            range=r.message)))
        return None
    snapped = r.snap(value)
    if snapped > r.high + _EPS:  # a value just below high can snap above it when high is off-step
        snapped = float(_dec(snapped) - _dec(r.step))
    if abs(snapped - value) <= _EPS:
        return value
    rounding = Rounding(where, words, value, snapped, r.unit, r.step)
    if max_change is not None and rounding.change > max_change + _EPS:
        violations.append(Violation(where, field_name, dm.OFF_DEVICE_STEP(
            quantity=words, value=value, unit=r.unit, nearest=snapped, change_pct=rounding.change * 100,
            max_change_pct=max_change * 100, range=r.message)))
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
            violations.append(Violation(where, "mode", choice_error("mode", req.mode, MODES)))
        elif req.mode not in profile.modes:
            violations.append(Violation(where, "mode", dm.MODE_NOT_OFFERED_BY(
                mode=MODES[req.mode], mode_from=req.mode_from, device=profile.name, offered=profile.describe_modes())))
        depth = _round_value(where, "depth_mm", req.depth_mm, profile.depth_mm, max_change, roundings, violations)
        volume = _round_value(where, "volume_per_shot_ml", req.volume_ml, profile.volume_ml, max_change,
                              roundings, violations)
        needles = ", ".join(f"{n:g}" for n in profile.needle_lengths_mm)
        needle = req.needle_mm
        if needle is None:
            needle = profile.shortest_needle_for(depth if depth is not None else req.depth_mm)
            if needle is None:
                violations.append(Violation(where, "needle_mm", dm.DEEPER_THAN_LONGEST_NEEDLE(
                    depth_mm=req.depth_mm, device=profile.name, needles_mm=needles)))
        elif not profile.offers_needle(needle):
            violations.append(Violation(where, "needle_mm", dm.NEEDLE_NOT_OFFERED_BY(
                needle_mm=needle, device=profile.name, needles_mm=needles)))
            needle = None
        if needle is not None:
            deepest = depth if depth is not None else req.depth_mm
            if deepest > needle + _EPS:
                violations.append(Violation(where, "depth_mm", dm.DEEPER_THAN_NEEDLE_AT_MOST(depth_mm=deepest,
                                                                                          needle_mm=needle)))
        shots = len(req.points)
        if shots > profile.max_shots_per_program:
            violations.append(Violation(where, "shots", dm.TOO_MANY_SHOTS_TO_SPLIT(
                shots=shots, device=profile.name, max_shots=profile.max_shots_per_program,
                first_extra=profile.max_shots_per_program + 1)))
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
    return Violation(dm.WHERE_PLAN(), "programs", dm.TOO_MANY_PROGRAMS_FOR_PLAN(
        count=n_programs, device=profile.name, max_programs=profile.max_programs))


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


def program_errors(programs: Iterable[Program], profile: DeviceProfile) -> list[Message]:
    """What a device with ``profile`` would refuse in already-fitted programs (the device's own check)."""
    out = []
    programs = list(programs)
    for p in programs:
        problems = []
        if p.mode not in profile.modes:
            problems.append(dm.MODE_NOT_OFFERED(mode=p.mode))
        for name, value, r in (("depth_mm", p.depth_mm, profile.depth_mm),
                               ("volume_per_shot_ml", p.volume_per_shot_ml, profile.volume_ml),
                               ("rate_hz", p.rate_hz, profile.rate_hz), ("flow_ml_min", p.flow_ml_min, profile.flow_ml_min)):
            if value is None:
                continue
            if r is None or not r.on_step(value):
                steps = r.message if r else dm.NOT_OFFERED()
                problems.append(dm.VALUE_NOT_SETTABLE(field=name, value=value, range=steps))
        if not profile.offers_needle(p.needle_mm):
            problems.append(dm.NEEDLE_NOT_OFFERED(needle_mm=p.needle_mm))
        if p.depth_mm > p.needle_mm + _EPS:
            problems.append(DEPTH_EXCEEDS_NEEDLE(depth_mm=p.depth_mm, needle_mm=p.needle_mm))
        if p.shots > profile.max_shots_per_program:
            problems.append(dm.TOO_MANY_SHOTS(shots=p.shots, device=profile.name,
                                              max_shots=profile.max_shots_per_program))
        if (p.mode == "continuous") != (p.flow_ml_min is not None) or (p.mode != "continuous") != (p.rate_hz is not None):
            needs = "flow_ml_min" if p.mode == "continuous" else "rate_hz"
            problems.append(dm.MODE_NEEDS_ONLY(mode=p.mode, field=needs))
        where = dm.WHERE_PROGRAM(number=p.number, name=p.name)
        out += [dm.AT(where=where, problem=problem) for problem in problems]
    if len(programs) > profile.max_programs:
        out.append(dm.TOO_MANY_PROGRAMS(count=len(programs), device=profile.name, max_programs=profile.max_programs))
    return out


def mode_for(technique: str, zone_keys: Iterable[str], overrides: Mapping[str, str] | None,
             ) -> tuple[str, Message]:
    """(mode, how it was chosen) for a zone: an override naming one of ``zone_keys`` (its id, name or
    template id; case does not matter), else the technique's default."""
    folded = {k.casefold(): v for k, v in (overrides or {}).items()}
    for key in zone_keys:
        if key and key.casefold() in folded:
            return folded[key.casefold()], dm.MODE_CHOSEN()
    return MODE_FOR_TECHNIQUE.get(technique, "single"), dm.MODE_FROM_TECHNIQUE(technique=technique)
