"""The audience window: what the room sees on the projector while the trainer presents.

A :class:`AudienceWindow` is a :class:`mesomap.ui.session_view.SessionView` (the session's body and plan,
following every edit) with the presentation drawn over it (labels, legend, pointer, strokes, the order
animation: a :class:`mesomap.render.presentation_layer.PresentationLayer`) and no controls. While the
presentation's ``follow_camera`` is on it takes the presenter's camera at every move.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QWidget

from mesomap.model.lesson import Camera
from mesomap.render.presentation_layer import PresentationLayer
from mesomap.session.presentation import Presentation
from mesomap.ui.session_view import SessionView
from mesomap.ui.i18n import tr


class AudienceWindow(SessionView):
    """A top-level view of ``presentation.session`` for the room (``layer``: its PresentationLayer); ``closed``
    is emitted once when it closes (the presenter then leaves presentation mode)."""

    closed = Signal()

    def __init__(self, presentation: Presentation, parent: QWidget | None = None, multi_samples: int = 0):
        super().__init__(presentation.session, parent, multi_samples=multi_samples)
        self.setWindowTitle(tr("mesomap — audience"))
        self.presentation = presentation
        self._closed = False
        session = presentation.session
        self.scene.set_labels(session.plan, False)  # the presentation's labels (with leader lines) name the points
        self.layer = PresentationLayer(self.view, presentation)
        self.layer.set_shown(True)
        presentation.camera_changed.connect(self._camera_changed)
        if presentation.camera is not None:
            self._camera_changed(presentation.camera)

    def show_on(self, screen: QScreen | None) -> None:
        """Frameless full screen on ``screen``; None: an ordinary window (a second window where there is one screen)."""
        if screen is None:
            self.show()
            return
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()

    def _camera_changed(self, camera: Camera) -> None:
        if not self.presentation.follow_camera:
            return
        cam = self.view.plotter.camera
        cam.position = camera.position_mm
        cam.focal_point = camera.focal_point_mm
        cam.up = camera.view_up
        cam.view_angle = camera.view_angle_deg
        self.view.plotter.renderer.ResetCameraClippingRange()
        self.view._framed = False  # the presenter's camera, not a preset: a resize keeps it
        self.view.request_render()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        if self._closed:
            event.accept()
            return
        self._closed = True
        self.presentation.camera_changed.disconnect(self._camera_changed)
        self.layer.close()
        super().closeEvent(event)
        self.closed.emit()
