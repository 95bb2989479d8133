"""Which landmarks a scan covers (issue 16): a partial scan is found on the reference body by itself (no
landmark placed), wherever its file put it; a whole body covers them all; a scan whose place is not sure
lists every landmark (none hidden that the scan shows)."""

from __future__ import annotations

import numpy as np
import pytest
import trimesh

from mesomap.io.fit_data import load_landmark_defs
from mesomap.session.scan import ScanWork
from tests.geometry.test_test_bodies import load_scan

FACE = {"nasion", "chin", "tragus_left", "tragus_right", "exocanthion_left", "exocanthion_right"}
ALL = {d.id for d in load_landmark_defs()}


def listed(tmp_path, vertices, faces) -> set[str]:
    """The landmarks the landmark step lists for a scan of ``vertices`` (n, 3) mm, ``faces`` written to a PLY."""
    path = tmp_path / "scan.ply"
    trimesh.Trimesh(vertices, faces, process=False).export(path)
    work = ScanWork()
    work.load(path)
    return {d.id for d in work.listed()}


def cut(name: str, keep) -> tuple[np.ndarray, np.ndarray]:
    """The part of test body ``name`` whose vertices pass ``keep`` (vertices (n, 3) -> (n,) bool)."""
    scan = load_scan(name)
    v, f = scan["vertices"].astype(np.float64), scan["faces"]
    inside = keep(v)
    f = f[inside[f].all(axis=1)]
    used = np.unique(f)
    remap = np.full(len(v), -1)
    remap[used] = np.arange(len(used))
    return v[used], remap[f]


def test_a_face_scan_moved_anywhere_lists_the_face_landmarks_only(tmp_path):
    scan = load_scan("face")
    v = scan["vertices"].astype(np.float64) + [300.0, -200.0, -900.0]  # anywhere in the file's frame
    assert listed(tmp_path, v, scan["faces"]) == FACE


def test_a_torso_scan_lists_the_chest_and_belly_not_the_face_or_knees(tmp_path):
    v, f = cut("heavy", lambda v: (v[:, 2] > 900) & (v[:, 2] < 1350) & (np.abs(v[:, 0]) < 170))
    got = listed(tmp_path, v, f)
    assert {"nipple_left", "nipple_right", "umbilicus", "sternal_notch"} <= got
    assert not {"nasion", "chin", "patella_left", "patella_right"} & got


def test_a_scan_whose_place_is_not_sure_lists_every_landmark(tmp_path):
    v, f = cut("slim", lambda v: (v[:, 2] > 700) & (v[:, 2] < 1200) & (np.abs(v[:, 0]) < 170))
    assert listed(tmp_path, v, f) == ALL  # hips and belly of a slim build: no place fits it well


@pytest.mark.parametrize("name", ["heavy", "tall"])
def test_a_whole_body_scan_lists_every_landmark(tmp_path, name):
    scan = load_scan(name)
    assert listed(tmp_path, scan["vertices"].astype(np.float64), scan["faces"]) == ALL
