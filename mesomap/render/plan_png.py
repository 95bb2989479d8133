"""Render a plan (its body, zones and reflex points) to PNG without a display."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from mesomap.geometry.surface import PaintingSurface
from mesomap.model.plan import Plan
from mesomap.render.offscreen import offscreen_plotter, save_screenshot

#: Width fraction kept clear at the right of a picture with a depth legend, and where the legend sits in it
#: (x, y, width, height as viewport fractions).
LEGEND_ROOM = 0.26
LEGEND_BOX = (0.8, 0.3, 0.05, 0.4)


def render_plan_png(plan: Plan, surface: PaintingSurface, out: str | Path, view: str = "front",
                    size: tuple[int, int] = (800, 1000), labels: bool = True, numbers: bool = False,
                    background: tuple[float, float, float] | None = None, focus_mm: np.ndarray | None = None,
                    legend: bool = True, number_font_px: int | None = None, legend_font_px: int = 14,
                    context_mm: float | None = None, legend_room: float | None = None, pose=None) -> Path:
    """Draw ``plan`` on ``surface``'s body from preset ``view``; written atomically.

    labels : reflex point codes. numbers : injection order numbers (for the printed sheet), drawn
    ``number_font_px`` pixels high. background : RGB 0–1 (default: the window's). focus_mm : (k, 3)
    points to frame (with context) instead of the preset's whole region. legend : the depth legend,
    in a strip at the right kept clear of the body, its text ``legend_font_px`` pixels high. context_mm :
    with ``focus_mm``, the least height (mm) shown around it (default a quarter of the body's height).
    legend_room : width fraction kept clear at the right (default LEGEND_ROOM when a legend is drawn).
    pose : a :class:`mesomap.render.camera.CameraPose` to use as it is (a lesson step's camera), over all of these.
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
        grid.legend = legend
        grid.legend_box = LEGEND_BOX
        grid.legend_font_px = legend_font_px
        grid.legend_dark = background is not None and sum(background) > 1.5
        aspect = size[0] / size[1]
        room = legend_room if legend_room is not None else (
            LEGEND_ROOM if legend and any(z.injections for z in plan.zones) else 0.0)
        if pose is None and focus_mm is not None and len(focus_mm):
            context = 0.25 * surface.coarse.height_mm if context_mm is None else context_mm
            pose = frame_points(focus_mm, view, aspect, margin=1.15, min_height_mm=context, room_right=room)
        elif pose is None:
            pose = camera_for(surface.coarse, view, aspect=aspect, room_right=room)
        if number_font_px is not None:
            grid.number_font_size = number_font_px
            grid.number_box = (1.0, 1.0, 1.0)
        grid.number_pose = (pose, size)
        grid.show_plan(plan)
        glyphs = PointGlyphs(plotter, surface)
        glyphs.labels = labels
        glyphs.show_points(plan.points)
        apply_camera(plotter, pose)
        return save_screenshot(plotter, out)
