"""Reference and answer plans for the quiz tests, made from the built-in templates."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from mesomap.io.meshes import load_painting_surface
from mesomap.io.plan_builder import new_plan
from mesomap.io.templates import load_templates


def surface():
    return load_painting_surface("female")


def reference():
    """The outer left thigh, the left cheek and both ST36 points on the female body."""
    return new_plan(surface(), load_templates(), ["outer_thigh_left", "cheek_left"], ["ST36"])


def shifted_faces(s, faces, shift_mm) -> np.ndarray:
    """The faces whose centroid, moved back by ``shift_mm`` (3,), lands on one of ``faces``: the region moved."""
    inside = np.zeros(s.n_faces, dtype=bool)
    inside[faces] = True
    d, idx = s.centroid_tree.query(s.centroids - np.asarray(shift_mm, dtype=float))
    return np.flatnonzero((d < 4.0) & inside[idx])


def walk_point(s, point, distance_mm: float, direction=(0.0, 0.0, 1.0)):
    """``point`` moved ``distance_mm`` along the skin, in 1 mm steps towards ``direction`` projected on the skin."""
    pos, _ = s.point_on_face(point.face, point.barycentric)
    for _ in range(int(round(distance_mm))):
        _, n = s.point_on_face(point.face, point.barycentric)
        d = np.asarray(direction, dtype=float) - n * (np.asarray(direction) @ n)
        f, b, _ = s.nearest_points(pos + d / np.linalg.norm(d))
        point = replace(point, face=int(f[0]), barycentric=tuple(float(x) for x in b[0]))
        pos, _ = s.point_on_face(point.face, point.barycentric)
    return point
