"""Help inside the window: the user guide (F1), the keyboard shortcut sheet, the first-start hint.

:class:`Help` serves a MainWindow's Help menu. The guide is the bundled
Markdown file ``mesomap/help/guide.md`` in a :class:`QTextBrowser`. The
shortcut sheet is made from the window's own QActions when it opens, so it
lists every shortcut the window really has. The start hint — the three things
to do first: pick a zone, lay it out, export — floats over the top-left corner
of the 3D view on the first start (until dismissed; the setting
``help/start_hint_done`` remembers that) and comes back with Help › Show start hint.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mesomap.help import guide_path
from mesomap.session.session import Mode
from mesomap.ui.i18n import QT_TR_NOOP, fill_in, tr, window_language

GUIDE_PATH = guide_path("en")
#: The mouse in the 3D view (ui/body_view.py, ui/tools.py): not actions, so said above the sheet.
MOUSE_TEXT = (QT_TR_NOOP("Mouse in the 3D view: left-drag turns the body (paints, erases or places in those tools), "
              "the wheel zooms towards the cursor, middle-drag pans, Ctrl+wheel sizes the brush."))
#: The setting that remembers the start hint was dismissed.
HINT_DONE_KEY = "help/start_hint_done"


def guide_markdown(lang: str | None = None) -> str:
    """The user guide's Markdown text in ``lang`` (default: the window's), English for a language without one
    (:func:`mesomap.help.guide_path`)."""
    return guide_path(lang or window_language()).read_text(encoding="utf-8")


def action_name(action: QAction) -> str:
    """An action's menu text without its ``&`` accelerator marks or trailing ellipsis."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def keys_text(action: QAction) -> str:
    """"Ctrl+Shift+Z, Ctrl+Y": every shortcut of ``action``, as the menus show them."""
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts() if not s.isEmpty())


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(action, keys) for every QAction of ``window`` with a shortcut, in the order they were made."""
    rows, seen = [], set()
    for action in window.findChildren(QAction):
        keys = keys_text(action)
        if keys and id(action) not in seen:
            seen.add(id(action))
            rows.append((action_name(action), keys))
    return rows


def _lay_out_with_close(dialog: QDialog, content: QWidget, width: int, height: int) -> None:
    """``content`` above a Close button, filling ``dialog`` (width × height px)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.close)
    layout = QVBoxLayout(dialog)
    layout.addWidget(content)
    layout.addWidget(buttons)
    dialog.resize(width, height)


class GuideWindow(QDialog):
    """The user guide, beside the main window (not modal)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("mesomap user guide"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(guide_markdown())
        _lay_out_with_close(self, self.browser, 640, 720)


class ShortcutSheet(QDialog):
    """Every keyboard shortcut of ``window`` in a two-column table."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setWindowTitle(tr("Keyboard shortcuts"))
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([tr("Action"), tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for i, (name, keys) in enumerate(rows):
            self.table.setItem(i, 0, QTableWidgetItem(name))
            self.table.setItem(i, 1, QTableWidgetItem(keys))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        _lay_out_with_close(self, self.table, 460, 600)
        mouse = QLabel(tr(MOUSE_TEXT))
        mouse.setWordWrap(True)
        self.layout().insertWidget(0, mouse)

    def rows(self) -> list[tuple[str, str]]:
        return [(self.table.item(i, 0).text(), self.table.item(i, 1).text()) for i in range(self.table.rowCount())]


class StartHint(QFrame):
    """The three first steps, over the top-left corner of the 3D view; Got it dismisses it."""

    def __init__(self, window):
        super().__init__(window.view)
        self.setObjectName("start-hint")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setStyleSheet("#start-hint { background: #fffbe6; border: 1px solid #c9b458; border-radius: 6px; }")
        keys = {name: keys_text(a) for name, a in (("generate", window.generate_action),
                                                   ("paint", window.mode_actions[Mode.PAINT]),
                                                   ("pdf", window.print_action))}
        steps = [
            fill_in(tr("<b>Pick a zone</b>: <i>From template</i> in the Zones panel, or paint one ({keys})."),
                    keys=keys["paint"]),
            fill_in(tr("<b>Lay it out</b>: <i>Generate grid</i> ({keys}) places the injections on the skin."),
                    keys=keys["generate"]),
            fill_in(tr("<b>Export</b>: <i>Print / Export PDF</i> ({keys}), File › Export, or Send to device."),
                    keys=keys["pdf"]),
        ]
        self.steps = QLabel(tr("<b>Three steps to a plan</b><ol style='margin-left:-20px'>")
                            + "".join(f"<li>{s}</li>" for s in steps) + "</ol>")
        self.steps.setWordWrap(True)
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.guide_button = QPushButton(tr("User guide (F1)"))
        self.done_button = QPushButton(tr("Got it"))
        self.done_button.setToolTip(tr("Hide this hint (Help › Show start hint brings it back)"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.guide_button)
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addLayout(buttons)
        self.setFixedWidth(340)
        self.hide()

    def place(self) -> None:
        self.adjustSize()
        self.move(12, 12)
        self.raise_()


class Help:
    """The Help menu's windows for ``window`` (the MainWindow)."""

    def __init__(self, window):
        self.window = window
        self.guide: GuideWindow | None = None
        self.sheet: ShortcutSheet | None = None
        self.hint: StartHint | None = None

    def show_guide(self) -> None:
        if self.guide is None:
            self.guide = GuideWindow(self.window)
        self.guide.show()
        self.guide.raise_()

    def show_shortcuts(self) -> None:
        self.sheet = ShortcutSheet(self.window)  # made anew: it lists the actions as they are now
        self.sheet.show()

    def show_start_hint(self) -> None:
        if self.hint is None:
            self.hint = StartHint(self.window)
            self.hint.guide_button.clicked.connect(self.show_guide)
            self.hint.done_button.clicked.connect(self.dismiss_start_hint)
        self.hint.place()
        self.hint.show()

    def dismiss_start_hint(self) -> None:
        if self.hint is not None:
            self.hint.hide()
        self.window.settings.setValue(HINT_DONE_KEY, True)

    def first_start(self) -> None:
        """Show the start hint unless it was dismissed before (in these settings)."""
        done = self.window.settings.value(HINT_DONE_KEY, False)
        if str(done).lower() not in ("true", "1"):
            self.show_start_hint()
