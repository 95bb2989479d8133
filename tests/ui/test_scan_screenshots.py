"""Screenshots of the scan workflow at 1366×768 (to $MESOMAP_SHOTS_DIR when set): the landmark step
(scan, landmark list, picture of where the landmark goes, placed landmarks) and the fit-error map."""

from __future__ import annotations

from PIL import Image

from tests.ui.conftest import open_window
from tests.ui.test_scan_fit import FIT_TIMEOUT_MS, QUICK, face_scan, place_all, wait_coverage  # noqa: F401 (fixture)
from tests.ui.test_screenshots import shots_dir, skin_fraction, window_picture


def test_landmark_step_and_fit_error_map_screenshots(qtbot, settings, face_scan, tmp_path):  # noqa: F811
    out = shots_dir(tmp_path)
    win = open_window(qtbot, settings)
    win.resize(1366, 768)
    path, truth = face_scan
    assert win.scans.import_scan(path)
    wait_coverage(qtbot, win)
    panel = win.scan_panel
    first = dict(list(truth.items())[:3])
    place_all(qtbot, win, first)  # three placed, the fourth selected
    win.view.set_view("front")
    qtbot.wait(50)
    landmarks = window_picture(win)
    Image.fromarray(landmarks).save(out / "scan_landmark_step_1366x768.png")
    skin = skin_fraction(landmarks)
    assert skin > 0.03  # the scan is in view, in skin colour

    place_all(qtbot, win, truth)
    panel.fit_settings = QUICK
    panel.start_fit()
    qtbot.waitUntil(lambda: not panel.fitting() and win.scans.work.fit is not None, timeout=FIT_TIMEOUT_MS)
    win.view.set_view("front")
    qtbot.wait(50)
    error_map = window_picture(win)
    Image.fromarray(error_map).save(out / "scan_fit_error_1366x768.png")
    assert skin_fraction(error_map) < skin / 3  # the scan is coloured by its fit error, not skin


def test_a_textured_obj_scan_is_shown_in_its_texture_colours(qtbot, settings, tmp_path):
    import numpy as np

    from tests.io.test_scans import two_colour_obj

    out = shots_dir(tmp_path)
    win = open_window(qtbot, settings)
    win.resize(1366, 768)
    assert win.scans.import_scan(two_colour_obj(tmp_path))
    win.view.set_view("front")
    qtbot.wait(50)
    shot = window_picture(win)
    Image.fromarray(shot).save(out / "scan_textured_1366x768.png")
    view = np.asarray(win.view.plotter.screenshot(return_img=True))[..., :3].astype(int)
    r, g, b = view[..., 0], view[..., 1], view[..., 2]
    red = (r > 60) & (r > 2.5 * g) & (r > 2.5 * b)
    blue = (b > 60) & (b > 2 * r) & (b > 1.5 * g)
    assert red.mean() > 0.02 and blue.mean() > 0.02  # both halves of the texture are on screen
    assert skin_fraction(view.astype(np.uint8)) < 0.005  # not in skin colour
    # the two colours lie side by side, as on the texture: one half of the face red, the other blue
    ys, xs = np.nonzero(red)
    yb, xb = np.nonzero(blue)
    assert abs(np.median(xs) - np.median(xb)) > 0.05 * view.shape[1]
