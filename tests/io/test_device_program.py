"""The device program format and the checks before it: what is exported is what a device reads back.

Every violation a device cannot take is listed (zone or point, allowed range)
and nothing is written; rounding to the device's steps is reported; a program
file changed after export is refused.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import replace

import numpy as np
import pytest

from mesomap.io.device_errors import DeviceProgramError, DeviceValidationError
from mesomap.io.device_program import (
    SCHEMA,
    SEAL_LENGTH,
    build_device_program,
    parse_device_program,
    plan_sha256,
    read_device_program,
    seal,
    write_device_program,
)
from mesomap.io.device_sheet import SHEET_COLUMNS, write_gun_sheet
from mesomap.io.exports import ExportError, injection_rows
from mesomap.model.devices import MAX_ROUNDING_CHANGE, StepRange
from tests.io.test_device_helpers import (
    gridded_plan,
    profile,
    surface,
    tight_profile,
    with_point,
    with_zone_params,
)


def violations_of(plan, prof, **options):
    with pytest.raises(DeviceValidationError) as info:
        build_device_program(plan, surface(), prof, **options)
    return info.value.violations


# -- round trip ------------------------------------------------------------------------------------

def test_round_trip_same_points_and_parameters(tmp_path):
    plan = gridded_plan()
    out, report = write_device_program(plan, surface(), tmp_path / "s.device.json", profile("generic"))
    doc = read_device_program(out)
    assert doc.device_id == "generic" and doc.plan_sha256 == plan_sha256(plan) and len(doc.plan_id) == 16
    assert doc.content_sha256 == report.content_sha256 == hashlib.sha256(out.read_bytes()[:-SEAL_LENGTH]).hexdigest()
    # zones in plan order, then one program for both ST36 points (same settings)
    assert [p.name for p in doc.programs] == ["Knee, left", "Forehead", "Reflex points 4 mm 0.2 ml"]
    assert [p.number for p in doc.programs] == [1, 2, 3]
    rows = injection_rows(plan, surface())
    shots = [q for p in doc.programs for q in p.points]
    assert [q.order for q in shots] == [r.order for r in rows] == list(range(1, len(rows) + 1))
    for q, r in zip(shots, rows):
        np.testing.assert_allclose(q.position_mm, r.position_mm, atol=6e-4)
        np.testing.assert_allclose(q.normal, r.normal, atol=6e-6)
    for prog, zone in zip(doc.programs, plan.zones):
        assert [(q.face, q.barycentric) for q in prog.points] == [(i.face, i.barycentric) for i in zone.injections]
        p = zone.params
        assert (prog.mode, prog.technique, prog.needle_mm, prog.needle_gauge, prog.depth_mm, prog.volume_per_shot_ml) \
            == ("single", p.technique, p.needle.length_mm, p.needle.gauge, p.depth_mm, p.volume_per_point_ml)
        assert prog.shots == len(zone.injections) and prog.rate_hz == 2.0 and prog.flow_ml_min is None
    reflex = doc.programs[2]
    assert [q.label for q in reflex.points] == ["ST36 left", "ST36 right"]
    assert [(q.face, q.barycentric) for q in reflex.points] == [(p.face, p.barycentric) for p in plan.points]
    assert (reflex.depth_mm, reflex.volume_per_shot_ml, reflex.needle_mm) == (4.0, 0.2, 4.0)
    assert doc.shots == len(rows) == sum(len(z.injections) for z in plan.zones) + len(plan.points)
    assert doc.volume_ml == pytest.approx(sum(r.volume_ml for r in rows))
    raw = json.loads(out.read_text())
    assert raw["@schema"] == SCHEMA and raw["units"]["length"] == "mm" and raw["units"]["volume"] == "ml"
    assert raw["plan"]["sha256"] == plan_sha256(plan) and raw["content_sha256"] == doc.content_sha256


def test_export_is_deterministic_and_plan_hash_follows_the_plan():
    plan = gridded_plan()
    a = build_device_program(plan, surface(), profile())[0]
    b = build_device_program(plan, surface(), profile())[0]
    assert a == b
    changed = with_zone_params(plan, 1, volume_per_point_ml=0.03)
    assert plan_sha256(changed) != plan_sha256(plan)
    doc = parse_device_program(build_device_program(changed, surface(), profile())[0])
    assert doc.programs[1].volume_per_shot_ml == 0.03 and doc.plan_sha256 == plan_sha256(changed)


@pytest.mark.parametrize("tamper", ["value", "seal", "reindent", "truncate", "crlf"])
def test_tampered_program_is_refused(tmp_path, tamper):
    data = build_device_program(gridded_plan(), surface(), profile())[0]
    if tamper == "value":  # a depth changed by hand: still valid JSON, hash no longer matches
        bad = data.replace(b'"depth_mm": 2.5', b'"depth_mm": 3.5', 1)
        assert bad != data
    elif tamper == "seal":  # someone "fixes" the hash to something else
        bad = data[:-SEAL_LENGTH] + data[-SEAL_LENGTH:].replace(data[-70:-6], b"0" * 64)
    elif tamper == "reindent":
        bad = json.dumps(json.loads(data), indent=2).encode() + b"\n"
    elif tamper == "truncate":
        bad = data[: len(data) // 2]
    else:
        bad = data.replace(b"\n", b"\r\n")
    path = tmp_path / "t.device.json"
    path.write_bytes(bad)
    with pytest.raises(DeviceProgramError, match="t.device.json: .*(content_sha256|sealed)"):
        read_device_program(path)


def test_resealed_program_with_bad_fields_is_refused_naming_the_field():
    plan = gridded_plan()
    data = build_device_program(plan, surface(), profile())[0]
    body = data[:-SEAL_LENGTH] + b"\n}"
    shots = len(plan.zones[0].injections)
    for old, new, field in [(b'"shots": %d' % shots, b'"shots": %d' % (shots - 1), "programs[0].shots"),
                            (b'"mode": "single"', b'"mode": "burst"', "programs[0].mode"),
                            (b'"@schema": "mesomap-device-program/1"', b'"@schema": "mesomap-device-program/9"', "@schema"),
                            (b'"depth_mm": 2.5', b'"depth_mm": 5', "programs[1].depth_mm")]:
        resealed = seal(body.replace(old, new, 1))
        with pytest.raises(DeviceProgramError, match=re.escape(f"p: {field}:")):
            parse_device_program(resealed, "p")
    assert parse_device_program(seal(body), "p").content_sha256  # the untouched body reseals fine


def test_plan_date_must_be_written_yyyy_mm_dd_or_empty():
    data = build_device_program(gridded_plan(), surface(), profile())[0]
    body = data[:-SEAL_LENGTH] + b"\n}"
    dated = re.sub(rb'"date": "[^"]*"', b'"date": "%s"', body, count=1)
    for bad in (b"23/11/2026", b"2026-11-23T10:00:00Z", b"2026-13-01"):
        with pytest.raises(DeviceProgramError, match=re.escape("p: plan.date: ") + ".*YYYY-MM-DD"):
            parse_device_program(seal(dated % bad), "p")
    for good in (b"2026-11-23", b""):
        assert parse_device_program(seal(dated % good), "p").date == good.decode()


# -- validation: every violation listed, nothing written ---------------------------------------------

def test_depth_deeper_than_the_needle_is_listed_with_the_limit():
    # a zone planned at 5 mm on its 4 mm needle (the plan check would also refuse it)
    plan = with_zone_params(gridded_plan(), 0, depth_mm=5.0)
    vs = violations_of(plan, profile("generic"))
    assert [(str(v.where), v.field) for v in vs] == [("zone 'Knee, left'", "depth_mm")]
    assert "depth 5 mm is deeper than the 4 mm needle: at most 4 mm" in str(vs[0])


def test_reflex_point_deeper_than_any_needle_of_the_device():
    plan = with_point(gridded_plan(), 1, depth_mm=5.0)
    vs = violations_of(plan, tight_profile(depth_mm=StepRange(0.5, 6.0, 0.5, "mm")))
    assert [(str(v.where), v.field) for v in vs] == [("reflex point ST36 right", "needle_mm")]
    assert "deeper than the longest needle" in str(vs[0].problem) and "(4 mm)" in str(vs[0].problem)


def test_mode_the_device_lacks():
    plan = gridded_plan()
    vs = violations_of(plan, tight_profile(), modes={"knee_left": "continuous"})
    assert [(str(v.where), v.field) for v in vs] == [("zone 'Knee, left'", "mode")]
    assert "continuous / mesoperfusion" in str(vs[0].problem) and "it offers single shot, multi-shot / nappage" in str(vs[0].problem)
    vs = violations_of(plan, tight_profile(modes=("multi",), rate_hz=StepRange(1, 8, 1, "shots/s")))
    assert {str(v.where) for v in vs if v.field == "mode"} == {"zone 'Knee, left'", "zone 'Forehead'",
                                                          "reflex point ST36 left", "reflex point ST36 right"}


def test_too_many_shots_and_programs():
    plan = gridded_plan()
    forehead = len(plan.zones[1].injections)
    assert forehead > 50 >= len(plan.zones[0].injections)
    vs = violations_of(plan, tight_profile(max_shots_per_program=50, max_programs=2))
    found = {(str(v.where), v.field): str(v.problem) for v in vs}
    assert set(found) == {("zone 'Forehead'", "shots"), ("plan", "programs")}
    assert f"{forehead} shots" in found["zone 'Forehead'", "shots"] and "at most 50 per program" in found["zone 'Forehead'", "shots"]
    assert f"points 51–{forehead} do not fit" in found["zone 'Forehead'", "shots"]
    assert "3 programs" in found["plan", "programs"] and "at most 2" in found["plan", "programs"]


def test_every_violation_is_listed_at_once_with_its_range():
    plan = with_zone_params(gridded_plan(), 0, needle=replace(gridded_plan().zones[0].params.needle, length_mm=6.0),
                            depth_mm=4.5)
    plan = with_zone_params(plan, 1, volume_per_point_ml=0.3)
    plan = with_point(plan, 0, volume_ml=0.005)
    vs = violations_of(plan, tight_profile())
    got = {(str(v.where), v.field) for v in vs}
    assert got == {("zone 'Knee, left'", "depth_mm"), ("zone 'Knee, left'", "needle_mm"),
                   ("zone 'Forehead'", "volume_per_shot_ml"), ("reflex point ST36 left", "volume_per_shot_ml")}
    text = "\n".join(map(str, vs))
    assert "depth 4.5 mm is outside the device's range 0.5–4 mm in steps of 0.5 mm" in text
    assert "needle 6 mm is not offered by Tight test gun; it takes 4 mm" in text
    assert "volume per shot 0.3 ml is outside the device's range 0.01–0.2 ml" in text
    assert "reflex point ST36 left: volume per shot 0.005 ml is outside" in text


def test_invalid_plan_writes_nothing_and_keeps_the_previous_file(tmp_path):
    out = tmp_path / "keep.device.json"
    out.write_text("previous export")
    with pytest.raises(DeviceValidationError, match="1 problem, first: zone 'Forehead'"):
        write_device_program(gridded_plan(), surface(), out, tight_profile(max_shots_per_program=50))
    with pytest.raises(DeviceValidationError):
        write_gun_sheet(gridded_plan(), surface(), tmp_path / "keep.csv", tight_profile(max_shots_per_program=50))
    assert out.read_text() == "previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.device.json"]  # no temp files, no sheet


def test_missing_or_stale_grid_is_an_export_error(tmp_path):
    plan = gridded_plan()
    stale = with_zone_params(plan, 1, spacing_mm=12.0)  # layout parameter: the grid is out of date
    with pytest.raises(ExportError, match="'Forehead' changed since its grid was laid out"):
        write_device_program(stale, surface(), tmp_path / "a.device.json", profile())
    no_grid = replace(plan, zones=(replace(plan.zones[0], injections=(), grid_source=""),) + plan.zones[1:])
    with pytest.raises(ExportError, match="'Knee, left' has no injection grid"):
        write_device_program(no_grid, surface(), tmp_path / "a.device.json", profile())
    assert list(tmp_path.iterdir()) == []


def test_unknown_zone_in_a_mode_choice_is_a_violation():
    vs = violations_of(gridded_plan(), profile(), modes={"elbow": "multi"})
    assert [(str(v.where), v.field) for v in vs] == [("plan", "mode")] and "'elbow'" in str(vs[0].problem)


# -- rounding --------------------------------------------------------------------------------------------

def test_rounding_to_the_device_steps_is_reported():
    plan = with_zone_params(gridded_plan(), 0, depth_mm=3.8, volume_per_point_ml=0.145)
    prof = tight_profile(volume_ml=StepRange(0.02, 0.2, 0.02, "ml"))
    plan = with_zone_params(plan, 1, volume_per_point_ml=0.02)
    data, doc, report = build_device_program(plan, surface(), prof, rate_hz=2.6)
    knee = doc.programs[0]
    assert (knee.depth_mm, knee.volume_per_shot_ml, knee.rate_hz) == (4.0, 0.14, 3.0)
    rounded = {(str(r.where), str(r.field)): (r.planned, r.rounded) for r in report.roundings}
    assert rounded[("zone 'Knee, left'", "depth")] == (3.8, 4.0)
    assert rounded[("zone 'Knee, left'", "volume per shot")] == (0.145, 0.14)  # tie: the smaller dose
    assert rounded[("zone 'Forehead'", "shot rate")] == (2.6, 3.0)
    assert ("zone 'Forehead'", "volume per shot") not in rounded  # 0.02 is on a step
    assert any("depth 3.8 mm rounded to 4 mm (device step 0.5 mm, 5.3% change)" in line for line in report.lines())
    assert parse_device_program(data).programs[0].volume_per_shot_ml == 0.14


def test_rounding_that_changes_a_dose_too_much_is_refused():
    plan = with_zone_params(gridded_plan(), 1, volume_per_point_ml=0.05)  # forehead; 0.04 or 0.06 on the device
    prof = tight_profile(volume_ml=StepRange(0.02, 0.2, 0.02, "ml"))
    vs = violations_of(plan, prof)
    assert [(str(v.where), v.field) for v in vs] == [("zone 'Forehead'", "volume_per_shot_ml")]
    assert "volume per shot 0.05 ml is not settable: the nearest step is 0.04 ml, a 20% change" in str(vs[0].problem)
    assert f"at most {MAX_ROUNDING_CHANGE * 100:.0f}% is rounded silently" in str(vs[0].problem)
    # allowed when the clinician accepts larger rounding explicitly
    _, doc, report = build_device_program(plan, surface(), prof, max_change=0.5)
    assert doc.programs[1].volume_per_shot_ml == 0.04
    assert [(str(r.where), r.planned, r.rounded) for r in report.roundings if str(r.field) == "volume per shot"] == [
        ("zone 'Knee, left'", 0.15, 0.14), ("zone 'Forehead'", 0.05, 0.04)]


@pytest.mark.parametrize("value, expected", [(0.145, 0.14), (0.15, 0.14), (0.151, 0.16), (0.02, 0.02), (0.2, 0.2),
                                             (0.03, 0.02), (0.031, 0.04)])
def test_step_snapping_ties_go_to_the_smaller_value(value, expected):
    assert StepRange(0.02, 0.2, 0.02, "ml").snap(value) == expected


# -- gun settings sheet -------------------------------------------------------------------------------------

def test_gun_sheet_lists_programs_as_set_by_hand(tmp_path):
    plan = with_zone_params(gridded_plan(), 0, depth_mm=3.8)
    out, report = write_gun_sheet(plan, surface(), tmp_path / "gun.csv", tight_profile(), modes={"Forehead": "multi"})
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert tuple(rows[0]) == SHEET_COLUMNS
    knee, forehead = (str(len(z.injections)) for z in plan.zones)
    assert [(r["name"], r["mode"], r["needle_mm"], r["depth_mm"], r["ml_per_shot"], r["shots"], r["rate_shots_per_s"])
            for r in rows] == [
        ("Knee, left", "single shot", "4", "4", "0.15", knee, "3"),
        ("Forehead", "multi-shot / nappage", "4", "2.5", "0.02", forehead, "3"),
        ("Reflex points 4 mm 0.2 ml", "single shot", "4", "4", "0.2", "2", "3"),
    ]
    assert rows[0]["notes"] == "depth 3.8 -> 4 mm"
    assert rows[2]["notes"] == "points: ST36 left, ST36 right"
    k, f = int(knee), int(forehead)
    assert [(r["first_order"], r["last_order"]) for r in rows] == [
        ("1", str(k)), (str(k + 1), str(k + f)), (str(k + f + 1), str(k + f + 2))]
    assert float(rows[1]["total_ml"]) == pytest.approx(f * 0.02)
    assert all(r["device"] == "Tight test gun" for r in rows)
    assert report.shots == k + f + 2


def test_sheet_defaults_to_the_generic_profile(tmp_path):
    out, report = write_gun_sheet(gridded_plan(), surface(), tmp_path / "g.csv")
    assert report.profile_id == "generic"
    assert "continuous" not in out.read_text()
    assert len(out.read_text().splitlines()) == 4

