"""The .mesomap.json plan file: what a user saves is what they open, and a bad file is one clear error.

Every refusal must be a PlanFileError naming the field, never a traceback;
a failed save must leave the previous file exactly as it was.
"""

from __future__ import annotations

import copy
import json
import os
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mesomap.io.meshes import load_painting_surface
from mesomap.io.plan_file import SCHEMA, PlanFileError, body_ref, load_plan, plan_to_dict, save_plan
from mesomap.model.plan import Header, Needle, Plan, Product, ReflexPoint, TreatmentParams, Zone

FUZZ = settings(max_examples=150, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def surface():
    return load_painting_surface("female")


@pytest.fixture(scope="module")
def big_plan(surface) -> Plan:
    """Zones with many faces (scattered and contiguous), products with lots, points, a full header."""
    rng = np.random.default_rng(7)
    n = surface.n_faces
    return Plan(
        body=body_ref(surface),
        header=Header(patient_ref="M.D. 0042", date="2026-11-23", session_number=3, clinician="Dr Émilie Roux",
                      notes="Séance 3 — cellulite, « tolérance bonne »\nsecond line\t✓"),
        zones=(
            Zone("zone-1", "Thighs (scattered)", "#e69f00", side="bilateral", faces=rng.choice(n, 40_000, replace=False),
                 params=TreatmentParams(technique="NAP", depth_mm=2.0, spacing_mm=3.0, pattern="square",
                                        margin_mm=0.0, volume_per_point_ml=0.02, needle=Needle(4.0, 32),
                                        products=(Product("Phosphatidylcholine", "LOT-2026-117"),
                                                  Product("Sodium deoxycholate", "B8812"),
                                                  Product("Lidocaine 2%", "")),
                                        notes="massage afterwards")),
            Zone("zone-2", "Abdomen", "#56b4e9", faces=np.arange(100_000, 160_000),
                 params=TreatmentParams(technique="IDS", depth_mm=1.25, spacing_mm=12.5), template="abdomen",
                 notes="avoid the navel"),
            Zone("zone-3", "Empty so far", "#009e73", side="left"),
            Zone("zone-4", "Last face", "#f0e442", side="right", faces=[0, 1, 2, n - 3, n - 2, n - 1],
                 params=TreatmentParams(technique="PPP", depth_mm=6.5, spacing_mm=20.0, needle=Needle(13.0, 27))),
        ),
        points=(
            ReflexPoint("pt-1", "ST36", "Zusanli", face=123_456, barycentric=(0.2, 0.3, 0.5), side="left",
                        depth_mm=4.0, volume_ml=0.1, angle_deg=90.0, notes="deep"),
            ReflexPoint("pt-2", "LI4", "Hegu", face=n - 1, barycentric=(1.0, 0.0, 0.0), side="right",
                        depth_mm=2.5, volume_ml=0.05, angle_deg=45.0),
            ReflexPoint("pt-3", "", "", face=0, barycentric=(1 / 3, 1 / 3, 1 / 3)),
        ),
    )


@pytest.fixture(scope="module")
def small_plan(surface) -> Plan:
    return Plan(
        body=body_ref(surface),
        header=Header(patient_ref="AB", date="2026-01-05", session_number=1, clinician="Dr X", notes="n"),
        zones=(
            Zone("zone-1", "Thigh", "#e69f00", side="left", faces=[10, 11, 12, 40, 41, 90],
                 params=TreatmentParams(products=(Product("A", "L1"), Product("B")))),
            Zone("zone-2", "Belly", "#56b4e9", faces=np.arange(500, 520), notes="z"),
        ),
        points=(ReflexPoint("pt-1", "ST36", "Zusanli", face=5, barycentric=(0.25, 0.25, 0.5)),
                ReflexPoint("pt-2", "LI4", "Hegu", face=6, barycentric=(1.0, 0.0, 0.0), side="right")),
    )


@pytest.fixture(scope="module")
def small_dict(small_plan, surface) -> dict:
    return json.loads(json.dumps(plan_to_dict(small_plan, surface)))


def load_text(path: Path, text: str | bytes) -> Plan:
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return load_plan(path)


# ------------------------------------------------------------------ round trip and contents


def test_save_then_load_gives_the_same_plan(tmp_path, big_plan, surface):
    path = save_plan(big_plan, tmp_path / "patient.mesomap.json", surface)
    loaded = load_plan(path)
    assert loaded == big_plan
    assert len(loaded.zone("zone-1").faces) == 40_000
    assert loaded.zone("zone-1").params.products[0].lot == "LOT-2026-117"
    assert loaded.header.notes == big_plan.header.notes
    # saving what was loaded gives the same bytes: nothing drifts from save to save
    again = save_plan(loaded, tmp_path / "again.mesomap.json", surface)
    assert again.read_bytes() == path.read_bytes()


def test_the_file_says_what_it_is_its_units_and_axes(tmp_path, big_plan, surface):
    path = save_plan(big_plan, tmp_path / "p.mesomap.json", surface)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["@schema"] == SCHEMA == "mesomap-plan/2"
    assert data["units"] == {"length": "mm", "volume": "ml", "angle": "deg", "area": "cm2"}
    cs = data["coordinate_system"]
    assert "RAS" in cs and "right" in cs and "anterior" in cs and "superior" in cs
    assert data["body"]["id"] == "female"
    assert data["body"]["content_sha256"] == surface.coarse.content_hash


def test_zone_areas_in_the_file_match_the_surface(tmp_path, big_plan, surface):
    path = save_plan(big_plan, tmp_path / "p.mesomap.json", surface)
    data = json.loads(path.read_text(encoding="utf-8"))
    tri = surface.mesh.triangles
    for z, entry in zip(big_plan.zones, data["zones"]):
        assert entry["area_cm2"] == pytest.approx(surface.area_cm2(z.faces), abs=6e-4)
        t = tri[z.faces]
        independent = 0.5 * np.linalg.norm(np.cross(t[:, 1] - t[:, 0], t[:, 2] - t[:, 0]), axis=1).sum() / 100
        assert entry["area_cm2"] == pytest.approx(independent, abs=6e-4)
    assert data["zones"][1]["area_cm2"] > 10  # 60k faces of ~3 mm² is several hundred cm²
    for p, entry in zip(big_plan.points, data["reflex_points"]):
        assert np.allclose(entry["position_mm"], np.asarray(p.barycentric) @ tri[p.face], atol=1e-3)


def test_faces_are_stored_as_runs(tmp_path, big_plan, surface):
    path = save_plan(big_plan, tmp_path / "p.mesomap.json", surface)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["zones"][1]["faces"] == [[100_000, 60_000]]
    assert data["zones"][2]["faces"] == []
    n = surface.n_faces
    assert data["zones"][3]["faces"] == [[0, 3], [n - 3, 3]]


def test_unknown_extra_keys_are_ignored(tmp_path, small_dict, small_plan):
    d = copy.deepcopy(small_dict)
    d["future_feature"] = {"x": [1, 2, {"y": None}]}
    d["header"]["room"] = 4
    d["body"]["scanner"] = "none"
    d["zones"][0]["opacity"] = 0.5
    d["zones"][0]["params"]["temperature_c"] = 20
    d["zones"][0]["params"]["needle"]["brand"] = "X"
    d["zones"][0]["params"]["products"][0]["supplier"] = "Y"
    d["reflex_points"][1]["meridian"] = "LI"
    d["injections"] = [{"a": 1}]
    assert load_text(tmp_path / "x.mesomap.json", json.dumps(d)) == small_plan


def test_derived_values_in_the_file_are_ignored(tmp_path, small_dict, small_plan):
    d = copy.deepcopy(small_dict)
    d["zones"][0]["area_cm2"] = 12345.0
    d["reflex_points"][0]["position_mm"] = [0, 0, 0]
    d["reflex_points"][0]["normal"] = [1, 0, 0]
    assert load_text(tmp_path / "x.mesomap.json", json.dumps(d)) == small_plan


# ------------------------------------------------------------------ refusals


def _set(d: dict, path: tuple, value):
    for k in path[:-1]:
        d = d[k]
    d[path[-1]] = value


MALFORMED = {
    # name: (mutation of the valid dict or raw text, words the message must contain)
    "bad json": ('{"@schema": "mesomap-plan/1", "zones": [', ["JSON", "line"]),
    "empty file": ("", ["JSON"]),
    "not an object": ("[1, 2, 3]", ["expected an object"]),
    "a bare string": ('"mesomap"', ["expected an object"]),
    "depth as text": ((("zones", 0, "params", "depth_mm"), "1.5"), ["zones[0].params.depth_mm", "number"]),
    "depth as bool": ((("zones", 0, "params", "depth_mm"), True), ["zones[0].params.depth_mm"]),
    "NaN literal": (("depth_mm", "NaN"), ["NaN"]),
    "Infinity literal": (("depth_mm", "Infinity"), ["Infinity"]),
    "-Infinity literal": (("depth_mm", "-Infinity"), ["Infinity"]),
    "overflowing float": (("depth_mm", "1e999"), ["zones[0].params.depth_mm", "finite"]),
    "negative depth": ((("zones", 0, "params", "depth_mm"), -1.0), ["zones[0].params", "depth", "-1"]),
    "depth 500 mm": ((("zones", 0, "params", "depth_mm"), 500), ["zones[0].params", "depth", "500"]),
    "depth deeper than needle": ((("zones", 0, "params", "depth_mm"), 9.0), ["zones[0].params", "needle"]),
    "gauge 10": ((("zones", 1, "params", "needle", "gauge"), 10), ["zones[1].params", "gauge"]),
    "gauge 30.5": ((("zones", 1, "params", "needle", "gauge"), 30.5), ["zones[1].params.needle.gauge"]),
    "unknown technique": ((("zones", 0, "params", "technique"), "XYZ"), ["zones[0].params", "technique"]),
    "face run out of range": ((("zones", 1, "faces"), [[520_730, 5]]), ["zones[1].faces", "outside"]),
    "negative face": ((("zones", 1, "faces"), [[-3, 2]]), ["zones[1].faces"]),
    "zero-length run": ((("zones", 1, "faces"), [[3, 0]]), ["zones[1].faces"]),
    "faces not runs": ((("zones", 1, "faces"), [1, 2, 3, 4]), ["zones[1].faces"]),
    "faces as text": ((("zones", 1, "faces"), "all"), ["zones[1].faces"]),
    "duplicate zone id": ((("zones", 1, "id"), "zone-1"), ["zones[1].id", "twice"]),
    "zone id missing": ((("zones", 1, "id"), None), ["zones[1].id"]),
    "bad colour": ((("zones", 0, "color"), "red"), ["zones[0].color"]),
    "bad side": ((("zones", 0, "side"), "up"), ["zones[0].side"]),
    "zones not a list": ((("zones",), {"zone-1": {}}), ["zones", "list"]),
    "point face out of range": ((("reflex_points", 1, "face"), 520_732), ["reflex_points[1].face"]),
    "point face negative": ((("reflex_points", 1, "face"), -1), ["reflex_points[1].face"]),
    "bad barycentric": ((("reflex_points", 0, "barycentric"), [0.5, 0.5, 0.5]), ["reflex_points[0]", "barycentric"]),
    "two barycentric": ((("reflex_points", 0, "barycentric"), [0.5, 0.5]), ["reflex_points[0].barycentric"]),
    "duplicate point id": ((("reflex_points", 1, "id"), "pt-1"), ["reflex_points[1].id"]),
    "another body": ((("body", "content_sha256"), "0" * 64), ["body", "different"]),
    "another painting topology": ((("body", "paint_topology_sha256"), "f" * 64), ["body", "different"]),
    "unknown body": ((("body", "id"), "alien"), ["body.id", "alien"]),
    "newer schema": ((("@schema",), "mesomap-plan/3"), ["@schema", "newer"]),
    "not a mesomap plan": ((("@schema",), "other-app/1"), ["@schema"]),
    "units cm": ((("units",), "cm"), ["units"]),
    "bad date": ((("header", "date"), "23/11/2026"), ["header.date"]),
    "session 0": ((("header", "session_number"), 0), ["header.session_number"]),
    "header a list": ((("header",), []), ["header"]),
}


def _malformed_text(small_dict: dict, how) -> str | bytes:
    if isinstance(how, str):
        return how
    target, value = how
    if isinstance(target, tuple):
        d = copy.deepcopy(small_dict)
        _set(d, target, value)
        return json.dumps(d)
    # a literal JSON cannot express (NaN, Infinity, 1e999): splice it into the text
    d = copy.deepcopy(small_dict)
    d["zones"][0]["params"]["depth_mm"] = "@@literal@@"
    return json.dumps(d, indent=1).replace('"@@literal@@"', value)


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_each_malformed_file_is_refused_with_a_message_naming_the_field(tmp_path, small_dict, case):
    how, words = MALFORMED[case]
    path = tmp_path / "bad.mesomap.json"
    with pytest.raises(PlanFileError) as info:
        load_text(path, _malformed_text(small_dict, how))
    message = str(info.value)
    assert message.startswith("bad.mesomap.json: ")
    assert "\n" not in message
    for word in words:
        assert word in message, f"{case}: {message!r} does not mention {word!r}"


def test_a_missing_body_is_refused(tmp_path, small_dict):
    d = copy.deepcopy(small_dict)
    del d["body"]
    with pytest.raises(PlanFileError, match="body"):
        load_text(tmp_path / "x.mesomap.json", json.dumps(d))


@pytest.mark.parametrize(
    "raw",
    [
        bytes(range(256)) * 8,  # binary garbage
        b"\x89PNG\r\n\x1a\n" + bytes(200),
        b"\xff\xfe{\x00}\x00",  # UTF-16
        b"PK\x03\x04" + os.urandom(300),  # a zip file
    ],
    ids=["bytes", "png", "utf16", "zip"],
)
def test_binary_garbage_is_refused(tmp_path, raw):
    with pytest.raises(PlanFileError):
        load_text(tmp_path / "x.mesomap.json", raw)


@pytest.mark.parametrize("where", ["top", "inside a plan"])
def test_absurd_nesting_is_refused_not_a_crash(tmp_path, where):
    deep = "[" * 200_000 + "]" * 200_000
    text = deep if where == "top" else '{"@schema": "mesomap-plan/1", "header": {"notes": ' + deep + "}}"
    with pytest.raises(PlanFileError):
        load_text(tmp_path / "x.mesomap.json", text)


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(PlanFileError, match="no such file"):
        load_plan(tmp_path / "nope.mesomap.json")


# ------------------------------------------------------------------ regressions (bugs found by these tests, fixed)


@pytest.mark.parametrize("target", [("zones", 0, "params", "depth_mm"), ("zones", 0, "params", "needle", "gauge"),
                                    ("reflex_points", 0, "depth_mm")])
def test_huge_integer_literals_are_refused_not_a_crash(tmp_path, small_dict, target):
    d = copy.deepcopy(small_dict)
    _set(d, target, 10**400)
    with pytest.raises(PlanFileError):
        load_text(tmp_path / "x.mesomap.json", json.dumps(d))


@pytest.mark.filterwarnings("ignore:overflow encountered:RuntimeWarning")
@pytest.mark.parametrize("run", [[2**63 - 1, 1], [2**63 - 10, 20]])
def test_face_runs_that_overflow_are_refused(tmp_path, small_dict, run):
    d = copy.deepcopy(small_dict)
    d["zones"][0]["faces"] = [run]
    with pytest.raises(PlanFileError, match=r"zones\[0\]\.faces"):
        load_text(tmp_path / "x.mesomap.json", json.dumps(d))


@pytest.mark.parametrize("runs", [[[0, 1, 2], [3, 4, 5]], [[], []], [[7], [1]]])
def test_face_runs_that_are_not_pairs_are_refused(tmp_path, small_dict, runs):
    d = copy.deepcopy(small_dict)
    d["zones"][0]["faces"] = runs
    with pytest.raises(PlanFileError, match=r"zones\[0\]\.faces"):
        load_text(tmp_path / "x.mesomap.json", json.dumps(d))


def test_text_that_looks_like_the_face_placeholder_survives_a_save(tmp_path, small_plan, surface):
    plan = replace(small_plan, header=replace(small_plan.header, notes="@@faces0@@"))
    path = save_plan(plan, tmp_path / "p.mesomap.json", surface)
    assert load_plan(path) == plan


def test_a_plan_with_long_notes_can_be_opened_after_saving(tmp_path, small_plan, surface):
    plan = replace(small_plan, header=replace(small_plan.header, notes="Observation. " * 1000))  # 13 000 chars
    path = save_plan(plan, tmp_path / "p.mesomap.json", surface)
    assert load_plan(path) == plan


def test_a_nan_literal_message_says_where_it_is(tmp_path, small_dict):
    with pytest.raises(PlanFileError) as info:
        load_text(tmp_path / "bad.mesomap.json", _malformed_text(small_dict, ("depth_mm", "NaN")))
    assert "depth_mm" in str(info.value) or "line" in str(info.value)


# ------------------------------------------------------------------ failing saves


@pytest.fixture
def saved_once(tmp_path, small_plan, surface):
    path = save_plan(small_plan, tmp_path / "plan.mesomap.json", surface)
    return path, path.read_bytes(), sorted(os.listdir(tmp_path))


def _changed_plan(small_plan):
    return replace(small_plan, header=replace(small_plan.header, notes="changed"))


def test_a_save_that_fails_at_the_final_rename_leaves_the_previous_file(saved_once, small_plan, surface, monkeypatch):
    path, before, listing = saved_once

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        save_plan(_changed_plan(small_plan), path, surface)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(os.listdir(path.parent)) == listing  # no temporary file left behind
    assert load_plan(path) == small_plan


def test_a_save_that_fails_while_writing_leaves_the_previous_file(saved_once, small_plan, surface, monkeypatch):
    path, before, listing = saved_once

    def boom(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(OSError):
        save_plan(_changed_plan(small_plan), path, surface)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(os.listdir(path.parent)) == listing


def test_a_plan_that_cannot_be_written_leaves_the_previous_file(saved_once, small_plan, surface):
    path, before, listing = saved_once
    bad = replace(small_plan, zones=(replace(small_plan.zones[0],
                                             params=replace(TreatmentParams(), depth_mm=float("nan"))),))
    with pytest.raises(ValueError):
        save_plan(bad, path, surface)
    assert path.read_bytes() == before
    assert sorted(os.listdir(path.parent)) == listing


def test_a_successful_save_replaces_the_file_and_leaves_no_temporary(saved_once, small_plan, surface):
    path, before, listing = saved_once
    save_plan(_changed_plan(small_plan), path, surface)
    assert path.read_bytes() != before
    assert sorted(os.listdir(path.parent)) == listing
    assert load_plan(path).header.notes == "changed"


# ------------------------------------------------------------------ fuzzing


def outcome(path: Path, payload: bytes, surface) -> Plan | PlanFileError:
    """Load ``payload``; any exception other than PlanFileError fails the test.

    A plan that loads must be usable: faces on the body, valid params and points.
    """
    path.write_bytes(payload)
    try:
        plan = load_plan(path)
    except PlanFileError as err:
        assert str(err) and "\n" not in str(err)
        return err
    n = surface.n_faces
    for z in plan.zones:
        assert len(z.faces) == 0 or (0 <= z.faces.min() and z.faces.max() < n)
        assert z.params.errors() == []
    for p in plan.points:
        assert 0 <= p.face < n and p.errors() == []
    return plan


# Any size of integer: huge ones must be refused like any other bad value.
json_leaves = (st.none() | st.booleans() | st.integers() | st.integers(-(2**70), 2**70)
               | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20))
json_values = st.recursive(
    json_leaves,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=25,
)
PLAN_KEYS = ["@schema", "units", "header", "body", "zones", "reflex_points", "faces", "params", "needle",
             "depth_mm", "gauge", "face", "barycentric", "id", "color", "side", "products", "name", "lot"]


@pytest.fixture(scope="module")
def fuzz_path(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz") / "fuzz.mesomap.json"


@FUZZ
@given(payload=st.binary(max_size=3000))
def test_fuzz_random_bytes_are_refused_cleanly(fuzz_path, surface, payload):
    assert isinstance(outcome(fuzz_path, payload, surface), PlanFileError)


@FUZZ
@given(value=json_values)
def test_fuzz_random_json_is_refused_cleanly(fuzz_path, surface, value):
    outcome(fuzz_path, json.dumps(value).encode(), surface)


@FUZZ
@given(data=st.data())
def test_fuzz_plan_shaped_json_is_refused_cleanly(fuzz_path, surface, small_dict, data):
    """Objects with the right keys at the top and random values below (valid body most of the time)."""
    keyed = st.dictionaries(st.sampled_from(PLAN_KEYS), json_values, max_size=6)
    d = {"@schema": data.draw(st.sampled_from([SCHEMA, SCHEMA, "mesomap-plan/0", "mesomap-plan/x"]))}
    if data.draw(st.booleans()):
        d["body"] = copy.deepcopy(small_dict["body"])
    for key in data.draw(st.lists(st.sampled_from(["header", "zones", "reflex_points", "units"]), unique=True)):
        d[key] = data.draw(st.lists(keyed, max_size=3) if key in ("zones", "reflex_points") else keyed | json_values)
    outcome(fuzz_path, json.dumps(d).encode(), surface)


def _paths(node, prefix=()):
    """Every (container path, key) in a JSON tree."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield prefix, k
            yield from _paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield prefix, i
            yield from _paths(v, prefix + (i,))


def _at(node, path):
    for k in path:
        node = node[k]
    return node


@FUZZ
@given(data=st.data())
def test_fuzz_mutated_valid_plans_load_or_are_refused_cleanly(fuzz_path, surface, small_dict, data):
    d = copy.deepcopy(small_dict)
    for _ in range(data.draw(st.integers(1, 4))):
        paths = list(_paths(d))
        if not paths:
            break
        parent_path, key = data.draw(st.sampled_from(paths))
        parent = _at(d, parent_path)
        action = data.draw(st.sampled_from(["replace", "replace", "delete", "add", "rename"]))
        if action == "replace":
            parent[key] = data.draw(json_values)
        elif action == "delete":
            del parent[key]
        elif action == "add" and isinstance(parent, dict):
            parent[data.draw(st.text(max_size=8))] = data.draw(json_values)
        elif action == "add":
            parent.insert(key, data.draw(json_values))
        elif action == "rename" and isinstance(parent, dict):
            parent[data.draw(st.text(max_size=8))] = parent.pop(key)
    outcome(fuzz_path, json.dumps(d).encode(), surface)


OPTIONAL = [("app",), ("coordinate_system",), ("injections",), ("header", "clinician"), ("header", "notes"),
            ("header", "patient_ref"), ("zones", 0, "notes"), ("zones", 0, "template"), ("zones", 0, "area_cm2"),
            ("zones", 1, "params", "notes"), ("zones", 1, "params", "products"), ("zones", 0, "side"),
            ("reflex_points", 0, "position_mm"), ("reflex_points", 0, "normal"), ("reflex_points", 1, "notes"),
            ("reflex_points", 1, "angle_deg")]
TEXTS = [("header", "notes"), ("header", "clinician"), ("zones", 0, "name"), ("zones", 1, "notes"),
         ("zones", 0, "params", "notes"), ("zones", 0, "params", "products", 0, "lot"), ("reflex_points", 0, "notes")]


@FUZZ
@given(data=st.data())
def test_fuzz_benign_mutations_still_load(fuzz_path, surface, small_dict, small_plan, data):
    """Unknown keys anywhere, deleted optional keys, any short text, any valid depth: the file still opens."""
    d = copy.deepcopy(small_dict)
    dict_paths = [()] + [p + (k,) for p, k in _paths(d) if isinstance(_at(d, p + (k,)), dict)]
    extra = data.draw(st.lists(st.sampled_from(dict_paths), max_size=4))
    known = {"@schema", "units", "header", "body", "zones", "reflex_points", "faces", "params", "needle", "id",
             "name", "lot", "notes", "color", "side", "template", "technique", "depth_mm", "spacing_mm", "pattern",
             "margin_mm", "volume_per_point_ml", "length_mm", "gauge", "products", "face", "barycentric",
             "volume_ml", "angle_deg", "code", "date", "session_number", "patient_ref", "clinician",
             "content_sha256", "paint_topology_sha256", "topology"}
    for p in extra:
        key = data.draw(st.text(min_size=1, max_size=10).filter(lambda k: k not in known))
        _at(d, p)[key] = data.draw(json_values)
    for p in data.draw(st.lists(st.sampled_from(OPTIONAL), max_size=3, unique=True)):
        _at(d, p[:-1]).pop(p[-1], None)
    texts = {p: data.draw(st.text(max_size=200)) for p in data.draw(st.lists(st.sampled_from(TEXTS), unique=True))}
    for p, value in texts.items():
        _set(d, p, value)
    depth = data.draw(st.none() | st.floats(0.01, 4.0))
    if depth is not None:
        d["zones"][1]["params"]["depth_mm"] = depth
    result = outcome(fuzz_path, json.dumps(d).encode(), surface)
    assert isinstance(result, Plan), f"a benign change was refused: {result}"
    for p, value in texts.items():
        if p[0] == "zones" and p[-1] == "lot":
            assert result.zones[0].params.products[0].lot == value
        elif p == ("header", "notes"):
            assert result.header.notes == value
    if depth is not None:
        assert result.zone("zone-2").params.depth_mm == depth
    assert [np.asarray(z.faces).tolist() for z in result.zones] == [z.faces.tolist() for z in small_plan.zones]
