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


def _ink(words: str, bundled: bool) -> int:
    """Dark pixels of ``words`` drawn by VTK (black on white) in a display-less window."""
    import numpy as np

    from mesomap.render.fonts import use_bundled_font
    from mesomap.render.labels import boxed_text
    from mesomap.render.offscreen import offscreen_plotter

    with offscreen_plotter((400, 80)) as plotter:
        plotter.set_background("white")
        actor = boxed_text(plotter.renderer, (0, 0, 0), (1, 1, 1), 0.0)
        if not bundled:  # VTK's own Arial, as before issue 17
            actor.GetTextProperty().SetFontFamilyToArial()
        else:
            use_bundled_font(actor.GetTextProperty())
        actor.SetInput(words)
        actor.GetTextProperty().SetFontSize(28)
        actor.SetPosition(10, 20)
        image = plotter.screenshot(return_img=True)
    return int((np.asarray(image)[..., :3].mean(axis=2) < 128).sum())


def test_cyrillic_in_pictures_is_drawn_with_the_bundled_font():
    latin_ink = _ink("Depth (mm)", bundled=True)
    assert _ink("Глубина (мм)", bundled=True) > 0.8 * latin_ink  # every letter drawn
    assert _ink("Глубина (мм)", bundled=False) < 0.4 * latin_ink  # VTK's Arial: only "()" (what the sheet showed)


def test_the_depth_legend_writes_decimal_commas_in_russian(russian):
    from mesomap.io.meshes import load_painting_surface
    from mesomap.io.plan_builder import new_plan
    from mesomap.io.templates import load_templates
    from mesomap.model.grid import layout_zone
    from mesomap.render.grid_glyphs import GridGlyphs
    from mesomap.render.offscreen import offscreen_plotter
    from dataclasses import replace

    surface = load_painting_surface("female")
    plan = new_plan(surface, load_templates(), ["forehead", "cheek_left"], [])
    plan = replace(plan, zones=tuple(replace(z, injections=layout_zone(z, surface, 0)) for z in plan.zones))
    with offscreen_plotter((600, 400)) as plotter:
        glyphs = GridGlyphs(plotter, surface)
        glyphs.show_plan(plan)
        bar = plotter.scalar_bars["Глубина (мм)"]
        table = bar.GetLookupTable()
        shown = [table.GetAnnotation(i) for i in range(table.GetNumberOfAnnotatedValues())]
    assert not bar.GetDrawTickLabels() and bar.GetDrawAnnotations()
    assert shown == ["1,5", "2,0", "2,5"], shown  # cheek IDS 1.5 mm to forehead IDP 2.5 mm, with commas
