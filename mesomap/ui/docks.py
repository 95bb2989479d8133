"""Where the window's panels go: the default layout, View › Panels, Reset layout, and remembering it.

:class:`DockLayout` puts a MainWindow's docks at the right of the 3D view —
Zones and Reflex points as tabs (tabs on top) above the Summary and, when the window has one, the Technique
depth view (``window.depth_panel``, a tab beside the Summary) — fills the
View › Panels menu with one toggle per dock and *Reset layout*, and saves the
window's dock and toolbar state in its QSettings on close (restored on the
next start). Reset layout shows every dock and toolbar again where the
default puts them. Docks hidden at start may be made on first use (:attr:`DockLayout.lazy`, e.g. the Lesson and
Quiz docks of :mod:`mesomap.ui.teach`): the saved layout makes again those that were shown.
"""

from __future__ import annotations

from collections.abc import Callable

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
#: The object names of the docks made on first use that were shown when the window closed.
SHOWN_LAZY_KEY = "window/shown_lazy_docks"


class DockLayout:
    """The docks of ``window`` (the MainWindow): ``window.zone_panel``, ``point_panel``, ``summary_panel``."""

    def __init__(self, window):
        self.window = window
        #: Docks made on first use, by object name: the callable makes the dock (once) and returns it.
        self.lazy: dict[str, Callable[[], QDockWidget]] = {}
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
        depth = getattr(w, "depth_panel", None)
        if depth is not None:  # made by mesomap.ui.teach: a tab beside the Summary, the Summary in front
            depth.setFloating(False)
            depth.show()
            w.addDockWidget(RIGHT, depth)
            w.tabifyDockWidget(w.summary_panel, depth)
            w.summary_panel.raise_()
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
        """The saved layout; a dock made on first use that was shown is made now (in its saved place)."""
        settings = self.window.settings
        state = settings.value(STATE_KEY)
        if state is not None:
            for name in _names(settings.value(SHOWN_LAZY_KEY)):
                if name in self.lazy:
                    self.lazy[name]()  # made before the state is restored: it puts them as they were
            self.window.restoreState(state)

    def save(self) -> None:
        built = [make() for make in self.lazy.values()]  # all made, so each keeps its place in the saved state
        shown = [d.objectName() for d in built if not d.isHidden()]
        self.window.settings.setValue(SHOWN_LAZY_KEY, shown)
        self.window.settings.setValue(STATE_KEY, self.window.saveState())


def _names(value) -> list[str]:
    """A QSettings list of names as a list (QSettings gives a str for one name, None for none)."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]
