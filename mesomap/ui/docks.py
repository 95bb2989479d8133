"""Where the window's panels go: the default layout, View › Panels, Reset layout, and remembering it.

:class:`DockLayout` puts a MainWindow's docks at the right of the 3D view —
Zones and Reflex points as tabs (tabs on top) above the Summary — fills the
View › Panels menu with one toggle per dock and *Reset layout*, and saves the
window's dock and toolbar state in its QSettings on close (restored on the
next start). Reset layout shows every dock and toolbar again where the
default puts them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QTabWidget, QToolBar

from mesomap.ui.menus import make_action
from mesomap.ui.i18n import tr

RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
#: The docks' default share of the window height: Zones/Reflex points above, Summary below.
SPLIT = (640, 240)
#: The docks never take more than this share of the window's width by default (the 3D view keeps the rest).
MAX_DOCK_SHARE = 0.4
STATE_KEY = "window/state"


class DockLayout:
    """The docks of ``window`` (the MainWindow): ``window.zone_panel``, ``point_panel``, ``summary_panel``."""

    def __init__(self, window):
        self.window = window
        window.setTabPosition(RIGHT, QTabWidget.TabPosition.North)
        window.setDockNestingEnabled(False)

    @property
    def docks(self) -> tuple[QDockWidget, ...]:
        w = self.window
        return w.zone_panel, w.point_panel, w.summary_panel

    def arrange(self) -> None:
        """Put every dock (shown, docked) and toolbar (shown) where the default layout has them."""
        w = self.window
        for dock in self.docks:
            dock.setFloating(False)
            dock.show()
        w.addDockWidget(RIGHT, w.zone_panel)
        w.addDockWidget(RIGHT, w.summary_panel, Qt.Orientation.Vertical)
        w.addDockWidget(RIGHT, w.point_panel)
        w.tabifyDockWidget(w.zone_panel, w.point_panel)
        w.resizeDocks([w.zone_panel, w.summary_panel], list(SPLIT), Qt.Orientation.Vertical)
        if w.isVisible():  # a reset: the docks' width they need, the 3D view keeps the rest
            width = min(max(d.sizeHint().width() for d in self.docks), int(w.width() * MAX_DOCK_SHARE))
            w.resizeDocks([w.zone_panel, w.summary_panel], [width, width], Qt.Orientation.Horizontal)
        for bar in w.findChildren(QToolBar):
            bar.show()
        w.zone_panel.raise_()

    def fill_menu(self) -> None:
        """View › Panels: a toggle per dock, then Reset layout."""
        w = self.window
        for dock in self.docks:
            w.docks_menu.addAction(dock.toggleViewAction())
        w.docks_menu.addSeparator()
        w.reset_layout_action = make_action(w, tr("Reset &layout"), self.arrange, None,
                                            tr("Show every panel and toolbar again where they start"))
        w.docks_menu.addAction(w.reset_layout_action)

    def restore(self) -> None:
        state = self.window.settings.value(STATE_KEY)
        if state is not None:
            self.window.restoreState(state)

    def save(self) -> None:
        self.window.settings.setValue(STATE_KEY, self.window.saveState())
