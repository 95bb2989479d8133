"""Presentation mode (F5 / View › Present; Esc leaves): the trainer shows the plan to a room.

``window.present`` (a :class:`Presenter`) owns the mode. With one screen the window's 3D view goes full
screen with the docks and toolbars hidden; with two (or when asked) an :class:`mesomap.ui.audience.AudienceWindow`
shows the body and the plan on the chosen screen, following the session and the presenter's camera, while
the presenter keeps the controls. Both views draw the presentation (:mod:`mesomap.session.presentation`):
labels with leader lines, the legend of the visible zones, the pointer that follows the mouse on the skin,
annotation strokes (the pen, A: left-drag draws; Esc clears them, a second Esc leaves) and the injection
order animation.

The calls other parts of the app use: :meth:`Presenter.start` / :meth:`~Presenter.stop` /
:meth:`~Presenter.toggle`, :meth:`~Presenter.play_order`, :meth:`~Presenter.pause`, :meth:`~Presenter.resume`,
:meth:`~Presenter.step`, :meth:`~Presenter.set_labels`, :meth:`~Presenter.set_legend`,
:meth:`~Presenter.set_scale`, :meth:`~Presenter.set_follow_camera`, :meth:`~Presenter.clear_annotations`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence, QScreen
from PySide6.QtWidgets import QDockWidget, QMenu, QToolBar

from mesomap.model.lesson import Camera
from mesomap.render.presentation_layer import PresentationLayer
from mesomap.session.presentation import Presentation
from mesomap.session.session import Mode
from mesomap.ui.audience import AudienceWindow
from mesomap.ui.depth_inset import DepthInsets
from mesomap.ui.i18n import tr

SCALES = (100, 125, 150, 175, 200)  # the UI scale choices, %


class Presenter(QObject):
    """Presentation mode of a MainWindow. ``audience``: the AudienceWindow while one is shown."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.presentation = Presentation(window.session)
        self.layer = PresentationLayer(window.view, self.presentation)
        self.audience: AudienceWindow | None = None
        self.active = False
        self.screen_choice: QScreen | None = None  # the trainer's pick in Presentation › Show on (None: automatic)
        self.pen = False
        self.depth_inset = True  # the technique depth view in a corner while presenting
        self.depth_insets: DepthInsets | None = None
        self._drawing = False
        self._scene_labels = True  # the scene's own point labels, put back on leaving
        self._saved: tuple | None = None  # (window state, was full screen, hidden widgets) to restore on leaving
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)
        self.presentation.animation.changed.connect(self._sync_timer)
        self.escape_action = QAction(tr("Leave presentation"), window)
        self.escape_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.escape_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.escape_action.triggered.connect(self.escape)
        self.escape_action.setEnabled(False)
        window.addAction(self.escape_action)
        window.view.plotter.installEventFilter(self)  # installed last: sees the mouse before the tools do
        window.view.frame_rendered.connect(self._publish_camera)

    # -- the mode ----------------------------------------------------------------------------------
    def screens(self) -> list[QScreen]:
        return QGuiApplication.screens()

    def start(self, screen: QScreen | None = None, audience: bool | None = None) -> None:
        """Present. ``audience``: show an audience window (default: when there are two screens or more, or the
        trainer chose one in Presentation › Show on), full screen on ``screen`` (default: the chosen one, else a
        screen other than the window's; None with one screen: an ordinary window). Without an audience window,
        the window's view goes full screen with the docks hidden."""
        if self.active:
            return
        screens = self.screens()
        if screen is None and self.screen_choice in screens:
            screen, audience = self.screen_choice, True if audience is None else audience
        if audience is None:
            audience = len(screens) > 1
        if audience and screen is None and len(screens) > 1:
            here = self.window.screen()
            screen = next((s for s in screens if s is not here), screens[-1])
        self.active = self.presentation.active = True
        self._publish_camera()
        if audience:
            self.audience = AudienceWindow(self.presentation, multi_samples=self.window.view.plotter.ren_win.GetMultiSamples())
            self.audience.closed.connect(self.stop)  # closed on its own (Alt+F4 on the projector): leave
            self.audience.show_on(screen)
        else:
            self._full_screen()
        self._show_depth_inset()
        self._scene_labels = self.window.scene.labels
        self.window.scene.set_labels(self.window.session.plan, False)  # the presentation's labels name the points
        self.layer.set_shown(True)
        self._swap_escape(True)

    def stop(self) -> None:
        """Leave presentation mode: the audience window closes, the window comes back as it was."""
        if not self.active:
            return
        self.active = self.presentation.active = False
        self.set_pen(False)
        self.timer.stop()
        self.presentation.reset()
        self.layer.set_shown(False)
        if self.depth_insets is not None:
            self.depth_insets.clear()
        self.window.scene.set_labels(self.window.session.plan, self._scene_labels)
        audience, self.audience = self.audience, None
        if audience is not None:
            audience.close()
            audience.deleteLater()
        if self._saved is not None:
            state, geometry, was_full, hidden = self._saved
            self._saved = None
            for widget in hidden:
                widget.show()
            self.window.restoreState(state)
            if not was_full:
                self.window.showNormal()
                self.window.restoreGeometry(geometry)
        self._swap_escape(False)
        if getattr(self.window, "present_action", None) is not None:
            self.window.present_action.setChecked(False)

    def toggle(self) -> None:
        self.stop() if self.active else self.start()
        if getattr(self.window, "present_action", None) is not None:
            self.window.present_action.setChecked(self.active)

    def _show_depth_inset(self) -> None:
        """The selected zone's technique depth view in a corner of what the room sees (when on)."""
        panel = getattr(self.window, "depth_panel", None)
        if not self.depth_inset or panel is None:
            return
        if self.depth_insets is None:
            self.depth_insets = DepthInsets(panel, self.presentation.scale)
        self.depth_insets.show_on(self.audience.view if self.audience is not None else self.window.view)

    def set_depth_inset(self, on: bool) -> None:
        self.depth_inset = on
        if self.active:
            if self.depth_insets is not None:
                self.depth_insets.clear()
            self._show_depth_inset()

    def escape(self) -> None:
        """Esc while presenting: clear the annotation strokes; when there are none, leave."""
        if not self.clear_annotations():
            self.stop()

    def _full_screen(self) -> None:
        w = self.window
        hidden = [d for d in (*w.findChildren(QDockWidget), *w.findChildren(QToolBar)) if d.isVisible()]
        if w.menuBar().isVisible():
            hidden.append(w.menuBar())
        if w.statusBar().isVisible():
            hidden.append(w.statusBar())
        self._saved = (w.saveState(), w.saveGeometry(), w.isFullScreen(), hidden)
        for widget in hidden:
            widget.hide()
        w.setGeometry(w.screen().geometry())  # where no window manager sizes a full-screen window
        w.showFullScreen()

    def _swap_escape(self, presenting: bool) -> None:
        """While presenting Esc belongs to presentation mode (Navigate keeps N)."""
        navigate = self.window.mode_actions[Mode.NAVIGATE]
        keys = [QKeySequence("N")] if presenting else [QKeySequence("N"), QKeySequence("Esc")]
        navigate.setShortcuts(keys)
        self.escape_action.setEnabled(presenting)
        if self.audience is not None:
            self.audience.addAction(self.escape_action)

    # -- look ---------------------------------------------------------------------------------------
    def set_labels(self, on: bool) -> None:
        """Zone and point labels with leader lines on or off."""
        self.presentation.set_look(labels=on)

    def set_legend(self, on: bool) -> None:
        """The legend of visible zones (colour, technique, depth) on or off."""
        self.presentation.set_look(legend=on)

    def set_scale(self, percent: float) -> None:
        """Presentation text size, 100–200 % (labels, legend, caption, pointer)."""
        self.presentation.set_look(scale=percent / 100.0)
        if self.depth_insets is not None:
            self.depth_insets.set_scale(self.presentation.scale)

    def set_follow_camera(self, on: bool) -> None:
        """The audience window takes the presenter's camera (on) or keeps its own (off)."""
        self.presentation.set_follow_camera(on)

    def clear_annotations(self) -> bool:
        """Remove the annotation strokes; True if there were any."""
        return self.presentation.clear_strokes()

    def set_pen(self, on: bool) -> None:
        """The annotation pen: while on, a left-drag on the skin draws a stroke instead of orbiting."""
        self.pen = bool(on) and self.active
        self._drawing = False
        self.presentation.end_stroke()
        if getattr(self, "pen_action", None) is not None:
            self.pen_action.setChecked(self.pen)

    # -- order animation ---------------------------------------------------------------------------
    def play_order(self, zone_id: str | None = None, per_s: float | None = None) -> bool:
        """Play a zone's injections in gun order (default: the selected zone) at ``per_s`` injections per
        second; False when the zone has no grid."""
        zone_id = zone_id or self.window.session.zone_id
        return zone_id is not None and self.presentation.animation.play(zone_id, per_s)

    def pause(self) -> None:
        self.presentation.animation.pause()

    def resume(self) -> None:
        self.presentation.animation.resume()

    def step(self) -> bool:
        """One injection further (paused or playing)."""
        return self.presentation.animation.step()

    def stop_order(self) -> None:
        self.presentation.animation.stop()

    def _sync_timer(self) -> None:
        anim = self.presentation.animation
        if anim.playing:
            self.timer.setInterval(anim.interval_ms)
            if not self.timer.isActive():
                self.timer.start()
        else:
            self.timer.stop()

    def _tick(self) -> None:
        self.presentation.animation.step()

    # -- the mouse: pointer and pen ----------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if not self.active or self.window.session.surface is None:
            return False
        kind = event.type()
        if kind == QEvent.Type.Leave:
            self.presentation.set_pointer(None)
            return False
        if kind not in (QEvent.Type.MouseMove, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            return False
        x, y = event.position().x(), event.position().y()
        left = event.button() == Qt.MouseButton.LeftButton
        if kind == QEvent.Type.MouseButtonRelease and self._drawing and left:
            self._drawing = False
            self.presentation.end_stroke()
            return True
        hit = self._skin_at(x, y)
        if hit is None:
            self.presentation.set_pointer(None)
            return self._drawing
        self.presentation.set_pointer(*hit)
        if self.pen and kind == QEvent.Type.MouseButtonPress and left:
            self._drawing = True
            self.presentation.begin_stroke(*hit)
            return True
        if self._drawing and kind == QEvent.Type.MouseMove:
            self.presentation.extend_stroke(*hit)
            return True
        return False

    def _skin_at(self, x: float, y: float):
        """(point (3,) mm, normal (3,)) of the skin under widget position (x, y), or None."""
        surface = self.window.session.surface
        origin, direction = self.window.view.ray_at(x, y)
        hit = surface.pick(origin, direction)
        if hit is None:
            return None
        return surface.point_on_face(hit.face, hit.barycentric)

    def _publish_camera(self) -> None:
        if not self.active:
            return
        cam = self.window.view.plotter.camera
        self.presentation.set_camera(Camera(tuple(cam.position), tuple(cam.focal_point), tuple(cam.up),
                                            float(cam.view_angle)))

    # -- menu -----------------------------------------------------------------------------------------
    def fill_menu(self, menu: QMenu) -> None:
        """The Presentation submenu: labels, legend, follow camera, pen, UI scale, the order animation."""
        w = self.window

        def action(text, slot, tip, checked=None, shortcut=None):
            a = QAction(text, w)
            a.setToolTip(tip)
            a.setStatusTip(tip)
            if checked is not None:
                a.setCheckable(True)
                a.setChecked(checked)
                a.toggled.connect(slot)
            else:
                a.triggered.connect(slot)
            if shortcut:
                a.setShortcut(QKeySequence(shortcut))
            menu.addAction(a)
            return a

        p = self.presentation
        self.labels_action = action(tr("Labels on the body"), self.set_labels, tr("Zone and point names with leader lines"), p.labels)
        self.legend_action = action(tr("Legend of zones"), self.set_legend, tr("The visible zones with technique and depth"), p.legend)
        self.follow_action = action(tr("Audience follows my camera"), self.set_follow_camera,
                                    tr("The projector shows what you see; off: it keeps its own view"), p.follow_camera)
        self.pen_action = action(tr("Annotation pen"), self.set_pen, tr("Left-drag draws on the skin (A); Esc clears the "
                                 "strokes (they are not part of the plan)"), False, "A")
        self.depth_inset_action = action(tr("Technique depth inset"), self.set_depth_inset,
                                         tr("The selected zone's needle depth drawn in a corner of the view"), True)
        self.screens_menu = menu.addMenu(tr("Show on"))
        self.screens_menu.aboutToShow.connect(self._fill_screens)
        scale_menu = menu.addMenu(tr("Text size"))
        group = QActionGroup(w)
        self.scale_actions = {}
        for percent in SCALES:
            a = QAction(f"{percent} %", w, checkable=True)
            a.setChecked(percent == 100)
            a.triggered.connect(lambda _=False, pc=percent: self.set_scale(pc))
            group.addAction(a)
            scale_menu.addAction(a)
            self.scale_actions[percent] = a
        menu.addSeparator()
        self.play_action = action(tr("Play injection order"), lambda: self.play_order(),
                                  tr("The selected zone's injections one by one in gun order"))
        self.pause_action = action(tr("Pause / resume order"), self._pause_or_resume, tr("Pause or resume the animation"))
        self.step_action = action(tr("Step order"), lambda: self.step(), tr("One injection further"))

    def _fill_screens(self) -> None:
        """Show on: Automatic, then one entry per screen (its name and size) for the audience window."""
        menu = self.screens_menu
        menu.clear()
        group = QActionGroup(menu)
        for screen in (None, *self.screens()):
            size = screen.geometry() if screen is not None else None
            text = tr("Automatic") if screen is None else f"{screen.name()} ({size.width()}×{size.height()})"
            a = QAction(text, menu, checkable=True)
            a.setChecked(screen is self.screen_choice)
            a.triggered.connect(lambda _=False, sc=screen: setattr(self, "screen_choice", sc))
            group.addAction(a)
            menu.addAction(a)

    def _pause_or_resume(self) -> None:
        self.pause() if self.presentation.animation.playing else self.resume()
