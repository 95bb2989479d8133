"""One home for a zone's border and for the skin's tangent frame: the outline drawn, the perimeter in the grid
estimate and the layout's border are the same edges; a marker's ring and an exported point's orientation
stand on the same frame."""

from __future__ import annotations

import numpy as np
import pytest

from mesomap.geometry.borders import border_edges, edges_length_mm
from mesomap.geometry.frames import tangent_frame
from mesomap.geometry.layout_mesh import ZonePatch
from mesomap.geometry.surface import boundary_length_mm
from mesomap.io.meshes import load_painting_surface
from mesomap.io.templates import load_templates


def test_a_square_of_two_triangles_has_its_four_sides_as_border():
    vertices = np.array([[0, 0, 0], [10, 0, 0], [10, 10, 0], [0, 10, 0]], float)  # mm
    triangles = [[0, 1, 2], [0, 2, 3]]
    edges = border_edges(triangles)
    assert edges.tolist() == [[0, 1], [0, 3], [1, 2], [2, 3]]  # not the shared diagonal 0-2
    assert edges_length_mm(vertices, edges) == pytest.approx(40.0)
    assert border_edges(np.empty((0, 3), int)).shape == (0, 2)


def test_closed_surface_has_no_border():
    tetra = [[0, 1, 2], [0, 3, 1], [1, 3, 2], [2, 3, 0]]
    assert len(border_edges(tetra)) == 0


@pytest.fixture(scope="module")
def surface():
    return load_painting_surface("female")


@pytest.mark.parametrize("zone_id", ["forehead", "knee_left"])
def test_outline_perimeter_and_layout_border_are_the_same_edges(surface, zone_id):
    from mesomap.render.overlays import zone_boundary

    faces = load_templates().zone(zone_id).faces
    outline = zone_boundary(surface, faces)  # what the window draws round the selected zone
    patch = ZonePatch(surface.mesh.vertices, surface.mesh.faces, faces, surface.vertex_normals)
    layout_border = patch.global_vertices[patch.boundary_edges]  # the layout keeps its margin from these
    assert len(outline) > 20
    assert sorted(map(tuple, np.sort(layout_border, axis=1).tolist())) == sorted(map(tuple, outline.tolist()))
    perimeter = boundary_length_mm(surface.mesh, faces)  # the grid estimate's perimeter (and the summary's)
    assert perimeter == pytest.approx(edges_length_mm(surface.mesh.vertices, outline), rel=1e-12)
    assert patch.boundary_length_mm == pytest.approx(perimeter, rel=1e-9)


@pytest.mark.parametrize("normal", [(0, 0, 1), (0, 0, -1), (1, 0, 0), (0.3, -0.8, 0.52), (0.1, 0.05, 0.99)])
def test_tangent_frame_is_orthonormal_and_right_handed(normal):
    a, b, n = tangent_frame(normal)
    m = np.stack([a, b, n], axis=1)
    assert np.allclose(m.T @ m, np.eye(3), atol=1e-12)
    assert np.allclose(np.cross(a, b), n, atol=1e-12)
    assert np.allclose(n, np.asarray(normal, float) / np.linalg.norm(normal))


def test_marker_ring_and_slicer_orientation_share_the_frame():
    from mesomap.io.export_interop import _frame
    from mesomap.render.overlays import skin_circle

    normal = np.array([0.3, -0.8, 0.52])
    a, b, n = tangent_frame(normal)
    orientation = np.array(_frame(normal)).reshape(3, 3)  # Slicer's control point orientation, row-major
    assert np.allclose(orientation, np.stack([a, b, n], axis=1), atol=1e-6)
    centre = np.array([10.0, 20.0, 30.0])
    ring = skin_circle(centre, normal, radius_mm=3.0, lift_mm=1.0, segments=16)
    assert np.allclose(ring[0], centre + 1.0 * n + 3.0 * a)  # starts on the frame's first axis
    assert np.allclose((ring - centre) @ n, 1.0)  # in the tangent plane, lifted 1 mm
