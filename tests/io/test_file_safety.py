"""Hostile paths and text: pipes, devices and huge files are refused at once, lone surrogates and impossible dates
are refused naming the field, and atomic writes keep permissions, follow symlinks and never replace a device."""

from __future__ import annotations

import json
import os
import resource
import signal
import stat
import time
from dataclasses import replace
from pathlib import Path

import pytest

from mesomap.io.atomic import WriteTargetError, atomic_path
from mesomap.io.autosave import Autosaver
from mesomap.io.device_profiles import DeviceProfileError, load_profile
from mesomap.io.device_program import DeviceProgramError, read_device_program
from mesomap.io.import_markups import MarkupsError, load_markups
from mesomap.io.meshes import load_painting_surface
from mesomap.io.plan_file import PlanFileError, body_ref, load_plan, plan_to_dict, save_plan
from mesomap.model.plan import Header, Plan, ReflexPoint, Zone

READERS = [
    pytest.param(load_plan, PlanFileError, "p.mesomap.json", id="plan"),
    pytest.param(load_markups, MarkupsError, "p.mrk.json", id="markups"),
    pytest.param(load_profile, DeviceProfileError, "p.json", id="device profile"),
    pytest.param(read_device_program, DeviceProgramError, "p.program.json", id="device program"),
    pytest.param(lambda p: _recover(p), PlanFileError, "autosave-4242424.mesomap.json", id="autosave"),
]


def _recover(path: Path):
    """Load ``path`` the way crash recovery does (it names a dead process's autosave)."""
    (found,) = Autosaver(directory=path.parent).leftovers()
    return found.load()


def finishes(fn, *args) -> tuple[bool, str, str]:
    """(whether ``fn(*args)`` returned or raised within 10 s, the name of what it raised or "", its message).

    It runs in a forked child with 1 GB more memory than now at most, so a read that blocks is killed
    and one that never ends (``/dev/zero``) runs out of memory there instead of in the test run.
    """
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        try:
            os.close(r)
            with open("/proc/self/status") as fh:
                vm = next(int(line.split()[1]) * 1024 for line in fh if line.startswith("VmSize:"))
            resource.setrlimit(resource.RLIMIT_AS, (vm + (1 << 30), resource.getrlimit(resource.RLIMIT_AS)[1]))
            try:
                fn(*args)
                report = "\n"
            except BaseException as err:  # noqa: BLE001 - reported to the parent
                report = f"{type(err).__name__}\n{err}"
            os.write(w, report.encode("utf-8", "backslashreplace"))
        finally:
            os._exit(0)
    os.close(w)
    deadline = time.monotonic() + 10
    while os.waitpid(pid, os.WNOHANG) == (0, 0):
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(r)
            return False, "", ""
        time.sleep(0.02)
    with os.fdopen(r, "rb") as fh:
        name, _, message = fh.read().decode("utf-8").partition("\n")
    return True, name, message


@pytest.fixture(scope="module")
def surface():
    return load_painting_surface("female")


@pytest.fixture(scope="module")
def plan(surface) -> Plan:
    return Plan(body=body_ref(surface), header=Header(patient_ref="AB", date="2026-11-23"),
                zones=(Zone("zone-1", "Belly", "#e69f00", faces=[10, 11, 12]),),
                points=(ReflexPoint("pt-1", "ST36", "Zusanli", face=7, barycentric=(0.5, 0.25, 0.25)),))


# ------------------------------------------------------------------ not regular files, too large


@pytest.mark.parametrize("read, error, name", READERS)
def test_a_fifo_is_refused_at_once_by_every_reader(tmp_path, read, error, name):
    fifo = tmp_path / name
    os.mkfifo(fifo)  # opening it to read blocks until a writer comes: none will
    done, raised, message = finishes(read, fifo)
    assert done, f"reading a FIFO as a {name} hangs"
    assert raised == error.__name__, (raised, message)
    assert "not a regular file" in message and "\n" not in message


@pytest.mark.parametrize("read, error, name", [r for r in READERS if r.id != "autosave"])
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_an_endless_device_is_refused_at_once_by_every_reader(read, error, name, device):
    done, raised, message = finishes(read, Path(device))
    assert done, f"reading {device} hangs"
    assert raised == error.__name__ and "not a regular file" in message, (raised, message)


def test_a_file_over_the_size_limit_is_refused_naming_the_limit(tmp_path, monkeypatch):
    import mesomap.io.plan_file as plan_file

    path = tmp_path / "big.mesomap.json"
    path.write_bytes(b" " * 3000)
    monkeypatch.setattr(plan_file, "MAX_FILE_BYTES", 2000)
    with pytest.raises(PlanFileError, match=r"^big\.mesomap\.json: larger than 2 kB; not a plan file$"):
        load_plan(path)


def test_the_readers_size_limits_are_stated_in_the_readme():
    from mesomap.io import device_profiles, device_program, import_markups, meshes, plan_file
    from mesomap.io.json_reader import file_size_text

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for limit in (plan_file.MAX_FILE_BYTES, import_markups.MAX_FILE_BYTES, device_program.MAX_PROGRAM_BYTES,
                  device_profiles.MAX_PROFILE_BYTES, meshes.MAX_MESH_BYTES):
        assert file_size_text(limit) in readme, limit


# ------------------------------------------------------------------ lone surrogates, long text, dates


def test_a_lone_surrogate_escape_in_a_plan_is_refused_naming_the_field(tmp_path, plan, surface):
    data = plan_to_dict(plan, surface)
    data["zones"][0]["name"] = "Bel\ud800ly"
    path = tmp_path / "s.mesomap.json"
    path.write_text(json.dumps(data), encoding="ascii")  # the file holds the escape \ud800
    assert "\\ud800" in path.read_text()
    with pytest.raises(PlanFileError) as info:
        load_plan(path)
    message = str(info.value)
    assert message.startswith("s.mesomap.json: zones[0].name: character 4 is a lone UTF-16 surrogate"), message


def test_a_lone_surrogate_in_markups_is_refused_naming_the_field(tmp_path):
    doc = {"@schema": "https://raw.githubusercontent.com/slicer/slicer/master/Modules/Loadable/Markups/Resources/"
                      "Schema/markups-schema-v1.0.3.json#",
           "markups": [{"type": "Fiducial", "coordinateSystem": "LPS", "coordinateUnits": "mm",
                        "controlPoints": [{"label": "\udc80", "position": [0.0, 0.0, 0.0]}]}]}
    path = tmp_path / "p.mrk.json"
    path.write_text(json.dumps(doc), encoding="ascii")
    with pytest.raises(MarkupsError, match="surrogate"):
        load_markups(path)


def test_valid_astral_characters_and_10000_character_names_round_trip(tmp_path, plan, surface):
    long_name = ("Zone 🦵 " * 1250)[:10_000]
    big = replace(plan, header=replace(plan.header, patient_ref="p" * 10_000, notes="ü" * 10_000),
                  zones=(replace(plan.zones[0], name=long_name),))
    path = save_plan(big, tmp_path / "long.mesomap.json", surface)
    assert load_plan(path) == big


@pytest.mark.parametrize("date", ["2026-02-30", "2026-13-01", "2025-02-29", "2026-04-31", "2026-00-10"])
def test_an_impossible_plan_date_is_refused(tmp_path, plan, surface, date):
    data = plan_to_dict(plan, surface)
    data["header"]["date"] = date
    path = tmp_path / "d.mesomap.json"
    path.write_text(json.dumps(data))
    with pytest.raises(PlanFileError, match=rf"^d\.mesomap\.json: header\.date: {date} is not a day of the calendar"):
        load_plan(path)


def test_a_leap_day_is_a_date(tmp_path, plan, surface):
    path = save_plan(replace(plan, header=replace(plan.header, date="2028-02-29")), tmp_path / "l.mesomap.json", surface)
    assert load_plan(path).header.date == "2028-02-29"


# ------------------------------------------------------------------ atomic writes


def write_text(target: Path, text: str) -> None:
    with atomic_path(target) as tmp:
        tmp.write_text(text)


def test_an_existing_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "shared.csv"
    target.write_text("old")
    target.chmod(0o640)
    write_text(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_file_gets_the_umask_permissions(tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        write_text(tmp_path / "new.csv", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.csv").stat().st_mode) == mode


def test_a_symlink_is_written_through_to_its_target(tmp_path):
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "plan.mesomap.json"
    real.write_text("old")
    link = tmp_path / "plan.mesomap.json"
    link.symlink_to(real)
    write_text(link, "new")
    assert link.is_symlink(), "the link stays a link"
    assert real.read_text() == "new"
    assert sorted(os.listdir(tmp_path)) == ["plan.mesomap.json", "real"]
    assert os.listdir(tmp_path / "real") == ["plan.mesomap.json"], "no temporary left beside the target"


def test_a_fifo_is_neither_written_nor_replaced(tmp_path):
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    done, raised, message = finishes(write_text, fifo, "x")
    assert done and raised == WriteTargetError.__name__ and issubclass(WriteTargetError, OSError)
    assert message == f"{fifo}: is a device, pipe or socket, not a regular file; choose a file to write to"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert os.listdir(tmp_path) == ["out.csv"], "no temporary file left behind"


def test_a_device_node_is_refused_and_left_alone(tmp_path):
    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a /dev/null of our own
    except (PermissionError, OSError):
        pytest.skip("cannot make a device node here")
    with pytest.raises(WriteTargetError, match="is a device, pipe or socket"):
        write_text(node, "x")
    assert stat.S_ISCHR(os.lstat(node).st_mode)
    assert os.listdir(tmp_path) == ["null"]


def test_a_symlink_to_a_device_is_refused(tmp_path):
    link = tmp_path / "out.pdf"
    link.symlink_to("/dev/null")
    with pytest.raises(WriteTargetError, match="not a regular file"):
        write_text(link, "x")
    assert link.is_symlink() and os.listdir(tmp_path) == ["out.pdf"]


def test_a_failed_write_leaves_no_temporary_and_the_old_file(tmp_path):
    target = tmp_path / "plan.mesomap.json"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_text("half")
            raise RuntimeError("disk full")
    assert os.listdir(tmp_path) == ["plan.mesomap.json"] and target.read_text() == "old"
