"""The injection order animation's state (no display): a zone's injections one after another in gun order,
numbered as the exports number them, at a speed, paused, resumed and stepped; and the presentation's own
state (pointer, annotation strokes, look) never touching the plan."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from mesomap.io.plan_builder import new_plan
from mesomap.io.templates import load_templates
from mesomap.model.plan import InjectionPoint
from mesomap.session.order_animation import first_number
from mesomap.session.presentation import SCALE_RANGE, STROKE_LIFT_MM, Presentation
from mesomap.session.session import Session
from tests.teach.quiz_plans import surface as female_surface


@pytest.fixture(scope="module")
def surface():
    return female_surface()


def gridded(surface, counts=(7, 12)) -> Session:
    """A session with the abdomen and the left knee, each with a hand-made grid of ``counts`` injections."""
    plan = new_plan(surface, load_templates(), ["abdomen", "knee_left"])
    zones = tuple(replace(z, injections=tuple(InjectionPoint(int(f), (1 / 3, 1 / 3, 1 / 3)) for f in z.faces[:n]))
                  for z, n in zip(plan.zones, counts))
    return Session(plan=replace(plan, zones=zones), surface=surface)


def test_steps_draw_the_zones_injections_in_gun_order_numbered_as_exported(surface):
    s = gridded(surface)
    knee = s.plan.zones[1]
    anim = Presentation(s).animation
    assert anim.play(knee.id, per_s=4.0)
    assert anim.interval_ms == 250 and anim.playing and anim.count == 0
    for _ in range(5):
        assert anim.step()
    positions, numbers = anim.drawn()
    assert len(positions) == 5
    np.testing.assert_allclose(positions, s.injection_positions(knee)[:5])  # the plan's order
    assert first_number(s.plan, knee.id) == 8  # the abdomen's 7 come first, as exported
    assert numbers.tolist() == [8, 9, 10, 11, 12]


def test_pause_stops_playing_and_step_still_moves_on(surface):
    s = gridded(surface)
    anim = Presentation(s).animation
    anim.play(s.plan.zones[0].id)
    anim.step()
    anim.pause()
    assert not anim.playing and anim.count == 1
    assert anim.step() and anim.count == 2 and not anim.playing  # stepping by hand while paused
    anim.resume()
    assert anim.playing
    while anim.step():
        pass
    assert anim.count == 7 and not anim.playing and anim.finished  # the end stops it
    anim.resume()
    assert anim.playing and anim.count == 0  # resuming a finished animation starts it again


def test_a_zone_without_a_grid_is_not_played(surface):
    s = Session(plan=new_plan(surface, load_templates(), ["abdomen"]), surface=surface)
    anim = Presentation(s).animation
    assert not anim.play(s.plan.zones[0].id)
    assert not anim.playing and anim.drawn()[0].shape == (0, 3)


def test_pointer_strokes_and_look_never_touch_the_plan(surface):
    s = gridded(surface)
    before = s.plan
    p = Presentation(s)
    hit = s.surface.pick(np.array([0.0, 2000.0, 1000.0]), np.array([0.0, -1.0, 0.0]))
    point, normal = s.surface.point_on_face(hit.face, hit.barycentric)
    p.set_pointer(point, normal)
    p.begin_stroke(point, normal)
    p.extend_stroke(point + np.array([20.0, 0.0, 0.0]), normal)
    p.extend_stroke(point + np.array([20.2, 0.0, 0.0]), normal)  # closer than a millimetre: dropped
    p.end_stroke()
    assert len(p.strokes) == 1 and p.strokes[0].shape == (2, 3)
    np.testing.assert_allclose(p.strokes[0][0], point + STROKE_LIFT_MM * normal)
    p.set_look(scale=3.0)
    assert p.scale == SCALE_RANGE[1]
    assert s.plan is before and not s.doc.dirty and not s.doc.history.can_undo
    assert p.clear_strokes() and p.strokes == () and not p.clear_strokes()
