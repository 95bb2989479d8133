"""The Lesson dock and the lesson files (Teach › New lesson, Open lesson…, Save lesson, Record step, Next and
Previous step): a trainer records steps from what is on screen, reorders (Up/Down or drag), deletes and
edits them (caption, notes), and walks through them with Page Down / Page Up — what presentation clickers
send — or the Right / Left arrow keys.

The lesson and its operations belong to :class:`mesomap.session.lessons.LessonSession`
(``window.lessons``); this module shows them, asks for file names, and moves the 3D view's camera.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDockWidget, QFileDialog, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QMessageBox, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from mesomap.io.lesson_file import SUFFIX, LessonFileError
from mesomap.io.meshes import MeshLoadError
from mesomap.model.lesson import Animation, Camera
from mesomap.model.messages import MessageError
from mesomap.render.camera import CameraPose
from mesomap.render.lesson_png import camera_pose, lesson_camera
from mesomap.render.scene import apply_camera
from mesomap.session.lessons import LessonSession
from mesomap.ui.i18n import QT_TR_NOOP, fill_in, tr

LESSON_FILTER = QT_TR_NOOP("mesomap lessons (*{suffix});;All files (*)")


def view_camera(view) -> Camera:
    """The lesson camera of the 3D view ``view`` (a BodyView) as it is now."""
    cam = view.plotter.camera
    return lesson_camera(CameraPose(tuple(cam.position), tuple(cam.focal_point), tuple(cam.up), cam.view_angle))


def show_camera(view, camera: Camera) -> None:
    """Put the 3D view's camera where a step keeps it, and render."""
    apply_camera(view.plotter, camera_pose(camera))
    view._framed = False  # no longer a preset: a resize keeps this camera
    view.plotter.render()


class _StepList(QListWidget):
    """The steps, reorderable by dragging; a drop tells the lesson (the list is rebuilt from it)."""

    def __init__(self, panel: LessonPanel):
        super().__init__()
        self.panel = panel
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setWordWrap(True)  # long captions on several lines, not cut off

    def dropEvent(self, event) -> None:  # noqa: N802
        """The selected step dropped: above or below the row under the pointer (the list is rebuilt from the
        lesson, so Qt moves nothing itself)."""
        source = self.currentRow()
        target = drop_row(self, event.position().toPoint(), source)
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if source >= 0 and target != source:
            self.panel.move_to(source, target)


def drop_row(view: QListWidget, pos, source: int) -> int:
    """Where the row ``source`` goes when dropped at ``pos``: before the row under it (upper half) or after it
    (lower half), at the end below the last row."""
    index = view.indexAt(pos)
    if not index.isValid():
        before = view.count()
    else:
        rect = view.visualRect(index)
        before = index.row() + (1 if pos.y() > rect.center().y() else 0)
    return before - 1 if before > source else before


class LessonPanel(QDockWidget):
    """The Lesson dock of ``window``: the title, the steps, the buttons, the step's caption and notes."""

    def __init__(self, window):
        super().__init__(tr("Lesson"), window)
        self.setObjectName("lesson-dock")
        self.window_ = window
        self.lessons = LessonSession(window.session)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.title = QLabel()
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.steps = _StepList(self)
        self.steps.currentRowChanged.connect(self._row_changed)
        self.steps.itemDoubleClicked.connect(lambda _item: self.go(self.steps.currentRow()))
        layout.addWidget(self.steps, 1)
        row = QHBoxLayout()
        self.record_button = QPushButton(tr("Record step"))
        self.record_button.setToolTip(tr("Add a step from what is on screen: the camera, the zones and points shown "
                                      "and the selected zone (highlighted)"))
        self.record_button.clicked.connect(lambda: self.record())
        self.up_button = QPushButton(tr("Up"))
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button = QPushButton(tr("Down"))
        self.down_button.clicked.connect(lambda: self.move(+1))
        self.delete_button = QPushButton(tr("Delete"))
        self.delete_button.clicked.connect(self.delete)
        for b in (self.record_button, self.up_button, self.down_button, self.delete_button):
            row.addWidget(b)
        layout.addLayout(row)
        self.points_box = QCheckBox(tr("Show the reflex points"))
        self.points_box.setToolTip(tr("Show or hide every reflex point on the body (a step records which are shown)"))
        self.points_box.setChecked(True)
        self.points_box.toggled.connect(self.show_points)
        window.session.points_visibility_changed.connect(self._sync_points_box)
        layout.addWidget(self.points_box)
        layout.addWidget(QLabel(tr("Caption (for the room and the handout)")))
        self.caption = QLineEdit()
        self.caption.editingFinished.connect(self.apply_text)
        layout.addWidget(self.caption)
        layout.addWidget(QLabel(tr("Notes (for you only)")))
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(90)
        layout.addWidget(self.notes)
        self.apply_button = QPushButton(tr("Apply caption and notes"))
        self.apply_button.clicked.connect(self.apply_text)
        layout.addWidget(self.apply_button)
        self.setWidget(body)
        self.lessons.changed.connect(self.rebuild)
        self.lessons.step_shown.connect(self._step_shown)
        self.rebuild()

    # -- showing the lesson --------------------------------------------------------
    def rebuild(self) -> None:
        ls = self.lessons
        lesson = ls.lesson
        if lesson is None:
            self.title.setText(tr("No lesson: Teach › New lesson, or Open lesson…"))
        else:
            name = ls.path.name if ls.path else tr("not saved yet")
            self.title.setText(fill_in(tr("<b>{title}</b> — %n step(s) ({name})", "", len(lesson.steps)),
                                       title=lesson.header.title, name=name + (tr(", changed") if ls.dirty else "")))
        self.steps.blockSignals(True)
        self.steps.clear()
        for i, step in enumerate(ls.steps, start=1):
            self.steps.addItem(f"{i}. " + (step.caption or tr("(no caption)")))
            self.steps.item(i - 1).setToolTip(step.caption)
        if ls.index is not None and ls.steps:
            self.steps.setCurrentRow(ls.index)
        self.steps.blockSignals(False)
        self._sync_text()
        self._sync_enabled()

    def _sync_enabled(self) -> None:
        has = bool(self.lessons.steps)
        row = self.steps.currentRow()
        for b in (self.up_button, self.down_button, self.delete_button, self.apply_button, self.caption, self.notes):
            b.setEnabled(has and row >= 0)
        w = self.window_
        if hasattr(w, "next_step_action"):
            w.next_step_action.setEnabled(has)
            w.previous_step_action.setEnabled(has)
            w.save_lesson_action.setEnabled(self.lessons.lesson is not None)
            w.save_lesson_as_action.setEnabled(self.lessons.lesson is not None)

    def _sync_text(self) -> None:
        row = self.steps.currentRow()
        step = self.lessons.steps[row] if 0 <= row < len(self.lessons.steps) else None
        self.caption.setText(step.caption if step else "")
        self.notes.setPlainText(step.notes if step else "")

    def _row_changed(self, _row: int) -> None:
        self._sync_text()
        self._sync_enabled()

    def _step_shown(self, index: int) -> None:
        self.steps.blockSignals(True)
        self.steps.setCurrentRow(index)
        self.steps.blockSignals(False)
        self._sync_text()
        self._sync_enabled()
        step = self.lessons.steps[index]
        self.window_.statusBar().showMessage(fill_in(tr('Step {value} of {n}: {caption}'), value=index + 1, n=len(self.lessons.steps), caption=step.caption), 8000)

    def show_points(self, on: bool) -> None:
        s = self.window_.session
        s.set_points_shown([p.id for p in s.plan.points] if on else [])

    def _sync_points_box(self) -> None:
        s = self.window_.session
        self.points_box.blockSignals(True)
        self.points_box.setChecked(len(s.hidden_points) < len(s.plan.points) or not s.plan.points)
        self.points_box.blockSignals(False)

    # -- editing -----------------------------------------------------------------
    def _refused(self, err: MessageError) -> None:
        self.window_.show_warning(tr("Cannot change the lesson"), str(err))

    def record(self, caption: str | None = None, notes: str | None = None) -> int | None:
        """Record a step from the screen with the caption and notes typed (or given); its index."""
        self.raise_()
        try:
            return self.lessons.record(view_camera(self.window_.view),
                                       self.caption.text() if caption is None else caption,
                                       self.notes.toPlainText() if notes is None else notes,
                                       animation=self._animation_on_screen())
        except MessageError as err:
            self._refused(err)
            return None

    def move(self, delta: int) -> None:
        row = self.steps.currentRow()
        if row >= 0:
            self.steps.setCurrentRow(self.lessons.move(row, delta))

    def move_to(self, source: int, target: int) -> None:
        self.lessons.move_to(source, target)
        self.steps.setCurrentRow(target)

    def delete(self) -> None:
        row = self.steps.currentRow()
        if row >= 0:
            self.lessons.delete(row)

    def apply_text(self) -> None:
        row = self.steps.currentRow()
        if 0 <= row < len(self.lessons.steps):
            try:
                self.lessons.edit(row, caption=self.caption.text(), notes=self.notes.toPlainText())
            except MessageError as err:
                self._refused(err)
                return
            self.steps.setCurrentRow(row)

    def _animation_on_screen(self) -> Animation | None:
        """The order animation playing or paused in presentation mode (recorded with a step), or None."""
        anim = self.window_.present.presentation.animation
        return Animation(anim.zone_id, anim.per_s) if anim.zone_id is not None else None

    # -- walking -----------------------------------------------------------------
    def _show(self, camera) -> None:
        """Apply a walked-to step: its camera, and its order animation played from the start (or none)."""
        if camera is None:
            return
        show_camera(self.window_.view, camera)
        step = self.lessons.steps[self.lessons.index]
        present = self.window_.present
        if step.animation is not None:
            present.play_order(step.animation.zone_id, step.animation.injections_per_s)
        else:
            present.stop_order()

    def go(self, index: int) -> None:
        self._show(self.lessons.go(index))

    def next(self) -> None:
        self._show(self.lessons.next())

    def previous(self) -> None:
        self._show(self.lessons.previous())

    # -- files -------------------------------------------------------------------
    def ask_save_lesson(self) -> str:
        """'save', 'discard' or 'cancel' for the lesson's unsaved changes."""
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(self.window_, tr("Unsaved lesson"), tr("Save the changes to the lesson?"),
                                      buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
        return {buttons.Save: "save", buttons.Discard: "discard"}.get(answer, "cancel")

    def maybe_save_lesson(self) -> bool:
        if self.lessons.lesson is None or not self.lessons.dirty:
            return True
        answer = self.ask_save_lesson()
        return self.save() if answer == "save" else answer == "discard"

    def new_lesson(self) -> bool:
        if not self.maybe_save_lesson():
            return False
        self.lessons.new(self.window_.doc.path.name.removesuffix(".mesomap.json") if self.window_.doc.path
                         else tr("Lesson"))
        self.show()
        self.raise_()
        return True

    def open_dialog(self) -> bool:
        w = self.window_
        start = str(w.settings.value("files/last_dir", str(Path.home())))
        path, _ = QFileDialog.getOpenFileName(w, tr("Open lesson"), start, fill_in(tr(LESSON_FILTER), suffix=SUFFIX))
        return self.open(path) if path else False

    def open(self, path: str | Path) -> bool:
        """Open a lesson and its plan (unsaved plan and lesson changes are asked about first), at its first step."""
        w = self.window_
        if not self.maybe_save_lesson() or not w.files.maybe_save():
            return False
        try:
            w.tool.cancel()
            lesson = self.lessons.open(path)
        except (LessonFileError, MeshLoadError) as err:
            w.show_error(tr("Cannot open lesson"), str(err))
            return False
        w.settings.setValue("files/last_dir", str(Path(path).parent))
        self.show()
        self.raise_()
        if lesson.steps:
            self.go(0)
        return True

    def save(self) -> bool:
        return self.save_to(self.lessons.path) if self.lessons.path else self.save_as()

    def save_as(self) -> bool:
        w = self.window_
        if self.lessons.lesson is None:
            return False
        start = self.lessons.path or Path(str(w.settings.value("files/last_dir", str(Path.home())))) / f"lesson{SUFFIX}"
        path, _ = QFileDialog.getSaveFileName(w, tr("Save lesson"), str(start), fill_in(tr(LESSON_FILTER), suffix=SUFFIX))
        if not path:
            return False
        if not path.endswith(SUFFIX):
            path = path.removesuffix(".json") + SUFFIX
        return self.save_to(path)

    def save_to(self, path: str | Path) -> bool:
        w = self.window_
        w.commit_pending()
        try:
            saved = self.lessons.save(path)
        except MessageError as err:
            w.show_error(tr("Cannot save lesson"), str(err))
            return False
        except (OSError, MeshLoadError, UnicodeError) as err:
            w.show_error(tr("Cannot save lesson"), f"{Path(path).name}: {getattr(err, 'strerror', None) or err}")
            return False
        w.statusBar().showMessage(fill_in(tr('Saved {saved}'), saved=saved), 6000)
        return True
