"""The records forms say which field is wrong instead of guessing, and keep the dialog open to fix it."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog

from mesomap.ui.records_forms import LotForm, PatientForm
from mesomap.store.records import Lot


def test_a_date_typed_the_wrong_way_names_its_field_and_keeps_the_form_open(qtbot):
    form = PatientForm()
    qtbot.addWidget(form)
    form.name.setText("Anna Petrova")
    form.born.setText("03/02/1980")
    form.accept()
    assert form.result() != QDialog.DialogCode.Accepted
    assert form.error.text() == "Born: “03/02/1980” is not a date; type it as YYYY-MM-DD, e.g. 2026-03-14."
    form.born.setText("1980-02-03")
    form.accept()
    assert form.result() == QDialog.DialogCode.Accepted
    assert form.values()["date_of_birth"] == date(1980, 2, 3) and form.values()["checklist"] is None


def test_an_expired_lot_is_marked_in_the_lot_list(qtbot):
    known = [Lot(1, 1, "HA 1.5%", "B-77", date(2027, 6, 30), 1), Lot(2, 1, "Vit C", "OLD-1", date(2020, 1, 1), 1)]
    form = LotForm(known, date(2026, 1, 5))
    qtbot.addWidget(form)
    texts = [form.choice.itemText(i) for i in range(form.choice.count())]
    assert texts == ["HA 1.5% lot B-77, expires 2027-06-30", "Vit C lot OLD-1, expires 2020-01-01  — EXPIRED",
                     "New lot…"]
    assert not form.product.isEnabled()
    form.choice.setCurrentIndex(2)
    assert form.product.isEnabled()
    form.accept()
    assert "New lot: type the product and the lot number" in form.error.text()
