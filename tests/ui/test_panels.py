"""The zones and reflex point docks: templates, parameter edits (refused when invalid), points on the skin."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from mesomap.io.templates import zone_area_cm2
from mesomap.model import edits
from mesomap.session.session import Mode
from tests.ui.conftest import click, drag, front_skin_point, screen_of


def template_action(menu, group_label, name):
    sub = next(a.menu() for a in menu.actions() if a.menu() and a.text() == group_label)
    return next(a for a in sub.actions() if a.text().startswith(name))


def test_add_from_template_gives_the_template_zone_with_its_area(window):
    panel = window.zone_panel
    template = window.templates.zone("abdomen")
    template_action(panel.template_menu, "Trunk", "Abdomen").trigger()
    (zone,) = window.doc.plan.zones
    assert zone.name == "Abdomen" and zone.template == "abdomen" and zone.side == "midline"
    assert zone.params.technique == template.technique and zone.params.depth_mm == template.depth_mm
    area = window.surface.area_cm2(zone.faces)
    assert area == pytest.approx(zone_area_cm2(template, window.surface.coarse), rel=0.01)  # border smoothed
    assert panel.tree.topLevelItem(0).text(1) == f"{area:.1f} cm²"
    assert window.editor.zone_id == zone.id and panel.tree.currentItem() is panel.tree.topLevelItem(0)
    assert zone.id in window.scene.zones.shown
    assert window.undo_action.text() == "&Undo Add Abdomen"
    # adding it again selects the one there, it does not duplicate it
    template_action(panel.template_menu, "Trunk", "Abdomen").trigger()
    assert len(window.doc.plan.zones) == 1


def test_template_patterns_map_to_the_plan_patterns(window):
    for tid in ("knee_left", "glabella", "spine_lumbar"):
        window.editor.add_zone_from_template(window.templates.zone(tid))
    assert [z.params.pattern for z in window.doc.plan.zones] == ["square", "rows", "rows"]
    assert all(not z.params.errors() for z in window.doc.plan.zones)


def test_a_too_deep_depth_is_refused_with_the_reason(window):
    panel = window.zone_panel
    window.editor.add_zone_from_template(window.templates.zone("abdomen"))
    before = window.doc.plan
    panel.depth.setValue(25.0)
    assert window.doc.plan is before
    assert "depth 25 mm is out of range" in panel.depth.toolTip().lower()
    assert panel.depth.value() == 25.0, "the field keeps the refused value, marked, until corrected"

    panel.depth.setValue(7.0)  # allowed in general, but deeper than the 6 mm needle
    assert window.doc.plan is before
    assert "deeper than the 6 mm needle" in panel.marks.line(panel.depth).text()


def test_parameter_edits_are_undoable_and_warn(window, qtbot):
    panel = window.zone_panel
    window.editor.add_zone("Cheeks")
    zone_id = window.editor.zone_id
    panel.depth.setValue(3.0)  # IDS nominal is 1–2 mm: allowed, with a note
    assert window.doc.plan.zone(zone_id).params.depth_mm == 3.0
    assert "outside the nominal" in panel.message.text()
    assert window.undo_action.text() == "&Undo Set depth of Cheeks"
    panel.technique.setCurrentIndex(panel.technique.findData("IDP"))
    panel.technique.activated.emit(panel.technique.currentIndex())
    assert window.doc.plan.zone(zone_id).params.technique == "IDP"
    panel.gauge.setValue(27)
    panel.needle_length.setValue(13.0)
    assert window.doc.plan.zone(zone_id).params.needle.gauge == 27
    assert window.doc.plan.zone(zone_id).params.needle.length_mm == 13.0
    panel.products.item(0, 0).setText("Hyaluronic acid")
    panel.products.item(0, 1).setText("L123")
    panel.products.item(1, 0).setText("Vitamin C")
    params = window.doc.plan.zone(zone_id).params
    assert [(p.name, p.lot) for p in params.products] == [("Hyaluronic acid", "L123"), ("Vitamin C", "")]
    panel.name.setText("Both cheeks")
    panel.name.editingFinished.emit()
    assert window.doc.plan.zone(zone_id).name == "Both cheeks"
    assert panel.tree.topLevelItem(0).text(0) == "Both cheeks"

    for _ in range(8):  # depth, technique, gauge, needle, 3 product cells, name
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.undo_action.text() == "&Undo Add Cheeks"
    zone = window.doc.plan.zone(zone_id)
    assert zone.name == "Cheeks" and zone.params.depth_mm == 1.5 and zone.params.products == ()
    assert panel.depth.value() == 1.5 and panel.name.text() == "Cheeks", "the editor follows undo"


def test_visibility_is_view_state_not_an_edit(window):
    panel = window.zone_panel
    window.editor.add_zone_from_template(window.templates.zone("abdomen"))
    zone_id = window.editor.zone_id
    steps = window.doc.history.undo_label, window.doc.revision
    panel.tree.topLevelItem(0).setCheckState(0, Qt.CheckState.Unchecked)
    assert zone_id in window.editor.hidden and zone_id not in window.scene.zones.shown
    assert (window.doc.history.undo_label, window.doc.revision) == steps
    panel.tree.topLevelItem(0).setCheckState(0, Qt.CheckState.Checked)
    assert zone_id in window.scene.zones.shown


def test_list_and_3d_selection_stay_in_sync(window):
    panel = window.zone_panel
    window.editor.add_zone_from_template(window.templates.zone("abdomen"))
    window.editor.add_zone_from_template(window.templates.zone("decollete"))
    abdomen, decollete = (z.id for z in window.doc.plan.zones)
    assert window.editor.zone_id == decollete and window.scene.zones.selected == decollete

    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    assert window.editor.zone_id == abdomen and window.scene.zones.selected == abdomen
    assert window.scene.zones._actors[decollete].prop.opacity < 1.0 == window.scene.zones._actors[abdomen].prop.opacity

    click(window.view.plotter, screen_of(window, front_skin_point(window, 0.0, 1260.0)))  # upper chest
    assert window.editor.zone_id == decollete
    assert panel.tree.currentItem().data(0, Qt.ItemDataRole.UserRole) == decollete
    assert panel.name.text() == "Décolleté"


def test_delete_zone_and_undo(window):
    window.editor.add_zone_from_template(window.templates.zone("abdomen"))
    plan = window.doc.plan
    window.zone_panel.delete_button.click()
    assert window.doc.plan.zones == () and window.scene.zones.shown == set()
    window.undo()
    assert window.doc.plan == plan and window.scene.zones.shown == {plan.zones[0].id}


# -- reflex points -----------------------------------------------------------------
def point_position(window, point):
    return window.surface.point_on_face(point.face, point.barycentric)[0]


def on_face_plane(window, point) -> float:
    tri = window.surface.mesh.triangles[point.face]
    normal = window.surface.mesh.face_normals[point.face]
    return abs((point_position(window, point) - tri[0]) @ normal)


def test_place_a_custom_point_by_clicking_the_skin_drag_it_delete_it(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_P)
    assert window.editor.mode == Mode.POINT
    target = front_skin_point(window, 60.0, 1000.0)
    click(window.view.plotter, screen_of(window, target))
    (point,) = window.doc.plan.points
    assert point.code == "P1" and point.side == "right"
    assert on_face_plane(window, point) < 0.01
    assert np.linalg.norm(point_position(window, point) - target) < 3.0
    assert window.editor.point_id == point.id
    assert window.point_panel.tree.topLevelItem(0).text(0) == "P1"
    assert window.undo_action.text() == "&Undo Place point P1"
    placed = window.doc.plan

    qtbot.keyClick(window, Qt.Key.Key_N)  # dragging a point works in navigate mode too
    glyph = window.scene.points.positions[point.id]
    goal = front_skin_point(window, 60.0, 940.0)
    path = [screen_of(window, glyph)] + [screen_of(window, front_skin_point(window, 60.0, z)) for z in (980, 960, 940)]
    camera_before = np.array(window.view.plotter.camera.position)
    drag(window.view.plotter, path)
    (moved,) = window.doc.plan.points
    assert np.linalg.norm(point_position(window, moved) - goal) < 3.0
    assert on_face_plane(window, moved) < 0.01
    assert np.allclose(window.view.plotter.camera.position, camera_before), "dragging a point does not orbit"
    assert window.undo_action.text() == "&Undo Move point P1"
    window.undo()
    assert window.doc.plan == placed, "one undo step per drag"
    window.redo()

    window.point_panel.delete_button.click()
    assert window.doc.plan.points == () and window.scene.points.positions == {}
    window.undo()
    assert window.doc.plan.points == (moved,)


def test_add_library_point_edit_and_refuse(window):
    panel = window.point_panel
    sub = next(a.menu() for a in panel.library_menu.actions() if a.menu() and a.text().startswith("ST36"))
    next(a for a in sub.actions() if a.text() == "left").trigger()
    (point,) = window.doc.plan.points
    template = window.templates.point("st36_left")
    assert (point.code, point.side, point.depth_mm) == ("ST36", "left", template.depth_mm)
    coarse = window.surface.coarse
    expected = np.asarray(template.barycentric) @ coarse.triangles[template.face]
    assert np.linalg.norm(point_position(window, point) - expected) < 1e-6
    assert on_face_plane(window, point) < 0.01

    panel.depth.setValue(6.0)
    assert window.doc.plan.points[0].depth_mm == 6.0
    before = window.doc.plan
    panel.angle.setValue(120.0)
    assert window.doc.plan is before and "needle angle 120" in panel.marks.line(panel.angle).text().lower()
    assert panel.angle.value() == 120.0 and window.doc.plan.points[0].angle_deg == 90.0
    def labels_shown():
        return any(name.startswith("points:labels") for name in window.view.plotter.actors)

    assert labels_shown()
    panel.labels.setChecked(False)
    assert not labels_shown()
    panel.labels.setChecked(True)
    assert labels_shown()


def test_point_list_and_3d_selection_stay_in_sync(window):
    for pid in ("st36_left", "st36_right"):
        window.editor.add_point_from_template(window.templates.point(pid))
    left, right = (p.id for p in window.doc.plan.points)
    panel = window.point_panel
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    assert window.editor.point_id == left and window.scene.points.selected == left
    # a click on a point's glyph selects it (and moves nothing)
    plan = window.doc.plan
    click(window.view.plotter, screen_of(window, window.scene.points.positions[right]))
    assert window.editor.point_id == right and panel.tree.currentItem().text(2) == "right"
    assert window.doc.plan is plan


def test_paint_tools_off_on_a_user_mesh_and_back(window, tmp_path, qtbot):
    import trimesh

    window.editor.add_zone_from_template(window.templates.zone("abdomen"))
    trimesh.creation.box(extents=(400.0, 300.0, 1700.0)).export(tmp_path / "scan.stl")
    assert window.bodies.open_mesh(tmp_path / "scan.stl")
    assert not window.mode_actions[Mode.PAINT].isEnabled() and window.surface is None
    assert not any(name.startswith("zone:") for name in window.view.plotter.actors)
    assert "bundled bodies" in window.statusBar().currentMessage()
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert window.editor.mode == Mode.NAVIGATE
    window.body_actions["female"].trigger()
    assert window.mode_actions[Mode.PAINT].isEnabled()
    assert window.scene.zones.shown == {window.doc.plan.zones[0].id}


def test_switching_body_keeps_the_plan_and_is_undoable(window):
    window.editor.add_zone_from_template(window.templates.zone("abdomen"))
    window.editor.add_point_from_template(window.templates.point("st36_left"))
    plan = window.doc.plan
    window.body_actions["male"].trigger()
    assert window.mesh.body_id == "male" and window.doc.plan.body.body_id == "male"
    assert window.doc.plan.zones == plan.zones and window.doc.plan.points == plan.points
    assert window.surface.coarse.body_id == "male"
    assert window.scene.zones.shown == {plan.zones[0].id} and len(window.scene.points.positions) == 1
    assert window.undo_action.text() == "&Undo Switch to the male body"
    window.undo()
    assert window.doc.plan == plan and window.mesh.body_id == "female"
    assert window.body_actions["female"].isChecked()


def test_switching_an_empty_new_plan_needs_no_undo_or_save(window):
    window.body_actions["male"].trigger()
    assert window.doc.plan.body.body_id == "male"
    assert not window.doc.dirty and not window.undo_action.isEnabled()


def test_edit_with_model_function_refreshes_list(window):
    """Edits from anywhere (not just the panel) show in the list."""
    zone_id = window.editor.add_zone("A")
    window.doc.edit("rename", edits.update_zone, zone_id, name="B")
    assert window.zone_panel.tree.topLevelItem(0).text(0) == "B"


def test_the_selected_zone_is_outlined_and_the_outline_follows_strokes(window):
    from mesomap.render.overlays import zone_outline

    window.editor.add_zone_from_template(window.templates.zone("abdomen"))
    zone = window.editor.zone
    outline = window.view.plotter.actors["zone-outline"].mapper.dataset
    assert np.allclose(outline.points, zone_outline(window.surface, zone.faces).points)
    window.editor.set_mode(Mode.PAINT)
    drag(window.view.plotter, [screen_of(window, front_skin_point(window, x, 600)) for x in (80, 110, 140)])
    grown = window.editor.zone
    assert len(grown.faces) > len(zone.faces)
    grown_outline = window.view.plotter.actors["zone-outline"].mapper.dataset
    assert np.allclose(grown_outline.points, zone_outline(window.surface, grown.faces).points)
    assert grown_outline.n_points > outline.n_points
    from mesomap.render.zone_mesh import smooth_zone  # once the stroke ends, the zone is drawn smooth again

    assert window.view.plotter.actors[f"zone:{grown.id}"].mapper.GetInput() is smooth_zone(window.surface, grown.faces)[0]
    window.zone_panel.tree.topLevelItem(0).setCheckState(0, Qt.CheckState.Unchecked)
    assert "zone-outline" not in window.view.plotter.actors


def test_typing_in_the_panel_does_not_trigger_tool_keys(window, qtbot):
    window.editor.add_zone("Z")
    window.zone_panel.name.setFocus()
    window.zone_panel.name.selectAll()
    qtbot.keyClicks(window.zone_panel.name, "Bemp")
    assert window.editor.mode == Mode.NAVIGATE and not window.editor.mirror
    qtbot.keyClick(window.zone_panel.name, Qt.Key.Key_Return)
    assert window.doc.plan.zones[0].name == "Bemp"


def test_typed_but_unconfirmed_values_are_saved(window, tmp_path):
    from mesomap.io.plan_file import load_plan

    window.editor.add_zone("Z")
    window.zone_panel.notes.setPlainText("avoid the scar")  # still focused: not committed yet
    window.zone_panel.depth.lineEdit().setText("1.8")  # typed, no Enter
    assert window.doc.plan.zones[0].params.notes == ""
    assert window.files.save_to(tmp_path / "p.mesomap.json")
    saved = load_plan(tmp_path / "p.mesomap.json").zones[0].params
    assert saved.notes == "avoid the scar" and saved.depth_mm == 1.8


def test_every_typed_field_is_kept_when_several_are_pending(window, tmp_path):
    from mesomap.io.plan_file import load_plan

    window.editor.add_point_from_template(window.templates.point("cv12"))
    panel = window.point_panel
    panel.name.setText("Zhongwan (stomach)")
    panel.notes.setPlainText("patient ticklish")
    panel.depth.lineEdit().setText("5.5")
    assert window.files.save_to(tmp_path / "p.mesomap.json")
    point = load_plan(tmp_path / "p.mesomap.json").points[0]
    assert (point.name, point.notes, point.depth_mm) == ("Zhongwan (stomach)", "patient ticklish", 5.5)


def test_choosing_nappage_brings_its_default_depth_unless_the_depth_was_set(window):
    """Issue 13: a technique change updates the depth the user did not set (the panel shows it)."""
    panel = window.zone_panel
    zone_id = window.editor.add_zone_from_template(window.templates.zone("forehead"))
    panel.technique.setCurrentIndex(panel.technique.findData("NAP"))
    panel.technique.activated.emit(panel.technique.currentIndex())
    assert window.doc.plan.zone(zone_id).params.depth_mm == 2.0 and panel.depth.value() == 2.0
    panel.depth.setValue(3.5)  # now the clinician's own depth
    panel.technique.setCurrentIndex(panel.technique.findData("IDP"))
    panel.technique.activated.emit(panel.technique.currentIndex())
    assert window.doc.plan.zone(zone_id).params.depth_mm == 3.5 and panel.depth.value() == 3.5
