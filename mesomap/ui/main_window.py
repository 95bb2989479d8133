"""The main window: the 3D body with the plan on it, tools, zone and point docks, files, autosave."""

from __future__ import annotations

import datetime as _dt
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSlider,
    QSpinBox,
)

from mesomap.about import about_html
from mesomap.geometry.body_mesh import BodyMesh
from mesomap.geometry.brush import BRUSH_MAX_MM, BRUSH_MIN_MM
from mesomap.geometry.pick import RayHit
from mesomap.io.autosave import AUTOSAVE_INTERVAL_S, Autosaver, Recovery
from mesomap.io.meshes import (
    BUNDLED_BODIES,
    DEFAULT_BODY,
    MESH_SUFFIXES,
    UNIT_SCALE_TO_MM,
    MeshLoadError,
    UnitsUnclearError,
    load_bundled_body,
    load_mesh_file,
)
from mesomap.io.plan_file import SUFFIX, PlanFileError, body_ref, load_plan, save_plan
from mesomap.model.document import Change, Document
from mesomap.model.plan import BodyRef, Plan
from mesomap.render.camera import VIEWS
from mesomap.ui.body_view import BodyView
from mesomap.model.techniques import TECHNIQUES
from mesomap.ui.editor import Mode, PlanEditor, plan_order, zone_at_face
from mesomap.ui.export_actions import EXPORTS, Exporter
from mesomap.ui.grids import GridController
from mesomap.ui import import_actions
from mesomap.ui.plan_scene import PlanScene
from mesomap.ui.prefetch import surface_for, warm
from mesomap.ui.point_panel import PointPanel
from mesomap.ui.summary_panel import SummaryPanel
from mesomap.ui.tools import CanvasTool
from mesomap.ui.zone_panel import ZonePanel

VIEW_KEYS = {"front": "1", "back": "2", "left": "3", "right": "4", "face": "5"}
UNIT_LABELS = {"m": "metres", "dm": "decimetres", "cm": "centimetres", "mm": "millimetres"}
MAX_RECENT = 8
#: How often the autosave timer looks for changes (ms); it writes at most every AUTOSAVE_INTERVAL_S.
AUTOSAVE_TICK_MS = 5000
PLAN_FILTER = f"mesomap plans (*{SUFFIX});;All files (*)"
MIRROR_TIP = (
    "Mirror (M): every stroke also paints its mirror image across the midline.\n"
    "A midline or bilateral zone gets both halves. A left or right zone sends the mirror half\n"
    "to its partner zone for the other side (same template, or the same name with left/right\n"
    "swapped), which the first mirrored stroke creates when it is missing. Erasing mirrors the same way."
)


def injection_text(plan: Plan, surface, zone_id: str, index: int) -> str:
    """One status line naming an injection point: number, zone, depth, volume, technique, needle, position."""
    zone = plan.zone(zone_id)
    q = zone.injections[index]
    p = zone.params
    technique = TECHNIQUES.get(p.technique)
    pos, _ = surface.point_on_face(q.face, q.barycentric)
    return (f"Injection {plan_order(plan, zone_id, index)} · {zone.name} ({index + 1} of {len(zone.injections)})"
            f" · depth {p.depth_mm:g} mm · {p.volume_per_point_ml:g} ml · {p.technique}"
            f"{f' ({technique.name})' if technique else ''} · needle {p.needle.length_mm:g} mm {p.needle.gauge} G"
            f" · x {pos[0]:.1f}, y {pos[1]:.1f}, z {pos[2]:.1f} mm{' · pinned' if q.pinned else ''}")


def body_summary(mesh: BodyMesh) -> str:
    """Status bar text: name, triangle count, surface area in m²."""
    return f"{mesh.name}  ·  {mesh.n_faces:,} triangles  ·  {mesh.surface_area_mm2 / 1e6:.2f} m²"


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

    def __init__(self, body_id: str | None = None, settings: QSettings | None = None,
                 autosaver: Autosaver | None = None):
        super().__init__()
        self.settings = settings or QSettings()
        self._closed = False
        multi_samples = int(self.settings.value("view/multi_samples", 0))
        self.view = BodyView(self, multi_samples=multi_samples)
        self.setCentralWidget(self.view)
        self.view.picked.connect(self._show_pick)
        self.view.clicked.connect(self._select_at)
        self.body_label = QLabel()
        self.statusBar().addPermanentWidget(self.body_label)
        self.body_actions: dict[str, QAction] = {}
        self.view_actions: dict[str, QAction] = {}
        self.mode_actions: dict[Mode, QAction] = {}
        self.last_pick: RayHit | None = None
        self._shown_body: str | None = None  # bundled body on screen; None for a user mesh
        self._outline_stale = False

        wanted = body_id or str(self.settings.value("body/last", DEFAULT_BODY))
        wanted = wanted if wanted in BUNDLED_BODIES else DEFAULT_BODY
        self.doc = Document(Plan(body=self._body_ref(wanted)))
        self.editor = PlanEditor(self.doc)
        self.grids = GridController(self.doc, self._layout_body, parent=self)
        self.editor.grids = self.grids
        self.scene = PlanScene(self.view)
        self.tool = CanvasTool(self.view, self.editor, self.scene)
        self.exporter = Exporter(self)
        self.point_importer = import_actions.PointImporter(self)
        self.templates, why = _load_templates()
        self.zone_panel = ZonePanel(self.editor, self)
        self._build_actions()
        self.point_panel = PointPanel(self.editor, self.mode_actions[Mode.POINT], self)
        self.summary_panel = SummaryPanel(self.editor, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.zone_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.summary_panel, Qt.Orientation.Vertical)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.point_panel)
        self.tabifyDockWidget(self.zone_panel, self.point_panel)
        self.resizeDocks([self.zone_panel, self.summary_panel], [640, 240], Qt.Orientation.Vertical)
        self.zone_panel.raise_()
        self._raised_for: tuple[str | None, str | None] = (None, None)
        self.docks_menu.addAction(self.zone_panel.toggleViewAction())
        self.docks_menu.addAction(self.point_panel.toggleViewAction())
        self.docks_menu.addAction(self.summary_panel.toggleViewAction())
        self.zone_panel.set_injection_actions(self.pin_action, self.delete_injection_action)
        self.zone_panel.watch_grids(self.grids)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setFixedWidth(110)
        self.busy_bar.setMaximumHeight(14)
        self.busy_label = QLabel()
        self.statusBar().addPermanentWidget(self.busy_label)
        self.statusBar().addPermanentWidget(self.busy_bar)
        self.busy_bar.hide()
        self.busy_label.hide()
        self.point_panel.labels.toggled.connect(lambda on: self.scene.set_labels(self.doc.plan, on))
        if self.templates is not None:
            self.zone_panel.set_templates(self.templates.zones, self._template_areas(wanted))
            self.point_panel.set_templates(self.templates.reflex_points)

        self.doc.changed.connect(self._on_doc_changed)
        self.doc.state_changed.connect(self._on_state_changed)
        self.editor.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.editor.selection_changed.connect(self._on_selection_changed)
        self.editor.visibility_changed.connect(
            lambda zid: self.scene.set_zone_hidden(self.doc.plan, zid, zid in self.editor.hidden))
        self.editor.brush_changed.connect(self._sync_brush_widgets)
        self.editor.mode_changed.connect(self._sync_mode_actions)
        self.editor.injection_changed.connect(self._on_injection_changed)
        self.editor.injection_hovered.connect(self._on_injection_hovered)
        self.grids.busy_changed.connect(self._sync_busy)
        self.grids.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.grids.preview_changed.connect(self._on_preview_changed)
        self.grids.pending_changed.connect(self.summary_panel.schedule)
        self.grids.replacing.connect(self._grids_replacing)
        self.exporter.busy_changed.connect(self._sync_busy)

        self.autosaver = autosaver or Autosaver()
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_TICK_MS)
        self.autosave_timer.timeout.connect(self.autosave_tick)
        self.autosave_timer.start()

        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 900)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        self._display_body(wanted)
        self._on_state_changed()
        self.view.frame_rendered.connect(self._after_first_frame)
        if why:
            self.statusBar().showMessage(f"No zone templates: {why}", 10000)

    def _template_areas(self, body_id: str) -> dict[str, float]:
        from mesomap.io.templates import zone_area_cm2

        mesh = load_bundled_body(body_id)
        return {t.id: zone_area_cm2(t, mesh) for t in self.templates.zones}

    def _after_first_frame(self) -> None:
        self.view.frame_rendered.disconnect(self._after_first_frame)
        for body_id in (self._shown_body, *BUNDLED_BODIES):  # the shown body first: its first dab
            if body_id is not None:                          # must not wait for the BVH
                warm(body_id)
        if self._shown_body is not None:
            self.grids.warm(self._shown_body)  # start the layout worker: the first grid need not wait for it

    def _layout_body(self) -> str | None:
        """The bundled body grids are laid out on (None while a user mesh is shown)."""
        return self.doc.plan.body.body_id if self.editor.enabled else None

    @staticmethod
    def _body_ref(body_id: str) -> BodyRef:
        try:
            return body_ref(surface_for(body_id))
        except MeshLoadError:
            return BodyRef(body_id, "", "", "")

    # -- actions -------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None, tip: str | None = None, checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip.splitlines()[0])
        action.setCheckable(checkable)
        if slot is not None:
            action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.new_action = self._action("&New plan", lambda: self.new_plan(), QKeySequence.StandardKey.New)
        self.open_plan_action = self._action("&Open plan…", lambda: self.open_plan_dialog(),
                                             QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.save_action = self._action("&Save", lambda: self.save(), QKeySequence.StandardKey.Save)
        self.save_as_action = self._action("Save &as…", lambda: self.save_as(), "Ctrl+Shift+S")
        self.open_mesh_action = self._action("Open &mesh…", lambda: self.open_mesh_dialog(), "Ctrl+Shift+O",
                                             "Look at your own body scan (plans are made on the bundled bodies)")
        quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        file_menu.insertAction(self.recent_menu.menuAction(), self.new_action)
        file_menu.insertAction(self.recent_menu.menuAction(), self.open_plan_action)
        for action in (self.save_action, self.save_as_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        self.import_points_action = self._action(import_actions.MENU_TEXT, lambda: self.point_importer.ask_and_import(),
                                                 None, import_actions.TIP)
        file_menu.addAction(self.import_points_action)
        self.export_menu = file_menu.addMenu("&Export")
        self.export_actions: dict[str, QAction] = {}
        for key, text, tip in ((e.key, e.menu_text, e.tip) for e in EXPORTS):
            action = self._action(text, lambda _=False, k=key: self.exporter.export(k), None, tip)
            self.export_menu.addAction(action)
            self.export_actions[key] = action
        self.print_action = self._action("&Print / Export PDF…", lambda: self.exporter.export("pdf"),
                                         QKeySequence.StandardKey.Print,
                                         "Save the printable session sheet as a PDF (open it to print)")
        self.send_action = self._action("Send to &device…", lambda: self.send_to_device(), "Ctrl+Shift+D",
                                        "Check the plan against an injection device's profile and send it "
                                        "over a serial port")
        file_menu.addAction(self.print_action)
        file_menu.addAction(self.send_action)
        file_menu.addSeparator()
        file_menu.addAction(self.open_mesh_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action = self._action("&Undo", lambda: self.undo(), QKeySequence.StandardKey.Undo)
        self.redo_action = self._action("&Redo", lambda: self.redo(), ["Ctrl+Shift+Z", "Ctrl+Y"])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)

        toolbar = self.addToolBar("View")
        toolbar.setObjectName("view-toolbar")
        view_menu = self.menuBar().addMenu("&View")
        for name, preset in VIEWS.items():
            action = QAction(preset.label, self, shortcut=VIEW_KEYS[name])
            action.setToolTip(f"{preset.label} view ({VIEW_KEYS[name]})")
            action.triggered.connect(lambda _=False, n=name: self.view.set_view(n))
            self.view_actions[name] = action
            toolbar.addAction(action)
            view_menu.addAction(action)
        self.reset_action = QAction("Reset view", self, shortcut=QKeySequence("0"))
        self.reset_action.setToolTip("Whole body from the front (0)")
        self.reset_action.triggered.connect(self.view.reset_view)
        toolbar.addAction(self.reset_action)
        view_menu.addSeparator()
        view_menu.addAction(self.reset_action)
        view_menu.addSeparator()
        self.docks_menu = view_menu.addMenu("Panels")

        toolbar.addSeparator()
        body_menu = self.menuBar().addMenu("&Body")
        group = QActionGroup(self)
        for body_id in BUNDLED_BODIES:
            action = QAction(body_id.capitalize(), self, checkable=True)
            action.setToolTip(f"Show the neutral {body_id} body (the plan moves with it)")
            action.triggered.connect(lambda _=False, b=body_id: self.show_bundled_body(b))
            group.addAction(action)
            toolbar.addAction(action)
            body_menu.addAction(action)
            self.body_actions[body_id] = action

        tools = self.addToolBar("Tools")
        tools.setObjectName("tools-toolbar")
        tools_menu = self.menuBar().addMenu("&Tools")
        modes = QActionGroup(self)
        for mode, text, keys, tip in (
            (Mode.NAVIGATE, "Navigate", ["N", "Esc"], "Navigate (N, Esc): left-drag orbits, right-drag zooms, "
                                                      "middle-drag pans; click a zone or point to select it"),
            (Mode.PAINT, "Paint", "B", "Paint (B): left-drag paints the selected zone on the visible skin.\n"
                                       "Right/middle-drag and the wheel still move the camera; Ctrl+wheel sizes the brush."),
            (Mode.ERASE, "Erase", "E", "Erase (E): left-drag removes skin from the selected zone"),
            (Mode.POINT, "Place point", "P", "Place point (P): click the skin to place a custom reflex point; "
                                             "drag a point to move it"),
            (Mode.INJECT, "Injections", "I", "Edit injections (I): click inside a gridded zone to add a "
                                                  "(pinned) injection point, drag a point to move it over the skin;\n"
                                                  "Del deletes the selected point, Shift+P pins or unpins it"),
        ):
            action = self._action(text, None, keys, tip, checkable=True)
            action.triggered.connect(lambda _=False, m=mode: self.editor.set_mode(m))
            modes.addAction(action)
            tools.addAction(action)
            tools_menu.addAction(action)
            self.mode_actions[mode] = action
        self.mode_actions[Mode.NAVIGATE].setChecked(True)
        self.mirror_action = self._action("Mirror", lambda on: self.editor.set_mirror(on), "M", MIRROR_TIP, True)
        tools.addAction(self.mirror_action)
        tools_menu.addSeparator()
        tools_menu.addAction(self.mirror_action)
        tools.addSeparator()
        tools.addWidget(QLabel(" Brush "))
        self.radius_slider = QSlider(Qt.Orientation.Horizontal)
        self.radius_slider.setRange(int(BRUSH_MIN_MM), int(BRUSH_MAX_MM))
        self.radius_slider.setFixedWidth(100)
        self.radius_spin = QSpinBox()
        self.radius_spin.setRange(int(BRUSH_MIN_MM), int(BRUSH_MAX_MM))
        self.radius_spin.setSuffix(" mm")
        for w in (self.radius_slider, self.radius_spin):
            w.setToolTip("Brush radius on the skin, 1–100 mm (Ctrl+wheel in the view)")
            w.valueChanged.connect(lambda v: self.editor.set_radius(v))
            tools.addWidget(w)
        self.clear_zone_action = self._action("Clear zone", lambda: self.editor.clear_zone(), None,
                                              "Remove every painted face from the selected zone (undoable)")
        tools_menu.addAction(self.clear_zone_action)
        self._sync_brush_widgets()

        self.addToolBarBreak()
        grid_bar = self.addToolBar("Grid and output")
        grid_bar.setObjectName("grid-toolbar")
        grid_menu = self.menuBar().addMenu("&Grid")
        self.generate_action = self._action("Generate grid", lambda: self.generate_grid(), "Ctrl+G",
                                            "Lay out the selected zone's injection points (Ctrl+G); pinned points "
                                            "are kept. One undo step")
        self.generate_all_action = self._action("Generate all", lambda: self.generate_grid(all_zones=True),
                                                "Ctrl+Shift+G", "Lay out every zone's injection points (Ctrl+Shift+G), "
                                                "as one undo step")
        self.clear_grid_action = self._action("Clear grid", lambda: self.editor.clear_grid(), None,
                                              "Remove the selected zone's injection points (undoable)")
        self.pin_action = self._action("Pin", lambda: self.editor.set_injection_pinned(None), "Shift+P",
                                       "Pin or unpin the selected injection point (Shift+P): pinned points stay "
                                       "where they are when the grid is laid out again")
        self.delete_injection_action = self._action("Delete", lambda: self.editor.delete_injection(),
                                                    [QKeySequence.StandardKey.Delete, "Backspace"],
                                                    "Delete the selected injection point (Del; undoable)")
        self.numbers_action = self._action("Numbers", lambda on: self.set_numbers(on), "O",
                                           "Show injection order numbers (O): each zone's first and last and "
                                           "every tenth, numbered as exported", checkable=True)
        # menus say what an action does; toolbar and panel buttons keep the short words
        for action, text in ((self.generate_all_action, "Generate all grids"),
                             (self.mode_actions[Mode.INJECT], "Edit injection points"),
                             (self.pin_action, "Pin injection"), (self.delete_injection_action, "Delete injection"),
                             (self.numbers_action, "Show order numbers")):
            short = action.text()
            action.setText(text)
            action.setIconText(short)
        for action in (self.generate_action, self.generate_all_action, self.clear_grid_action):
            grid_menu.addAction(action)
        grid_menu.addSeparator()
        grid_menu.addAction(self.mode_actions[Mode.INJECT])
        grid_menu.addAction(self.pin_action)
        grid_menu.addAction(self.delete_injection_action)
        grid_menu.addSeparator()
        grid_menu.addAction(self.numbers_action)
        for action in (self.generate_action, self.generate_all_action, self.numbers_action):
            grid_bar.addAction(action)
        grid_bar.addSeparator()
        grid_bar.addAction(self.print_action)
        grid_bar.addAction(self.send_action)
        view_menu.addAction(self.numbers_action)

        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About mesomap", self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _plan_actions(self):
        return [*self.mode_actions.values(), self.mirror_action, self.clear_zone_action, self.generate_action,
                self.generate_all_action, self.clear_grid_action]

    def _sync_brush_widgets(self) -> None:
        for w in (self.radius_slider, self.radius_spin):
            w.blockSignals(True)
            w.setValue(round(self.editor.radius_mm))
            w.blockSignals(False)
        self.mirror_action.setChecked(self.editor.mirror)

    def _sync_mode_actions(self, mode: str) -> None:
        self.mode_actions[Mode(mode)].setChecked(True)

    # -- bodies --------------------------------------------------------------
    def show_bundled_body(self, body_id: str) -> None:
        """Show a bundled body; the plan moves to it (an undoable step once the plan has content)."""
        if body_id not in BUNDLED_BODIES:
            self._error("Cannot show body", f"unknown body {body_id!r}")
            return
        plan = self.doc.plan
        if plan.body.body_id == body_id:
            self._display_body(body_id)
            return
        try:
            ref = body_ref(surface_for(body_id))
        except MeshLoadError as err:
            self._error("Cannot show body", str(err))
            self._sync_body_actions()
            return
        self.tool.cancel()
        if self._pristine():
            self.doc.replace(replace(plan, body=ref), path=None, saved=True)
        else:
            self.doc.edit(f"Switch to the {body_id} body", lambda p: replace(p, body=ref))

    def _pristine(self) -> bool:
        """An untouched new plan: switching its body is not worth an undo step or a save question."""
        doc = self.doc
        return (doc.path is None and not doc.dirty and not doc.history.can_undo and not doc.history.can_redo
                and not doc.plan.zones and not doc.plan.points)

    def _display_body(self, body_id: str) -> None:
        """Put bundled body ``body_id`` and the plan on screen."""
        try:
            mesh = load_bundled_body(body_id)
            surface = surface_for(body_id)
        except MeshLoadError as err:
            self._error("Cannot show body", str(err))
            return
        self._show_mesh(mesh)
        self._shown_body = body_id
        self.editor.surface = surface
        self.scene.attach(surface, self.doc.plan, self.editor.hidden, self.editor.zone_id, self.editor.point_id)
        self._set_plan_tools_enabled(True)
        self.settings.setValue("body/last", body_id)

    def _show_mesh(self, mesh: BodyMesh) -> None:
        self.view.set_body(mesh)
        self.body_label.setText(body_summary(mesh))
        self._sync_body_actions(mesh)

    def _sync_body_actions(self, mesh: BodyMesh | None = None) -> None:
        mesh = mesh or self.mesh
        for body_id, action in self.body_actions.items():
            action.setChecked(mesh is not None and body_id == mesh.body_id and mesh.topology is not None)

    def _set_plan_tools_enabled(self, on: bool) -> None:
        if not on:
            self.editor.set_mode(Mode.NAVIGATE)
        for action in self._plan_actions():
            action.setEnabled(on)
        self.radius_slider.setEnabled(on)
        self.radius_spin.setEnabled(on)
        self.zone_panel.rebuild()
        self.point_panel.rebuild()
        self._sync_grid_actions()
        self.summary_panel.schedule()

    @property
    def mesh(self) -> BodyMesh | None:
        return self.view.mesh

    @property
    def surface(self):
        """The painting surface of the body on screen (None for a user mesh)."""
        return self.editor.surface

    def open_mesh_dialog(self) -> None:
        patterns = " ".join(f"*{s}" for s in MESH_SUFFIXES)
        start = str(self.settings.value("files/last_mesh_dir", str(Path.home())))
        path, _ = QFileDialog.getOpenFileName(self, "Open mesh", start, f"Meshes ({patterns});;All files (*)")
        if path:
            self.settings.setValue("files/last_mesh_dir", str(Path(path).parent))
            self.open_mesh(path)

    def open_mesh(self, path: str | Path, units: str | None = None) -> bool:
        """Show the mesh in ``path``; on any problem show why and keep the current body."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            loaded = load_mesh_file(path, units=units)
        except UnitsUnclearError as err:
            QApplication.restoreOverrideCursor()
            units = self._ask_units(err)
            return self.open_mesh(path, units) if units else False
        except MeshLoadError as err:
            QApplication.restoreOverrideCursor()
            self._error("Cannot open mesh", str(err))
            return False
        QApplication.restoreOverrideCursor()
        self.tool.cancel()
        self.scene.detach()
        self.editor.surface = None
        self._shown_body = None
        self._show_mesh(loaded.mesh)
        self._set_plan_tools_enabled(False)
        notes = "; ".join(loaded.notes)
        self.statusBar().showMessage(
            f"{notes}. Plan tools are off on your own mesh: zones and points are made on the bundled "
            "bodies — switch to Female or Male to edit the plan.", 15000)
        return True

    def _ask_units(self, err: UnitsUnclearError) -> str | None:
        labels = [f"{UNIT_LABELS[u]} → {err.height * UNIT_SCALE_TO_MM[u] / 1000:.2f} m tall" for u in UNIT_SCALE_TO_MM]
        choice, ok = QInputDialog.getItem(
            self, "Which units?", f"{err}.\nThe file's tallest extent is {err.height:g}. Its units are:", labels, 0, False
        )
        return list(UNIT_SCALE_TO_MM)[labels.index(choice)] if ok else None

    # -- document ------------------------------------------------------------
    def _on_doc_changed(self, change: Change) -> None:
        plan = self.doc.plan
        if change.reset and self._shown_body != plan.body.body_id and plan.body.body_id in BUNDLED_BODIES:
            self._display_body(plan.body.body_id)  # draws the whole plan
        else:
            self.scene.apply(change, plan)
            selected = self.editor.zone_id
            if selected is not None and (selected in change.zones_changed or selected in change.zones_added):
                if self.editor.in_gesture:
                    self.scene.hide_outline()  # the border moves with every dab: redrawn when the stroke ends
                    self._outline_stale = True
                else:
                    self.scene.show_outline(plan)
        self.zone_panel.apply(change)
        self.point_panel.apply(change)
        self.summary_panel.schedule()
        self._sync_grid_actions()

    def _on_state_changed(self) -> None:
        if self._outline_stale and not self.editor.in_gesture:
            self._outline_stale = False
            self.scene.show_outline(self.doc.plan)
        history = self.doc.history
        self.undo_action.setEnabled(history.can_undo)
        self.undo_action.setText(f"&Undo {history.undo_label}" if history.can_undo else "&Undo")
        self.redo_action.setEnabled(history.can_redo)
        self.redo_action.setText(f"&Redo {history.redo_label}" if history.can_redo else "&Redo")
        self._update_title()

    def _update_title(self) -> None:
        name = self.doc.path.name if self.doc.path else "Untitled plan"
        self.setWindowTitle(f"{name}{'*' if self.doc.dirty else ''} — mesomap")

    def _on_selection_changed(self) -> None:
        zone_id, point_id = self.editor.zone_id, self.editor.point_id
        self.scene.set_zone_selected(self.doc.plan, zone_id)
        self.scene.set_point_selected(self.doc.plan, point_id)
        # Bring the panel of what was just selected to the front (the docks share one tab stack).
        if point_id is not None and point_id != self._raised_for[1]:
            self.point_panel.raise_()
        elif zone_id is not None and zone_id != self._raised_for[0]:
            self.zone_panel.raise_()
        self._raised_for = (zone_id, point_id)
        zone = self.editor.zone
        self.clear_zone_action.setEnabled(zone is not None and self.editor.enabled)
        self._sync_grid_actions()

    def commit_pending(self, layouts: bool = True) -> None:
        """End a drag and apply fields typed but not confirmed, so nothing typed is lost; with ``layouts``
        also wait for grids being laid out (a spacing just changed lands with its grid before a save or export)."""
        self.tool.cancel()
        self.zone_panel.commit_pending()
        self.point_panel.commit_pending()
        if layouts:
            self.finish_layouts()

    def finish_layouts(self, timeout_s: float = 120.0) -> bool:
        """Wait (the window repaints, input waits) until the requested grids are applied; False on timeout."""
        if not self.grids.laying_out() and not self.grids.pending:
            return True
        import time

        from PySide6.QtCore import QEventLoop

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            deadline = time.monotonic() + timeout_s
            while self.grids.pending and time.monotonic() < deadline:
                QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents, 20)
                time.sleep(0.005)
        finally:
            QApplication.restoreOverrideCursor()
        return not self.grids.pending

    def undo(self) -> None:
        self.tool.cancel()  # a stroke in progress ends (and becomes the step undone)
        self.grids.cancel_params()  # a parameter change still being laid out is dropped, not re-applied
        self.doc.undo()

    def redo(self) -> None:
        self.tool.cancel()
        self.grids.cancel_params()
        self.doc.redo()

    # -- grids ---------------------------------------------------------------
    def generate_grid(self, all_zones: bool = False) -> bool:
        """Lay out the selected zone's grid (or every zone's) in the background; one undo step."""
        if not self.editor.enabled:
            self.statusBar().showMessage("Grids are laid out on the bundled bodies: switch to Female or Male.", 8000)
            return False
        self.commit_pending(layouts=False)
        if all_zones:
            return self.grids.generate(None)
        zone = self.editor.zone
        if zone is None:
            self.statusBar().showMessage("Select a zone to lay out its grid (or Generate all).", 8000)
            return False
        return self.grids.generate([zone.id])

    def set_numbers(self, on: bool) -> None:
        self.numbers_action.setChecked(on)
        self.scene.set_numbers(self.doc.plan, on)

    def _sync_grid_actions(self) -> None:
        enabled = self.editor.enabled
        zone = self.editor.zone
        self.generate_action.setEnabled(enabled and zone is not None and len(zone.faces) > 0)
        self.generate_all_action.setEnabled(enabled and any(len(z.faces) for z in self.doc.plan.zones))
        self.clear_grid_action.setEnabled(enabled and zone is not None and bool(zone.injections))
        point = self.editor.injection_point
        self.pin_action.setEnabled(enabled and point is not None)
        unpin = point is not None and point.pinned
        self.pin_action.setText("Unpin injection" if unpin else "Pin injection")
        self.pin_action.setIconText("Unpin" if unpin else "Pin")
        self.delete_injection_action.setEnabled(enabled and point is not None)

    def _sync_busy(self, _busy: bool = False) -> None:
        text = self.grids.busy_text() or self.exporter.busy_text()
        self.busy_label.setText(text)
        self.busy_label.setVisible(bool(text))
        self.busy_bar.setVisible(bool(text))

    def _grids_replacing(self, zone_ids) -> None:
        """A new layout replaces these zones' points: a selected point of theirs is no longer the same point."""
        if self.editor.injection is not None and self.editor.injection[0] in zone_ids:
            self.editor.select_injection(None)

    def _on_preview_changed(self, zone_id: str) -> None:
        self.scene.set_preview(self.doc.plan, zone_id, self.grids.previews.get(zone_id))
        self.summary_panel.schedule()

    def _on_injection_changed(self) -> None:
        self.scene.show_marker(self.doc.plan, self.editor.injection)
        self._sync_grid_actions()
        if self.editor.injection_point is not None and self.tool.hovered is None:
            self.statusBar().showMessage(injection_text(self.doc.plan, self.surface, *self.editor.injection))

    def _on_injection_hovered(self, target) -> None:
        if target is not None:
            self.statusBar().showMessage(injection_text(self.doc.plan, self.surface, *target))
        elif self.editor.injection_point is not None:
            self.statusBar().showMessage(injection_text(self.doc.plan, self.surface, *self.editor.injection))
        else:
            self.statusBar().clearMessage()

    # -- out -----------------------------------------------------------------
    def send_to_device(self) -> None:
        """The Send to device dialog for the open plan (which it never changes)."""
        from mesomap.ui.device_dialog import DeviceDialog

        self.commit_pending()
        body_id = self.doc.plan.body.body_id
        try:
            surface = surface_for(body_id)
        except MeshLoadError as err:
            self._error("Cannot send", str(err))
            return
        dialog = DeviceDialog(self.doc.plan, surface, self.settings, self)
        self.device_dialog = dialog
        dialog.exec()

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

    # -- files ---------------------------------------------------------------
    def ask_save_changes(self) -> str:
        """'save', 'discard' or 'cancel' for the unsaved changes of the open plan."""
        name = self.doc.path.name if self.doc.path else "the new plan"
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self, "Unsaved changes", f"Save the changes to {name}?",
            buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save,
        )
        return {buttons.Save: "save", buttons.Discard: "discard"}.get(answer, "cancel")

    def maybe_save(self) -> bool:
        """True when it is fine to drop the open plan (saved, or the user said so)."""
        self.commit_pending()
        if not self.doc.dirty:
            return True
        answer = self.ask_save_changes()
        if answer == "save":
            return self.save()
        return answer == "discard"

    def new_plan(self) -> bool:
        if not self.maybe_save():
            return False
        self.doc.replace(Plan(body=self.doc.plan.body), path=None, saved=True)
        self.autosaver.clear()
        self.statusBar().showMessage("New plan", 4000)
        return True

    def open_plan_dialog(self) -> bool:
        if not self.maybe_save():
            return False
        start = str(self.settings.value("files/last_dir", str(Path.home())))
        path, _ = QFileDialog.getOpenFileName(self, "Open plan", start, PLAN_FILTER)
        return self.open_plan(path, ask=False) if path else False

    def open_plan(self, path: str | Path, ask: bool = True) -> bool:
        """Open a plan file (on its own body); a bad file shows why and the open plan stays."""
        if ask and not self.maybe_save():
            return False
        path = Path(path)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            plan = load_plan(path)
        except PlanFileError as err:
            QApplication.restoreOverrideCursor()
            self._error("Cannot open plan", str(err))
            return False
        QApplication.restoreOverrideCursor()
        self.tool.cancel()
        self.doc.replace(plan, path=path, saved=True)
        self.autosaver.clear()
        self._add_recent(path)
        self.settings.setValue("files/last_dir", str(path.parent))
        self.statusBar().showMessage(f"Opened {path.name}: {len(plan.zones)} zones, {len(plan.points)} points", 6000)
        return True

    def save(self) -> bool:
        if self.doc.path is None:
            return self.save_as()
        return self.save_to(self.doc.path)

    def save_as(self) -> bool:
        start = self.doc.path or Path(str(self.settings.value("files/last_dir", str(Path.home())))) / f"plan{SUFFIX}"
        path, _ = QFileDialog.getSaveFileName(self, "Save plan", str(start), PLAN_FILTER)
        if not path:
            return False
        if not path.endswith(SUFFIX):
            path = str(Path(path).with_suffix("")) + SUFFIX if path.endswith(".json") else path + SUFFIX
        return self.save_to(path)

    def save_to(self, path: str | Path) -> bool:
        """Write the plan to ``path`` (atomically); on failure say why and keep it unsaved."""
        self.commit_pending()
        path = Path(path)
        try:
            surface = surface_for(self.doc.plan.body.body_id)
            save_plan(self.doc.plan, path, surface)
        except (OSError, MeshLoadError) as err:
            self._error("Cannot save plan", f"{path.name}: {getattr(err, 'strerror', None) or err}")
            return False
        self.doc.mark_saved(path)
        self.autosaver.clear()
        self._add_recent(path)
        self.settings.setValue("files/last_dir", str(path.parent))
        self.statusBar().showMessage(f"Saved {path}", 6000)
        return True

    def recent_files(self) -> list[str]:
        value = self.settings.value("files/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def _set_recent(self, paths: list[str]) -> None:
        self.settings.setValue("files/recent", paths[:MAX_RECENT])

    def _add_recent(self, path: Path) -> None:
        text = str(Path(path).resolve())
        self._set_recent([text] + [p for p in self.recent_files() if p != text])

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.recent_files()
        for i, p in enumerate(paths):
            action = self.recent_menu.addAction(f"&{i + 1}  {Path(p).name}")
            action.setToolTip(p)
            action.setStatusTip(p)
            action.triggered.connect(lambda _=False, pp=p: self.open_recent(pp))
        if not paths:
            self.recent_menu.addAction("(none)").setEnabled(False)

    def open_recent(self, path: str) -> bool:
        if not Path(path).is_file():
            self._set_recent([p for p in self.recent_files() if p != path])
            self._info("File not found", f"{path} no longer exists; it was removed from the recent files.")
            return False
        return self.open_plan(path)

    # -- autosave and recovery -------------------------------------------------
    def autosave_tick(self, now: float | None = None, interval_s: float = AUTOSAVE_INTERVAL_S) -> bool:
        """Timer slot: write the autosave when the plan has unsaved changes and it is due."""
        if not self.doc.dirty or self.editor.in_gesture:
            return False
        if not self.autosaver.due(self.doc.revision, now=now, interval_s=interval_s):
            return False
        try:
            surface = surface_for(self.doc.plan.body.body_id)
            self.autosaver.save(self.doc.plan, self.doc.revision, self.doc.path, surface)
        except (OSError, MeshLoadError) as err:
            self.statusBar().showMessage(f"Autosave failed: {err}", 10000)
            return False
        return True

    def ask_restore(self, recovery: Recovery) -> bool:
        """True to restore ``recovery``, False to delete it."""
        when = _dt.datetime.fromtimestamp(recovery.saved_at).strftime("%Y-%m-%d %H:%M")
        name = recovery.original.name if recovery.original else "an unsaved plan"
        box = QMessageBox(QMessageBox.Icon.Question, "Recover plan",
                          f"mesomap did not close properly. Restore the plan from {when} ({name})?", parent=self)
        box.setInformativeText("Discard deletes this recovered copy for good.")
        restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(restore)
        box.exec()
        return box.clickedButton() is restore

    def offer_recovery(self) -> bool:
        """At start: offer autosaves left by a crash, newest first; True when one was restored."""
        for recovery in self.autosaver.leftovers():
            if not self.ask_restore(recovery):
                recovery.discard()
                continue
            try:
                plan = recovery.load()
            except PlanFileError as err:
                self._error("Cannot restore plan", f"{err} (the file stays at {recovery.autosave})")
                continue
            self.tool.cancel()
            self.doc.replace(plan, path=recovery.original, saved=False)
            recovery.discard()
            self.autosave_tick(interval_s=0)  # the restored plan is safe again at once
            self.statusBar().showMessage("Plan restored: save it to keep it", 10000)
            return True
        return False

    # -- feedback ------------------------------------------------------------
    def _show_pick(self, hit: RayHit) -> None:
        self.last_pick = hit
        x, y, z = hit.point_mm
        self.statusBar().showMessage(f"Face {hit.face} at x {x:.1f}, y {y:.1f}, z {z:.1f} mm")

    def _error(self, title: str, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        QMessageBox.critical(self, title, message)

    def _info(self, title: str, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        QMessageBox.information(self, title, message)

    def show_about(self) -> None:
        QMessageBox.about(self, "About mesomap", about_html())

    def closeEvent(self, event) -> None:  # noqa: N802
        if self._closed:
            event.accept()
            return
        if not self.maybe_save():
            event.ignore()
            return
        self._closed = True
        self.grids.close()
        self.autosave_timer.stop()
        self.autosaver.clear()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.view.close_view()
        super().closeEvent(event)
