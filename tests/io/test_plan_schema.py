"""JSON Schemas (draft 2020-12) shipped for the plan file, the device program and the device profile,
checked at run time with one-line messages; plan files of version 1 are upgraded by migrate()."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mesomap.io.device_profiles import bundled_dir
from mesomap.io.meshes import load_painting_surface
from mesomap.io.plan_file import PlanFileError, load_plan, plan_from_dict, save_plan
from mesomap.io.schema_check import (
    DEVICE_PROFILE_SCHEMA,
    DEVICE_PROGRAM_SCHEMA,
    PLAN_SCHEMA,
    first_error,
    schema_path,
)

DATA = Path(__file__).resolve().parents[1] / "data"
V1 = DATA / "plan-v1.mesomap.json"  # written by mesomap at a73ad28 (plan schema 1)


@pytest.fixture(scope="module")
def surface():
    return load_painting_surface("female")


@pytest.fixture(scope="module")
def v1_plan(surface):
    return load_plan(V1)


@pytest.mark.parametrize("name", [PLAN_SCHEMA, DEVICE_PROGRAM_SCHEMA, DEVICE_PROFILE_SCHEMA])
def test_each_schema_is_a_valid_draft_2020_12_schema(name):
    from jsonschema import Draft202012Validator

    schema = json.loads(schema_path(name).read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_the_old_file_is_really_version_1():
    data = json.loads(V1.read_text(encoding="utf-8"))
    assert data["@schema"] == "mesomap-plan/1" and data["units"] == "mm" and data["injections"] == []


def test_a_version_1_plan_opens_with_everything_it_held(v1_plan):
    plan = v1_plan
    assert plan.header.patient_ref == "MD-0042" and plan.header.session_number == 2 and plan.id == "0123456789abcdef"
    (zone,) = plan.zones
    written = json.loads(V1.read_text(encoding="utf-8"))["zones"][0]["injections"]
    assert zone.name == "Cheek, left" and zone.notes == "v1 zone" and len(zone.injections) == len(written) > 5
    assert zone.params.products[0].lot == "HA-2291" and not zone.grid_stale
    assert [p.code for p in plan.points] == ["LI4", "LI4"]


def test_saving_a_version_1_plan_writes_version_2_that_validates(v1_plan, surface, tmp_path):
    out = save_plan(v1_plan, tmp_path / "up.mesomap.json", surface)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["@schema"] == "mesomap-plan/2"
    assert data["units"] == {"length": "mm", "volume": "ml", "angle": "deg", "area": "cm2"}
    assert "injections" not in data  # the dead top-level list of version 1 is gone
    assert first_error(data, PLAN_SCHEMA) is None
    assert load_plan(out) == v1_plan


@pytest.mark.parametrize("change, words", [
    ({"units": "cm"}, "up.mesomap.json: units: must be 'mm', found 'cm'"),
    ({"injections": [{"face": 3}]}, "up.mesomap.json: injections: a version 1 plan keeps its injections in its zones"),
])
def test_a_version_1_file_that_cannot_be_right_is_refused(surface, change, words):
    data = {**json.loads(V1.read_text(encoding="utf-8")), **change}
    with pytest.raises(PlanFileError) as info:
        plan_from_dict(data, "up.mesomap.json", surface)
    assert str(info.value).startswith(words)


def test_a_version_2_file_without_units_is_refused(v1_plan, surface, tmp_path):
    data = json.loads(save_plan(v1_plan, tmp_path / "p.mesomap.json", surface).read_text(encoding="utf-8"))
    del data["units"]
    with pytest.raises(PlanFileError, match=r"^p\.mesomap\.json: units: is missing$"):
        plan_from_dict(data, "p.mesomap.json", surface)


@pytest.mark.parametrize("path, value, message", [
    (("zones", 0, "params", "depth_mm"), "2", "zones[0].params.depth_mm: expected a number, found text"),
    (("zones", 0, "params", "needle", "gauge"), 30.5, "zones[0].params.needle.gauge: expected a whole number, found a number"),
    (("zones", 0, "faces", 1), [4, "x"], "zones[0].faces[1][1]: expected a whole number, found text"),
    (("zones", 0, "injections", 0, "pinned"), "yes", "zones[0].injections[0].pinned: expected true or false, found text"),
    (("reflex_points", 1, "barycentric"), [1, 0], "reflex_points[1].barycentric: expected three numbers"),
    (("reflex_points", 0, "side"), "up", "reflex_points[0].side: 'up' is not one of left, right, midline, bilateral"),
    (("header", "date"), "23/11/2026", "header.date: '23/11/2026' is not a date like 2026-11-23"),
    (("header", "date"), "2026-11-23\n", "header.date: is longer than 10 characters"),
    (("zones", 0, "color"), "#e69f00\n", "zones[0].color: is longer than 7 characters"),
    (("body", "topology"), 7, "body.topology: expected text, found a whole number"),
    (("app",), ["x"], "app: expected text, found a list"),
    (("header", "session_number"), 2.0, "header.session_number: expected a whole number, found a number"),
    (("zones", 0, "faces", 0), [2900, 1.0], "zones[0].faces[0][1]: expected a whole number, found a number"),
])
def test_schema_errors_are_one_line_naming_the_file_and_field(v1_plan, surface, tmp_path, path, value, message):
    data = json.loads(save_plan(v1_plan, tmp_path / "s.mesomap.json", surface).read_text(encoding="utf-8"))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(PlanFileError) as info:
        plan_from_dict(data, "s.mesomap.json", surface)
    assert str(info.value) == f"s.mesomap.json: {message}"


def test_bundled_device_profiles_and_a_written_program_follow_their_schemas(v1_plan, surface, tmp_path):
    from mesomap.io.device_profiles import find_profile
    from mesomap.io.device_program import write_device_program

    for path in sorted(bundled_dir().glob("*.json")):
        assert first_error(json.loads(path.read_text(encoding="utf-8")), DEVICE_PROFILE_SCHEMA) is None, path.name
    out, _ = write_device_program(v1_plan, surface, tmp_path / "p.device.json", find_profile("generic"))
    assert first_error(json.loads(out.read_text(encoding="utf-8")), DEVICE_PROGRAM_SCHEMA) is None


def test_a_device_program_field_of_the_wrong_type_is_named(v1_plan, surface, tmp_path):
    from mesomap.io.device_errors import DeviceProgramError
    from mesomap.io.device_profiles import find_profile
    from mesomap.io.device_program import parse_device_program, seal, write_device_program

    out, _ = write_device_program(v1_plan, surface, tmp_path / "p.device.json", find_profile("generic"))
    text = out.read_text(encoding="utf-8")
    damaged = json.loads(text)
    del damaged["content_sha256"]
    damaged["programs"][0]["needle_mm"] = "4"
    body = json.dumps(damaged, indent=1)  # re-sealed: the content is consistent, only the type is wrong
    with pytest.raises(DeviceProgramError) as info:
        parse_device_program(seal(body.encode("utf-8")), "p.device.json")
    assert str(info.value) == "p.device.json: programs[0].needle_mm: expected a number, found text"
