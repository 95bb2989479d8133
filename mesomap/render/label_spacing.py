"""Which order numbers fit on a printed picture without touching each other.

The session sheet labels each zone's first and last injection and every tenth one. Where a grid's
rows turn, two of them can sit side by side on the picture and read as one number ("10" beside "20"
reads "1020"). :func:`spaced_labels` keeps the labels that fit, the most important first, and drops
the rest; :func:`project_px` gives the pixel positions a camera pose puts points at.
"""

from __future__ import annotations

import math

import numpy as np

from mesomap.render.camera import CameraPose

#: Width of one digit in a label, as a fraction of the font's pixel height (DejaVu Sans digits: ~0.64).
DIGIT_WIDTH = 0.64
#: Room kept round each label's text (px): the label's box margin and a little air.
LABEL_PAD_PX = 4.0


def project_px(points_mm: np.ndarray, pose: CameraPose, size: tuple[int, int]) -> np.ndarray:
    """(k, 2) pixel positions (x right, y down; origin at the top-left) of ``points_mm`` (k, 3) mm seen
    through a perspective camera ``pose`` on a picture of ``size`` (width, height) px."""
    pts = np.asarray(points_mm, dtype=np.float64).reshape(-1, 3)
    eye = np.asarray(pose.position_mm, dtype=np.float64)
    forward = np.asarray(pose.focal_point_mm, dtype=np.float64) - eye
    forward /= np.linalg.norm(forward)
    right = np.cross(forward, np.asarray(pose.up, dtype=np.float64))
    right /= np.linalg.norm(right)
    up = np.cross(right, forward)
    rel = pts - eye
    depth = np.maximum(rel @ forward, 1e-9)
    focal_px = (size[1] / 2) / math.tan(math.radians(pose.view_angle_deg) / 2)  # VTK: the angle is vertical
    x = size[0] / 2 + focal_px * (rel @ right) / depth
    y = size[1] / 2 - focal_px * (rel @ up) / depth
    return np.column_stack([x, y])


def label_boxes(xy_px: np.ndarray, texts: list[str], font_px: float) -> np.ndarray:
    """(k, 4) boxes (x0, y0, x1, y1) px of ``texts`` drawn ``font_px`` high, centred on ``xy_px`` (k, 2)."""
    xy = np.asarray(xy_px, dtype=np.float64).reshape(-1, 2)
    half_w = np.array([len(t) * DIGIT_WIDTH * font_px / 2 + LABEL_PAD_PX for t in texts])
    half_h = font_px / 2 + LABEL_PAD_PX
    return np.column_stack([xy[:, 0] - half_w, xy[:, 1] - half_h, xy[:, 0] + half_w, xy[:, 1] + half_h])


def spaced_labels(boxes: np.ndarray, priority: np.ndarray) -> np.ndarray:
    """(k,) bool: the labels kept so that no two kept boxes (k, 4) overlap; higher ``priority`` (k,) is
    placed first (ties: the earlier label), and a label overlapping one already kept is dropped."""
    boxes = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)
    order = np.lexsort((np.arange(len(boxes)), -np.asarray(priority, dtype=np.float64)))
    keep = np.zeros(len(boxes), dtype=bool)
    kept: list[int] = []
    for i in order:
        b = boxes[i]
        if kept:
            k = boxes[kept]
            hits = (k[:, 0] < b[2]) & (b[0] < k[:, 2]) & (k[:, 1] < b[3]) & (b[1] < k[:, 3])
            if hits.any():
                continue
        keep[i] = True
        kept.append(i)
    return keep
