"""Render a plan (its body, zones and reflex points) to PNG without a display."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from mesomap.geometry.surface import PaintingSurface
from mesomap.model.plan import Plan
from mesomap.render.offscreen import offscreen_plotter, save_screenshot


def render_plan_png(plan: Plan, surface: PaintingSurface, out: str | Path, view: str = "front",
                    size: tuple[int, int] = (800, 1000), labels: bool = True, numbers: bool = False,
                    background: tuple[float, float, float] | None = None, focus_mm: np.ndarray | None = None,
                    pose=None) -> Path:
    """Draw ``plan`` on ``surface``'s body from preset ``view``; written atomically.

    labels : reflex point codes. numbers : injection order numbers (for the
    printed sheet). background : RGB 0–1 (default: the window's). focus_mm :
    (k, 3) points to frame (with context) instead of the preset's whole region. pose : a
    :class:`mesomap.render.camera.CameraPose` to use as it is (a lesson step's camera), over both.
    """
    from mesomap.render.camera import camera_for, frame_points
    from mesomap.render.overlays import GridGlyphs, PointGlyphs, ZoneOverlay
    from mesomap.render.scene import BodyActor, apply_camera

    with offscreen_plotter(size) as plotter:
        if background is not None:
            plotter.set_background(background)
        BodyActor(plotter).set_body(surface.coarse)
        ZoneOverlay(plotter, surface).show_plan(plan)
        grid = GridGlyphs(plotter, surface)
        grid.numbers = numbers
        grid.show_plan(plan)
        glyphs = PointGlyphs(plotter, surface)
        glyphs.labels = labels
        glyphs.show_points(plan.points)
        aspect = size[0] / size[1]
        if pose is None and focus_mm is not None and len(focus_mm):
            pose = frame_points(focus_mm, view, aspect, margin=1.15, min_height_mm=0.25 * surface.coarse.height_mm)
        elif pose is None:
            pose = camera_for(surface.coarse, view, aspect=aspect)
        apply_camera(plotter, pose)
        return save_screenshot(plotter, out)

