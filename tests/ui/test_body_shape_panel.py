"""Body › Shape…: sliders shape the body on screen, the panel shows each zone's area and injections
before → now, the plan records the shape, grids are laid out again, undo restores; screenshots of a
heavy and a slim body (to $MESOMAP_SHOTS_DIR when set)."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import gridded_window, open_window, wait_grids, wait_summary
from tests.ui.test_screenshots import shots_dir, skin_fraction, window_picture


def abdomen_row(panel) -> tuple[float, float, str]:
    name, area, count = next(r for r in panel.effect_rows() if r[0] == "Abdomen")
    before, now = (float(x) for x in area.split(" (")[0].split(" → "))
    return before, now, count


def body_width_mm(win) -> float:
    """Front-to-back depth (mm) of the belly of the body on screen (arms left out)."""
    v = win.view.mesh.vertices
    belly = v[(np.abs(v[:, 2] - 1000.0) < 30.0) & (np.abs(v[:, 0]) < 120.0)]
    return float(np.ptp(belly[:, 1]))


def test_weight_slider_grows_the_abdomen_in_the_panel_and_the_plan_records_it_and_undo_restores(qtbot, settings):
    win = open_window(qtbot, settings)
    gridded_window(qtbot, win, "abdomen")
    count_before = len(win.doc.plan.zones[0].injections)
    width_before = body_width_mm(win)
    win.shape_action.trigger()
    panel = win.shape_panel
    assert panel.isVisible()
    before, now, _ = abdomen_row(panel)
    assert before == now

    panel.sliders["weight"].setValue(150)  # as on releasing the slider at +1.5
    assert win.doc.plan.body.shape == (("weight", 1.5),)
    wait_grids(qtbot, win)
    qtbot.waitUntil(lambda: abdomen_row(panel)[1] > abdomen_row(panel)[0] * 1.05, timeout=5000)
    zone = win.doc.plan.zones[0]
    assert zone.injections and not zone.grid_stale and len(zone.injections) > count_before
    qtbot.waitUntil(lambda: abdomen_row(panel)[2] == f"{count_before} → {len(zone.injections)}", timeout=5000)
    assert win.surface.shape == (("weight", 1.5),)
    assert win.view.mesh is win.surface.coarse
    assert body_width_mm(win) > width_before + 5.0  # the body on screen is the heavier one
    assert "weight about" in panel.measured.text()

    while win.doc.plan.body.shape:  # the re-layout, then the shape
        win.undo_action.trigger()
    qtbot.waitUntil(lambda: abdomen_row(panel)[1] == abdomen_row(panel)[0], timeout=5000)
    assert panel.sliders["weight"].value() == 0
    assert abs(body_width_mm(win) - width_before) < 1e-6
    assert len(win.doc.plan.zones[0].injections) == count_before


def test_height_and_weight_fields_set_the_sliders_and_out_of_reach_is_said(qtbot, settings):
    win = open_window(qtbot, settings)
    win.shape_action.trigger()
    panel = win.shape_panel
    panel.height_mm.setValue(1700.0)
    panel.weight_kg.setValue(60.0)
    panel.set_button.click()
    values = win.doc.plan.body.shape_values
    assert set(values) == {"height", "weight"} and panel.sliders["height"].value() == round(values["height"] * 100)
    assert "Height 1700 mm" in panel.measured.text()
    panel.weight_kg.setValue(140.0)
    panel.set_button.click()
    assert panel.problem.isVisible() and "140 kg is out of the weight slider's reach" in panel.problem.text()
    assert win.doc.plan.body.shape_values == values


def test_heavy_and_slim_screenshots(qtbot, settings, tmp_path):
    from PIL import Image

    win = open_window(qtbot, settings)
    win.resize(1366, 768)
    gridded_window(qtbot, win, "abdomen", "flank_left", "flank_right")
    win.shape_action.trigger()
    panel = win.shape_panel
    for name, values in (("heavy", {"weight": 2.0, "height": 0.1}), ("slim", {"weight": -1.0, "muscle": -0.5})):
        panel.apply(values)
        wait_grids(qtbot, win)
        wait_summary(qtbot, win)
        panel.refresh()
        QApplication.processEvents()
        win.view.render_now()
        picture = window_picture(win)
        path = shots_dir(tmp_path) / f"window-shape-{name}.png"
        Image.fromarray(picture).save(path)
        scene = np.asarray(win.view.plotter.screenshot(return_img=True))[..., :3]
        assert skin_fraction(scene) > 0.03, path
        assert all(z.injections and not z.grid_stale for z in win.doc.plan.zones), path
        assert len(panel.effect_rows()) == 3
        assert "~" not in "".join(r[2] for r in panel.effect_rows()), path  # the grids' own counts
