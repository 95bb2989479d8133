"""The quiz reveal (issue 14): the reference and the answer in two colours, and where they agree in a third."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from mesomap.model.quiz import REVEAL_COLOURS, reveal_plan, score_quiz
from tests.conftest import read_png
from tests.teach.quiz_plans import reference, shifted_faces, surface


def _answer():
    s, ref = surface(), reference()
    thigh, cheek = ref.zones
    moved = replace(thigh, faces=shifted_faces(s, thigh.faces, (0.0, 0.0, 15.0)))
    return ref, replace(ref, zones=(moved, replace(cheek, faces=s.mirrored(cheek.faces))))


def test_the_reveal_splits_each_zone_into_both_reference_only_and_answer_only():
    ref, answer = _answer()
    result = score_quiz(ref, answer, surface())
    plan = reveal_plan(ref, answer, result)
    parts = {z.id: z for z in plan.zones}
    thigh_ref, thigh_ans = ref.zones[0].faces, answer.zones[0].faces
    assert np.array_equal(parts["zone-1:both"].faces, np.intersect1d(thigh_ref, thigh_ans))
    assert np.array_equal(parts["zone-1:reference"].faces, np.setdiff1d(thigh_ref, thigh_ans))
    assert np.array_equal(parts["zone-1:answer"].faces, np.setdiff1d(thigh_ans, thigh_ref))
    assert "zone-2:both" not in parts  # the mirrored cheek shares nothing
    assert {z.color for z in plan.zones} == set(REVEAL_COLOURS.values())


def test_the_reveal_picture_shows_the_reference_and_the_answer_in_their_colours(tmp_path):
    from mesomap.render.quiz_png import render_reveal_png, reveal_views

    ref, answer = _answer()
    s = surface()
    result = score_quiz(ref, answer, s)
    views = reveal_views(ref, answer, result, s)
    assert "front" in views  # the answer's cheek is on the other side: a second view shows it
    pixels = read_png(render_reveal_png(ref, answer, result, s, tmp_path / "front.png", "front", size=(600, 600)))
    p = pixels.astype(int)
    blue = (p[..., 2] - p[..., 0] > 60).mean()  # #0072b2: the reference cheek nobody painted
    orange = ((p[..., 0] - p[..., 2] > 120) & (p[..., 1] - p[..., 2] > 40)).mean()  # #e69f00: the answer's wrong cheek
    green = ((p[..., 1] - p[..., 0] > 50) & (p[..., 1] - p[..., 2] > 10)).mean()  # #009e73: thigh painted by both
    assert blue > 0.0005 and orange > 0.0005 and green > 0.002
