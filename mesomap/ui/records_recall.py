"""Records › Recall lot…: which patients received lot X, when, and how to reach them; exportable to CSV
(the store's CSV writer: owner-only file, cells a spreadsheet would run as formulas neutralised)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QCompleter, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from mesomap.store import lots
from mesomap.store.errors import StoreError
from mesomap.store.records import RecallRow
from mesomap.ui.i18n import QT_TR_NOOP, fill_in, num, tr, unit

COLUMNS = (QT_TR_NOOP("Patient"), QT_TR_NOOP("Record number"), QT_TR_NOOP("Contact"), QT_TR_NOOP("Session"), QT_TR_NOOP("Product"), QT_TR_NOOP("Lot"), QT_TR_NOOP("Volume"))


def recall_cells(r: RecallRow) -> tuple[str, ...]:
    return (r.name, r.record_number or "—", r.contact or "—", f"{r.scheduled_at:%Y-%m-%d %H:%M}", r.product,
            r.lot_number, "—" if r.volume_ml is None else f"{num(r.volume_ml)} {unit('ml')}")


class RecallWindow(QWidget):
    """Type a lot number, Find: every patient who received it, by date; Export CSV…"""

    def __init__(self, store, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.store = store
        self.rows: list[RecallRow] = []
        self.setWindowTitle(tr("Recall a lot — mesomap"))
        self.lot = QLineEdit()
        self.lot.setPlaceholderText(tr("Lot number, exactly as printed on the box"))
        self.find_button = QPushButton(tr("Find"))
        self.export_button = QPushButton(tr("Export CSV…"))
        self.export_button.setEnabled(False)
        self.summary = QLabel(tr("Type a lot number to see who received it."))
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.verticalHeader().hide()
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Lot")))
        row.addWidget(self.lot, 1)
        row.addWidget(self.find_button)
        row.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self.find_button.clicked.connect(lambda: self.find())
        self.lot.returnPressed.connect(lambda: self.find())
        self.export_button.clicked.connect(lambda: self.export())
        self.resize(1366, 768)
        self.refresh_lots()

    def refresh_lots(self) -> None:
        """Offer the known lot numbers as the user types."""
        try:
            known = sorted({lot.lot_number for lot in lots.list_lots(self.store)})
        except StoreError:
            known = []
        self.lot.setCompleter(QCompleter(known, self))

    def showEvent(self, event) -> None:  # noqa: N802
        self.refresh_lots()
        super().showEvent(event)

    def find(self, lot_number: str | None = None) -> list[RecallRow]:
        if lot_number is not None:
            self.lot.setText(lot_number)
        number = self.lot.text().strip()
        if not number:
            return []
        try:
            self.rows = lots.recall(self.store, number)
        except StoreError as err:
            self.summary.setText(str(err))
            return []
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            for j, text in enumerate(recall_cells(r)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in (0, 2):  # the patient and how to reach them take the room left
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        people = len({r.patient_id for r in self.rows})
        self.summary.setText(fill_in(tr("Lot {number}: {patients}, {sessions}"), number=number,
                                     patients=tr("%n patient(s)", "", people),
                                     sessions=tr("%n session(s)", "", len(self.rows)))
                             if self.rows else fill_in(tr("Nobody received lot {number}."), number=number))
        self.export_button.setEnabled(bool(self.rows))
        return self.rows

    def ask_csv_path(self) -> str:
        name = "".join(c if c.isalnum() or c in "-_." else "_" for c in self.lot.text().strip())
        path, _ = QFileDialog.getSaveFileName(self, tr("Export the recall"), str(Path.home() / f"recall-{name}.csv"),
                                              tr("CSV (*.csv)"))
        return path

    def export(self, path: str | Path | None = None) -> Path | None:
        """Write the rows shown to a CSV file (owner-only: it holds names and contacts)."""
        path = path or self.ask_csv_path()
        if not path:
            return None
        path = Path(path)
        try:
            lots.write_recall_csv(self.rows, path)
        except OSError as err:
            self.summary.setText(fill_in(tr('Nothing was written: {name}: {value}.'), name=path.name, value=err.strerror or err))
            return None
        self.summary.setText(fill_in(tr('{n} rows exported to {path}'), n=len(self.rows), path=path))
        return path
