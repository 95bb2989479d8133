"""Open dialogs start in the folder the user last took that kind of file from (meshes, scans, markups apart)."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from mesomap.ui.file_dialogs import ask_open_path


def test_each_kind_of_file_remembers_its_own_folder(window, tmp_path, monkeypatch):
    scans, meshes = tmp_path / "scans", tmp_path / "meshes"
    scans.mkdir(), meshes.mkdir()
    asked = []

    def dialog(parent, title, start, file_filter):
        asked.append(start)
        return (str(answers.pop(0)), "") if answers else ("", "")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog)
    answers = [scans / "face.ply", meshes / "body.obj"]
    assert ask_open_path(window, "Import scan", "*", "files/last_scan_dir") == str(scans / "face.ply")
    assert ask_open_path(window, "Open mesh", "*", "files/last_mesh_dir") == str(meshes / "body.obj")
    assert ask_open_path(window, "Import scan", "*", "files/last_scan_dir") is None  # cancelled
    assert asked[2] == str(scans)  # the scan dialog came back to the scans folder, not the meshes one
    assert window.settings.value("files/last_mesh_dir") == str(meshes)
