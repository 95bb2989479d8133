"""The main window: the 3D body view, view presets, body switch, mesh opening, status bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
)

from mesomap.about import about_html
from mesomap.geometry.body_mesh import BodyMesh
from mesomap.geometry.pick import RayHit
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
from mesomap.render.camera import VIEWS
from mesomap.ui.body_view import BodyView

VIEW_KEYS = {"front": "1", "back": "2", "left": "3", "right": "4", "face": "5"}
UNIT_LABELS = {"m": "metres", "dm": "decimetres", "cm": "centimetres", "mm": "millimetres"}


def body_summary(mesh: BodyMesh) -> str:
    """Status bar text: name, triangle count, surface area in m²."""
    return f"{mesh.name}  ·  {mesh.n_faces:,} triangles  ·  {mesh.surface_area_mm2 / 1e6:.2f} m²"


class MainWindow(QMainWindow):
    """Top-level window. ``settings`` persists geometry, last body and view options."""

    def __init__(self, body_id: str | None = None, settings: QSettings | None = None):
        super().__init__()
        self.settings = settings or QSettings()
        self.setWindowTitle("mesomap")
        multi_samples = int(self.settings.value("view/multi_samples", 0))
        self.view = BodyView(self, multi_samples=multi_samples)
        self.setCentralWidget(self.view)
        self.view.picked.connect(self._show_pick)
        self.body_label = QLabel()
        self.statusBar().addPermanentWidget(self.body_label)
        self.body_actions: dict[str, QAction] = {}
        self.view_actions: dict[str, QAction] = {}
        self._build_actions()
        self.last_pick: RayHit | None = None

        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 850)
        wanted = body_id or str(self.settings.value("body/last", DEFAULT_BODY))
        self.show_bundled_body(wanted if wanted in BUNDLED_BODIES else DEFAULT_BODY)

    # -- actions -------------------------------------------------------------
    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.open_action = QAction("&Open mesh…", self, shortcut=QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.open_mesh_dialog)
        file_menu.addAction(self.open_action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

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

        toolbar.addSeparator()
        body_menu = self.menuBar().addMenu("&Body")
        group = QActionGroup(self)
        for body_id in BUNDLED_BODIES:
            action = QAction(body_id.capitalize(), self, checkable=True)
            action.setToolTip(f"Show the neutral {body_id} body")
            action.triggered.connect(lambda _=False, b=body_id: self.show_bundled_body(b))
            group.addAction(action)
            toolbar.addAction(action)
            body_menu.addAction(action)
            self.body_actions[body_id] = action

        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About mesomap", self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    # -- bodies --------------------------------------------------------------
    def show_bundled_body(self, body_id: str) -> None:
        try:
            mesh = load_bundled_body(body_id)
        except MeshLoadError as err:
            self._error("Cannot show body", str(err))
            return
        self._show_mesh(mesh)
        self.settings.setValue("body/last", body_id)

    def _show_mesh(self, mesh: BodyMesh) -> None:
        self.view.set_body(mesh)
        for body_id, action in self.body_actions.items():
            action.setChecked(body_id == mesh.body_id and mesh.topology is not None)
        self.body_label.setText(body_summary(mesh))
        self.setWindowTitle(f"mesomap — {mesh.name}")

    @property
    def mesh(self) -> BodyMesh | None:
        return self.view.mesh

    def open_mesh_dialog(self) -> None:
        patterns = " ".join(f"*{s}" for s in MESH_SUFFIXES)
        start = str(self.settings.value("files/last_dir", str(Path.home())))
        path, _ = QFileDialog.getOpenFileName(self, "Open mesh", start, f"Meshes ({patterns});;All files (*)")
        if path:
            self.settings.setValue("files/last_dir", str(Path(path).parent))
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
        self._show_mesh(loaded.mesh)
        self.statusBar().showMessage("; ".join(loaded.notes), 8000)
        return True

    def _ask_units(self, err: UnitsUnclearError) -> str | None:
        labels = [f"{UNIT_LABELS[u]} → {err.height * UNIT_SCALE_TO_MM[u] / 1000:.2f} m tall" for u in UNIT_SCALE_TO_MM]
        choice, ok = QInputDialog.getItem(
            self, "Which units?", f"{err}.\nThe file's tallest extent is {err.height:g}. Its units are:", labels, 0, False
        )
        return list(UNIT_SCALE_TO_MM)[labels.index(choice)] if ok else None

    # -- feedback ------------------------------------------------------------
    def _show_pick(self, hit: RayHit) -> None:
        self.last_pick = hit
        x, y, z = hit.point_mm
        self.statusBar().showMessage(f"Face {hit.face} at x {x:.1f}, y {y:.1f}, z {z:.1f} mm")

    def _error(self, title: str, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        QMessageBox.critical(self, title, message)

    def show_about(self) -> None:
        QMessageBox.about(self, "About mesomap", about_html())

    def closeEvent(self, event) -> None:  # noqa: N802
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.view.close_view()
        super().closeEvent(event)
