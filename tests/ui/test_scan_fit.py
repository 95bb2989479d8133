"""Issue 16 in the window: File › Import scan… shows a patient's scan and says what was repaired, the
Scan fit dock places landmarks by clicking on the scan, Fit runs in a thread with a progress bar and
Cancel, the report gives residuals and distances, and the fit-error map colours the scan (mm bar).
Uses the face-only test scan (tests/data/scans/face.npz) written to a PLY, with landmarks at their
true positions."""

from __future__ import annotations

import numpy as np
import pytest
import trimesh

from mesomap.geometry.fit import FitSettings
from mesomap.render.scan_view import ERROR_BAR_TITLE
from tests.geometry.test_test_bodies import load_scan
from tests.model.test_fit_accuracy import placed_landmarks
from tests.ui.conftest import click, open_window, screen_of

#: A quick fit for the tests (the core's defaults take longer; accuracy is tested in tests/model).
QUICK = FitSettings(stiffness=(30.0, 3.0), rounds_per_stage=2, rigid_rounds=8)
FIT_TIMEOUT_MS = 60_000


@pytest.fixture
def face_scan(tmp_path):
    """(path of a PLY of the face scan, {landmark id: (3,) mm true position in the file's frame})."""
    scan = load_scan("face")
    path = tmp_path / "patient_face.ply"
    trimesh.Trimesh(scan["vertices"], scan["faces"], process=False).export(path)
    return path, placed_landmarks(scan)


def in_frame(win, p) -> np.ndarray:
    frame = win.scans.work.scan.frame
    return frame[:3, :3] @ np.asarray(p) + frame[:3, 3]


def wait_coverage(qtbot, win) -> None:
    """Wait until the worker has said which landmarks the imported scan shows (the dock then lists those)."""
    qtbot.waitUntil(lambda: not win.scans.covering(), timeout=FIT_TIMEOUT_MS)


def imported(qtbot, settings, face_scan):
    win = open_window(qtbot, settings)
    path, truth = face_scan
    assert win.scans.import_scan(path)
    wait_coverage(qtbot, win)
    return win, truth


def place_all(qtbot, win, truth) -> None:
    """Nasion by a click on the screen where it is; the rest through what a click calls."""
    panel = win.scan_panel
    if "nasion" not in win.scans.work.placed:
        assert win.scans.work.current == "nasion"
        win.view.set_view("front")
        x, y = screen_of(win, in_frame(win, truth["nasion"]))
        click(win.view.plotter, (x, y))
        placed = np.array(win.scans.work.placed["nasion"])
        assert np.linalg.norm(placed - in_frame(win, truth["nasion"])) < 5.0  # the click landed on the nasion
    for key, p in truth.items():
        if key not in win.scans.work.placed:
            item = next(panel.landmarks.item(i) for i in range(panel.landmarks.count())
                        if panel.landmarks.item(i).data(256) == key)
            panel.landmarks.setCurrentItem(item)
            panel.place_at(in_frame(win, p))


def test_import_scan_shows_it_says_what_was_repaired_and_turns_plan_tools_off(qtbot, settings, face_scan):
    win, _ = imported(qtbot, settings, face_scan)
    assert win.import_scan_action in win.menuBar().actions()[0].menu().actions()
    assert win.view.mesh is win.scans.work.scan.paint
    assert np.ptp(win.view.mesh.vertices[:, 2]) < 300  # the face on screen, not the reference body
    assert not win.generate_action.isEnabled()
    panel = win.scan_panel
    assert panel.isVisible()
    text = panel.repair.text()
    assert "patient_face.ply" in text and "partial scan" in text and "open borders" in text
    assert "Nasion" in panel.hint.text()
    hint = win.status.hint.text()  # the status line says what is true: the patient's scan, landmarks to place
    assert "patient_face.ply" in hint and "landmarks" in hint and "Female or Male" not in hint


def test_landmarks_are_placed_by_clicking_and_a_skipped_one_is_left_out(qtbot, settings, face_scan):
    win, truth = imported(qtbot, settings, face_scan)
    panel = win.scan_panel
    x, y = screen_of(win, in_frame(win, truth["nasion"]))
    click(win.view.plotter, (x, y))
    assert "nasion" in win.scans.work.placed
    assert win.scans.work.current != "nasion"  # the next one is selected
    assert panel.landmarks.currentItem().data(256) == win.scans.work.current
    assert "Nasion — placed" in [panel.landmarks.item(i).text() for i in range(panel.landmarks.count())]
    chin = next(panel.landmarks.item(i) for i in range(panel.landmarks.count())
                if panel.landmarks.item(i).data(256) == "chin")
    chin.setCheckState(chin.checkState().Unchecked)
    assert "chin" in win.scans.work.skipped
    assert "chin" not in [d.id for d in win.scans.work.wanted()]


def test_fit_reports_residuals_and_distances_and_colours_the_scan_by_its_error(qtbot, settings, face_scan):
    win, truth = imported(qtbot, settings, face_scan)
    place_all(qtbot, win, truth)
    panel = win.scan_panel
    panel.fit_settings = QUICK
    assert panel.start_fit()
    assert panel.progress.isVisible() and panel.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: not panel.fitting() and win.scans.work.fit is not None, timeout=FIT_TIMEOUT_MS)
    report = panel.report.text()
    assert "Nasion" in report or "nasion" in report
    assert "median" in report
    assert win.scans.work.fit.report.scan_to_fit[0] < 3.0  # the fit lies on the face scan
    assert panel.error_map.isChecked()
    assert ERROR_BAR_TITLE in win.view.plotter.scalar_bars
    # the colour bar runs to this fit's own 95th percentile (at least the 5 mm warning, which is marked)
    fit_report = win.scans.work.fit.report

    def bar_range():
        table = win.view.plotter.scalar_bars[ERROR_BAR_TITLE].GetLookupTable()
        marks = {table.GetAnnotatedValue(i).ToDouble(): table.GetAnnotation(i)
                 for i in range(table.GetNumberOfAnnotatedValues())}
        return table.GetRange(), marks

    (lo, hi), marks = bar_range()
    assert lo == 0.0 and max(fit_report.scan_to_fit[1], 5.0) <= hi <= max(fit_report.scan_to_fit[1], 5.0) + 0.5
    assert hi < 15.0 and marks == {5.0: "warn 5"}
    fit_report.scan_to_fit = (fit_report.scan_to_fit[0], 11.2)  # a worse fit: the bar follows it
    panel.error_map.setChecked(False)
    assert ERROR_BAR_TITLE not in win.view.plotter.scalar_bars
    panel.error_map.setChecked(True)
    (lo, hi), marks = bar_range()
    assert 11.2 <= hi <= 11.7 and marks == {5.0: "warn 5"}


def test_cancelling_the_fit_keeps_nothing(qtbot, settings, face_scan):
    win, truth = imported(qtbot, settings, face_scan)
    place_all(qtbot, win, truth)
    panel = win.scan_panel
    panel.start_fit()
    panel.cancel_fit()
    qtbot.waitUntil(lambda: not panel.fitting(), timeout=FIT_TIMEOUT_MS)
    assert win.scans.work.fit is None
    assert "cancelled" in panel.report.text()
    assert not panel.error_map.isEnabled()
    assert panel.fit_button.isEnabled()


def test_plan_on_this_scan_carries_the_grid_onto_the_scan_and_a_new_grid_is_laid_out_on_it(
        qtbot, settings, face_scan, tmp_path):
    from scipy.spatial import cKDTree

    from tests.ui.conftest import gridded_window, wait_grids

    win = open_window(qtbot, settings)
    gridded_window(qtbot, win, "cheek_left")
    spacing = win.doc.plan.zones[0].params.spacing_mm
    path, truth = face_scan
    assert win.scans.import_scan(path)
    wait_coverage(qtbot, win)
    place_all(qtbot, win, truth)
    panel = win.scan_panel
    panel.fit_settings = QUICK
    assert not panel.transfer_button.isEnabled()  # nothing to carry the plan onto before a fit
    panel.start_fit()
    qtbot.waitUntil(lambda: not panel.fitting() and win.scans.work.fit is not None, timeout=FIT_TIMEOUT_MS)
    median, p95 = win.scans.work.fit.report.scan_to_fit
    hint = win.status.hint.text()
    assert "fitted" in hint and f"{median:.1f} mm median" in hint and f"{p95:.1f} mm 95th" in hint
    assert "Female or Male" not in hint
    panel.transfer_button.click()
    assert "click a zone or point to select it" in win.status.hint.text()  # the normal planning status
    assert win.status.body.text() == "patient_face.ply (patient's scan)"
    plan = win.doc.plan
    assert plan.body.scan["scan"] == "patient_face.ply" and plan.body.scan["fit"] == "patient_face.fit.npz"
    assert win.generate_action.isEnabled()  # plan tools on: the plan is edited on the scan
    scan_tree = cKDTree(win.scans.work.scan.mesh.vertices)

    def on_scan_mm(zone) -> float:
        return float(np.median(scan_tree.query(win.session.injection_positions(zone))[0]))

    zone = plan.zones[0]
    assert zone.injections and zone.params.spacing_mm == spacing
    assert on_scan_mm(zone) < 3.0  # the injections lie on the patient's cheek

    # A new grid laid out on the scan's body (through the worker, keyed by the fit file).
    assert win.grid_actions.generate(all_zones=True)
    wait_grids(qtbot, win)
    zone = win.doc.plan.zones[0]
    assert zone.injections and not zone.grid_stale and on_scan_mm(zone) < 3.0
    assert win.exporter._plan_and_surface()[1] is win.session.surface  # exports draw the plan on the scan

    # Saving elsewhere puts the fit file and the scan beside the plan; the plan opens again on the scan.
    out = tmp_path / "elsewhere" / "patient.mesomap.json"
    out.parent.mkdir()
    assert win.files.save_to(out)
    assert (out.parent / "patient_face.fit.npz").is_file() and (out.parent / "patient_face.ply").is_file()
    from mesomap.io.plan_check import open_plan_file

    assert open_plan_file(out).plan.body.scan["fit"] == "patient_face.fit.npz"

    # Undo leaves the scan's body for the bundled one; redo goes back onto the scan.
    while win.doc.plan.body.scan:
        win.undo()
    assert win.doc.plan.body.body_id in ("female", "male") and win.view.mesh.body_id == win.doc.plan.body.body_id
    win.redo()
    win.redo()
    assert win.doc.plan.body.scan and win.session.surface.coarse.body_id == "patient_face"

    # The saved plan opens in another window on the scan beside it, its grid ready to lay out again.
    other = open_window(qtbot, settings)
    assert other.files.open_plan(out, ask=False)
    assert other.view.mesh is other.session.surface.coarse and other.view.mesh.body_id == "patient_face"
    assert other.generate_all_action.isEnabled()
    assert other.grid_actions.generate(all_zones=True)
    wait_grids(qtbot, other)
    zone = other.doc.plan.zones[0]
    assert zone.injections and float(np.median(scan_tree.query(other.session.injection_positions(zone))[0])) < 3.0


def test_the_selected_landmark_shows_a_picture_of_where_it_goes(qtbot, settings, face_scan):
    win, _ = imported(qtbot, settings, face_scan)
    panel = win.scan_panel
    nasion = panel.picture.pixmap().toImage()
    assert not nasion.isNull() and nasion.width() > 100
    panel.show_all.setChecked(True)  # the C7 is not on a face scan: listed with all landmarks
    item = next(panel.landmarks.item(i) for i in range(panel.landmarks.count())
                if panel.landmarks.item(i).data(256) == "c7")
    panel.landmarks.setCurrentItem(item)
    c7 = panel.picture.pixmap().toImage()
    assert not c7.isNull() and c7 != nasion  # another landmark, another picture (the back of the neck)


def test_units_are_asked_when_the_scan_size_fits_several_and_cancel_imports_nothing(qtbot, settings, tmp_path,
                                                                                      monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    scan = load_scan("face")
    v = scan["vertices"] * np.array([1.0, 1.0, 1.4])  # a long face: upright enough to be read as a body
    v = v * 18.0 / np.ptp(v, axis=0).max()  # 18 units tall: a 1.8 m body in dm, or a 180 mm face in cm
    path = tmp_path / "unitless.ply"
    trimesh.Trimesh(v, scan["faces"], process=False).export(path)
    asked = []

    def pick(parent, title, text, labels, *a, **k):
        asked.append(labels)
        choice = next((label for label in labels if label.startswith("centimetres")), None)
        return (choice, True) if answer == "cm" else ("", False)

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    win = open_window(qtbot, settings)
    answer = None
    assert not win.scans.import_scan(path)  # cancelled: nothing imported
    assert win.scans.work.scan is None and win.scan_panel is None
    assert asked and any(label.startswith("centimetres → 180 mm") for label in asked[0])
    assert any(label.startswith("decimetres") for label in asked[0])
    answer = "cm"
    assert win.scans.import_scan(path)
    assert win.scans.work.scan.units == "cm"
    assert 170 < np.ptp(win.view.mesh.vertices, axis=0).max() < 190  # 18 cm tall, in mm


def test_a_face_scan_lists_only_the_face_landmarks_and_show_all_lists_the_rest(qtbot, settings, face_scan):
    win, _ = imported(qtbot, settings, face_scan)
    panel = win.scan_panel

    def listed() -> list[str]:
        return [panel.landmarks.item(i).data(256) for i in range(panel.landmarks.count())]

    assert {"nasion", "chin", "tragus_left", "tragus_right"} <= set(listed())
    assert not {"patella_left", "patella_right", "umbilicus", "asis_left", "nipple_left"} & set(listed())
    assert "of 6 placed" in panel.hint.text()  # the count is of the face's landmarks, not all 17
    panel.show_all.setChecked(True)
    assert {"patella_left", "umbilicus", "nasion"} <= set(listed()) and len(listed()) == len(win.scans.work.defs)
    panel.show_all.setChecked(False)
    assert "umbilicus" not in listed()


def test_load_landmarks_places_a_slicer_markups_file_and_a_wrong_label_places_nothing(
        qtbot, settings, face_scan, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from tests.cli.test_cli_import import markups_file

    win, truth = imported(qtbot, settings, face_scan)
    panel = win.scan_panel
    bad = markups_file(tmp_path / "bad.mrk.json", {"nasion": truth["nasion"], "nose tip": truth["chin"]})
    good = markups_file(tmp_path / "face.mrk.json", truth)  # Slicer's LPS, in the scan file's coordinates
    picked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(picked[-1]), ""))
    picked.append(bad)
    panel.load_button.click()
    assert win.scans.work.placed == {}  # refused: nothing placed
    assert "bad.mrk.json" in panel.report.text() and "'nose tip' is not a landmark name" in panel.report.text()
    shifted = markups_file(tmp_path / "ras.mrk.json", {k: np.asarray(p) + [0.0, 40.0, 0.0] for k, p in truth.items()})
    picked.append(shifted)  # points 40 mm in front of the face (another frame): refused, said in words
    panel.load_button.click()
    assert win.scans.work.placed == {}
    assert "ras.mrk.json" in panel.report.text() and "mm off the scan" in panel.report.text()
    picked.append(good)
    panel.load_button.click()
    assert set(win.scans.work.placed) == set(truth)
    for key, p in truth.items():
        assert np.linalg.norm(np.array(win.scans.work.placed[key]) - in_frame(win, p)) < 0.01
    assert "6 of 6 landmarks placed" in panel.hint.text()
    labels = [panel.landmarks.item(i).text() for i in range(panel.landmarks.count())]
    assert all(label.endswith("— placed") for label in labels) and len(labels) == 6
