"""What the zones and reflex-points docks share: a one-row-selection list of plan objects above the
selected object's form, a hint shown while nothing is selected, a message line, and the field helpers.

The list and the editor's selection follow each other: a click selects through the Session, and a
selection made elsewhere (the 3D view, undo) becomes the list's current row without echoing back.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QDoubleSpinBox,
    QFrame,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QScrollArea,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mesomap.session.session import Session

ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #8a5a00;"
HINT_STYLE = "color: palette(mid); padding: 8px 2px;"
#: The list holds each row's object id under this role (column 0).
ID_ROLE = Qt.ItemDataRole.UserRole


def show_current(tree, item) -> None:
    """Make ``item`` the tree's current row and scroll to it; no item clears the selection."""
    tree.setCurrentItem(item)
    if item is None:
        tree.clearSelection()
    else:
        tree.scrollToItem(item)


def scrolling(body: QWidget) -> QScrollArea:
    """``body`` in a frameless scroll area, so a dock can be shorter than its form."""
    area = QScrollArea()
    area.setWidget(body)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setMinimumWidth(body.minimumSizeHint().width() + area.verticalScrollBar().sizeHint().width() + 2)
    return area


def typed_value(box) -> float | None:
    """The number typed in a spin box, confirmed or not (None when there is none)."""
    value, ok = box.locale().toDouble(box.cleanText())
    return value if ok else None


def commit_typed(boxes, texts) -> None:
    """Apply every field's typed but unconfirmed value.

    boxes : spin boxes; texts : [(typed text, apply(text))]. All values are read
    before any is applied, because applying one refreshes the whole form.
    """
    numbers = [(box, typed_value(box)) for box in boxes]
    for text, apply in texts:
        apply(text)
    for box, value in numbers:
        if value is not None and value != box.value():
            box.setValue(value)  # valueChanged: the field's own edit (refused with a reason if invalid)


class NotesEdit(QPlainTextEdit):
    """A notes box that commits when it loses focus."""

    committed = Signal()

    def focusOutEvent(self, event):  # noqa: N802
        super().focusOutEvent(event)
        self.committed.emit()


def spin_box(lo: float, hi: float, decimals: int, step: float, suffix: str) -> QDoubleSpinBox:
    """A number field (``suffix`` names the unit, e.g. " mm") that edits once per confirmed value."""
    box = QDoubleSpinBox()
    box.setRange(lo, hi)
    box.setDecimals(decimals)
    box.setSingleStep(step)
    box.setSuffix(suffix)
    box.setKeyboardTracking(False)  # valueChanged on Enter, focus loss or arrows: one edit each
    return box


def menu_button(text: str, tip: str) -> tuple[QToolButton, QMenu]:
    """A button that opens its menu at once (template and library pickers), and that menu."""
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    button.setMenu(menu)
    return button, menu


class ListPanel(QDockWidget):
    """A dock: the plan's objects of one kind in ``tree`` (one row each, its id under ID_ROLE),
    then what the subclass adds to ``body_layout`` (buttons, ``form_box``), then ``hint`` and ``message``.

    A subclass builds its widgets, calls :meth:`_finish_layout`, then :meth:`rebuild`; it gives
    ``_selected_id`` / ``_select`` (the editor's selection), ``_list_items`` (the rows, in plan
    order) and ``_show_selected`` (fill the form from the selected object).
    """

    def __init__(self, title: str, object_name: str, editor: Session, tree: QTreeWidget, headers: Iterable[str],
                 parent: QWidget | None = None):
        super().__init__(title, parent)
        self.setObjectName(object_name)
        self.editor = editor
        self.templates = ()
        self._syncing = False
        self._body = QWidget()
        self.body_layout = QVBoxLayout(self._body)
        self.body_layout.setContentsMargins(6, 6, 6, 6)
        headers = list(headers)
        self.tree = tree
        tree.setColumnCount(len(headers))
        tree.setHeaderLabels(headers)
        tree.header().setStretchLastSection(False)  # the stretched name column gets the room, not the last one
        tree.setRootIsDecorated(False)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.currentItemChanged.connect(self._current_changed)
        tree.setMinimumHeight(90)
        self.body_layout.addWidget(tree, 1)

    def _finish_layout(self, hint: str) -> None:
        """Add the no-selection hint and the message line below the form, and follow the editor's selection."""
        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        self.body_layout.addWidget(self.hint)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.body_layout.addWidget(self.message)
        self.setWidget(scrolling(self._body))
        self.editor.selection_changed.connect(self._sync_selection)

    # -- what a subclass gives ----------------------------------------------------------
    def _selected_id(self) -> str | None:
        raise NotImplementedError

    def _select(self, object_id: str | None) -> None:
        raise NotImplementedError

    def _list_items(self) -> Iterable[QTreeWidgetItem]:
        raise NotImplementedError

    def _show_selected(self) -> None:
        raise NotImplementedError

    # -- the list ------------------------------------------------------------------------
    def _item(self, object_id: str) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, ID_ROLE) == object_id:
                return item
        return None

    def rebuild(self) -> None:
        """Refill the list from the plan (after open, undo of a delete…)."""
        self._syncing = True
        try:
            self.tree.clear()
            for item in self._list_items():
                self.tree.addTopLevelItem(item)
        finally:
            self._syncing = False
        self._sync_selection()

    def _current_changed(self, current, _previous) -> None:
        if not self._syncing:
            self._select(current.data(0, ID_ROLE) if current else None)

    def _sync_selection(self) -> None:
        object_id = self._selected_id()
        self._syncing = True
        try:
            show_current(self.tree, self._item(object_id) if object_id else None)
        finally:
            self._syncing = False
        self.message.setProperty("error", False)
        self.message.clear()
        self._show_selected()

    def _show_form(self, selected: bool) -> bool:
        """Show the form (or the hint when nothing is selected); True when it can be edited."""
        enabled = selected and self.editor.enabled
        self.form_box.setEnabled(enabled)
        self.form_box.setVisible(selected)
        self.hint.setVisible(not selected)
        return enabled
