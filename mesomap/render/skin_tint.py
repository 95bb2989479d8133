"""Zones as colours of the body's own mesh while the camera moves (issue 18).

At rest a zone is its own surface over the skin (cut along its smooth border, render.zone_mesh). A moving
frame instead draws the zones as per-vertex colours of the skin actor — no second layer of triangles and
fragments — so a drag costs what the body alone costs, whatever the zones. The colours are made on the
first moving frame after the zones changed (tens of ms for the 520k-face painting surface), never per frame.

Colours are point-sampled at the body's vertices: a zone's edge blurs over one of the body's triangles while
the camera turns, and is sharp again on the still frame.
"""

from __future__ import annotations

import numpy as np
import pyvista as pv

from mesomap.geometry.surface import PaintingSurface
from mesomap.render.motion import TINT_ARRAY
from mesomap.render.scene import SKIN_RGB


#: A vertex's share of a zone (the fraction of the skin area around it the zone covers) is sharpened to 0 below
#: the first and 1 above the second, so the colour changes across the zone's border rather than bleeding past it.
SHARE_EDGES = (0.25, 0.75)


def painting_vertex_rgb(surface: PaintingSurface, looks, skin_rgb=SKIN_RGB) -> np.ndarray:
    """(n', 3) float RGB 0–1 of the painting surface's vertices: the skin's colour with each zone laid over it in
    turn, in proportion to the zone's share of the area around the vertex (sharpened: SHARE_EDGES) and its
    opacity.

    looks: iterable of (faces (k,) painting face ids, rgb (3,) 0–1, opacity 0–1), bottom zone first.
    """
    mesh = surface.mesh
    n = mesh.n_vertices
    area = np.asarray(mesh.face_areas, dtype=float)
    around = np.maximum(np.bincount(mesh.faces.ravel(), weights=np.repeat(area, 3), minlength=n), 1e-30)
    lo, hi = SHARE_EDGES
    rgb = np.empty((n, 3))
    rgb[:] = skin_rgb
    for faces, colour, opacity in looks:
        faces = np.asarray(faces, dtype=np.int64)
        share = np.bincount(mesh.faces[faces].ravel(), weights=np.repeat(area[faces], 3), minlength=n) / around
        weight = opacity * np.clip((share - lo) / (hi - lo), 0.0, 1.0)
        rgb += weight[:, None] * (np.asarray(colour, dtype=float) - rgb)
    return rgb


def nearest_painting_vertex(surface: PaintingSurface, points_mm: np.ndarray) -> np.ndarray:
    """(n,) ids of the painting vertices nearest to points (n, 3) mm. The body the surface was refined from
    needs no search: its vertices are the painting surface's first ones, in order."""
    points_mm = np.asarray(points_mm, dtype=float)
    coarse = np.asarray(surface.coarse.vertices, dtype=float)
    if points_mm.shape == coarse.shape and np.array_equal(points_mm, coarse):
        return np.arange(len(points_mm))
    return surface.vertex_tree.query(points_mm)[1]


class SkinTint:
    """The zones one overlay shows, as colours for the skin's mesh while the camera moves.

    ``actors`` are the overlay's zone actors, hidden while the tinted skin stands in for them.
    """

    def __init__(self, surface: PaintingSurface):
        self.surface = surface
        self._looks: dict[str, tuple[np.ndarray, tuple, float]] = {}  # zone id -> (faces, rgb, opacity)
        self.actors: dict[str, object] = {}  # zone id -> its overlay actor
        self.version = 0
        self._vertex_rgb: tuple[int, np.ndarray] | None = None  # (version, painting vertex colours)
        self._nearest: dict[int, tuple[object, np.ndarray]] = {}  # id(mesh) -> (mesh, painting vertex ids)
        self._tinted: dict[int, tuple[int, object, pv.PolyData]] = {}  # id(mesh) -> (version, mesh, copy)

    def set_zone(self, zone_id: str, actor, faces: np.ndarray, rgb, opacity: float) -> None:
        """Zone ``zone_id`` is drawn by ``actor`` over ``faces`` in ``rgb`` (3,) 0–1 at ``opacity``."""
        self.actors[zone_id] = actor
        look = (faces, tuple(float(c) for c in rgb), float(opacity))
        old = self._looks.get(zone_id)
        if old is None or old[0] is not faces or old[1:] != look[1:]:
            self._looks[zone_id] = look
            self.version += 1

    def drop_zone(self, zone_id: str) -> None:
        self.actors.pop(zone_id, None)
        if self._looks.pop(zone_id, None) is not None:
            self.version += 1

    @property
    def empty(self) -> bool:
        return not self._looks

    def tinted(self, mesh) -> pv.PolyData:
        """A shallow copy of ``mesh`` (the skin's vtkPolyData) with the zones' colours as the point array
        TINT_ARRAY (uint8 RGB: the skin actor's colours), remade only when the zones changed."""
        key = id(mesh)
        cached = self._tinted.get(key)
        if cached is not None and cached[0] == self.version and cached[1] is mesh:
            return cached[2]
        if self._vertex_rgb is None or self._vertex_rgb[0] != self.version:
            self._vertex_rgb = (self.version, painting_vertex_rgb(self.surface, self._looks.values()))
        near = self._nearest.get(key)
        if near is None or near[0] is not mesh:
            if len(self._nearest) >= 2:  # the skin's full and light meshes: older bodies are let go
                self._nearest.clear()
                self._tinted.clear()
            near = (mesh, nearest_painting_vertex(self.surface, pv.wrap(mesh).points))
            self._nearest[key] = near
        copy = pv.wrap(mesh).copy(deep=False)
        copy.point_data[TINT_ARRAY] = np.clip(np.rint(self._vertex_rgb[1][near[1]] * 255), 0, 255).astype(np.uint8)
        self._tinted[key] = (self.version, mesh, copy)
        return copy
