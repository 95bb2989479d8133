"""What the clinician sees of a grid: discs on the skin in the colour of their depth, the depth legend,
grey discs for a grid out of date."""

from __future__ import annotations

import numpy as np
import pyvista as pv

from mesomap.render.colors import srgb_to_lab
from mesomap.render.overlays import DEPTH_CMAP, LEGEND_TITLE
from tests.ui.conftest import gridded_window
from tests.ui.test_render_colours import pixel_at, pixels


def depth_rgb(depth_mm: float, clim: tuple[float, float]) -> np.ndarray:
    lut = pv.LookupTable(cmap=DEPTH_CMAP, scalar_range=clim)
    return np.array(lut.map_value(depth_mm)[:3]) * 255


def hue_distance(a, b) -> float:
    """Distance between two colours after normalising brightness (lighting shades the discs)."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    return float(np.linalg.norm(a / max(a.sum(), 1) - b / max(b.sum(), 1)))


def test_grid_discs_show_in_their_depth_colour_with_a_legend(window, qtbot, tmp_path):
    gridded_window(qtbot, window, "abdomen", "forehead")
    window.view.plotter.camera.zoom(2.2)
    window.view.render_now()
    img = pixels(window)
    pv.Plotter  # noqa: B018 (pyvista imported for the colour map)
    from PIL import Image

    Image.fromarray(img.astype(np.uint8)).save(tmp_path / "grid.png")  # kept for a look when it fails

    abdomen = window.doc.plan.zones[0]
    pos, normals = window.scene.injection_frames(abdomen)
    facing = np.flatnonzero(normals[:, 1] > 0.85)  # discs seen face on
    depths = [z.params.depth_mm for z in window.doc.plan.zones]
    clim = (min(depths), max(depths))
    want = depth_rgb(abdomen.params.depth_mm, clim)
    zone_rgb = np.array([int(abdomen.color[i:i + 2], 16) for i in (1, 3, 5)], float)
    hits = 0
    for i in facing[:: max(1, len(facing) // 40)]:
        c = pixel_at(img, window, pos[i], radius=0)
        if hue_distance(c, want) < hue_distance(c, zone_rgb):
            hits += 1
    checked = len(facing[:: max(1, len(facing) // 40)])
    assert hits >= 0.8 * checked, (hits, checked)

    # the legend: a vertical "Depth (mm)" bar at the right spanning the plan's depths, shallow (light) at the
    # bottom, deep (dark) on top
    assert LEGEND_TITLE == "Depth (mm)" and LEGEND_TITLE in window.view.plotter.scalar_bars
    bar = window.view.plotter.scalar_bars[LEGEND_TITLE]
    assert np.allclose(bar.GetLookupTable().GetRange(), clim) and clim[1] > clim[0]
    h, w = img.shape[:2]
    x0, y0 = bar.GetPosition()
    bw, bh = bar.GetWidth(), bar.GetHeight()
    column = img[:, int((x0 + 0.5 * bw * 0.5) * w)]  # through the colour bar
    bottom = column[int(h * (1 - y0 - 0.1 * bh))]
    top = column[int(h * (1 - y0 - 0.85 * bh))]
    light, dark = srgb_to_lab(bottom / 255)[0, 0], srgb_to_lab(top / 255)[0, 0]
    assert light - dark > 30, (bottom, top)


def test_the_legend_goes_with_the_last_grid(window, qtbot):
    gridded_window(qtbot, window, "knee_left")
    assert LEGEND_TITLE in window.view.plotter.scalar_bars
    window.clear_grid_action.trigger()
    assert LEGEND_TITLE not in window.view.plotter.scalar_bars
    window.undo()
    assert LEGEND_TITLE in window.view.plotter.scalar_bars


def test_a_plan_all_at_one_depth_gets_a_legend_around_that_depth(window, qtbot):
    gridded_window(qtbot, window, "knee_left", "knee_right")
    depth = window.doc.plan.zones[0].params.depth_mm
    assert all(z.params.depth_mm == depth for z in window.doc.plan.zones)
    bar = window.view.plotter.scalar_bars[LEGEND_TITLE]
    assert np.allclose(bar.GetLookupTable().GetRange(), (depth - 0.5, depth + 0.5))
    assert bar.GetLabelFormat() == "%.1f"
