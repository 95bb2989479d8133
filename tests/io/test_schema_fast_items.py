"""The fast item predicates of schema_check accept exactly what the schemas' ``items`` accept, so checking
big arrays in Python first (face runs, injections, program points) changes no verdict, only the speed."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, validators

from mesomap.io.schema_check import (
    DEVICE_PROGRAM_SCHEMA,
    FAST_ITEMS,
    PLAN_SCHEMA,
    check,
    schema_path,
)


def item_validators() -> dict:
    """kind -> a plain Draft 2020-12 validator of the published ``items`` schema (whole numbers: no 2.0)."""
    whole = Draft202012Validator.TYPE_CHECKER.redefine(
        "integer", lambda checker, x: isinstance(x, int) and not isinstance(x, bool))
    plain = validators.extend(Draft202012Validator, type_checker=whole)
    found = {}
    for name in (PLAN_SCHEMA, DEVICE_PROGRAM_SCHEMA):
        root = json.loads(schema_path(name).read_text(encoding="utf-8"))

        def walk(node):
            if isinstance(node, dict):
                if "x-fast-items" in node:
                    found[node["x-fast-items"]] = plain({"$defs": root["$defs"], **node["items"]})
                for v in node.values():
                    walk(v)
            elif isinstance(node, list):
                for v in node:
                    walk(v)
        walk(root)
    return found


VALIDATORS = item_validators()
NUMBERS = (st.integers(-(10**16), 10**16) | st.floats(allow_nan=False) | st.booleans() | st.none()
           | st.sampled_from([0, 1, 2.0, 10**15, 10**15 + 1, -(10**15) - 1, "3", [1]]))
TRIPLES = st.lists(NUMBERS, min_size=2, max_size=4) | st.just([0.25, 0.25, 0.5]) | NUMBERS
TEXT = st.text(max_size=3) | st.just("x" * 201) | st.just("y" * 200) | NUMBERS


def objects(keys: dict):
    """Dicts with some of ``keys`` (each value from its strategy) and maybe a stranger."""
    return st.fixed_dictionaries({}, optional={**keys, "other": NUMBERS})


ITEMS = {
    "face_run": st.lists(NUMBERS, max_size=3) | NUMBERS,
    "injection": objects({"face": NUMBERS, "barycentric": TRIPLES, "pinned": NUMBERS}) | NUMBERS,
    "program_point": objects({k: NUMBERS for k in ("n", "order", "face")}
                             | {k: TRIPLES for k in ("position_mm", "normal", "barycentric")} | {"label": TEXT}),
}


def test_every_fast_kind_has_a_schema():
    assert set(VALIDATORS) == set(FAST_ITEMS) == set(ITEMS)


@settings(max_examples=600, deadline=None)
@given(data=st.data(), kind=st.sampled_from(sorted(FAST_ITEMS)))
def test_the_fast_predicate_agrees_with_the_items_schema(data, kind):
    item = data.draw(ITEMS[kind], label="item")
    assert FAST_ITEMS[kind](item) == VALIDATORS[kind].is_valid(item), item


def test_a_bad_face_run_deep_in_a_zone_is_worded_by_the_schema():
    doc = {"zones": [{"id": "z", "faces": [[0, 3]] * 5000 + [[7, 2.0]]}]}
    try:
        check({"@schema": "mesomap-plan/2", "units": {"length": "mm", "volume": "ml", "angle": "deg", "area": "cm2"},
               "body": {"id": "female", "content_sha256": "0"}, **doc}, PLAN_SCHEMA, "p.mesomap.json", ValueError)
    except ValueError as err:
        assert str(err) == "p.mesomap.json: zones[0].faces[5000][1]: expected a whole number, found a number"
    else:
        raise AssertionError("a face count of 2.0 was taken")
