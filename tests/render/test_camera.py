"""Camera presets frame what they promise: the whole body, or the head, fully in view."""

from __future__ import annotations

import math

import numpy as np
import pytest

from mesomap.io.meshes import load_bundled_body
from mesomap.render.camera import VIEWS, camera_for, region_vertices


def screen_coords(points: np.ndarray, pose, aspect: float) -> np.ndarray:
    """(k, 2) normalised screen coordinates in [-1, 1] when visible (perspective projection)."""
    pos, foc, up = (np.asarray(a, dtype=float) for a in (pose.position_mm, pose.focal_point_mm, pose.up))
    forward = (foc - pos) / np.linalg.norm(foc - pos)
    right = np.cross(forward, up)
    right /= np.linalg.norm(right)
    true_up = np.cross(right, forward)
    rel = points - pos
    depth = rel @ forward
    assert (depth > 0).all(), "part of the region is behind the camera"
    half_v = math.tan(math.radians(pose.view_angle_deg / 2))
    return np.stack([(rel @ right) / depth / (half_v * aspect), (rel @ true_up) / depth / half_v], axis=1)


@pytest.fixture(scope="module", params=["female", "male"])
def body(request):
    return load_bundled_body(request.param)


@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("aspect", [0.5, 0.8, 1.0, 1.6])
def test_preset_shows_its_whole_region_and_fills_the_view(body, view, aspect):
    pose = camera_for(body, view, aspect=aspect)
    xy = screen_coords(region_vertices(body, VIEWS[view].region), pose, aspect)
    assert np.abs(xy).max() <= 1.0  # nothing cut off
    assert np.ptp(xy, axis=0).max() >= 1.5  # and the region fills most of the view on one axis


def test_face_preset_looks_at_the_face_from_the_front(body):
    pose = camera_for(body, "face")
    head_top = body.bounds_mm[1, 2]
    assert pose.focal_point_mm[2] > head_top - 0.15 * body.height_mm
    assert pose.position_mm[1] > pose.focal_point_mm[1]  # in front of the face (+y)
    # The nose tip (the most anterior head vertex) lands near the middle of the picture.
    head = region_vertices(body, "face")
    nose = head[np.argmax(head[:, 1])]
    assert np.abs(screen_coords(nose[None], pose, 1.0)).max() < 0.35


def test_left_view_sees_the_patients_left_side(body):
    pose = camera_for(body, "left")
    assert pose.position_mm[0] < body.bounds_mm[0, 0]  # camera beyond the patient's left (−x)
    with pytest.raises(ValueError, match="unknown view"):
        camera_for(body, "top")
