"""Every JSON file mesomap reads (plans, Slicer markups, device profiles, device programs) says what is wrong the same way."""

from __future__ import annotations

import pytest

from mesomap.io.device_profiles import DeviceProfileError, load_profile
from mesomap.io.device_program import DeviceProgramError, read_device_program
from mesomap.io.import_markups import MarkupsError, load_markups
from mesomap.io.plan_file import PlanFileError, load_plan

READERS = [
    pytest.param(load_plan, PlanFileError, "p.mesomap.json", id="plan"),
    pytest.param(load_markups, MarkupsError, "p.mrk.json", id="markups"),
    pytest.param(load_profile, DeviceProfileError, "p.json", id="device profile"),
    pytest.param(read_device_program, DeviceProgramError, "p.program.json", id="device program"),
]


@pytest.mark.parametrize("read, error, name", READERS)
def test_a_missing_file_a_folder_and_garbage_each_get_one_line_naming_the_file(tmp_path, read, error, name):
    with pytest.raises(error, match=r"no such file$") as missing:
        read(tmp_path / name)
    assert str(tmp_path / name) in str(missing.value)
    (tmp_path / "folder").mkdir()
    with pytest.raises(error, match=r"folder: is a folder, not a "):
        read(tmp_path / "folder")
    path = tmp_path / name
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(error) as garbage:
        read(path)
    assert name in str(garbage.value) and "\n" not in str(garbage.value)


@pytest.mark.parametrize("read, error, name", [r for r in READERS if r.id != "device program"])  # programs are sealed first
def test_broken_json_and_non_utf8_are_named_with_line_and_column(tmp_path, read, error, name):
    path = tmp_path / name
    path.write_bytes(b'{"a": [1, 2,\n  }')
    with pytest.raises(error, match=r"not valid JSON \(line 2, column 3"):
        read(path)
    path.write_bytes(b"\xff\xfe\x00{")
    with pytest.raises(error, match=r"not a text file \(not UTF-8\)"):
        read(path)
    path.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    with pytest.raises(error, match=r"nested too deeply to be a "):
        read(path)
