"""The open plan and the records: which records session the plan belongs to, and moving plans between them.

:class:`RecordsLink` is the Qt-free half of the records screens (:mod:`mesomap.ui.records_window`):
"open this session's plan in the planner", "save the open plan into this session", and the session
sheet's header (:class:`mesomap.io.sheet_record.SheetRecord`). The plan travels as the plan file's
JSON text (:mod:`mesomap.io.plan_file`); once the session is marked done the store refuses a new
plan (:class:`mesomap.store.errors.SessionFrozen`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from mesomap.io.json_reader import parse_json_bytes
from mesomap.io.plan_file import PlanFileError, dumps_plan, plan_from_dict, plan_to_dict
from mesomap.io.sheet_record import LotLine, SheetRecord
from mesomap.model.plan import Plan
from mesomap.session import messages as M

if TYPE_CHECKING:  # the records database (SQLAlchemy, Alembic) is imported when first used, not at start-up
    from mesomap.store.records import TreatmentSession
    from mesomap.store.store import Store


def plan_json(plan: Plan, surface=None) -> str:
    """The plan as the plan file's JSON text (derived positions and areas with ``surface``)."""
    return dumps_plan(plan_to_dict(plan, surface))


def plan_of(text: str, source: str = "session plan") -> Plan:
    """The plan in a session's JSON text (PlanFileError naming ``source`` and the field when it is not a plan)."""
    return plan_from_dict(parse_json_bytes(text.encode("utf-8"), source, PlanFileError, "plan file"), source=source)


def database_name(store: Store) -> str:
    """Which database ``store`` is, with any password hidden (what an autosave may keep on disk)."""
    from mesomap.store.location import display_url

    return display_url(store.engine.url)


def injection_count(plan: Plan) -> int:
    """Injections of the plan: grid points of every zone plus reflex points."""
    return sum(len(z.injections) for z in plan.zones) + len(plan.points)


@dataclass
class Linked:
    """The records session the open plan belongs to (``session`` as last read or written)."""

    store: Store
    session: TreatmentSession
    patient: str = ""  # the patient's name
    of: int = 0  # N: the course's sessions, maintenance included

    @property
    def frozen(self) -> bool:
        return self.session.done


class RecordsLink:
    """Links the planner's open plan (``planner``: a :class:`mesomap.session.session.Session`) to a records session.

    The link ends when another plan is opened or a new plan started (any document reset it did not make).
    """

    def __init__(self, planner):
        self.planner = planner
        self.linked: Linked | None = None
        self._opening = False
        planner.doc.changed.connect(self._on_changed)
        planner.records_link = self  # the autosave notes the link, so a recovered plan comes back linked

    def _on_changed(self, change) -> None:
        if change.reset and not self._opening:
            self.linked = None

    def open_session(self, store: Store, session_id: int, empty_body=None) -> Plan:
        """Put the session's plan in the planner (an empty plan on ``empty_body`` when it has none) and link them."""
        from mesomap.store import courses, patients, sessions

        record = sessions.get_session(store, session_id)
        patient = patients.get_patient(store, record.patient_id)
        course = courses.get_course(store, record.course_id)
        if record.plan_json:
            plan = plan_of(record.plan_json, source=f"session {record.number}")
        else:
            plan = Plan(body=empty_body or self.planner.plan.body)
        self.planner.end_gesture()
        self._opening = True
        try:
            self.planner.doc.replace(plan, path=None, saved=True)
        finally:
            self._opening = False
        if self.planner.autosaver is not None:
            self.planner.autosaver.clear()
        self.linked = Linked(store, record, patient.name, course.planned_sessions + course.maintenance_sessions)
        self._lock_if_done()
        self.planner.doc.state_changed.emit()  # the window's title names the session
        return plan

    def autosave_note(self) -> dict | None:
        """What the autosave keeps of the link (None: not linked): the database (password hidden), the session's
        id, number and the version the plan was read or saved at."""
        if self.linked is None:
            return None
        s = self.linked.session
        return {"database": database_name(self.linked.store), "session_id": s.id, "number": s.number,
                "version": s.version}

    def relink(self, store: Store, note: dict) -> bool:
        """Link the open plan (just recovered from an autosave) back to the session ``note`` names
        (:meth:`autosave_note`), without replacing the plan. The version noted is kept, so a save after another
        station saved the session meanwhile is refused as a conflict, as it would have been before the crash.
        False (not linked) when ``store`` is another database or has no such session."""
        from dataclasses import replace

        from mesomap.store import courses, patients, sessions
        from mesomap.store.errors import StoreError

        session_id, version = note.get("session_id"), note.get("version")
        if note.get("database") != database_name(store) or not isinstance(session_id, int):
            return False
        try:
            record = sessions.get_session(store, session_id)
            patient = patients.get_patient(store, record.patient_id)
            course = courses.get_course(store, record.course_id)
        except StoreError:
            return False
        if isinstance(version, int):
            record = replace(record, version=version)
        self.linked = Linked(store, record, patient.name, course.planned_sessions + course.maintenance_sessions)
        self._lock_if_done()
        self.planner.doc.state_changed.emit()  # the window's title names the session
        return True

    def _lock_if_done(self) -> None:
        """A done session's plan is frozen: the planner's document refuses every edit while it is open."""
        if self.linked is not None and self.linked.frozen:
            self.planner.doc.lock(M.SESSION_DONE_READ_ONLY(number=self.linked.session.number))

    def save(self) -> TreatmentSession:
        """Write the open plan into the linked session (SessionFrozen when done, ConflictError when another
        station saved it meanwhile); the plan counts as saved."""
        from mesomap.session.files import body_surface

        linked = self.linked
        if linked is None:
            raise TypeError("the open plan belongs to no records session")  # a caller's mistake
        plan = self.planner.plan
        text = plan_json(plan, body_surface(self.planner))
        from mesomap.store import sessions

        saved = sessions.update_session(linked.store, linked.session.id, linked.session.version, plan_json=text,
                                        injections_planned=injection_count(plan))
        linked.session = saved
        self.planner.doc.mark_saved(None)
        if self.planner.autosaver is not None:
            self.planner.autosaver.clear()
        return saved

    def refresh(self) -> None:
        """Read the linked session again (lots added, marked done from the records window)."""
        if self.linked is not None:
            from mesomap.store import sessions

            self.linked.session = sessions.get_session(self.linked.store, self.linked.session.id)
            self._lock_if_done()

    def sheet_record(self) -> SheetRecord | None:
        """The session sheet's header for the linked session (None: not linked)."""
        if self.linked is None:
            return None
        self.refresh()
        store, s = self.linked.store, self.linked.session
        from mesomap.store import courses, patients

        patient = patients.get_patient(store, s.patient_id)
        course = courses.get_course(store, s.course_id)
        lots = tuple(LotLine(u.product, u.lot_number, u.expiry.isoformat() if u.expiry else "", u.volume_ml,
                             u.expired_confirmed) for u in s.lots)
        return SheetRecord(patient.name, patient.record_number or "", s.clinician or "",
                           s.scheduled_at.date().isoformat(), s.number,
                           course.planned_sessions + course.maintenance_sessions, lots)
