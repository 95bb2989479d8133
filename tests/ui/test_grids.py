"""Injection grids in the window: generate (one zone, all), undo, spacing and pattern re-layouts, the
slider preview, stale grids, and editing single injection points with the mouse."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import Qt

from mesomap.model.plan import InjectionPoint
from mesomap.render.overlays import STALE_RGB
from mesomap.session.session import Mode
from mesomap.ui.list_panel import ID_ROLE
from tests.ui.conftest import click, drag, front_skin_point, gridded_window, hover, screen_of, wait_grids


def on_skin_inside(window, zone) -> None:
    """Every injection lies on one of the zone's faces, on the skin (barycentric inside its triangle)."""
    faces = np.array([q.face for q in zone.injections])
    bary = np.array([q.barycentric for q in zone.injections])
    assert np.isin(faces, zone.faces).all(), "an injection outside its zone"
    assert (bary >= -1e-9).all() and np.allclose(bary.sum(axis=1), 1.0)
    tri = window.surface.mesh.triangles[faces]
    pos = np.einsum("ij,ijk->ik", bary, tri)
    normal = window.surface.mesh.face_normals[faces]
    assert np.abs(np.einsum("ij,ij->i", pos - tri[:, 0], normal)).max() < 1e-6, "off the skin"


def front_injection(window, zone) -> int:
    """An injection of ``zone`` near its middle that faces the camera (front view)."""
    pos, normals = window.scene.injection_frames(zone)
    centre = pos.mean(axis=0)
    score = np.linalg.norm(pos - centre, axis=1) - 1000 * (normals[:, 1] > 0.8)
    return int(np.argmin(score))


def zoom_on(window, factor=2.0):
    window.view.plotter.camera.zoom(factor)
    window.view.render_now()


def test_generate_grid_lays_out_the_zone_on_the_skin_and_undo_removes_it(window, qtbot):
    window.editor.add_zone_from_template(window.templates.zone("abdomen"))
    before = window.doc.plan
    window.generate_action.trigger()
    assert window.grids.busy and window.busy_bar.isVisible(), "a busy indicator while the worker lays it out"
    assert "Laying out Abdomen" in window.busy_label.text()
    assert window.doc.plan is before, "nothing changes until the layout is done"
    wait_grids(qtbot, window)
    assert not window.busy_bar.isVisible()
    (zone,) = window.doc.plan.zones
    assert 150 < len(zone.injections) < 500 and not zone.grid_stale
    on_skin_inside(window, zone)
    assert window.undo_action.text() == "&Undo Generate grid of Abdomen"
    assert zone.id in window.scene.grid.shown
    assert f"{len(zone.injections)} injection points" in window.zone_panel.grid_status.text()
    window.undo()
    assert window.doc.plan == before and window.doc.plan.zones[0].injections == ()
    assert zone.id not in window.scene.grid.shown
    window.redo()
    assert window.doc.plan.zones[0] == zone


def test_generate_all_fills_every_zone_as_one_step(window, qtbot):
    for zone_id in ("abdomen", "knee_left", "forehead"):
        window.editor.add_zone_from_template(window.templates.zone(zone_id))
    window.editor.add_zone("Empty")
    before = window.doc.plan
    window.generate_all_action.trigger()
    wait_grids(qtbot, window)
    painted = [z for z in window.doc.plan.zones if len(z.faces)]
    assert len(painted) == 3 and all(z.injections and not z.grid_stale for z in painted)
    for z in painted:
        on_skin_inside(window, z)
    assert window.doc.plan.zones[3].injections == ()  # nothing painted: nothing laid out
    assert window.scene.grid.shown == {z.id for z in painted}
    assert window.undo_action.text() == "&Undo Generate all grids"
    window.undo()
    assert window.doc.plan == before


def test_same_zone_same_grid_as_the_command_line(window, qtbot):
    """The worker process runs model.grid.layout_zone: the window's grid is the CLI's grid."""
    from mesomap.model.grid import layout_zone

    gridded_window(qtbot, window, "knee_left")
    zone = window.doc.plan.zones[0]
    assert zone.injections == layout_zone(replace(zone, injections=()), window.surface)


def test_changing_the_spacing_lays_out_again_as_one_undo_step(window, qtbot):
    gridded_window(qtbot, window, "abdomen")
    before = window.doc.plan
    zone = before.zones[0]
    assert zone.params.spacing_mm == 15.0
    panel = window.zone_panel
    panel.spacing.setValue(10.0)
    assert panel.spacing.value() == 10.0 and "Laying out" in panel.grid_status.text()
    wait_grids(qtbot, window)
    new = window.doc.plan.zones[0]
    assert new.params.spacing_mm == 10.0 and not new.grid_stale
    ratio = len(new.injections) / len(zone.injections)
    assert 2.25 * 0.8 < ratio < 2.25 * 1.2, ratio  # count ~ 1/spacing²
    on_skin_inside(window, new)
    assert window.undo_action.text() == "&Undo Set spacing of Abdomen"
    window.undo()
    assert window.doc.plan == before, "parameters and grid come back together"
    assert panel.spacing.value() == 15.0


def test_pattern_and_margin_follow_too(window, qtbot):
    gridded_window(qtbot, window, "knee_left")
    panel = window.zone_panel
    panel.pattern.setCurrentText("rows")
    panel.pattern.activated.emit(panel.pattern.currentIndex())
    wait_grids(qtbot, window)
    zone = window.doc.plan.zones[0]
    assert zone.params.pattern == "rows" and not zone.grid_stale
    assert panel.row_angle.isVisible() and panel.row_spacing.isVisible()
    panel.row_angle.setValue(90.0)
    wait_grids(qtbot, window)
    turned = window.doc.plan.zones[0]
    assert turned.params.row_angle_deg == 90.0 and not turned.grid_stale and turned.injections != zone.injections
    panel.margin.setValue(zone.params.margin_mm + 6.0)
    wait_grids(qtbot, window)
    assert len(window.doc.plan.zones[0].injections) < len(turned.injections)


def test_the_spacing_slider_previews_while_dragging_and_lays_out_on_release(window, qtbot):
    gridded_window(qtbot, window, "abdomen")
    before = window.doc.plan
    zone = before.zones[0]
    slider = window.zone_panel.spacing_slider
    assert slider.value() * 0.5 == zone.params.spacing_mm
    slider.setSliderDown(True)
    for value in (28, 24, 20):  # 14, 12, 10 mm
        slider.setSliderPosition(value)
    qtbot.waitUntil(lambda: zone.id in window.grids.previews and window.grids.previews[zone.id][0].spacing_mm == 10.0,
                    timeout=30000)
    assert window.doc.plan is before, "a preview is not an edit"
    params, preview = window.grids.previews[zone.id]
    assert len(preview) > 1.6 * len(zone.injections)
    assert window.zone_panel.spacing.value() == 10.0
    qtbot.waitUntil(lambda: window.scene._grid_keys[zone.id][0] == "preview", timeout=5000)
    window.summary_panel.refresh()
    row = window.summary_panel.table.topLevelItem(0)
    assert row.text(1).startswith("~"), "the summary follows the slider with an estimate"
    slider.setSliderDown(False)  # release
    wait_grids(qtbot, window)
    new = window.doc.plan.zones[0]
    assert new.params.spacing_mm == 10.0 and not new.grid_stale and zone.id not in window.grids.previews
    assert window.scene._grid_keys[zone.id][0] == "grid"
    assert window.undo_action.text() == "&Undo Set spacing of Abdomen"
    window.undo()
    assert window.doc.plan == before, "the whole drag is one undo step"


def test_a_zone_without_grid_only_changes_its_parameters(window, qtbot):
    window.editor.add_zone_from_template(window.templates.zone("knee_left"))
    window.zone_panel.spacing.setValue(12.0)
    assert not window.grids.busy
    zone = window.doc.plan.zones[0]
    assert zone.params.spacing_mm == 12.0 and zone.injections == ()


def test_a_painted_over_grid_is_marked_stale_and_regenerates(window, qtbot):
    gridded_window(qtbot, window, "abdomen")
    zone = window.doc.plan.zones[0]
    window.editor.set_mode(Mode.PAINT)
    # a stroke across the zone's lower edge, wide enough past the edge for the grid to reach (+~440 faces)
    drag(window.view.plotter, [screen_of(window, front_skin_point(window, x, 860)) for x in (-60, -20, 20, 60)])
    painted = window.doc.plan.zones[0]
    assert len(painted.faces) > len(zone.faces) and painted.grid_stale
    assert painted.injections == zone.injections, "the grid stays, marked"
    status = window.zone_panel.grid_status.text()
    assert "changed since its grid was laid out" in status and "regenerate" in status
    assert window.zone_panel.generate_button.text() == "Regenerate"
    actor = window.view.plotter.actors[f"grid:{zone.id}"]
    assert np.allclose(actor.prop.color.float_rgb, STALE_RGB, atol=0.01) and actor.prop.opacity < 1.0
    window.zone_panel.generate_button.click()
    wait_grids(qtbot, window)
    fresh = window.doc.plan.zones[0]
    assert not fresh.grid_stale and len(fresh.injections) > len(zone.injections)
    on_skin_inside(window, fresh)
    assert f"grid:{zone.id}" not in window.view.plotter.actors, "the ghost is gone"
    assert window.view.plotter.actors["grid:discs"].mapper.scalar_visibility  # all current grids: one actor


def test_pinned_points_are_kept_when_laid_out_again(window, qtbot):
    gridded_window(qtbot, window, "abdomen")
    zone = window.doc.plan.zones[0]
    index = front_injection(window, zone)
    window.editor.select_injection(zone.id, index)
    window.pin_action.trigger()
    pinned = window.doc.plan.zones[0].injections[index]
    assert pinned.pinned and window.undo_action.text().startswith("&Undo Pin injection")
    assert "pinned" in window.zone_panel.injection_label.text()
    window.zone_panel.spacing.setValue(12.0)
    wait_grids(qtbot, window)
    relaid = window.doc.plan.zones[0]
    assert relaid.params.spacing_mm == 12.0 and pinned in relaid.injections
    window.generate_action.trigger()
    wait_grids(qtbot, window)
    assert pinned in window.doc.plan.zones[0].injections
    assert sum(q.pinned for q in window.doc.plan.zones[0].injections) == 1


def test_move_a_point_by_dragging_it_and_undo(window, qtbot):
    gridded_window(qtbot, window, "abdomen")
    zoom_on(window)
    zone = window.doc.plan.zones[0]
    index = front_injection(window, zone)
    pos, _ = window.scene.injection_frames(zone)
    start = pos[index]
    qtbot.keyClick(window, Qt.Key.Key_I)
    assert window.editor.mode == Mode.INJECT
    before = window.doc.plan
    goal = front_skin_point(window, start[0] + 6.0, start[2] - 6.0)
    camera = np.array(window.view.plotter.camera.position)
    drag(window.view.plotter, [screen_of(window, start), screen_of(window, (start + goal) / 2), screen_of(window, goal)])
    moved = window.doc.plan.zones[0].injections[index]
    assert moved.pinned, "a point moved by hand is pinned"
    assert np.linalg.norm(window.surface.point_on_face(moved.face, moved.barycentric)[0] - goal) < 2.0
    assert moved.face in zone.faces
    assert np.allclose(window.view.plotter.camera.position, camera), "dragging a point does not orbit"
    assert len(window.doc.plan.zones[0].injections) == len(zone.injections)
    assert window.undo_action.text().startswith("&Undo Move injection")
    window.undo()
    assert window.doc.plan == before


def test_a_point_stays_inside_its_zone_when_dragged_out(window, qtbot):
    gridded_window(qtbot, window, "abdomen")
    zoom_on(window)
    zone = window.doc.plan.zones[0]
    index = front_injection(window, zone)
    start = window.scene.injection_frames(zone)[0][index]
    window.editor.set_mode(Mode.INJECT)
    outside = front_skin_point(window, start[0], 760.0)  # well below the abdomen
    drag(window.view.plotter, [screen_of(window, start), screen_of(window, outside)])
    q = window.doc.plan.zones[0].injections[index]
    assert q.face in zone.faces


def gap_between(pos, i) -> np.ndarray:
    """The middle of the triangle point ``i`` makes with two neighbours of each other (free skin)."""
    d = np.linalg.norm(pos - pos[i], axis=1)
    d[i] = np.inf
    near = np.argsort(d)[:6]
    for a in near:
        for b in near:
            if a < b and np.linalg.norm(pos[a] - pos[b]) < 1.3 * d[near[0]]:
                return (pos[i] + pos[a] + pos[b]) / 3
    raise AssertionError("no neighbours")


def test_add_and_delete_points_in_injection_mode(window, qtbot, isolated_data):
    gridded_window(qtbot, window, "abdomen")
    zoom_on(window, 2.5)
    zone = window.doc.plan.zones[0]
    window.editor.set_mode(Mode.INJECT)
    pos, _ = window.scene.injection_frames(zone)
    gap = gap_between(pos, front_injection(window, zone))
    target = front_skin_point(window, gap[0], gap[2])
    xy = screen_of(window, target)
    assert window.tool.injection_under(*xy) is None
    click(window.view.plotter, xy)
    added = window.doc.plan.zones[0].injections
    assert len(added) == len(zone.injections) + 1 and added[-1].pinned and added[-1].face in zone.faces
    assert window.editor.injection == (zone.id, len(added) - 1)
    assert window.undo_action.text() == "&Undo Add injection to Abdomen"
    # outside the zone: refused, said why
    click(window.view.plotter, screen_of(window, front_skin_point(window, 0.0, 1500.0)))
    assert len(window.doc.plan.zones[0].injections) == len(added)
    assert "inside a zone" in window.statusBar().currentMessage()
    # Delete removes the selected point (one undo step)
    window.editor.select_injection(zone.id, 5)
    fifth = window.doc.plan.zones[0].injections[5]
    qtbot.keyClick(window, Qt.Key.Key_Delete)
    after = window.doc.plan.zones[0].injections
    assert len(after) == len(added) - 1 and fifth not in after
    assert window.undo_action.text().startswith("&Undo Delete injection 6 of Abdomen")
    window.undo()
    assert window.doc.plan.zones[0].injections == added


def test_adding_to_a_zone_without_grid_is_refused_with_a_reason(window, qtbot):
    window.editor.add_zone_from_template(window.templates.zone("abdomen"))
    window.editor.set_mode(Mode.INJECT)
    click(window.view.plotter, screen_of(window, front_skin_point(window, 0.0, 1020.0)))
    assert window.doc.plan.zones[0].injections == ()
    assert "no grid yet" in window.statusBar().currentMessage()


def test_hover_and_click_name_a_point(window, qtbot):
    gridded_window(qtbot, window, "abdomen")
    zoom_on(window)
    zone = window.doc.plan.zones[0]
    index = front_injection(window, zone)
    xy = screen_of(window, window.scene.injection_frames(zone)[0][index])
    hover(window.view.plotter, xy)
    text = window.statusBar().currentMessage()
    n = index + 1
    assert text.startswith(f"Injection {n} · Abdomen ({n} of {len(zone.injections)})"), text
    p = zone.params
    for part in (f"depth {p.depth_mm:g} mm", f"{p.volume_per_point_ml:g} ml", "IDP (deep intradermal)", "needle"):
        assert part in text
    assert ", y " not in text and "Face" not in text  # clinicians' words: no coordinates, no triangles
    click(window.view.plotter, xy)
    assert window.editor.injection == (zone.id, index) and window.scene.marker.visible
    assert window.zone_panel.injection_box.isVisible()
    hover(window.view.plotter, (5, 5))  # off the body: the selected point stays named
    assert window.statusBar().currentMessage().startswith(f"Injection {n} ")


def test_projection_matches_vtk(window):
    pts = np.array([front_skin_point(window, x, z) for x, z in ((0, 1000), (80, 600), (-120, 1300))])
    xy, depth = window.view.project(pts)
    for p, (x, y), d in zip(pts, xy, depth):
        ex, ey, ed = window.view.to_widget(p)
        assert abs(x - ex) < 0.01 and abs(y - ey) < 0.01 and abs(d - ed) < 1e-6


def test_order_numbers_toggle_and_hidden_zones_hide_their_grid(window, qtbot):
    gridded_window(qtbot, window, "abdomen")
    zone = window.doc.plan.zones[0]
    def numbers_shown():
        return any(name.startswith("grid:numbers") for name in window.view.plotter.actors)

    assert not numbers_shown()
    qtbot.keyClick(window, Qt.Key.Key_O)
    assert window.numbers_action.isChecked() and numbers_shown()
    window.editor.set_zone_visible(zone.id, False)
    assert zone.id not in window.scene.grid.shown
    window.editor.set_zone_visible(zone.id, True)
    assert zone.id in window.scene.grid.shown
    window.numbers_action.trigger()
    assert not numbers_shown()


def test_a_zone_changed_while_laid_out_keeps_its_stale_grid(window, qtbot):
    """The layout runs on what the zone was; if the zone changed meanwhile the result is not applied."""
    gridded_window(qtbot, window, "knee_left")
    old = window.doc.plan.zones[0]
    window.generate_action.trigger()  # re-layout requested…
    window.editor.apply_faces(old.id, window.surface.children_of([0]))  # …and the zone changes meanwhile
    wait_grids(qtbot, window)
    zone = window.doc.plan.zones[0]
    assert zone.injections == old.injections and zone.grid_stale
    assert "changed while the grid was laid out" in window.statusBar().currentMessage()


def test_undo_while_a_spacing_change_is_laid_out_drops_it(window, qtbot):
    gridded_window(qtbot, window, "knee_left")
    window.editor.add_point_from_template(window.templates.point("st36_left"))
    before = window.doc.plan
    window.zone_panel.spacing.setValue(window.doc.plan.zones[0].params.spacing_mm + 5)
    window.undo()  # undoes the point, and drops the pending spacing change
    wait_grids(qtbot, window)
    assert window.doc.plan.points == () and window.doc.plan.zones == before.zones


def test_editing_a_plan_on_a_user_mesh_is_off(window, qtbot, tmp_path):
    import trimesh

    gridded_window(qtbot, window, "knee_left")
    trimesh.creation.box(extents=(400.0, 300.0, 1700.0)).export(tmp_path / "scan.stl")
    assert window.bodies.open_mesh(tmp_path / "scan.stl")
    assert not window.generate_action.isEnabled() and not window.generate_all_action.isEnabled()
    assert not window.grid_actions.generate()
    assert not any(name.startswith("grid:") for name in window.view.plotter.actors)
    window.body_actions["female"].trigger()
    assert window.scene.grid.shown == {window.doc.plan.zones[0].id}


def test_injection_point_model_edits_are_what_the_editor_does(window, qtbot):
    gridded_window(qtbot, window, "knee_left")
    zone = window.doc.plan.zones[0]
    window.editor.select_injection(zone.id, 0)
    assert window.editor.set_injection_pinned(True)
    assert window.doc.plan.zones[0].injections[0] == replace(zone.injections[0], pinned=True)
    assert window.editor.set_injection_pinned(None)  # toggles back
    assert window.doc.plan.zones[0].injections[0] == zone.injections[0]
    assert isinstance(window.editor.injection_point, InjectionPoint)


@pytest.mark.parametrize("zone_id", ["forehead"])
def test_opening_a_gridded_plan_draws_its_grid(window, qtbot, tmp_path, zone_id):
    gridded_window(qtbot, window, zone_id)
    assert window.files.save_to(tmp_path / "p.mesomap.json")
    window.files.new_plan()
    assert window.scene.grid.shown == set()
    assert window.files.open_plan(tmp_path / "p.mesomap.json")
    assert window.scene.grid.shown == {window.doc.plan.zones[0].id}


def test_a_selected_point_is_let_go_when_its_grid_is_laid_out_again(window, qtbot):
    gridded_window(qtbot, window, "knee_left")
    zone = window.doc.plan.zones[0]
    window.editor.select_injection(zone.id, 3)
    window.generate_action.trigger()
    wait_grids(qtbot, window)
    assert window.editor.injection is None and not window.scene.marker.visible


def test_a_worker_process_that_dies_mid_layout_is_replaced_by_a_thread(window, qtbot):
    from mesomap.session.worker import LayoutWorker

    own = LayoutWorker()
    window.grids.worker = own
    try:
        window.editor.add_zone_from_template(window.templates.zone("forehead"))
        window.generate_action.trigger()
        assert own.kind == "process"
        own._executor._proc.kill()  # the worker crashes (out of memory, killed…)
        wait_grids(qtbot, window)
        assert own.kind == "thread"
        zone = window.doc.plan.zones[0]
        assert zone.injections and not zone.grid_stale
        on_skin_inside(window, zone)
    finally:
        own.shutdown(wait=True)


def test_the_thread_worker_lays_out_the_same_grid(window, qtbot):
    from mesomap.session.worker import LayoutWorker

    gridded_window(qtbot, window, "knee_left")
    by_process = window.doc.plan.zones[0].injections
    window.grids.worker = LayoutWorker(use_process=False)
    window.clear_grid_action.trigger()
    window.generate_action.trigger()
    wait_grids(qtbot, window)
    assert window.grids.worker.kind == "thread"
    assert window.doc.plan.zones[0].injections == by_process
    window.grids.worker.shutdown(wait=True)


def test_the_window_stays_responsive_while_grids_are_laid_out(window, qtbot):
    import time

    from PySide6.QtCore import QTimer

    for zone_id in ("abdomen", "decollete", "outer_thigh_right", "outer_thigh_left"):
        window.editor.add_zone_from_template(window.templates.zone(zone_id))
        window.zone_panel.spacing.setValue(6.0)  # dense: each layout takes a while (no grid yet: no layout now)
    assert not window.grids.busy
    ticks = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    window.generate_all_action.trigger()
    assert window.grids.busy, "asking for the layouts waited for them on the UI thread"
    while window.grids.busy:
        qtbot.wait(5)
    timer.stop()
    assert len(ticks) >= 5, "the event loop kept running during the layouts"
    assert all(len(z.injections) > 150 for z in window.doc.plan.zones)


def test_saving_right_after_a_spacing_change_saves_it_with_its_grid(window, qtbot, tmp_path):
    from mesomap.io.plan_file import load_plan

    gridded_window(qtbot, window, "abdomen")
    window.zone_panel.spacing.setValue(12.0)
    assert window.grids.pending
    assert window.files.save_to(tmp_path / "p.mesomap.json")  # waits for the layout, then saves
    zone = load_plan(tmp_path / "p.mesomap.json").zones[0]
    assert zone.params.spacing_mm == 12.0 and zone.injections and not zone.grid_stale


def test_the_layout_worker_imports_no_qt():
    """The worker process runs mesomap.session.worker: it must not drag Qt (or a display) in."""
    import subprocess
    import sys

    code = ("import sys, mesomap.session.worker as j; j.warm_job('female'); "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyvistaqt')]; "
            "print(bad); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_delete_never_removes_an_injection_of_a_zone_that_is_not_selected(window, qtbot):
    """Issue 13: Del after selecting another zone (or hiding the point's zone) must not delete the old point."""
    gridded_window(qtbot, window, "knee_left", "forehead")
    knee, forehead = window.doc.plan.zones
    window.editor.select_injection(knee.id, 3)
    assert window.delete_injection_action.isEnabled()
    tree = window.zone_panel.tree  # a click on the forehead in the zone list
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    tree.setCurrentItem(next(r for r in rows if r.data(0, ID_ROLE) == forehead.id))
    assert window.editor.zone_id == forehead.id
    window.delete_injection_action.trigger()
    assert window.doc.plan.zone(knee.id).injections == knee.injections
    assert not window.delete_injection_action.isEnabled()
    window.editor.select_injection(knee.id, 3)
    window.editor.set_zone_visible(knee.id, False)
    window.delete_injection_action.trigger()
    assert window.doc.plan.zone(knee.id).injections == knee.injections
