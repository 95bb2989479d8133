"""Camera presets as data, and the pure function that frames a body for one of them."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from mesomap.geometry.body_mesh import BodyMesh

#: Vertical opening angle of the perspective camera, degrees.
VIEW_ANGLE_DEG = 30.0
#: Head height as a fraction of standing height (adult proportions, ~1/7.5).
HEAD_FRACTION = 0.135


@dataclass(frozen=True)
class ViewPreset:
    """Where the camera looks from: ``direction`` points from the body to the camera.

    Axes are mesomap's (RAS): +x patient's right, +y anterior, +z up. "left"
    looks at the patient's left side, i.e. the camera stands at -x.
    """

    name: str
    label: str
    direction: tuple[float, float, float]
    region: str = "body"  # "body" frames the whole mesh, "face" the head


VIEWS: dict[str, ViewPreset] = {
    v.name: v
    for v in (
        ViewPreset("front", "Front", (0.0, 1.0, 0.0)),
        ViewPreset("back", "Back", (0.0, -1.0, 0.0)),
        ViewPreset("left", "Left", (-1.0, 0.0, 0.0)),
        ViewPreset("right", "Right", (1.0, 0.0, 0.0)),
        ViewPreset("face", "Face", (0.0, 1.0, 0.0), region="face"),
    )
}
VIEW_NAMES = tuple(VIEWS)


@dataclass(frozen=True)
class CameraPose:
    """position_mm, focal_point_mm : (3,) mm; up : (3,) unit; view_angle_deg."""

    position_mm: tuple[float, float, float]
    focal_point_mm: tuple[float, float, float]
    up: tuple[float, float, float]
    view_angle_deg: float = VIEW_ANGLE_DEG


def region_vertices(mesh: BodyMesh, region: str) -> np.ndarray:
    """(k, 3) mm: the vertices a preset frames ("body": all, "face": the head)."""
    v = mesh.vertices
    if region == "body":
        return v
    if region == "face":
        top = mesh.bounds_mm[1, 2]
        height = mesh.height_mm
        head = v[(v[:, 2] >= top - HEAD_FRACTION * height) & (np.abs(v[:, 0]) <= 0.1 * height)]
        return head if len(head) else v
    raise ValueError(f"unknown view region {region!r}")


def camera_for(mesh: BodyMesh, view: str, aspect: float = 1.0, margin: float = 1.08,
               room_right: float = 0.0) -> CameraPose:
    """Frame ``mesh`` from preset ``view`` so its region fills the view with ``margin``.

    aspect : viewport width / height. room_right : fraction (0–1) of the width kept clear at the right
    (for a legend). Returns a perspective pose in mm.
    """
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; choose one of {', '.join(VIEW_NAMES)}")
    return frame_points(region_vertices(mesh, VIEWS[view].region), view, aspect, margin, room_right=room_right)


def frame_points(points_mm: np.ndarray, view: str, aspect: float = 1.0, margin: float = 1.08,
                 min_height_mm: float = 0.0, room_right: float = 0.0) -> CameraPose:
    """Frame the bounding box of ``points_mm`` (k, 3) from preset ``view``'s direction.

    min_height_mm : show at least this much vertically (context around a small zone).
    room_right : fraction (0–1) of the width left clear at the right: the box is framed in the rest.
    """
    d = np.asarray(VIEWS[view].direction, dtype=np.float64)
    lo, hi = points_mm.min(axis=0), points_mm.max(axis=0)
    centre = (lo + hi) / 2
    ext = hi - lo
    # Half extents seen on screen: vertical is z; horizontal is the axis across the view.
    across = ext[0] if abs(d[1]) > 0.5 else ext[1]
    used = max(aspect * (1.0 - room_right), 1e-6)
    half_h = max(ext[2] / 2, across / 2 / used, min_height_mm / 2) * margin
    depth = float(np.abs(ext @ d)) / 2
    tan = math.tan(math.radians(VIEW_ANGLE_DEG / 2))
    distance = half_h / tan + depth
    # Shift the camera to the screen's right so the box sits in the left (1 - room_right) of the width,
    # measured on the plane of the box's near face (where half_h is framed).
    right = np.cross(-d, (0.0, 0.0, 1.0))
    centre = centre + right * room_right * aspect * half_h
    position = centre + d * distance
    return CameraPose(tuple(position), tuple(centre), (0.0, 0.0, 1.0))
