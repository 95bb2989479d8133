"""What a body shape does to a plan: each zone's area and injection count before and after.

Zones keep their faces when the body changes shape (the topology is shared), but the skin they
cover stretches or shrinks, and a grid laid at the same spacing gets more or fewer points. The
counts are the summary's (:func:`mesomap.model.summary.summarize`): a zone's grid count while its
grid is current, else the estimate from its area and border.
"""

from __future__ import annotations

from dataclasses import dataclass

from mesomap.geometry.surface import PaintingSurface
from mesomap.model.grid import estimator
from mesomap.model.plan import Plan
from mesomap.model.summary import PlanSummary, summarize


def summary_on(plan: Plan, surface: PaintingSurface) -> PlanSummary:
    """The plan's summary on ``surface`` (areas and estimates measured on that body)."""
    return summarize(plan, {z.id: surface.area_cm2(z.faces) for z in plan.zones}, estimator(surface))


@dataclass(frozen=True)
class ZoneEffect:
    """One zone before → after: area (cm²) and injections (``*_estimate``: from the area, no current grid)."""

    zone_id: str
    name: str
    area_before_cm2: float
    area_after_cm2: float
    count_before: int
    count_after: int
    estimate_before: bool
    estimate_after: bool

    @property
    def area_change_pct(self) -> float:
        return 100.0 * (self.area_after_cm2 / self.area_before_cm2 - 1.0) if self.area_before_cm2 else 0.0


def shape_effect(before: PlanSummary, after: PlanSummary) -> tuple[ZoneEffect, ...]:
    """Each zone of ``after`` with its numbers in ``before`` (zones only in one of them are left out)."""
    old = {z.id: z for z in before.zones}
    return tuple(ZoneEffect(z.id, z.name, old[z.id].area_cm2, z.area_cm2, old[z.id].count, z.count,
                            old[z.id].count_is_estimate, z.count_is_estimate)
                 for z in after.zones if z.id in old)


def effect_table(effects: tuple[ZoneEffect, ...], number=format) -> list[tuple[str, str, str]]:
    """Rows (zone, "area before → after cm² (±%)", "count before → after") for a table; "~" marks estimates.
    ``number(value, spec)`` writes each number (``mesomap.text.number`` for the reader's decimal mark:
    "12,5 → 13,1 (+4,8 %)" in French; default Python's ``format``)."""
    def count(n: int, estimate: bool) -> str:
        return f"~{number(n, 'd')}" if estimate else number(n, "d")

    return [(e.name or e.zone_id,
             f"{number(e.area_before_cm2, '.1f')} → {number(e.area_after_cm2, '.1f')} "
             f"({number(e.area_change_pct, '+.1f')} %)",
             f"{count(e.count_before, e.estimate_before)} → {count(e.count_after, e.estimate_after)}")
            for e in effects]
