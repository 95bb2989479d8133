"""The technique depth view beside the 3D view (View › Technique depth): the selected zone's skin cross-section
with the needle at its technique's depth and angle, drawn with QPainter from :mod:`mesomap.model.depth_view`
(the same shapes as the PDF and PNG drawers), and a small form of the layer thicknesses a trainer can change.

The view follows the session: the selection, and every change of the zone's technique, depth, needle and
volume. Thicknesses start at the default of the zone's body region; a trainer's values are kept per region
for the session (they are teaching schematics, not patient data, and are not saved in the plan).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (QDockWidget, QDoubleSpinBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget)

from mesomap.model.depth_view import (REGION_LAYERS, DepthView, SkinLayers, region_of_template,
                                      zone_depth_view)
from mesomap.ui.i18n import LAYER_WORDS, fill_in, tr, unit, word
from mesomap.ui.list_panel import scrolling

#: The form's fields: (layer, SkinLayers field, max mm).
FIELDS = (("epidermis", "epidermis_mm", 2.0), ("dermis", "dermis_mm", 6.0), ("hypodermis", "hypodermis_mm", 60.0),
          ("muscle", "muscle_mm", 40.0))


class DepthCanvas(QWidget):
    """Draws one :class:`DepthView` scaled to fit the widget, aspect kept (mm → px, y down from the skin)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.view: DepthView | None = None
        self.empty_text = tr("Select a zone to see its technique depth")
        self.setMinimumSize(220, 140)

    def set_view(self, view: DepthView | None) -> None:
        self.view = view
        self.updateGeometry()
        self.update()

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        """As tall as the drawing is at this width (between 140 and 420 px)."""
        if self.view is None:
            return 140
        return int(min(max(width * self.view.height_mm / self.view.width_mm, 140), 420))

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        v = self.view
        if v is None:
            p.setPen(QColor("#666666"))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text)
            return
        k = min(self.width() / v.width_mm, self.height() / v.height_mm)  # px per mm
        ox = (self.width() - v.width_mm * k) / 2
        oy = (self.height() - v.height_mm * k) / 2

        def pt(x_mm: float, y_mm: float) -> QPointF:
            return QPointF(ox + x_mm * k, oy + (y_mm - v.top_mm) * k)

        for b in v.bands:
            p.setPen(QPen(QColor("#8a7060"), 1))
            p.setBrush(QColor(b.colour))
            p.drawRect(QRectF(pt(0, b.y_mm), pt(v.width_mm, b.y_mm + b.h_mm)))
        bl = v.bleb
        fill = QColor(bl.colour)
        fill.setAlphaF(0.55)
        p.setPen(QPen(QColor(bl.colour), 1))
        p.setBrush(QBrush(fill))
        p.drawEllipse(pt(bl.cx_mm, bl.cy_mm), bl.r_mm * k, bl.r_mm * k)
        for ln in (v.depth_marker, v.hub, v.shaft):
            pen = QPen(QColor(ln.colour), max(ln.width_mm * k, 1.0))
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            p.setPen(pen)
            p.drawLine(pt(ln.x0_mm, ln.y0_mm), pt(ln.x1_mm, ln.y1_mm))
        p.setPen(QColor("black"))
        for lb in v.labels:
            font = QFont(self.font())
            font.setPixelSize(max(int(round(lb.size_mm * k)), 8))
            font.setBold(lb.bold)
            p.setFont(font)
            at = pt(lb.x_mm, lb.y_mm)
            if lb.anchor == "end":
                at.setX(at.x() - p.fontMetrics().horizontalAdvance(lb.text))
            p.drawText(at, lb.text)
        p.setPen(QPen(QColor("#999999"), 1))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(pt(0, v.top_mm), pt(v.width_mm, v.top_mm + v.height_mm)))
        p.end()


class DepthViewPanel(QDockWidget):
    """The dock: the canvas, a line saying where the tip lands, and the layer thicknesses (mm).

    ``view`` is the :class:`DepthView` drawn (None: no zone selected); ``layers`` the thicknesses used;
    ``drawn(view)`` follows every redraw (the presentation's inset draws the same)."""

    drawn = Signal(object)

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(tr("Technique depth"), parent)
        self.setObjectName("depth-view-dock")
        self.session = session
        self.overrides: dict[str, SkinLayers] = {}  # region -> the trainer's thicknesses
        self.view: DepthView | None = None
        self.layers: SkinLayers | None = None
        self.region: str | None = None
        body = QWidget()
        layout = QVBoxLayout(body)
        self.canvas = DepthCanvas()
        layout.addWidget(self.canvas)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        form = QFormLayout()
        self.spins: dict[str, QDoubleSpinBox] = {}
        for layer, name, top in FIELDS:
            spin = QDoubleSpinBox()
            spin.setRange(0.05, top)
            spin.setDecimals(2 if layer == "epidermis" else 1)
            spin.setSingleStep(0.05 if layer == "epidermis" else 0.5)
            spin.setSuffix(" " + unit("mm"))
            spin.setToolTip(fill_in(tr("Thickness of the {layer} drawn for this body region (a teaching default you can change)"),
                                    layer=tr(LAYER_WORDS[layer])))
            spin.valueChanged.connect(lambda value, n=name: self.set_thickness(n, value))
            form.addRow(word(LAYER_WORDS, layer), spin)
            self.spins[name] = spin
        self.defaults_button = QPushButton(tr("Region defaults"))
        self.defaults_button.setToolTip(tr("Back to the default thicknesses of this body region"))
        self.defaults_button.clicked.connect(self.reset_region)
        form.addRow(self.defaults_button)
        layout.addLayout(form)
        layout.addStretch(1)
        self.setWidget(scrolling(body))  # a short dock scrolls, it does not squeeze the Zones dock above it
        session.selection_changed.connect(self.refresh)
        session.doc.changed.connect(lambda _change: self.refresh())
        if session.grids is not None:
            session.grids.preview_changed.connect(lambda _zone_id: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        """Draw the selected zone with the parameters shown for it (a layout being previewed included)."""
        zone = self.session.zone
        if zone is None:
            self.view = self.layers = self.region = None
            self.verdict.setText("")
        else:
            self.region = region_of_template(zone.template)
            self.layers = self.overrides.get(self.region, REGION_LAYERS[self.region])
            shown = replace(zone, params=self.session.shown_params(zone))
            self.view = zone_depth_view(shown, self.layers)
            self.verdict.setText(self._verdict(zone.name, shown.params.technique))
        self._sync_spins()
        self.canvas.set_view(self.view)
        self.drawn.emit(self.view)

    def _verdict(self, name: str, technique: str) -> str:
        v = self.view
        where = fill_in(tr('{name}: the tip is in the {tip_layer}'), name=name, tip_layer=word(LAYER_WORDS, v.tip_layer).lower())
        if v.needle_too_short:
            return fill_in(tr("{where} — the needle is too short to reach this depth at {technique}'s angle."), where=where, technique=technique)
        if v.on_target:
            return fill_in(tr("{where} (on target)."), where=where)
        return fill_in(tr("{where} (not where {technique} aims)."), where=where, technique=technique)

    def _sync_spins(self) -> None:
        for layer, name, _top in FIELDS:
            spin = self.spins[name]
            spin.blockSignals(True)
            spin.setEnabled(self.layers is not None)
            if self.layers is not None:
                spin.setValue(getattr(self.layers, name))
            spin.blockSignals(False)
        self.defaults_button.setEnabled(self.region in self.overrides)

    def set_thickness(self, name: str, value_mm: float) -> None:
        """A trainer's thickness for the selected zone's region (kept for the session), then redraw."""
        if self.region is None:
            return
        self.overrides[self.region] = replace(self.layers, **{name: float(value_mm)})
        self.refresh()

    def reset_region(self) -> None:
        if self.region is not None:
            self.overrides.pop(self.region, None)
            self.refresh()

