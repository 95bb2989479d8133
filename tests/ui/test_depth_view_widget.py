"""View › Technique depth: the selected zone's skin cross-section follows the selection and its technique, depth
and needle; the trainer's layer thicknesses change where the tip lands."""

from __future__ import annotations

import numpy as np

from tests.ui.conftest import open_window


def canvas_pixels(panel) -> np.ndarray:
    img = panel.canvas.grab().toImage()
    ptr = img.constBits()
    return np.frombuffer(ptr, dtype=np.uint8, count=img.sizeInBytes()).copy()


def test_depth_view_follows_the_selected_zone_and_its_depth(qtbot, settings):
    win = open_window(qtbot, settings)
    panel = win.depth_panel
    win.depth_view_action.setChecked(True)
    panel.raise_()
    qtbot.waitUntil(panel.canvas.isVisible)
    assert panel.view is None  # nothing selected: nothing drawn
    zone_id = win.editor.add_zone_from_template(win.templates.zone("forehead"))
    assert win.editor.set_zone_params(zone_id, "technique", technique="IED", depth_mm=0.5) == []
    assert panel.view is not None and panel.view.tip_layer == "dermis" and panel.view.on_target
    assert "dermis" in panel.verdict.text()
    before = canvas_pixels(panel)

    assert win.editor.set_zone_params(zone_id, "depth", depth_mm=0.9) == []  # deeper: redrawn, still dermis
    assert abs(panel.view.tip_mm[1] - 0.9) < 1e-9
    assert not np.array_equal(before, canvas_pixels(panel))

    panel.spins["dermis_mm"].setValue(0.3)  # a trainer's thinner dermis: the tip is now in the fat
    assert panel.view.tip_layer == "hypodermis" and not panel.view.on_target
    other = win.editor.add_zone_from_template(win.templates.zone("abdomen"))  # another region: its own defaults
    assert panel.layers.dermis_mm != 0.3 and panel.region == "trunk"
    win.editor.select_zone(zone_id)
    assert panel.layers.dermis_mm == 0.3  # the trainer's value stays with the face
    win.editor.select_zone(None)
    assert panel.view is None and other
