"""Fit the reference body onto a patient's scan: pre-alignment, then a non-rigid registration.

The reference body (hm08 topology, mm, RAS: +x patient's right, +y front, +z up)
is moved onto the scan's surface so that every reference vertex lands on the
same anatomical place of the patient. Zones and points stored on the hm08
topology then have a place on the scan (see ``model/fit.py``).

Steps
-----
1. **Pre-alignment.** With 3 or more landmarks given on the scan: the similarity
   (rotation, uniform scale, shift) that best maps the reference landmarks onto them
   (Umeyama). Without: the reference's centre onto the scan's. Then ICP on the
   overlapping part — a similarity, then an affine map (a taller or broader patient) —
   matching only reference vertices whose nearest scan point is close, faces the
   same way and is not on the scan's border (holes, cut edges, partial scans).
2. **Non-rigid.** Displacements ``x`` of the reference vertices minimising
   ``Σ wᵢ‖xᵢ − cᵢ‖² + α‖L(x − x₀)‖² + β Σ‖landmarkₗ(x) − pₗ‖²`` — cᵢ the nearest scan
   point (moved towards the scan's tangent plane so the skin may slide), L the
   graph Laplacian (smooth deformations cost little), landmarks as soft
   constraints — for a falling stiffness α, a few rounds each (optimal-step
   non-rigid ICP, Amberg et al. 2007, with displacement instead of affine unknowns:
   one sparse n×n factorisation serves x, y and z).

All positions in mm; progress(fraction 0..1) is called between rounds and
``cancel()`` returning True stops with :class:`FitCancelled`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.optimize import lsq_linear
from scipy.sparse.linalg import splu

from mesomap.geometry.scan_surface import ScanSurface, vertex_normals


#: Largest share of one shape direction (1 = the MakeHuman slider's end).
SHAPE_MAX = 1.5


class FitCancelled(Exception):
    """The user cancelled the fit."""


@dataclass(frozen=True)
class FitSettings:
    """Tuning of the registration (distances in mm)."""

    #: Stiffness α per stage, high (nearly affine) to low (follows the scan's detail).
    stiffness: tuple[float, ...] = (30.0, 10.0, 3.0, 1.0, 0.3)
    rounds_per_stage: int = 4
    rigid_rounds: int = 24
    #: The last pre-alignment rounds fit an affine map (a taller or broader patient than the shapes explain).
    affine_rounds: int = 4
    #: The pre-alignment matches every k-th reference vertex.
    prealign_stride: int = 3
    #: Ridge (mm²) keeping unused shape directions at 0.
    shape_ridge: float = 100.0
    #: Matches further than this are ignored (per stage: the first value for the pre-alignment).
    max_distance_mm: tuple[float, ...] = (80.0, 40.0, 25.0, 15.0, 10.0, 10.0)
    #: Matches whose normals differ by more than this angle are ignored (cos).
    min_normal_cos: float = 0.5
    #: Weight of a landmark against one matched vertex.
    landmark_weight: float = 50.0
    #: Share of the point-to-point pull (the rest pulls only along the scan's normal).
    point_to_point: float = 0.2


@dataclass(frozen=True)
class LandmarkPair:
    """A landmark on the reference (face id + barycentric) and where it is on the scan (mm)."""

    name: str
    face: int
    barycentric: tuple[float, float, float]
    scan_mm: tuple[float, float, float]


@dataclass
class FitOutcome:
    """vertices (n, 3) mm: the reference on the scan; transform (4, 4): the pre-alignment;
    shape (K,): the mix of shape directions; matches: the last nearest scan points."""

    vertices: np.ndarray
    transform: np.ndarray
    shape: np.ndarray
    matches: "Matches"
    #: (k,) mm: each landmark's distance from where it was placed after the pre-alignment (global shape and
    #: pose only): a misplaced landmark stands out here, where the free-form step would have followed it.
    prealign_residual_mm: np.ndarray = None  # type: ignore[assignment]


def similarity(src: np.ndarray, dst: np.ndarray, scaled: bool = True) -> np.ndarray:
    """(4, 4) rotation·scale + shift mapping points src (k, 3) onto dst (k, 3) best (Umeyama 1991); scale 1 unless scaled."""
    ms, md = src.mean(axis=0), dst.mean(axis=0)
    a, b = src - ms, dst - md
    u, s, vt = np.linalg.svd(b.T @ a / len(src))
    d = np.eye(3)
    if np.linalg.det(u @ vt) < 0:
        d[2, 2] = -1
    r = u @ d @ vt
    scale = np.trace(np.diag(s) @ d) / max((a * a).sum() / len(src), 1e-12) if scaled else 1.0
    m = np.eye(4)
    m[:3, :3] = scale * r
    m[:3, 3] = md - scale * r @ ms
    return m


def affine(src: np.ndarray, dst: np.ndarray, w: np.ndarray) -> np.ndarray:
    """(4, 4) affine map src (k, 3) -> dst (k, 3), weighted least squares (weights (k,))."""
    h = np.hstack([src, np.ones((len(src), 1))]) * np.sqrt(w)[:, None]
    sol, *_ = np.linalg.lstsq(h, dst * np.sqrt(w)[:, None], rcond=None)
    m = np.eye(4)
    m[:3, :] = sol.T
    return m


def apply(m: np.ndarray, p: np.ndarray) -> np.ndarray:
    """Points p (k, 3) mapped by the (4, 4) matrix m."""
    return p @ m[:3, :3].T + m[:3, 3]


def graph_laplacian(faces: np.ndarray, n: int) -> sparse.csr_matrix:
    """(n, n) I − D⁻¹A of the edge graph of faces (m, 3)."""
    e = np.concatenate([faces[:, [0, 1]], faces[:, [1, 2]], faces[:, [2, 0]]])
    e = np.unique(np.sort(e, axis=1), axis=0)
    a = sparse.coo_matrix((np.ones(2 * len(e)), (np.r_[e[:, 0], e[:, 1]], np.r_[e[:, 1], e[:, 0]])), shape=(n, n)).tocsr()
    deg = np.asarray(a.sum(axis=1)).ravel()
    return (sparse.identity(n, format="csr") - sparse.diags(1.0 / np.maximum(deg, 1)) @ a).tocsr()


@dataclass
class Matches:
    """Per reference vertex: target (n, 3) mm, weight (n,), distance (n,) mm to the scan."""

    target: np.ndarray
    weight: np.ndarray
    distance: np.ndarray


def match(v: np.ndarray, normals: np.ndarray, scan: ScanSurface, max_distance: float, s: FitSettings,
          point_to_point: float | None = None) -> Matches:
    """Nearest scan points of the reference vertices v (n, 3), with the matches that count weighted 1."""
    q, face, d, border = scan.nearest(v, k=1)
    nq = scan.face_normals[face]
    cos = np.einsum("ij,ij->i", nq, normals)
    ok = (d <= max_distance) & (cos >= s.min_normal_cos) & ~border
    along = np.einsum("ij,ij->i", v - q, nq)
    plane = v - along[:, None] * nq
    share = s.point_to_point if point_to_point is None else point_to_point
    target = share * q + (1 - share) * plane
    return Matches(target, ok.astype(np.float64), d)


def landmark_matrix(faces: np.ndarray, n: int, pairs: list[LandmarkPair]) -> tuple[sparse.csr_matrix, np.ndarray]:
    """(k, n) rows of barycentric weights and (k, 3) scan positions of the landmarks."""
    rows, cols, vals = [], [], []
    for i, p in enumerate(pairs):
        for j in range(3):
            rows.append(i)
            cols.append(int(faces[p.face][j]))
            vals.append(float(p.barycentric[j]))
    b = sparse.csr_matrix((vals, (rows, cols)), shape=(len(pairs), n))
    return b, np.array([p.scan_mm for p in pairs], dtype=np.float64).reshape(-1, 3)


def shape_coefficients(m: np.ndarray, v: np.ndarray, shapes: np.ndarray, keep: np.ndarray, target: np.ndarray,
                       b: sparse.csr_matrix, p: np.ndarray, s: FitSettings) -> np.ndarray:
    """(K,) mix of the shape directions shapes (K, n, 3) that brings m·(v + Σθₖ·shapesₖ) closest to the matches.

    keep (k,) ids of vertices matched to ``target`` (k, 3); b, p: landmark rows and scan positions.
    Solved in the reference's own frame (the map m undone), with a light ridge so unused directions stay 0.
    """
    inv = np.linalg.inv(m)
    y = apply(inv, target) - v[keep]  # (k, 3) what the shape should add
    g = shapes[:, keep, :].reshape(len(shapes), -1).T  # (3k, K)
    rows, rhs = [g], [y.ravel()]
    if b.shape[0]:
        w = np.sqrt(s.landmark_weight)
        rows.append(w * np.stack([(b @ d).ravel() for d in shapes], axis=1))
        rhs.append(w * (apply(inv, p) - b @ v).ravel())
    k = len(shapes)
    rows.append(np.sqrt(s.shape_ridge) * np.eye(k))
    rhs.append(np.zeros(k))
    # Each direction is one side of a slider: its share is between 0 and SHAPE_MAX.
    return lsq_linear(np.vstack(rows), np.concatenate(rhs), bounds=(0.0, SHAPE_MAX)).x


def prealign(v: np.ndarray, faces: np.ndarray, scan: ScanSurface, pairs: list[LandmarkPair], s: FitSettings,
             tick: Callable[[], None], shapes: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """((4, 4) map, (K,) shape mix) of the reference vertices v (n, 3) onto the scan: landmarks or centres, then ICP.

    The first half of the rounds fits a similarity; the second half also the shape mix
    (shapes (K, n, 3) mm, or None), the last rounds an affine map.
    """
    b, p = landmark_matrix(faces, len(v), pairs)
    theta = np.zeros(0 if shapes is None else len(shapes))
    if len(pairs) >= 3:
        m = similarity(b @ v, p)
    else:  # both stand upright (z up, front +y): match heights, tops of the heads and centres
        lo, hi = scan.vertices.min(axis=0), scan.vertices.max(axis=0)
        scale = (hi[2] - lo[2]) / max(np.ptp(v[:, 2]), 1e-9)
        m = np.diag([scale, scale, scale, 1.0])
        m[:3, 3] = scan.vertices.mean(axis=0) - scale * v.mean(axis=0)
        m[2, 3] = hi[2] - scale * v[:, 2].max()
    lw = s.landmark_weight * np.ones(len(pairs))
    sub = np.arange(0, len(v), s.prealign_stride)  # every k-th vertex is plenty for 12 + K unknowns
    for r in range(s.rigid_rounds):
        tick()
        shaped = v if shapes is None else v + np.tensordot(theta, shapes, axes=1)
        moved = apply(m, shaped)
        mt = match(moved[sub], vertex_normals(moved, faces)[sub], scan, s.max_distance_mm[0], s, point_to_point=1.0)
        keep = sub[mt.weight > 0]
        target = mt.target[mt.weight > 0]
        if len(keep) < 12:
            break
        with_shape = shapes is not None and r >= s.rigid_rounds // 4
        if with_shape and r == s.rigid_rounds // 4:  # from now on size is the shape's: drop the map's scale
            m[:3, :3] /= np.cbrt(np.linalg.det(m[:3, :3]))
        if with_shape:
            theta = shape_coefficients(m, v, shapes, keep, target, b, p, s)
            shaped = v + np.tensordot(theta, shapes, axes=1)
        src = np.vstack([shaped[keep], b @ shaped]) if len(pairs) else shaped[keep]
        dst = np.vstack([target, p]) if len(pairs) else target
        w = np.r_[np.ones(len(keep)), lw]
        # once the shape mix explains size, the map stays rigid (height is a shape direction)
        m = similarity(src, dst, scaled=not with_shape) if r < s.rigid_rounds - s.affine_rounds else affine(src, dst, w)
    return m, theta


def fit_vertices(reference: np.ndarray, faces: np.ndarray, scan: ScanSurface, pairs: list[LandmarkPair] = (),
                 settings: FitSettings | None = None, progress: Callable[[float], None] | None = None,
                 cancel: Callable[[], bool] | None = None, shapes: np.ndarray | None = None) -> FitOutcome:
    """The reference vertices (n, 3) mm moved onto the scan; shapes (K, n, 3) mm: body-shape directions or None.

    Raises FitCancelled when ``cancel()`` says so.
    """
    s = settings or FitSettings()
    pairs = list(pairs)
    total = s.rigid_rounds + len(s.stiffness) * s.rounds_per_stage
    done = [0]

    def tick() -> None:
        if cancel is not None and cancel():
            raise FitCancelled()
        if progress is not None:
            progress(min(done[0] / total, 1.0))
        done[0] += 1

    n = len(reference)
    m, theta = prealign(reference, faces, scan, pairs, s, tick, shapes)
    x0 = apply(m, reference if shapes is None else reference + np.tensordot(theta, shapes, axes=1))
    lap = graph_laplacian(faces, n)
    ltl = (lap.T @ lap).tocsc()
    b, p = landmark_matrix(faces, n, pairs)
    btb = (b.T @ b).tocsc() * s.landmark_weight
    btp = b.T @ p * s.landmark_weight
    x = x0.copy()
    mt = match(x, vertex_normals(x, faces), scan, s.max_distance_mm[0], s)
    for stage, alpha in enumerate(s.stiffness):
        dmax = s.max_distance_mm[min(stage + 1, len(s.max_distance_mm) - 1)]
        reg = alpha * ltl
        rhs_reg = reg @ x0
        for _ in range(s.rounds_per_stage):
            tick()
            mt = match(x, vertex_normals(x, faces), scan, dmax, s)
            a = (sparse.diags(mt.weight) + reg + btb).tocsc()
            a = a + sparse.identity(n, format="csc") * 1e-8
            rhs = mt.weight[:, None] * mt.target + rhs_reg + btp
            x = splu(a).solve(rhs)
    if progress is not None:
        progress(1.0)
    mt = match(x, vertex_normals(x, faces), scan, s.max_distance_mm[-1], s)
    pre = np.linalg.norm(b @ x0 - p, axis=1) if len(pairs) else np.zeros(0)
    return FitOutcome(vertices=x, transform=m, shape=theta, matches=mt, prealign_residual_mm=pre)
