"""Words drawn into pictures follow the chosen language: the zones legend and the depth drawings' labels."""

from __future__ import annotations

import pytest

from mesomap import text


@pytest.fixture
def russian():
    before = text.language()
    text.set_language("ru")
    yield
    text.set_language(before)


def test_the_zones_legend_writes_millimetres_in_russian(russian):
    from mesomap.io.meshes import load_painting_surface
    from mesomap.io.plan_builder import new_plan
    from mesomap.io.templates import load_templates
    from mesomap.render.legend import legend_rows

    plan = new_plan(load_painting_surface("female"), load_templates(), ["forehead"], [])
    assert legend_rows(plan) == [(plan.zones[0].color, "Лоб — IDP 2,5 мм")]  # the template's name in Russian too


def test_the_depth_drawing_labels_are_russian_with_decimal_commas(russian):
    from mesomap.io.meshes import load_painting_surface
    from mesomap.io.plan_builder import new_plan
    from mesomap.io.templates import load_templates
    from mesomap.model.depth_view import zone_depth_view

    plan = new_plan(load_painting_surface("female"), load_templates(), ["cheek_left"], [])
    words = [lb.text for lb in zone_depth_view(plan.zones[0]).labels]
    assert any(w.startswith("эпидермис 0,") and w.endswith(" мм") for w in words), words
    assert any(w.startswith("глубина ") for w in words) and any(w.startswith("игла ") for w in words), words
    assert not any(w.startswith(("depth", "needle", "epidermis", "dermis")) for w in words), words
