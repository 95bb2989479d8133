"""Hostile files and text on the command line: control characters never reach the terminal, odd bytes and
lone surrogates are refused in one line, 10,000-character names work, pipes and impossible units are refused."""

from __future__ import annotations

import json
import os
import re

import pytest
import trimesh

from tests.cli.test_cli import assert_one_line_error

#: What no terminal output may contain: C0 controls but tab/newline, DEL, C1 controls.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
EVIL = "Belly\x1b]0;owned\x07\x1b[2J\rX\x9b31m"


@pytest.fixture
def new_plan(run_cli, tmp_path):
    """A plan file made by `plan new` (a template zone and a point); returns (path, its JSON)."""
    path = tmp_path / "s.mesomap.json"
    proc = run_cli("plan", "new", "--zone", "cheek_left", "--point", "ST36", "--out", str(path))
    assert proc.returncode == 0, proc.stderr
    return path, json.loads(path.read_text(encoding="utf-8"))


def rewrite(path, data) -> None:
    path.write_text(json.dumps(data), encoding="utf-8")


def test_control_characters_in_names_never_reach_the_terminal(run_cli, new_plan):
    path, data = new_plan
    data["zones"][0]["name"] = EVIL
    data["reflex_points"][0]["code"] = "ST\x1b[8m36"
    rewrite(path, data)
    for args in (("summary", str(path)), ("grid", str(path))):
        proc = run_cli(*args)
        assert proc.returncode == 0, proc.stderr
        assert not CONTROL.search(proc.stdout + proc.stderr), repr(proc.stdout)
        assert "Belly\\x1b]0;owned" in proc.stdout, "the name is shown, its controls as escapes"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["zones"][0]["params"]["depth_mm"] = 99.0  # validate names the zone in its error
    rewrite(path, data)
    proc = run_cli("validate", str(path))
    assert_one_line_error(proc, "zones[0]")
    assert not CONTROL.search(proc.stderr), repr(proc.stderr)


def test_control_characters_in_a_file_name_do_not_reach_the_terminal(run_cli, tmp_path):
    proc = run_cli("summary", str(tmp_path / "\x1b[31mred\r.mesomap.json"))
    assert_one_line_error(proc, "no such file")
    assert not CONTROL.search(proc.stderr) and "\\x1b[31mred\\x0d" in proc.stderr


def test_a_10000_character_patient_reference_makes_a_plan(run_cli, tmp_path):
    out = tmp_path / "p.mesomap.json"
    ref = ("Émilie Ø 患者 " * 1000)[:9_999] + "!"
    proc = run_cli("plan", "new", "--zone", "cheek_left", "--patient", ref, "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["header"]["patient_ref"] == ref


def test_a_patient_reference_that_is_not_text_is_refused_in_one_line(run_cli, tmp_path):
    out = tmp_path / "p.mesomap.json"
    proc = run_cli("plan", "new", "--zone", "cheek_left", "--patient", "AB\udcff", "--out", str(out))  # byte 0xff
    assert proc.returncode == 2
    assert_one_line_error(proc, "--patient", "not UTF-8 text")
    assert "codec" not in proc.stderr and not out.exists()


def long_names(path, data) -> dict:
    data["zones"][0]["name"] = ("Joue gauche ✓ 🦵 " * 600)[:10_000]
    data["reflex_points"][0]["name"] = "n" * 10_000
    data["header"]["patient_ref"] = "P" * 10_000
    data["header"]["notes"] = "ü" * 10_000
    data["zones"][0]["params"]["products"] = [{"name": "HA", "lot": "", "parts": 1}]  # a warning names the zone
    rewrite(path, data)
    return data


def test_10000_character_names_go_through_every_command(run_cli, new_plan, tmp_path):
    path, data = new_plan
    data = long_names(path, data)
    proc = run_cli("grid", str(path))
    assert proc.returncode == 0, proc.stderr
    proc = run_cli("summary", str(path))
    assert proc.returncode == 0, proc.stderr
    warnings = [line for line in proc.stdout.splitlines() if line.startswith(("warning:", "error:"))]
    about_zone = [line for line in warnings if line.startswith("warning: Joue gauche ✓ 🦵")]
    assert about_zone and all(len(line) < 300 for line in warnings), "a message names the zone, not 10,000 characters"
    assert json.loads(run_cli("summary", str(path), "--json").stdout)["zones"][0]["name"] == data["zones"][0]["name"]
    proc = run_cli("export", str(path), "--format", "csv", "--out", str(tmp_path / "s.csv"))
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    assert (tmp_path / "s.csv").stat().st_size > 0


def test_10000_character_names_go_into_the_pdf(run_cli, new_plan, tmp_path):
    path, data = new_plan
    long_names(path, data)
    assert run_cli("grid", str(path)).returncode == 0
    proc = run_cli("export", str(path), "--format", "pdf", "--out", str(tmp_path / "s.pdf"))
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    assert (tmp_path / "s.pdf").stat().st_size > 0


def test_a_lone_surrogate_in_a_plan_is_refused_by_every_command_in_one_line(run_cli, new_plan, tmp_path):
    path, data = new_plan
    data["zones"][0]["name"] = "Joue\ud800"
    path.write_text(json.dumps(data), encoding="ascii")  # the escape \ud800 in the file
    for args in (("summary", str(path)), ("grid", str(path)), ("export", str(path), "--format", "csv", "--out",
                                                                  str(tmp_path / "s.csv")), ("validate", str(path))):
        proc = run_cli(*args)
        assert proc.returncode == 1, args
        assert_one_line_error(proc, "s.mesomap.json: zones[0].name:", "surrogate")
    assert not (tmp_path / "s.csv").exists()


def test_explicit_units_that_make_a_giant_are_refused(run_cli, tmp_path):
    body = trimesh.creation.icosphere(subdivisions=2)
    body.apply_scale([200.0, 125.0, 850.0])  # 1700 tall: millimetres
    body.export(tmp_path / "scan.ply")
    proc = run_cli("info", "--mesh", str(tmp_path / "scan.ply"), "--units", "m")
    assert_one_line_error(proc, "scan.ply", "1.7 km tall")
    proc = run_cli("info", "--mesh", str(tmp_path / "scan.ply"), "--units", "mm", "--json")
    assert proc.returncode == 0 and json.loads(proc.stdout)["height_mm"] == pytest.approx(1700.0)


def test_a_fifo_as_the_plan_is_refused_at_once(run_cli, tmp_path):
    fifo = tmp_path / "pipe.mesomap.json"
    os.mkfifo(fifo)  # reading it would wait for a writer for ever (the run's timeout fails the test)
    proc = run_cli("summary", str(fifo), timeout=30)
    assert_one_line_error(proc, "pipe.mesomap.json", "not a regular file")
