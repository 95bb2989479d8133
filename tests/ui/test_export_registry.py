"""One list of export formats: File › Export, ``mesomap export --format`` and the registry offer the same ones,
and the device formats the command line writes are in the menu too (asking which device first)."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog

from mesomap.cli import build_parser
from mesomap.io.device_profiles import find_profile
from mesomap.io.device_program import read_device_program
from mesomap.io.export_formats import FORMATS
from tests.ui.conftest import gridded_window


def cli_format_choices() -> set[str]:
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    return set(next(a for a in commands["export"]._actions if a.dest == "format").choices)


def test_menu_command_line_and_registry_offer_the_same_formats(window):
    registry = [f.key for f in FORMATS]
    menu = [key for key, action in window.export_actions.items() if action in window.export_menu.actions()]
    assert menu == registry, "File › Export lists the registry's formats, in its order"
    assert [a.text() for a in window.export_menu.actions()] == [f.menu_text for f in FORMATS]
    assert cli_format_choices() == set(registry)


@pytest.fixture
def answers(monkeypatch):
    """Answer the device profile question and the save dialog; record what was asked."""
    asked: list[tuple[str, object]] = []
    replies: dict = {"profile": None, "paths": []}

    def pick(parent, title, label, items, current=0, editable=True, *a, **k):
        asked.append((title, list(items)))
        chosen = next((i for i in items if f"({replies['profile']})" in i), None)
        return (chosen, True) if chosen else ("", False)

    def save(parent, title, start, filters, *a, **k):
        asked.append((title, filters))
        path = replies["paths"].pop(0)
        return (str(path), filters.split(";;")[0]) if path else ("", "")

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    return replies, asked


@pytest.fixture
def gridded(window, qtbot):
    gridded_window(qtbot, window, "knee_left", "forehead")
    return window


def test_device_program_from_the_menu_is_sealed_for_the_chosen_device(gridded, answers, tmp_path, errors):
    replies, asked = answers
    replies["profile"] = "generic"
    replies["paths"].append(tmp_path / "session.json")  # the user typed .json: .device.json is written
    gridded.export_actions["device"].trigger()
    assert not errors
    doc = read_device_program(tmp_path / "session.device.json")  # verifies the seal and the schema
    assert doc.device_id == "generic"
    assert doc.shots == sum(len(z.injections) for z in gridded.doc.plan.zones)
    assert [title for title, _ in asked] == ["Export a device program"] * 2
    assert "device program" in gridded.statusBar().currentMessage()
    assert gridded.settings.value("device/profile") == "generic", "the next export offers the same device first"


def test_gun_settings_sheet_from_the_menu_lists_the_chosen_devices_programs(gridded, answers, tmp_path, errors):
    replies, _ = answers
    replies["profile"] = "example-pistol"
    replies["paths"].append(tmp_path / "gun")
    gridded.export_actions["sheet"].trigger()
    assert not errors
    with (tmp_path / "gun.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and sum(int(r["shots"]) for r in rows) == sum(len(z.injections) for z in gridded.doc.plan.zones)
    assert {r["device"] for r in rows} == {find_profile("example-pistol").name}


def test_no_device_chosen_asks_no_file_and_writes_nothing(gridded, answers, tmp_path, errors):
    replies, asked = answers
    replies["profile"] = None  # the user cancels the device question
    gridded.export_actions["device"].trigger()
    assert [title for title, _ in asked] == ["Export a device program"] and not errors
    assert list(tmp_path.glob("*.device.json")) == []
