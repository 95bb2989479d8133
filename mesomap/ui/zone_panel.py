"""The zones dock: the list of zones (colour, visibility, name, area), the selected zone's parameters
and its injection grid (generate, clear, stale or not, the selected injection point; that section
and the spacing slider are in :mod:`mesomap.ui.zone_panel_grid`).

Every field change is one undoable document edit. Invalid values are
refused: the plan keeps its value; a refused number stays in its field, framed,
with the reason under it (:mod:`mesomap.ui.field_marks`; TreatmentParams.errors);
unusual values are applied with a warning.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from mesomap.io.vocabulary import term
from mesomap.model.document import Change
from mesomap.model.plan import Product, Zone
from mesomap.model.techniques import PATTERNS, ROW_ANGLE_DEG, SIDES, TECHNIQUES
from mesomap.session.session import Session
from mesomap.ui.list_panel import (
    ERROR_STYLE,
    ID_ROLE,
    WARNING_STYLE,
    ListPanel,
    NotesEdit,
    commit_typed,
    menu_button,
    spin_box,
)
from mesomap.ui.field_marks import FieldMarks
from mesomap.ui.list_panel import scrolling  # noqa: F401 — the summary dock imports it from here
from mesomap.ui.zone_panel_grid import SPACING_STEP_MM, ZoneGridSection
from mesomap.ui.i18n import PATTERN_WORDS, QT_TR_NOOP, SIDE_WORDS, choose, fill_choices, fill_in, indications, num, tr, unit

GROUP_LABELS = {"face": QT_TR_NOOP("Face"), "head": QT_TR_NOOP("Head"), "neck": QT_TR_NOOP("Neck"), "trunk": QT_TR_NOOP("Trunk"), "lymph": QT_TR_NOOP("Lymph nodes"),
                "legs": QT_TR_NOOP("Legs"), "arms": QT_TR_NOOP("Arms"), "spine": QT_TR_NOOP("Spine")}
PRODUCT_ROWS = 4


def swatch(color: str, size: int = 14) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(QColor(color))
    return QIcon(pix)


class _ZoneTree(QTreeWidget):
    """The zones list; it asks for a few rows of height so the form below keeps the room."""

    def sizeHint(self):  # noqa: N802
        hint = super().sizeHint()
        hint.setHeight(118)
        return hint


class ZonePanel(ZoneGridSection, ListPanel):
    """Zones list + parameter editor, bound to a Session."""

    def __init__(self, editor: Session, parent: QWidget | None = None):
        super().__init__(tr("Zones"), "zones-dock", editor, _ZoneTree(), [tr("Zone"), tr("Area")], parent)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setToolTip(tr("Tick to show or hide a zone (view only). Click a zone to edit it; "
                             "double-click its swatch to change the colour."))
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.itemDoubleClicked.connect(self._double_clicked)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(tr("Add"))
        self.add_button.setToolTip(tr("Add an empty zone, then paint it (B)"))
        self.add_button.clicked.connect(lambda: self.editor.add_zone())
        self.template_button, self.template_menu = menu_button(
            tr("From template"), tr("Add an anatomical zone with its faces and clinical defaults"))
        self.clear_button = QPushButton(tr("Clear"))
        self.clear_button.setToolTip(tr("Remove all painted faces from the selected zone (undoable)"))
        self.clear_button.clicked.connect(lambda: self.editor.clear_zone())
        self.delete_button = QPushButton(tr("Delete"))
        self.delete_button.setToolTip(tr("Delete the selected zone (undoable)"))
        self.delete_button.clicked.connect(lambda: self.editor.delete_zone())
        for w in (self.add_button, self.template_button, self.clear_button, self.delete_button):
            buttons.addWidget(w)
        self.body_layout.addLayout(buttons)

        self.form_box = QWidget()
        form = QFormLayout(self.form_box)
        form.setContentsMargins(0, 4, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name = QLineEdit()
        self.name.editingFinished.connect(lambda: self._name_edited())
        self.side = QComboBox()
        fill_choices(self.side, SIDES, SIDE_WORDS)
        self.side.activated.connect(lambda _: self._zone_edit("side", side=self.side.currentData()))
        self.technique = QComboBox()
        self.technique.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.technique.setMinimumContentsLength(16)
        for code, t in TECHNIQUES.items():
            self.technique.addItem(f"{code} — {term('technique', code, default=t.name)}", code)
        self.technique.activated.connect(
            lambda _: self._params_edit("technique", technique=self.technique.currentData()))
        self.depth = spin_box(0.0, 99.0, 2, 0.1, " " + unit("mm"))
        self.depth.valueChanged.connect(lambda v: self._params_edit("depth", depth_mm=v))
        self.spacing = spin_box(0.0, 999.0, 1, 1.0, " " + unit("mm"))
        self.spacing.valueChanged.connect(self._spacing_typed)
        self.spacing.setToolTip(tr("Distance between neighbouring injections, measured along the skin"))
        spacing_row = QHBoxLayout()
        spacing_row.addWidget(self._make_spacing_slider(), 3)
        spacing_row.addWidget(self.spacing, 2)
        self.pattern = QComboBox()
        fill_choices(self.pattern, PATTERNS, PATTERN_WORDS)
        self.pattern.activated.connect(lambda _: self._params_edit("pattern", pattern=self.pattern.currentData()))
        self.row_spacing = spin_box(0.0, 999.0, 1, 1.0, " " + unit("mm"))
        self.row_spacing.setSpecialValueText(tr("same as spacing"))
        self.row_spacing.setToolTip(tr("Rows pattern: distance between the rows (0: the same as the spacing)"))
        self.row_spacing.valueChanged.connect(
            lambda v: self._params_edit("row spacing", row_spacing_mm=v if v > 0 else None))
        self.row_angle = spin_box(*ROW_ANGLE_DEG, 0, 15.0, " °")
        self.row_angle.setToolTip(tr("Rows pattern: direction of the rows; 0° runs along the body, 90° across. "
                                     "A ring-shaped zone (around the mouth) has its rows go around it"))
        self.row_angle.valueChanged.connect(lambda v: self._params_edit("row angle", row_angle_deg=v))
        self.margin = spin_box(0.0, 999.0, 1, 0.5, " " + unit("mm"))
        self.margin.valueChanged.connect(lambda v: self._params_edit("margin", margin_mm=v))
        self.margin.setToolTip(tr("No injection closer than this to the zone's border"))
        self.volume = spin_box(0.0, 9.0, 3, 0.01, " " + unit("ml"))
        self.volume.valueChanged.connect(lambda v: self._params_edit("volume per point", volume_per_point_ml=v))
        self.needle_length = spin_box(0.0, 99.0, 1, 0.5, " " + unit("mm"))
        self.needle_length.valueChanged.connect(
            lambda v: self._params_edit("needle length", needle={"length_mm": v}))
        self.gauge = QSpinBox()
        self.gauge.setRange(1, 99)
        self.gauge.setSuffix(" G")
        self.gauge.setKeyboardTracking(False)
        self.gauge.valueChanged.connect(lambda v: self._params_edit("needle gauge", needle={"gauge": v}))
        needle_row = QHBoxLayout()
        needle_row.addWidget(self.needle_length)
        needle_row.addWidget(self.gauge)
        self.products = QTableWidget(PRODUCT_ROWS, 2)
        self.products.setHorizontalHeaderLabels([tr("Product"), tr("Lot")])
        self.products.verticalHeader().setVisible(False)
        self.products.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.products.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.products.setColumnWidth(1, 90)
        self.products.setFixedHeight(self.products.verticalHeader().defaultSectionSize() * PRODUCT_ROWS
                                     + self.products.horizontalHeader().sizeHint().height() + 4)
        self.products.setToolTip(tr("The cocktail: 2–4 products, each with its lot number"))
        self.products.itemChanged.connect(self._products_edited)
        self.notes = NotesEdit()
        self.notes.setPlaceholderText(tr("Notes for this zone"))
        self.notes.setFixedHeight(54)
        self.notes.committed.connect(lambda: self._notes_edited())
        form.addRow(tr("Name"), self.name)
        form.addRow(tr("Side"), self.side)
        form.addRow(tr("Technique"), self.technique)
        form.addRow(tr("Depth"), self.depth)
        form.addRow(tr("Spacing"), spacing_row)
        form.addRow(tr("Pattern"), self.pattern)
        form.addRow(tr("Row spacing"), self.row_spacing)
        form.addRow(tr("Row angle"), self.row_angle)
        form.addRow(tr("Margin"), self.margin)
        form.addRow(tr("Grid"), self._make_grid_row())
        form.addRow(tr("Injection"), self._make_injection_row())
        form.addRow(tr("Volume / point"), self.volume)
        form.addRow(tr("Needle"), needle_row)
        form.addRow(tr("Products"), self.products)
        form.addRow(tr("Notes"), self.notes)
        self.body_layout.addWidget(self.form_box)
        self._form = form
        self.fields = {"depth": self.depth, "spacing": self.spacing, "row spacing": self.row_spacing,
                       "row angle": self.row_angle, "margin": self.margin, "volume per point": self.volume,
                       "needle length": self.needle_length, "needle gauge": self.gauge}
        rows = {self.spacing: spacing_row, self.needle_length: needle_row, self.gauge: needle_row}
        self.marks = FieldMarks(form, {f: rows.get(f, f) for f in self.fields.values()},
                                lambda: self._show_zone(self.editor.zone))
        order = (self.name, self.side, self.technique, self.depth, self.spacing_slider, self.spacing, self.pattern,
                 self.row_spacing, self.row_angle, self.margin, self.generate_button, self.clear_grid_button,
                 self.pin_button, self.delete_injection_button, self.volume, self.needle_length, self.gauge,
                 self.products, self.notes)
        for a, b in zip(order, order[1:]):
            QWidget.setTabOrder(a, b)
        self._finish_layout(tr("No zone selected.\nAdd one, pick one from a template, or just paint (B): "
                            "the first stroke makes a zone."))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        editor.visibility_changed.connect(self._sync_visibility)
        editor.injection_changed.connect(self._show_injection)
        self.rebuild()

    def set_zone_actions(self, actions) -> None:
        """Whole-zone actions (Mirror to other side…) in the zones list's context menu."""
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.tree.addActions(actions)

    # -- templates -------------------------------------------------------------
    def set_templates(self, zone_templates, areas: dict[str, float] | None = None) -> None:
        """Fill the template menu, grouped by region (ZoneTemplate objects)."""
        self.templates = tuple(zone_templates)
        self.template_menu.clear()
        groups = defaultdict(list)
        for t in self.templates:
            groups[t.group or "other"].append(t)
        for group, items in groups.items():
            sub = self.template_menu.addMenu(tr(GROUP_LABELS[group]) if group in GROUP_LABELS else group.capitalize())
            sub.setToolTipsVisible(True)
            for t in items:
                name = term("zone", t.id, default=t.name)
                label = name if not areas else f"{name}   ({num(areas.get(t.id, 0), '.0f')} {unit('cm²')})"
                action = sub.addAction(label)
                action.setToolTip(tr("For: ") + indications(t) if t.indications else name)
                action.setData(t.id)
                action.triggered.connect(lambda _=False, tt=t: self.editor.add_zone_from_template(tt))
        self.template_button.setEnabled(bool(self.templates) and self.editor.enabled)

    # -- list ------------------------------------------------------------------
    def _selected_id(self) -> str | None:
        return self.editor.zone_id

    def _select(self, zone_id: str | None) -> None:
        self.editor.select_zone(zone_id)

    def _list_items(self):
        for zone in self.editor.plan.zones:
            item = QTreeWidgetItem()
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            self._fill_item(item, zone)
            yield item

    def _fill_item(self, item: QTreeWidgetItem, zone: Zone) -> None:
        item.setText(0, zone.name)
        item.setIcon(0, swatch(zone.color))
        item.setData(0, ID_ROLE, zone.id)
        item.setCheckState(0, Qt.CheckState.Unchecked if zone.id in self.editor.hidden else Qt.CheckState.Checked)
        item.setToolTip(0, f"{zone.name} · {tr(SIDE_WORDS.get(zone.side, zone.side))} · {zone.params.technique}")
        self._fill_area(item, zone)

    def _fill_area(self, item: QTreeWidgetItem, zone: Zone) -> None:
        surface = self.editor.surface
        area = surface.area_cm2(zone.faces) if surface is not None else 0.0
        item.setText(1, num(area, ".1f") + " " + unit("cm²"))
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def apply(self, change: Change) -> None:
        """Update for a document change (only the zones it names)."""
        if change.reset or change.zones_added or change.zones_removed or change.zone_order_changed:
            self.rebuild()
            return
        plan = self.editor.plan
        self._syncing = True
        try:
            for zone_id in change.zones_changed:
                item = self._item(zone_id)
                if item is None:
                    continue
                zone = plan.zone(zone_id)
                if change.zone_faces_changed == (zone_id,) and len(change.zones_changed) == 1:
                    self._fill_area(item, zone)  # a dab: only the area moved
                else:
                    self._fill_item(item, zone)
        finally:
            self._syncing = False
        if self.editor.zone_id in change.zones_changed:
            self._show_zone(self.editor.zone)

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._syncing or column != 0:
            return
        zone_id = item.data(0, ID_ROLE)
        self.editor.set_zone_visible(zone_id, item.checkState(0) == Qt.CheckState.Checked)

    def _double_clicked(self, item: QTreeWidgetItem, column: int) -> None:
        zone_id = item.data(0, ID_ROLE)
        zone = self.editor.plan.zone(zone_id)
        color = QColorDialog.getColor(QColor(zone.color), self, fill_in(tr('Colour of {name}'), name=zone.name))
        if color.isValid():
            self._report(self.editor.update_zone(zone_id, "colour", color=color.name()))

    def _sync_visibility(self, zone_id: str) -> None:
        item = self._item(zone_id)
        if item is not None:
            self._syncing = True
            item.setCheckState(0, Qt.CheckState.Unchecked if zone_id in self.editor.hidden else Qt.CheckState.Checked)
            self._syncing = False

    # -- parameter editor --------------------------------------------------------
    def _show_selected(self) -> None:
        self.marks.clear()  # another zone (or none): typed values refused for the last one are dropped
        self._show_zone(self.editor.zone)

    def _show_zone(self, zone: Zone | None) -> None:
        """Show ``zone``'s values in the editor fields (signals blocked: showing is not editing)."""
        enabled = self._show_form(zone is not None)
        self.clear_button.setEnabled(enabled and len(zone.faces) > 0)
        self.delete_button.setEnabled(enabled)
        self.add_button.setEnabled(self.editor.enabled)
        self.template_button.setEnabled(bool(self.templates) and self.editor.enabled)
        if zone is None:
            return
        p = self.editor.shown_params(zone)
        widgets = (self.name, self.side, self.technique, self.depth, self.spacing, self.spacing_slider, self.pattern,
                   self.row_spacing, self.row_angle, self.margin, self.volume, self.needle_length, self.gauge,
                   self.products, self.notes)
        for w in widgets:
            w.blockSignals(True)
        try:
            if not self.name.hasFocus() or self.name.text() == "":
                self.name.setText(zone.name)
            choose(self.side, zone.side)
            self.technique.setCurrentIndex(max(self.technique.findData(p.technique), 0))
            self.depth.setValue(p.depth_mm)
            self.spacing.setValue(p.spacing_mm)
            if not self.spacing_slider.isSliderDown():
                self.spacing_slider.setValue(round(p.spacing_mm / SPACING_STEP_MM))
            choose(self.pattern, p.pattern)
            self.row_spacing.setValue(p.row_spacing_mm or 0.0)
            self.row_angle.setValue(p.row_angle_deg)
            self.margin.setValue(p.margin_mm)
            self.volume.setValue(p.volume_per_point_ml)
            self.needle_length.setValue(p.needle.length_mm)
            self.gauge.setValue(p.needle.gauge)
            for row in range(PRODUCT_ROWS):
                product = p.products[row] if row < len(p.products) else Product("")
                self.products.setItem(row, 0, QTableWidgetItem(product.name))
                self.products.setItem(row, 1, QTableWidgetItem(product.lot))
            if not self.notes.hasFocus():
                self.notes.setPlainText(p.notes)
        finally:
            for w in widgets:
                w.blockSignals(False)
        self.marks.keep_typed()
        rows = p.pattern == "rows"
        for w in (self.row_spacing, self.row_angle):
            self._form.setRowVisible(w, rows)
        self._show_warnings(zone)
        self._show_grid(zone)
        self._show_injection()

    def _show_warnings(self, zone: Zone) -> None:
        warnings = zone.params.warnings()
        if len(zone.faces) == 0:
            warnings = [*warnings, tr("the zone has no painted faces yet: paint it with B")]
        if warnings and not self.message.property("error"):
            self.message.setStyleSheet(WARNING_STYLE)
            self.message.setText(tr("Note: ") + "; ".join(map(str, warnings)) + ".")
        elif not warnings and not self.message.property("error"):
            self.message.clear()

    def _report(self, errors: list[str]) -> bool:
        """Show why an edit was refused (and the plan's value again), or clear the message."""
        zone = self.editor.zone
        if errors:
            self.message.setProperty("error", True)
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(tr("Not applied: ") + "; ".join(map(str, errors)) + ".")
            self._show_zone(zone)
            return False
        self.message.setProperty("error", False)
        self.message.clear()
        if zone is not None:
            self._show_warnings(zone)
        return True

    def _params_edit(self, what: str, **changes) -> bool:
        """Apply a parameter edit; a refused number stays in its field, marked with the reason."""
        zone = self.editor.zone
        if zone is None:
            return False
        errors = self.editor.set_zone_params(zone.id, what, **changes)
        field = self.fields.get(what)
        if field is None:
            return self._report(errors)
        if errors:
            self.marks.mark(field, errors)
            self._show_zone(self.editor.zone)
            return False
        self.marks.clear(field)
        return self._report([])

    def _zone_edit(self, what: str, **changes) -> bool:
        zone = self.editor.zone
        if zone is None:
            return False
        return self._report(self.editor.update_zone(zone.id, what, **changes))

    def commit_pending(self) -> None:
        """Apply what is typed but not yet confirmed (before save, close, open…)."""
        if self.editor.zone is None or not self.form_box.isEnabled():
            return
        commit_typed((self.depth, self.spacing, self.row_spacing, self.row_angle, self.margin, self.volume,
                      self.needle_length, self.gauge),
                     [(self.name.text(), self._name_edited), (self.notes.toPlainText(), self._notes_edited)])

    def _name_edited(self, text: str | None = None) -> None:
        zone = self.editor.zone
        text = (self.name.text() if text is None else text).strip()
        if zone is not None and text != zone.name:
            self._zone_edit("name", name=text)

    def _notes_edited(self, text: str | None = None) -> None:
        zone = self.editor.zone
        text = self.notes.toPlainText() if text is None else text
        if zone is not None and text != zone.params.notes:
            self._params_edit("notes", notes=text)

    def _products_edited(self, _item) -> None:
        rows = []
        for row in range(PRODUCT_ROWS):
            name = (self.products.item(row, 0).text() if self.products.item(row, 0) else "").strip()
            lot = (self.products.item(row, 1).text() if self.products.item(row, 1) else "").strip()
            if name or lot:
                rows.append(Product(name or "(unnamed)", lot))
        zone = self.editor.zone
        if zone is not None and tuple(rows) != zone.params.products:
            self._params_edit("products", products=tuple(rows))
