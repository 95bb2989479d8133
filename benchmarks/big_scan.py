"""A 1M-triangle "scan" of the female body for the frame and memory benchmarks (issue 18).

The painting surface of the bundled female body (520k triangles, the same skin the zones are painted on)
with part of its triangles split in three until it has about a million, so the plan's zones lie exactly on it. Written as binary PLY when a file is wanted (``io/scans`` reads it).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

SCAN_TRIANGLES = 1_000_000


def big_scan_arrays(triangles: int = SCAN_TRIANGLES, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(vertices (n, 3) mm, faces (~triangles, 3) int64) of the female body's skin, split to ``triangles``.

    Faces chosen at random are split in three at their centroid: the mesh stays watertight and manifold as the
    painting surface is (no T-junctions), and every vertex lies on the skin."""
    from mesomap.io.meshes import load_painting_surface

    surface = load_painting_surface("female")
    vertices, faces = np.asarray(surface.mesh.vertices), np.asarray(surface.mesh.faces, dtype=np.int64)
    split = int(min(len(faces), max(0, (triangles - len(faces)) // 2)))  # each split face adds 2 triangles
    chosen = np.sort(np.random.default_rng(seed).choice(len(faces), size=split, replace=False))
    centre = len(vertices) + np.arange(split)
    a, b, c = faces[chosen].T
    new = np.concatenate([np.c_[a, b, centre], np.c_[b, c, centre], np.c_[c, a, centre]])
    keep = np.ones(len(faces), dtype=bool)
    keep[chosen] = False
    return np.vstack([vertices, vertices[faces[chosen]].mean(axis=1)]), np.vstack([faces[keep], new])


def write_big_scan(path: str | Path, triangles: int = SCAN_TRIANGLES) -> Path:
    """Write the big scan as binary PLY (mm, z up) at ``path``; return the path."""
    import trimesh

    v, f = big_scan_arrays(triangles)
    path = Path(path)
    trimesh.Trimesh(v, f, process=False).export(path, file_type="ply")
    return path
