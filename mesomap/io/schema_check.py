"""mesomap's JSON Schemas (draft 2020-12, in ``mesomap/schemas/``) and one-line errors from them.

``check(data, "mesomap-plan-2", "s.mesomap.json", PlanFileError)`` validates
parsed JSON with the ``jsonschema`` library and raises ``error_type`` with our
own sentence for the first problem, naming the file and the field path::

    s.mesomap.json: zones[2].params.depth_mm: expected a number, found text

The schemas say the structure (types, required keys, vocabularies, text
lengths); each reader checks meaning (ranges, faces against the body) after.
A subschema may carry ``"x-message"``: the sentence for a failed pattern,
bound or item count there.

Speed: jsonschema checks about 50,000 small values a second, and a plan holds
tens of thousands of face runs and injections. An array whose subschema says
``"x-fast-items": "<kind>"`` has its items first tested by a plain Python
predicate (:data:`FAST_ITEMS`) that accepts exactly what the ``items`` schema
accepts (tests/io/test_schema_fast_items.py checks this); only the items it
rejects go through jsonschema, which then words the error. Other validators
ignore the ``x-`` keywords and read the schema as written.

"Integer" means a JSON number written without a decimal point (jsonschema
would also take 2.0): mesomap never writes 2.0 for a count.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from mesomap.io.json_reader import FIELD_MISSING, FIELD_PROBLEM, NOT_FINITE, NOT_ONE_OF, TEXT_TOO_LONG, NonFinite
from mesomap.model.messages import Kind, Message

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "schemas"
PLAN_SCHEMA = "mesomap-plan-2"
DEVICE_PROFILE_SCHEMA = "mesomap-device-profile-1"
DEVICE_PROGRAM_SCHEMA = "mesomap-device-program-1"
LESSON_SCHEMA = "mesomap-lesson-1"

#: JSON types in words, each a message (``json_type_integer``: "a whole number").
JSON_TYPES = {t: Kind(f"json_type_{t}", severity="info")
              for t in ("number", "integer", "string", "array", "object", "boolean", "null")}
EXPECTED_TYPES = Kind("expected_types", "alternatives", "found")
SCHEMA_SAYS = Kind("schema_says", "text")  # a subschema's own "x-message"
SCHEMA_SAYS_OF = Kind("schema_says_of", "value", "text")
MUST_BE = Kind("must_be", "expected", "found")
TEXT_EMPTY = Kind("text_empty")
BELOW = Kind("below", "value", "limit")
ABOVE = Kind("above", "value", "limit")
TOO_FEW_ENTRIES = Kind("too_few_entries", "count")
TOO_MANY_ENTRIES = Kind("too_many_entries", "count")
ENTRY_TWICE = Kind("entry_twice")
NOT_VALID_HERE = Kind("not_valid_here")
#: Validators whose failure is told by the subschema's "x-message" when it has one.
_CUSTOM = {"pattern", "minimum", "maximum", "minItems", "maxItems", "uniqueItems", "anyOf"}


def schema_path(name: str) -> Path:
    return SCHEMA_DIR / f"{name}.schema.json"


MAX_COUNT = 10**15


def _is_count(x) -> bool:
    return type(x) is int and -MAX_COUNT <= x <= MAX_COUNT


def _is_number(x) -> bool:
    return type(x) in (int, float)


def _is_triple(x) -> bool:
    return type(x) is list and len(x) == 3 and all(type(c) in (int, float) for c in x)


def _is_face_run(x) -> bool:
    """An item of a zone's ``faces``: [first_face, count], whole numbers."""
    return type(x) is list and len(x) == 2 and _is_count(x[0]) and _is_count(x[1])


def _is_injection(x) -> bool:
    """An item of a zone's ``injections``: {"face", "barycentric", "pinned"?}."""
    return (type(x) is dict and _is_count(x.get("face")) and _is_triple(x.get("barycentric"))
            and type(x.get("pinned", False)) is bool)


def _is_program_point(x) -> bool:
    """An item of a device program's ``points``."""
    return (type(x) is dict and all(_is_count(x.get(k)) for k in ("n", "order", "face"))
            and all(_is_triple(x.get(k)) for k in ("position_mm", "normal", "barycentric"))
            and (type(x.get("label", "")) is str and len(x.get("label", "")) <= 200))


#: "x-fast-items" kind -> a predicate true exactly for the items the array's ``items`` schema accepts.
FAST_ITEMS = {"face_run": _is_face_run, "injection": _is_injection, "program_point": _is_program_point}


def _fast_items(validator, kind, instance, schema):
    """The ``x-fast-items`` keyword: items the predicate rejects are checked (and worded) by jsonschema."""
    if not isinstance(instance, list):
        return
    accept = FAST_ITEMS[kind]
    for i, item in enumerate(instance):
        if not accept(item):
            yield from validator.descend(item, schema["x-slow-items"], path=i)


def _runtime(node):
    """The schema with each ``x-fast-items`` array's ``items`` moved to ``x-slow-items`` (checked on demand)."""
    if isinstance(node, list):
        return [_runtime(v) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: _runtime(v) for k, v in node.items()}
    if "x-fast-items" in out and "items" in out:
        out["x-slow-items"] = out.pop("items")
    return out


@functools.cache
def _validator(name: str):
    from jsonschema import Draft202012Validator, validators

    whole = Draft202012Validator.TYPE_CHECKER.redefine(
        "integer", lambda checker, x: isinstance(x, int) and not isinstance(x, bool))
    kind = validators.extend(Draft202012Validator, {"x-fast-items": _fast_items}, type_checker=whole)
    return kind(_runtime(json.loads(schema_path(name).read_text(encoding="utf-8"))))


def field_path(parts, root: str = "file") -> str:
    """``["zones", 2, "params"]`` -> ``zones[2].params`` (``root`` for the file itself)."""
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or root


def found(value) -> Message | str:
    """What a JSON value is, as a message (a Python type's name for anything that is not JSON)."""
    for kind, t in ((bool, "boolean"), (int, "integer"), (float, "number"), (str, "string"), (list, "array"),
                    (dict, "object"), (type(None), "null")):
        if isinstance(value, kind):
            return JSON_TYPES[t]()
    return type(value).__name__


def _short(value) -> str:
    return repr(value)[:80]


def describe(error) -> tuple[str, Message]:
    """(field path, problem) for one jsonschema ValidationError, without library text."""
    where = list(error.absolute_path)
    kind, expected, value = error.validator, error.validator_value, error.instance
    custom = error.schema.get("x-message") if isinstance(error.schema, dict) else None
    if isinstance(value, NonFinite):
        return field_path(where), NOT_FINITE(value=value.name)
    if kind == "type":
        types = [expected] if isinstance(expected, str) else list(expected)
        alternatives = tuple(JSON_TYPES[t]() if t in JSON_TYPES else SCHEMA_SAYS(text=t) for t in types)
        return field_path(where), EXPECTED_TYPES(alternatives=alternatives, found=found(value))
    if kind == "required":
        missing = next((k for k in expected if k not in value), expected[0])
        return field_path(where + [missing]), FIELD_MISSING()
    if custom and kind in _CUSTOM:
        return field_path(where), SCHEMA_SAYS_OF(value=_short(value), text=custom) if kind == "pattern" \
            else SCHEMA_SAYS(text=custom)
    if kind == "enum":
        return field_path(where), NOT_ONE_OF(value=_short(value), options=", ".join(map(str, expected)))
    if kind == "const":
        return field_path(where), MUST_BE(expected=repr(expected), found=_short(value))
    if kind == "maxLength":
        return field_path(where), TEXT_TOO_LONG(max_chars=expected)
    if kind == "minLength":
        return field_path(where), TEXT_EMPTY()
    if kind in ("minimum", "maximum"):
        return field_path(where), (BELOW if kind == "minimum" else ABOVE)(value=_short(value), limit=expected)
    if kind in ("minItems", "maxItems"):
        return field_path(where), (TOO_FEW_ENTRIES if kind == "minItems" else TOO_MANY_ENTRIES)(count=expected)
    if kind == "uniqueItems":
        return field_path(where), ENTRY_TWICE()
    return field_path(where), NOT_VALID_HERE()


def first_error(data, name: str):
    """The first ValidationError jsonschema finds in ``data`` against schema ``name``, or None."""
    return next(iter(_validator(name).iter_errors(data)), None)


def check(data, name: str, source: str, error_type: type[Exception]) -> None:
    """Raise ``error_type(field_problem(source, field, problem))`` for the first way ``data`` breaks schema ``name``."""
    error = first_error(data, name)
    if error is not None:
        where, problem = describe(error)
        raise error_type(FIELD_PROBLEM(file=source, field=where, problem=problem))
