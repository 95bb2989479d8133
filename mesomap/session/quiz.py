"""A quiz run in the session (issue 14): the trainer asks for zones and reflex points of the open plan; the
student answers on a clean body; Reveal scores the answer (:func:`mesomap.model.quiz.score_quiz`) and shows
the reference and the answer together; End quiz gives the reference plan back as it was. No Qt, no VTK.

While the quiz runs the session's document holds the student's answer: one empty zone per zone asked, with
the reference zone's name, side, template and parameters (so the answer matches by template, or by name and
side), ready to be painted with the usual tools; a point asked is answered by placing a point while it is
being asked (:meth:`QuizSession.ask_point`): the placed point takes the asked point's code, name and side.
The reference plan is kept aside, never shown and never edited.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from psygnal import Signal

from mesomap.io.plan_file import save_plan
from mesomap.model import edits
from mesomap.model.plan import Plan, ReflexPoint, Zone
from mesomap.model.quiz import DEFAULT_THRESHOLDS, QuizResult, Thresholds, answer_points, reveal_plan, score_quiz
from mesomap.session import messages as M
from mesomap.session.files import body_surface

if TYPE_CHECKING:
    from mesomap.session.session import Session


@dataclass(frozen=True)
class Prompt:
    """One question: ``kind`` "zone" (paint it) or "point" (place it), the reference item's id, and its words."""

    kind: str
    ref_id: str
    text: str


def answer_sheet(reference: Plan) -> Plan:
    """The plan a student starts from: one empty zone per reference zone (same id, name, colour, side, template
    and parameters, no faces, no grid) and no points, on the reference's body."""
    zones = tuple(Zone(z.id, z.name, z.color, z.side, params=z.params, template=z.template) for z in reference.zones)
    return Plan(body=reference.body, zones=zones)


def asked_plan(plan: Plan, zone_ids, point_ids) -> Plan:
    """``plan`` with only the zones and points asked (in the plan's order)."""
    zones, points = set(zone_ids), set(point_ids)
    return replace(plan, zones=tuple(z for z in plan.zones if z.id in zones),
                   points=tuple(p for p in plan.points if p.id in points))


#: What each part of a revealed zone is called in the zone list (its id ends in ":both", ":reference", ":answer").
PART_WORDS = {"both": "both", "reference": "reference only", "answer": "answer only"}


def named_parts(plan: Plan) -> Plan:
    """The reveal plan with each part's name saying which part it is ("Forehead · answer only")."""
    return replace(plan, zones=tuple(replace(z, name=f"{z.name} · {PART_WORDS[z.id.rpartition(':')[2]]}")
                                     for z in plan.zones))


def zone_words(z: Zone) -> str:
    """A zone's name, with its side unless the name says it ("Cheek, left")."""
    plain = z.side in ("midline", "bilateral") or z.side in z.name.casefold()
    return z.name if plain else f"{z.name} ({z.side})"


def point_words(p: ReflexPoint) -> str:
    side = "" if p.side == "midline" else f" ({p.side})"
    return f"{p.code} {p.name}{side}".strip() if p.code else f"{p.name}{side}"


class QuizSession:
    """``state``: None (no quiz), "answering" or "revealed". ``reference`` holds the asked zones and points;
    ``result`` the scores once revealed; ``thresholds`` the trainer's pass marks. ``changed`` fires on every
    change of state."""

    changed = Signal()

    def __init__(self, session: Session):
        self.session = session
        self.state: str | None = None
        self.reference: Plan | None = None
        self.answer: Plan | None = None
        self.result: QuizResult | None = None
        self.thresholds: Thresholds = DEFAULT_THRESHOLDS
        self.asking_point: str | None = None  # the reference point a placed point answers
        self._original: tuple[Plan, Path | None, bool] | None = None  # the plan, its file, whether it was saved
        session.doc.changed.connect(self._doc_changed)

    @property
    def prompts(self) -> list[Prompt]:
        if self.reference is None:
            return []
        return ([Prompt("zone", z.id, f"paint: {zone_words(z)}") for z in self.reference.zones]
                + [Prompt("point", p.id, f"place: {point_words(p)}") for p in self.reference.points])

    def start(self, zone_ids, point_ids, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> None:
        """Put the open plan aside and give the student a clean body with the questions (MessageError when
        nothing is asked)."""
        from mesomap.model.messages import MessageError
        from mesomap.model.quiz import QUIZ_NOTHING_ASKED

        s = self.session
        reference = asked_plan(s.plan, zone_ids, point_ids)
        if not reference.zones and not reference.points:
            raise MessageError(QUIZ_NOTHING_ASKED())
        s.end_gesture()
        self._original = (s.plan, s.doc.path, not s.doc.dirty)
        self.reference, self.thresholds, self.result, self.answer = reference, thresholds, None, None
        self._show(answer_sheet(reference))
        self.state = "answering"
        s.select_zone(reference.zones[0].id if reference.zones else None)
        self.changed.emit()

    def _show(self, plan: Plan) -> None:
        s = self.session
        s.doc.replace(plan, path=None, saved=True)
        s.set_highlighted(())
        for zone in plan.zones:
            s.set_zone_visible(zone.id, True)
        s.set_points_shown([p.id for p in plan.points])

    # -- answering points -------------------------------------------------------------
    def ask_point(self, ref_id: str | None) -> None:
        """The next point placed answers reference point ``ref_id`` (None: placed points stay as they are)."""
        self.asking_point = ref_id

    def _doc_changed(self, change) -> None:
        if self.state != "answering" or self.asking_point is None or not change.points_added or change.reset:
            return
        self.claim_point(change.points_added[-1], self.asking_point)

    def claim_point(self, point_id: str, ref_id: str) -> None:
        """Point ``point_id`` answers reference point ``ref_id``: it takes its code, name and side (in the
        placing's undo step when one is open); an earlier answer to it goes."""
        s = self.session
        ref = self.reference.point(ref_id)
        earlier = [p.id for p in s.plan.points if p.id != point_id and p.code == ref.code and p.side == ref.side
                   and p.name == ref.name]

        def claim(plan: Plan) -> Plan:
            for pid in earlier:
                plan = edits.remove_point(plan, pid)
            return edits.update_point(plan, point_id, code=ref.code, name=ref.name, side=ref.side)

        s.doc.edit(M.UNDO_PLACE_POINT(code=ref.code), claim)

    def place_point(self, ref_id: str, face: int, barycentric) -> str:
        """Answer reference point ``ref_id`` with a point at (``face``, ``barycentric``) on the painting surface."""
        s = self.session
        ref = self.reference.point(ref_id)
        point = ReflexPoint(id=edits.next_id([p.id for p in s.plan.points], "pt"), code=ref.code, name=ref.name,
                            face=int(face), barycentric=tuple(float(b) for b in barycentric), side=ref.side)
        asking, self.asking_point = self.asking_point, None
        try:
            s.doc.edit(M.UNDO_PLACE_POINT(code=ref.code), edits.add_point, point)
        finally:
            self.asking_point = asking
        self.claim_point(point.id, ref_id)
        return point.id

    # -- reveal and end ---------------------------------------------------------------------
    def reveal(self, thresholds: Thresholds | None = None) -> QuizResult:
        """Score the answer on screen and show the reference and the answer together
        (:data:`mesomap.model.quiz.REVEAL_COLOURS`); the answer's points are :meth:`answer_points`."""
        s = self.session
        s.end_gesture()
        if self.state == "answering":
            self.answer = s.plan
        self.thresholds = thresholds or self.thresholds
        self.result = score_quiz(self.reference, self.answer, body_surface(s), self.thresholds)
        self._show(named_parts(reveal_plan(self.reference, self.answer, self.result)))
        s.select_zone(None)
        self.state = "revealed"
        self.changed.emit()
        return self.result

    def answer_points(self) -> tuple[ReflexPoint, ...]:
        """The answer's points that answer an asked point (drawn in the answer colour at the reveal)."""
        return answer_points(self.answer, self.result) if self.result is not None else ()

    def answered(self) -> bool:
        """Whether the student's answer on screen holds anything not yet scored (a painted face or a placed
        point) — what ending the quiz now would drop."""
        if self.state != "answering":
            return False
        self.session.end_gesture()  # a stroke still being drawn is part of the answer
        plan = self.session.plan
        return bool(plan.points) or any(len(z.faces) for z in plan.zones)

    def current_answer(self) -> Plan:
        return self.answer if self.state == "revealed" else self.session.plan

    def save_answer(self, path: str | Path) -> Path:
        """Write the student's answer as a plan file (``mesomap quiz score`` reads it), atomically."""
        path = Path(path)
        save_plan(self.current_answer(), path, body_surface(self.session))
        return path

    def end(self) -> None:
        """Give the reference plan back as it was (its file and saved state; its undo history starts over)."""
        if self._original is None:
            return
        plan, path, saved = self._original
        s = self.session
        s.end_gesture()
        self.asking_point = None
        s.doc.replace(plan, path=path, saved=saved)
        s.set_highlighted(())
        for zone in plan.zones:
            s.set_zone_visible(zone.id, True)
        s.set_points_shown([p.id for p in plan.points])
        self.state, self.reference, self.answer, self.result, self._original = None, None, None, None, None
        self.changed.emit()

