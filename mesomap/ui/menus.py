"""The main window's menus and toolbars: every QAction with its text, shortcut, tip and place.

:func:`build_menus` makes the File, Edit, View, Body, Tools, Zone, Grid and Help menus and the View,
Tools and "Grid and output" toolbars of a :class:`~mesomap.ui.main_window.MainWindow`, and keeps
the actions as the window's attributes (``window.save_action``, ``window.mode_actions[Mode.PAINT]``,
``window.body_actions["male"]``…), where the window enables them and the tests trigger them.
What an action does lives with its concern: the window's own slots, :mod:`mesomap.ui.plan_files`,
:mod:`mesomap.ui.bodies`, :mod:`mesomap.ui.grid_actions`, the exporter and the point importer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QSlider, QSpinBox, QToolBar

from mesomap.geometry.brush_limits import BRUSH_MAX_MM, BRUSH_MIN_MM
from mesomap.io.meshes import BUNDLED_BODIES
from mesomap.render.camera import VIEWS
from mesomap.ui import import_actions, scan_import
from mesomap.session.session import Mode
from mesomap.ui.export_actions import EXPORT_KEYS, export_words
from mesomap.ui.preferences import preferences_action
from mesomap.ui.i18n import BODY_WORDS, QT_TR_NOOP, VIEW_WORDS, fill_in, tr, unit, word

VIEW_KEYS = {"front": "1", "back": "2", "left": "3", "right": "4", "face": "5"}
MIRROR_TIP = (
    QT_TR_NOOP("Mirror (M): every stroke also paints its mirror image across the midline.\n"
    "A midline or bilateral zone gets both halves. A left or right zone sends the mirror half\n"
    "to its partner zone for the other side (same template, or the same name with left/right\n"
    "swapped), which the first mirrored stroke creates when it is missing. Erasing mirrors the same way.")
)
#: The tool modes: (mode, text, shortcut keys, tip).
MODES = (
    (Mode.NAVIGATE, QT_TR_NOOP("Navigate"), ["N", "Esc"], QT_TR_NOOP("Navigate (N, Esc): left-drag orbits, right-drag zooms, "
                                              "middle-drag pans; click a zone or point to select it")),
    (Mode.PAINT, QT_TR_NOOP("Paint"), "B", QT_TR_NOOP("Paint (B): left-drag paints the selected zone on the visible skin.\n"
                               "Right/middle-drag and the wheel still move the camera; Ctrl+wheel sizes the brush.")),
    (Mode.ERASE, QT_TR_NOOP("Erase"), "E", QT_TR_NOOP("Erase (E): left-drag removes skin from the selected zone")),
    (Mode.FILL, QT_TR_NOOP("Fill"), "F", QT_TR_NOOP("Fill (F): paint a closed outline, then click inside it to add its inside "
                             "to the selected zone (one undo step)")),
    (Mode.POINT, QT_TR_NOOP("Place point"), "P", QT_TR_NOOP("Place point (P): click the skin to place a custom reflex point; "
                                     "drag a point to move it")),
    (Mode.INJECT, QT_TR_NOOP("Injections"), "I", QT_TR_NOOP("Edit injections (I): click inside a gridded zone to add a "
                                     "(pinned) injection point, drag a point to move it over the skin;\n"
                                     "Del deletes the selected point, Shift+P pins or unpins it")),
)


def make_action(parent, text: str, slot, shortcut=None, tip: str | None = None, checkable: bool = False) -> QAction:
    """An action with one or more shortcuts (``shortcut``: a key, a StandardKey or a list of them); the
    tip's first line is also its status tip."""
    action = QAction(text, parent)
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


def build_menus(window) -> None:
    """Every menu and toolbar of ``window``, in their order on screen."""
    window.body_actions: dict[str, QAction] = {}
    window.view_actions: dict[str, QAction] = {}
    window.mode_actions: dict[Mode, QAction] = {}
    _file_menu(window)
    _edit_menu(window)
    view_bar, view_menu = _view_menu(window)
    _body_menu(window, view_bar)
    _tools(window)
    _zone_menu(window)
    _grid(window, view_menu)
    _records_menu(window)
    _help_menu(window)


def _file_menu(w) -> None:
    file_menu = w.menuBar().addMenu(tr("&File"))
    w.new_action = make_action(w, tr("&New plan"), lambda: w.files.new_plan(), QKeySequence.StandardKey.New)
    w.open_plan_action = make_action(w, tr("&Open plan…"), lambda: w.files.open_plan_dialog(), QKeySequence.StandardKey.Open)
    w.recent_menu = file_menu.addMenu(tr("Open &recent"))
    w.recent_menu.aboutToShow.connect(w.files.fill_recent_menu)
    w.save_action = make_action(w, tr("&Save"), lambda: w.files.save(), QKeySequence.StandardKey.Save)
    w.save_as_action = make_action(w, tr("Save &as…"), lambda: w.files.save_as(), "Ctrl+Shift+S")
    w.open_mesh_action = make_action(w, tr("Open &mesh…"), lambda: w.bodies.open_mesh_dialog(), "Ctrl+Shift+O",
                                     tr("Look at your own body scan (plans are made on the bundled bodies)"))
    w.import_scan_action = make_action(w, tr(scan_import.MENU_TEXT), lambda: w.scans.dialog(), None, tr(scan_import.TIP))
    quit_action = make_action(w, tr("&Quit"), w.close, QKeySequence.StandardKey.Quit)
    file_menu.insertAction(w.recent_menu.menuAction(), w.new_action)
    file_menu.insertAction(w.recent_menu.menuAction(), w.open_plan_action)
    for action in (w.save_action, w.save_as_action):
        file_menu.addAction(action)
    file_menu.addSeparator()
    w.import_points_action = make_action(w, tr(import_actions.MENU_TEXT), lambda: w.point_importer.ask_and_import(),
                                         None, tr(import_actions.TIP))
    file_menu.addAction(w.import_points_action)
    w.export_menu = file_menu.addMenu(tr("&Export"))
    w.export_actions = {}
    for key in EXPORT_KEYS:  # the export registry's formats, in its order (the registry loads on first export)
        text, tip, _title = export_words(key)
        action = make_action(w, text, lambda _=False, k=key: w.exporter.export(k), None, tip)
        w.export_menu.addAction(action)
        w.export_actions[key] = action
    w.print_action = make_action(w, tr("&Print / Export PDF…"), lambda: w.exporter.export("pdf"),
                                 QKeySequence.StandardKey.Print,
                                 tr("Save the printable session sheet as a PDF (open it to print)"))
    w.send_action = make_action(w, tr("Send to &device…"), lambda: w.send_to_device(), "Ctrl+Shift+D",
                                tr("Check the plan against an injection device's profile and send it over a serial port"))
    file_menu.addAction(w.print_action)
    file_menu.addAction(w.send_action)
    file_menu.addSeparator()
    file_menu.addAction(w.open_mesh_action)
    file_menu.addAction(w.import_scan_action)
    file_menu.addSeparator()
    file_menu.addAction(quit_action)


def _edit_menu(w) -> None:
    edit_menu = w.menuBar().addMenu(tr("&Edit"))
    w.undo_action = make_action(w, tr("&Undo"), lambda: w.undo(), QKeySequence.StandardKey.Undo)
    w.redo_action = make_action(w, tr("&Redo"), lambda: w.redo(), ["Ctrl+Shift+Z", "Ctrl+Y"])
    edit_menu.addAction(w.undo_action)
    edit_menu.addAction(w.redo_action)
    edit_menu.addSeparator()
    w.preferences_action = preferences_action(w)
    edit_menu.addAction(w.preferences_action)


def _view_menu(w) -> tuple[QToolBar, QMenu]:
    """The camera presets and Reset view (keys 1–5, 0) in the View menu and toolbar; the Panels submenu."""
    toolbar = w.addToolBar(tr("View"))
    toolbar.setObjectName("view-toolbar")
    view_menu = w.menuBar().addMenu(tr("&View"))
    for name in VIEWS:
        action = QAction(word(VIEW_WORDS, name), w, shortcut=VIEW_KEYS[name])
        action.setToolTip(fill_in(tr('{label} view ({value})'), label=word(VIEW_WORDS, name), value=VIEW_KEYS[name]))
        action.triggered.connect(lambda _=False, n=name: w.view.set_view(n))
        w.view_actions[name] = action
        toolbar.addAction(action)
        view_menu.addAction(action)
    w.reset_action = QAction(tr("Reset view"), w, shortcut=QKeySequence("0"))
    w.reset_action.setToolTip(tr("Whole body from the front (0)"))
    w.reset_action.triggered.connect(w.view.reset_view)
    toolbar.addAction(w.reset_action)
    view_menu.addSeparator()
    view_menu.addAction(w.reset_action)
    view_menu.addSeparator()
    w.present_action = make_action(w, tr("&Present"), lambda: w.present.toggle(), "F5",
                                   tr("Presentation mode (F5): the body full screen, or on a second screen for the room; "
                                   "Esc leaves"), checkable=True)
    view_menu.addAction(w.present_action)
    w.present_menu = view_menu.addMenu(tr("Presentation"))  # filled by window.present (mesomap.ui.present)
    view_menu.addSeparator()
    w.docks_menu = view_menu.addMenu(tr("Panels"))
    return toolbar, view_menu


def _body_menu(w, toolbar: QToolBar) -> None:
    """One checkable action per bundled body, in the Body menu and after the views on the toolbar."""
    toolbar.addSeparator()
    body_menu = w.menuBar().addMenu(tr("&Body"))
    group = QActionGroup(w)
    for body_id in BUNDLED_BODIES:
        action = QAction(word(BODY_WORDS, body_id), w, checkable=True)
        action.setToolTip(fill_in(tr("Show the neutral {body} body (the plan moves with it)"), body=word(BODY_WORDS, body_id).lower()))
        action.triggered.connect(lambda _=False, b=body_id: w.bodies.show_bundled_body(b))
        group.addAction(action)
        toolbar.addAction(action)
        body_menu.addAction(action)
        w.body_actions[body_id] = action
    body_menu.addSeparator()
    w.shape_action = make_action(w, tr("&Shape…"), w.open_shape_panel, None,
                                 tr("Give the body the patient's height, weight and build (the plan follows)"))
    body_menu.addAction(w.shape_action)
    body_menu.addAction(w.import_scan_action)


def _tools(w) -> None:
    """The tool modes, Mirror, the brush radius and Clear zone (Tools menu and toolbar)."""
    tools = w.addToolBar(tr("Tools"))
    tools.setObjectName("tools-toolbar")
    tools_menu = w.menuBar().addMenu(tr("&Tools"))
    modes = QActionGroup(w)
    for mode, text, keys, tip in MODES:
        action = make_action(w, tr(text), None, keys, tr(tip), checkable=True)
        action.triggered.connect(lambda _=False, m=mode: w.editor.set_mode(m))
        modes.addAction(action)
        tools.addAction(action)
        tools_menu.addAction(action)
        w.mode_actions[mode] = action
    w.mode_actions[Mode.NAVIGATE].setChecked(True)
    w.mirror_action = make_action(w, tr("Mirror"), lambda on: w.editor.set_mirror(on), "M", tr(MIRROR_TIP), True)
    tools.addAction(w.mirror_action)
    tools_menu.addSeparator()
    tools_menu.addAction(w.mirror_action)
    tools.addSeparator()
    tools.addWidget(QLabel(tr(" Brush ")))
    w.radius_slider = QSlider(Qt.Orientation.Horizontal)
    w.radius_slider.setRange(int(BRUSH_MIN_MM), int(BRUSH_MAX_MM))
    w.radius_slider.setFixedWidth(100)
    w.radius_spin = QSpinBox()
    w.radius_spin.setRange(int(BRUSH_MIN_MM), int(BRUSH_MAX_MM))
    w.radius_spin.setSuffix(" " + unit("mm"))
    for widget in (w.radius_slider, w.radius_spin):
        widget.setToolTip(tr("Brush radius on the skin, 1–100 mm (Ctrl+wheel in the view)"))
        widget.valueChanged.connect(lambda v: w.editor.set_radius(v))
        tools.addWidget(widget)
    w.clear_zone_action = make_action(w, tr("Clear zone"), lambda: w.editor.clear_zone(), None,
                                      tr("Remove every painted face from the selected zone (undoable)"))
    tools_menu.addAction(w.clear_zone_action)
    w._sync_brush_widgets()


def _zone_menu(w) -> None:
    """The Zone menu: whole-zone operations (also in the zones list's context menu)."""
    zone_menu = w.menuBar().addMenu(tr("&Zone"))
    w.mirror_zone_action = make_action(w, tr("Mirror to other side"), lambda: w.editor.mirror_zone(), "Ctrl+M",
                                       tr("Copy the selected left or right zone to the other side of the body: "
                                       "its faces, parameters and grid (Ctrl+M; one undo step)"))
    zone_menu.addAction(w.mirror_zone_action)
    zone_menu.addAction(w.mode_actions[Mode.FILL])
    w.zone_panel.set_zone_actions([w.mirror_zone_action])


def _grid(w, view_menu: QMenu) -> None:
    """Generate, Clear grid, the injection point actions and order numbers (Grid menu), and the
    "Grid and output" toolbar on its own row."""
    w.addToolBarBreak()
    grid_bar = w.addToolBar(tr("Grid and output"))
    grid_bar.setObjectName("grid-toolbar")
    grid_menu = w.menuBar().addMenu(tr("&Grid"))
    w.generate_action = make_action(w, tr("Generate grid"), lambda: w.grid_actions.generate(), "Ctrl+G",
                                    tr("Lay out the selected zone's injection points (Ctrl+G); pinned points "
                                    "are kept. One undo step"))
    w.generate_all_action = make_action(w, tr("Generate all"), lambda: w.grid_actions.generate(all_zones=True), "Ctrl+Shift+G",
                                        tr("Lay out every zone's injection points (Ctrl+Shift+G), as one undo step"))
    w.clear_grid_action = make_action(w, tr("Clear grid"), lambda: w.editor.clear_grid(), None,
                                      tr("Remove the selected zone's injection points (undoable)"))
    w.cancel_layouts_action = make_action(w, tr("Cancel layout"), lambda: w.grids.cancel_layouts(), "Ctrl+.",
                                          tr("Stop the layouts still running (Ctrl+.); the grids stay as they were"))
    w.cancel_layouts_action.setEnabled(False)
    w.pin_action = make_action(w, tr("Pin"), lambda: w.editor.set_injection_pinned(None), "Shift+P",
                               tr("Pin or unpin the selected injection point (Shift+P): pinned points stay "
                               "where they are when the grid is laid out again"))
    w.delete_injection_action = make_action(w, tr("Delete"), lambda: w.editor.delete_injection(),
                                            [QKeySequence.StandardKey.Delete, "Backspace"],
                                            tr("Delete the selected injection point (Del; undoable)"))
    w.numbers_action = make_action(w, tr("Numbers"), lambda on: w.grid_actions.set_numbers(on), "O",
                                   tr("Show injection order numbers (O): each zone's first and last and "
                                   "every tenth, numbered as exported"), checkable=True)
    # menus say what an action does; toolbar and panel buttons keep the short words
    for action, text in ((w.generate_all_action, tr("Generate all grids")),
                         (w.mode_actions[Mode.INJECT], tr("Edit injection points")),
                         (w.pin_action, tr("Pin injection")), (w.delete_injection_action, tr("Delete injection")),
                         (w.numbers_action, tr("Show order numbers"))):
        short = action.text()
        action.setText(text)
        action.setIconText(short)
    for action in (w.generate_action, w.generate_all_action, w.clear_grid_action, w.cancel_layouts_action):
        grid_menu.addAction(action)
    grid_menu.addSeparator()
    grid_menu.addAction(w.mode_actions[Mode.INJECT])
    grid_menu.addAction(w.pin_action)
    grid_menu.addAction(w.delete_injection_action)
    grid_menu.addSeparator()
    grid_menu.addAction(w.numbers_action)
    for action in (w.generate_action, w.generate_all_action, w.numbers_action):
        grid_bar.addAction(action)
    grid_bar.addSeparator()
    grid_bar.addAction(w.print_action)
    grid_bar.addAction(w.send_action)
    view_menu.addAction(w.numbers_action)


def _records_menu(w) -> None:
    """Patients, courses and sessions, the lot recall and the database (:mod:`mesomap.ui.records_actions`)."""
    menu = w.menuBar().addMenu(tr("&Records"))
    w.patients_action = make_action(w, tr("&Patients…"), lambda: w.records.show_patients(), "Ctrl+Shift+P",
                                    tr("The patient list and each patient's courses and sessions (Ctrl+Shift+P)"))
    w.recall_action = make_action(w, tr("&Recall lot…"), lambda: w.records.show_recall(), None,
                                  tr("Which patients received a product lot, with dates and contact"))
    w.database_action = make_action(w, tr("&Database…"), lambda: w.records.show_database(), None,
                                    tr("Which records database this station uses"))
    for action in (w.patients_action, w.recall_action, w.database_action):
        menu.addAction(action)


def _help_menu(w) -> None:
    """The user guide (F1), the shortcut sheet and the start hint (:mod:`mesomap.ui.help`), About."""
    help_menu = w.menuBar().addMenu(tr("&Help"))
    w.guide_action = make_action(w, tr("&User guide"), lambda: w.help.show_guide(), QKeySequence.StandardKey.HelpContents,
                                 tr("The daily flow, step by step (F1)"))
    w.shortcuts_action = make_action(w, tr("&Keyboard shortcuts"), lambda: w.help.show_shortcuts(), None,
                                     tr("Every keyboard shortcut of the window"))
    w.start_hint_action = make_action(w, tr("Show &start hint"), lambda: w.help.show_start_hint(), None,
                                      tr("The three first steps: pick a zone, lay it out, export"))
    for action in (w.guide_action, w.shortcuts_action, w.start_hint_action):
        help_menu.addAction(action)
    help_menu.addSeparator()
    about = QAction(tr("&About mesomap"), w)
    about.triggered.connect(w.show_about)
    help_menu.addAction(about)
