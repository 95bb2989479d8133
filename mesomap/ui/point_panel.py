"""The reflex points dock: the list (code, name, side), the library, custom points, and the point editor."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from mesomap.model.document import Change
from mesomap.model.plan import ReflexPoint
from mesomap.session.session import Session
from mesomap.ui.field_marks import FieldMarks
from mesomap.ui.list_panel import ERROR_STYLE, ID_ROLE, ListPanel, NotesEdit, commit_typed, menu_button, spin_box
from mesomap.io.vocabulary import term
from mesomap.ui.i18n import SIDE_WORDS, choose, fill_choices, indications, tr, unit, word

POINT_SIDES = ("left", "right", "midline")


class PointPanel(ListPanel):
    """Reflex points list + editor, bound to a Session. ``place_action`` is the point tool's action."""

    def __init__(self, editor: Session, place_action: QAction, parent: QWidget | None = None):
        super().__init__(tr("Reflex points"), "points-dock", editor, QTreeWidget(), [tr("Code"), tr("Name"), tr("Side")], parent)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        buttons = QHBoxLayout()
        self.library_button, self.library_menu = menu_button(tr("From library"), tr("Add a named reflex point"))
        self.place_button = QToolButton()
        self.place_button.setDefaultAction(place_action)
        self.delete_button = QPushButton(tr("Delete"))
        self.delete_button.setToolTip(tr("Delete the selected point (undoable)"))
        self.delete_button.clicked.connect(lambda: self.editor.delete_point())
        self.labels = QCheckBox(tr("Labels"))
        self.labels.setChecked(True)
        self.labels.setToolTip(tr("Show the points' codes in the 3D view"))
        for w in (self.library_button, self.place_button, self.delete_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        buttons.addWidget(self.labels)
        self.body_layout.addLayout(buttons)

        self.form_box = QWidget()
        form = QFormLayout(self.form_box)
        form.setContentsMargins(0, 4, 0, 0)
        self.code = QLineEdit()
        self.code.editingFinished.connect(lambda: self._text_edit("code", self.code.text()))
        self.name = QLineEdit()
        self.name.editingFinished.connect(lambda: self._text_edit("name", self.name.text()))
        self.side = QComboBox()
        fill_choices(self.side, POINT_SIDES, SIDE_WORDS)
        self.side.activated.connect(lambda _: self._edit("side", side=self.side.currentData()))
        self.depth = spin_box(0.0, 99.0, 1, 0.5, " " + unit("mm"))
        self.depth.valueChanged.connect(lambda v: self._edit("depth", depth_mm=v))
        self.volume = spin_box(0.0, 9.0, 3, 0.01, " " + unit("ml"))
        self.volume.valueChanged.connect(lambda v: self._edit("volume", volume_ml=v))
        self.angle = spin_box(0.0, 180.0, 0, 5.0, " °")
        self.angle.valueChanged.connect(lambda v: self._edit("angle", angle_deg=v))
        self.notes = NotesEdit()
        self.notes.setPlaceholderText(tr("Notes for this point"))
        self.notes.setFixedHeight(54)
        self.notes.committed.connect(lambda: self._notes_edited())
        form.addRow(tr("Code"), self.code)
        form.addRow(tr("Name"), self.name)
        form.addRow(tr("Side"), self.side)
        form.addRow(tr("Depth"), self.depth)
        form.addRow(tr("Volume"), self.volume)
        form.addRow(tr("Needle angle"), self.angle)
        form.addRow(tr("Notes"), self.notes)
        self.body_layout.addWidget(self.form_box)
        self.fields = {"depth": self.depth, "volume": self.volume, "angle": self.angle}
        self.marks = FieldMarks(form, {f: f for f in self.fields.values()},
                                lambda: self._show_point(self.editor.point))
        self._finish_layout(tr("No point selected.\nAdd one from the library, or place your own (P) "
                            "and click the skin. Drag a point to move it."))
        self.message.setStyleSheet(ERROR_STYLE)
        self.rebuild()

    def set_templates(self, point_templates) -> None:
        """Fill the library menu: one submenu per code, with its sides."""
        self.templates = tuple(point_templates)
        self.library_menu.clear()
        self.library_menu.setToolTipsVisible(True)
        by_code = defaultdict(list)
        for t in self.templates:
            by_code[(t.code, t.name)].append(t)
        for (code, english), items in by_code.items():
            name = term("point", code, default=english)
            if len(items) == 1:
                action = self.library_menu.addAction(f"{code}  {name}")
                action.triggered.connect(lambda _=False, tt=items[0]: self.editor.add_point_from_template(tt))
                action.setToolTip(indications(items[0]))
                continue
            sub = self.library_menu.addMenu(f"{code}  {name}")
            sub.setToolTipsVisible(True)
            for t in items:
                action = sub.addAction(word(SIDE_WORDS, t.side).lower())
                action.setToolTip(indications(t))
                action.triggered.connect(lambda _=False, tt=t: self.editor.add_point_from_template(tt))
        self.library_button.setEnabled(bool(self.templates) and self.editor.enabled)

    # -- list ------------------------------------------------------------------
    def _selected_id(self) -> str | None:
        return self.editor.point_id

    def _select(self, point_id: str | None) -> None:
        self.editor.select_point(point_id)

    def _list_items(self):
        for p in self.editor.plan.points:
            item = QTreeWidgetItem([p.code, p.name, word(SIDE_WORDS, p.side).lower()])
            item.setData(0, ID_ROLE, p.id)
            yield item

    def apply(self, change: Change) -> None:
        if change.reset or change.points_added or change.points_removed:
            self.rebuild()
            return
        for point_id in change.points_changed:
            item = self._item(point_id)
            if item is not None:
                p = self.editor.plan.point(point_id)
                for col, text in enumerate((p.code, p.name, word(SIDE_WORDS, p.side).lower())):
                    item.setText(col, text)
        if self.editor.point_id in change.points_changed:
            self._show_point(self.editor.point)

    # -- editor ----------------------------------------------------------------
    def _show_selected(self) -> None:
        self.marks.clear()  # another point (or none): typed values refused for the last one are dropped
        self._show_point(self.editor.point)

    def _show_point(self, point: ReflexPoint | None) -> None:
        self.delete_button.setEnabled(self._show_form(point is not None))
        self.library_button.setEnabled(bool(self.templates) and self.editor.enabled)
        if point is None:
            return
        widgets = (self.code, self.name, self.side, self.depth, self.volume, self.angle, self.notes)
        for w in widgets:
            w.blockSignals(True)
        try:
            self.code.setText(point.code)
            self.name.setText(point.name)
            choose(self.side, point.side)
            self.depth.setValue(point.depth_mm)
            self.volume.setValue(point.volume_ml)
            self.angle.setValue(point.angle_deg)
            if not self.notes.hasFocus():
                self.notes.setPlainText(point.notes)
        finally:
            for w in widgets:
                w.blockSignals(False)
        self.marks.keep_typed()

    def _edit(self, what: str, **changes) -> bool:
        point = self.editor.point
        if point is None:
            return False
        errors = self.editor.update_point(point.id, what, **changes)
        field = self.fields.get(what)
        if errors and field is not None:  # a refused number stays in its field, marked with the reason
            self.marks.mark(field, errors)
            self._show_point(self.editor.point)
            return False
        if errors:
            self.message.setText(tr("Not applied: ") + "; ".join(map(str, errors)) + ".")
            self._show_point(self.editor.point)
            return False
        if field is not None:
            self.marks.clear(field)
        self.message.clear()
        return True

    def commit_pending(self) -> None:
        """Apply what is typed but not yet confirmed (before save, close, open…)."""
        if self.editor.point is None or not self.form_box.isEnabled():
            return
        commit_typed((self.depth, self.volume, self.angle), [
            (self.code.text(), lambda t: self._text_edit("code", t)),
            (self.name.text(), lambda t: self._text_edit("name", t)),
            (self.notes.toPlainText(), self._notes_edited),
        ])

    def _text_edit(self, field: str, text: str) -> None:
        point = self.editor.point
        if point is not None and text.strip() != getattr(point, field):
            self._edit(field, **{field: text.strip()})

    def _notes_edited(self, text: str | None = None) -> None:
        point = self.editor.point
        text = self.notes.toPlainText() if text is None else text
        if point is not None and text != point.notes:
            self._edit("notes", notes=text)
