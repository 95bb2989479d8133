"""A generated corpus of damaged plan files never produces a traceback: ``load_plan`` returns a Plan or
refuses with a one-line PlanFileError, and ``mesomap validate`` exits 1 with one line.

The seeds are a real version 1 file (tests/data) and the same plan saved as version 2; hypothesis damages
them structurally (wrong types, missing keys, huge numbers, NaN-ish text, deep nesting) and as bytes
(truncation, flipped bytes, NaN literals, random bytes). The female body is loaded once for the module.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mesomap.io.meshes import load_painting_surface
from mesomap.io.plan_file import PlanFileError, load_plan, save_plan
from mesomap.model.plan import Plan

DATA = Path(__file__).resolve().parents[1] / "data"
V1_TEXT = (DATA / "plan-v1.mesomap.json").read_text(encoding="utf-8")
NAME = "x.mesomap.json"

SCALARS = (st.none() | st.booleans() | st.integers(min_value=-(10**40), max_value=10**40)
           | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=12)
           | st.sampled_from(["NaN", "Infinity", "-Infinity", "1e999", "", "#zzzzzz", "nan", "0x10", "-0", "\u0000"]))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.text(max_size=6), inner, max_size=3), max_leaves=6)
#: Python's names for JSON types, as a library would print them ("found NoneType"): not for clinicians.
PYTHON_WORDS = re.compile(r"\b(found|expected) (int|str|dict|list|float|bool|NoneType|NonFinite)\b")
LITERALS = ("NaN", "Infinity", "-Infinity", "1e999", "-1e400", "1" + "0" * 400)


@pytest.fixture(scope="module")
def seeds():
    """(version 1 text, version 2 text) of one real plan, and a folder to write damaged copies in."""
    surface = load_painting_surface("female")
    folder = Path(tempfile.mkdtemp(prefix="mesomap-fuzz-"))
    (folder / "v1.mesomap.json").write_text(V1_TEXT, encoding="utf-8")
    v2 = save_plan(load_plan(folder / "v1.mesomap.json"), folder / "v2.mesomap.json", surface)
    return {"1": json.loads(V1_TEXT), "2": json.loads(v2.read_text(encoding="utf-8"))}, folder


def paths(node, prefix=()):
    """Every place in a JSON document, as key/index tuples (the root is ())."""
    yield prefix
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        yield from paths(value, prefix + (key,))


def damaged(doc, path, op, value):
    """A copy of ``doc`` with the value at ``path`` replaced, deleted or nested deeply in lists."""
    doc = json.loads(json.dumps(doc))
    if not path:
        return value if op == "replace" else [doc] if op == "nest" else {}
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    last = path[-1]
    if op == "delete":
        del parent[last]
    elif op == "nest":
        parent[last] = json.loads("[" * 300 + json.dumps(parent[last]) + "]" * 300)
    else:
        parent[last] = value
    return doc


def assert_loads_or_refuses(folder: Path, raw: bytes):
    path = folder / NAME
    path.write_bytes(raw)
    try:
        plan = load_plan(path)
    except PlanFileError as err:
        message = str(err)
        assert message.startswith(f"{NAME}: ") and "\n" not in message and len(message) < 500, message
        assert "Traceback" not in message and "jsonschema" not in message.lower(), message
        assert not PYTHON_WORDS.search(message), f"a clinician does not read Python type names: {message}"
        return
    assert isinstance(plan, Plan)


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                          HealthCheck.too_slow])


@FUZZ
@given(data=st.data(), version=st.sampled_from(["1", "2"]),
       op=st.sampled_from(["replace", "replace", "delete", "nest"]), value=VALUES)
def test_structurally_damaged_plans_load_or_are_refused_in_one_line(seeds, data, version, op, value):
    docs, folder = seeds
    doc = docs[version]
    path = data.draw(st.sampled_from(list(paths(doc))), label="path")
    if op == "delete" and not path:
        op = "replace"
    text = json.dumps(damaged(doc, path, op, value), ensure_ascii=data.draw(st.booleans(), label="ascii"))
    assert_loads_or_refuses(folder, text.encode("utf-8"))


@FUZZ
@given(data=st.data(), version=st.sampled_from(["1", "2"]),
       op=st.sampled_from(["truncate", "flip", "literal", "bytes", "deep"]))
def test_byte_damaged_plans_load_or_are_refused_in_one_line(seeds, data, version, op):
    docs, folder = seeds
    raw = json.dumps(docs[version], indent=1).encode("utf-8")
    if op == "truncate":
        raw = raw[: data.draw(st.integers(0, len(raw) - 1), label="cut")]
    elif op == "flip":
        for at in data.draw(st.lists(st.integers(0, len(raw) - 1), min_size=1, max_size=8), label="at"):
            raw = raw[:at] + bytes([data.draw(st.integers(0, 255), label="byte")]) + raw[at + 1:]
    elif op == "literal":  # a number of the file replaced by a literal JSON allows or Python overflows on
        numbers = [i for i in range(len(raw) - 1) if raw[i:i + 1] in b" [:" and raw[i + 1:i + 2].isdigit()]
        at = data.draw(st.sampled_from(numbers), label="number") + 1
        end = at
        while end < len(raw) and raw[end:end + 1] in b"0123456789.eE+-":
            end += 1
        raw = raw[:at] + data.draw(st.sampled_from(LITERALS), label="literal").encode() + raw[end:]
    elif op == "bytes":
        raw = data.draw(st.binary(max_size=2000), label="bytes")
    else:  # nesting deeper than any parser allows, where a value was
        at = raw.index(b'"notes": ') + len(b'"notes": ')
        depth = data.draw(st.integers(500, 100_000), label="depth")
        raw = raw[:at] + b"[" * depth + b"]" * depth + b"," + raw[at:]
    assert_loads_or_refuses(folder, raw)


@pytest.mark.parametrize("damage", [
    lambda t: t[: len(t) // 2],
    lambda t: re.sub(r'"depth_mm": [0-9.]+', '"depth_mm": NaN', t, count=1),
    lambda t: t.replace('"zones": [', '"zones": [' + "[" * 5000 + "]" * 5000 + ",", 1),
    lambda t: t.replace('"session_number": 2', '"session_number": "two"', 1),
    lambda t: "\x00\x01garbage",
], ids=["truncated", "NaN depth", "deep nesting", "wrong type", "garbage"])
def test_cli_validate_refuses_damaged_files_in_one_line(run_cli, tmp_path, damage):
    text = damage(V1_TEXT)
    assert text != V1_TEXT
    (tmp_path / NAME).write_text(text, encoding="utf-8")
    proc = run_cli("validate", NAME)
    assert proc.returncode == 1, (proc.stdout, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and NAME in lines[0] and "Traceback" not in proc.stderr, proc.stderr
    assert not PYTHON_WORDS.search(lines[0]), lines[0]
    assert proc.stdout == ""
