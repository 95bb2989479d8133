"""Rendering a body to a PNG without any display (EGL), with the window's look."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from mesomap.geometry.body_mesh import BodyMesh
from mesomap.io.atomic import atomic_path


def prefer_egl_without_display() -> None:
    """With no X/Wayland display, tell VTK to open an EGL window (no X warning)."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("VTK_DEFAULT_OPENGL_WINDOW", "vtkEGLRenderWindow")


@contextlib.contextmanager
def offscreen_plotter(size: tuple[int, int]) -> Iterator:
    """A display-less pyvista Plotter of ``size`` (width, height) px with mesomap's scene set up."""
    prefer_egl_without_display()
    import pyvista as pv

    from mesomap.render.scene import setup_scene

    plotter = pv.Plotter(off_screen=True, window_size=list(size))
    try:
        setup_scene(plotter)
        yield plotter
    finally:
        plotter.close()


def save_screenshot(plotter, out: str | Path) -> Path:
    """Write the plotter's picture to ``out`` atomically (no partial PNG on failure)."""
    out = Path(out)
    with atomic_path(out) as tmp:
        plotter.screenshot(str(tmp))
    return out


def render_body_png(mesh: BodyMesh, out: str | Path, view: str = "front", size: tuple[int, int] = (800, 1000)) -> Path:
    """Render ``mesh`` from preset ``view`` at ``size`` (width, height) px to ``out``.

    The file is written atomically: a failed render leaves no partial PNG and
    keeps any previous file at ``out``.
    """
    from mesomap.render.camera import camera_for
    from mesomap.render.scene import BodyActor, apply_camera

    with offscreen_plotter(size) as plotter:
        BodyActor(plotter).set_body(mesh)
        apply_camera(plotter, camera_for(mesh, view, aspect=size[0] / size[1]))
        return save_screenshot(plotter, out)
