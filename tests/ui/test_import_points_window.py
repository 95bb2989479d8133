"""File › Import reflex points: a Slicer point list lands on the skin, shows in the point list, undoes in one step."""

from __future__ import annotations

import json

import numpy as np
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.ui.conftest import front_skin_point, wait_summary

SCHEMA_URL = ("https://raw.githubusercontent.com/slicer/slicer/master/Modules/Loadable/Markups/"
              "Resources/Schema/markups-schema-v1.0.3.json#")


def slicer_file(path, points: dict) -> str:
    """{label: RAS mm} as Slicer saves a point list: LPS, mm."""
    cps = [{"id": str(i + 1), "label": label, "description": "", "position": [-p[0], -p[1], p[2]],
            "positionStatus": "defined"} for i, (label, p) in enumerate(points.items())]
    path.write_text(json.dumps({"@schema": SCHEMA_URL, "markups": [
        {"type": "Fiducial", "name": "Slicer points", "coordinateSystem": "LPS", "coordinateUnits": "mm",
         "controlPoints": cps}]}))
    return str(path)


def choose_file(monkeypatch, path: str) -> list:
    asked = []

    def fake(parent, title, start, filters, *a, **k):
        asked.append((title, filters))
        return path, filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake)
    return asked


def test_import_via_the_menu_shows_the_points_and_one_undo_removes_them(window, qtbot, monkeypatch, tmp_path, errors):
    skin = {"K1": front_skin_point(window, 60.0, 1000.0), "K2": front_skin_point(window, -60.0, 1000.0),
            "CV12": front_skin_point(window, 0.0, 1100.0)}
    lifted = {k: v + [0.0, 2.0, 0.0] for k, v in skin.items()}  # 2 mm in front of the skin
    asked = choose_file(monkeypatch, slicer_file(tmp_path / "slicer.mrk.json", lifted))
    action = window.import_points_action
    assert action in window.menuBar().actions()[0].menu().actions()  # File menu
    action.trigger()

    assert asked and "(*.mrk.json)" in asked[0][1] and errors == []
    plan = window.doc.plan
    assert [p.code for p in plan.points] == ["K1", "K2", "CV12"]
    assert [p.side for p in plan.points] == ["right", "left", "midline"]
    tree = window.point_panel.tree
    assert [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())] == ["K1", "K2", "CV12"]
    assert tree.topLevelItem(0).text(1) == "Slicer points"
    assert window.statusBar().currentMessage() == "Imported 3 reflex points from slicer.mrk.json"
    assert window.undo_action.text() == "&Undo Import 3 reflex points"
    for p in plan.points:  # on the skin, close to where Slicer had it
        pos, _ = window.surface.point_on_face(p.face, p.barycentric)
        assert np.linalg.norm(pos - skin[p.code]) < 2.5
        assert set(window.scene.points.positions) >= {p.id}
    assert window.editor.point_id == plan.points[0].id and window.point_panel.isVisible()

    window.view.set_view("front")
    window.view.plotter.camera.zoom(2.5)
    window.view.render_now()
    from PIL import Image

    Image.fromarray(np.asarray(window.view.plotter.screenshot(return_img=True))[..., :3]).save(tmp_path / "import-3d.png")
    window.grab().save(str(tmp_path / "import-window.png"))

    window.undo_action.trigger()
    assert window.doc.plan.points == () and tree.topLevelItemCount() == 0
    assert not window.scene.points.positions
    window.redo_action.trigger()
    assert [p.code for p in window.doc.plan.points] == ["K1", "K2", "CV12"]


def test_a_malformed_file_says_which_field_and_changes_nothing(window, monkeypatch, tmp_path, errors):
    path = tmp_path / "bad.mrk.json"
    path.write_text(json.dumps({"markups": [{"type": "Fiducial", "coordinateSystem": "RAS",
                                             "controlPoints": [{"label": "A", "position": [1, 2]}]}]}))
    choose_file(monkeypatch, str(path))
    before = window.doc.plan
    window.import_points_action.trigger()
    assert errors == ["bad.mrk.json: markups[0].controlPoints[0].position: expected 3 numbers"]
    assert window.doc.plan is before and not window.doc.history.can_undo
    path.write_text(json.dumps({"markups": [{"type": "Fiducial", "coordinateUnits": "cm",
                                             "controlPoints": [{"label": "A", "position": [1, 2, 3]}]}]}))
    window.import_points_action.trigger()
    assert errors[-1] == "bad.mrk.json: markups[0].coordinateUnits: 'cm' is a unit mesomap does not know; use mm or um"


def test_points_off_the_skin_are_named_and_the_user_chooses(window, monkeypatch, tmp_path, errors):
    near = front_skin_point(window, 60.0, 1000.0)
    path = slicer_file(tmp_path / "p.mrk.json", {"near": near, "far": near + [0.0, 60.0, 0.0]})
    choose_file(monkeypatch, path)
    questions = []

    def answer(reply):
        def question(parent, title, text, *a, **k):
            questions.append(text)
            return reply
        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    window.import_points_action.trigger()
    assert window.doc.plan.points == ()
    assert questions[-1].startswith("p.mrk.json: 1 point is farther than 10 mm from the skin: far (")
    assert 40 < float(questions[-1].split("far (")[1].split(" mm)")[0]) <= 60
    assert "Import the other 1 point" in questions[-1]
    assert window.statusBar().currentMessage() == "Nothing imported from p.mrk.json"

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    window.import_points_action.trigger()
    assert [p.code for p in window.doc.plan.points] == ["near"]
    assert window.statusBar().currentMessage() == (
        "Imported 1 reflex point from p.mrk.json (1 farther than 10 mm from the skin left out)")

    only_far = slicer_file(tmp_path / "far.mrk.json", {"far": near + [0.0, 60.0, 0.0]})
    choose_file(monkeypatch, only_far)
    window.import_points_action.trigger()
    assert errors[-1].startswith("far.mrk.json: 1 point is farther than 10 mm from the skin: far (")
    assert errors[-1].endswith("; nothing was imported.") and len(window.doc.plan.points) == 1


def test_the_summary_counts_imported_points_as_injections(window, qtbot, monkeypatch, tmp_path, errors):
    """The summary dock follows an import (and its undo): its refresh is coalesced by a short timer
    (REFRESH_MS after the change), so the count is waited for, not read at once."""
    panel = window.summary_panel
    wait_summary(qtbot, window)
    assert panel.summary.count == 0 and "<b>0 injections</b>" in panel.totals.text()
    skin = {"K1": front_skin_point(window, 60.0, 1000.0), "K2": front_skin_point(window, -60.0, 1000.0)}
    choose_file(monkeypatch, slicer_file(tmp_path / "two.mrk.json", skin))
    window.import_points_action.trigger()
    assert errors == [] and len(window.doc.plan.points) == 2

    qtbot.waitUntil(lambda: panel.summary.count == 2, timeout=5000)
    assert panel.summary.reflex_count == 2
    assert "<b>2 injections</b> (0 in zones, 2 reflex points)" in panel.totals.text()
    reflex_row = panel.table.topLevelItem(0)
    assert (reflex_row.text(0), reflex_row.text(1)) == ("Reflex points", "2")

    window.undo_action.trigger()
    qtbot.waitUntil(lambda: panel.summary.count == 0, timeout=5000)
    assert "<b>0 injections</b>" in panel.totals.text()
