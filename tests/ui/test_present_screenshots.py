"""Screenshots of presentation mode at 1920×1080: the audience window with labels, the legend of zones, the
pointer and an order animation, as the room sees it on the projector.

The pictures go to $MESOMAP_SHOTS_DIR when set (to look at them), else to the test's temporary folder; each is
checked for what a trainer would look for: the body, every label readable (white text on its dark box), the
legend with each zone's colour, the red pointer.
"""

from __future__ import annotations

import numpy as np
import pytest

from mesomap.render.colors import hex_to_rgb
from mesomap.render.legend import LEGEND_FONT_PX, LEGEND_MARGIN_PX
from mesomap.render.pointer import POINTER_RGB
from tests.ui.conftest import front_skin_point, gridded_window, hover, open_window, screen_of
from tests.ui.test_screenshots import shots_dir, skin_fraction

SIZE = (1920, 1080)
PLANS = {  # view, zones, points, animated zone, text scale %
    "body": ("front", ["abdomen", "decollete", "knee_left", "flank_left", "flank_right"], ["st36_left"], "knee_left", 100),
    "face": ("face", ["forehead", "cheek_left", "cheek_right", "perioral"], [], "forehead", 150),
}


def readable(picture: np.ndarray, box) -> bool:
    """A label's box holds white text on a dark box."""
    x0, y0, x1, y1 = (int(round(v)) for v in box)
    patch = picture[max(y0, 0):y1, max(x0, 0):x1].astype(int)
    white = (patch.min(axis=2) > 215).sum()
    dark = (patch.max(axis=2) < 70).sum()
    return patch.size > 0 and white > 15 and dark > 0.3 * patch.shape[0] * patch.shape[1]


def presenting(qtbot, settings, kind: str, size: tuple[int, int] = SIZE):
    """(window, audience window of ``size`` px) presenting the ``kind`` plan of PLANS, laid out."""
    view, zones, points, _animated, _scale = PLANS[kind]
    win = gridded_window(qtbot, open_window(qtbot, settings), *zones)
    for point in points:
        win.editor.add_point_from_template(win.templates.point(point))
    win.view.set_view(view)
    win.present.start(audience=True)
    audience = win.present.audience
    qtbot.addWidget(audience)
    audience.resize(*size)
    qtbot.waitUntil(lambda: (audience.width(), audience.height()) == size, timeout=5000)
    return win, audience


@pytest.mark.parametrize("kind", list(PLANS))
def test_audience_window_screenshot(qtbot, settings, tmp_path, kind):
    from PIL import Image

    view, zones, points, animated, scale = PLANS[kind]
    win, audience = presenting(qtbot, settings, kind)
    win.present.set_scale(scale)
    target = front_skin_point(win, 0.0, 1000.0 if kind == "body" else 1560.0)
    hover(win.view.plotter, screen_of(win, target))
    zone = next(z for z in win.doc.plan.zones if z.template == animated)
    assert win.present.play_order(zone.id, per_s=2.0)
    win.present.pause()
    for _ in range(min(12, len(zone.injections))):
        win.present.step()
    audience.view.render_now()
    picture = np.asarray(audience.view.plotter.screenshot(return_img=True))[..., :3]
    path = shots_dir(tmp_path) / f"present-audience-{kind}-{SIZE[0]}x{SIZE[1]}.png"
    Image.fromarray(picture).save(path)

    assert picture.shape[:2] == (SIZE[1], SIZE[0])
    assert skin_fraction(picture) > (0.08 if kind == "face" else 0.03), path
    labels = audience.layer.labels.shown
    assert len(labels) >= len(zones) - 1 and f"zone:{zone.id}" not in labels, path  # the animated zone: its numbers
    for key, (box, _) in labels.items():
        assert readable(picture, box), (key, path)
    font = LEGEND_FONT_PX * scale / 100
    line, margin = round(round(font) * 1.45), round(LEGEND_MARGIN_PX * scale / 100)
    assert len(audience.layer.legend.rows) == len(zones)
    for k, z in enumerate(win.doc.plan.zones):  # each row's swatch in its zone's colour, its text readable
        y = margin + k * line + line // 2
        swatch = picture[y, margin + 4].astype(float)
        assert np.abs(swatch - 255 * np.array(hex_to_rgb(z.color))).max() < 40, (z.name, path)
        assert readable(picture, (margin + 2.2 * font, y - line // 2, margin + 2.2 * font + 12 * font, y + line // 2)), path
    red = np.abs(picture.astype(int) - 255 * np.array(POINTER_RGB)).max(axis=2) < 60
    assert red.sum() > 100, path  # the pointer
    assert audience.layer.path.count == min(12, len(zone.injections))
    win.present.stop()
