#!/usr/bin/env python3
"""Fit the reference body onto scans (issue 16): time for a 500,000-triangle scan, and accuracy on the
known-answer test bodies (tests/data/scans, tools/make_test_bodies.py), against trimesh's nricp_amberg alone.

    python benchmarks/bench_fit.py               # mesomap's fit: time + accuracy on every test body
    python benchmarks/bench_fit.py --nricp       # also trimesh.registration.nricp_amberg (slow) on the same

Accuracy: reflex points (the library's 40, those the scan covers) moved by the fit vs their true places (median,
95th percentile, mm) and the worst template-zone Dice. Landmarks are placed at the truth +-1.5 mm as in the tests.
The 500,000-triangle scan is the tall test scan with its triangles split in four (same surface) until it has 500,000,
written to PLY and imported as a user would (the import's time is shown apart).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from mesomap.geometry.body_mesh import BodyMesh  # noqa: E402
from mesomap.io.fit_data import load_landmark_defs, load_shape_directions  # noqa: E402
from mesomap.io.meshes import load_bundled_body  # noqa: E402
from mesomap.io.scans import load_scan as import_scan  # noqa: E402
from mesomap.io.templates import load_templates  # noqa: E402
from mesomap.model.fit import fit_scan  # noqa: E402
from tests.geometry.test_test_bodies import load_scan  # noqa: E402
from tests.model.test_fit_accuracy import placed_landmarks, point_errors, scan_mesh, zone_dice  # noqa: E402

BODIES = ("heavy", "slim", "tall", "older", "face")


class _Fitted:
    def __init__(self, vertices, faces):
        self.fitted = BodyMesh(vertices, faces)


def accuracy(fit, scan: dict, face_only: bool = False) -> dict:
    t = load_templates()
    err = point_errors(fit, scan, t.reflex_points)
    dice = zone_dice(fit, scan, [z for z in t.zones if z.group == "face" or not face_only])
    worst = min(dice, key=dice.get)
    return {"points": len(err), "median_mm": round(float(np.median(err)), 2),
            "p95_mm": round(float(np.percentile(err, 95)), 2), "worst_zone": worst, "worst_dice": round(dice[worst], 3)}


def run_mesomap(name: str) -> dict:
    scan = load_scan(name)
    ref = load_bundled_body("female")
    t0 = time.perf_counter()
    fit = fit_scan(ref, scan_mesh(scan), load_landmark_defs(), placed_landmarks(scan), shapes=load_shape_directions(),
                   partial=name == "face")
    return {"seconds": round(time.perf_counter() - t0, 1), **accuracy(fit, scan, face_only=name == "face")}


def run_nricp(name: str) -> dict:
    """trimesh's optimal-step NICP (Amberg) from the same landmark similarity start, with the same landmarks."""
    import trimesh

    from mesomap.geometry.fit import apply, landmark_matrix, similarity
    from mesomap.model.fit import landmark_pairs

    scan = load_scan(name)
    ref = load_bundled_body("female")
    pairs = landmark_pairs(load_landmark_defs(), placed_landmarks(scan))
    b, p = landmark_matrix(ref.faces, ref.n_vertices, pairs)
    start = apply(similarity(b @ ref.vertices, p), ref.vertices)
    source = trimesh.Trimesh(start, ref.faces, process=False)
    target = trimesh.Trimesh(scan["vertices"].astype(np.float64), scan["faces"], process=False)
    lm = (np.array([q.face for q in pairs]), np.array([q.barycentric for q in pairs]))
    t0 = time.perf_counter()
    out = trimesh.registration.nricp_amberg(source, target, source_landmarks=lm, target_positions=p)
    return {"seconds": round(time.perf_counter() - t0, 1), **accuracy(_Fitted(np.asarray(out), ref.faces), scan)}


def time_large(target_faces: int = 500_000) -> dict:
    """Import and fit a scan of about ``target_faces`` triangles."""
    import trimesh

    scan = load_scan("tall")
    m = trimesh.Trimesh(scan["vertices"].astype(np.float64), scan["faces"], process=False)
    while len(m.faces) * 4 <= target_faces:
        m = m.subdivide()
    # split just enough more triangles in four to reach the target
    m = m.subdivide(face_index=np.arange(min(len(m.faces), (target_faces - len(m.faces)) // 3)))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.ply"
        m.export(path)
        t0 = time.perf_counter()
        loaded = import_scan(path)
        t_import = time.perf_counter() - t0
    # landmarks in the imported frame: the truth moved by the import's own frame
    placed = {k: loaded.frame[:3, :3] @ v + loaded.frame[:3, 3] for k, v in placed_landmarks(scan).items()}
    t0 = time.perf_counter()
    fit_scan(load_bundled_body("female"), loaded.mesh, load_landmark_defs(), placed, shapes=load_shape_directions())
    return {"triangles": len(m.faces), "import_s": round(t_import, 1), "fit_s": round(time.perf_counter() - t0, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nricp", action="store_true", help="also run trimesh's nricp_amberg (minutes per body)")
    parser.add_argument("--bodies", nargs="*", default=list(BODIES))
    parser.add_argument("--no-large", action="store_true", help="skip the 500,000-triangle scan")
    args = parser.parse_args()
    report = {"large_scan": None if args.no_large else time_large(), "mesomap": {b: run_mesomap(b) for b in args.bodies}}
    if args.nricp:
        report["trimesh_nricp_amberg"] = {b: run_nricp(b) for b in args.bodies if b != "face"}
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
