"""The messages of :mod:`mesomap.model.devices`: a profile that cannot be used, a plan that does not fit a
device, a device's own check of fitted programs, and the places they name (words in mesomap/text)."""

from __future__ import annotations

from mesomap.model.messages import Kind

STEP_RANGE = Kind("step_range", "low", "high", "unit", "step", severity="info")
NOT_OFFERED = Kind("not_offered", severity="info")
# where a problem is: a zone, a reflex point, the plan, a program; AT puts the place before the problem
WHERE_ZONE = Kind("where_zone", "zone", severity="info")
WHERE_REFLEX_POINT = Kind("where_reflex_point", "point", severity="info")
WHERE_PLAN = Kind("where_plan", severity="info")
WHERE_PROGRAM = Kind("where_program", "number", "name", severity="info")
AT = Kind("at", "where", "problem")
# how a zone's mode was chosen
MODE_FROM_TECHNIQUE = Kind("mode_from_technique", "technique", severity="info")
MODE_CHOSEN = Kind("mode_chosen", severity="info")
MODE_FROM_REFLEX = Kind("mode_from_reflex", severity="info")
# a profile that cannot be used: "<field>: <problem>"
PROFILE_FIELD = Kind("profile_field", "field", "problem")
MODE_NEEDED = Kind("mode_needed")
MODE_NOT_KNOWN = Kind("mode_not_known", "mode", "modes")
RANGE_MALFORMED = Kind("range_malformed", "low", "high", "step")
RANGE_MAX_OFF_STEP = Kind("range_max_off_step", "low", "high", "step")
RATE_RANGE_NEEDED = Kind("rate_range_needed")
RATE_NOT_SETTABLE = Kind("rate_not_settable", "rate_hz", "range")
FLOW_RANGE_NEEDED = Kind("flow_range_needed")
FLOW_NOT_SETTABLE = Kind("flow_not_settable", "flow_ml_min", "range")
NEEDLE_NEEDED = Kind("needle_needed")
NEEDLE_LENGTH_ABSURD = Kind("needle_length_absurd", "length_mm", "low_mm", "high_mm")
AT_LEAST_ONE = Kind("at_least_one", "value")
# a plan that does not fit a device
OUTSIDE_DEVICE_RANGE = Kind("outside_device_range", "quantity", "value", "unit", "range")
OFF_DEVICE_STEP = Kind("off_device_step", "quantity", "value", "unit", "nearest", "change_pct", "max_change_pct",
                       "range")
ROUNDED = Kind("rounded", "where", "quantity", "planned", "rounded", "unit", "step", "change_pct", severity="info")
MODE_NOT_OFFERED_BY = Kind("mode_not_offered_by", "mode", "mode_from", "device", "offered")
DEEPER_THAN_LONGEST_NEEDLE = Kind("deeper_than_longest_needle", "depth_mm", "device", "needles_mm")
NEEDLE_NOT_OFFERED_BY = Kind("needle_not_offered_by", "needle_mm", "device", "needles_mm")
DEEPER_THAN_NEEDLE_AT_MOST = Kind("deeper_than_needle_at_most", "depth_mm", "needle_mm")
TOO_MANY_SHOTS = Kind("too_many_shots", "shots", "device", "max_shots")
TOO_MANY_SHOTS_TO_SPLIT = Kind("too_many_shots_to_split", "shots", "device", "max_shots", "first_extra")
TOO_MANY_PROGRAMS = Kind("too_many_programs", "count", "device", "max_programs")
TOO_MANY_PROGRAMS_FOR_PLAN = Kind("too_many_programs_for_plan", "count", "device", "max_programs")
# a device's own check of fitted programs
MODE_NOT_OFFERED = Kind("mode_not_offered", "mode")
VALUE_NOT_SETTABLE = Kind("value_not_settable", "field", "value", "range")
NEEDLE_NOT_OFFERED = Kind("needle_not_offered", "needle_mm")
MODE_NEEDS_ONLY = Kind("mode_needs_only", "mode", "field")
