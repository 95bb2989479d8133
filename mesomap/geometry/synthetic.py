"""Synthetic test surfaces for the injection-grid layout: flat, cylinder, sphere cap, bumpy sphere, torus saddle.

Meshes in mm with smooth vertex normals and a zone (face ids) on each; used
by the layout tests and ``benchmarks/layout.py``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from mesomap.geometry.quality import subdivide


def icosphere(level: int) -> tuple[np.ndarray, np.ndarray]:
    """Unit icosphere: (V (n, 3), F (m, 3)), 20·4^level faces, outward winding."""
    t = (1 + 5 ** 0.5) / 2
    V = np.array([[-1, t, 0], [1, t, 0], [-1, -t, 0], [1, -t, 0], [0, -1, t], [0, 1, t], [0, -1, -t], [0, 1, -t],
                  [t, 0, -1], [t, 0, 1], [-t, 0, -1], [-t, 0, 1]], float)
    F = np.array([[0, 11, 5], [0, 5, 1], [0, 1, 7], [0, 7, 10], [0, 10, 11], [1, 5, 9], [5, 11, 4], [11, 10, 2],
                  [10, 7, 6], [7, 1, 8], [3, 9, 4], [3, 4, 2], [3, 2, 6], [3, 6, 8], [3, 8, 9], [4, 9, 5],
                  [2, 4, 11], [6, 2, 10], [8, 6, 7], [9, 8, 1]])
    V /= np.linalg.norm(V, axis=1, keepdims=True)
    for _ in range(level):
        V, F = subdivide(V, F)
        V /= np.linalg.norm(V, axis=1, keepdims=True)
    return V, F


def grid_mesh(nu: int, nv: int, wrap_u: bool = False, wrap_v: bool = False):
    """(uv (n, 2) in [0, 1]², F) a triangulated nu × nv grid, optionally periodic."""
    us = np.linspace(0, 1, nu, endpoint=not wrap_u)
    vs = np.linspace(0, 1, nv, endpoint=not wrap_v)
    uu, vv = np.meshgrid(us, vs, indexing="ij")
    idx = np.arange(nu * nv).reshape(nu, nv)
    iu = nu if wrap_u else nu - 1
    iv = nv if wrap_v else nv - 1
    i, j = np.meshgrid(np.arange(iu), np.arange(iv), indexing="ij")
    a = idx[i % nu, j % nv]
    b = idx[(i + 1) % nu, j % nv]
    c = idx[(i + 1) % nu, (j + 1) % nv]
    d = idx[i % nu, (j + 1) % nv]
    F = np.concatenate([np.stack([a, b, c], -1).reshape(-1, 3), np.stack([a, c, d], -1).reshape(-1, 3)])
    return np.stack([uu.ravel(), vv.ravel()], 1), F


@dataclass(frozen=True)
class Synthetic:
    """A test surface: mesh (V, F) mm, the zone's faces, smooth vertex normals, a name."""

    name: str
    V: np.ndarray
    F: np.ndarray
    zone: np.ndarray
    normals: np.ndarray


def synthetic_surface(name: str, resolution_mm: float = 2.5) -> Synthetic:
    """One of: "flat" (200 mm square, zone the middle 150 mm), "sphere_cap" (R = 100 mm, zone within
    60 mm along the skin of the pole), "bumpy_sphere" (R = 100 mm ± 8 mm bumps, zone within 70 mm),
    "torus_saddle" (R = 100, r = 40 mm, zone the saddle-shaped inner side), "cylinder" (R = 60 mm,
    zone 150 × 150 mm along the skin). Faces about ``resolution_mm`` across."""
    if name in ("sphere_cap", "bumpy_sphere"):
        level = max(2, int(round(math.log2(100 * 1.05 / resolution_mm))))
        U, F = icosphere(level)
        if name == "sphere_cap":
            V, N = 100.0 * U, U.copy()
            zone_r = 60.0
        else:
            def radius(u):
                return 100.0 + 8.0 * np.sin(5 * u[:, 0]) * np.sin(5 * u[:, 1]) * np.cos(3 * u[:, 2])
            V = U * radius(U)[:, None]
            N = _vertex_normals(V, F)
            zone_r = 70.0
        cen = V[F].mean(axis=1)
        ang = np.arccos(np.clip(cen[:, 2] / np.linalg.norm(cen, axis=1), -1, 1))
        zone = np.flatnonzero(ang * 100.0 <= zone_r)
        return Synthetic(name, V, F, zone, N)
    if name == "torus_saddle":
        R, r = 100.0, 40.0
        nu = int(2 * math.pi * (R + r) / resolution_mm)
        nv = int(2 * math.pi * r / resolution_mm)
        uv, F = grid_mesh(nu, nv, True, True)
        u, v = 2 * math.pi * uv[:, 0], 2 * math.pi * uv[:, 1]
        V = np.stack([(R + r * np.cos(v)) * np.cos(u), (R + r * np.cos(v)) * np.sin(u), r * np.sin(v)], 1)
        N = np.stack([np.cos(v) * np.cos(u), np.cos(v) * np.sin(u), np.sin(v)], 1)
        cuv = uv[F].mean(axis=1)  # (not exact across the wrap, but the zone keeps away from it)
        cu = (2 * math.pi * cuv[:, 0])
        cv = (2 * math.pi * cuv[:, 1])
        near_u = np.abs(cu - math.pi) * (R - r) <= 70
        near_v = np.abs(cv - math.pi) * r <= 55
        zone = np.flatnonzero(near_u & near_v & (np.ptp(uv[F], axis=1).max(axis=1) < 0.5))
        return Synthetic(name, V, F, zone, N)
    if name == "cylinder":
        R = 60.0
        nu = int(2 * math.pi * R / resolution_mm)
        nv = int(240 / resolution_mm)
        uv, F = grid_mesh(nu, nv, True, False)
        u, z = 2 * math.pi * uv[:, 0], 240 * uv[:, 1] - 120
        V = np.stack([R * np.cos(u), R * np.sin(u), z], 1)
        N = np.stack([np.cos(u), np.sin(u), 0 * u], 1)
        cen = V[F].mean(axis=1)
        arc = np.abs(np.arctan2(cen[:, 1], cen[:, 0])) * R
        zone = np.flatnonzero((arc <= 75) & (np.abs(cen[:, 2]) <= 75))
        return Synthetic(name, V, F, zone, N)
    if name == "flat":
        n = int(200 / resolution_mm) + 1
        uv, F = grid_mesh(n, n)
        V = np.concatenate([200 * uv - 100, np.zeros((len(uv), 1))], axis=1)
        N = np.tile([0.0, 0.0, 1.0], (len(V), 1))
        cen = V[F].mean(axis=1)
        zone = np.flatnonzero(np.all(np.abs(cen[:, :2]) <= 75, axis=1))
        return Synthetic(name, V, F, zone, N)
    raise ValueError(f"unknown synthetic surface {name!r}")


SYNTHETIC = ("flat", "sphere_cap", "bumpy_sphere", "torus_saddle", "cylinder")


def _vertex_normals(V, F):
    cross = np.cross(V[F[:, 1]] - V[F[:, 0]], V[F[:, 2]] - V[F[:, 0]])
    acc = np.zeros_like(V)
    for k in range(3):
        np.add.at(acc, F[:, k], cross)
    return acc / np.linalg.norm(acc, axis=1, keepdims=True)
