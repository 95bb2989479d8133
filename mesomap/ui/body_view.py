"""The 3D view widget: a pyvistaqt QtInteractor showing the body, with presets and picking."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pyvistaqt import QtInteractor

from mesomap.geometry.body_mesh import BodyMesh
from mesomap.geometry.pick import RayHit, pick_ray
from mesomap.render.camera import camera_for
from mesomap.render.picking import pixel_ray
from mesomap.render.scene import BodyActor, apply_camera, setup_scene

#: A press and release closer than this (px) is a click, farther is a drag.
CLICK_SLOP_PX = 4.0
HOME_VIEW = "front"


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

    picked = Signal(object)  # RayHit
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

    # -- picking -------------------------------------------------------------
    def pick_at(self, x: float, y: float) -> RayHit | None:
        """Surface point under widget position (x, y) in Qt logical pixels, or None."""
        if self.mesh is None:
            return None
        ratio = self.plotter.devicePixelRatioF()
        height_px = self.plotter.ren_win.GetSize()[1]
        origin, direction = pixel_ray(self.plotter.renderer, x * ratio, height_px - 1 - y * ratio)
        return pick_ray(self.mesh, origin, direction)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.plotter:
            kind = event.type()
            if kind == QEvent.Type.MouseButtonPress:
                self._press_pos = event.position()
                self._framed = False
            elif kind == QEvent.Type.Wheel:
                self._framed = False
            elif kind == QEvent.Type.Resize and self._framed and self.mesh is not None:
                # Keep the preset framed for the new aspect until the user moves the camera.
                size = event.size()
                aspect = max(size.width(), 1) / max(size.height(), 1)
                apply_camera(self.plotter, camera_for(self.mesh, self.current_view, aspect=aspect))
            elif kind == QEvent.Type.MouseButtonRelease and self._press_pos is not None:
                moved = event.position() - self._press_pos
                self._press_pos = None
                if abs(moved.x()) + abs(moved.y()) <= CLICK_SLOP_PX:
                    hit = self.pick_at(event.position().x(), event.position().y())
                    if hit is not None:
                        self.picked.emit(hit)
        return False  # VTK still gets every event: orbit, zoom and pan keep working

    def close_view(self) -> None:
        self.plotter.close()
