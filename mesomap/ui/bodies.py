"""Which body is on screen: a bundled body (the plan is made on it and moves with it) or a user's own mesh.

:class:`Bodies` does the Body menu and File › Open mesh… for a MainWindow.
Switching bundled bodies moves the plan to the other body (one undo step,
except for an untouched new plan). A user mesh is only looked at: its units
are read from its height (or asked), and the plan tools are off until a
bundled body is shown again. Anything that cannot be loaded says why and the
current body stays.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QInputDialog

from mesomap.geometry.body_mesh import BodyMesh
from mesomap.io.meshes import (
    BODY_HEIGHT_RANGE_MM,
    BUNDLED_BODIES,
    MESH_SUFFIXES,
    UNIT_SCALE_TO_MM,
    MeshLoadError,
    UnitsUnclearError,
    load_mesh_file,
)
from mesomap.io.plan_file import body_ref
from mesomap.model.body_shape import body_key
from mesomap.model.plan import BodyRef
from mesomap.ui.busy import wait_cursor
from mesomap.ui.file_dialogs import ask_open_path
from mesomap.session.prefetch import surface_for
from mesomap.ui.i18n import fill_in, tr

UNIT_LABELS = {"m": "metres", "dm": "decimetres", "cm": "centimetres", "mm": "millimetres"}


def bundled_body_ref(body_id: str) -> BodyRef:
    """The plan's reference to bundled body ``body_id`` (id only when its mesh cannot be read)."""
    try:
        return body_ref(surface_for(body_id))
    except MeshLoadError:
        return BodyRef(body_id, "", "", "")


class Bodies:
    """Shows bodies in ``window`` (the MainWindow); ``shown`` is the bundled body on screen (None: a user mesh)."""

    def __init__(self, window):
        self.window = window
        self.shown: str | None = None
        self.shown_shape: tuple = ()  # the body shape on screen (mesomap.model.body_shape)
        window.session.surface_changed.connect(self._follow_shape)

    def _follow_shape(self) -> None:
        """The session moved to the same body in another shape (Body › Shape…, undo, redo): show it."""
        surface = self.window.session.surface
        if surface is None or surface.coarse.body_id != self.shown or surface.shape == self.shown_shape:
            return
        self.shown_shape = surface.shape
        self.window.view.set_body(surface.coarse, keep_camera=True)
        self.window.status.show_body(surface.coarse)

    def show_bundled_body(self, body_id: str) -> None:
        """Show a bundled body; the plan moves to it (an undoable step once the plan has content)."""
        win = self.window
        if body_id not in BUNDLED_BODIES:
            win.show_error(tr("Cannot show body"), fill_in(tr('unknown body {body_id!r}'), body_id=body_id))
            return
        plan = win.doc.plan
        if plan.body.body_id == body_id:
            self.display(body_id)
            return
        try:
            ref = replace(body_ref(surface_for(body_id)), shape=plan.body.shape)  # the other body keeps the shape
        except MeshLoadError as err:
            win.show_error(tr("Cannot show body"), str(err))
            self.sync_actions()
            return
        win.tool.cancel()
        win.session.move_to_body(ref)

    def display(self, body_id: str) -> None:
        """Put bundled body ``body_id`` and the plan on screen."""
        win = self.window
        ref = win.doc.plan.body
        try:
            if ref.body_id == body_id and ref.shape:  # the plan's body in the plan's shape
                surface = surface_for(body_key(ref))
                mesh = surface.coarse
            else:
                surface = surface_for(body_id)  # read in the background since start-up
                mesh = surface.coarse  # the bundled body (load_bundled_body) the surface was made on
        except MeshLoadError as err:
            win.show_error(tr("Cannot show body"), str(err))
            return
        self._show_mesh(mesh)
        self.shown = body_id
        self.shown_shape = surface.shape
        win.session.set_surface(surface)  # the session's scenes draw the plan on it
        win.set_plan_tools_enabled(True)
        win.settings.setValue("body/last", body_id)

    def _show_mesh(self, mesh: BodyMesh) -> None:
        win = self.window
        win.view.set_body(mesh)
        win.status.show_body(mesh)
        self.sync_actions(mesh)

    def sync_actions(self, mesh: BodyMesh | None = None) -> None:
        """Check the Body menu's action of the bundled body on screen (none for a user mesh)."""
        mesh = mesh or self.window.mesh
        for body_id, action in self.window.body_actions.items():
            action.setChecked(mesh is not None and body_id == mesh.body_id and mesh.topology is not None)

    # -- a user's own mesh ----------------------------------------------------------
    def open_mesh_dialog(self) -> None:
        patterns = " ".join(f"*{s}" for s in MESH_SUFFIXES)
        path = ask_open_path(self.window, tr("Open mesh"), fill_in(tr('Meshes ({patterns});;All files (*)'), patterns=patterns), "files/last_mesh_dir")
        if path:
            self.open_mesh(path)

    def open_mesh(self, path: str | Path, units: str | None = None) -> bool:
        """Show the mesh in ``path``; on any problem show why and keep the current body."""
        win = self.window
        try:
            with wait_cursor():
                loaded = load_mesh_file(path, units=units)
        except UnitsUnclearError as err:
            units = self._ask_units(err)
            return self.open_mesh(path, units) if units else False
        except MeshLoadError as err:
            win.show_error(tr("Cannot open mesh"), str(err))
            return False
        win.tool.cancel()
        win.session.set_surface(None)  # plan tools off; the scenes hide the plan
        self.shown = None
        self._show_mesh(loaded.mesh)
        win.set_plan_tools_enabled(False)
        notes = "; ".join(map(str, loaded.notes))
        win.statusBar().showMessage(
            fill_in(tr('{notes}. Plan tools are off on your own mesh: zones and points are made on the bundled bodies — switch to Female or Male to edit the plan.'), notes=notes), 15000)
        return True

    def _ask_units(self, err: UnitsUnclearError) -> str | None:
        """The units the user picks among those that give a body's height (None: cancelled, or none does)."""
        lo, hi = BODY_HEIGHT_RANGE_MM
        units = [u for u in UNIT_SCALE_TO_MM if lo <= err.height * UNIT_SCALE_TO_MM[u] <= hi]
        if not units:
            self.window.show_error(tr("Cannot open mesh"), fill_in(tr("{name}: its tallest extent {height:g} is no body's height ({value:g}–{value2:g} m) in any units mesomap knows"), name=err.path.name, height=err.height, value=lo / 1000, value2=hi / 1000))
            return None
        labels = [fill_in(tr('{value} → {value2:.2f} m tall'), value=UNIT_LABELS[u], value2=err.height * UNIT_SCALE_TO_MM[u] / 1000) for u in units]
        choice, ok = QInputDialog.getItem(
            self.window, tr("Which units?"), fill_in(tr("{err}.\nThe file's tallest extent is {height:g}. Its units are:"), err=err, height=err.height),
            labels, 0, False,
        )
        return units[labels.index(choice)] if ok else None
