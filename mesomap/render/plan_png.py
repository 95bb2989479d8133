"""Render a plan (its body, zones and reflex points) to PNG without a display."""

from __future__ import annotations

from pathlib import Path

from mesomap.geometry.surface import PaintingSurface
from mesomap.io.atomic import atomic_path
from mesomap.model.plan import Plan
from mesomap.render.offscreen import prefer_egl_without_display


def render_plan_png(plan: Plan, surface: PaintingSurface, out: str | Path, view: str = "front",
                    size: tuple[int, int] = (800, 1000), labels: bool = True) -> Path:
    """Draw ``plan`` on ``surface``'s body from preset ``view``; written atomically."""
    prefer_egl_without_display()
    import pyvista as pv

    from mesomap.render.camera import camera_for
    from mesomap.render.overlays import PointGlyphs, ZoneOverlay
    from mesomap.render.scene import BodyActor, apply_camera, setup_scene

    width, height = size
    plotter = pv.Plotter(off_screen=True, window_size=[width, height])
    try:
        setup_scene(plotter)
        BodyActor(plotter).set_body(surface.coarse)
        ZoneOverlay(plotter, surface).show_plan(plan)
        glyphs = PointGlyphs(plotter, surface)
        glyphs.labels = labels
        glyphs.show_points(plan.points)
        apply_camera(plotter, camera_for(surface.coarse, view, aspect=width / height))
        out = Path(out)
        with atomic_path(out) as tmp:
            plotter.screenshot(str(tmp))
    finally:
        plotter.close()
    return out
