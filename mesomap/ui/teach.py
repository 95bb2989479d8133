"""What trainers use in the window (issue 14): the Teach menu, the Lesson and Quiz docks and the technique depth
view (View › Technique depth).

:func:`install` makes them for a MainWindow and keeps them as its attributes: ``window.depth_panel``
(:mod:`mesomap.ui.depth_view_widget`), ``window.lesson_panel`` and ``window.lessons`` (the lesson session,
:mod:`mesomap.ui.lesson_panel`), ``window.quiz_panel`` and ``window.quiz`` (:mod:`mesomap.ui.quiz_panel`), and
the actions (``window.record_step_action``, ``window.next_step_action``…), where the tests trigger them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from mesomap.ui.depth_view_widget import DepthViewPanel
from mesomap.ui.lesson_panel import LessonPanel
from mesomap.ui.menus import make_action
from mesomap.ui.quiz_panel import QuizPanel
from mesomap.ui.i18n import tr

#: The keys that walk a lesson: what presentation clickers send, and the arrow keys.
NEXT_KEYS = ["PgDown", "Right"]
PREVIOUS_KEYS = ["PgUp", "Left"]


def install(w) -> None:
    """The depth view (with the Summary, on the right), the Lesson and Quiz docks (on the left, shown when
    used) and the Teach menu of MainWindow ``w``; call before the window restores its saved layout."""
    w.depth_panel = DepthViewPanel(w.session, w)
    w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, w.depth_panel)
    w.tabifyDockWidget(w.summary_panel, w.depth_panel)
    w.summary_panel.raise_()
    w.lesson_panel = LessonPanel(w)
    w.lessons = w.lesson_panel.lessons
    w.quiz_panel = QuizPanel(w)
    w.quiz = w.quiz_panel.quiz
    left = Qt.DockWidgetArea.LeftDockWidgetArea
    w.addDockWidget(left, w.lesson_panel)
    w.addDockWidget(left, w.quiz_panel, Qt.Orientation.Vertical)
    w.lesson_panel.hide()
    w.quiz_panel.hide()
    _view_menu(w)
    _teach_menu(w)
    w.lesson_panel.rebuild()


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
    lp, qp = w.lesson_panel, w.quiz_panel
    w.new_lesson_action = make_action(w, tr("&New lesson"), lambda: lp.new_lesson(), None,
                                      tr("Start a lesson on the open plan: record steps from what is on screen"))
    w.open_lesson_action = make_action(w, tr("&Open lesson…"), lambda: lp.open_dialog(), None,
                                       tr("Open a lesson and the plan it holds, at its first step"))
    w.save_lesson_action = make_action(w, tr("&Save lesson"), lambda: lp.save(), None,
                                       tr("Save the lesson with the open plan in it"))
    w.save_lesson_as_action = make_action(w, tr("Save lesson &as…"), lambda: lp.save_as(), None)
    w.record_step_action = make_action(w, tr("&Record step"), lambda: lp.record(), "Ctrl+Shift+R",
                                       tr("Add a step: the camera, the zones and points shown, the selected zone "
                                       "highlighted, the caption and notes typed (Ctrl+Shift+R)"))
    w.next_step_action = make_action(w, tr("Ne&xt step"), lambda: lp.next(), list(NEXT_KEYS),
                                     tr("Show the lesson's next step (Page Down or →, what clickers send)"))
    w.previous_step_action = make_action(w, tr("&Previous step"), lambda: lp.previous(),
                                         list(PREVIOUS_KEYS),
                                         tr("Show the lesson's previous step (Page Up or ←)"))
    w.quiz_action = make_action(w, tr("&Quiz…"), lambda: qp.start_dialog(), None,
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
    for dock, text in ((lp, tr("Lesson panel")), (qp, tr("Quiz panel"))):
        toggle = dock.toggleViewAction()
        toggle.setText(text)
        menu.addAction(toggle)
