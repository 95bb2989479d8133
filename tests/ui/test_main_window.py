"""The desktop window driven like a user: keys, toolbar, clicks on the body, File > Open."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from mesomap import __version__
from mesomap.ui.main_window import MainWindow
from tests.conftest import foreground_mask
from tests.ui.conftest import camera, wait_exposed


def test_opens_with_the_female_body_and_a_status_line(window):
    assert window.mesh.body_id == "female"
    assert window.body_actions["female"].isChecked()
    text = window.body_label.text()
    assert text == "Female body" and "triangle" not in window.statusBar().currentMessage()
    pixels = window.view.plotter.screenshot(return_img=True)
    mask = foreground_mask(np.asarray(pixels)[..., :3])
    assert 0.05 <= mask.mean() <= 0.6, mask.mean()


@pytest.mark.parametrize(
    "key, check",
    [
        (Qt.Key.Key_2, lambda pos, foc, h: pos[1] < foc[1] - 500),  # back: camera behind (-y)
        (Qt.Key.Key_3, lambda pos, foc, h: pos[0] < foc[0] - 500),  # patient's left: camera at -x
        (Qt.Key.Key_4, lambda pos, foc, h: pos[0] > foc[0] + 500),  # patient's right: camera at +x
        (Qt.Key.Key_5, lambda pos, foc, h: foc[2] > 0.85 * h and np.linalg.norm(pos - foc) < 1200),  # face close-up
        (Qt.Key.Key_1, lambda pos, foc, h: pos[1] > foc[1] + 500),  # front: camera in front (+y)
    ],
)
def test_number_keys_switch_view_presets(window, qtbot, key, check):
    window.view.set_view("front" if key != Qt.Key.Key_1 else "back")
    qtbot.keyClick(window.view.plotter, key)
    pos, foc = camera(window)
    assert check(pos, foc, window.mesh.height_mm), (pos, foc)


def test_reset_view_undoes_orbit_and_zoom(window):
    home = camera(window)
    window.view.plotter.camera.azimuth = 70
    window.view.plotter.camera.zoom(2.0)
    assert not np.allclose(camera(window)[0], home[0])
    window.reset_action.trigger()
    assert np.allclose(camera(window)[0], home[0]) and np.allclose(camera(window)[1], home[1])


def test_body_switch_updates_view_status_and_settings(window, qtbot, settings):
    window.body_actions["male"].trigger()
    assert window.mesh.body_id == "male" and window.mesh.height_mm > 1650
    assert window.body_label.text() == "Male body"
    assert window.body_actions["male"].isChecked() and not window.body_actions["female"].isChecked()
    window.close()
    again = MainWindow(settings=settings)
    qtbot.addWidget(again)
    assert again.mesh.body_id == "male"


def test_window_geometry_persists(qtbot, settings):
    first = MainWindow(settings=settings)
    qtbot.addWidget(first)
    first.resize(777, 655)
    first.show()
    wait_exposed(qtbot, first)
    first.close()
    second = MainWindow(settings=settings)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (777, 655)


def click_centre_pick(window, qtbot, offset=(0, 0)):
    widget = window.view.plotter
    centre = QPoint(widget.width() // 2 + offset[0], widget.height() // 2 + offset[1])
    window.last_pick = None
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=centre)
    return centre


def test_click_on_the_body_picks_the_face_under_the_cursor(window, qtbot):
    centre = click_centre_pick(window, qtbot)
    hit = window.last_pick
    assert hit is not None
    mesh = window.mesh
    assert 0 <= hit.face < mesh.n_faces
    tri = mesh.triangles[hit.face]
    assert np.allclose(hit.barycentric @ tri, hit.point_mm)
    assert abs((hit.point_mm - tri[0]) @ mesh.face_normals[hit.face]) < 0.01  # on the skin
    assert hit.point_mm[1] > 0 and mesh.face_normals[hit.face][1] > 0  # the front skin, facing the camera
    assert "Face" not in window.statusBar().currentMessage()  # clinicians' words, not triangles

    # VTK's own picker agrees on where the click landed.
    import vtk

    picker = vtk.vtkCellPicker()
    picker.SetTolerance(1e-6)
    ratio = window.view.plotter.devicePixelRatioF()
    height = window.view.plotter.ren_win.GetSize()[1]
    picker.Pick(centre.x() * ratio, height - 1 - centre.y() * ratio, 0, window.view.plotter.renderer)
    assert np.linalg.norm(np.array(picker.GetPickPosition()) - hit.point_mm) < 3.0


def test_click_beside_the_body_picks_nothing(window, qtbot):
    window.last_pick = None
    qtbot.mouseClick(window.view.plotter, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert window.last_pick is None


def test_open_corrupt_mesh_shows_error_and_keeps_body(window, qtbot, tmp_path, errors, monkeypatch):
    bad = tmp_path / "scan.ply"
    bad.write_bytes(b"ply\nformat binary_little_endian 1.0\nelement vertex 99\n\x00\x01")
    before = window.mesh
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    window.open_mesh_action.trigger()
    assert len(errors) == 1 and "scan.ply" in errors[0]
    assert window.mesh is before
    assert window.body_actions["female"].isChecked()


def test_open_user_mesh_and_ask_units_when_unclear(window, tmp_path, errors, monkeypatch):
    import trimesh

    box = trimesh.creation.box(extents=(40.0, 30.0, 500.0))  # 500: cm? mm? cannot tell
    box.export(tmp_path / "torso.obj")
    asked = []

    def answer(parent, title, label, items, *a, **k):
        asked.append(label)
        return next(i for i in items if i.startswith("millimetres")), True

    monkeypatch.setattr(QInputDialog, "getItem", answer)
    assert window.bodies.open_mesh(tmp_path / "torso.obj")
    assert asked and "500" in asked[0]
    assert errors == []
    assert window.mesh.name == "torso.obj" and window.mesh.height_mm == pytest.approx(500.0)
    assert window.body_label.text() == "torso.obj"
    assert not any(a.isChecked() for a in window.body_actions.values())


def test_about_states_version_and_no_medical_advice(window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    next(a for a in help_menu.actions() if "About" in a.text()).trigger()
    assert __version__ in shown[0] and "no medical advice" in shown[0] and "CC0" in shown[0]


def test_vtk_hot_keys_do_not_change_the_view(window, qtbot):
    """'w' (wireframe) and 'q' (quit) are VTK defaults that must not fire in the app."""
    prop = window.view._body_actor.actor.GetProperty()
    qtbot.keyClick(window.view.plotter, Qt.Key.Key_W)
    qtbot.keyClick(window.view.plotter, Qt.Key.Key_Q)
    assert prop.GetRepresentationAsString() == "Surface"
    assert window.isVisible()


def test_closing_drops_the_views_gl_wrappers(qtbot, settings):
    """pyvistaqt keeps Python wrappers of Qt-owned GL objects past close; a wrapper outliving its object is
    handed out again for a new Qt object at the same address (seen: a menu returned as QOffscreenSurface)."""
    win = MainWindow(settings=settings)
    qtbot.addWidget(win)
    win.show()
    wait_exposed(qtbot, win)
    plotter = win.view.plotter
    assert getattr(plotter, "_surface", None) is not None  # realized: it holds the context's surface
    win.close()
    assert getattr(plotter, "_surface", None) is None and getattr(plotter, "_ctx", None) is None


def test_the_wheel_zooms_towards_the_point_under_the_cursor(window):
    """Issue 13: as in every 3D tool, the skin under the cursor stays under it while the view zooms in."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    from tests.ui.conftest import front_skin_point
    from PySide6.QtWidgets import QApplication

    view = window.view
    hand = front_skin_point(window, 110.0, 600.0)  # a thigh: well off the view's centre
    x, y, _ = view.to_widget(hand)
    distance_before = np.linalg.norm(np.array(view.plotter.camera.position) - hand)
    event = QWheelEvent(QPointF(x, y), view.plotter.mapToGlobal(QPointF(x, y)), QPoint(0, 0), QPoint(0, 240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.plotter, event)
    x2, y2, _ = view.to_widget(hand)
    assert abs(x2 - x) < 1.5 and abs(y2 - y) < 1.5, ((x, y), (x2, y2))  # still under the cursor
    assert np.linalg.norm(np.array(view.plotter.camera.position) - hand) < distance_before / 1.25  # two notches closer
