"""Treatment parameters and reflex points: what the planner refuses, and what it only warns about.

Errors are physically absurd values (the edit is refused); warnings are values
outside a technique's nominal range (allowed, shown to the clinician).
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest

from mesomap.model import edits
from mesomap.model.messages import texts
from mesomap.model.plan import DEPTH_EXCEEDS_NEEDLE, BodyRef, Needle, Plan, Product, ReflexPoint, TreatmentParams, Zone
from mesomap.model.techniques import TECHNIQUES

OK = TreatmentParams()  # IDS, 1.5 mm, 10 mm spacing, 4 mm 30G needle


def test_defaults_are_valid_and_unremarkable():
    assert OK.errors() == []
    assert OK.warnings() == []


@pytest.mark.parametrize("code", sorted(TECHNIQUES))
def test_each_techniques_own_defaults_are_valid_without_warning(code):
    t = TECHNIQUES[code]
    p = TreatmentParams(technique=code, depth_mm=t.default_depth_mm, spacing_mm=t.default_spacing_mm)
    assert p.errors() == []
    assert p.warnings() == []


@pytest.mark.parametrize(
    "changes, word, value",
    [
        (dict(depth_mm=0.0), "depth", "0"),
        (dict(depth_mm=-1.0), "depth", "-1"),
        (dict(depth_mm=25.0, needle=Needle(30.0, 30)), "depth", "25"),
        (dict(depth_mm=math.nan), "depth", "nan"),
        (dict(depth_mm=math.inf, needle=Needle(30.0, 30)), "depth", "inf"),
        (dict(spacing_mm=1.0), "spacing", "1"),
        (dict(spacing_mm=60.0), "spacing", "60"),
        (dict(volume_per_point_ml=0.0), "volume", "0"),
        (dict(volume_per_point_ml=-0.05), "volume", "-0.05"),
        (dict(volume_per_point_ml=1.5), "volume", "1.5"),
        (dict(needle=Needle(4.0, 17)), "gauge", "17"),
        (dict(needle=Needle(4.0, 35)), "gauge", "35"),
        (dict(needle=Needle(0.5, 30), depth_mm=0.4), "needle length", "0.5"),
        (dict(needle=Needle(31.0, 30)), "needle length", "31"),
        (dict(margin_mm=-1.0), "margin", "-1"),
        (dict(margin_mm=51.0), "margin", "51"),
        (dict(technique="XYZ"), "technique", "XYZ"),
        (dict(pattern="spiral"), "pattern", "spiral"),
        (dict(products=tuple(Product(f"p{k}") for k in range(5))), "product", "5"),
    ],
)
def test_absurd_values_are_errors_that_name_the_field_and_value(changes, word, value):
    p = replace(OK, **changes)
    errors = texts(p.errors())
    assert len(errors) == 1, errors
    assert word in errors[0]
    assert value in errors[0]


@pytest.mark.parametrize(
    "changes",
    [
        dict(depth_mm=20.0, needle=Needle(30.0, 30), technique="MIX"),  # inclusive upper bounds
        dict(spacing_mm=2.0),
        dict(spacing_mm=50.0),
        dict(volume_per_point_ml=1.0),
        dict(needle=Needle(4.0, 18)),
        dict(needle=Needle(4.0, 34)),
        dict(needle=Needle(1.0, 30), depth_mm=1.0),
        dict(margin_mm=0.0),
        dict(products=tuple(Product(f"p{k}", f"LOT{k}") for k in range(4))),
    ],
)
def test_boundary_values_are_allowed(changes):
    assert replace(OK, **changes).errors() == []


def test_depth_deeper_than_the_needle_is_an_error():
    p = replace(OK, technique="PPP", depth_mm=6.0, needle=Needle(4.0, 30))
    assert p.errors() == [DEPTH_EXCEEDS_NEEDLE(depth_mm=6.0, needle_mm=4.0)]
    assert str(p.errors()[0]) == "depth 6 mm is deeper than the 4 mm needle"
    # the same depth with a long enough needle is fine
    assert replace(p, needle=Needle(6.0, 30)).errors() == []


@pytest.mark.parametrize(
    "technique, depth", [("IDS", 3.0), ("IDS", 0.5), ("IED", 1.5), ("PPP", 2.0), ("NAP", 0.5), ("IDP", 1.0)]
)
def test_depth_outside_the_techniques_nominal_range_is_a_warning_not_an_error(technique, depth):
    p = replace(OK, technique=technique, depth_mm=depth)
    assert p.errors() == []
    warnings = texts(p.warnings())
    assert len(warnings) == 1 and p.warnings()[0].severity == "warning"
    lo, hi = TECHNIQUES[technique].depth_nominal_mm
    assert "nominal" in warnings[0] and technique in warnings[0] and f"{depth:g}" in warnings[0]
    assert not lo <= depth <= hi


def test_a_zone_with_invalid_params_is_refused_and_left_unchanged():
    plan = Plan(BodyRef("female", "t", "c", "p"), zones=(Zone("zone-1", "Z", "#e69f00", faces=[1, 2]),))
    with pytest.raises(ValueError, match="depth"):
        edits.set_zone_params(plan, "zone-1", replace(OK, depth_mm=0.0))
    assert plan.zone("zone-1").params == OK
    # a warning is not a refusal
    warned = edits.set_zone_params(plan, "zone-1", replace(OK, depth_mm=3.0))
    assert warned.zone("zone-1").params.depth_mm == 3.0


POINT = ReflexPoint("pt-1", "ST36", "Zusanli", face=10, barycentric=(0.2, 0.3, 0.5))


def test_a_reasonable_reflex_point_is_valid():
    assert POINT.errors() == []
    assert replace(POINT, barycentric=(1.0, 0.0, 0.0)).errors() == []
    assert replace(POINT, barycentric=(1 / 3, 1 / 3, 1 / 3)).errors() == []


@pytest.mark.parametrize(
    "bary",
    [
        (0.5, 0.5, 0.5),  # sums to 1.5
        (0.2, 0.2, 0.2),  # sums to 0.6
        (-0.5, 1.0, 0.5),  # negative weight, sums to 1
        (1.5, -0.25, -0.25),
        (math.nan, 0.5, 0.5),
        (math.inf, 0.0, 0.0),
        (0.5, 0.5),  # two weights
        (0.25, 0.25, 0.25, 0.25),  # four weights
    ],
)
def test_bad_barycentric_is_an_error(bary):
    errors = texts(replace(POINT, barycentric=bary).errors())
    assert len(errors) == 1
    assert "barycentric" in errors[0]


@pytest.mark.parametrize(
    "changes, word",
    [(dict(depth_mm=0.0), "depth"), (dict(depth_mm=21.0), "depth"), (dict(volume_ml=0.0), "volume"),
     (dict(volume_ml=2.0), "volume"), (dict(angle_deg=5.0), "angle"), (dict(angle_deg=120.0), "angle")],
)
def test_reflex_point_out_of_range_values_are_errors(changes, word):
    errors = texts(replace(POINT, **changes).errors())
    assert len(errors) == 1 and word in errors[0]


def test_an_invalid_reflex_point_is_refused_by_the_edits():
    plan = Plan(BodyRef("female", "t", "c", "p"), points=(POINT,))
    with pytest.raises(ValueError, match="barycentric"):
        edits.add_point(plan, replace(POINT, id="pt-2", barycentric=(0.5, 0.5, 0.5)))
    with pytest.raises(ValueError, match="barycentric"):
        edits.update_point(plan, "pt-1", barycentric=(0.9, 0.9, -0.8))
    assert plan.points == (POINT,)


@pytest.mark.parametrize("bad", [dict(side="top"), dict(color="orange"), dict(color="#12345g"), dict(color="#fff")])
def test_a_zone_with_a_bad_side_or_colour_cannot_be_made(bad):
    with pytest.raises(ValueError):
        Zone("zone-1", "Z", **({"color": "#e69f00"} | bad))


def test_zone_faces_are_kept_sorted_unique_and_read_only():
    z = Zone("zone-1", "Z", "#e69f00", faces=[5, 3, 3, 9, 0])
    assert z.faces.tolist() == [0, 3, 5, 9]
    assert not z.faces.flags.writeable
    with pytest.raises(ValueError):
        z.faces[0] = 7
    assert np.array_equal(z.faces, [0, 3, 5, 9])
