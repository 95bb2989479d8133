"""The test bodies with a known answer (tools/make_test_bodies.py): scans whose truth is exact."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from mesomap.io.assets import assets_dir
from mesomap.io.meshes import load_bundled_body

SCANS = Path(__file__).resolve().parents[1] / "data" / "scans"
BODIES = ("heavy", "slim", "tall", "older")


def load_scan(name: str) -> dict[str, np.ndarray]:
    with np.load(SCANS / f"{name}.npz") as d:
        return {k: d[k] for k in d.files}


@pytest.mark.parametrize("name", (*BODIES, "face"))
def test_every_scan_vertex_lies_where_its_truth_says_within_the_scanner_noise(name):
    scan = load_scan(name)
    faces = load_bundled_body("female").faces
    tv = scan["true_vertices"].astype(np.float64)
    truth = np.einsum("ij,ijk->ik", scan["truth_bary"].astype(np.float64), tv[faces[scan["truth_face"]]])
    off = np.linalg.norm(scan["vertices"] - truth, axis=1)
    assert np.median(off) < 1.0 and off.max() < 4.0  # 0.5 mm noise along the normal
    # its own triangles: nothing in common with the reference's 26,756
    assert len(scan["faces"]) != len(faces) and len(scan["vertices"]) != len(tv)


@pytest.mark.parametrize("name", BODIES)
def test_the_test_bodies_differ_clearly_in_shape_from_the_reference(name):
    ref = load_bundled_body("female").vertices
    tv = load_scan(name)["true_vertices"].astype(np.float64)
    centred = tv - tv.mean(axis=0) - (ref - ref.mean(axis=0))
    # after removing the shift, some part of the body moved by 2 cm or more (rotation of <= 6 degrees adds to it)
    assert np.linalg.norm(centred, axis=1).max() > 20.0


def test_every_landmark_sits_on_the_reference_skin_with_left_and_right_mirrored():
    doc = json.loads((assets_dir() / "landmarks.json").read_text("utf-8"))
    body = load_bundled_body("female")
    pos = {lm["id"]: np.asarray(lm["barycentric"]) @ body.vertices[body.faces[lm["face"]]] for lm in doc["landmarks"]}
    assert {"nasion", "chin", "tragus_left", "tragus_right", "sternal_notch", "nipple_left", "umbilicus", "asis_left",
            "patella_right", "c7", "acromion_left"} <= set(pos)
    for key, p in pos.items():
        if key.endswith("_left"):
            q = pos[key.replace("_left", "_right")]
            assert np.allclose(p * [-1, 1, 1], q, atol=0.5) and p[0] < 0
    assert pos["nasion"][2] > pos["chin"][2] > pos["sternal_notch"][2] > pos["nipple_left"][2] > pos["umbilicus"][2]
    assert pos["umbilicus"][2] > pos["asis_left"][2] > pos["patella_left"][2]
    assert pos["nasion"][1] > pos["tragus_left"][1] and pos["sternal_notch"][1] > pos["c7"][1]
