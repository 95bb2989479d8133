"""Another view of an open session: the body and the plan, following every change.

A :class:`SessionView` is a 3D view with its own camera that draws the session's body and plan
(a :class:`mesomap.render.plan_scene.PlanScene` following the session). It owns no plan state:
an edit made anywhere — the main window's tools and panels, the command line's operations on the
same session — appears here at once. A trainer's audience window on the projector is one.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from mesomap.render.plan_scene import PlanScene
from mesomap.session.session import Session
from mesomap.ui.body_view import BodyView


class SessionView(QWidget):
    """The session's body and plan in a view of its own (``view``: the BodyView, ``scene``: its PlanScene)."""

    def __init__(self, session: Session, parent: QWidget | None = None, multi_samples: int = 0):
        super().__init__(parent)
        self.session = session
        self.view = BodyView(self, multi_samples=multi_samples)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self._show_body()
        self.scene = PlanScene(self.view, session)
        session.surface_changed.connect(self._show_body)

    def _show_body(self) -> None:
        surface = self.session.surface
        if surface is not None and self.view.mesh is not surface.coarse:
            self.view.set_body(surface.coarse)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        self.session.surface_changed.disconnect(self._show_body)
        self.view.close_view()
        super().closeEvent(event)
