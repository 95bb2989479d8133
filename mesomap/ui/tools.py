"""Mouse tools on the 3D view: paint/erase strokes, Fill clicks, reflex points, injection points.

The left button belongs to the tool in paint, erase, fill, point and injection
modes (the camera does not move); right, middle and the wheel keep
navigating. In navigate mode the left button orbits, except when it presses
on a reflex point: then it drags the point over the skin. Injection points
(dense, a few pixels apart) are only moved in injection mode; hovering one
in navigate or injection mode names it.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QEvent, Qt, QTimer

from mesomap.geometry.pick import RayHit
from mesomap.ui.body_view import BodyView
from mesomap.session import messages as M
from mesomap.session.session import Mode, Session
from mesomap.session.zones import zone_at_face
from mesomap.render.plan_scene import PlanScene, disc_radius_mm

#: A press this close (logical px) to a point's glyph grabs the point.
GRAB_PX = 10.0
#: Dabs along a stroke are at most this fraction of the radius apart on the skin.
DAB_SPACING = 0.45
#: Most ray picks one mouse move may spend filling the gap since the last one.
MAX_PICKS_PER_MOVE = 400
#: Ctrl+wheel multiplies the brush radius by this per notch.
RADIUS_STEP = 1.15
#: An injection disc is grabbed this many px beyond its rim (at least MIN_GRAB_PX, at most GRAB_PX from its centre).
GRAB_MARGIN_PX = 3.0
MIN_GRAB_PX = 5.0
#: An injection point this far (mm) behind the skin the ray meets first is hidden (not hovered or grabbed).
HIDDEN_BEHIND_MM = 4.0

_Sample = tuple[tuple[float, float], RayHit | None, np.ndarray]  # (widget xy, hit, ray direction)


class CanvasTool:
    """Turns mouse events on a BodyView into Session calls, by the editor's mode."""

    def __init__(self, view: BodyView, editor: Session, scene: PlanScene):
        self.view = view
        self.editor = editor
        self.scene = scene
        self._drag: str | None = None  # "stroke" | "point" while the left button is held
        self._last: _Sample | None = None
        self._pending: list[tuple[float, float]] = []  # stroke positions not yet painted (see _move)
        self._flush_queued = False
        self._hover: tuple[float, float] | None = None
        self.hovered: tuple[str, int] | None = None  # injection under the cursor
        self.picks = 0  # ray picks made (for tests and tuning)
        editor.mode_changed.connect(self._mode_changed)
        editor.brush_changed.connect(self._refresh_ring)
        view.tool = self

    # -- picking ---------------------------------------------------------------
    def sample(self, x: float, y: float) -> _Sample:
        origin, direction = self.view.ray_at(x, y)
        self.picks += 1
        return (x, y), self.editor.surface.pick(origin, direction), direction

    def samples(self, points: list[tuple[float, float]]) -> list[_Sample]:
        """:meth:`sample` at many widget points with one batched pick (a stroke's points between two events)."""
        if not points:
            return []
        rays = [self.view.ray_at(px, py) for px, py in points]
        self.picks += len(points)
        hits = self.editor.surface.pick_many([o for o, _ in rays], [d for _, d in rays])
        return [(p, h, d) for p, h, (_, d) in zip(points, hits, rays)]

    def _gap_samples(self, a: _Sample, b: _Sample, depth: int = 0) -> list[_Sample]:
        """Samples between ``a`` and ``b`` until consecutive hits are ≤ DAB_SPACING·r apart on the skin;
        where the ray leaves or meets the body (one of them misses), samples up to its edge."""
        (ax, ay), ha, _ = a
        (bx, by), hb, _ = b
        if depth >= 5 or (ha is None and hb is None) or self.picks >= self._pick_budget:
            return []
        if ha is not None and hb is not None and \
                np.linalg.norm(ha.point_mm - hb.point_mm) <= DAB_SPACING * self.editor.radius_mm:
            return []
        if math.hypot(bx - ax, by - ay) < 0.75:  # a depth jump (silhouette): nothing between
            return []
        mid = self.sample((ax + bx) / 2, (ay + by) / 2)
        return [*self._gap_samples(a, mid, depth + 1), mid, *self._gap_samples(mid, b, depth + 1)]

    def path_samples(self, a: _Sample, x: float, y: float) -> list[_Sample]:
        """Samples from just after ``a`` to (x, y), spaced so that consecutive dabs overlap."""
        self._pick_budget = self.picks + MAX_PICKS_PER_MOVE
        b = self.sample(x, y)
        (ax, ay), ha, _ = a
        ref = b[1] or ha
        camera = np.asarray(self.view.plotter.camera.position)  # a hit's distance_mm runs from the near plane
        mm_per_px = self.view.mm_per_pixel(float(np.linalg.norm(ref.point_mm - camera))) if ref is not None else 2.0
        step_px = max(1.0, DAB_SPACING * self.editor.radius_mm / max(mm_per_px, 1e-6))
        n = min(int(math.ceil(math.hypot(x - ax, y - ay) / step_px)), MAX_PICKS_PER_MOVE // 2)
        line = self.samples([(ax + (x - ax) * k / n, ay + (y - ay) * k / n) for k in range(1, n)]) + [b]
        out: list[_Sample] = []
        prev = a
        for s in line:
            out += self._gap_samples(prev, s)
            out.append(s)
            prev = s
        return out

    # -- events ----------------------------------------------------------------
    def handle_event(self, event: QEvent) -> bool:
        if not self.editor.enabled:
            return False
        kind = event.type()
        if kind == QEvent.Type.Leave:
            self._set_hovered(None)
            self._hover = None
            self.scene.hide_ring()
            return False
        if kind == QEvent.Type.Wheel:
            return self._wheel(event)
        mode = self.editor.mode
        x, y = event.position().x(), event.position().y()
        left = event.button() == Qt.MouseButton.LeftButton
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            if not left:
                return self._drag is not None  # no camera moves in the middle of a stroke
            if kind == QEvent.Type.MouseButtonDblClick:
                return mode != Mode.NAVIGATE or self._drag is not None
            return self._press(mode, x, y)
        if kind == QEvent.Type.MouseMove:
            if self._drag is not None:
                if not event.buttons() & Qt.MouseButton.LeftButton:  # the release got lost
                    self._finish()
                    return False
                self._move(x, y)
                return True
            if mode in (Mode.PAINT, Mode.ERASE) and event.buttons() == Qt.MouseButton.NoButton:
                self._hover = (x, y)
                self._refresh_ring()
            elif mode in (Mode.NAVIGATE, Mode.INJECT) and event.buttons() == Qt.MouseButton.NoButton:
                self._set_hovered(self.injection_under(x, y))
            return False
        if kind == QEvent.Type.MouseButtonRelease:
            if left and self._drag is not None:
                self._finish()
                return True
            return False
        return False

    def _press(self, mode: Mode, x: float, y: float) -> bool:
        if mode in (Mode.PAINT, Mode.ERASE):
            if not self.editor.begin_stroke(erase=mode == Mode.ERASE):
                return True
            self._drag = "stroke"
            self._last = s = self.sample(x, y)
            if s[1] is not None:
                self.editor.stroke([(s[1], s[2])])
                self._show_ring_at(s[1])
            return True
        if mode == Mode.INJECT:
            return self._press_inject(x, y)
        if mode == Mode.FILL:
            self.editor.fill_at(self.sample(x, y)[1])
            return True
        point_id = self.point_under(x, y)
        if point_id is not None:
            self.editor.begin_move_point(point_id)
            self._drag = "point"
            return True
        if mode == Mode.POINT:
            s = self.sample(x, y)
            if s[1] is None:
                self.editor.say(M.CLICK_SKIN_FOR_POINT())
                return True
            self.editor.begin_place_point(s[1])
            self._drag = "point"
            return True
        return False

    def _move(self, x: float, y: float) -> None:
        if self._drag == "stroke":
            # painted when control returns to the event loop: every move that arrived meanwhile (a fast
            # hand while a frame draws) is laid in one edit and one redraw, so the stroke never lags behind
            self._pending.append((x, y))
            if not self._flush_queued:
                self._flush_queued = True
                QTimer.singleShot(0, self.view, self.flush_stroke)  # (dropped with the view)
        elif self._drag == "point":
            s = self.sample(x, y)
            if s[1] is not None:
                self.editor.drag_point(s[1])
        elif self._drag == "injection":
            s = self.sample(x, y)
            if s[1] is not None:
                self.editor.drag_injection(s[1])

    def flush_stroke(self) -> None:
        """Paint the stroke up to every mouse position not yet painted: dabs along the path through them,
        from the last one painted, as one edit."""
        self._flush_queued = False
        points, self._pending = self._pending, []
        if self._drag != "stroke" or not points:
            return
        samples: list[_Sample] = []
        for x, y in points:
            path = self.path_samples(self._last, x, y)
            self._last = path[-1]
            samples += path
        self.editor.stroke([(h, d) for _, h, d in samples if h is not None])
        if self._last[1] is not None:
            self._show_ring_at(self._last[1])
        else:
            self.scene.hide_ring()

    def _finish(self) -> None:
        self.flush_stroke()  # the last moves before the release are painted too
        self._drag = None
        self._last = None
        self.editor.end_gesture()

    def cancel(self) -> None:
        """End any drag now (undo, mode switch, focus loss)."""
        if self._drag is not None:
            self._finish()

    def _wheel(self, event) -> bool:
        if self._drag is not None:
            return True
        if self.editor.mode in (Mode.PAINT, Mode.ERASE) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            notches = event.angleDelta().y() / 120.0
            if notches:
                self.editor.set_radius(round(self.editor.radius_mm * RADIUS_STEP**notches, 1))
            return True
        return False

    # -- points ----------------------------------------------------------------
    def point_under(self, x: float, y: float) -> str | None:
        """The reflex point whose glyph is under (x, y), unless skin hides it."""
        positions = self.editor.point_positions()  # from the plan on the skin, not from the glyphs drawn
        if not positions:
            return None
        best, best_d = None, GRAB_PX
        for pid, pos in positions.items():
            px, py, _ = self.view.to_widget(pos)
            d = math.hypot(px - x, py - y)
            if d <= best_d:
                best, best_d = pid, d
        if best is None:
            return None
        origin, direction = self.view.ray_at(x, y)
        hit = self.editor.surface.pick(origin, direction)
        along = float(np.dot(positions[best] - origin, direction))
        if hit is not None and hit.distance_mm < along - 15.0:  # skin well in front of the point
            return None
        return best

    # -- injection points --------------------------------------------------------
    def _press_inject(self, x: float, y: float) -> bool:
        """Injection mode: press on a point to select and drag it, on the skin of a gridded zone to add one."""
        target = self.injection_under(x, y)
        if target is not None:
            if self.editor.begin_move_injection(*target):
                self._drag = "injection"
            return True
        s = self.sample(x, y)
        if s[1] is None:
            self.editor.say(M.CLICK_SKIN_FOR_INJECTION())
            return True
        zone = zone_at_face(self.editor.plan, s[1].face, self.editor.hidden)
        if zone is None:
            self.editor.say(M.CLICK_ZONE_FOR_INJECTION())
            return True
        if self.editor.begin_add_injection(zone.id, s[1]):
            self._drag = "injection"
        return True

    def injection_under(self, x: float, y: float) -> tuple[str, int] | None:
        """The (zone id, index) of the visible injection disc nearest to (x, y) within GRAB_PX, or None."""
        session = self.editor
        if session.surface is None:
            return None
        previews = session.grids.previews if session.grids is not None else {}
        candidates = []
        camera = np.array(self.view.plotter.camera.position)
        k0 = self.view.mm_per_pixel(0.0)  # mm per pixel is linear in the distance (constant when parallel)
        k1 = self.view.mm_per_pixel(1.0) - k0
        for zone in self.editor.plan.zones:
            if not zone.injections or zone.id in session.hidden or zone.id in previews:
                continue
            pos = session.injection_positions(zone)
            xy, depth = self.view.project(pos)
            d = np.hypot(xy[:, 0] - x, xy[:, 1] - y)
            # grab a disc on it or just beside it, so the skin between discs stays clickable (adding points)
            disc_px = disc_radius_mm(zone) / np.maximum(k0 + k1 * np.linalg.norm(pos - camera, axis=1), 1e-6)
            grab = np.clip(disc_px + GRAB_MARGIN_PX, MIN_GRAB_PX, GRAB_PX)
            near = np.flatnonzero((d <= grab) & (depth > 0) & (depth < 1))
            candidates += [(float(d[i]), zone.id, int(i), pos[i]) for i in near]
        for _, zone_id, index, pos in sorted(candidates, key=lambda c: c[0])[:4]:
            along = pos - camera
            distance = float(np.linalg.norm(along))
            hit = self.editor.surface.pick(camera, along / distance)
            if hit is None or hit.distance_mm >= distance - HIDDEN_BEHIND_MM:
                return zone_id, index
        return None

    def _set_hovered(self, target: tuple[str, int] | None) -> None:
        if target != self.hovered:
            self.hovered = target
            self.editor.hover_injection(target)

    # -- brush ring ------------------------------------------------------------
    def _show_ring_at(self, hit: RayHit) -> None:
        _, normal = self.editor.surface.point_on_face(hit.face, hit.barycentric)
        self.scene.show_ring(hit.point_mm, normal, self.editor.radius_mm)

    def _refresh_ring(self) -> None:
        if self.editor.mode not in (Mode.PAINT, Mode.ERASE) or not self.editor.enabled:
            self.scene.hide_ring()
            return
        if self._hover is None:
            return
        s = self.sample(*self._hover)
        if s[1] is None:
            self.scene.hide_ring()
        else:
            self._show_ring_at(s[1])

    def _mode_changed(self, mode: str) -> None:
        self.cancel()
        cursor = Qt.CursorShape.CrossCursor if mode != Mode.NAVIGATE.value else Qt.CursorShape.ArrowCursor
        self.view.plotter.setCursor(cursor)
        self._refresh_ring()
