"""Render a plan (its body, zones and reflex points) to PNG without a display."""

from __future__ import annotations

from pathlib import Path

from mesomap.geometry.surface import PaintingSurface
from mesomap.model.plan import Plan
from mesomap.render.offscreen import offscreen_plotter, save_screenshot


def render_plan_png(plan: Plan, surface: PaintingSurface, out: str | Path, view: str = "front",
                    size: tuple[int, int] = (800, 1000), labels: bool = True) -> Path:
    """Draw ``plan`` on ``surface``'s body from preset ``view``; written atomically."""
    from mesomap.render.camera import camera_for
    from mesomap.render.overlays import GridGlyphs, PointGlyphs, ZoneOverlay
    from mesomap.render.scene import BodyActor, apply_camera

    with offscreen_plotter(size) as plotter:
        BodyActor(plotter).set_body(surface.coarse)
        ZoneOverlay(plotter, surface).show_plan(plan)
        GridGlyphs(plotter, surface).show_plan(plan)
        glyphs = PointGlyphs(plotter, surface)
        glyphs.labels = labels
        glyphs.show_points(plan.points)
        apply_camera(plotter, camera_for(surface.coarse, view, aspect=size[0] / size[1]))
        return save_screenshot(plotter, out)
