"""What the clinician sees: the zone colour on the skin and the point glyph (dab speed: benchmarks/paint.py)."""

from __future__ import annotations


import numpy as np

from mesomap.render.overlays import hex_to_rgb
from mesomap.session.session import Mode
from tests.ui.conftest import drag, front_skin_point, screen_of

#: A dab (pick + brush + plan edit + overlay and panel update, no frame) must stay interactive.
#: The budget is 5 ms median; this bound is looser so a busy CI machine does not fail it.


def pixels(window) -> np.ndarray:
    return np.asarray(window.view.plotter.screenshot(return_img=True))[..., :3].astype(int)


def pixel_at(img, window, point_mm, radius=2) -> np.ndarray:
    """Mean colour of the few pixels around a point's image (screenshot px = device px)."""
    x, y, _ = window.view.to_widget(point_mm)
    ratio = window.view.plotter.devicePixelRatioF()
    cx, cy = int(round(x * ratio)), int(round(y * ratio))
    return img[cy - radius: cy + radius + 1, cx - radius: cx + radius + 1].reshape(-1, 3).mean(axis=0)


def closer_to(colour, a, b) -> bool:
    return np.linalg.norm(colour - np.array(a)) < np.linalg.norm(colour - np.array(b))


def test_the_zone_colour_shows_where_painted_and_the_point_where_placed(window):
    window.editor.set_mode(Mode.PAINT)
    window.editor.set_radius(25)
    drag(window.view.plotter, [screen_of(window, front_skin_point(window, x, 600)) for x in (70, 110, 150)])
    zone = window.doc.plan.zones[0]
    window.editor.add_point_from_template(window.templates.point("cv12"))
    window.editor.set_mode(Mode.NAVIGATE)
    window.view.plotter.camera.zoom(2.0)
    window.view.render_now()
    img = pixels(window)
    zone_rgb = np.array(hex_to_rgb(zone.color)) * 255
    painted = pixel_at(img, window, front_skin_point(window, 110, 600))
    unpainted = pixel_at(img, window, front_skin_point(window, 110, 520))  # the same thigh, lower
    mirror_side = pixel_at(img, window, front_skin_point(window, -110, 600))
    assert closer_to(painted, zone_rgb, unpainted), (painted, unpainted)
    assert np.linalg.norm(painted - zone_rgb) < 90, painted
    assert not closer_to(mirror_side, zone_rgb, unpainted), "the other thigh is not painted"

    point = window.doc.plan.points[0]
    centre = window.scene.points.positions[point.id]
    glyph = pixel_at(img, window, centre, radius=1)
    skin = pixel_at(img, window, centre - np.array([0.0, 0.0, 25.0]), radius=1)  # 25 mm below: bare skin
    # the selected point is drawn yellow (green well above blue), the skin is not
    assert glyph[1] - glyph[2] > (skin[1] - skin[2]) + 20, (glyph, skin)

    # hiding the zone restores the skin there
    window.editor.set_zone_visible(zone.id, False)
    window.view.render_now()
    hidden = pixel_at(pixels(window), window, front_skin_point(window, 110, 600))
    assert not closer_to(hidden, zone_rgb, unpainted)
    window.editor.set_zone_visible(zone.id, True)
    window.editor.select_point(None)
    window.view.render_now()
    glyph = pixel_at(pixels(window), window, centre, radius=1)
    assert glyph[2] - glyph[1] > (skin[2] - skin[1]) + 20, (glyph, skin)  # unselected: purple
