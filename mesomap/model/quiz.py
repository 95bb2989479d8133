"""Scoring a student's answer plan against the trainer's reference plan (issue 14, quizzes).

Matching: an answer zone answers a reference zone when both come from the same template (``template``,
which already names the side: ``cheek_left``), or when they have the same name (case and spaces ignored)
and side (a student painting "Cheek, left" by hand). A reflex point is matched by its code (``ST36``,
case ignored) and side, or by its name and side. When several answer items match, the one scoring
best is taken. A reference item with no answer is *missing*: Dice 0, no distance, failed. Answer items
matching nothing are listed as *extra* (not scored).

Per zone: Dice overlap (area-weighted), mean and 95th-percentile border distance (mm); per point:
distance along the skin (mm). Pass/fail against :class:`Thresholds`, whose defaults are
:data:`DEFAULT_THRESHOLDS` (the one place they are set; the docs state them).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from mesomap.geometry.surface import PaintingSurface
from mesomap.model.messages import Kind, MessageError
from mesomap.model.plan import Plan, ReflexPoint, Zone

QUIZ_OTHER_BODY = Kind("quiz_other_body", "answer_body", "reference_body")
QUIZ_NOTHING_ASKED = Kind("quiz_nothing_asked")
QUIZ_THRESHOLD_BAD = Kind("quiz_threshold_bad", "name", "value")
QUIZ_PASS_MARKS = Kind("quiz_pass_marks", "dice_min", "border_mean_max_mm", "point_max_mm", severity="info")
QUIZ_NOT_ASKED = Kind("quiz_not_asked", "items", severity="info")  # answer zones/points matching no question


@dataclass(frozen=True)
class Thresholds:
    """What passes: a zone with Dice ≥ ``dice_min`` and mean border distance ≤ ``border_mean_max_mm``;
    a point at most ``point_max_mm`` along the skin from the reference."""

    dice_min: float = 0.7
    border_mean_max_mm: float = 10.0
    point_max_mm: float = 10.0

    def __post_init__(self) -> None:
        checks = (("dice_min", self.dice_min, 0.0, 1.0), ("border_mean_max_mm", self.border_mean_max_mm, 0.0, 1000.0),
                  ("point_max_mm", self.point_max_mm, 0.0, 1000.0))
        for name, value, lo, hi in checks:
            if not (isinstance(value, (int, float)) and lo <= value <= hi):
                raise MessageError(QUIZ_THRESHOLD_BAD(name=name, value=value))


#: The default pass marks (stated in docs/quizzes.md); a trainer overrides them per quiz.
DEFAULT_THRESHOLDS = Thresholds()


@dataclass(frozen=True)
class ZoneScore:
    """One reference zone's score. Distances are None when the answer is missing or has no border."""

    zone_id: str
    name: str
    side: str
    answer_id: str | None
    dice: float
    border_mean_mm: float | None
    border_p95_mm: float | None
    passed: bool

    @property
    def missing(self) -> bool:
        return self.answer_id is None


@dataclass(frozen=True)
class PointScore:
    """One reference point's score; ``distance_mm`` is None when the answer is missing."""

    point_id: str
    code: str
    name: str
    side: str
    answer_id: str | None
    distance_mm: float | None
    passed: bool

    @property
    def missing(self) -> bool:
        return self.answer_id is None


@dataclass(frozen=True)
class QuizResult:
    zones: tuple[ZoneScore, ...]
    points: tuple[PointScore, ...]
    thresholds: Thresholds = DEFAULT_THRESHOLDS
    extra_zones: tuple[str, ...] = ()  # names of answer zones that answer nothing asked
    extra_points: tuple[str, ...] = field(default=())

    @property
    def passed_count(self) -> int:
        return sum(s.passed for s in self.zones) + sum(s.passed for s in self.points)

    @property
    def asked_count(self) -> int:
        return len(self.zones) + len(self.points)

    @property
    def passed(self) -> bool:
        """Everything asked was answered well enough."""
        return self.passed_count == self.asked_count

    def as_dict(self) -> dict:
        t = self.thresholds
        return {
            "passed": self.passed, "passed_count": self.passed_count, "asked_count": self.asked_count,
            "thresholds": {"dice_min": t.dice_min, "border_mean_max_mm": t.border_mean_max_mm,
                           "point_max_mm": t.point_max_mm},
            "zones": [{"id": s.zone_id, "name": s.name, "side": s.side, "answer_id": s.answer_id,
                       "missing": s.missing, "dice": round(s.dice, 4),
                       "border_mean_mm": _round(s.border_mean_mm), "border_p95_mm": _round(s.border_p95_mm),
                       "passed": s.passed} for s in self.zones],
            "points": [{"id": s.point_id, "code": s.code, "name": s.name, "side": s.side, "answer_id": s.answer_id,
                        "missing": s.missing, "distance_mm": _round(s.distance_mm), "passed": s.passed}
                       for s in self.points],
            "extra_zones": list(self.extra_zones), "extra_points": list(self.extra_points),
        }


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 2)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def answers_zone(ref: Zone, z: Zone) -> bool:
    """Does answer zone ``z`` answer reference zone ``ref``? The same template, or the same name and side."""
    return bool(ref.template and z.template == ref.template) or (_norm(z.name) == _norm(ref.name) and z.side == ref.side)


def answers_point(ref: ReflexPoint, p: ReflexPoint) -> bool:
    """Does answer point ``p`` answer reference point ``ref``? The same code and side, or the same name and side."""
    if p.side != ref.side:
        return False
    return bool(ref.code.strip()) and _norm(p.code) == _norm(ref.code) or _norm(p.name) == _norm(ref.name) != ""


def check_same_body(reference: Plan, answer: Plan) -> None:
    """Refuse an answer made on another body (its face ids would mean other places)."""
    if (reference.body.body_id, reference.body.paint_topology_sha256) != \
            (answer.body.body_id, answer.body.paint_topology_sha256):
        raise MessageError(QUIZ_OTHER_BODY(answer_body=answer.body.body_id, reference_body=reference.body.body_id))


def score_zone(surface: PaintingSurface, ref: Zone, answer: Zone | None, t: Thresholds) -> ZoneScore:
    """Dice, border mean and 95th percentile (mm) of one answer zone (or None: missing)."""
    if answer is None:
        return ZoneScore(ref.id, ref.name, ref.side, None, 0.0, None, None, False)
    from mesomap.geometry.quiz_measures import border_distances, dice_overlap  # scipy: loads with the first score

    dice = dice_overlap(surface.mesh.face_areas, ref.faces, answer.faces)
    d = border_distances(surface.mesh.vertices, surface.mesh.faces, ref.faces, answer.faces)
    mean = float(d.mean()) if len(d) else None
    p95 = float(np.percentile(d, 95)) if len(d) else None
    passed = dice >= t.dice_min and mean is not None and mean <= t.border_mean_max_mm
    return ZoneScore(ref.id, ref.name, ref.side, answer.id, dice, mean, p95, passed)


def score_point(surface: PaintingSurface, ref: ReflexPoint, answer: ReflexPoint | None, t: Thresholds) -> PointScore:
    """Distance along the skin (mm) of one answer point (or None: missing)."""
    if answer is None:
        return PointScore(ref.id, ref.code, ref.name, ref.side, None, None, False)
    from mesomap.geometry.quiz_measures import skin_distance_mm

    d = skin_distance_mm(surface, ref.face, ref.barycentric, answer.face, answer.barycentric)
    ok = math.isfinite(d) and d <= t.point_max_mm
    return PointScore(ref.id, ref.code, ref.name, ref.side, answer.id, d if math.isfinite(d) else None, ok)


def _zone_rank(s: ZoneScore) -> tuple:
    return (s.passed, s.dice, -(s.border_mean_mm if s.border_mean_mm is not None else math.inf))


def score_quiz(reference: Plan, answer: Plan, surface: PaintingSurface,
               thresholds: Thresholds = DEFAULT_THRESHOLDS) -> QuizResult:
    """Score every zone and reflex point of ``reference`` against ``answer`` on ``surface`` (both plans' body)."""
    check_same_body(reference, answer)
    if not reference.zones and not reference.points:
        raise MessageError(QUIZ_NOTHING_ASKED())
    used_zones: set[str] = set()
    zone_scores = []
    for ref in reference.zones:
        candidates = [z for z in answer.zones if answers_zone(ref, z)]
        scores = [score_zone(surface, ref, z, thresholds) for z in candidates] or \
                 [score_zone(surface, ref, None, thresholds)]
        best = max(scores, key=_zone_rank)
        zone_scores.append(best)
        if best.answer_id:
            used_zones.add(best.answer_id)
    used_points: set[str] = set()
    point_scores = []
    for ref in reference.points:
        candidates = [p for p in answer.points if answers_point(ref, p)]
        scores = [score_point(surface, ref, p, thresholds) for p in candidates] or \
                 [score_point(surface, ref, None, thresholds)]
        best = min(scores, key=lambda s: math.inf if s.distance_mm is None else s.distance_mm)
        point_scores.append(best)
        if best.answer_id:
            used_points.add(best.answer_id)
    return QuizResult(
        tuple(zone_scores), tuple(point_scores), thresholds,
        tuple(z.name for z in answer.zones if not any(answers_zone(r, z) for r in reference.zones)),
        tuple(p.code or p.name for p in answer.points if not any(answers_point(r, p) for r in reference.points)),
    )


# -- the reveal: the reference and the answer in two colours -------------------------------

#: Colour-blind-safe (Okabe–Ito) colours of the reveal: faces both painted, only in the reference, only in the answer.
REVEAL_COLOURS = {"both": "#009e73", "reference": "#0072b2", "answer": "#e69f00"}


def reveal_plan(reference: Plan, answer: Plan, result: QuizResult) -> Plan:
    """A plan drawing the reference and the answer of every asked zone together: the faces both painted, those
    only in the reference and those only in the answer, each in its :data:`REVEAL_COLOURS` colour (the answer's
    own zone ids and colours do not matter). Points: the reference's (the answer's are drawn apart)."""
    from dataclasses import replace

    answers = {z.id: z for z in answer.zones}
    zones = []
    for ref, score in zip(reference.zones, result.zones):
        given = answers.get(score.answer_id) if score.answer_id else None
        got = given.faces if given is not None else np.empty(0, dtype=np.int32)
        parts = {"both": np.intersect1d(ref.faces, got), "reference": np.setdiff1d(ref.faces, got),
                 "answer": np.setdiff1d(got, ref.faces)}
        for part, faces in parts.items():
            if len(faces):
                zones.append(Zone(f"{ref.id}:{part}", ref.name, REVEAL_COLOURS[part], ref.side, faces, ref.params,
                                  ref.template))
    return replace(reference, zones=tuple(zones))


def answer_points(answer: Plan, result: QuizResult) -> tuple[ReflexPoint, ...]:
    """The answer's reflex points that answer an asked point, in the order of the questions."""
    given = {p.id: p for p in answer.points}
    return tuple(given[s.answer_id] for s in result.points if s.answer_id in given)
