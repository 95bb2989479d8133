"""Body › Shape…: the reference body takes the patient's build (issue 16, "No scanner? Shape the body").

A dock with one slider per body-shape slider (:data:`mesomap.model.body_shape.SLIDERS`, 0 = the body
as bundled), the patient's height (mm) and weight (kg) with *Set* (they set the height and weight
sliders), *Reset*, what the shaped body measures, and the effect: each zone's area (cm²) and
injection count before (when the panel was opened) → now. Every change goes through
``window.session.set_body_shape`` (one undo step; grids are laid out again at the same spacing).
A slider applies when released (or on each key step), not at every pixel of a drag.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSlider,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mesomap.model.body_shape import SLIDERS, ShapeError
from mesomap.model.shape_effect import effect_table, shape_effect, summary_on
from mesomap.ui.zone_panel import ERROR_STYLE
from mesomap.ui.i18n import QT_TR_NOOP, fill_in, num, tr, unit

#: Slider steps per unit of a shape value (0.01 resolution).
STEPS = 100
LABELS = {"height": QT_TR_NOOP("Height"), "weight": QT_TR_NOOP("Weight"), "muscle": QT_TR_NOOP("Muscle"), "age": QT_TR_NOOP("Age"), "proportions": QT_TR_NOOP("Proportions")}
TIPS = {
    "height": QT_TR_NOOP("Shorter (−1, about 1.22 m) to taller (+1, about 2.31 m); 0 is the body as bundled"),
    "weight": QT_TR_NOOP("Slimmer (−1) to heavier (+1 is MakeHuman's heaviest, +2 extrapolates it)"),
    "muscle": QT_TR_NOOP("Less (−1) to more (+1) muscular"),
    "age": QT_TR_NOOP("Young adult (0, 25 years) to old (1, 90 years)"),
    "proportions": QT_TR_NOOP("Uncommon (−1) to idealised (+1) proportions"),
}
REFRESH_MS = 120
#: Wide enough for a zone name and both columns of the effect table (px).
MIN_WIDTH = 400


class BodyShapePanel(QDockWidget):
    """The Body shape dock of ``window`` (a MainWindow): sliders, height and weight, effect on the zones."""

    def __init__(self, window):
        super().__init__(tr("Body shape"), window)
        self.setObjectName("body_shape_panel")
        self.window = window
        self.session = window.session
        self._syncing = False
        self._before = None  # the plan's summary when the panel was opened
        body = QWidget()
        layout = QVBoxLayout(body)
        form = QFormLayout()
        self.sliders: dict[str, QSlider] = {}
        self.values: dict[str, QLabel] = {}
        for name, (_, _, lo, hi) in SLIDERS.items():
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(round(lo * STEPS), round(hi * STEPS))
            slider.setTracking(False)  # valueChanged on release: one undo step per move, not per pixel
            slider.setToolTip(tr(TIPS[name]))
            value = QLabel("0.00")
            value.setMinimumWidth(40)
            slider.sliderMoved.connect(lambda v, label=value: label.setText(num(v / STEPS, "+.2f")))
            slider.valueChanged.connect(self._slider_changed)
            row = QHBoxLayout()
            row.addWidget(slider, 1)
            row.addWidget(value)
            form.addRow(tr(LABELS[name]), row)
            self.sliders[name], self.values[name] = slider, value
        layout.addLayout(form)

        patient = QFormLayout()
        self.height_mm = QDoubleSpinBox()
        self.height_mm.setRange(500.0, 3000.0)
        self.height_mm.setDecimals(0)
        self.height_mm.setSuffix(" " + unit("mm"))
        self.weight_kg = QDoubleSpinBox()
        self.weight_kg.setRange(10.0, 300.0)
        self.weight_kg.setDecimals(1)
        self.weight_kg.setSuffix(" " + unit("kg"))
        self.set_button = QPushButton(tr("Set"))
        self.set_button.setToolTip(tr("Set the height and weight sliders so the body has this height and weight"))
        self.set_button.clicked.connect(self.set_height_weight)
        row = QHBoxLayout()
        row.addWidget(self.height_mm)
        row.addWidget(self.weight_kg)
        row.addWidget(self.set_button)
        patient.addRow(tr("Patient"), row)
        layout.addLayout(patient)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.hide()
        layout.addWidget(self.problem)
        self.measured = QLabel()
        layout.addWidget(self.measured)
        self.reset_button = QPushButton(tr("Reset"))
        self.reset_button.setToolTip(tr("Every slider back to 0: the body as bundled"))
        self.reset_button.clicked.connect(self.reset)
        layout.addWidget(self.reset_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.effect_label = QLabel(tr("Effect since the panel was opened"))
        layout.addWidget(self.effect_label)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("Zone"), tr("Area cm² before → now"), tr("Injections")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # long zone names are elided
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setToolTip(tr("~: estimated from the zone's area and border until its grid is laid out again"))
        layout.addWidget(self.table, 1)
        self.setWidget(body)
        self.setMinimumWidth(MIN_WIDTH)

        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self.refresh)
        window.doc.changed.connect(lambda _change: self._refresh.start())
        self.session.surface_changed.connect(lambda: self._refresh.start())

    # -- opening ------------------------------------------------------------------------------
    def open(self) -> None:
        """Show the panel; the effect table compares with the plan and shape as they are now."""
        self.mark_before()
        self.show()
        self.raise_()
        self.refresh()

    def mark_before(self) -> None:
        s = self.session
        self._before = summary_on(s.plan, s.surface) if s.surface is not None else None

    # -- changes ------------------------------------------------------------------------------
    def _slider_changed(self, _value: int) -> None:
        if self._syncing:
            return
        self.apply({name: slider.value() / STEPS for name, slider in self.sliders.items()})

    def apply(self, values) -> bool:
        """Give the body the shape ``values``; a refusal is shown under the fields (nothing changes)."""
        try:
            changed = self.session.set_body_shape(values)
        except ShapeError as err:
            self._say(str(err))
            self.sync()
            return False
        self._say("")
        self.sync()
        return changed

    def set_height_weight(self) -> bool:
        """Set the height and weight sliders from the Patient fields."""
        try:
            shape = self.session.shape_for(self.height_mm.value(), self.weight_kg.value())
        except ShapeError as err:
            self._say(str(err))
            return False
        return self.apply(dict(shape))

    def reset(self) -> None:
        self.apply({})

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    # -- showing --------------------------------------------------------------------------------
    def sync(self) -> None:
        """Sliders, fields and measures from the plan's shape (no change is sent back)."""
        values = self.session.plan.body.shape_values
        self._syncing = True
        try:
            for name, slider in self.sliders.items():
                slider.setValue(round(values.get(name, 0.0) * STEPS))
                self.values[name].setText(num(values.get(name, 0.0), "+.2f"))
        finally:
            self._syncing = False
        enabled = self.session.surface is not None
        self.widget().setEnabled(enabled)
        if not enabled:
            self.measured.setText(tr("Show a bundled body to shape it."))
            return
        m = self.session.body_measures()
        self.measured.setText(fill_in(tr('Height {height_mm:.0f} mm · weight about {weight_kg:.1f} kg · BMI {bmi:.1f}'), height_mm=m.height_mm, weight_kg=m.weight_kg, bmi=m.bmi))
        if not self.height_mm.hasFocus() and not self.weight_kg.hasFocus():
            self.height_mm.setValue(m.height_mm)
            self.weight_kg.setValue(m.weight_kg)

    def refresh(self) -> None:
        if not self.isVisible():
            return
        self.sync()
        s = self.session
        rows = []
        if self._before is not None and s.surface is not None:
            rows = effect_table(shape_effect(self._before, summary_on(s.plan, s.surface)), num)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def effect_rows(self) -> list[tuple[str, str, str]]:
        """The effect table as shown (zone, area, injections)."""
        return [tuple(self.table.item(r, c).text() for c in range(3)) for r in range(self.table.rowCount())]
