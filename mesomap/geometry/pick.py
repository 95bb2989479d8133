"""Ray picking on a triangle mesh in numpy: which face is under the cursor."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mesomap.geometry.body_mesh import BodyMesh

#: Barycentric slack so rays through shared edges and corners are not lost.
BARY_EPS = 1e-9


@dataclass(frozen=True)
class RayHit:
    """The first surface point along a ray.

    face : index into ``mesh.faces``.
    barycentric : (3,) float64 weights of the face's corners, summing to 1.
    point_mm : (3,) float64 position in mm.
    distance_mm : distance from the ray origin in mm.
    """

    face: int
    barycentric: np.ndarray
    point_mm: np.ndarray
    distance_mm: float


def pick_ray(mesh: BodyMesh, origin_mm, direction) -> RayHit | None:
    """First front- or back-facing triangle hit by a ray (Möller–Trumbore, all faces at once).

    origin_mm : (3,) ray start in mm. direction : (3,) any non-zero length.
    Returns None when the ray misses. Cost is O(m) vectorised: about 1 ms for
    the 27k-triangle bundled bodies.
    """
    o = np.asarray(origin_mm, dtype=np.float64).reshape(3)
    d = np.asarray(direction, dtype=np.float64).reshape(3)
    length = np.linalg.norm(d)
    if not np.isfinite(length) or length == 0:
        raise ValueError("ray direction must be a finite non-zero vector")
    d = d / length
    t = mesh.triangles
    e1 = t[:, 1] - t[:, 0]
    e2 = t[:, 2] - t[:, 0]
    p = np.cross(d, e2)
    det = np.einsum("ij,ij->i", e1, p)
    ok = np.abs(det) > 1e-12
    inv = np.zeros_like(det)
    inv[ok] = 1.0 / det[ok]
    s = o - t[:, 0]
    u = np.einsum("ij,ij->i", s, p) * inv
    q = np.cross(s, e1)
    v = (q @ d) * inv
    dist = np.einsum("ij,ij->i", e2, q) * inv
    hit = ok & (u >= -BARY_EPS) & (v >= -BARY_EPS) & (u + v <= 1 + BARY_EPS) & (dist > 0)
    if not hit.any():
        return None
    candidates = np.flatnonzero(hit)
    best = candidates[np.argmin(dist[candidates])]
    bary = np.array([1.0 - u[best] - v[best], u[best], v[best]])
    bary = np.clip(bary, 0.0, None)
    bary /= bary.sum()
    point = bary @ t[best]
    return RayHit(int(best), bary, point, float(dist[best]))
