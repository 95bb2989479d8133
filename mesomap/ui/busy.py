"""The wait cursor over work that blocks the window (loading a file, laying out a grid, rendering)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


@contextlib.contextmanager
def wait_cursor() -> Iterator[None]:
    """Show the wait cursor while the block runs; the normal cursor is back when it ends, raised or not.

    Catch a load's errors outside the block, so the cursor is normal again before a dialog
    says what went wrong::

        try:
            with wait_cursor():
                plan = load_plan(path)
        except PlanFileError as err:
            ...  # ask or explain, with the usual cursor
    """
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
