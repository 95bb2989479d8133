"""The brush reads its graph from tables built once per surface, and selects exactly what it did
when it built the graph of every dab from the faces (the reference below, the brush as it was).

Views (RAS axes): front looks along -y, back along +y, left along +x, and an oblique one.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse
from scipy.sparse.csgraph import dijkstra

from mesomap.geometry.brush import brush_faces
from mesomap.geometry.skin_graph import SkinGraph, ranges
from mesomap.io.meshes import load_painting_surface

VIEWS = [np.array([0.0, -1.0, 0.0]), np.array([0.0, 1.0, 0.0]), np.array([1.0, 0.0, 0.0]),
         np.array([-0.6, -0.8, 0.0])]


@pytest.fixture(scope="module")
def surface():
    return load_painting_surface("female")


def reference_dab(surface, hit, r, view_dir=None):
    """The dab built from scratch: the faces touching the Euclidean ball (facing the viewer, and the
    hit face), a graph of their edges joined to the hit point, Dijkstra, then each face's nearest
    corner distance plus that corner's distance to the centroid."""
    mesh = surface.mesh
    ball = np.asarray(surface.vertex_tree.query_ball_point(hit.point_mm, r), dtype=np.int64)
    faces = np.union1d(surface.vertex_faces[ball].indices, [hit.face]) if len(ball) else np.array([hit.face])
    if view_dir is not None:
        facing = mesh.face_normals[faces] @ np.asarray(view_dir, dtype=np.float64) < 0
        faces = faces[facing | (faces == hit.face)]
    local_ids, local = np.unique(mesh.faces[faces], return_inverse=True)
    local = local.reshape(-1, 3)
    pos = mesh.vertices[local_ids]
    u, v = local.ravel(), local[:, [1, 2, 0]].ravel()
    n = len(local_ids)
    key = np.unique(np.minimum(u, v) * n + np.maximum(u, v))
    a, b = key // n, key % n
    w = np.linalg.norm(pos[a] - pos[b], axis=1)
    hit_corners = local[np.flatnonzero(faces == hit.face)[0]]
    w0 = np.linalg.norm(pos[hit_corners] - hit.point_mm, axis=1)
    graph = sparse.csr_matrix((np.concatenate([w, w, np.maximum(w0, 1e-9)]),
                               (np.concatenate([a, b, np.full(3, n)]), np.concatenate([b, a, hit_corners]))),
                              shape=(n + 1, n + 1))
    dist = dijkstra(graph, directed=False, indices=n, limit=r + 1e-9)[:n]
    centroid = pos[local].mean(axis=1)
    to_centroid = dist[local] + np.linalg.norm(pos[local] - centroid[:, None, :], axis=2)
    return np.union1d(faces[to_centroid.min(axis=1) <= r], [hit.face])


def fixed_dabs(surface):
    rng = np.random.default_rng(7)
    lo, hi = surface.mesh.vertices.min(axis=0), surface.mesh.vertices.max(axis=0)
    out = []
    while len(out) < 24:
        view = VIEWS[len(out) % len(VIEWS)]
        target = rng.uniform(lo, hi)
        hit = surface.pick(target - 3000 * view, view)
        if hit is not None:
            out.append((hit, view))
    return out


@pytest.mark.parametrize("radius", [2.0, 10.0, 30.0, 100.0])
def test_dabs_select_the_same_faces_as_the_brush_built_per_dab(surface, radius):
    for hit, view in fixed_dabs(surface):
        for v in (view, None):
            got, want = brush_faces(surface, hit, radius, v), reference_dab(surface, hit, radius, v)
            assert np.array_equal(got, want), (hit.face, radius, v, len(got), len(want))


def test_skin_graph_tables_describe_the_mesh():
    # two triangles sharing edge 1-2, and one more sharing edge 2-3: a strip with border edges
    v = np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0], [1, 1, 0], [2, 1, 0]], dtype=float)
    f = np.array([[0, 1, 2], [1, 3, 2], [1, 4, 3]])
    g = SkinGraph.build(v, f)
    faces = g.nbr_faces.view(np.int32).reshape(-1, 2)
    for i in range(len(v)):
        entries, _ = ranges(g.nbr_start, np.array([i]))
        for e in entries:
            j = int(g.nbr[e])
            assert g.nbr_mm[e] == np.linalg.norm(v[min(i, j)] - v[max(i, j)])
            sharing = sorted(k for k in range(len(f)) if i in f[k] and j in f[k])
            assert sorted(x for x in faces[e] if x < len(f)) == sharing
            assert (faces[e] == len(f)).sum() == 2 - len(sharing)  # "no face" past a border edge
        around, _ = ranges(g.face_start, np.array([i]))
        assert sorted(g.corner_face[around]) == sorted(k for k in range(len(f)) if i in f[k])
        for e in around:
            k = int(g.corner_face[e])
            assert np.isclose(g.corner_to_centroid_mm[e], np.linalg.norm(v[i] - v[f[k]].mean(axis=0)))
    with pytest.raises(ValueError):
        SkinGraph.build(np.vstack([v, [[0, 0, 1]]]), np.vstack([f, [[1, 2, 5]]]))  # edge 1-2 in three faces
