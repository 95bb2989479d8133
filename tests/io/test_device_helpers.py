"""Shared helpers for the device tests: a real gridded plan, profiles, small synthetic plans.

(No tests here; the name only keeps it among the device test files.)
"""

from __future__ import annotations

import functools
from dataclasses import replace

from mesomap.io.device_profiles import find_profile
from mesomap.io.meshes import load_painting_surface
from mesomap.model.devices import DeviceProfile, StepRange
from mesomap.model.plan import Plan


@functools.cache
def surface():
    return load_painting_surface("female")


@functools.cache
def gridded_plan() -> Plan:
    """Left knee (PPP, 26 points) + forehead (IDP, 68 points) + ST36 both sides, grids laid out."""
    from mesomap.io.plan_builder import new_plan
    from mesomap.io.templates import load_templates
    from mesomap.model.grid import grid_plan

    plan = new_plan(surface(), load_templates(), ["knee_left", "forehead"], ["ST36"])
    return grid_plan(plan, surface())


def profile(key: str = "generic") -> DeviceProfile:
    return find_profile(key)


def tight_profile(**changes) -> DeviceProfile:
    """A strict test device: single/multi, depth 0.5–4 mm by 0.5, 0.01–0.2 ml by 0.01, 4 mm needle only."""
    base = DeviceProfile(
        id="tight", name="Tight test gun", modes=("single", "multi"),
        depth_mm=StepRange(0.5, 4.0, 0.5, "mm"), volume_ml=StepRange(0.01, 0.2, 0.01, "ml"),
        needle_lengths_mm=(4.0,), max_shots_per_program=1000, max_programs=10,
        rate_hz=StepRange(1.0, 8.0, 1.0, "shots/s"), default_rate_hz=3.0)
    return replace(base, **changes)


def with_zone_params(plan: Plan, zone_index: int, **params) -> Plan:
    """``plan`` with one zone's treatment parameters changed, its grid kept (and still current)."""
    zones = list(plan.zones)
    z = zones[zone_index]
    zones[zone_index] = replace(z, params=replace(z.params, **params))
    return replace(plan, zones=tuple(zones))


def with_point(plan: Plan, point_index: int, **values) -> Plan:
    points = list(plan.points)
    points[point_index] = replace(points[point_index], **values)
    return replace(plan, points=tuple(points))
