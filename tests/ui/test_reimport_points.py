"""File › Import reflex points twice: the second import updates the points in place (one undo step) and says so."""

from __future__ import annotations

import json

from tests.ui.conftest import front_skin_point
from tests.ui.test_import_points_window import choose_file, slicer_file


def test_importing_the_same_list_again_moves_points_in_place(window, monkeypatch, tmp_path, errors):
    skin = {"K1": front_skin_point(window, 60.0, 1000.0), "CV12": front_skin_point(window, 0.0, 1100.0)}
    choose_file(monkeypatch, slicer_file(tmp_path / "a.mrk.json", skin))
    window.import_points_action.trigger()
    first = window.doc.plan.points
    assert [p.code for p in first] == ["K1", "CV12"]

    choose_file(monkeypatch, slicer_file(tmp_path / "a.mrk.json", skin))
    window.import_points_action.trigger()  # the same file: nothing to do
    assert window.doc.plan.points == first
    assert window.statusBar().currentMessage().startswith("Nothing to import from a.mrk.json: 0 new reflex points, 2 unchanged")

    moved = {"K1": front_skin_point(window, 70.0, 1000.0), "CV12": skin["CV12"]}
    choose_file(monkeypatch, slicer_file(tmp_path / "a.mrk.json", moved))
    window.import_points_action.trigger()
    after = window.doc.plan.points
    assert [p.id for p in after] == [p.id for p in first] and after[0] != first[0] and after[1] == first[1]
    message = window.statusBar().currentMessage()
    assert message.startswith("Updated 1 reflex point from a.mrk.json (K1 right: moved ")
    assert "1 unchanged" in message and errors == []
    assert window.undo_action.text() == "&Undo Update 1 reflex point"
    window.undo_action.trigger()
    assert window.doc.plan.points == first


def test_a_depth_no_reflex_point_may_have_is_refused_in_a_message(window, monkeypatch, tmp_path, errors):
    skin = {"K1": front_skin_point(window, 60.0, 1000.0)}
    path = tmp_path / "deep.mrk.json"
    slicer_file(path, skin)
    doc = json.loads(path.read_text())
    doc["markups"][0]["controlPoints"][0]["description"] = "Knee; side right; depth 50 mm; volume 0.1 ml; order 1"
    path.write_text(json.dumps(doc))
    choose_file(monkeypatch, str(path))
    before = window.doc.plan
    window.import_points_action.trigger()
    assert window.doc.plan is before
    assert len(errors) == 1 and errors[0].startswith("deep.mrk.json: K1 (markups[0].controlPoints[0]): depth")
