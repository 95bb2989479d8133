"""A refused value stays in its field, marked, with the reason right under it; the plan keeps its old value."""

from __future__ import annotations

from PySide6.QtCore import Qt

from mesomap.session.session import Mode


def type_into(qtbot, box, text: str) -> None:
    """Click into a number field, replace its text and press Enter, as a user does."""
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def reason_under(marks, field) -> str:
    line = marks.line(field)
    return line.text().lower() if line is not None and not line.isHidden() and marks.form.isRowVisible(line) else ""


def test_a_depth_beyond_the_needle_stays_typed_with_the_reason_at_the_field(window, qtbot):
    panel = window.zone_panel
    zone_id = window.editor.add_zone("Belly")
    assert window.editor.set_zone_params(zone_id, "needle length", needle={"length_mm": 6.0}) == []
    depth = window.doc.plan.zone(zone_id).params.depth_mm
    before = window.doc.plan

    type_into(qtbot, panel.depth, "9")
    assert window.doc.plan is before and window.doc.plan.zone(zone_id).params.depth_mm == depth
    assert panel.depth.value() == 9.0 and "9" in panel.depth.text(), "the typed value stays visible"
    reason = reason_under(panel.marks, panel.depth)
    assert "deeper than the 6 mm needle" in reason
    assert panel.depth.toolTip().lower() == reason and "solid" in panel.depth.styleSheet()
    # the reason is next to the field: its line is the form row right under the Depth row
    depth_row, _ = panel._form.getWidgetPosition(panel.depth)
    line_row, _ = panel._form.getWidgetPosition(panel.marks.line(panel.depth))
    assert line_row == depth_row + 1
    assert "deeper" not in panel.message.text(), "not at the bottom of the panel"

    type_into(qtbot, panel.depth, "4")
    assert window.doc.plan.zone(zone_id).params.depth_mm == 4.0
    assert reason_under(panel.marks, panel.depth) == "" and panel.depth.styleSheet() == ""
    assert "deeper" not in panel.depth.toolTip()


def test_esc_in_a_refused_field_shows_the_plans_value_again(window, qtbot):
    panel = window.zone_panel
    zone_id = window.editor.add_zone("Belly")
    spacing = window.doc.plan.zone(zone_id).params.spacing_mm
    type_into(qtbot, panel.spacing, "80")
    assert panel.spacing.value() == 80.0 and "spacing 80 mm is out of range" in reason_under(panel.marks, panel.spacing)
    window.editor.set_mode(Mode.PAINT)
    qtbot.keyClick(panel.spacing, Qt.Key.Key_Escape)
    assert panel.spacing.value() == spacing and reason_under(panel.marks, panel.spacing) == ""
    assert window.editor.mode == Mode.PAINT, "Esc in the field is the field's"
    assert window.doc.plan.zone(zone_id).params.spacing_mm == spacing

    # Ctrl+Z in the marked field takes the typed value back, not the plan's last step
    type_into(qtbot, panel.spacing, "1")
    assert panel.spacing.value() == 1.0 and "spacing 1 mm is out of range" in reason_under(panel.marks, panel.spacing)
    zones = window.doc.plan.zones
    qtbot.keyClick(panel.spacing, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.spacing.value() == spacing and reason_under(panel.marks, panel.spacing) == ""
    assert window.doc.plan.zones == zones, "the zone is still there: the document was not undone"


def test_undo_or_another_zone_drops_the_refused_value(window, qtbot):
    panel = window.zone_panel
    first = window.editor.add_zone("A")
    window.editor.set_zone_params(first, "margin", margin_mm=3.0)
    type_into(qtbot, panel.margin, "70")
    assert panel.margin.value() == 70.0 and reason_under(panel.marks, panel.margin)
    window.undo_action.trigger()  # undoes the margin of 3 mm
    assert panel.margin.value() == window.doc.plan.zone(first).params.margin_mm != 70.0
    assert reason_under(panel.marks, panel.margin) == ""

    type_into(qtbot, panel.volume, "5")
    assert panel.volume.value() == 5.0 and "out of range" in reason_under(panel.marks, panel.volume)
    window.editor.add_zone("B")  # selects the new zone
    assert panel.volume.value() == window.doc.plan.zones[-1].params.volume_per_point_ml
    assert reason_under(panel.marks, panel.volume) == ""


def test_a_refused_point_value_stays_in_its_field(window, qtbot):
    panel = window.point_panel
    sub = next(a.menu() for a in panel.library_menu.actions() if a.menu() and a.text().startswith("ST36"))
    next(a for a in sub.actions() if a.text() == "left").trigger()
    before = window.doc.plan
    type_into(qtbot, panel.angle, "120")
    assert window.doc.plan is before
    assert panel.angle.value() == 120.0 and "needle angle 120" in reason_under(panel.marks, panel.angle)
    type_into(qtbot, panel.angle, "45")
    assert window.doc.plan.points[0].angle_deg == 45.0 and reason_under(panel.marks, panel.angle) == ""
