"""Quiz scores (issue 14): Dice, border distances and point distances along the skin, pass or fail."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from mesomap.model.messages import MessageError
from mesomap.model.quiz import DEFAULT_THRESHOLDS, Thresholds, score_quiz
from tests.teach.quiz_plans import reference, shifted_faces, surface, walk_point


@pytest.fixture(scope="module")
def ref():
    return reference()


def test_a_plan_against_itself_scores_dice_1_and_0_mm_and_passes(ref):
    r = score_quiz(ref, ref, surface())
    assert [z.dice for z in r.zones] == [1.0, 1.0]
    assert all(z.border_mean_mm == 0.0 and z.border_p95_mm == 0.0 for z in r.zones)
    assert [p.distance_mm for p in r.points] == [0.0, 0.0]
    assert r.passed and r.passed_count == r.asked_count == 4


def test_a_zone_shifted_15_mm_scores_lower_dice_and_a_border_distance_about_the_shift(ref):
    s = surface()
    thigh = ref.zones[0]
    moved = replace(thigh, faces=shifted_faces(s, thigh.faces, (0.0, 0.0, 15.0)))
    r = score_quiz(ref, replace(ref, zones=(moved,) + ref.zones[1:]), s)
    z = r.zones[0]
    assert 0.75 < z.dice < 0.97
    assert 12.0 <= z.border_p95_mm <= 18.0  # the border moved by 15 mm
    assert 3.0 <= z.border_mean_mm <= 15.0  # parts of the border run along the shift
    assert r.zones[1].dice == 1.0


def test_the_mirror_zone_scores_dice_0_and_fails(ref):
    s = surface()
    cheek = ref.zones[1]
    wrong = replace(cheek, faces=s.mirrored(cheek.faces))  # painted on the right cheek, named the left
    r = score_quiz(ref, replace(ref, zones=(ref.zones[0], wrong)), s)
    z = r.zones[1]
    assert z.dice < 0.05 and not z.passed and z.border_mean_mm > 30
    assert not r.passed and r.passed_count == 3


def test_a_missing_zone_scores_0_and_is_reported_missing_and_an_extra_one_is_listed(ref):
    s = surface()
    other = replace(ref.zones[1], template="cheek_right", side="right", name="Cheek, right",
                    faces=s.mirrored(ref.zones[1].faces))
    r = score_quiz(ref, replace(ref, zones=(ref.zones[0], other)), s)
    z = r.zones[1]
    assert z.missing and z.dice == 0.0 and z.border_mean_mm is None and not z.passed
    assert r.extra_zones == ("Cheek, right",)


def test_a_point_moved_20_mm_along_the_skin_is_about_20_mm_away_and_fails(ref):
    s = surface()
    moved = walk_point(s, ref.points[0], 20.0)
    r = score_quiz(ref, replace(ref, points=(moved,) + ref.points[1:]), s)
    p = r.points[0]
    assert 18.5 <= p.distance_mm <= 20.5 and not p.passed
    assert r.points[1].distance_mm == 0.0
    looser = score_quiz(ref, replace(ref, points=(moved,) + ref.points[1:]), s, Thresholds(point_max_mm=25))
    assert looser.points[0].passed


def test_the_default_pass_marks_are_the_documented_ones():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "teaching.md").read_text(encoding="utf-8")
    t = DEFAULT_THRESHOLDS
    assert f"| {t.dice_min:g} and {t.border_mean_max_mm:g} mm |" in doc and f"| {t.point_max_mm:g} mm |" in doc
    with pytest.raises(MessageError, match="pass mark dice_min"):
        Thresholds(dice_min=1.5)


def test_an_answer_on_another_body_is_refused_in_one_sentence(ref):
    from mesomap.io.plan_builder import new_plan
    from mesomap.io.meshes import load_painting_surface
    from mesomap.io.templates import load_templates

    male = new_plan(load_painting_surface("male"), load_templates(), ["cheek_left"])
    with pytest.raises(MessageError) as err:
        score_quiz(ref, male, surface())
    assert str(err.value) == ("the answer was made on the male body, the reference on the female body; "
                              "answer on the reference's body")


def test_a_zone_painted_by_hand_answers_the_template_zone_of_the_same_name_and_side(ref):
    s = surface()
    thigh = ref.zones[0]
    by_hand = replace(thigh, id="zone-7", template=None, name="  outer THIGH (saddlebag),   left ")
    other_side = replace(ref.zones[1], id="zone-8", template=None, side="right")  # "Cheek, left" named, right side
    r = score_quiz(ref, replace(ref, zones=(by_hand, other_side)), s)
    assert r.zones[0].answer_id == "zone-7" and r.zones[0].dice == 1.0
    assert r.zones[1].missing and r.extra_zones == ("Cheek, left",)


def test_a_reference_asking_nothing_is_refused(ref):
    with pytest.raises(MessageError, match="no zones and no reflex points to ask for"):
        score_quiz(replace(ref, zones=(), points=()), ref, surface())
