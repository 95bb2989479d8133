"""What trainers use in the window (issue 14): the Teach menu, the Lesson and Quiz docks and the technique depth
view (View › Technique depth).

:func:`install` makes them for a MainWindow and keeps them as its attributes: ``window.depth_panel``
(:mod:`mesomap.ui.depth_view_widget`), ``window.lesson_panel`` and ``window.lessons`` (the lesson session,
:mod:`mesomap.ui.lesson_panel`), ``window.quiz_panel`` and ``window.quiz`` (:mod:`mesomap.ui.quiz_panel`), and
the actions (``window.record_step_action``, ``window.next_step_action``…), where the tests trigger them.

The Lesson and Quiz docks are hidden at start, so they are made when first used (:class:`TeachDocks`: a Teach
menu entry, ``window.lesson_panel``, or a saved layout that had them shown) and their modules load then, not
with the window (issue 18, launch). Their menu entries, keys and places are the same from the start.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget

from mesomap.ui.depth_view_widget import DepthViewPanel
from mesomap.ui.menus import make_action
from mesomap.ui.i18n import tr

#: The keys that walk a lesson: what presentation clickers send, and the arrow keys.
NEXT_KEYS = ["PgDown", "Right"]
PREVIOUS_KEYS = ["PgUp", "Left"]


#: The object names of the docks made on first use (the saved layout knows them by these).
LESSON_DOCK, QUIZ_DOCK = "lesson-dock", "quiz-dock"


class TeachDocks:
    """The Lesson and Quiz docks of MainWindow ``w``, each made the first time it is asked for, on the left
    where the saved layout had it (hidden when it had none, as at a first start)."""

    def __init__(self, w):
        self.w = w
        self.built: dict[str, QDockWidget] = {}
        self.toggles: dict[str, QAction] = {}  # the Teach menu's show/hide entries, made before the docks

    def lesson_panel(self):
        if LESSON_DOCK not in self.built:
            from mesomap.ui.lesson_panel import LessonPanel

            self._place(LessonPanel(self.w))  # its first rebuild sets the Teach menu's entries as before
        return self.built[LESSON_DOCK]

    def quiz_panel(self):
        if QUIZ_DOCK not in self.built:
            from mesomap.ui.quiz_panel import QuizPanel

            self._place(QuizPanel(self.w))
        return self.built[QUIZ_DOCK]

    def get(self, name: str) -> QDockWidget:
        return self.lesson_panel() if name == LESSON_DOCK else self.quiz_panel()

    def _place(self, dock: QDockWidget) -> None:
        w, name = self.w, dock.objectName()
        self.built[name] = dock
        if not w.restoreDockWidget(dock):  # else the place, size and visibility the saved layout had
            left = Qt.DockWidgetArea.LeftDockWidgetArea
            if name == QUIZ_DOCK:  # below the Lesson dock
                w.addDockWidget(left, dock, Qt.Orientation.Vertical)
            else:
                w.addDockWidget(left, dock)
            dock.hide()
        toggle, own = self.toggles.get(name), dock.toggleViewAction()
        if toggle is not None:  # the menu entry follows the dock from now on
            toggle.setChecked(own.isChecked())
            own.toggled.connect(toggle.setChecked)

    def toggle(self, name: str, on: bool) -> None:
        """The Teach menu's Lesson panel / Quiz panel entry: show (on top of its tab group) or hide the dock."""
        dock = self.get(name)
        dock.setVisible(on)
        if on:
            dock.raise_()

    def shown(self) -> list[str]:
        """The object names of the docks made and not hidden (for the saved layout)."""
        return [name for name, dock in self.built.items() if not dock.isHidden()]


def install(w) -> None:
    """The depth view (a tab beside the Summary: :meth:`mesomap.ui.docks.DockLayout.arrange` places it), the
    Lesson and Quiz docks (on the left, shown when used, made on first use) and the Teach menu of MainWindow
    ``w``; call before the window arranges its docks and restores its saved layout."""
    w.depth_panel = DepthViewPanel(w.session, w)
    w.teach_docks = TeachDocks(w)
    w.docks.lazy.update({LESSON_DOCK: w.teach_docks.lesson_panel, QUIZ_DOCK: w.teach_docks.quiz_panel})
    _view_menu(w)
    _teach_menu(w)
    for action in (w.next_step_action, w.previous_step_action, w.save_lesson_action, w.save_lesson_as_action):
        action.setEnabled(False)  # no lesson yet (the Lesson dock keeps them in step once made)


def _view_menu(w) -> None:
    view_menu = next(a.menu() for a in w.menuBar().actions() if a.text() == tr("&View"))
    w.depth_view_action = w.depth_panel.toggleViewAction()
    w.depth_view_action.setText(tr("Technique &depth"))
    w.depth_view_action.setToolTip(tr("The selected zone's skin cross-section with the needle at its depth, to scale"))
    w.depth_panel.visibilityChanged.connect(lambda on: on and w.depth_panel.refresh())
    view_menu.insertAction(w.docks_menu.menuAction(), w.depth_view_action)


def _teach_menu(w) -> None:
    menu = w.menuBar().addMenu(tr("T&each"))
    help_action = next((a for a in w.menuBar().actions() if a.text() == tr("&Help")), None)
    if help_action is not None:  # Teach before Help
        w.menuBar().insertMenu(help_action, menu)
    def lp():
        return w.lesson_panel

    def qp():
        return w.quiz_panel

    w.new_lesson_action = make_action(w, tr("&New lesson"), lambda: lp().new_lesson(), None,
                                      tr("Start a lesson on the open plan: record steps from what is on screen"))
    w.open_lesson_action = make_action(w, tr("&Open lesson…"), lambda: lp().open_dialog(), None,
                                       tr("Open a lesson and the plan it holds, at its first step"))
    w.save_lesson_action = make_action(w, tr("&Save lesson"), lambda: lp().save(), None,
                                       tr("Save the lesson with the open plan in it"))
    w.save_lesson_as_action = make_action(w, tr("Save lesson &as…"), lambda: lp().save_as(), None)
    w.record_step_action = make_action(w, tr("&Record step"), lambda: lp().record(), "Ctrl+Shift+R",
                                       tr("Add a step: the camera, the zones and points shown, the selected zone "
                                       "highlighted, the caption and notes typed (Ctrl+Shift+R)"))
    w.next_step_action = make_action(w, tr("Ne&xt step"), lambda: lp().next(), list(NEXT_KEYS),
                                     tr("Show the lesson's next step (Page Down or →, what clickers send)"))
    w.previous_step_action = make_action(w, tr("&Previous step"), lambda: lp().previous(),
                                         list(PREVIOUS_KEYS),
                                         tr("Show the lesson's previous step (Page Up or ←)"))
    w.quiz_action = make_action(w, tr("&Quiz…"), lambda: qp().start_dialog(), None,
                                tr("Ask a student for zones and points of the open plan, on a clean body, and score them"))
    for action in (w.new_lesson_action, w.open_lesson_action, w.save_lesson_action, w.save_lesson_as_action):
        menu.addAction(action)
    menu.addSeparator()
    for action in (w.record_step_action, w.next_step_action, w.previous_step_action):
        menu.addAction(action)
        w.addAction(action)  # the keys work wherever the focus is in the window, the menu closed
    menu.addSeparator()
    menu.addAction(w.quiz_action)
    menu.addSeparator()
    for name, text in ((LESSON_DOCK, tr("Lesson panel")), (QUIZ_DOCK, tr("Quiz panel"))):
        toggle = QAction(text, w)  # as the dock's own toggle, which it follows once the dock is made
        toggle.setCheckable(True)
        toggle.triggered.connect(lambda on, n=name: w.teach_docks.toggle(n, on))
        w.teach_docks.toggles[name] = toggle
        menu.addAction(toggle)
