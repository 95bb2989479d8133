"""Flattening a zone onto a plane with as little stretch as its curvature allows.

Helper of :mod:`mesomap.geometry.layout`. The log map (geodesic polar
coordinates) keeps distances from its centre exact but puts every distortion
into the angular direction, and on zones with spiky borders (a painted or
template zone's teeth) its errors leak inward: the plane lattice laid over
such a chart is several per cent too dense there, and no spring relaxation
can take points away. An as-rigid-as-possible refinement (Liu et al. 2008,
"A local/global approach to mesh parameterization") started from the log map
spreads the unavoidable stretch evenly and leaves near-developable skin
(abdomen, back, limbs) isometric. Lengths in mm; pure numpy/scipy.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.sparse.linalg import splu

#: Local/global iterations of the as-rigid-as-possible refinement.
ARAP_ITERATIONS = 20
#: Cotangent weights are clamped to this range (slivers of a spiky border would otherwise dominate).
COT_RANGE = (1e-3, 1e2)


def _local_frames(V: np.ndarray, F: np.ndarray) -> np.ndarray:
    """(k, 3, 2) each triangle laid flat in its own plane (corner 0 at the origin, corner 1 on +x), mm."""
    p0, p1, p2 = V[F[:, 0]], V[F[:, 1]], V[F[:, 2]]
    e1, e2 = p1 - p0, p2 - p0
    l1 = np.linalg.norm(e1, axis=1)
    x_axis = e1 / np.maximum(l1, 1e-12)[:, None]
    x2 = np.einsum("ij,ij->i", e2, x_axis)
    y2 = np.linalg.norm(e2 - x2[:, None] * x_axis, axis=1)
    out = np.zeros((len(F), 3, 2))
    out[:, 1, 0] = l1
    out[:, 2, 0], out[:, 2, 1] = x2, y2
    return out


def _cotangents(x: np.ndarray) -> np.ndarray:
    """(k, 3) cotangent of each flat triangle's angle at corner c, from (k, 3, 2) corners; clamped to COT_RANGE."""
    cot = np.empty(x.shape[:2])
    for c in range(3):
        a, b = x[:, (c + 1) % 3] - x[:, c], x[:, (c + 2) % 3] - x[:, c]
        cross = np.abs(a[:, 0] * b[:, 1] - a[:, 1] * b[:, 0])
        with np.errstate(divide="ignore", invalid="ignore"):
            cot[:, c] = np.einsum("ij,ij->i", a, b) / cross
    return np.clip(np.nan_to_num(cot, nan=COT_RANGE[1], posinf=COT_RANGE[1]), *COT_RANGE)


def arap_flatten(V: np.ndarray, F: np.ndarray, uv0: np.ndarray, pin: int,
                 iterations: int = ARAP_ITERATIONS) -> np.ndarray:
    """(n, 2) mm plane coordinates of vertices V (n, 3) of a connected patch F (k, 3), refined from uv0 (n, 2).

    Local/global ARAP: each triangle's best rotation onto its flat shape,
    then one sparse solve of the cotangent Laplacian (factored once), vertex
    ``pin`` held where uv0 has it. The result is rotated about ``pin`` to
    agree with uv0 around it, so directions measured in uv0 still hold.
    """
    n = len(V)
    x = _local_frames(V, F)
    cot = _cotangents(x)
    # half-edge (i, j) of corner c: i = corner c+1, j = corner c+2, weight cot at c
    hi, hj = F[:, [1, 2, 0]], F[:, [2, 0, 1]]
    dx = x[:, [1, 2, 0]] - x[:, [2, 0, 1]]  # (k, 3, 2) x_i − x_j per half-edge
    w = cot.ravel()
    i, j = hi.ravel(), hj.ravel()
    lap = sparse.coo_matrix((np.concatenate([w, w, -w, -w]),
                             (np.concatenate([i, j, i, j]), np.concatenate([i, j, j, i]))), shape=(n, n)).tocsr()
    free = np.ones(n, dtype=bool)
    free[pin] = False
    lu = splu(lap[free][:, free].tocsc())
    uv = np.asarray(uv0, dtype=np.float64).copy()
    pin_uv = uv[pin].copy()
    coupling = lap[free][:, [pin]].toarray().ravel()
    for _ in range(iterations):
        du = (uv[hi] - uv[hj])  # (k, 3, 2)
        s = np.einsum("kh,khi,khj->kij", cot, du, dx)  # Σ w (u_i − u_j)(x_i − x_j)ᵀ
        theta = np.arctan2(s[:, 1, 0] - s[:, 0, 1], s[:, 0, 0] + s[:, 1, 1])
        c, sn = np.cos(theta), np.sin(theta)
        rot = np.stack([np.stack([c, -sn], -1), np.stack([sn, c], -1)], 1)  # (k, 2, 2)
        r_dx = np.einsum("kab,khb->kha", rot, dx) * cot[..., None]  # w R (x_i − x_j)
        rhs = np.zeros((n, 2))
        for d in range(2):
            rhs[:, d] = (np.bincount(i, r_dx[..., d].ravel(), minlength=n)
                         - np.bincount(j, r_dx[..., d].ravel(), minlength=n))
        rhs = rhs[free] - coupling[:, None] * pin_uv
        uv[free] = lu.solve(rhs)
    return _align(uv, np.asarray(uv0, dtype=np.float64), pin)


def _align(uv: np.ndarray, uv0: np.ndarray, pin: int, reach: float = 0.25) -> np.ndarray:
    """uv (n, 2) rotated about vertex ``pin`` to best agree with uv0 (n, 2) over the nearest ``reach`` of the patch."""
    a, b = uv0 - uv0[pin], uv - uv[pin]
    r = np.linalg.norm(a, axis=1)
    near = r <= np.quantile(r, reach)
    m = b[near].T @ a[near]  # 2×2 cross-covariance
    theta = np.arctan2(m[0, 1] - m[1, 0], m[0, 0] + m[1, 1])
    c, s = np.cos(theta), np.sin(theta)
    return b @ np.array([[c, s], [-s, c]]) + uv0[pin]
