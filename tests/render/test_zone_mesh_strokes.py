"""While a stroke paints, the zone's drawn triangles are exactly its faces: dabs appended, an erase redrawn.

ZoneMesh (the stroke's raw-face drawing) appends only a dab's new faces while faces are only added,
and writes every cell afresh when some are taken away; either way the picture must be the zone.
"""

from __future__ import annotations

import numpy as np
import pytest

from mesomap.geometry.brush import brush_faces
from mesomap.io.meshes import load_painting_surface
from mesomap.model.edits import merge_faces
from mesomap.model.plan import face_set
from mesomap.render.zone_mesh import LIFT_MM, ZoneMesh

FRONT = np.array([0.0, -1.0, 0.0])


@pytest.fixture(scope="module")
def surface():
    return load_painting_surface("female")


def drawn_faces(mesh: ZoneMesh, surface) -> np.ndarray:
    """The painting faces the PolyData shows, from its cells' points (rows of global vertex ids, sorted)."""
    cells = mesh.poly.regular_faces
    used = np.flatnonzero(mesh.local >= 0)
    glob = np.empty(mesh.n_points, dtype=np.int64)
    glob[mesh.local[used]] = used
    tri = glob[cells]
    # the points are the skin's vertices lifted along their normals
    lifted = surface.mesh.vertices[tri] + LIFT_MM * surface.vertex_normals[tri]
    assert np.allclose(mesh.poly.points[cells], lifted)
    return np.unique(tri, axis=0)


def triangles_of(surface, faces) -> np.ndarray:
    return np.unique(surface.mesh.faces[np.asarray(faces, dtype=np.int64)], axis=0)


def test_a_stroke_then_an_erase_draws_exactly_the_zone(surface):
    mesh = ZoneMesh(surface)
    zone = face_set([])
    dabs = []
    for x in np.linspace(-120, 120, 9):  # a stroke of 60 mm dabs across the belly
        hit = surface.pick([x, 2000.0, 1000.0], FRONT)
        assert hit is not None
        dabs.append(brush_faces(surface, hit, 60.0, FRONT))
    for dab in dabs:
        zone = merge_faces(zone, dab)
        mesh.set_faces(zone)
        assert mesh.n_cells == len(zone)
        assert np.array_equal(drawn_faces(mesh, surface), triangles_of(surface, zone))
    erased = zone[~np.isin(zone, dabs[4])]  # an eraser dab in the middle
    mesh.set_faces(erased)
    assert mesh.n_cells == len(erased)
    assert np.array_equal(drawn_faces(mesh, surface), triangles_of(surface, erased))
    mesh.set_faces(zone)  # painted back
    assert np.array_equal(drawn_faces(mesh, surface), triangles_of(surface, zone))
    mesh.set_faces(face_set([]))
    assert mesh.n_cells == 0 and mesh.poly.n_cells == 0
