"""Open a plan file and check what the reader alone cannot: placement and derived values.

:func:`mesomap.io.plan_file.load_plan` checks the file's shape and values. Two
more things need the body's surface:

- every zone injection must lie on its zone (:mod:`mesomap.model.placement`);
- the derived values a file carries for other tools (``position_mm``,
  ``normal``, ``area_cm2``) must agree with the face + barycentric they come
  from. mesomap itself ignores them when reading and re-derives them on save,
  but a tool reading the file (a spreadsheet, a script, 3D Slicer) trusts them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from mesomap.geometry.surface import PaintingSurface
from mesomap.io.body_shapes import load_shaped_surface
from mesomap.io.plan_file import plan_from_dict, read_plan_data
from mesomap.model.messages import Kind, Message
from mesomap.model.placement import Misplaced, misplaced_injections
from mesomap.model.plan import Plan

#: Largest disagreement between a stored position and the one its face + barycentric give (mm).
POSITION_TOLERANCE_MM = 0.01
#: Largest disagreement of a stored unit normal (length of the difference; 0.001 ≈ 0.06°).
NORMAL_TOLERANCE = 0.001
#: Largest disagreement of a stored zone area (cm²; the file keeps 3 decimals).
AREA_TOLERANCE_CM2 = 0.01

STORED_VALUE_DIFFERS = Kind("stored_value_differs", "field", "stored", "derived", "difference", "unit")
STORED_VALUE_MALFORMED = Kind("stored_value_malformed", "field", "derived")


@dataclass(frozen=True)
class StaleValue:
    """A derived value in the file that disagrees with what it is derived from.

    field : the JSON path, e.g. ``zones[0].injections[4].position_mm``.
    stored / derived : the values (mm, cm² or unitless), ``None`` where the stored one is not a value.
    difference : how far apart (mm for positions, cm² for areas, unitless for normals; inf when malformed).
    """

    field: str
    stored: Any
    derived: Any
    difference: float

    @property
    def message(self) -> Message:
        if math.isinf(self.difference):
            return STORED_VALUE_MALFORMED(field=self.field, derived=self.derived)
        unit = {"position_mm": " mm", "area_cm2": " cm²"}.get(self.field.rpartition(".")[2], "")
        return STORED_VALUE_DIFFERS(field=self.field, stored=self.stored, derived=self.derived,
                                    difference=self.difference, unit=unit)

    def describe(self) -> str:
        return self.message.text()


@dataclass(frozen=True)
class OpenedPlan:
    """A plan read from a file, with its body and what the file got wrong."""

    plan: Plan
    surface: PaintingSurface
    stale: tuple[StaleValue, ...]  # derived values that disagree; re-derived on the next save
    misplaced: tuple[Misplaced, ...]  # injections off their zone: export and send refuse the plan


def _vector(value) -> np.ndarray | None:
    if (isinstance(value, list) and len(value) == 3
            and all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in value)):
        v = np.asarray(value, dtype=float)
        return v if np.isfinite(v).all() else None
    return None


def _compare_points(entries: list, items, surface: PaintingSurface, where: str) -> list[StaleValue]:
    """Stored ``position_mm``/``normal`` of each entry (a dict of the file) against its item's face + barycentric."""
    if not items:
        return []
    positions, normals = surface.points_on_faces([q.face for q in items], [q.barycentric for q in items])
    out = []
    for j, (entry, pos, normal) in enumerate(zip(entries, positions, normals)):
        for key, derived, tolerance, digits in (("position_mm", pos, POSITION_TOLERANCE_MM, 3),
                                                ("normal", normal, NORMAL_TOLERANCE, 4)):
            if not isinstance(entry, dict) or key not in entry:
                continue
            stored = _vector(entry[key])
            shown = [round(float(c), digits) for c in derived]
            if stored is None:
                out.append(StaleValue(f"{where}[{j}].{key}", None, shown, math.inf))
                continue
            diff = float(np.linalg.norm(stored - derived))
            if diff > tolerance:
                out.append(StaleValue(f"{where}[{j}].{key}", [float(c) for c in stored], shown, diff))
    return out


def stale_values(data: dict, plan: Plan, surface: PaintingSurface) -> tuple[StaleValue, ...]:
    """Every derived value in the file's ``data`` that disagrees with ``plan`` (read from that data) on ``surface``."""
    out: list[StaleValue] = []
    zones = data.get("zones") if isinstance(data.get("zones"), list) else []
    for i, (zd, z) in enumerate(zip(zones, plan.zones)):
        if "area_cm2" in zd:
            derived = round(surface.area_cm2(z.faces), 3)
            stored = zd["area_cm2"]
            if not isinstance(stored, (int, float)) or isinstance(stored, bool) or not math.isfinite(stored):
                out.append(StaleValue(f"zones[{i}].area_cm2", None, derived, math.inf))
            elif abs(stored - derived) > AREA_TOLERANCE_CM2:
                out.append(StaleValue(f"zones[{i}].area_cm2", stored, derived, abs(stored - derived)))
        out += _compare_points(zd.get("injections") or [], z.injections, surface, f"zones[{i}].injections")
    points = data.get("reflex_points") if isinstance(data.get("reflex_points"), list) else []
    out += _compare_points(points, plan.points, surface, "reflex_points")
    return tuple(out)


def open_plan_file(path: str | Path) -> OpenedPlan:
    """Read a plan file (PlanFileError on any problem of the file itself), load its body, and check
    placement and derived values. Neither check refuses the plan: the caller decides."""
    path = Path(path)
    data = read_plan_data(path)
    plan = plan_from_dict(data, source=path.name)
    surface = load_shaped_surface(plan.body.body_id, plan.body.shape)
    return OpenedPlan(plan, surface, stale_values(data, plan, surface), misplaced_injections(plan, surface))
