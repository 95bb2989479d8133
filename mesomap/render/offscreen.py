"""Rendering a body to a PNG without any display (EGL), with the window's look."""

from __future__ import annotations

import os
from pathlib import Path

from mesomap.geometry.body_mesh import BodyMesh
from mesomap.io.atomic import atomic_path


def prefer_egl_without_display() -> None:
    """With no X/Wayland display, tell VTK to open an EGL window (no X warning)."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("VTK_DEFAULT_OPENGL_WINDOW", "vtkEGLRenderWindow")


def render_body_png(mesh: BodyMesh, out: str | Path, view: str = "front", size: tuple[int, int] = (800, 1000)) -> Path:
    """Render ``mesh`` from preset ``view`` at ``size`` (width, height) px to ``out``.

    The file is written atomically: a failed render leaves no partial PNG and
    keeps any previous file at ``out``.
    """
    prefer_egl_without_display()
    import pyvista as pv

    from mesomap.render.camera import camera_for
    from mesomap.render.scene import BodyActor, apply_camera, setup_scene

    width, height = size
    plotter = pv.Plotter(off_screen=True, window_size=[width, height])
    try:
        setup_scene(plotter)
        BodyActor(plotter).set_body(mesh)
        apply_camera(plotter, camera_for(mesh, view, aspect=width / height))
        out = Path(out)
        with atomic_path(out) as tmp:
            plotter.screenshot(str(tmp))
    finally:
        plotter.close()
    return out
