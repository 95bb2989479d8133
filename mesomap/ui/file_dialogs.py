"""Asking for a file to open, starting in the folder the user last took that kind of file from."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog


def ask_open_path(window, title: str, file_filter: str, folder_key: str) -> str | None:
    """The file the user picks (None: cancelled). The dialog starts in the folder remembered under the
    window's setting ``folder_key`` (else the last plan folder, else home) and remembers the new one."""
    settings = window.settings
    start = str(settings.value(folder_key, settings.value("files/last_dir", str(Path.home()))))
    path, _ = QFileDialog.getOpenFileName(window, title, start, file_filter)
    if not path:
        return None
    settings.setValue(folder_key, str(Path(path).parent))
    return path
