"""The patient page: details, the course as a timeline, and what a session needs — start it from the previous
plan (or the open one, or an empty one) and open it in the planner, record the lots used (an expired lot only
after a confirmation the store records), mark it done with the injections given, notes and adverse events.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from mesomap.model.plan import Plan
from mesomap.session.files import body_surface
from mesomap.session.records import plan_json
from mesomap.store import courses, lots, pages, sessions
from mesomap.store.errors import LotExpired, StoreError
from mesomap.store.location import data_dir
from mesomap.store.records import CONTRAINDICATIONS, PatientPage
from mesomap.ui.records_forms import PLAN_EMPTY, PLAN_OPEN, CourseForm, DoneForm, LotForm, SessionForm
from mesomap.ui.records_timeline import Tile, Timeline, course_tiles
from mesomap.io.vocabulary import term
from mesomap.ui.i18n import QT_TR_NOOP, SEX_WORDS, fill_in, num, tr, unit, word


def details_html(page: PatientPage) -> str:
    """The patient's details as the page shows them (every text escaped: shown verbatim)."""
    p = page.patient
    rows = [(tr("Record number"), p.record_number or "—"), (tr("Born"), p.date_of_birth.isoformat() if p.date_of_birth else "—"),
            (tr("Sex"), word(SEX_WORDS, p.sex).lower() if p.sex in SEX_WORDS else p.sex or "—"), (tr("Contact"), p.contact or "—"),
            (tr("Consent signed"), p.consent_signed_on.isoformat() if p.consent_signed_on else tr("not signed"))]
    if p.checklist is None:
        rows.append((tr("Contraindications"), tr("checklist not answered")))
    else:
        found = ", ".join(term("contraindication", k, default=CONTRAINDICATIONS[k]) for k in p.contraindications) or tr("none")
        rows.append((tr("Contraindications"), fill_in(tr("{found} (answered {day})"), found=found,
                                                      day=p.checklist_answered_on or "—")))
    if p.notes:
        rows.append((tr("Notes"), p.notes))
    cells = "".join(f"<tr><td><b>{escape(k)}</b>&nbsp;&nbsp;</td><td>{escape(str(v))}</td></tr>" for k, v in rows)
    return f"<h2>{escape(p.name)}</h2><table>{cells}</table>"


HISTORY_COLUMNS = (QT_TR_NOOP("Date"), QT_TR_NOOP("Session"), QT_TR_NOOP("Course"), QT_TR_NOOP("Clinician"), QT_TR_NOOP("State"), QT_TR_NOOP("Injections"), QT_TR_NOOP("Lots used"), QT_TR_NOOP("Adverse events"))


def history_rows(page: PatientPage) -> list[tuple[str, ...]]:
    """Every session of the patient, newest first, as the page's history table shows them."""
    by_course = {c.id: c for c in page.courses}
    rows = []
    for s in sorted(page.sessions, key=lambda s: s.scheduled_at, reverse=True):
        c = by_course.get(s.course_id)
        total = c.planned_sessions + c.maintenance_sessions if c else 0
        done = "—" if s.injections_done is None else str(s.injections_done)
        planned = "—" if s.injections_planned is None else str(s.injections_planned)
        used = "; ".join(f"{u.lot_number} ({u.product})" + ("" if u.volume_ml is None else f" {num(u.volume_ml)} {unit('ml')}")
                         + (tr(" expired, confirmed") if u.expired_confirmed else "") for u in s.lots)
        rows.append((f"{s.scheduled_at:%Y-%m-%d %H:%M}", fill_in(tr('{number} of {total}'), number=s.number, total=total), c.indication if c else "—",
                     s.clinician or "—", tr("done") if s.done else tr("started"),
                     fill_in(tr('{done} of {planned}'), done=done, planned=planned) if s.done else planned, used or "—", s.adverse_events or "—"))
    return rows


class PatientPageView(QWidget):
    """The page of one patient inside ``window`` (the RecordsWindow)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.patient = None
        self.data: PatientPage | None = None
        self.tile: Tile | None = None
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(self.details.textFormat().RichText)
        self.edit_button = QPushButton(tr("Edit patient…"))
        self.edit_button.clicked.connect(lambda: window.edit_patient())
        self.course_button = QPushButton(tr("New course…"))
        self.course_button.clicked.connect(self.new_course)
        self.course_choice = QComboBox()
        self.course_choice.currentIndexChanged.connect(lambda _i: self._show_course())
        self.course_text = QLabel()
        self.timeline = Timeline(data_dir() / "thumbnails")
        self.timeline.tile_chosen.connect(self._tile_chosen)
        self.session_text = QLabel()
        self.session_text.setWordWrap(True)
        self.new_session_button = QPushButton(tr("New session…"))
        self.new_session_button.clicked.connect(lambda: self.new_session())
        self.open_button = QPushButton(tr("Open in planner"))
        self.open_button.clicked.connect(self.open_in_planner)
        self.lot_button = QPushButton(tr("Add lot used…"))
        self.lot_button.clicked.connect(lambda: self.add_lot())
        self.done_button = QPushButton(tr("Mark done…"))
        self.done_button.clicked.connect(lambda: self.mark_done())
        self.history = QTableWidget(0, len(HISTORY_COLUMNS))
        self.history.setHorizontalHeaderLabels([tr(c) for c in HISTORY_COLUMNS])
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().hide()
        self.history.horizontalHeader().setStretchLastSection(True)
        top = QHBoxLayout()
        top.addWidget(self.details, 1)
        side = QVBoxLayout()
        side.addWidget(self.edit_button)
        side.addWidget(self.course_button)
        side.addStretch(1)
        top.addLayout(side)
        self.course_row = QWidget()
        course_row = QHBoxLayout(self.course_row)
        course_row.setContentsMargins(0, 0, 0, 0)
        course_row.addWidget(QLabel(tr("Course")))
        course_row.addWidget(self.course_choice, 1)
        self.actions_row = QWidget()
        actions = QHBoxLayout(self.actions_row)
        actions.setContentsMargins(0, 0, 0, 0)
        for button in (self.new_session_button, self.open_button, self.lot_button, self.done_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.course_row)
        layout.addWidget(self.course_text)
        layout.addWidget(self.timeline)
        layout.addWidget(self.session_text)
        layout.addWidget(self.actions_row)
        self.history_label = QLabel(tr("<b>Sessions</b>"))
        layout.addWidget(self.history_label)
        layout.addWidget(self.history, 10)
        layout.addStretch(1)
        self.show_patient(None)

    @property
    def records(self):
        return self.window.records

    @property
    def store(self):
        return self.window.store

    def _fail(self, title: str, err: Exception) -> None:
        self.records.window.show_error(title, str(err))

    # -- showing ---------------------------------------------------------------------
    def show_patient(self, patient_id: int | None) -> None:
        self.data = pages.open_patient(self.store, patient_id) if patient_id is not None else None
        self.patient = self.data.patient if self.data else None
        if self.data is None:
            self.details.setText(tr("<p>Choose a patient in the list, or add one.</p>"))
        else:
            self.details.setText(details_html(self.data))
        for w in (self.edit_button, self.course_button):
            w.setVisible(self.data is not None)
        has_course = self.data is not None and bool(self.data.courses)
        for w in (self.course_row, self.timeline, self.session_text, self.actions_row):
            w.setVisible(has_course)
        rows = history_rows(self.data) if self.data else []
        self.history.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for j, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.history.setItem(i, j, item)
        self.history.resizeColumnsToContents()
        self.history.setVisible(bool(rows))
        self.history_label.setVisible(bool(rows))
        keep = self.course_choice.currentIndex()
        self.course_choice.blockSignals(True)
        self.course_choice.clear()
        for c in self.data.courses if self.data else ():
            self.course_choice.addItem(fill_in(tr("{indication} from {day}"), indication=c.indication or "—",
                                               day=c.start_date.isoformat()), c.id)
        self.course_choice.blockSignals(False)
        n = self.course_choice.count()
        self.course_choice.setCurrentIndex(keep if 0 <= keep < n else n - 1)
        self._show_course()

    def course(self):
        cid = self.course_choice.currentData()
        return next((c for c in self.data.courses if c.id == cid), None) if self.data else None

    def _show_course(self) -> None:
        c = self.course()
        if c is None:
            self.course_text.setText(tr("No course yet: New course… plans the sessions.") if self.data else "")
            self.timeline.show_tiles([])
            return
        self.course_text.setText(fill_in(tr('{planned_sessions} sessions every {interval_days} days from {isoformat}, then {maintenance_sessions} maintenance sessions every {maintenance_interval_days} days'), planned_sessions=c.planned_sessions, interval_days=c.interval_days, isoformat=c.start_date.isoformat(), maintenance_sessions=c.maintenance_sessions, maintenance_interval_days=c.maintenance_interval_days))
        self.timeline.show_tiles(course_tiles(c, list(self.data.sessions)))

    def _tile_chosen(self, tile: Tile | None) -> None:
        self.tile = tile
        s = tile.session if tile else None
        linked = self.records.linked
        self.session_text.setText(tile.tip().replace("\n", "; ") if tile else "")
        first_planned = tile is not None and s is None and all(
            t.session is not None for t in self.timeline.tiles[: tile.number - 1])
        self.new_session_button.setEnabled(first_planned)
        self.open_button.setEnabled(s is not None)
        self.open_button.setText(tr("In the planner") if s is not None and linked and linked.session.id == s.id
                                 else tr("Open in planner"))
        self.lot_button.setEnabled(s is not None)
        self.done_button.setEnabled(s is not None and not s.done)

    def select_number(self, number: int) -> None:
        self.timeline.setCurrentRow(number - 1)

    # -- course and session -------------------------------------------------------------
    def ask_course(self) -> dict | None:
        form = CourseForm(self)
        return form.values() if form.exec() else None

    def new_course(self):
        values = self.ask_course() if self.patient is not None else None
        if values is None:
            return None
        try:
            course = courses.add_course(self.store, self.patient.id, **values)
        except StoreError as err:
            self._fail(tr("Cannot add the course"), err)
            return None
        self.show_patient(self.patient.id)
        self.course_choice.setCurrentIndex(self.course_choice.findData(course.id))
        return course

    def ask_session(self, course, day, clinicians: list[str], has_previous: bool) -> dict | None:
        form = SessionForm(course, day, clinicians, has_previous, self)
        return form.values() if form.exec() else None

    def new_session(self, open_it: bool = True):
        """Start the next session of the course (on the chosen planned tile's date) and open it in the planner."""
        course, tile = self.course(), self.tile
        if course is None or tile is None or tile.session is not None:
            return None
        known = sessions.list_clinicians(self.store)
        values = self.ask_session(course, tile.day, [c.name for c in known], tile.number > 1)
        if values is None:
            return None
        planner = self.records.window.session
        try:
            clinician = next((c for c in known if c.name == values["clinician"]), None)
            if clinician is None and values["clinician"]:
                clinician = sessions.add_clinician(self.store, values["clinician"])
            text = None  # PLAN_PREVIOUS: the store copies the previous session's plan
            if values["source"] == PLAN_OPEN:
                text = plan_json(planner.plan, body_surface(planner))
            elif values["source"] == PLAN_EMPTY:
                text = plan_json(Plan(body=planner.plan.body))
            started = sessions.start_session(self.store, course.id, values["scheduled_at"],
                                             clinician_id=clinician.id if clinician else None, plan_json=text)
        except StoreError as err:
            self._fail(tr("Cannot start the session"), err)
            return None
        self.show_patient(self.patient.id)
        self.select_number(started.number)
        if open_it:
            self.records.open_in_planner(started.id)
            self._tile_chosen(self.tile)
        return started

    def open_in_planner(self) -> bool:
        if self.tile is None or self.tile.session is None:
            return False
        opened = self.records.open_in_planner(self.tile.session.id)
        self._tile_chosen(self.tile)
        return opened

    # -- lots and done --------------------------------------------------------------------
    def ask_lot(self, known, day) -> dict | None:
        form = LotForm(known, day, self)
        return form.values() if form.exec() else None

    def add_lot(self):
        s = self.tile.session if self.tile else None
        if s is None:
            return None
        values = self.ask_lot(lots.list_lots(self.store), s.scheduled_at.date())
        if values is None:
            return None
        try:
            lot = values["lot"]
            if lot is None:
                product = lots.find_product(self.store, values["product"]) or \
                    lots.add_product(self.store, values["product"], values["maker"])
                lot = lots.add_lot(self.store, product.id, values["lot_number"], values["expiry"])
            try:
                use = lots.use_lot(self.store, s.id, lot.id, values["volume_ml"])
            except LotExpired as err:
                if not self.records.ask(tr("Expired lot"), fill_in(tr('{upper}{value}.\n\nUse it anyway? Your confirmation is recorded in the audit log.'), upper=str(err)[:1].upper(), value=str(err)[1:])):
                    return None
                use = lots.use_lot(self.store, s.id, lot.id, values["volume_ml"], confirm_expired=True)
        except StoreError as err:
            self._fail(tr("Cannot record the lot"), err)
            return None
        self._refresh(s.number)
        return use

    def ask_done(self, session) -> dict | None:
        form = DoneForm(session, self)
        return form.values() if form.exec() else None

    def mark_done(self):
        s = self.tile.session if self.tile else None
        if s is None or s.done:
            return None
        values = self.ask_done(s)
        if values is None:
            return None
        try:
            updated = sessions.update_session(self.store, s.id, s.version, notes=values["notes"],
                                              adverse_events=values["adverse_events"])
            done = sessions.mark_done(self.store, s.id, updated.version, injections_done=values["injections_done"])
        except StoreError as err:
            self._fail(tr("Cannot mark the session done"), err)
            return None
        self._refresh(s.number)
        return done

    def _refresh(self, number: int) -> None:
        self.records.link.refresh()
        self.records.window._update_title()
        self.show_patient(self.patient.id)
        self.select_number(number)
