"""The technique depth view in presentation mode: an inset in the corner of the view the room sees.

While presenting, the docks are hidden (one screen) or the room looks at the audience window (two
screens), so the selected zone's skin cross-section (:class:`mesomap.ui.depth_view_widget.DepthViewPanel`'s
drawing, with the trainer's layer thicknesses) is drawn again over that view, in its bottom-left corner,
large enough to read from the back of the room. It follows the dock: the selection, the zone's technique,
depth, needle and volume, the thicknesses.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from mesomap.ui.depth_view_widget import DepthCanvas

#: The inset's width as a fraction of the view's width at 100 % text size, the most it may take at any text size
#: (its words are drawn in mm of the drawing, so they grow with it), and its margin from the corner (px).
INSET_WIDTH = 0.3
INSET_MAX_WIDTH = 0.5
INSET_MARGIN_PX = 16


def inset_width_fraction(scale: float) -> float:
    """Fraction of the view's width the inset takes at presentation text size ``scale`` (1.5 = 150 %)."""
    return min(INSET_WIDTH * max(scale, 1.0), INSET_MAX_WIDTH)


class DepthInset(DepthCanvas):
    """A :class:`DepthCanvas` on a white card over ``host``'s bottom-left corner; hidden while nothing is drawn."""

    def __init__(self, host: QWidget, scale: float = 1.0):
        super().__init__(host)
        self.host = host
        self.scale = scale  # presentation text size (1.5 = 150 %): the inset and its words grow with it
        self.setAutoFillBackground(True)
        self.setStyleSheet("background: white; border: 1px solid #888;")
        host.installEventFilter(self)
        self.place()

    def set_view(self, view) -> None:
        super().set_view(view)
        self.setVisible(view is not None)
        self.place()

    def place(self) -> None:
        """Size and corner from the host's size (the inset keeps the drawing's aspect)."""
        w = max(int(self.host.width() * inset_width_fraction(self.scale)), self.minimumWidth())
        h = self.heightForWidth(w)
        self.setGeometry(INSET_MARGIN_PX, self.host.height() - h - INSET_MARGIN_PX, w, h)
        self.raise_()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if obj is self.host and event.type() == QEvent.Type.Resize:
            self.place()
        return False


class DepthInsets:
    """The insets of one presentation: on the audience window, or on the window's full-screen view."""

    def __init__(self, panel, scale: float = 1.0):
        self.panel = panel  # the window's DepthViewPanel (what to draw)
        self.scale = scale
        self.insets: list[DepthInset] = []
        panel.drawn.connect(self._drawn)

    def show_on(self, host: QWidget) -> DepthInset:
        inset = DepthInset(host, self.scale)
        inset.set_view(self.panel.view)
        self.insets.append(inset)
        return inset

    def set_scale(self, scale: float) -> None:
        """Follow the presentation text size (1.5 = 150 %)."""
        self.scale = scale
        for inset in self.insets:
            inset.scale = scale
            inset.place()

    def clear(self) -> None:
        for inset in self.insets:
            inset.host.removeEventFilter(inset)
            inset.hide()
            inset.deleteLater()
        self.insets = []

    def _drawn(self, view) -> None:
        for inset in self.insets:
            inset.set_view(view)
