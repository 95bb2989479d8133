"""The main window: the 3D body with the plan on it, tools, zone and point docks, files, autosave.

The window composes the pieces; the plan, its history, selection, tools and grids belong to the
session (:class:`mesomap.session.session.Session`, ``window.session``), which the 3D scene and the
panels follow by themselves. Each window concern lives in its own module and is reached by its
name, not through the window: menus and toolbars in :mod:`mesomap.ui.menus`, plan files,
autosave and recovery in ``window.files`` (:mod:`mesomap.ui.plan_files`), the body on screen in
``window.bodies`` (:mod:`mesomap.ui.bodies`), the Grid menu in ``window.grid_actions``
(:mod:`mesomap.ui.grid_actions`), exports and imports in :mod:`mesomap.ui.export_actions` and
:mod:`mesomap.ui.import_actions`, the status bar in ``window.status`` (:mod:`mesomap.ui.status`), the Help
menu's guide, shortcut sheet and start hint in ``window.help`` (:mod:`mesomap.ui.help`), the docks' layout in
``window.docks`` (:mod:`mesomap.ui.docks`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressBar, QToolButton

from mesomap.about import about_html
from mesomap.geometry.body_mesh import BodyMesh
from mesomap.geometry.pick import RayHit
from mesomap.io.autosave import Autosaver
from mesomap.io.meshes import BUNDLED_BODIES, DEFAULT_BODY, MeshLoadError
from mesomap.model.body_shape import body_key
from mesomap.model.document import Change, Document
from mesomap.model.plan import Plan
from mesomap.ui import import_actions, teach
from mesomap.ui.bodies import Bodies, bundled_body_ref
from mesomap.ui.chart_walk import ChartWalk
from mesomap.ui.body_view import BodyView
from mesomap.session.session import Mode, Session
from mesomap.session.zones import zone_at_face
from mesomap.ui.docks import DockLayout
from mesomap.ui.export_actions import Exporter
from mesomap.ui.grid_actions import GridActions
from mesomap.ui.help import Help
from mesomap.session.grids import POLL_MS, GridRequests
from mesomap.ui.menus import build_menus
from mesomap.ui.plan_files import AUTOSAVE_TICK_MS, PlanFiles
from mesomap.render.plan_scene import PlanScene
from mesomap.ui.point_panel import PointPanel
from mesomap.ui.present import Presenter
from mesomap.ui.records_actions import Records
from mesomap.ui.scan_import import ScanImport
from mesomap.session.prefetch import surface_for, warm
from mesomap.ui.status import ElidedLabel, StatusLine
from mesomap.ui.summary_panel import SummaryPanel
from mesomap.ui.tools import CanvasTool
from mesomap.ui.zone_panel import ZonePanel
from mesomap.ui.i18n import fill_in, tr


def _load_templates():
    """The bundled zone templates and reflex points, or (None, reason)."""
    try:
        from mesomap.io.templates import TemplateError, load_templates
    except ImportError as err:  # an install without the templates module
        return None, str(err)
    try:
        return load_templates(), ""
    except TemplateError as err:
        return None, str(err)


class MainWindow(QMainWindow):
    """Top-level window. ``settings`` persists geometry, last body, recent files and view options.

    ``autosaver`` writes the open plan every few seconds of changes (default:
    the user data dir, or $MESOMAP_DATA_DIR).
    """

    # The Lesson and Quiz docks and their sessions (mesomap.ui.teach): made the first time they are asked for.
    lesson_panel = property(lambda self: self.teach_docks.lesson_panel())
    lessons = property(lambda self: self.lesson_panel.lessons)
    quiz_panel = property(lambda self: self.teach_docks.quiz_panel())
    quiz = property(lambda self: self.quiz_panel.quiz)

    def __init__(self, body_id: str | None = None, settings: QSettings | None = None,
                 autosaver: Autosaver | None = None):
        super().__init__()
        self._tools_on = False  # the plan tools as last set (see set_plan_tools_enabled)
        self.settings = settings or QSettings()
        self._closed = False
        multi_samples = int(self.settings.value("view/multi_samples", 0))
        self.view = BodyView(self, multi_samples=multi_samples)
        self.setCentralWidget(self.view)
        self.view.picked.connect(self._show_pick)
        self.view.clicked.connect(self._select_at)
        self.status = StatusLine(self)
        self.body_label = self.status.body
        self.last_pick: RayHit | None = None

        wanted = body_id or str(self.settings.value("body/last", DEFAULT_BODY))
        wanted = wanted if wanted in BUNDLED_BODIES else DEFAULT_BODY
        self.doc = Document(Plan(body=bundled_body_ref(wanted)))
        self.session = Session(self.doc)
        self.editor = self.session  # the panels' and tests' name for it
        self.grids = GridRequests(self.doc, self._layout_body)
        self.session.grids = self.grids
        self.grid_poll = QTimer(self)  # layouts finish in the worker; their results are applied here
        self.grid_poll.setInterval(POLL_MS)
        self.grid_poll.timeout.connect(self.grids.poll)
        self.grids.wants_polling.connect(lambda on: self.grid_poll.start() if on else self.grid_poll.stop())
        self.scene = PlanScene(self.view, self.session)
        self.tool = CanvasTool(self.view, self.editor, self.scene)
        self.files = PlanFiles(self)
        self.chart_walk = ChartWalk(self)  # template charts built in the background, after the first frame
        self.bodies = Bodies(self)
        self.shape_panel = None  # Body › Shape… (mesomap.ui.body_shape_panel), made on first use
        self.scans = ScanImport(self)  # File › Import scan… (mesomap.ui.scan_import)
        self.scan_panel = None  # the Scan fit dock (mesomap.ui.scan_panel), made on first import
        self.grid_actions = GridActions(self)
        self.exporter = Exporter(self)
        self.point_importer = import_actions.PointImporter(self)
        self.templates, why = _load_templates()
        self.session.templates = self.templates
        self.zone_panel = ZonePanel(self.editor, self)
        self.help = Help(self)
        self.records = Records(self)  # Records menu; the open plan's link to a records session
        build_menus(self)
        self.point_panel = PointPanel(self.editor, self.mode_actions[Mode.POINT], self)
        self.summary_panel = SummaryPanel(self.editor, self)
        self.docks = DockLayout(self)
        self.docks.fill_menu()
        self.present = Presenter(self)  # presentation mode (F5), mesomap.ui.present
        self.present.fill_menu(self.present_menu)
        teach.install(self)  # Teach menu, Lesson and Quiz docks, View › Technique depth
        self.docks.arrange()  # after teach.install: the depth view is one of the docks it places
        self._raised_for: tuple[str | None, str | None] = (None, None)
        self.zone_panel.set_injection_actions(self.pin_action, self.delete_injection_action)
        self.zone_panel.watch_grids(self.grids)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setFixedWidth(110)
        self.busy_bar.setMaximumHeight(14)
        self.busy_label = ElidedLabel()  # a long list of zones is shortened with "…"; it never widens the window
        self.cancel_button = QToolButton()
        self.cancel_button.setDefaultAction(self.cancel_layouts_action)
        self.cancel_button.setText(tr("Cancel"))
        self.statusBar().addPermanentWidget(self.busy_label)
        self.statusBar().addPermanentWidget(self.busy_bar)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self.busy_bar.hide()
        self.busy_label.hide()
        self.cancel_button.hide()
        self.point_panel.labels.toggled.connect(lambda on: self.scene.set_labels(self.doc.plan, on))
        if self.templates is not None:
            self.zone_panel.set_templates(self.templates.zones, self._template_areas(wanted))
            self.point_panel.set_templates(self.templates.reflex_points)

        self.doc.changed.connect(self._on_doc_changed)
        self.doc.state_changed.connect(self._on_state_changed)
        self.session.message.connect(lambda message: self.statusBar().showMessage(str(message), 8000))
        self.editor.selection_changed.connect(self._on_selection_changed)
        self.status.connect()
        self.editor.brush_changed.connect(self._sync_brush_widgets)
        self.editor.mode_changed.connect(self._sync_mode_actions)
        self.editor.injection_changed.connect(self.grid_actions.injection_changed)
        self.editor.injection_hovered.connect(self.grid_actions.injection_hovered)
        self.grids.busy_changed.connect(self._sync_busy)
        self.grids.message.connect(lambda message: self.statusBar().showMessage(str(message), 8000))
        self.grids.preview_changed.connect(lambda _zone_id: self.summary_panel.schedule())
        self.grids.pending_changed.connect(self.summary_panel.schedule)
        self.grids.replacing.connect(self.grid_actions.replacing)
        self.exporter.busy_changed.connect(self._sync_busy)

        self.autosaver = autosaver or Autosaver()
        self.session.autosaver = self.autosaver
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_TICK_MS)
        self.autosave_timer.timeout.connect(self.files.autosave_tick)
        self.autosave_timer.start()

        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 900)
        self.docks.restore()
        self.bodies.display(wanted)
        self._on_state_changed()
        self.view.frame_rendered.connect(self._after_first_frame)
        self.help.first_start()
        if why:
            self.statusBar().showMessage(fill_in(tr('No zone templates: {why}'), why=why), 10000)

    def _template_areas(self, body_id: str) -> dict[str, float]:
        from mesomap.io.templates import zone_area_cm2

        mesh = surface_for(body_id).coarse  # the bundled body the start-up prefetch read (not read again)
        return {t.id: zone_area_cm2(t, mesh) for t in self.templates.zones}

    def _after_first_frame(self) -> None:
        self.view.frame_rendered.disconnect(self._after_first_frame)
        QTimer.singleShot(0, self, self._start_background_work)  # the frame reaches the screen first

    def _start_background_work(self) -> None:
        """After the first frame: the shown body's search structures, the layout worker, the charts' walk."""
        self._warm_shown()  # the first dab must not wait for the BVH
        self.session.surface_changed.connect(self._warm_shown)  # another body shown: its structures, not both
        shown = self.bodies.shown
        if shown is not None:
            self.grids.warm(shown)  # start the layout worker: the first grid need not wait for it
        self.chart_walk.start_later(shown)

    def _warm_shown(self) -> None:
        """Build the pick and brush structures of the body on screen in the background (only that body's)."""
        if self.session.surface is not None:
            warm(self.session.surface)

    def _layout_body(self):
        """The body (bundled in the plan's shape, or a fitted scan) grids are laid out on (None while a user
        mesh is shown)."""
        if not self.editor.enabled:
            return None
        return self.scans.layout_key() or body_key(self.doc.plan.body)

    def plan_body_surface(self):
        """The painting surface of the plan's own body: bundled (in its shape), or the fitted scan it is on."""
        return surface_for(self.scans.layout_key() or body_key(self.doc.plan.body))

    def open_shape_panel(self) -> None:
        """Body › Shape…: the body-shape dock (made on first use, left of the 3D view)."""
        if self.shape_panel is None:
            from mesomap.ui.body_shape_panel import BodyShapePanel

            self.shape_panel = BodyShapePanel(self)
            self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.shape_panel)
        self.shape_panel.open()

    # -- actions (built in mesomap.ui.menus) ------------------------------------
    def _plan_actions(self):
        return [*self.mode_actions.values(), self.mirror_action, self.mirror_zone_action, self.clear_zone_action,
                self.generate_action, self.generate_all_action, self.clear_grid_action]

    def _sync_brush_widgets(self) -> None:
        for w in (self.radius_slider, self.radius_spin):
            w.blockSignals(True)
            w.setValue(round(self.editor.radius_mm))
            w.blockSignals(False)
        self.mirror_action.setChecked(self.editor.mirror)

    def _sync_mode_actions(self, mode: str) -> None:
        self.mode_actions[Mode(mode)].setChecked(True)

    def set_plan_tools_enabled(self, on: bool) -> None:
        on = on and self.editor.enabled  # never on while the document is locked
        self._tools_on = on
        if not on:
            self.editor.set_mode(Mode.NAVIGATE)
        for action in self._plan_actions():
            action.setEnabled(on)
        self.radius_slider.setEnabled(on)
        self.radius_spin.setEnabled(on)
        self.zone_panel.rebuild()
        self.point_panel.rebuild()
        self.grid_actions.sync()
        self.summary_panel.schedule()
        self.status.update_hint()

    def _sync_busy(self, _busy: bool = False) -> None:
        """The status bar while work runs: what, how far (zones laid out of those asked for), and Cancel."""
        busy = self.grids.busy_text()
        text = str(busy) if busy is not None else self.exporter.busy_text()
        done, total = self.grids.progress()
        if total > 1:
            text = fill_in(tr('{text} ({done} of {total} zones)'), text=text, done=done, total=total)
        self.busy_label.setText(text)
        self.busy_label.setToolTip(text)
        self.busy_label.setVisible(bool(text))
        self.busy_bar.setRange(0, total if total > 1 else 0)  # one zone: a busy bar without steps
        self.busy_bar.setValue(done)
        self.busy_bar.setVisible(bool(text))
        self.cancel_layouts_action.setEnabled(total > 0)
        self.cancel_button.setVisible(total > 0)

    # -- bodies (mesomap.ui.bodies) ------------------------------------------------
    @property
    def mesh(self) -> BodyMesh | None:
        return self.view.mesh

    @property
    def surface(self):
        """The painting surface of the body on screen (None for a user mesh)."""
        return self.editor.surface

    # -- document ------------------------------------------------------------
    def _on_doc_changed(self, change: Change) -> None:
        plan = self.doc.plan
        if change.reset and self.bodies.shown != plan.body.body_id and plan.body.body_id in BUNDLED_BODIES:
            self.bodies.display(plan.body.body_id)  # the session moves to that body; the scene follows
        self.scans.follow_plan()  # a plan on a scan: its fitted body (or back from it)
        self.zone_panel.apply(change)
        self.point_panel.apply(change)
        self.summary_panel.schedule()
        self.grid_actions.sync()

    def _on_state_changed(self) -> None:
        history = self.doc.history
        self.undo_action.setEnabled(history.can_undo)
        self.undo_action.setText(fill_in(tr('&Undo {undo_label}'), undo_label=history.undo_label) if history.can_undo else tr("&Undo"))
        self.redo_action.setEnabled(history.can_redo)
        self.redo_action.setText(fill_in(tr('&Redo {redo_label}'), redo_label=history.redo_label) if history.can_redo else tr("&Redo"))
        self._update_title()
        if self.editor.surface is not None and self.editor.enabled != self._tools_on:
            self.set_plan_tools_enabled(self.editor.enabled)  # a done session's plan was opened, or closed

    def _update_title(self) -> None:
        name = self.records.title() or (self.doc.path.name if self.doc.path else tr("Untitled plan"))
        self.setWindowTitle(f"{name}{'*' if self.doc.dirty else ''} — mesomap")

    def _on_selection_changed(self) -> None:
        zone_id, point_id = self.editor.zone_id, self.editor.point_id
        # Bring the panel of what was just selected to the front (the docks share one tab stack).
        if point_id is not None and point_id != self._raised_for[1]:
            self.point_panel.raise_()
        elif zone_id is not None and zone_id != self._raised_for[0]:
            self.zone_panel.raise_()
        self._raised_for = (zone_id, point_id)
        zone = self.editor.zone
        self.clear_zone_action.setEnabled(zone is not None and self.editor.enabled)
        self.grid_actions.sync()

    def commit_pending(self, layouts: bool = True) -> None:
        """End a drag and apply fields typed but not confirmed, so nothing typed is lost; with ``layouts``
        also wait for grids being laid out (a spacing just changed lands with its grid before a save or export)."""
        self.tool.cancel()
        self.zone_panel.commit_pending()
        self.point_panel.commit_pending()
        if layouts:
            self.grid_actions.finish_layouts()

    def undo(self) -> None:
        self._forget_refused()
        self.tool.cancel()  # a stroke in progress ends (and becomes the step undone)
        self.grids.cancel_params()  # a parameter change still being laid out is dropped, not re-applied
        self.doc.undo()

    def redo(self) -> None:
        self._forget_refused()
        self.tool.cancel()
        self.grids.cancel_params()
        self.doc.redo()

    def _forget_refused(self) -> None:
        """Undo and redo show the plan's values: refused values typed in the panels go."""
        self.zone_panel.marks.clear()
        self.point_panel.marks.clear()

    def _select_at(self, x: float, y: float) -> None:
        """A click in navigate mode: select the zone painted under the cursor."""
        if not self.editor.enabled or self.editor.mode != Mode.NAVIGATE:
            return
        target = self.tool.injection_under(x, y)
        if target is not None:
            self.editor.select_injection(*target)
            return
        origin, direction = self.view.ray_at(x, y)
        hit = self.editor.surface.pick(origin, direction)
        zone = zone_at_face(self.doc.plan, hit.face, self.editor.hidden) if hit is not None else None
        self.editor.select_injection(None)
        if zone is not None:
            self.editor.select_zone(zone.id)

    # -- out -----------------------------------------------------------------
    def send_to_device(self) -> None:
        """The Send to device dialog for the open plan (which it never changes)."""
        from mesomap.ui.device_dialog import DeviceDialog

        self.commit_pending()
        try:
            surface = self.plan_body_surface()
        except MeshLoadError as err:
            self.show_error(tr("Cannot send"), str(err))
            return
        dialog = DeviceDialog(self.doc.plan, surface, self.settings, self)
        self.device_dialog = dialog
        dialog.exec()

    # -- feedback ------------------------------------------------------------
    def _show_pick(self, hit: RayHit) -> None:
        self.last_pick = hit
        self.status.show_pick(hit)

    def show_error(self, title: str, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        QMessageBox.critical(self, title, message)

    def show_warning(self, title: str, message: str) -> None:
        self.statusBar().showMessage(message.split("\n")[0], 10000)
        QMessageBox.warning(self, title, message)

    def show_info(self, title: str, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        QMessageBox.information(self, title, message)

    def show_about(self) -> None:
        QMessageBox.about(self, tr("About mesomap"), about_html())

    def closeEvent(self, event) -> None:  # noqa: N802
        if self._closed:
            event.accept()
            return
        if not self.files.maybe_save():
            event.ignore()
            return
        self._closed = True
        self.present.stop()  # the audience window closes with the window
        self.present.stop_order()  # an order animation (a lesson step's plays outside presentation) stops its ticks
        self.grids.cancel_layouts()  # quitting never waits for a layout: the worker stops at once
        self.grids.close()
        self.chart_walk.stop()  # the background chart walk ends with the window
        self.autosave_timer.stop()
        self.autosaver.clear()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.docks.save()
        self.view.close_view()
        super().closeEvent(event)
