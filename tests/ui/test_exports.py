"""File > Export through the menu, the file dialog answered by the test: files that are whole and valid,
and a plan that cannot be exported says why and writes nothing."""

from __future__ import annotations

import csv
import json
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QFileDialog

from tests.ui.conftest import gridded_window


@pytest.fixture
def save_as(monkeypatch):
    """Answer the save dialog with the next path of ``answers`` (and record what was asked)."""
    asked: list[tuple[str, str]] = []
    answers: list = []

    def fake(parent, title, start, filters, *args, **kwargs):
        asked.append((title, filters))
        path = answers.pop(0)
        return (str(path), filters.split(";;")[0]) if path else ("", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    return answers, asked


@pytest.fixture
def outdir(tmp_path):
    """Where the exports go (tmp_path also holds the window's settings and data)."""
    d = tmp_path / "out"
    d.mkdir()
    return d


def total_injections(plan) -> int:
    return sum(len(z.injections) for z in plan.zones) + len(plan.points)


@pytest.fixture
def gridded(window, qtbot):
    gridded_window(qtbot, window, "knee_left", "forehead")
    window.editor.add_point_from_template(window.templates.point("st36_left"))
    return window


def test_export_csv_from_the_menu(gridded, save_as, outdir, errors):
    answers, asked = save_as
    answers.append(outdir / "session")  # no suffix typed: .csv is added
    action = gridded.export_actions["csv"]
    assert action in gridded.export_menu.actions()
    action.trigger()
    out = outdir / "session.csv"
    with out.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == total_injections(gridded.doc.plan) and not errors
    assert [int(r["order"]) for r in rows] == list(range(1, len(rows) + 1))
    assert rows[0]["zone"] == "Knee, left" and rows[-1]["technique"] == "PPP"
    assert str(out) in gridded.statusBar().currentMessage()
    assert asked[0][1].startswith("CSV")


def test_export_slicer_markups_and_json(gridded, save_as, outdir, errors):
    answers, _ = save_as
    answers += [outdir / "plan.mrk.json", outdir / "plan.json"]
    gridded.export_actions["slicer"].trigger()
    doc = json.loads((outdir / "plan.mrk.json").read_text())
    assert doc["@schema"].startswith("https://raw.githubusercontent.com/slicer/slicer/")
    points = [p for m in doc["markups"] for p in m["controlPoints"]]
    assert len(doc["markups"]) == 3 and len(points) == total_injections(gridded.doc.plan)
    gridded.export_actions["json"].trigger()
    data = json.loads((outdir / "plan.json").read_text())
    assert len(data["injections"]) == total_injections(gridded.doc.plan) and not errors


def test_export_body_mesh_needs_no_grid(window, save_as, outdir, errors):
    answers, _ = save_as
    answers.append(outdir / "body.ply")
    window.export_actions["mesh"].trigger()
    assert (outdir / "body.ply").read_bytes().startswith(b"ply") and not errors


def test_print_saves_the_session_sheet_pdf(gridded, save_as, outdir, qtbot, errors):
    answers, asked = save_as
    answers.append(outdir / "sheet.pdf")
    gridded.print_action.trigger()
    assert asked[0][0] == "Save the session sheet"
    qtbot.waitUntil(lambda: not gridded.exporter.busy, timeout=60000)
    data = (outdir / "sheet.pdf").read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 20_000 and not errors
    assert "session sheet" in gridded.statusBar().currentMessage()
    assert [p.name for p in outdir.iterdir()] == ["sheet.pdf"], "no temporary file left behind"


def test_a_plan_without_grid_says_why_and_writes_nothing(window, save_as, outdir, errors):
    answers, asked = save_as
    window.editor.add_zone_from_template(window.templates.zone("abdomen"))
    for key in ("csv", "slicer", "json", "pdf"):
        window.export_actions[key].trigger()
    assert asked == [], "refused before asking for a file"
    assert len(errors) == 4
    assert errors[0] == ("Nothing was written: zone 'Abdomen' has no injection grid yet; "
                         "lay it out first (Grid ▸ Generate grid, Ctrl+G).")
    assert not any("mesomap grid" in e for e in errors), "the command line's hint stays on the command line"
    assert list(outdir.iterdir()) == []


def test_a_stale_grid_says_where_to_lay_it_out_again(gridded, save_as, outdir, errors):
    answers, asked = save_as
    plan = gridded.doc.plan
    knee = replace(plan.zones[0], grid_source="out of date")
    gridded.doc.replace(replace(plan, zones=(knee,) + plan.zones[1:]))
    gridded.export_actions["json"].trigger()
    assert asked == [] and list(outdir.iterdir()) == []
    assert errors == ["Nothing was written: zone 'Knee, left' changed since its grid was laid out; "
                      "lay it out again (Grid ▸ Generate grid, Ctrl+G)."]


def test_a_failed_write_keeps_the_previous_file(gridded, save_as, outdir, errors, monkeypatch):
    """Exports are atomic: an error while writing leaves the old file whole and no partial one."""
    import mesomap.io.exports as io_exports

    out = outdir / "plan.csv"
    out.write_text("previous export\n")
    answers, _ = save_as
    answers.append(out)

    def broken_rows(plan, surface):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(io_exports, "injection_rows", broken_rows)
    gridded.export_actions["csv"].trigger()
    assert errors == ["Nothing was written: plan.csv: No space left on device."]
    assert out.read_text() == "previous export\n"
    assert sorted(p.name for p in outdir.iterdir()) == ["plan.csv"]


def test_cancelling_the_dialog_writes_nothing(gridded, save_as, outdir, errors):
    answers, asked = save_as
    answers.append(None)
    gridded.export_actions["csv"].trigger()
    assert len(asked) == 1 and not errors
    assert not any(p.suffix == ".csv" for p in outdir.iterdir())


def test_ctrl_p_asks_where_to_save_the_sheet(gridded, save_as, qtbot):
    from PySide6.QtCore import Qt

    answers, asked = save_as
    answers.append(None)  # cancelled
    qtbot.keyClick(gridded, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert [title for title, _ in asked] == ["Save the session sheet"]


def test_exporting_into_a_folder_that_does_not_exist_asks_first(gridded, save_as, outdir, errors, monkeypatch):
    """Issue 13: a typed folder that is not there is created only when the user says so."""
    from PySide6.QtWidgets import QMessageBox

    answers, _ = save_as
    target = outdir / "course" / "week 1" / "session.csv"
    asked = []
    reply = {"button": QMessageBox.StandardButton.No}
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a, **k: asked.append(text) or reply["button"])
    answers.append(target)
    gridded.export_actions["csv"].trigger()
    assert len(asked) == 1 and "does not exist" in asked[0] and str(target.parent) in asked[0]
    assert not target.parent.exists() and not errors  # no, so nothing was made or written
    reply["button"] = QMessageBox.StandardButton.Yes
    answers.append(target)
    gridded.export_actions["csv"].trigger()
    assert target.is_file() and len(asked) == 2 and not errors
