"""The zones dock's grid section: the spacing slider, the grid's state with Generate and Clear grid,
and the selected injection point with its Pin and Delete buttons.

The spacing slider previews while it is dragged (a quick layout of a gridded
zone, latest request wins) and lays the grid out again when it is let go, as
one undo step; keys, page clicks and the wheel make one edit per step.

:class:`ZoneGridSection` is mixed into :class:`mesomap.ui.zone_panel.ZonePanel`;
its methods use the panel's editor, form (``_form``), spacing field and
parameter edits (``_params_edit``, ``_show_zone``).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QToolButton, QVBoxLayout, QWidget

from mesomap.model.plan import Zone
from mesomap.model.techniques import SPACING_MM
from mesomap.session.injections import plan_order
from mesomap.ui.list_panel import WARNING_STYLE
from mesomap.ui.i18n import fill_in, tr

#: The spacing slider moves in steps of this many mm.
SPACING_STEP_MM = 0.5


class ZoneGridSection:
    """The grid rows and the spacing slider of the ZonePanel."""

    # -- building ----------------------------------------------------------------------
    def _make_spacing_slider(self) -> QSlider:
        """``spacing_slider``, beside the spacing field in the Spacing row."""
        self.spacing_slider = QSlider(Qt.Orientation.Horizontal)
        lo, hi = SPACING_MM
        self.spacing_slider.setRange(round(lo / SPACING_STEP_MM), round(hi / SPACING_STEP_MM))
        self.spacing_slider.setPageStep(round(2.0 / SPACING_STEP_MM))
        self.spacing_slider.setToolTip(tr("Drag to try spacings: a gridded zone shows a quick preview while you drag "
                                       "and is laid out again when you let go (one undo step)"))
        self.spacing_slider.sliderMoved.connect(self._spacing_slid)
        self.spacing_slider.sliderReleased.connect(self._spacing_released)
        self.spacing_slider.valueChanged.connect(self._spacing_slider_stepped)
        return self.spacing_slider

    def _make_grid_row(self) -> QVBoxLayout:
        """The Grid row: ``grid_status`` above ``generate_button`` and ``clear_grid_button``."""
        grid_box = QVBoxLayout()
        grid_box.setSpacing(3)
        self.grid_status = QLabel()
        self.grid_status.setWordWrap(True)
        grid_box.addWidget(self.grid_status)
        grid_buttons = QHBoxLayout()
        self.generate_button = QPushButton(tr("Generate grid"))
        self.generate_button.setToolTip(tr("Lay out this zone's injection points (Ctrl+G; pinned points are kept)"))
        self.generate_button.clicked.connect(self._generate)
        self.clear_grid_button = QPushButton(tr("Clear grid"))
        self.clear_grid_button.setToolTip(tr("Remove this zone's injection points (undoable)"))
        self.clear_grid_button.clicked.connect(lambda: self.editor.clear_grid())
        grid_buttons.addWidget(self.generate_button)
        grid_buttons.addWidget(self.clear_grid_button)
        grid_box.addLayout(grid_buttons)
        return grid_box

    def _make_injection_row(self) -> QWidget:
        """The Injection row (``injection_box``): the selected point's number, Pin and Delete."""
        self.injection_box = QWidget()
        injection_row = QHBoxLayout(self.injection_box)
        injection_row.setContentsMargins(0, 0, 0, 0)
        self.injection_label = QLabel()
        self.injection_label.setWordWrap(True)
        injection_row.addWidget(self.injection_label, 1)
        self.pin_button = QToolButton()
        self.delete_injection_button = QToolButton()
        injection_row.addWidget(self.pin_button)
        injection_row.addWidget(self.delete_injection_button)
        return self.injection_box

    def set_injection_actions(self, pin, delete) -> None:
        """The main window's Pin/unpin and Delete injection actions, as buttons beside the selected point."""
        self.pin_button.setDefaultAction(pin)
        self.delete_injection_button.setDefaultAction(delete)

    def watch_grids(self, grids) -> None:
        """Follow a GridRequests: parameters waiting for their layout, and its end."""
        grids.pending_changed.connect(self._grid_pending_changed)
        grids.busy_changed.connect(lambda _busy: self._show_grid(self.editor.zone))
        grids.preview_changed.connect(lambda _zone_id: self._show_grid(self.editor.zone))

    # -- grid ------------------------------------------------------------------------
    def _show_grid(self, zone: Zone | None) -> None:
        """The zone's grid state: none, laid out (how many, pinned), out of date, or being laid out."""
        if zone is None:
            return
        grids = self.editor.grids
        enabled = self.editor.enabled and len(zone.faces) > 0
        pending = grids is not None and (grids.pending_params(zone.id) is not None or zone.id in grids.laying_out())
        preview = grids.previewing(zone.id) if grids is not None else None
        n, pinned = len(zone.injections), sum(q.pinned for q in zone.injections)
        style = ""
        if len(zone.faces) == 0:
            text = tr("Paint the zone first; then lay out its injection points.")
        elif preview is not None and n:
            text = fill_in(tr('Preview at {spacing_mm:g} mm spacing: let go of the slider to lay it out.'), spacing_mm=preview.spacing_mm)
        elif pending:
            text = tr("Laying out the grid…")
        elif n == 0:
            text = tr("No grid yet. Generate lays out the injection points (spacing measured along the skin).")
        elif zone.grid_stale:
            text = fill_in(tr('⚠ The zone changed since its grid was laid out — regenerate ({n} points, out of date).'), n=n)
            style = WARNING_STYLE + " font-weight: bold;"
        else:
            text = fill_in(tr('{n} injection points'), n=n) + (fill_in(tr(', {pinned} pinned (kept when laid out again)'), pinned=pinned) if pinned else "")
        self.grid_status.setText(text)
        self.grid_status.setStyleSheet(style)
        self.generate_button.setText(tr("Regenerate") if n and zone.grid_stale else tr("Generate grid"))
        self.generate_button.setEnabled(enabled)
        self.clear_grid_button.setEnabled(self.editor.enabled and n > 0)

    def _show_injection(self) -> None:
        zone, point = self.editor.zone, self.editor.injection_point
        shown = point is not None and zone is not None and self.editor.injection[0] == zone.id
        self._form.setRowVisible(self.injection_box, shown)
        if shown:
            index = self.editor.injection[1]
            n = plan_order(self.editor.plan, zone.id, index)
            self.injection_label.setText(fill_in(tr('No. {n} ({value} of {n2} in the zone)'), n=n, value=index + 1, n2=len(zone.injections))
                                         + (tr(" · pinned") if point.pinned else ""))

    def _generate(self) -> None:
        zone = self.editor.zone
        if zone is not None and self.editor.grids is not None:
            self.editor.grids.generate([zone.id])
            self._show_grid(zone)

    def _grid_pending_changed(self, zone_id: str) -> None:
        zone = self.editor.zone
        if zone is not None and zone.id == zone_id:
            self._show_zone(zone)

    # -- spacing slider: preview while dragging, lay out on release --------------------
    def _spacing_slid(self, value: int) -> None:
        zone = self.editor.zone
        if zone is None or self.editor.grids is None:
            return
        spacing = value * SPACING_STEP_MM
        self.spacing.blockSignals(True)
        self.spacing.setValue(spacing)
        self.spacing.blockSignals(False)
        params = replace(self.editor.shown_params(zone), spacing_mm=spacing)
        if not params.errors():
            self.editor.grids.preview(zone.id, params)

    def _spacing_released(self) -> None:
        self._commit_spacing(self.spacing_slider.value() * SPACING_STEP_MM)

    def _spacing_slider_stepped(self, value: int) -> None:
        if not self.spacing_slider.isSliderDown():  # keys, page clicks, the wheel: one edit each
            self._commit_spacing(value * SPACING_STEP_MM)

    def _spacing_typed(self, value: float) -> None:
        self.spacing_slider.blockSignals(True)
        self.spacing_slider.setValue(round(value / SPACING_STEP_MM))
        self.spacing_slider.blockSignals(False)
        self._params_edit("spacing", spacing_mm=value)

    def _commit_spacing(self, spacing: float) -> None:
        zone = self.editor.zone
        if zone is None:
            return
        grids = self.editor.grids
        if spacing != self.editor.shown_params(zone).spacing_mm or (grids and zone.id in grids.previews):
            self._params_edit("spacing", spacing_mm=spacing)
        if grids is not None and grids.pending_params(zone.id) is None:
            grids.end_preview(zone.id)  # no layout follows (no grid, or refused): drop the preview
            self._show_zone(self.editor.zone)
