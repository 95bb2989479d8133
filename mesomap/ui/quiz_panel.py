"""Quizzes in the window (Teach › Quiz…): the trainer ticks the zones and reflex points to ask for and sets the
pass marks; the student paints and places them on a clean body; **Reveal** shows the reference and the answer
together — faces in both green, only in the reference blue, only in the answer orange, the answer's points
orange joined to the reference point by a line (the colours of the quiz PDF's reveal,
:data:`mesomap.model.quiz.REVEAL_COLOURS`) — with the score table; **End quiz** gives the reference plan back.

The quiz itself is :class:`mesomap.session.quiz.QuizSession` (``window.quiz``); this module shows it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QDockWidget, QDoubleSpinBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMessageBox, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from mesomap.io.plan_file import SUFFIX
from mesomap.model.messages import MessageError
from mesomap.model.quiz import DEFAULT_THRESHOLDS, REVEAL_COLOURS, QuizResult, Thresholds
from mesomap.render.lesson_png import lesson_camera
from mesomap.render.quiz_png import reveal_pose, show_answer_points
from mesomap.session.quiz import QuizSession
from mesomap.session.session import Mode
from mesomap.ui.lesson_panel import show_camera
from mesomap.ui.i18n import SIDE_WORDS, fill_in, num, tr, unit, word

PASS_COLOUR, FAIL_COLOUR = "#1b7837", "#b2182b"


def _mm(x: float | None) -> str:
    return "—" if x is None else num(x, ".1f") + " " + unit("mm")


def zone_words(z) -> str:
    """A zone's name, with its side in the window's language unless the name says it ("Cheek, left")."""
    plain = z.side in ("midline", "bilateral") or z.side in z.name.casefold()
    return z.name if plain else f"{z.name} ({word(SIDE_WORDS, z.side).lower()})"


def point_words(p) -> str:
    """"ST36 Zusanli (left)" in the window's language (no side for a midline point)."""
    side = "" if p.side == "midline" else f" ({word(SIDE_WORDS, p.side).lower()})"
    return f"{p.code} {p.name}{side}".strip() if p.code else f"{p.name}{side}"


def score_rows(result: QuizResult) -> list[tuple[str, str, str, bool]]:
    """(what was asked, Dice, distances, passed) per zone and point of ``result``, as the table shows them."""
    rows = []
    for s in result.zones:
        side = "" if s.side in ("midline", "bilateral") or s.side in s.name.casefold() else f" ({tr(SIDE_WORDS.get(s.side, s.side))})"
        rows.append((f"{s.name}{side}", tr("missing") if s.missing else fill_in(tr("Dice {dice:.2f}"), dice=s.dice),
                     "" if s.missing else fill_in(tr('border {mm} (p95 {mm2})'), mm=_mm(s.border_mean_mm), mm2=_mm(s.border_p95_mm)), s.passed))
    for s in result.points:
        side = "" if s.side == "midline" else f" ({tr(SIDE_WORDS.get(s.side, s.side))})"
        rows.append((f"{s.code} {s.name}{side}".strip(), tr("missing") if s.missing else tr("point"),
                     "" if s.missing else fill_in(tr('{mm} on the skin'), mm=_mm(s.distance_mm)), s.passed))
    return rows


class QuizSetup(QDialog):
    """Which zones and points of ``plan`` to ask for, and the pass marks (defaults DEFAULT_THRESHOLDS)."""

    def __init__(self, plan, parent=None, thresholds: Thresholds = DEFAULT_THRESHOLDS):
        super().__init__(parent)
        self.setWindowTitle(tr("Quiz"))
        layout = QVBoxLayout(self)
        lists = QHBoxLayout()
        self.zones = self._checklist(lists, tr("Zones to paint"), [(z.id, zone_words(z)) for z in plan.zones if len(z.faces)])
        self.points = self._checklist(lists, tr("Reflex points to place"), [(p.id, point_words(p)) for p in plan.points])
        layout.addLayout(lists)
        form = QFormLayout()
        self.dice = self._spin(form, tr("Zone passes with Dice at least"), thresholds.dice_min, 1.0, 0.05, "")
        self.border = self._spin(form, tr("… and mean border distance at most"), thresholds.border_mean_max_mm, 1000, 1, " " + unit("mm"))
        self.point = self._spin(form, tr("Point passes within"), thresholds.point_max_mm, 1000, 1, " " + unit("mm"))
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Start quiz"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @staticmethod
    def _checklist(parent_layout, title: str, items) -> QListWidget:
        box = QVBoxLayout()
        box.addWidget(QLabel(title))
        widget = QListWidget()
        for item_id, text in items:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, item_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            widget.addItem(item)
        box.addWidget(widget)
        parent_layout.addLayout(box)
        return widget

    @staticmethod
    def _spin(form, label: str, value: float, top: float, step: float, suffix: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(0.0, top)
        spin.setSingleStep(step)
        spin.setDecimals(2)
        spin.setSuffix(suffix)
        spin.setValue(value)
        form.addRow(label, spin)
        return spin

    def check(self, ids) -> None:
        """Tick the zones and points with these ids (what a trainer's clicks do)."""
        for widget in (self.zones, self.points):
            for i in range(widget.count()):
                item = widget.item(i)
                if item.data(Qt.ItemDataRole.UserRole) in set(ids):
                    item.setCheckState(Qt.CheckState.Checked)

    def chosen(self) -> tuple[list[str], list[str], Thresholds]:
        def ticked(widget):
            return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
                    if widget.item(i).checkState() == Qt.CheckState.Checked]
        return ticked(self.zones), ticked(self.points), Thresholds(self.dice.value(), self.border.value(),
                                                                   self.point.value())


class QuizPanel(QDockWidget):
    """The Quiz dock: the questions, Reveal / Save answer… / End quiz, the legend and the scores."""

    def __init__(self, window):
        super().__init__(tr("Quiz"), window)
        self.setObjectName("quiz-dock")
        self.setMinimumWidth(420)  # the score table's four columns
        self.window_ = window
        self.quiz = QuizSession(window.session)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.prompts = QListWidget()
        self.prompts.currentRowChanged.connect(self.ask)
        layout.addWidget(self.prompts, 1)
        row = QHBoxLayout()
        self.reveal_button = QPushButton(tr("Reveal"))
        self.reveal_button.clicked.connect(lambda: self.reveal())
        self.save_button = QPushButton(tr("Save answer…"))
        self.save_button.clicked.connect(lambda: self.save_answer_dialog())
        self.end_button = QPushButton(tr("End quiz"))
        self.end_button.clicked.connect(lambda: self.end())
        for b in (self.reveal_button, self.save_button, self.end_button):
            row.addWidget(b)
        layout.addLayout(row)
        c = REVEAL_COLOURS
        self.legend = QLabel(fill_in(tr("<span style='color:{reference}'>■</span> reference only &nbsp; "
                                        "<span style='color:{answer}'>■</span> answer only &nbsp; "
                                        "<span style='color:{both}'>■</span> both"), **c))
        layout.addWidget(self.legend)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([tr("Asked"), tr("Score"), tr("Distance"), tr("Result")])
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 2)
        self.setWidget(body)
        self.quiz.changed.connect(self.sync)
        self.sync()

    def sync(self) -> None:
        q = self.quiz
        self.prompts.blockSignals(True)
        self.prompts.clear()
        for p in q.prompts:
            self.prompts.addItem(p.text)
        self.prompts.blockSignals(False)
        self.prompts.setEnabled(q.state == "answering")
        self.reveal_button.setEnabled(q.state == "answering")
        self.save_button.setEnabled(q.state is not None)
        self.end_button.setEnabled(q.state is not None)
        self.legend.setVisible(q.state == "revealed")
        self.table.setVisible(q.state == "revealed")
        if q.state is None:
            self.status.setText(tr("No quiz: Teach › Quiz… asks for zones and points of the open plan."))
        elif q.state == "answering":
            self.status.setText(tr("Click a question, then paint the zone or click the skin to place the point. "
                                "Reveal when done."))
        else:
            r = q.result
            verdict = tr("passed") if r.passed else tr("not passed")
            self.status.setText(fill_in(tr('<b>{passed_count} of {asked_count} passed — {verdict}</b>'), passed_count=r.passed_count, asked_count=r.asked_count, verdict=verdict))
        self._fill_table()

    def _fill_table(self) -> None:
        rows = score_rows(self.quiz.result) if self.quiz.result is not None else []
        self.table.setRowCount(len(rows))
        for i, (what, score, dist, ok) in enumerate(rows):
            for j, text in enumerate((what, score, dist, "pass" if ok else "fail")):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if j == 3:
                    item.setForeground(QColor(PASS_COLOUR if ok else FAIL_COLOUR))
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()

    # -- running ------------------------------------------------------------------
    def start_dialog(self) -> bool:
        w = self.window_
        dialog = QuizSetup(w.doc.plan, w, self.quiz.thresholds)
        if not dialog.exec():
            return False
        zones, points, thresholds = dialog.chosen()
        return self.start(zones, points, thresholds)

    def start(self, zone_ids, point_ids, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> bool:
        """Start the quiz; unsaved changes of the plan are asked about first (the quiz gives the plan back at
        its end, but a quit or a crash during the quiz would lose what was never saved)."""
        w = self.window_
        if not w.files.maybe_save():
            return False
        try:
            self.quiz.start(zone_ids, point_ids, thresholds)
        except MessageError as err:
            w.show_warning(tr("Cannot start the quiz"), str(err))
            return False
        self.show()
        self.raise_()
        return True

    def ask(self, row: int) -> None:
        """A question clicked: its zone selected with the paint tool, or the point tool for its point."""
        prompts = self.quiz.prompts
        if not 0 <= row < len(prompts) or self.quiz.state != "answering":
            return
        p = prompts[row]
        s = self.window_.session
        if p.kind == "zone":
            self.quiz.ask_point(None)
            s.select_zone(p.ref_id)
            s.set_mode(Mode.PAINT)
        else:
            self.quiz.ask_point(p.ref_id)
            s.set_mode(Mode.POINT)

    def reveal(self) -> QuizResult | None:
        w = self.window_
        w.commit_pending()
        try:
            result = self.quiz.reveal()
        except MessageError as err:
            w.show_warning(tr("Cannot score the answer"), str(err))
            return None
        w.session.set_mode(Mode.NAVIGATE)
        q = self.quiz
        show_answer_points(w.view.plotter, q.reference, q.answer, result, w.surface)
        plotter = w.view.plotter
        pose = reveal_pose(q.reference, q.answer, result, w.surface, max(plotter.width(), 1) / max(plotter.height(), 1))
        show_camera(w.view, lesson_camera(pose))  # facing and framing what was asked
        return result

    def save_answer_dialog(self) -> bool:
        w = self.window_
        start = Path(str(w.settings.value("files/last_dir", str(Path.home())))) / f"answer{SUFFIX}"
        path, _ = QFileDialog.getSaveFileName(w, tr("Save answer"), str(start), fill_in(tr("mesomap plans (*{suffix})"), suffix=SUFFIX))
        if not path:
            return False
        if not path.endswith(SUFFIX):
            path = path.removesuffix(".json") + SUFFIX
        return self.save_answer(path)

    def save_answer(self, path: str | Path) -> bool:
        w = self.window_
        w.commit_pending()
        try:
            saved = self.quiz.save_answer(path)
        except (OSError, ValueError) as err:
            w.show_error(tr("Cannot save the answer"), f"{Path(path).name}: {getattr(err, 'strerror', None) or err}")
            return False
        w.statusBar().showMessage(fill_in(tr('Saved the answer to {saved}'), saved=saved), 6000)
        return True

    def ask_end(self) -> str:
        """'reveal', 'end' or 'cancel' for ending a quiz whose answer is not scored yet."""
        box = QMessageBox(QMessageBox.Icon.Question, tr("End quiz"),
                          tr("The answer is not scored yet. Reveal the score before ending the quiz?"),
                          parent=self.window_)
        reveal = box.addButton(tr("Reveal"), QMessageBox.ButtonRole.AcceptRole)
        drop = box.addButton(tr("End without score"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(reveal)
        box.exec()
        return {reveal: "reveal", drop: "end"}.get(box.clickedButton(), "cancel")

    def end(self) -> bool:
        """End the quiz and give the reference plan back. An answer not scored yet is not dropped silently:
        the student is asked first — Reveal scores it and shows the reveal (End quiz again then ends), End
        without score drops it, Cancel goes back to answering. False when the quiz goes on."""
        w = self.window_
        w.commit_pending()  # a stroke being drawn or a field being typed is part of the answer
        if self.quiz.answered():
            choice = self.ask_end()
            if choice == "reveal":
                self.reveal()
                return False
            if choice != "end":
                return False
        show_answer_points(w.view.plotter, None, None, None, None)
        self.quiz.end()
        w.session.set_mode(Mode.NAVIGATE)
        w.view.request_render()
        return True
