"""Refused values at their field: a number the plan did not take stays typed in its field, framed in red,
with the reason in a line right under the field and as its tooltip.

The plan keeps its old value (the edit was refused whole). The mark goes when the field's next value is
applied, when the user presses Esc or Ctrl+Z in the field (it shows the plan's value again), on undo or
redo, and when another object is selected.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFormLayout, QLabel, QLayout, QWidget

from mesomap.ui.list_panel import ERROR_STYLE

MARK_STYLE = "border: 2px solid #b00020; border-radius: 3px;"


class FieldMarks(QObject):
    """The refused values of one form. ``anchors``: field → the widget or layout that is its form row
    (fields sharing a row share the reason line); ``revert()`` shows the plan's values again."""

    def __init__(self, form: QFormLayout, anchors: dict[QWidget, QWidget | QLayout], revert: Callable[[], None]):
        super().__init__(form.parentWidget())
        self.form = form
        self.anchors = anchors
        self.revert = revert
        self.typed: dict[QWidget, float] = {}  # marked field -> the value it keeps showing
        self.reasons: dict[QWidget, str] = {}
        self._tips: dict[QWidget, str] = {}
        self._lines: dict[int, QLabel] = {}  # id(anchor) -> its reason line
        for field in anchors:
            field.installEventFilter(self)

    # -- marking -------------------------------------------------------------------------
    def mark(self, field: QWidget, reasons) -> None:
        """Keep ``field``'s value typed, frame it and show why the plan refused it (``reasons``: messages)."""
        text = "; ".join(map(str, reasons))
        text = text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")
        if field not in self.typed:
            self._tips[field] = field.toolTip()
        self.typed[field] = field.value()
        self.reasons[field] = text
        field.setStyleSheet(MARK_STYLE)
        field.setToolTip(text)
        self._show_line(self.anchors[field])

    def clear(self, field: QWidget | None = None) -> None:
        """Remove ``field``'s mark (every mark without one); its value is the plan's at the next show."""
        for f in [field] if field is not None else list(self.typed):
            if f not in self.typed:
                continue
            del self.typed[f]
            del self.reasons[f]
            f.setStyleSheet("")
            f.setToolTip(self._tips.pop(f, ""))
            self._show_line(self.anchors[f])

    def keep_typed(self) -> None:
        """Put the refused values back in their fields (after the form showed the plan's)."""
        for field, value in self.typed.items():
            field.blockSignals(True)
            field.setValue(value)
            field.blockSignals(False)

    def line(self, field: QWidget) -> QLabel | None:
        """The reason line under ``field``'s row (None before its first mark)."""
        return self._lines.get(id(self.anchors[field]))

    def _show_line(self, anchor) -> None:
        reasons = [self.reasons[f] for f, a in self.anchors.items() if a is anchor and f in self.reasons]
        label = self._lines.get(id(anchor))
        if label is None:
            if not reasons:
                return
            label = self._lines[id(anchor)] = QLabel()
            label.setWordWrap(True)
            label.setStyleSheet(ERROR_STYLE)
            row, _ = (self.form.getLayoutPosition(anchor) if isinstance(anchor, QLayout)
                      else self.form.getWidgetPosition(anchor))
            self.form.insertRow(row + 1, "", label)
        label.setText(" ".join(reasons))
        self.form.setRowVisible(label, bool(reasons))

    # -- Esc / Ctrl+Z in a marked field: back to the plan's value ----------------------------
    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        kind = event.type()
        if obj in self.typed and kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and _is_revert(event):
            if kind == QEvent.Type.ShortcutOverride:
                event.accept()  # the key is the field's, not the window's (Esc: navigate, Ctrl+Z: undo)
                return False
            self.clear(obj)
            self.revert()
            return True
        return False


def _is_revert(event) -> bool:
    return event.key() == Qt.Key.Key_Escape or event.matches(QKeySequence.StandardKey.Undo)
