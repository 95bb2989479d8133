"""Edit › Preferences…: the window's language (English, Français, Русский), kept in QSettings.

The choice is read once at start (:func:`mesomap.ui.i18n.chosen_language`), so the dialog says plainly that it
takes effect after a restart. "System language" (the default) follows the locale.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from mesomap import text
from mesomap.ui.i18n import LANGUAGE_KEY, LANGUAGE_NAMES, fill_in, tr


class PreferencesDialog(QDialog):
    """The language chooser; OK stores the choice in ``settings`` (``ui/language``: "", "en", "fr" or "ru")."""

    def __init__(self, settings: QSettings, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(tr("Preferences"))
        self.language = QComboBox()
        system = LANGUAGE_NAMES[text.language_from_locale()]
        self.language.addItem(fill_in(tr("System language ({name})"), name=system), "")
        for code in text.LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)  # each language named in itself
        stored = str(settings.value(LANGUAGE_KEY, "") or "")
        self.language.setCurrentIndex(max(0, self.language.findData(stored)))
        form = QFormLayout()
        form.addRow(tr("Language"), self.language)
        self.note = QLabel(tr("The new language takes effect after you restart mesomap."))
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.settings.setValue(LANGUAGE_KEY, self.language.currentData())
        super().accept()


def preferences_action(window) -> QAction:
    """Edit › Preferences… for ``window`` (its dialog is ``window.preferences_dialog`` while open)."""
    action = QAction(tr("&Preferences…"), window)
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    action.setToolTip(tr("The language of the window (after a restart)"))
    action.setStatusTip(action.toolTip())

    def show() -> None:
        window.preferences_dialog = PreferencesDialog(window.settings, window)
        window.preferences_dialog.open()

    action.triggered.connect(show)
    return action
