"""The light copy a moving camera shows of a scan-sized body (render.motion.light_copy) is lit like the body:
no patch of it faces inwards, which draws as dark cracks across the skin while the camera turns."""

from __future__ import annotations

import numpy as np

from mesomap.geometry.body_mesh import BodyMesh
from mesomap.render.motion import LOD_FAR_FACES, light_copy
from mesomap.render.scene import body_polydata


def _facing(light) -> tuple[np.ndarray, np.ndarray]:
    """(per triangle: its winding's normal · its corners' normals summed, per point: its normal)."""
    points = np.asarray(light.points, dtype=float)
    tri = np.asarray(light.regular_faces)
    normals = np.asarray(light.point_data["Normals"], dtype=float)
    facing = np.cross(points[tri[:, 1]] - points[tri[:, 0]], points[tri[:, 2]] - points[tri[:, 0]])
    return np.einsum("ij,ij->i", facing, normals[tri].sum(axis=1)), normals


def test_the_light_copies_of_a_scan_face_outwards_everywhere():
    from mesomap.io.meshes import load_painting_surface

    skin = load_painting_surface("female")  # 520k triangles: scan-sized
    scan = body_polydata(BodyMesh(np.asarray(skin.mesh.vertices), np.asarray(skin.mesh.faces), body_id="scan",
                                  name="scan"))
    for target in (LOD_FAR_FACES, 150_000):
        light = light_copy(scan, target)
        assert light.n_cells < 0.5 * scan.n_cells
        winding, normals = _facing(light)
        # each point keeps the skin's own normal there: outwards, as the full body is lit
        near = skin.vertex_tree.query(np.asarray(light.points))[1]
        agree = np.einsum("ij,ij->i", normals / np.linalg.norm(normals, axis=1, keepdims=True),
                          skin.vertex_normals[near])
        assert np.mean(agree > 0.5) > 0.999, (target, np.mean(agree > 0.5))
        assert np.all(winding >= 0), (target, int(np.sum(winding < 0)))  # no triangle turned inwards
