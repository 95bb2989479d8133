"""What a presentation draws over the plan in one view: labels with leader lines, the zones legend, the
pointer, annotation strokes, the order animation and its caption.

A :class:`PresentationLayer` follows a :class:`mesomap.session.presentation.Presentation` (and its
session) by itself, like :class:`mesomap.render.plan_scene.PlanScene` follows a session: the presenter's
window and the audience window each have one, so whatever the trainer does shows in both. Labels are laid out
again whenever the camera or the window size changed, just before the frame is drawn. The view is anything
with a PyVista ``plotter`` and a ``request_render()``.
"""

from __future__ import annotations

import numpy as np

from mesomap.render.labels import LabelActors, anchors_visible, plan_labels
from mesomap.render.legend import Legend, legend_rows
from mesomap.render.motion import camera_moving
from mesomap.render.order_animation import CURRENT_RADIUS_PX, OrderPath
from mesomap.render.pointer import POINTER_RADIUS_PX, STROKE_WIDTH_PX, Pointer, Strokes, screen_radius_mm
from mesomap.session.presentation import Presentation
from mesomap.text import label


class PresentationLayer:
    """The presentation's actors on one view; ``shown`` switches all of them on or off."""

    def __init__(self, view, presentation: Presentation):
        self.view = view
        self.presentation = presentation
        self.session = presentation.session
        renderer = view.plotter.renderer
        self.labels = LabelActors(renderer)
        self.legend = Legend(renderer)
        self.pointer = Pointer(view.plotter)
        self.strokes = Strokes(view.plotter)
        self.path = OrderPath(view.plotter)
        self.shown = False
        self._animated = (None, False)  # (zone id, any drawn) of the order animation the labels were laid out for
        self._label_key = None  # (on, camera, window size) the labels were laid out for; None: lay out again
        self._observer = renderer.AddObserver("StartEvent", lambda *_: self._relayout())
        p = presentation
        p.pointer_changed.connect(self._pointer_changed)
        p.strokes_changed.connect(self._strokes_changed)
        p.look_changed.connect(self.refresh)
        p.animation.changed.connect(self._animation_changed)
        self.session.doc.changed.connect(self._plan_changed)
        self.session.visibility_changed.connect(self._plan_changed)

    def set_shown(self, on: bool) -> None:
        """Show (everything the presentation holds now) or hide the layer."""
        self.shown = on
        self.refresh()

    def refresh(self) -> None:
        self._label_key = None
        self._legend()
        self._pointer_changed()
        self._strokes_changed()
        self._animation_changed()

    # -- drawing -------------------------------------------------------------------------------
    def _scale(self) -> float:
        return self.presentation.scale

    def _plan_changed(self, *_) -> None:
        if self.shown:
            self._label_key = None
            self._legend()

    def _legend(self) -> None:
        self.legend.scale = self._scale()
        if self.shown and self.presentation.legend and self.session.surface is not None:
            self.legend.show(legend_rows(self.session.plan, self.session.hidden))
        else:
            self.legend.show([])
        self.view.request_render()

    def _relayout(self) -> None:
        """Before each frame: lay the labels out again if the camera, size, plan or look changed; while a drag
        moves the camera they are hidden (laid out once it stops, not every frame)."""
        s = self.session
        on = self.shown and self.presentation.labels and s.surface is not None
        if on and camera_moving(self.view.plotter.renderer.GetRenderWindow()):
            if self._label_key is not None:  # a drag moves the camera: no labels until it stops (then laid out)
                self._label_key = None
                self.labels.hide()
            return
        cam = self.view.plotter.renderer.GetActiveCamera()
        key = (on, cam.GetPosition(), cam.GetFocalPoint(), cam.GetViewUp(), cam.GetViewAngle(),
               tuple(self.view.plotter.renderer.GetRenderWindow().GetSize()))  # plan, hidden, look: they reset it
        if key == self._label_key:
            return
        self._label_key = key
        self.legend.place()
        if not on:
            self.labels.hide()
            return
        self.labels.scale = self._scale()
        centre = np.asarray(s.surface.coarse.vertices).mean(axis=0)
        camera = np.array(cam.GetPosition())
        anim = self.presentation.animation
        animated = f"zone:{anim.zone_id}" if anim.count else None  # the caption names it; its numbers need room
        labels = [lb for lb in plan_labels(s.surface, s.plan, s.hidden, camera_mm=camera) if lb.key != animated]
        self.labels.show(labels, s.surface, centre, keep_clear=self.legend.box())

    def _pointer_changed(self) -> None:
        pointer = self.presentation.pointer
        if not self.shown or pointer is None:
            self.pointer.hide()
        else:
            point, normal = pointer
            height = self.view.plotter.renderer.GetRenderWindow().GetSize()[1]
            radius = screen_radius_mm(self.view.plotter.camera, point, height, POINTER_RADIUS_PX * self._scale())
            self.pointer.show(point, normal, radius)
        self.view.request_render()

    def _strokes_changed(self) -> None:
        if self.shown:
            self.strokes.show(self.presentation.strokes, STROKE_WIDTH_PX * self._scale())
        else:
            self.strokes.hide()
        self.view.request_render()

    def _animation_changed(self) -> None:
        anim = self.presentation.animation
        if (anim.zone_id, bool(anim.count)) != self._animated:
            self._animated = (anim.zone_id, bool(anim.count))
            self._label_key = None  # the animated zone's label makes way for its numbers
        positions, numbers = anim.drawn() if self.shown else (np.zeros((0, 3)), np.zeros(0, dtype=np.int64))
        if len(positions):
            zone = self.session.plan.zone(anim.zone_id)
            normals = self.session.surface.points_on_faces([q.face for q in zone.injections[:len(positions)]],
                                                           [q.barycentric for q in zone.injections[:len(positions)]])[1]
            camera = np.array(self.view.plotter.camera.position)
            height = self.view.plotter.renderer.GetRenderWindow().GetSize()[1]
            radius = screen_radius_mm(self.view.plotter.camera, positions[-1], height, CURRENT_RADIUS_PX * self._scale())
            self.path.show(positions, numbers, normals, self._scale(), radius,
                           visible=lambda pts: anchors_visible(self.session.surface, camera, pts))
            self.legend.scale = self._scale()
            self.legend.set_caption(label("presentation_caption", zone=zone.name, order=int(numbers[-1]),
                                          shown=len(positions), total=anim.total))
        else:
            self.path.hide()
            self.legend.set_caption("")
        self.view.request_render()

    def close(self) -> None:
        """Stop following the presentation and remove every actor."""
        p = self.presentation
        p.pointer_changed.disconnect(self._pointer_changed)
        p.strokes_changed.disconnect(self._strokes_changed)
        p.look_changed.disconnect(self.refresh)
        p.animation.changed.disconnect(self._animation_changed)
        self.session.doc.changed.disconnect(self._plan_changed)
        self.session.visibility_changed.disconnect(self._plan_changed)
        self.view.plotter.renderer.RemoveObserver(self._observer)
        self.pointer.hide()
        self.strokes.hide()
        self.path.hide()
        self.labels.remove()
        self.legend.remove()
