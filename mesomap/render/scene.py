"""The body on screen: skin material, lights, background, and the body actor adapter."""

from __future__ import annotations

import numpy as np
import pyvista as pv

from mesomap.geometry.body_mesh import BodyMesh
from mesomap.render.camera import CameraPose
from mesomap.render.eyes import show_eyes
from mesomap.render.motion import (
    FAR_EDGE_PX,
    LOD_FACES,
    LOD_FAR_FACES,
    TINT_ARRAY,
    ByScreenSize,
    light_copy,
    motion_of,
    typical_edge_mm,
)

SKIN_RGB = (0.87, 0.70, 0.60)
BACKGROUND_RGB = (0.16, 0.18, 0.22)
BODY_ACTOR_NAME = "body"


def body_polydata(mesh: BodyMesh) -> pv.PolyData:
    """A PolyData of the mesh with its vertex normals set for smooth shading."""
    cells = np.empty((mesh.n_faces, 4), dtype=np.int64)
    cells[:, 0] = 3
    cells[:, 1:] = mesh.faces
    poly = pv.PolyData(np.asarray(mesh.vertices), cells.ravel())
    poly.point_data["Normals"] = mesh.vertex_normals
    poly.point_data.active_normals_name = "Normals"
    return poly


def setup_scene(plotter: pv.Plotter) -> None:
    """Background and lights: a key light from the front-above plus a soft fill."""
    plotter.set_background(BACKGROUND_RGB)
    plotter.remove_all_lights()
    plotter.add_light(pv.Light(position=(0.6, 1.0, 0.9), light_type="camera light", intensity=0.75))
    plotter.add_light(pv.Light(position=(-0.8, 0.3, 0.2), light_type="camera light", intensity=0.35))
    plotter.add_light(pv.Light(position=(0.0, -1.0, 0.5), light_type="camera light", intensity=0.2))


class BodyActor:
    """Adapter: shows one BodyMesh as a skin-coloured, smoothly lit surface."""

    def __init__(self, plotter: pv.Plotter):
        self._plotter = plotter
        self.polydata: pv.PolyData | None = None
        self.light: pv.PolyData | None = None  # the light copy shown while the camera moves (big meshes only)
        self.actor = None

    def set_body(self, mesh: BodyMesh) -> None:
        """Show ``mesh``, replacing any body shown before (no render). A scan-sized mesh (over LOD_FACES
        triangles) is drawn from a light copy while the camera moves (render.motion): about the bundled body's
        triangles while the whole body is in view, more when the camera is close."""
        motion = motion_of(self._plotter)
        if self.actor is not None:
            motion.drop_lod(self.actor)
        self.polydata = body_polydata(mesh)
        self.light = light_copy(self.polydata) if mesh.n_faces > LOD_FACES else None
        self.actor = self._plotter.add_mesh(
            self.polydata,
            color=SKIN_RGB,
            smooth_shading=True,
            ambient=0.18,
            diffuse=0.85,
            specular=0.12,
            specular_power=18.0,
            name=BODY_ACTOR_NAME,
            reset_camera=False,
            render=False,
        )
        mapper = self.actor.GetMapper()  # the skin colour, or a tint's per-vertex colours while moving
        mapper.SetScalarVisibility(True)
        mapper.SetColorModeToDirectScalars()
        mapper.SetScalarModeToUsePointFieldData()  # by name: the skin's own arrays ("Normals") are no colours
        mapper.SelectColorArray(TINT_ARRAY)
        motion.set_body(self.actor, self.polydata)
        if self.light is not None:  # far from the skin, a copy about as light as the bundled body
            far = light_copy(self.polydata, LOD_FAR_FACES)
            motion.set_lod(self.actor, self.polydata, ByScreenSize(typical_edge_mm(far), self.light, far, FAR_EDGE_PX))
        show_eyes(self._plotter, mesh)  # render only: not part of the painting surface


def apply_camera(plotter: pv.Plotter, pose: CameraPose) -> None:
    """Put the plotter's camera at ``pose`` and fit the clipping range (no render)."""
    cam = plotter.camera
    cam.position = pose.position_mm
    cam.focal_point = pose.focal_point_mm
    cam.up = pose.up
    cam.view_angle = pose.view_angle_deg
    plotter.renderer.ResetCameraClippingRange()
