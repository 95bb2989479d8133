"""Device profiles: the bundled ones, the user's own, and a bad file is one error naming the file and field."""

from __future__ import annotations

import json

import pytest

from mesomap.io.device_errors import DeviceProfileError
from mesomap.io.device_profiles import find_profile, list_profiles, load_profile, profile_paths, user_dir

GOOD = {
    "@schema": "mesomap-device-profile/1",
    "name": "My gun",
    "modes": ["single", "multi"],
    "depth_mm": {"min": 0.5, "max": 6, "step": 0.5},
    "volume_per_shot_ml": {"min": 0.01, "max": 0.2, "step": 0.01},
    "needle_lengths_mm": [4, 6],
    "rate_hz": {"min": 1, "max": 8, "step": 1, "default": 3},
    "max_shots_per_program": 300,
    "max_programs": 5,
}


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("MESOMAP_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "data" / "devices").mkdir(parents=True)
    return tmp_path / "data" / "devices"


def test_bundled_profiles(data_dir):
    profiles, problems = list_profiles()
    assert problems == []
    by_id = {p.id: p for p in profiles}
    assert {"generic", "example-pistol", "example-perfusion"} <= set(by_id)
    assert not by_id["generic"].example
    assert set(by_id["generic"].modes) == {"single", "multi", "continuous"}
    examples = [p for p in profiles if p.example]
    assert len(examples) >= 2
    for p in examples:  # clearly labelled: in the name a user sees, not only in a flag
        assert "EXAMPLE" in p.name and "not a vendor specification" in p.name
    perfusion = by_id["example-perfusion"]
    assert "continuous" in perfusion.modes and perfusion.flow_ml_min is not None
    assert 4.0 in by_id["example-pistol"].needle_lengths_mm and 13.0 in perfusion.needle_lengths_mm
    for p in profiles:
        assert p.errors() == []


def test_user_directory_adds_and_replaces(data_dir):
    assert user_dir() == data_dir
    (data_dir / "my-gun.json").write_text(json.dumps(GOOD))
    (data_dir / "generic.json").write_text(json.dumps({**GOOD, "name": "My generic"}))
    paths = profile_paths()
    assert paths["my-gun"] == data_dir / "my-gun.json" and paths["generic"] == data_dir / "generic.json"
    mine = find_profile("my-gun")
    assert (mine.name, mine.modes, mine.needle_lengths_mm, mine.max_programs) == ("My gun", ("single", "multi"), (4.0, 6.0), 5)
    assert (mine.depth_mm.low, mine.depth_mm.high, mine.depth_mm.step, mine.default_rate_hz) == (0.5, 6.0, 0.5, 3.0)
    assert find_profile("generic").name == "My generic"
    assert find_profile(str(data_dir / "my-gun.json")).id == "my-gun"


def test_unknown_profile_names_the_known_ones(data_dir):
    with pytest.raises(DeviceProfileError, match="no device profile 'nope'; known: .*example-pistol.*generic"):
        find_profile("nope")


def test_a_broken_user_file_does_not_hide_the_others(data_dir):
    (data_dir / "broken.json").write_text("{")
    profiles, problems = list_profiles()
    assert "generic" in {p.id for p in profiles}
    assert len(problems) == 1 and "broken.json: not valid JSON" in problems[0]


@pytest.mark.parametrize("change, field, words", [
    ({"name": None}, "name", "is missing"),
    ({"name": 7}, "name", "expected text"),
    ({"modes": ["single", "burst"]}, "modes[1]", "'burst' is not one of single, multi, continuous"),
    ({"modes": []}, "modes", "at least one mode"),
    ({"modes": "single"}, "modes", "expected a list"),
    ({"depth_mm": {"min": 0.5, "max": 6.2, "step": 0.5}}, "depth_mm.max", "6.2 is not min 0.5 plus whole steps"),
    ({"depth_mm": {"min": 0.5, "max": 6}}, "depth_mm.step", "is missing"),
    ({"depth_mm": {"min": 0, "max": 6, "step": 0.5}}, "depth_mm", "needs 0 < min <= max"),
    ({"volume_per_shot_ml": {"min": 0.01, "max": "0.2", "step": 0.01}}, "volume_per_shot_ml.max", "expected a number"),
    ({"needle_lengths_mm": [4, 60]}, "needle_lengths_mm[1]", "60 mm is not a needle length"),
    ({"needle_lengths_mm": []}, "needle_lengths_mm", "at least one needle"),
    ({"rate_hz": None}, "rate_hz", "is missing"),
    ({"rate_hz": {"min": 1, "max": 8, "step": 1, "default": 2.5}}, "rate_hz.default", "2.5 is not a settable value"),
    ({"modes": ["continuous"], "rate_hz": None}, "flow_ml_per_min", "is missing"),
    ({"max_shots_per_program": 0}, "max_shots_per_program", "must be at least 1"),
    ({"max_programs": 2.5}, "max_programs", "expected a whole number"),
    ({"example": "yes"}, "example", "expected true or false"),
    ({"@schema": "mesomap-plan/1"}, "@schema", "not a mesomap device profile"),
    ({"@schema": "mesomap-device-profile/2"}, "@schema", "newer than this mesomap"),
])
def test_profile_errors_name_the_file_and_field(tmp_path, change, field, words):
    data = {k: v for k, v in {**GOOD, **change}.items() if v is not None}
    path = tmp_path / "gun.json"
    path.write_text(json.dumps(data))
    with pytest.raises(DeviceProfileError) as info:
        load_profile(path)
    message = str(info.value)
    assert message.startswith(f"{path}: {field}: "), message
    assert words in message
    assert "\n" not in message


@pytest.mark.parametrize("content, words", [
    (b"{", r"not valid JSON \(line 1"),
    (b"\xff\xfe{}", "not a text file"),
    (b'{"depth_mm": NaN}', "not a mesomap device profile"),
])
def test_unreadable_profile_files(tmp_path, content, words):
    path = tmp_path / "gun.json"
    path.write_bytes(content)
    with pytest.raises(DeviceProfileError, match=words):
        load_profile(path)
    with pytest.raises(DeviceProfileError, match="no such file"):
        load_profile(tmp_path / "absent.json")


def test_nan_in_a_range_is_named(tmp_path):
    path = tmp_path / "gun.json"
    path.write_text(json.dumps(GOOD).replace('"max": 6,', '"max": NaN,'))
    with pytest.raises(DeviceProfileError, match=r"gun.json: depth_mm.max: NaN is not a finite number"):
        load_profile(path)


def test_bad_profile_id_from_the_file_name(tmp_path):
    path = tmp_path / "My Gun.json"
    path.write_text(json.dumps(GOOD))
    with pytest.raises(DeviceProfileError, match="file name: 'My Gun' is not a profile id"):
        load_profile(path)
