"""The wait cursor over a blocking load: shown while it runs, gone after (raised or not), and gone
before a failed open says why."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

from mesomap.io.plan_file import SUFFIX
from mesomap.ui.busy import wait_cursor


def override_shape():
    cursor = QApplication.overrideCursor()
    return None if cursor is None else cursor.shape()


def test_wait_cursor_is_shown_inside_and_restored_after_even_when_raising(qapp):
    assert override_shape() is None
    with wait_cursor():
        assert override_shape() == Qt.CursorShape.WaitCursor
    assert override_shape() is None
    with pytest.raises(RuntimeError), wait_cursor():
        raise RuntimeError("load failed")
    assert override_shape() is None


@pytest.fixture
def cursor_at_dialogs(monkeypatch):
    """The override cursor's shape each time an error box or the units question is opened."""
    seen = []

    def critical(*a, **k):
        seen.append(override_shape())

    def ask_units(*a, **k):
        seen.append(override_shape())
        return "", False

    monkeypatch.setattr(QMessageBox, "critical", critical)
    monkeypatch.setattr(QInputDialog, "getItem", ask_units)
    return seen


def test_a_plan_that_cannot_be_opened_is_explained_with_the_normal_cursor(window, tmp_path, cursor_at_dialogs):
    bad = tmp_path / f"broken{SUFFIX}"
    bad.write_bytes(b"\x00\xff not json")
    assert not window.files.open_plan(bad, ask=False)
    assert cursor_at_dialogs == [None] and override_shape() is None


def test_a_mesh_that_cannot_be_opened_is_explained_with_the_normal_cursor(window, tmp_path, cursor_at_dialogs,
                                                                          monkeypatch):
    import trimesh

    bad = tmp_path / "scan.ply"
    bad.write_bytes(b"ply\nformat binary_little_endian 1.0\nelement vertex 99\n\x00\x01")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    window.open_mesh_action.trigger()
    trimesh.creation.box(extents=(40.0, 30.0, 500.0)).export(tmp_path / "torso.obj")  # units unclear: asks
    assert not window.bodies.open_mesh(tmp_path / "torso.obj")  # the question is cancelled
    assert cursor_at_dialogs == [None, None] and override_shape() is None
