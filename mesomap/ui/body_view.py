"""The 3D view widget: a pyvistaqt QtInteractor showing the body, with presets and picking."""

from __future__ import annotations

from typing import Protocol

import numpy as np
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pyvistaqt import QtInteractor

from mesomap.geometry.body_mesh import BodyMesh
from mesomap.geometry.pick import RayHit, pick_ray
from mesomap.render.camera import camera_for
from mesomap.render.picking import pixel_ray, world_to_display
from mesomap.render.scene import BodyActor, apply_camera, setup_scene

#: A press and release closer than this (px) is a click, farther is a drag.
CLICK_SLOP_PX = 4.0
#: One wheel notch brings the camera this much closer (towards the point under the cursor).
WHEEL_ZOOM_STEP = 1.15
HOME_VIEW = "front"
_TOOL_EVENTS = {
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.Leave,
}


class ViewTool(Protocol):
    """Something that handles mouse events on the 3D view before VTK's camera does."""

    def handle_event(self, event: QEvent) -> bool:
        """True when the event was used and must not reach the camera."""


class _Interactor(QtInteractor):
    """QtInteractor without VTK's keyboard hot keys ('w' wireframe, '3' stereo, 'q' quit…).

    Keys go to the window instead, where the app's own shortcuts live.
    """

    def keyPressEvent(self, event):  # noqa: N802 (Qt naming)
        event.ignore()

    def keyReleaseEvent(self, event):  # noqa: N802
        event.ignore()


class BodyView(QWidget):
    """Shows one BodyMesh; emits ``picked`` with the surface point under a click.

    Rendering is explicit: every change renders once, there is no render timer.
    """

    picked = Signal(object)  # RayHit on the shown (coarse) mesh
    clicked = Signal(float, float)  # widget position of a left click (not a drag)
    frame_rendered = Signal()

    def __init__(self, parent: QWidget | None = None, multi_samples: int = 0):
        super().__init__(parent)
        self.plotter = _Interactor(self, multi_samples=multi_samples, auto_update=False)
        self.plotter.iren.clear_key_event_callbacks()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plotter)
        setup_scene(self.plotter)
        self._body_actor = BodyActor(self.plotter)
        self.mesh: BodyMesh | None = None
        self.current_view = HOME_VIEW
        self._framed = False  # True while the camera is exactly a preset (no orbit/zoom yet)
        self._press_pos: QPointF | None = None
        self.tool: ViewTool | None = None
        self._render_queued = False
        self.plotter.installEventFilter(self)
        self.plotter.ren_win.AddObserver("EndEvent", lambda *_: self.frame_rendered.emit())

    # -- content -------------------------------------------------------------
    def set_body(self, mesh: BodyMesh, keep_camera: bool = False) -> None:
        """Show ``mesh``; frame it from the current preset unless ``keep_camera``."""
        self.mesh = mesh
        self._body_actor.set_body(mesh)
        if keep_camera:
            self.plotter.renderer.ResetCameraClippingRange()
            self.plotter.render()
        else:
            self.set_view(self.current_view)

    def set_view(self, view: str) -> None:
        """Frame the body from preset ``view`` (front, back, left, right, face)."""
        if self.mesh is None:
            return
        width, height = max(self.plotter.width(), 1), max(self.plotter.height(), 1)
        apply_camera(self.plotter, camera_for(self.mesh, view, aspect=width / height))
        self.current_view = view
        self._framed = True
        self.plotter.render()

    def reset_view(self) -> None:
        """Back to the home view: the whole body from the front."""
        self.set_view(HOME_VIEW)

    # -- rendering -----------------------------------------------------------
    def request_render(self) -> None:
        """Render once when control returns to the event loop (many requests, one frame)."""
        if not self._render_queued:
            self._render_queued = True
            QTimer.singleShot(0, self.render_now)

    def render_now(self) -> None:
        self._render_queued = False
        self.plotter.render()

    # -- picking -------------------------------------------------------------
    def device_xy(self, x: float, y: float) -> tuple[float, float]:
        """Widget position (Qt logical px, origin top-left) to VTK display px (origin bottom-left)."""
        ratio = self.plotter.devicePixelRatioF()
        height_px = self.plotter.ren_win.GetSize()[1]
        return x * ratio, height_px - 1 - y * ratio

    def ray_at(self, x: float, y: float) -> tuple[np.ndarray, np.ndarray]:
        """(origin (3,) mm, unit direction (3,)) of the ray under widget position (x, y)."""
        return pixel_ray(self.plotter.renderer, *self.device_xy(x, y))

    def to_widget(self, point_mm) -> tuple[float, float, float]:
        """Widget position (x, y in logical px) and view depth (0–1) of a point in mm."""
        ren = self.plotter.renderer
        ren.SetWorldPoint(*np.asarray(point_mm, dtype=float), 1.0)
        ren.WorldToDisplay()
        dx, dy, depth = ren.GetDisplayPoint()
        ratio = self.plotter.devicePixelRatioF()
        height_px = self.plotter.ren_win.GetSize()[1]
        return dx / ratio, (height_px - 1 - dy) / ratio, depth

    def project(self, points_mm) -> tuple[np.ndarray, np.ndarray]:
        """Widget positions (n, 2) in logical px and view depths (n,) of points (n, 3) mm, vectorised
        (the same as :meth:`to_widget` point by point, without a VTK call per point)."""
        display, depth = world_to_display(self.plotter.renderer, points_mm)
        ratio = self.plotter.devicePixelRatioF()
        height_px = self.plotter.ren_win.GetSize()[1]
        return np.c_[display[:, 0] / ratio, (height_px - 1 - display[:, 1]) / ratio], depth

    def mm_per_pixel(self, distance_mm: float) -> float:
        """Size on the skin of one logical pixel at ``distance_mm`` from the camera."""
        cam = self.plotter.renderer.GetActiveCamera()
        height = max(self.plotter.height(), 1)
        if cam.GetParallelProjection():
            return 2.0 * cam.GetParallelScale() / height
        return 2.0 * distance_mm * np.tan(np.radians(cam.GetViewAngle() / 2.0)) / height

    def pick_at(self, x: float, y: float) -> RayHit | None:
        """Surface point under widget position (x, y) in Qt logical pixels, or None (also once the view is closed)."""
        if self.mesh is None or self.plotter.ren_win is None:
            return None
        origin, direction = self.ray_at(x, y)
        return pick_ray(self.mesh, origin, direction)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.plotter:
            kind = event.type()
            if self.tool is not None and kind in _TOOL_EVENTS and self.tool.handle_event(event):
                return True  # the tool used it: the camera stays where it is
            if kind == QEvent.Type.MouseButtonPress:
                self._press_pos = event.position()
                self._framed = False
            elif kind == QEvent.Type.Wheel:
                self._framed = False
                return self._zoom_at(event)
            elif kind == QEvent.Type.Resize and self._framed and self.mesh is not None:
                # Keep the preset framed for the new aspect until the user moves the camera.
                size = event.size()
                aspect = max(size.width(), 1) / max(size.height(), 1)
                apply_camera(self.plotter, camera_for(self.mesh, self.current_view, aspect=aspect))
            elif kind == QEvent.Type.MouseButtonRelease and self._press_pos is not None:
                moved = event.position() - self._press_pos
                self._press_pos = None
                if abs(moved.x()) + abs(moved.y()) <= CLICK_SLOP_PX:
                    if event.button() == Qt.MouseButton.LeftButton:
                        self.clicked.emit(event.position().x(), event.position().y())
                    hit = self.pick_at(event.position().x(), event.position().y())
                    if hit is not None:
                        self.picked.emit(hit)
        return False  # VTK still gets every event: orbit, zoom and pan keep working

    def _zoom_at(self, event) -> bool:
        """Wheel: zoom towards the skin point under the cursor (it stays under the cursor), as 3D tools do;
        off the body, towards the cursor's ray at the focal distance. True: the event is used."""
        notches = event.angleDelta().y() / 120.0
        if not notches or self.mesh is None:
            return False
        x, y = event.position().x(), event.position().y()
        cam = self.plotter.camera
        position, focal = np.array(cam.position), np.array(cam.focal_point)
        hit = self.pick_at(x, y)
        if hit is not None:
            target = np.asarray(hit.point_mm, dtype=float)
        else:
            origin, direction = self.ray_at(x, y)
            target = origin + direction * float(np.linalg.norm(focal - position))
        factor = WHEEL_ZOOM_STEP ** notches  # > 1 zooms in
        cam.position = tuple(target + (position - target) / factor)
        cam.focal_point = tuple(target + (focal - target) / factor)
        self.plotter.renderer.ResetCameraClippingRange()
        self.request_render()
        return True

    def close_view(self) -> None:
        self.plotter.close()  # finalizes VTK's GL resources with the widget's context current
        # pyvistaqt keeps Python wrappers of the widget's GL context and of its offscreen surface,
        # which Qt owns and deletes with the widget. A wrapper outliving its object is handed out
        # again for whatever Qt object is later allocated at that address (a menu came back as a
        # "QOffscreenSurface" and crashed): drop them now that nothing renders here any more.
        forget = getattr(self.plotter, "_forget_context", None)
        if forget is not None:
            forget()
