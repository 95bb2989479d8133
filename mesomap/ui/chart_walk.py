"""The window's background walk over the template zones' charts (:mod:`mesomap.session.chart_prefetch`).

Started :data:`~mesomap.session.chart_prefetch.START_AFTER_MS` after the first frame (never competing with
it), for the body on screen; stopped, and its process reaped, when the window closes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from mesomap.session import chart_prefetch


class ChartWalk(QObject):
    """One window's chart walk: :meth:`start_later` after the first frame, :meth:`stop` on close."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.process = None  # the walk's subprocess.Popen once started (None: not started, or switched off)
        self._body_id: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start)

    def start_later(self, body_id: str | None) -> None:
        """Start the walk over bundled body ``body_id`` (None: nothing to walk) a few seconds from now."""
        if body_id is None:
            return
        self._body_id = body_id
        self._timer.start(chart_prefetch.START_AFTER_MS)

    def _start(self) -> None:
        self.process = chart_prefetch.start(self._body_id) or self.process

    def stop(self) -> None:
        """The window closes: the walk does not start, or ends now."""
        self._timer.stop()
        chart_prefetch.stop(self.process)
