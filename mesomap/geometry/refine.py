"""Adaptive refinement of a triangle mesh to a maximum edge length, keeping the surface exact.

Conforming longest-edge bisection (Rivara): every edge longer than the limit is
split at its midpoint; a face that splits always splits through its longest
edge, which keeps angles bounded. New vertices are edge midpoints, so the
refined mesh is the very same piecewise-flat surface — a point on it is a point
on the original mesh. The rules are symmetric under mirroring (ties split all
three edges), so a mirror-symmetric mesh stays mirror-symmetric.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Refinement:
    """The refined topology, valid for every body sharing the original topology.

    faces : (m', 3) int64; parent_face : (m',) the original face each new face
    lies in; midpoint_of : (n' - n, 2): new vertex n + k is the midpoint of the
    two vertices in row k (rows only refer to earlier vertices).
    """

    faces: np.ndarray
    parent_face: np.ndarray
    midpoint_of: np.ndarray


def refined_vertices(vertices: np.ndarray, midpoint_of: np.ndarray) -> np.ndarray:
    """(n + k, 3) mm: ``vertices`` (n, 3) followed by the midpoints a refinement created."""
    v = np.asarray(vertices, dtype=np.float64)
    out = np.empty((len(v) + len(midpoint_of), 3))
    out[: len(v)] = v
    n = len(v)
    done = n
    # Midpoints may sit on earlier midpoints: fill in blocks whose inputs are ready.
    while done < len(out):
        rows = midpoint_of[done - n :]
        ready = np.flatnonzero(rows.max(axis=1) >= done)
        stop = done + (int(ready[0]) if len(ready) else len(rows))
        block = midpoint_of[done - n : stop - n]
        out[done:stop] = 0.5 * (out[block[:, 0]] + out[block[:, 1]])
        done = stop
    return out


def _face_edges(faces: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(unique sorted edges (e, 2), face-to-edge ids (m, 3)); edge k of a face is (v_k, v_k+1)."""
    pairs = np.stack([faces, np.roll(faces, -1, axis=1)], axis=2).reshape(-1, 2)
    pairs = np.sort(pairs, axis=1)
    edges, inverse = np.unique(pairs, axis=0, return_inverse=True)
    return edges, inverse.reshape(-1, 3)


def _rotate(faces: np.ndarray, start: np.ndarray) -> np.ndarray:
    """Rotate each face's vertex order (keeping winding) so vertex ``start`` comes first."""
    idx = (start[:, None] + np.arange(3)) % 3
    return np.take_along_axis(faces, idx, axis=1)


def refine_to_edge_length(vertex_sets, faces: np.ndarray, max_edge_mm: float) -> Refinement:
    """Split edges until none is longer than ``max_edge_mm`` on any of the bodies.

    vertex_sets : sequence of (n, 3) float mm arrays — bodies sharing ``faces``
    (an edge is split when it is too long on any of them, so one refined
    topology serves them all). faces : (m, 3) int, counter-clockwise.
    Deterministic: the same input gives the same output, ids included.
    """
    if not max_edge_mm > 0:
        raise ValueError("max_edge_mm must be positive")
    v = np.concatenate([np.asarray(vs, dtype=np.float64) for vs in vertex_sets], axis=1)  # (n, 3b)
    f = np.asarray(faces, dtype=np.int64)
    parent = np.arange(len(f))
    n0 = len(v)
    midpoint_of = [np.empty((0, 2), dtype=np.int64)]
    while True:
        edges, fe = _face_edges(f)
        diff = (v[edges[:, 0]] - v[edges[:, 1]]).reshape(len(edges), -1, 3)
        length = np.linalg.norm(diff, axis=2).max(axis=1)
        marked = length > max_edge_mm
        if not marked.any():
            break
        face_len = length[fe]
        is_longest = face_len == face_len.max(axis=1, keepdims=True)
        tied = is_longest.sum(axis=1) > 1
        while True:  # closure: a splitting face splits its longest edge(s); ties split all
            touched = marked[fe].any(axis=1)
            need = np.where(touched[:, None] & (is_longest | tied[:, None]), True, False)
            new = marked.copy()
            new[fe[need]] = True
            if (new == marked).all():
                break
            marked = new
        # New vertices at the midpoints of marked edges.
        split_edges = np.flatnonzero(marked)
        mid_id = np.full(len(edges), -1, dtype=np.int64)
        mid_id[split_edges] = len(v) + np.arange(len(split_edges))
        v = np.concatenate([v, 0.5 * (v[edges[split_edges, 0]] + v[edges[split_edges, 1]])])
        midpoint_of.append(edges[split_edges])

        fm = marked[fe]
        count = fm.sum(axis=1)
        keep = count == 0
        red = count == 3
        green = (count == 1) | (count == 2)
        # Rotate green faces so their longest (unique) edge is edge 0: (v0, v1).
        g = np.flatnonzero(green)
        start = np.argmax(face_len[g], axis=1)
        gf = _rotate(f[g], start)
        gfe = _rotate(fe[g], start)
        m0, m1, m2 = (mid_id[gfe[:, k]] for k in range(3))
        a, b, c = gf[:, 0], gf[:, 1], gf[:, 2]
        only = (m1 < 0) & (m2 < 0)
        with1 = m1 >= 0
        with2 = m2 >= 0
        new_faces = [f[keep]]
        new_parent = [parent[keep]]
        pg = parent[g]
        for mask, tris in (
            (only, [(a, m0, c), (m0, b, c)]),
            (with1, [(a, m0, c), (m0, b, m1), (m0, m1, c)]),
            (with2, [(a, m0, m2), (m2, m0, c), (m0, b, c)]),
        ):
            for tri in tris:
                new_faces.append(np.stack([t[mask] for t in tri], axis=1))
                new_parent.append(pg[mask])
        r = np.flatnonzero(red)
        ra, rb, rc = (f[r, k] for k in range(3))
        r0, r1, r2 = (mid_id[fe[r, k]] for k in range(3))
        for tri in ((ra, r0, r2), (r0, rb, r1), (r2, r1, rc), (r0, r1, r2)):
            new_faces.append(np.stack(tri, axis=1))
            new_parent.append(parent[r])
        f = np.concatenate(new_faces)
        parent = np.concatenate(new_parent)
    mids = np.concatenate(midpoint_of)
    assert len(mids) == len(v) - n0
    return Refinement(f, parent, mids)


def refined_vertex_mirror(mirror: np.ndarray, midpoint_of: np.ndarray) -> np.ndarray:
    """Extend a vertex mirror map (n,) to the refined mesh's vertices (n + k,).

    A midpoint of edge (i, j) mirrors to the midpoint of (mirror[i], mirror[j]).
    Raises ValueError when a mirrored edge was not split the same way.
    """
    n = len(mirror)
    out = np.concatenate([np.asarray(mirror, dtype=np.int64), np.full(len(midpoint_of), -1, dtype=np.int64)])
    # Midpoints may be built on earlier midpoints: resolve in creation order.
    keys = {}
    for k, (i, j) in enumerate(midpoint_of):
        keys[(min(i, j), max(i, j))] = n + k
    for k, (i, j) in enumerate(midpoint_of):
        mi, mj = out[i], out[j]
        partner = keys.get((min(mi, mj), max(mi, mj)))
        if partner is None:
            raise ValueError("the refinement is not mirror-symmetric")
        out[n + k] = partner
    return out


def face_mirror(faces: np.ndarray, vertex_mirror: np.ndarray) -> np.ndarray:
    """(m,) index of each face's mirror image (the face on the mirrored vertices), -1 if none."""
    key = np.sort(faces, axis=1)
    mkey = np.sort(vertex_mirror[faces], axis=1)
    order = np.lexsort(key.T[::-1])
    sorted_keys = key[order]
    # Binary search each mirrored key among the sorted face keys.
    n = np.int64(vertex_mirror.max() + 1)
    flat = (sorted_keys[:, 0] * n + sorted_keys[:, 1]) * n + sorted_keys[:, 2]
    mflat = (mkey[:, 0] * n + mkey[:, 1]) * n + mkey[:, 2]
    pos = np.searchsorted(flat, mflat)
    pos = np.clip(pos, 0, len(flat) - 1)
    found = flat[pos] == mflat
    return np.where(found, order[pos], -1)
