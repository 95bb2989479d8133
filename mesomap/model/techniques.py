"""Techniques, patterns, sides and the allowed ranges of every treatment number.

Clinical values are editable defaults taken from shared/domain/MESOTHERAPY.md,
never hidden rules: a value outside a technique's *nominal* range is a warning;
only values outside the *allowed* ranges below (physically absurd) are errors.
"""

from __future__ import annotations

from dataclasses import dataclass

from mesomap.model.messages import Kind, Message


@dataclass(frozen=True)
class Technique:
    """code, name, nominal depth range (mm) and a typical spacing (mm)."""

    code: str
    name: str
    depth_nominal_mm: tuple[float, float]
    default_depth_mm: float
    default_spacing_mm: float


TECHNIQUES: dict[str, Technique] = {
    t.code: t
    for t in (
        Technique("IED", "intraepidermal", (0.1, 1.0), 0.5, 4.0),
        Technique("NAP", "nappage", (1.0, 4.0), 2.0, 3.0),
        Technique("IDS", "superficial intradermal (papule)", (1.0, 2.0), 1.5, 10.0),
        Technique("IDP", "deep intradermal", (2.0, 4.0), 3.0, 10.0),
        Technique("PPP", "point by point", (4.0, 13.0), 4.0, 20.0),
        Technique("MIX", "mixed technique", (0.1, 13.0), 2.0, 10.0),
    )
}
PATTERNS = ("hexagonal", "square", "rows", "blue_noise")
SIDES = ("left", "right", "midline", "bilateral")

#: Allowed ranges (inclusive unless noted). Outside them a value is an error.
DEPTH_MM = (0.0, 20.0)  # lower bound exclusive: a depth must be > 0
SPACING_MM = (2.0, 50.0)
MARGIN_MM = (0.0, 50.0)
VOLUME_PER_POINT_ML = (0.0, 1.0)  # lower bound exclusive
NEEDLE_LENGTH_MM = (1.0, 30.0)
NEEDLE_GAUGE = (18, 34)
ANGLE_DEG = (10.0, 90.0)
ROW_ANGLE_DEG = (-180.0, 180.0)  # direction of a rows pattern: 0° along the body, 90° across


#: The names of the checked quantities, as messages of their own (each language words them).
QUANTITY = {name: Kind(f"quantity_{name}", severity="info") for name in (
    "depth", "spacing", "margin", "volume_per_point", "needle_length", "needle_gauge", "row_spacing", "row_angle",
    "volume", "needle_angle", "technique", "pattern", "side", "mode", "volume_per_shot", "shot_rate", "flow")}
VALUE_OUT_OF_RANGE = Kind("value_out_of_range", "quantity", "value", "unit", "low", "high")
VALUE_NOT_ABOVE = Kind("value_not_above", "quantity", "value", "unit", "low", "high")  # the low bound is excluded
CHOICE_UNKNOWN = Kind("choice_unknown", "quantity", "value", "choices")


def quantity(name: str) -> Message:
    """The name of a checked quantity (a key of :data:`QUANTITY`, e.g. ``"needle_length"``) as a message."""
    return QUANTITY[name]()


def range_error(name: str, value: float, bounds: tuple[float, float], unit: str, low_open: bool = False,
                ) -> Message | None:
    """A message if ``value`` (in ``unit``) is outside ``bounds``, else None. ``name``: a key of :data:`QUANTITY`."""
    lo, hi = bounds
    bad = not (value > lo if low_open else value >= lo) or value > hi
    if bad or value != value:  # NaN
        kind = VALUE_NOT_ABOVE if low_open else VALUE_OUT_OF_RANGE
        return kind(quantity=quantity(name), value=value, unit=unit, low=lo, high=hi)
    return None


def choice_error(name: str, value: str, choices) -> Message | None:
    """A message if ``value`` is not one of ``choices`` (codes, listed as they are), else None."""
    return None if value in choices else CHOICE_UNKNOWN(quantity=quantity(name), value=value,
                                                        choices=", ".join(choices))
