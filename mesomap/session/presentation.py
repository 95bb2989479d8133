"""What a trainer shows on top of the plan while presenting: a pointer, annotation strokes, labels, a legend,
the presenter's camera and an injection order animation. No Qt, no VTK.

A :class:`Presentation` belongs to a session's views, not to the plan: nothing here is an edit, nothing is
saved, undo never sees it. Every view that draws it (the presenter's window, the audience window on the
projector) follows its signals, so a pointer moved in one window shows in all of them:

- ``pointer_changed``: the skin point under the trainer's mouse (``pointer``: (point (3,) mm, normal (3,)) or None);
- ``strokes_changed``: freehand annotation strokes on the skin (``strokes``: tuple of (n, 3) mm polylines,
  just above the skin);
- ``look_changed``: labels / legend on or off, the UI scale (1.0–2.0);
- ``camera_changed(Camera)``: the presenter's camera (audience views follow it while ``follow_camera``);
- ``animation.changed``: the order animation (:class:`mesomap.session.order_animation.OrderAnimation`).
"""

from __future__ import annotations

import numpy as np
from psygnal import Signal

from mesomap.model.lesson import Camera
from mesomap.session.order_animation import OrderAnimation

#: The UI scale of presentation text (labels, legend, captions): 100 % to 200 %.
SCALE_RANGE = (1.0, 2.0)
#: A stroke sample closer than this (mm) to the previous one is dropped.
STROKE_MIN_STEP_MM = 1.0
#: Strokes are kept this far (mm) above the skin, along its normal, so the body never hides them.
STROKE_LIFT_MM = 1.5


def _lifted(point_mm, normal) -> np.ndarray:
    p = np.asarray(point_mm, dtype=float).reshape(3)
    return p if normal is None else p + STROKE_LIFT_MM * np.asarray(normal, dtype=float).reshape(3)


class Presentation:
    """Presentation state shared by every view of one session (see the module doc)."""

    pointer_changed = Signal()
    strokes_changed = Signal()
    look_changed = Signal()
    camera_changed = Signal(object)

    def __init__(self, session):
        self.session = session
        self.active = False
        self.pointer: tuple[np.ndarray, np.ndarray] | None = None
        self.strokes: tuple[np.ndarray, ...] = ()
        self._drawing: list[np.ndarray] | None = None
        self.labels = True
        self.legend = True
        self.scale = 1.0
        self.follow_camera = True
        self.camera: Camera | None = None
        self.animation = OrderAnimation(session)

    # -- pointer -------------------------------------------------------------------------------
    def set_pointer(self, point_mm=None, normal=None) -> None:
        """The skin point the trainer points at ((3,) mm and its unit normal (3,)); None hides the pointer."""
        if point_mm is None:
            if self.pointer is not None:
                self.pointer = None
                self.pointer_changed.emit()
            return
        self.pointer = (np.asarray(point_mm, dtype=float).reshape(3), np.asarray(normal, dtype=float).reshape(3))
        self.pointer_changed.emit()

    # -- annotation strokes --------------------------------------------------------------------
    def begin_stroke(self, point_mm, normal=None) -> None:
        """Start a freehand stroke at a skin point (3,) mm (lifted STROKE_LIFT_MM along its unit ``normal``)."""
        self._drawing = [_lifted(point_mm, normal)]
        self.strokes = (*self.strokes, np.array(self._drawing))
        self.strokes_changed.emit()

    def extend_stroke(self, point_mm, normal=None) -> None:
        """Add a skin point (3,) mm to the stroke being drawn (points closer than STROKE_MIN_STEP_MM are dropped)."""
        if self._drawing is None:
            self.begin_stroke(point_mm, normal)
            return
        p = _lifted(point_mm, normal)
        if np.linalg.norm(p - self._drawing[-1]) < STROKE_MIN_STEP_MM:
            return
        self._drawing.append(p)
        self.strokes = (*self.strokes[:-1], np.array(self._drawing))
        self.strokes_changed.emit()

    def end_stroke(self) -> None:
        self._drawing = None

    def clear_strokes(self) -> bool:
        """Remove every annotation stroke; True if there were any."""
        self._drawing = None
        if not self.strokes:
            return False
        self.strokes = ()
        self.strokes_changed.emit()
        return True

    # -- look ----------------------------------------------------------------------------------
    def set_look(self, labels: bool | None = None, legend: bool | None = None, scale: float | None = None) -> None:
        """Labels and legend on or off; ``scale`` of presentation text, clamped to SCALE_RANGE (1.5 = 150 %)."""
        if labels is not None:
            self.labels = bool(labels)
        if legend is not None:
            self.legend = bool(legend)
        if scale is not None:
            self.scale = float(min(max(scale, SCALE_RANGE[0]), SCALE_RANGE[1]))
        self.look_changed.emit()

    # -- camera --------------------------------------------------------------------------------
    def set_camera(self, camera: Camera) -> None:
        """The presenter's camera moved (views following it take it when ``follow_camera``)."""
        if camera != self.camera:
            self.camera = camera
            self.camera_changed.emit(camera)

    def set_follow_camera(self, on: bool) -> None:
        self.follow_camera = bool(on)
        if on and self.camera is not None:
            self.camera_changed.emit(self.camera)

    def reset(self) -> None:
        """Back to nothing shown: no pointer, no strokes, no animation (leaving presentation mode)."""
        self.set_pointer(None)
        self.clear_strokes()
        self.animation.stop()
