"""The Grid menu in the window: lay out grids, order numbers, the selected injection point.

:class:`GridActions` does for a MainWindow what its Grid menu and toolbar
ask: lay out the selected zone's grid or every zone's (in the background, by
:class:`mesomap.session.grids.GridRequests`), show the order numbers, keep the
actions enabled only where they can act, show the preview while a spacing
slider moves, and name the selected or hovered injection point in the status
bar. It can also wait until the grids asked for are applied, so that a save or
an export has them.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from mesomap.model.plan import Plan
from mesomap.io.vocabulary import term
from mesomap.model.techniques import TECHNIQUES
from mesomap.ui.busy import wait_cursor
from mesomap.session.injections import plan_order
from mesomap.ui.i18n import fill_in, tr


def injection_text(plan: Plan, zone_id: str, index: int) -> str:
    """One status line naming an injection point for a clinician: number, zone, depth, volume, technique,
    needle, pinned (no coordinates: they say nothing at the treatment chair; exports carry them)."""
    zone = plan.zone(zone_id)
    q = zone.injections[index]
    p = zone.params
    technique = TECHNIQUES.get(p.technique)
    return (fill_in(tr("Injection {order} · {zone} ({index} of {n}) · depth {depth_mm:g} mm · {volume_ml:g} ml · "
                       "{technique} · needle {needle_mm:g} mm {gauge} G"),
                    order=plan_order(plan, zone_id, index), zone=zone.name, index=index + 1, n=len(zone.injections),
                    depth_mm=p.depth_mm, volume_ml=p.volume_per_point_ml,
                    technique=f"{p.technique} ({term('technique', p.technique, default=technique.name)})" if technique else p.technique, needle_mm=p.needle.length_mm, gauge=p.needle.gauge)
            + (tr(" · pinned") if q.pinned else ""))


class GridActions:
    """The Grid actions of ``window`` (the MainWindow) and what they show."""

    def __init__(self, window):
        self.window = window

    def generate(self, all_zones: bool = False) -> bool:
        """Lay out the selected zone's grid (or every zone's) in the background; one undo step."""
        win = self.window
        if not win.editor.enabled:
            win.statusBar().showMessage(win.session.why_not_editable().text(), 8000)
            return False
        win.commit_pending(layouts=False)
        if all_zones:
            return win.grids.generate(None)
        zone = win.editor.zone
        if zone is None:
            win.statusBar().showMessage(tr("Select a zone to lay out its grid (or Generate all)."), 8000)
            return False
        return win.grids.generate([zone.id])

    def finish_layouts(self, timeout_s: float = 120.0) -> bool:
        """Wait (the window repaints, input waits) until the requested grids are applied; False on timeout."""
        grids = self.window.grids
        if not grids.laying_out() and not grids.pending:
            return True
        with wait_cursor():
            deadline = time.monotonic() + timeout_s
            while grids.pending and time.monotonic() < deadline:
                QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents, 20)
                time.sleep(0.005)
        return not grids.pending

    def set_numbers(self, on: bool) -> None:
        win = self.window
        win.numbers_action.setChecked(on)
        win.scene.set_numbers(win.doc.plan, on)

    def sync(self) -> None:
        """Enable the grid and injection point actions where they can act; Pin says Unpin on a pinned point."""
        win = self.window
        editor = win.editor
        enabled = editor.enabled
        zone = editor.zone
        win.generate_action.setEnabled(enabled and zone is not None and len(zone.faces) > 0)
        win.generate_all_action.setEnabled(enabled and any(len(z.faces) for z in win.doc.plan.zones))
        win.clear_grid_action.setEnabled(enabled and zone is not None and bool(zone.injections))
        point = editor.injection_point
        win.pin_action.setEnabled(enabled and point is not None)
        unpin = point is not None and point.pinned
        win.pin_action.setText(tr("Unpin injection") if unpin else tr("Pin injection"))
        win.pin_action.setIconText(tr("Unpin") if unpin else tr("Pin"))
        win.delete_injection_action.setEnabled(enabled and point is not None)

    # -- GridRequests and Session signals ------------------------------------------
    def replacing(self, zone_ids) -> None:
        """A new layout replaces these zones' points: a selected point of theirs is no longer the same point."""
        editor = self.window.editor
        if editor.injection is not None and editor.injection[0] in zone_ids:
            editor.select_injection(None)

    def injection_changed(self) -> None:
        win = self.window
        self.sync()
        if win.editor.injection_point is not None and win.tool.hovered is None:
            win.statusBar().showMessage(injection_text(win.doc.plan, *win.editor.injection))

    def injection_hovered(self, target) -> None:
        win = self.window
        if target is not None:
            win.statusBar().showMessage(injection_text(win.doc.plan, *target))
        elif win.editor.injection_point is not None:
            win.statusBar().showMessage(injection_text(win.doc.plan, *win.editor.injection))
        else:
            win.statusBar().clearMessage()
