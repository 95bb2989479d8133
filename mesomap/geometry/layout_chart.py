"""Flattening a zone onto a plane with as little stretch as its curvature allows.

Helper of :mod:`mesomap.geometry.layout`: the plane lattice is laid in this
chart, so the chart's stretch is the grid's. A least-squares conformal map
(Lévy et al. 2002, one sparse solve; exact up to scale wherever the skin
unrolls) is refined as rigidly as possible (Liu et al. 2008, "A local/global
approach to mesh parameterization"), which spreads the unavoidable stretch
of doubly curved skin evenly and leaves near-developable skin (abdomen,
back, limbs) isometric. (The log map used before kept distances from its
centre exact but bent by up to tens of per cent near spiky borders and in
the corners of a zone, and the lattice laid over it was several per cent too
dense there.) Lengths in mm; pure numpy/scipy.
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


def lscm(V: np.ndarray, F: np.ndarray, pins: tuple[int, int]) -> np.ndarray:
    """(n, 2) least-squares conformal map of the patch V (n, 3), F (k, 3), scaled to the patch's area.

    Vertex pins[0] goes to the origin and pins[1] onto the +u axis (they fix
    the map's similarity); each triangle contributes the two rows of
    Σ_j W_j (u_j + i v_j) = 0, W_j its opposite edge as a complex number,
    weighted by 1/√(2·area). Orientation follows the faces' winding.
    """
    n, k = len(V), len(F)
    x = _local_frames(V, F)
    w = x[:, [2, 0, 1]] - x[:, [1, 2, 0]]  # W_j = p_{j+2} − p_{j+1} (k, 3, 2)
    area2 = np.abs(x[:, 1, 0] * x[:, 2, 1])  # 2 × area in the local frame
    scale = 1.0 / np.sqrt(np.maximum(area2, 1e-12))
    a, b = w[..., 0] * scale[:, None], w[..., 1] * scale[:, None]
    re, im = np.arange(k) * 2, np.arange(k) * 2 + 1
    cols_u, cols_v = F, F + n
    r = np.concatenate([np.repeat(re, 3), np.repeat(re, 3), np.repeat(im, 3), np.repeat(im, 3)])
    c = np.concatenate([cols_u.ravel(), cols_v.ravel(), cols_u.ravel(), cols_v.ravel()])
    val = np.concatenate([a.ravel(), -b.ravel(), b.ravel(), a.ravel()])
    A = sparse.csr_matrix((val, (r, c)), shape=(2 * k, 2 * n))
    p0, p1 = pins
    fixed_cols = np.array([p0, p1, p0 + n, p1 + n])
    fixed_val = np.array([0.0, np.linalg.norm(V[p1] - V[p0]), 0.0, 0.0])
    free = np.ones(2 * n, dtype=bool)
    free[fixed_cols] = False
    Af, Ab = A[:, free], A[:, fixed_cols]
    z = np.empty(2 * n)
    z[fixed_cols] = fixed_val
    z[free] = splu((Af.T @ Af).tocsc()).solve(-(Af.T @ (Ab @ fixed_val)))
    uv = np.stack([z[:n], z[n:]], axis=1)
    t = uv[F]
    flat = 0.5 * np.abs(((t[:, 1] - t[:, 0])[:, 0] * (t[:, 2] - t[:, 0])[:, 1]
                         - (t[:, 2] - t[:, 0])[:, 0] * (t[:, 1] - t[:, 0])[:, 1])).sum()
    return uv * np.sqrt(0.5 * area2.sum() / max(flat, 1e-12))


def flatten(V: np.ndarray, F: np.ndarray, centre: int, iterations: int = ARAP_ITERATIONS) -> np.ndarray:
    """(n, 2) mm chart of a connected patch with a border: :func:`lscm` refined by :func:`arap_flatten`.

    ``centre`` goes to the origin; the map keeps the faces' orientation.
    """
    far = int(np.argmax(np.linalg.norm(V - V[centre], axis=1)))
    uv = lscm(V, F, (centre, far))
    return arap_flatten(V, F, uv, centre, iterations)


def chart_frame(V: np.ndarray, F: np.ndarray, uv: np.ndarray, vertex: int) -> tuple[np.ndarray, np.ndarray]:
    """(e1, e2) (3,): the chart's u and v axes at ``vertex`` as 3D covectors — a direction d at the vertex
    points along (d·e1, d·e2) in the chart (the mean linear map of the faces around it)."""
    around = np.flatnonzero((F == vertex).any(axis=1))
    jac = np.zeros((2, 3))
    for f in around:
        e = V[F[f, 1:]] - V[F[f, 0]]  # (2, 3)
        d = uv[F[f, 1:]] - uv[F[f, 0]]  # (2, 2)
        jac += d.T @ np.linalg.pinv(e.T)
    jac /= max(len(around), 1)
    return jac[0], jac[1]


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
