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

from mesomap.io.json_reader import NonFinite

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "schemas"
PLAN_SCHEMA = "mesomap-plan-2"
DEVICE_PROFILE_SCHEMA = "mesomap-device-profile-1"
DEVICE_PROGRAM_SCHEMA = "mesomap-device-program-1"

_TYPE_WORDS = {"number": "a number", "integer": "a whole number", "string": "text", "array": "a list",
               "object": "an object", "boolean": "true or false", "null": "null"}
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


def found(value) -> str:
    """What a JSON value is, in words."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "null" if value is None else type(value).__name__


def _short(value) -> str:
    return repr(value)[:80]


def describe(error) -> tuple[str, str]:
    """(field path, sentence) for one jsonschema ValidationError, without library text."""
    where = list(error.absolute_path)
    kind, expected, value = error.validator, error.validator_value, error.instance
    custom = error.schema.get("x-message") if isinstance(error.schema, dict) else None
    if isinstance(value, NonFinite):
        return field_path(where), f"{value.name} is not a finite number"
    if kind == "type":
        types = [expected] if isinstance(expected, str) else list(expected)
        return field_path(where), f"expected {' or '.join(_TYPE_WORDS.get(t, t) for t in types)}, found {found(value)}"
    if kind == "required":
        missing = next((k for k in expected if k not in value), expected[0])
        return field_path(where + [missing]), "is missing"
    if custom and kind in _CUSTOM:
        return field_path(where), f"{_short(value)} {custom}" if kind == "pattern" else custom
    if kind == "enum":
        return field_path(where), f"{_short(value)} is not one of {', '.join(map(str, expected))}"
    if kind == "const":
        return field_path(where), f"must be {expected!r}, found {_short(value)}"
    if kind == "maxLength":
        return field_path(where), f"is longer than {expected} characters"
    if kind == "minLength":
        return field_path(where), "is empty"
    if kind in ("minimum", "maximum"):
        return field_path(where), f"{_short(value)} is {'below' if kind == 'minimum' else 'above'} {expected}"
    if kind in ("minItems", "maxItems"):
        return field_path(where), f"expected {'at least' if kind == 'minItems' else 'at most'} {expected} entries"
    if kind == "uniqueItems":
        return field_path(where), "an entry is listed twice"
    return field_path(where), "is not valid here"


def first_error(data, name: str):
    """The first ValidationError jsonschema finds in ``data`` against schema ``name``, or None."""
    return next(iter(_validator(name).iter_errors(data)), None)


def check(data, name: str, source: str, error_type: type[Exception]) -> None:
    """Raise ``error_type("<source>: <field>: <sentence>")`` for the first way ``data`` breaks schema ``name``."""
    error = first_error(data, name)
    if error is not None:
        where, sentence = describe(error)
        raise error_type(f"{source}: {where}: {sentence}"[:400])
