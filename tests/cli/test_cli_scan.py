"""`mesomap fit` and `mesomap plan transfer` (issue 16): a face-only scan with Slicer landmarks, a plan carried
onto it, and a plan on a scan that refuses another scan."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest
import trimesh

from mesomap.io.meshes import load_bundled_body
from tests.cli.test_cli import assert_one_line_error
from tests.cli.test_cli_import import markups_file
from tests.conftest import cli_runner
from tests.geometry.test_test_bodies import load_scan
from tests.model.test_fit_accuracy import placed_landmarks


@pytest.fixture(scope="module")
def fitted_once(tmp_path_factory):
    """face.ply (a face-only scan in mm, z up), its landmarks as Slicer markups (LPS), and face.fit.npz, made by
    ``mesomap fit`` once for the module (≈9 s)."""
    folder = tmp_path_factory.mktemp("scan")
    scan = load_scan("face")
    trimesh.Trimesh(scan["vertices"].astype(np.float64), scan["faces"], process=False).export(folder / "face.ply")
    markups_file(folder / "face.mrk.json", placed_landmarks(scan))
    proc = cli_runner(folder)("fit", "face.ply", "--landmarks", "face.mrk.json", "--out", "face.fit.npz")
    assert proc.returncode == 0, proc.stderr
    return folder, scan, proc.stdout


@pytest.fixture
def fitted(fitted_once, tmp_path):
    """The fit's files copied into the test's own folder (a test may change or remove them), the scan, fit's output."""
    folder, scan, out = fitted_once
    for name in ("face.ply", "face.mrk.json", "face.fit.npz"):
        shutil.copy2(folder / name, tmp_path / name)
    return tmp_path, scan, out


def test_fit_prints_the_fit_error_and_each_landmark_residual(fitted):
    d, _, out = fitted
    assert (d / "face.fit.npz").is_file()
    assert "partial scan" in out
    line = next(line for line in out.splitlines() if line.startswith("fit: scan to fit"))
    median = float(line.split("fit: scan to fit ")[1].split(" mm")[0])
    assert median < 1.0
    residuals = {ln.split(":")[0].split()[1]: float(ln.split(": ")[1].split(" mm")[0])
                 for ln in out.splitlines() if ln.startswith("landmark ")}
    assert {"nasion", "chin", "tragus_left", "tragus_right"} <= set(residuals) and max(residuals.values()) < 8


def test_a_partial_scan_without_landmarks_or_with_a_wrong_label_is_refused_in_one_line(run_cli, fitted):
    d, scan, _ = fitted
    assert_one_line_error(run_cli("fit", "face.ply", "--out", "x.npz"), "at least 3 landmarks")
    markups_file(d / "bad.mrk.json", {"nose tip": [0.0, 0.0, 0.0]})
    assert_one_line_error(run_cli("fit", "face.ply", "--landmarks", "bad.mrk.json", "--out", "x.npz"),
                          "bad.mrk.json", "'nose tip' is not a landmark name", "nasion")
    moved = {k: np.asarray(p) + [0.0, 40.0, 0.0] for k, p in placed_landmarks(scan).items()}  # in front of the face
    markups_file(d / "off.mrk.json", moved)
    assert_one_line_error(run_cli("fit", "face.ply", "--landmarks", "off.mrk.json", "--out", "x.npz"),
                          "off.mrk.json", "mm off the scan", "coordinates")


def test_a_plan_carried_onto_the_scan_puts_its_points_at_their_true_places(run_cli, fitted):
    d, scan, _ = fitted
    assert run_cli("plan", "new", "--zone", "forehead", "--point", "EX-HN3", "--point", "EX-HN5",
                   "--out", "plan.mesomap.json").returncode == 0
    assert run_cli("grid", "plan.mesomap.json").returncode == 0
    proc = run_cli("plan", "transfer", "plan.mesomap.json", "--to", "face.fit.npz", "--out", "face.mesomap.json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads((d / "face.mesomap.json").read_text())
    assert doc["body"]["scan"]["fit"] == "face.fit.npz" and doc["body"]["scan"]["scan"] == "face.ply"
    faces = load_bundled_body("female").faces
    tv = scan["true_vertices"].astype(np.float64)
    # the library points, stored on the painting topology, sit where they truly are on this patient
    # (the painting position is on the fitted body; the truth on the hm08 face of the same place)
    src = json.loads((d / "plan.mesomap.json").read_text())
    for before, after in zip(src["reflex_points"], doc["reflex_points"]):
        assert before["face"] == after["face"] and before["barycentric"] == after["barycentric"]
    from mesomap.io.templates import load_templates

    from mesomap.io.scans import load_scan as import_scan

    frame = import_scan(d / "face.ply").frame  # the scan file's coordinates -> the frame the plan is in
    lib = {(p.code, p.side): p for p in load_templates().reflex_points}
    for p in doc["reflex_points"]:
        t = lib[(p["code"], p["side"])]
        truth = frame[:3, :3] @ (np.asarray(t.barycentric) @ tv[faces[t.face]]) + frame[:3, 3]
        assert np.linalg.norm(np.asarray(p["position_mm"]) - truth) < 4.0, p["id"]
    # the forehead grid was laid again on the scan, at its own spacing
    assert len(doc["zones"][0]["injections"]) > 10
    assert run_cli("validate", "face.mesomap.json").returncode == 0


def test_a_plan_on_a_scan_refuses_another_scan_and_asks_for_a_missing_one(run_cli, fitted):
    d, _, _ = fitted
    run_cli("plan", "new", "--point", "EX-HN3", "--out", "plan.mesomap.json")
    assert run_cli("plan", "transfer", "plan.mesomap.json", "--to", "face.fit.npz",
                   "--out", "face.mesomap.json").returncode == 0
    m = trimesh.load(d / "face.ply", process=False)
    m.vertices[0] += [0.0, 0.0, 1.0]  # another scan under the same name
    (d / "face.ply").rename(d / "original.ply")
    m.export(d / "face.ply")
    assert_one_line_error(run_cli("validate", "face.mesomap.json"), "face.mesomap.json", "face.ply",
                          "is not the scan face.fit.npz was fitted to")
    (d / "face.ply").unlink()
    assert_one_line_error(run_cli("summary", "face.mesomap.json"), "face.ply is not beside the fit")


def test_a_plan_carried_onto_the_scan_is_laid_out_again_by_mesomap_grid(run_cli, fitted):
    d, _, _ = fitted
    assert run_cli("plan", "new", "--zone", "forehead", "--out", "plan.mesomap.json").returncode == 0
    assert run_cli("plan", "transfer", "plan.mesomap.json", "--to", "face.fit.npz",
                   "--out", "face.mesomap.json").returncode == 0
    doc = json.loads((d / "face.mesomap.json").read_text())
    doc["zones"][0]["params"]["spacing_mm"] = 12.0  # a wider grid, to be laid out again on the scan
    (d / "face.mesomap.json").write_text(json.dumps(doc))
    proc = run_cli("grid", "face.mesomap.json", "--out", "face2.mesomap.json")
    assert proc.returncode == 0, proc.stderr
    after = json.loads((d / "face2.mesomap.json").read_text())
    assert after["body"]["scan"]["fit"] == "face.fit.npz"
    injections = after["zones"][0]["injections"]
    assert len(injections) > 5
    # the new grid lies on the patient's forehead (the scan), not on the bundled body
    from scipy.spatial import cKDTree

    from mesomap.io.scans import load_scan as import_scan

    on_scan = cKDTree(import_scan(d / "face.ply").mesh.vertices).query([p["position_mm"] for p in injections])[0]
    assert np.median(on_scan) < 3.0
    assert run_cli("validate", "face2.mesomap.json").returncode == 0
