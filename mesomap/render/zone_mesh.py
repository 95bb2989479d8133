"""A zone's faces as drawn: the raw painting faces (updated in place while painting) or cut along a smooth
border curve (geometry.borders.border_field), with that curve for the outline.

Overlays are lifted a fraction of a millimetre along the skin normal so they never z-fight with the body.
"""

from __future__ import annotations

import numpy as np
import pyvista as pv
from vtkmodules.util.numpy_support import numpy_to_vtkIdTypeArray
from vtkmodules.vtkCommonDataModel import vtkCellArray

from mesomap.geometry.borders import border_field, smooth_polyline, vertex_face_counts
from mesomap.geometry.surface import PaintingSurface

LIFT_MM = 0.35
#: A smooth cut that keeps less than this fraction of a zone's area (a stroke a triangle or two wide) is not
#: used: the raw faces are drawn instead.
MIN_SMOOTH_AREA = 0.85


def zone_polydata(surface: PaintingSurface, faces: np.ndarray) -> pv.PolyData:
    """The painting faces (k,) as a compact PolyData, lifted along the skin normal."""
    tri = surface.mesh.faces[np.asarray(faces, dtype=np.int64)]
    used, local = np.unique(tri, return_inverse=True)
    local = local.reshape(-1, 3)
    points = surface.mesh.vertices[used] + LIFT_MM * surface.vertex_normals[used]
    cells = np.hstack([np.full((len(local), 1), 3, dtype=np.int64), local]).ravel()
    poly = pv.PolyData(points, cells)
    poly.point_data["Normals"] = surface.vertex_normals[used]
    poly.point_data.active_normals_name = "Normals"
    return poly


class ZoneMesh:
    """One zone's faces as a PolyData that is updated in place, not rebuilt.

    Points are the zone's surface vertices (lifted), appended as new ones are
    painted (into buffers that double when full) and never reordered; cells are
    appended for a dab's new faces while a stroke only adds (rewritten from the
    face ids when some are taken away). A dab on a big zone then costs a few
    passes over the dab's faces and one over the zone's drawn flags.
    """

    def __init__(self, surface: PaintingSurface):
        self.surface = surface
        self.local = np.full(surface.mesh.n_vertices, -1, dtype=np.int32)  # global -> local vertex id
        self.n_points = 0
        self.poly = pv.PolyData()
        self._points = np.zeros((0, 3))
        self._normals = np.zeros((0, 3))
        self._drawn = np.zeros(surface.mesh.n_faces, dtype=bool)  # painting faces among the cells
        self._cells = np.zeros((0, 3), dtype=np.int64)  # local corner ids, the first n_cells rows drawn
        self.n_cells = 0
        self._polys = vtkCellArray()  # triangles of 3: its data is a view of the first n_cells rows of _cells
        self.poly.SetPolys(self._polys)
        self._vtk_points = self._vtk_normals = None  # the VTK arrays over _points and _normals

    def _grow(self, needed: int) -> None:
        size = max(1024, len(self._points))
        while size < needed:
            size *= 2
        points, normals = np.empty((size, 3)), np.empty((size, 3))
        points[: self.n_points] = self._points[: self.n_points]
        normals[: self.n_points] = self._normals[: self.n_points]
        self._points, self._normals = points, normals
        self._vtk_points = pv.vtk_points(points, deep=False)
        self.poly.SetPoints(self._vtk_points)
        self.poly.point_data["Normals"] = normals
        self.poly.point_data.active_normals_name = "Normals"
        self._vtk_normals = self.poly.GetPointData().GetArray("Normals")

    def set_faces(self, faces: np.ndarray) -> None:
        """Draw exactly ``faces`` (k,): while faces are only added (a painting stroke), only the new
        ones are looked up and appended; when any drawn face is gone, the cells are written afresh."""
        faces = np.asarray(faces, dtype=np.int64)
        kept = self._drawn[faces]
        if int(np.count_nonzero(kept)) == self.n_cells:
            faces = faces[~kept]  # nothing was taken away: append the new faces
        else:
            self._drawn[:] = False
            self.n_cells = 0
        tri = self.surface.mesh.faces[faces]
        flat = tri.ravel()
        new = flat[self.local[flat] < 0]
        if len(new):
            at = np.arange(len(new), dtype=np.int32)
            self.local[new] = at  # each new vertex once (where its last entry wrote): no sort or hash of them
            new = new[self.local[new] == at]
            start, stop = self.n_points, self.n_points + len(new)
            grown = stop > len(self._points)
            if grown:
                self._grow(stop)
            self.local[new] = np.arange(start, stop)
            normals = self.surface.vertex_normals[new]
            self._normals[start:stop] = normals
            self._points[start:stop] = self.surface.mesh.vertices[new] + LIFT_MM * normals
            if grown:  # spare capacity: never drawn, but kept inside the bounds
                self._points[stop:] = self._points[0]
                self._normals[stop:] = self._normals[0]
            self.n_points = stop
            self._vtk_points.Modified()
            self._vtk_normals.Modified()
        stop = self.n_cells + len(faces)
        if stop > len(self._cells):
            grown = np.empty((max(1024, 2 * stop), 3), dtype=np.int64)
            grown[: self.n_cells] = self._cells[: self.n_cells]
            self._cells = grown
        self._cells[self.n_cells : stop] = self.local[tri]
        self._drawn[faces] = True
        self.n_cells = stop
        # (VTK calls straight, not through pyvista's wrappers: a dab's recolour is a few of them)
        self._polys.SetData(3, numpy_to_vtkIdTypeArray(self._cells[:stop].reshape(-1), deep=False))
        self.poly.Modified()


def _face_counts(surface: PaintingSurface) -> np.ndarray:
    counts = getattr(surface, "_mesomap_face_counts", None)
    if counts is None:
        counts = vertex_face_counts(surface.mesh.faces, surface.mesh.n_vertices)
        surface._mesomap_face_counts = counts  # derived once per surface, read-only use
    return counts


def _area(poly: pv.PolyData) -> float:
    tri = poly.points[poly.regular_faces] if poly.n_cells else np.zeros((0, 3, 3))
    return float(0.5 * np.linalg.norm(np.cross(tri[:, 1] - tri[:, 0], tri[:, 2] - tri[:, 0]), axis=1).sum())


_CACHE: list[tuple[object, object, object]] = []  # (surface, faces array, result): the overlay and the outline
_CACHE_SIZE = 16


def smooth_zone(surface: PaintingSurface, faces: np.ndarray) -> tuple[pv.PolyData, pv.PolyData] | None:
    """(the zone's faces cut along its smooth border, lifted LIFT_MM; the border as lines on the skin, not
    lifted) or None when the cut would lose too much of a thin zone. Recent results are reused for the
    same face array (a zone's faces never change in place)."""
    for s, f, result in _CACHE:
        if s is surface and f is faces:
            return result
    result = _smooth_zone(surface, faces)
    _CACHE.append((surface, faces, result))
    del _CACHE[:-_CACHE_SIZE]
    return result


def _smooth_zone(surface: PaintingSurface, faces: np.ndarray) -> tuple[pv.PolyData, pv.PolyData] | None:
    faces = np.asarray(faces, dtype=np.int64)
    if len(faces) == 0:
        return None
    mesh = surface.mesh
    region, values = border_field(mesh.faces, _face_counts(surface), faces)
    tri = mesh.faces[region]
    used, local = np.unique(tri, return_inverse=True)
    poly = pv.PolyData(mesh.vertices[used], np.hstack([np.full((len(region), 1), 3), local.reshape(-1, 3)]).ravel())
    poly.point_data["inside"] = values[used]
    poly.point_data["Normals"] = surface.vertex_normals[used]
    cut = poly.clip_scalar(scalars="inside", value=0.5, invert=False).triangulate()
    if _area(cut) < MIN_SMOOTH_AREA * float(mesh.face_areas[faces].sum()):
        return None
    border = _smoothed_border(poly.contour([0.5], scalars="inside"), cut)
    normals = cut.point_data["Normals"]
    normals = normals / np.maximum(np.linalg.norm(normals, axis=1, keepdims=True), 1e-12)
    cut.points = cut.points + LIFT_MM * normals
    cut.point_data["Normals"] = normals
    cut.point_data.active_normals_name = "Normals"
    return cut, border


def _smoothed_border(contour: pv.PolyData, cut: pv.PolyData) -> pv.PolyData:
    """The contour's loops as polylines smoothed along the skin (geometry.borders.smooth_polyline); the cut
    zone's border points (the same points as the contour's) are moved with them, so the fill's edge is the
    drawn curve. Both keep their interpolated "Normals"."""
    from scipy.spatial import cKDTree

    lines = contour.strip(join=True, max_length=1_000_000)
    if lines.n_points == 0:
        return lines
    points = np.array(lines.points)
    smoothed = points.copy()
    for cell in range(lines.n_cells):
        ids = np.asarray(lines.get_cell(cell).point_ids)
        closed = len(ids) > 3 and ids[0] == ids[-1]
        if closed:
            smoothed[ids[:-1]] = smooth_polyline(points[ids[:-1]], closed=True)
        else:
            smoothed[ids] = smooth_polyline(points[ids], closed=False)
    dist, near = cKDTree(points).query(cut.points, distance_upper_bound=1e-6)
    on_border = np.isfinite(dist)
    moved = np.array(cut.points)
    moved[on_border] = smoothed[near[on_border]]
    cut.points = moved
    lines.points = smoothed
    return lines
