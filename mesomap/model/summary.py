"""Counts, volumes, session time and plain warnings for a plan.

Pure: the caller passes each zone's area and a count estimator (geometry
knows how many points a zone of that area takes), so a summary is available
live while painting, before any grid exists. Nothing is clamped: numbers
outside the usual ranges come back as warnings that say why.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from mesomap.model.messages import Kind, Message, texts
from mesomap.model.placement import Misplaced
from mesomap.model.plan import REFLEX_POINT_PROBLEMS, ZONE_LABELLED, Plan, Zone

#: Editable defaults: seconds per injection by technique (gun in hand, moving on).
SECONDS_PER_INJECTION = {"IED": 2.0, "NAP": 1.0, "IDS": 6.0, "IDP": 8.0, "PPP": 12.0, "MIX": 8.0}
#: Seconds per reflex point injection.
SECONDS_PER_REFLEX_POINT = 15.0
#: Preparation, disinfection and aftercare around the injections (minutes).
SESSION_OVERHEAD_MIN = 10.0
#: Usual session sizes [shared/domain/MESOTHERAPY.md]: outside them, a warning.
SESSION_COUNT_RANGE = (10, 200)
SESSION_MINUTES_RANGE = (20.0, 60.0)
#: A zone or point named in a warning or error is cut to this many characters (a 10,000-character name
#: would otherwise make every message about it 10,000 characters long).
MESSAGE_NAME_CHARS = 60


ZONE_EMPTY = Kind("zone_empty", severity="warning")
ZONE_CHANGED_SINCE_GRID = Kind("zone_changed_since_grid", severity="warning")
ONE_PRODUCT_COCKTAIL = Kind("one_product_cocktail", severity="warning")
EMPTY_PLAN = Kind("empty_plan", severity="hint")
SESSION_FEW_INJECTIONS = Kind("session_few_injections", "count", "low", "high", severity="warning")
SESSION_MANY_INJECTIONS = Kind("session_many_injections", "count", "low", "high", severity="warning")
SESSION_SHORT = Kind("session_short", "minutes", "low_min", "high_min", severity="warning")
SESSION_LONG = Kind("session_long", "minutes", "low_min", "high_min", severity="warning")


def message_name(name: str) -> str:
    """``name`` for a one-line message: on one line (line breaks and tabs as spaces) and at most
    MESSAGE_NAME_CHARS characters, cut with "…"."""
    one_line = " ".join(name.split()) if any(c in name for c in "\r\n\t\v\f\x85\u2028\u2029") else name
    return one_line if len(one_line) <= MESSAGE_NAME_CHARS else one_line[:MESSAGE_NAME_CHARS - 1] + "…"


@dataclass(frozen=True)
class DurationSettings:
    seconds_per_injection: Mapping[str, float] = field(default_factory=lambda: dict(SECONDS_PER_INJECTION))
    seconds_per_reflex_point: float = SECONDS_PER_REFLEX_POINT
    overhead_min: float = SESSION_OVERHEAD_MIN


@dataclass(frozen=True)
class ZoneSummary:
    id: str
    name: str
    area_cm2: float
    technique: str
    pattern: str
    spacing_mm: float
    margin_mm: float
    depth_mm: float
    count: int
    count_is_estimate: bool  # True until a current grid is laid out
    volume_ml: float
    product_volumes_ml: tuple[tuple[str, float], ...]
    duration_s: float
    path_length_mm: float | None = None  # the gun's path through the grid, in order (None: no grid)


@dataclass(frozen=True)
class PlanSummary:
    zones: tuple[ZoneSummary, ...]
    reflex_count: int
    reflex_volume_ml: float
    count: int
    volume_ml: float
    duration_min: float
    product_volumes_ml: tuple[tuple[str, float], ...]
    warnings: tuple[Message, ...]
    errors: tuple[Message, ...]  # these block export
    hints: tuple[Message, ...] = ()  # what to do next (an empty plan is not a problem, just a start)

    def as_dict(self) -> dict:
        """The JSON form used by ``mesomap summary --json``."""
        return {
            "zones": [
                {"id": z.id, "name": z.name, "area_cm2": round(z.area_cm2, 2), "technique": z.technique,
                 "pattern": z.pattern, "spacing_mm": z.spacing_mm, "margin_mm": z.margin_mm, "depth_mm": z.depth_mm,
                 "count": z.count, "count_is_estimate": z.count_is_estimate, "volume_ml": round(z.volume_ml, 3),
                 "path_length_mm": None if z.path_length_mm is None else round(z.path_length_mm, 1),
                 "products_ml": {n: round(v, 3) for n, v in z.product_volumes_ml}}
                for z in self.zones
            ],
            "totals": {"count": self.count, "zone_injections": self.count - self.reflex_count,
                       "reflex_points": self.reflex_count, "volume_ml": round(self.volume_ml, 3),
                       "products_ml": {n: round(v, 3) for n, v in self.product_volumes_ml},
                       "duration_min": round(self.duration_min, 1)},
            "warnings": texts(self.warnings),
            "errors": texts(self.errors),
            "hints": texts(self.hints),
        }


def _product_volumes(zone: Zone, volume_ml: float) -> tuple[tuple[str, float], ...]:
    products = zone.params.products
    total_parts = sum(p.parts for p in products)
    return tuple((p.name, volume_ml * p.parts / total_parts) for p in products) if total_parts else ()


def _as_warning(message: Message) -> Message:
    """``message`` (a zone's wrapper around a warning) with the severity of a warning."""
    return replace(message, severity="warning")


def summarize(plan: Plan, area_cm2: Mapping[str, float], estimate_count: Callable[[Zone, float], int],
              settings: DurationSettings | None = None,
              path_length_mm: Mapping[str, float] | None = None,
              misplaced: Sequence[Misplaced] = ()) -> PlanSummary:
    """Per-zone and total numbers for ``plan``.

    area_cm2 : zone id -> area. estimate_count(zone, area_cm2) -> points a grid
    would have; used while a zone has no current grid. path_length_mm : zone id
    -> length of the injection path through its grid, when known. misplaced : the injections
    off their zone (:func:`mesomap.model.placement.misplaced_injections`), each an error.
    """
    path_length_mm = path_length_mm or {}
    settings = settings or DurationSettings()
    zones, warnings, errors = [], [], []
    products: dict[str, float] = {}
    for z in plan.zones:
        p = z.params
        label = message_name(z.name)
        current = bool(z.injections) and not z.grid_stale
        count = len(z.injections) if current else int(estimate_count(z, area_cm2[z.id])) if len(z.faces) else 0
        volume = count * p.volume_per_point_ml
        per_product = _product_volumes(z, volume)
        for name, ml in per_product:
            products[name] = products.get(name, 0.0) + ml
        zones.append(ZoneSummary(
            z.id, z.name, area_cm2[z.id], p.technique, p.pattern, p.spacing_mm, p.margin_mm, p.depth_mm, count,
            not current, volume, per_product, count * settings.seconds_per_injection.get(p.technique, 8.0),
            path_length_mm.get(z.id) if current else None,
        ))
        errors += [ZONE_LABELLED(zone=label, problems=(e,)) for e in p.errors()]
        zone_warnings = p.warnings()
        if len(z.faces) == 0:
            zone_warnings.append(ZONE_EMPTY())
        elif z.injections and z.grid_stale:
            zone_warnings.append(ZONE_CHANGED_SINCE_GRID())
        if len(p.products) == 1:
            zone_warnings.append(ONE_PRODUCT_COCKTAIL())
        warnings += [_as_warning(ZONE_LABELLED(zone=label, problems=(w,))) for w in zone_warnings]
    errors += [m.message for m in misplaced]
    for pt in plan.points:
        errors += [REFLEX_POINT_PROBLEMS(point=message_name(pt.code or pt.id), problems=(e,)) for e in pt.errors()]
    reflex_count = len(plan.points)
    reflex_volume = sum(pt.volume_ml for pt in plan.points)
    count = sum(z.count for z in zones) + reflex_count
    seconds = sum(z.duration_s for z in zones) + reflex_count * settings.seconds_per_reflex_point
    minutes = settings.overhead_min + seconds / 60.0 if count else 0.0
    lo, hi = SESSION_COUNT_RANGE
    empty = not plan.zones and not plan.points
    if empty:
        pass  # nothing planned yet: a hint says where to start, the session-size warnings do not apply
    elif count < lo:
        warnings.append(SESSION_FEW_INJECTIONS(count=count, low=lo, high=hi))
    elif count > hi:
        warnings.append(SESSION_MANY_INJECTIONS(count=count, low=lo, high=hi))
    lo_min, hi_min = SESSION_MINUTES_RANGE
    if count and minutes < lo_min:
        warnings.append(SESSION_SHORT(minutes=minutes, low_min=lo_min, high_min=hi_min))
    elif minutes > hi_min:
        warnings.append(SESSION_LONG(minutes=minutes, low_min=lo_min, high_min=hi_min))
    return PlanSummary(
        zones=tuple(zones), reflex_count=reflex_count, reflex_volume_ml=reflex_volume, count=count,
        volume_ml=sum(z.volume_ml for z in zones) + reflex_volume, duration_min=minutes,
        product_volumes_ml=tuple(products.items()), warnings=tuple(warnings), errors=tuple(errors),
        hints=(EMPTY_PLAN(),) if empty else (),
    )
