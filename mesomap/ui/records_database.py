"""Records › Database…: which database this station uses (the SQLite file or the server), a warning when the
SQLite file is on a network share, and the URL to use — never with a password in it (libpq reads it from
``PGPASSWORD`` or ``~/.pgpass``: :func:`mesomap.store.location.save_settings_url` refuses one)."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from mesomap.store import location
from mesomap.store.errors import StoreError
from mesomap.ui.i18n import QT_TR_NOOP, fill_in, tr

PASSWORD_HINT = (QT_TR_NOOP("No password here: give it to the database through the PGPASSWORD environment variable or a "
                 "~/.pgpass file (one line host:port:database:user:password, readable by you only)."))
SOURCES = {"option": QT_TR_NOOP("the --database option"), "environment": QT_TR_NOOP("the MESOMAP_DATABASE_URL environment variable"),
           "settings": QT_TR_NOOP("this station's settings"), "default": QT_TR_NOOP("the default")}


def in_use_text(url) -> tuple[str, str]:
    """(what the database is, a warning or "") for a database URL."""
    path = location.sqlite_path(url)
    if path is None:
        return fill_in(tr("PostgreSQL server {host}, database {database} (as {user})"), host=url.host or "localhost",
                       database=url.database or "—", user=url.username or tr("your login")), ""
    fs = location.on_network_filesystem(path)
    warning = (fill_in(tr('The records file is on a network share ({fs}). SQLite is not safe there: two stations can corrupt it. Move it to a local disk, or use a PostgreSQL server for several stations.'), fs=fs)) if fs else ""
    return fill_in(tr('SQLite file {path}'), path=path), warning


class DatabaseDialog(QDialog):
    """Shows the database in use; Save stores a new URL in this station's settings and reopens the records."""

    def __init__(self, records, parent=None):
        super().__init__(parent)
        self.records = records
        self.setWindowTitle(tr("Records database"))
        store = records._store
        if store is not None:
            url, source = store.engine.url, tr("open now")
        else:
            try:
                resolved = location.resolve_url(records.url)
                url, source = resolved.url, tr(SOURCES.get(resolved.source, resolved.source))
            except StoreError as err:
                url, source = None, str(err)
        what, warning = in_use_text(url) if url is not None else ("—", "")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.in_use = QLabel(what)
        self.in_use.setWordWrap(True)
        form.addRow(tr("In use"), self.in_use)
        form.addRow(tr("From"), QLabel(source))
        try:
            stored = location.settings_url() or ""
        except StoreError:
            stored = ""
        self.url = QLineEdit(stored)
        self.url.setPlaceholderText(tr("postgresql+psycopg://user@server/database  (empty: the SQLite file here)"))
        form.addRow(tr("Database URL"), self.url)
        layout.addLayout(form)
        self.warning = QLabel(warning)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #a05000")
        self.warning.setVisible(bool(warning))
        layout.addWidget(self.warning)
        hint = QLabel(tr(PASSWORD_HINT))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 260)

    def save(self) -> bool:
        """Store the typed URL for this station (refused with a password) and reopen the records there."""
        text = self.url.text().strip()
        try:
            location.save_settings_url(text or location.default_url())
        except StoreError as err:
            self.error.setText(f"{err} {tr(PASSWORD_HINT)}")
            self.error.show()
            return False
        except Exception as err:  # noqa: BLE001 — not a URL at all
            self.error.setText(fill_in(tr('“{text}” is not a database URL ({name__}); e.g. postgresql+psycopg://mesomap@server/clinic.'), text=text, name__=type(err).__name__))
            self.error.show()
            return False
        self.error.hide()
        if os.environ.get(location.ENV_URL):
            self.error.setText(fill_in(tr('Saved; but {ENV_URL} is set and is used instead while it is.'), ENV_URL=location.ENV_URL))
            self.error.show()
        store = self.records.use_url(None)
        if store is not None:
            what, warning = in_use_text(store.engine.url)
            self.in_use.setText(what)
            self.warning.setText(warning)
            self.warning.setVisible(bool(warning))
        return store is not None
