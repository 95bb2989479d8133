"""Two stations saved the same patient: show both versions side by side and let the user keep theirs or
overwrite with mine — nothing typed is lost (:class:`mesomap.store.errors.ConflictError` carries both)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from mesomap.store.errors import ConflictError
from mesomap.ui.i18n import QT_TR_NOOP, fill_in, tr

KEEP_THEIRS, OVERWRITE = "theirs", "mine"


def shown(value) -> str:
    """A field value as the conflict table shows it."""
    if value is None or value == "":
        return "—"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return ", ".join(k.replace("_", " ") for k, v in value.items() if v) or "none"
    return str(value)


#: The conflict table's words for a record's fields and kinds (a field missing here is shown by its name).
FIELD_WORDS = {"name": QT_TR_NOOP("name"), "record_number": QT_TR_NOOP("record number"),
               "date_of_birth": QT_TR_NOOP("date of birth"), "sex": QT_TR_NOOP("sex"),
               "contact": QT_TR_NOOP("contact"), "notes": QT_TR_NOOP("notes"),
               "checklist": QT_TR_NOOP("contraindication checklist"),
               "checklist_answered_on": QT_TR_NOOP("checklist answered on"),
               "consent_signed_on": QT_TR_NOOP("consent signed on")}
WHAT_WORDS = {"patient": QT_TR_NOOP("patient")}


def conflict_rows(err: ConflictError) -> list[tuple[str, str, str]]:
    """(field, mine, theirs) for every field this station changed, the differing ones first."""
    rows = [(tr(FIELD_WORDS[name]) if name in FIELD_WORDS else name.replace("_", " "), shown(value), shown(getattr(err.theirs, name, None)))
            for name, value in err.mine.items() if name != "name_key"]
    return sorted(rows, key=lambda r: r[1] == r[2])


class ConflictDialog(QDialog):
    """The two versions of a record; ``choice`` is KEEP_THEIRS or OVERWRITE after it closes (None: cancelled)."""

    def __init__(self, err: ConflictError, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Changed at another station"))
        self.choice: str | None = None
        layout = QVBoxLayout(self)
        head = QLabel(fill_in(tr('Another station saved this {what} while you were editing it (you started from version {base_version}; it is now version {stored_version}). Nothing was saved. Compare the two versions and choose which to keep.'), what=tr(WHAT_WORDS.get(err.what, err.what)), base_version=err.base_version, stored_version=err.stored_version))
        head.setWordWrap(True)
        layout.addWidget(head)
        rows = conflict_rows(err)
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels([tr("Field"), tr("Yours (not saved)"), tr("Theirs (saved)")])
        for i, row in enumerate(rows):
            for j, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(i, j, item)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox()
        self.theirs_button = buttons.addButton(tr("Keep theirs"), QDialogButtonBox.ButtonRole.RejectRole)
        self.mine_button = buttons.addButton(tr("Overwrite with mine"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.theirs_button.clicked.connect(lambda: self._choose(KEEP_THEIRS))
        self.mine_button.clicked.connect(lambda: self._choose(OVERWRITE))
        layout.addWidget(buttons)
        self.resize(640, 320)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.done(QDialog.DialogCode.Accepted if choice == OVERWRITE else QDialog.DialogCode.Rejected)
