"""The records' forms: a patient (details, contraindication checklist, consent), a course, a new session,
a lot used, a session marked done.

Each form is a QDialog whose fields the tests fill like a user; ``values()`` gives what was typed as
the store's keyword arguments, and says which field is wrong (:class:`FormError`) rather than guessing.
Dates are typed as YYYY-MM-DD; an empty date means "not known".
"""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
                               QGroupBox, QLabel, QLineEdit, QPlainTextEdit, QRadioButton, QSpinBox, QVBoxLayout)

from mesomap.store.records import CONTRAINDICATIONS, Course, Lot, Patient, TreatmentSession
from mesomap.store.schedule import (DEFAULT_INTERVAL_DAYS, DEFAULT_MAINTENANCE_INTERVAL_DAYS,
                                    DEFAULT_MAINTENANCE_SESSIONS, DEFAULT_SESSIONS)
from mesomap.io.vocabulary import term
from mesomap.ui.i18n import QT_TR_NOOP, SEXES, SEX_WORDS, choose, fill_choices, fill_in, tr, unit


class FormError(ValueError):
    """A field that cannot be read: ``str()`` says which and why, in one sentence."""


def parse_day(text: str, field: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise FormError(fill_in(tr('{field}: “{text}” is not a date; type it as YYYY-MM-DD, e.g. 2026-03-14.'), field=field, text=text)) from None


def day_text(day: date | None) -> str:
    return day.isoformat() if day else ""


class Form(QDialog):
    """A dialog with a form layout, OK/Cancel and an error line (OK checks ``values()`` first)."""

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.outer = QVBoxLayout(self)
        self.form = QFormLayout()
        self.outer.addLayout(self.form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish(self) -> None:
        self.outer.addWidget(self.error)
        self.outer.addWidget(self.buttons)

    def values(self) -> dict:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.values()
        except FormError as err:
            self.error.setText(str(err))
            self.error.show()
            return
        super().accept()


class PatientForm(Form):
    """Add or edit a patient: details, the contraindication checklist answered and dated, consent date."""

    def __init__(self, patient: Patient | None = None, parent=None):
        super().__init__(tr("Edit patient") if patient else tr("Add patient"), parent)
        self.name = QLineEdit(patient.name if patient else "")
        self.record_number = QLineEdit(patient.record_number or "" if patient else "")
        self.born = QLineEdit(day_text(patient.date_of_birth) if patient else "")
        self.born.setPlaceholderText(tr("YYYY-MM-DD"))
        self.sex = QComboBox()
        self.sex.setEditable(True)
        fill_choices(self.sex, SEXES, SEX_WORDS)
        sex = patient.sex if patient else ""
        if sex in SEXES:
            choose(self.sex, sex)
        else:
            self.sex.setCurrentText(sex)
        self.contact = QLineEdit(patient.contact if patient else "")
        self.contact.setPlaceholderText(tr("phone, e-mail"))
        self.notes = QPlainTextEdit(patient.notes if patient else "")
        self.notes.setFixedHeight(60)
        for label, widget in ((tr("Name"), self.name), (tr("Record number"), self.record_number), (tr("Born"), self.born),
                              (tr("Sex"), self.sex), (tr("Contact"), self.contact), (tr("Notes"), self.notes)):
            self.form.addRow(label, widget)
        box = QGroupBox(tr("Contraindication checklist (tick what the patient has)"))
        box.setCheckable(True)
        box.setChecked(patient is not None and patient.checklist is not None)
        inner = QFormLayout(box)
        answers = (patient.checklist or {}) if patient else {}
        self.checks = {}
        for key, question in CONTRAINDICATIONS.items():
            check = QCheckBox(term("contraindication", key, default=question))
            check.setChecked(bool(answers.get(key)))
            inner.addRow(check)
            self.checks[key] = check
        self.checklist_date = QLineEdit(day_text(patient.checklist_answered_on) if patient else "")
        self.checklist_date.setPlaceholderText(tr("today"))
        inner.addRow(tr("Answered on"), self.checklist_date)
        self.checklist_box = box
        self.outer.addWidget(box)
        consent = QFormLayout()
        self.consent = QLineEdit(day_text(patient.consent_signed_on) if patient else "")
        self.consent.setPlaceholderText(tr("YYYY-MM-DD (empty: not signed)"))
        consent.addRow(tr("Consent signed"), self.consent)
        self.outer.addLayout(consent)
        self.finish()
        self.name.setFocus()

    def sex_value(self) -> str:
        """The sex as stored: a listed choice's key ("female"…), else what was typed."""
        i = self.sex.findText(self.sex.currentText())
        return self.sex.itemData(i) if i >= 0 else self.sex.currentText().strip()

    def values(self) -> dict:
        name = self.name.text()
        if not name.strip():
            raise FormError(tr("Name: type the patient's name."))
        out = dict(name=name, record_number=self.record_number.text().strip() or None,
                   date_of_birth=parse_day(self.born.text(), tr("Born")), sex=self.sex_value(),
                   contact=self.contact.text(), notes=self.notes.toPlainText(),
                   consent_signed_on=parse_day(self.consent.text(), tr("Consent signed")))
        if self.checklist_box.isChecked():
            out["checklist"] = {k: c.isChecked() for k, c in self.checks.items()}
            out["checklist_answered_on"] = parse_day(self.checklist_date.text(), tr("Answered on")) or date.today()
        else:
            out["checklist"], out["checklist_answered_on"] = None, None
        return out


class CourseForm(Form):
    """A new course: indication, sessions and interval, maintenance, start date (defaults: weekly ×6, then 2 monthly)."""

    def __init__(self, parent=None):
        super().__init__(tr("New course"), parent)
        self.indication = QLineEdit()
        self.indication.setPlaceholderText(tr("e.g. cellulite, hair loss, face rejuvenation"))
        self.start = QLineEdit(date.today().isoformat())
        self.sessions = _spin(1, 50, DEFAULT_SESSIONS)
        self.interval = _spin(1, 60, DEFAULT_INTERVAL_DAYS, tr(" days"))
        self.maintenance = _spin(0, 24, DEFAULT_MAINTENANCE_SESSIONS)
        self.maintenance_interval = _spin(7, 365, DEFAULT_MAINTENANCE_INTERVAL_DAYS, tr(" days"))
        for label, widget in ((tr("Indication"), self.indication), (tr("Start"), self.start),
                              (tr("Sessions"), self.sessions), (tr("Every"), self.interval),
                              (tr("Then maintenance sessions"), self.maintenance),
                              (tr("Every"), self.maintenance_interval)):
            self.form.addRow(label, widget)
        self.finish()

    def values(self) -> dict:
        start = parse_day(self.start.text(), tr("Start"))
        if start is None:
            raise FormError(tr("Start: type the day of the first session (YYYY-MM-DD)."))
        return dict(indication=self.indication.text(), start_date=start, planned_sessions=self.sessions.value(),
                    interval_days=self.interval.value(), maintenance_sessions=self.maintenance.value(),
                    maintenance_interval_days=self.maintenance_interval.value())


def _spin(low: int, high: int, value: int, suffix: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin


#: Where a new session's plan comes from.
PLAN_PREVIOUS, PLAN_OPEN, PLAN_EMPTY = "previous", "open", "empty"


class SessionForm(Form):
    """A new session of a course: day and time, clinician, and where its plan comes from."""

    def __init__(self, course: Course, day: date, clinicians: list[str], has_previous: bool, parent=None):
        super().__init__(tr("New session"), parent)
        self.at = QLineEdit(f"{day.isoformat()} 10:00")
        self.at.setPlaceholderText(tr("YYYY-MM-DD HH:MM"))
        self.clinician = QComboBox()
        self.clinician.setEditable(True)
        self.clinician.addItems(clinicians)
        self.form.addRow(tr("Course"), QLabel(course.indication or "—"))
        self.form.addRow(tr("Day and time"), self.at)
        self.form.addRow(tr("Clinician"), self.clinician)
        self.sources = {PLAN_PREVIOUS: QRadioButton(tr("Copy the previous session's plan")),
                        PLAN_OPEN: QRadioButton(tr("The plan open in the planner")),
                        PLAN_EMPTY: QRadioButton(tr("An empty plan"))}
        self.sources[PLAN_PREVIOUS].setEnabled(has_previous)
        self.sources[PLAN_PREVIOUS if has_previous else PLAN_OPEN].setChecked(True)
        for button in self.sources.values():
            self.form.addRow("" if button is not self.sources[PLAN_PREVIOUS] else tr("Plan"), button)
        self.finish()

    def values(self) -> dict:
        text = self.at.text().strip()
        try:
            at = datetime.fromisoformat(text) if " " in text or "T" in text else \
                datetime.combine(date.fromisoformat(text), time(10, 0))
        except ValueError:
            raise FormError(fill_in(tr('Day and time: “{text}” is not a moment; type it as YYYY-MM-DD HH:MM.'), text=text)) from None
        source = next(k for k, b in self.sources.items() if b.isChecked())
        return dict(scheduled_at=at, clinician=self.clinician.currentText().strip(), source=source)


class LotForm(Form):
    """A product lot used in a session, with its volume: a known lot, or a new one (product, lot number, expiry)."""

    NEW = QT_TR_NOOP("New lot…")

    def __init__(self, lots: list[Lot], day: date, parent=None):
        super().__init__(tr("Add lot used"), parent)
        self.lots = lots
        self.choice = QComboBox()
        for lot in lots:
            expiry = fill_in(tr(', expires {expiry}'), expiry=lot.expiry) if lot.expiry else ""
            flag = tr("  — EXPIRED") if lot.expired_on(day) else ""
            self.choice.addItem(fill_in(tr('{product} lot {lot_number}{expiry}{flag}'), product=lot.product, lot_number=lot.lot_number, expiry=expiry, flag=flag))
        self.choice.addItem(tr(self.NEW))
        self.product = QLineEdit()
        self.maker = QLineEdit()
        self.lot_number = QLineEdit()
        self.expiry = QLineEdit()
        self.expiry.setPlaceholderText(tr("YYYY-MM-DD"))
        self.volume = QDoubleSpinBox()
        self.volume.setRange(0.0, 1000.0)
        self.volume.setDecimals(2)
        self.volume.setSuffix(" " + unit("ml"))
        self.form.addRow(tr("Lot"), self.choice)
        for label, widget in ((tr("Product"), self.product), (tr("Maker"), self.maker), (tr("Lot number"), self.lot_number),
                              (tr("Expiry"), self.expiry)):
            self.form.addRow(label, widget)
        self.form.addRow(tr("Volume used"), self.volume)
        self.choice.currentIndexChanged.connect(self._sync)
        self._sync()
        self.finish()

    def _sync(self) -> None:
        new = self.choice.currentText() == tr(self.NEW)
        for widget in (self.product, self.maker, self.lot_number, self.expiry):
            widget.setEnabled(new)

    def values(self) -> dict:
        volume = self.volume.value() or None
        if self.choice.currentText() != tr(self.NEW):
            return dict(lot=self.lots[self.choice.currentIndex()], volume_ml=volume)
        if not self.product.text().strip() or not self.lot_number.text().strip():
            raise FormError(tr("New lot: type the product and the lot number as printed on the box."))
        return dict(lot=None, product=self.product.text().strip(), maker=self.maker.text(),
                    lot_number=self.lot_number.text().strip(), expiry=parse_day(self.expiry.text(), tr("Expiry")),
                    volume_ml=volume)


class DoneForm(Form):
    """Mark a session done: injections given (of those planned), notes, adverse events."""

    def __init__(self, session: TreatmentSession, parent=None):
        super().__init__(fill_in(tr("Session {number} done"), number=session.number), parent)
        planned = session.injections_planned
        self.injections = _spin(0, 100_000, planned or 0)
        self.form.addRow(tr("Injections given"), self.injections)
        self.form.addRow(tr("Planned"), QLabel(str(planned) if planned is not None else "—"))
        self.notes = QPlainTextEdit(session.notes)
        self.adverse = QPlainTextEdit(session.adverse_events)
        for widget in (self.notes, self.adverse):
            widget.setFixedHeight(60)
        self.form.addRow(tr("Notes"), self.notes)
        self.form.addRow(tr("Adverse events"), self.adverse)
        self.finish()

    def values(self) -> dict:
        return dict(injections_done=self.injections.value(), notes=self.notes.toPlainText(),
                    adverse_events=self.adverse.toPlainText())
