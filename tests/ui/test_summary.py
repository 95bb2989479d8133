"""The summary dock: the numbers summarize() gives, estimates marked ~, warnings as plain sentences,
live but throttled while painting."""

from __future__ import annotations

import time

import numpy as np
import pytest

import mesomap.ui.summary_panel as summary_module
from mesomap.model.grid import estimator
from mesomap.model.summary import summarize
from mesomap.session.session import Mode
from tests.ui.conftest import drag, front_skin_point, gridded_window, screen_of, wait_grids, wait_summary


def rows(panel) -> dict[str, tuple[str, str]]:
    table = panel.table
    return {table.topLevelItem(i).text(0): (table.topLevelItem(i).text(1), table.topLevelItem(i).text(2))
            for i in range(table.topLevelItemCount())}


def test_the_panel_shows_what_summarize_gives(window, qtbot):
    gridded_window(qtbot, window, "abdomen", "decollete")
    window.editor.add_zone_from_template(window.templates.zone("knee_left"))  # no grid yet: an estimate
    window.editor.add_point_from_template(window.templates.point("st36_left"))
    window.editor.add_point_from_template(window.templates.point("st36_right"))
    wait_summary(qtbot, window)
    plan, surface = window.doc.plan, window.surface
    expected = summarize(plan, {z.id: surface.area_cm2(z.faces) for z in plan.zones}, estimator(surface))
    shown = window.summary_panel.summary
    assert shown.count == expected.count and shown.volume_ml == pytest.approx(expected.volume_ml)
    assert [z.count for z in shown.zones] == [z.count for z in expected.zones]
    assert shown.duration_min == pytest.approx(expected.duration_min)
    table = rows(window.summary_panel)
    abdomen, decollete, knee = expected.zones
    assert table["Abdomen"] == (str(abdomen.count), f"{abdomen.volume_ml:.2f}")
    assert table["Décolleté"][0] == str(decollete.count)
    assert knee.count_is_estimate and table["Knee, left"][0] == f"~{knee.count}"
    assert table["Reflex points"][0] == "2"
    assert table["Total"] == (f"~{expected.count}", f"{expected.volume_ml:.2f}")
    totals = window.summary_panel.totals.text()
    assert f"{expected.volume_ml:.2f} ml" in totals and "2 reflex points" in totals
    assert f"about {expected.duration_min:.0f} min" in totals


def test_more_than_200_injections_is_a_plain_warning(window, qtbot):
    gridded_window(qtbot, window, "knee_left")
    wait_summary(qtbot, window)
    panel = window.summary_panel
    assert "more than the usual" not in panel.warning_text()
    window.zone_panel.spacing.setValue(6.0)  # a small spacing on the knee: several hundred points
    wait_grids(qtbot, window)
    wait_summary(qtbot, window)
    n = window.summary_panel.summary.count
    assert n > 200 and n == len(window.doc.plan.zones[0].injections)
    text = panel.warning_text()
    assert f"• {n} injections is more than the usual 10–200 per session; consider splitting the plan over two sessions." in text
    assert panel.warnings.isVisible()


def test_products_and_export_blocking_errors_are_listed(window, qtbot):
    gridded_window(qtbot, window, "forehead")
    zone = window.doc.plan.zones[0]
    window.zone_panel.products.item(0, 0).setText("Hyaluronic acid")
    window.zone_panel.products.item(1, 0).setText("Vitamin C")
    wait_summary(qtbot, window)
    text = window.summary_panel.totals.text()
    volume = len(zone.injections) * zone.params.volume_per_point_ml
    assert f"Hyaluronic acid {volume / 2:.2f} ml" in text and f"Vitamin C {volume / 2:.2f} ml" in text


def test_a_stale_grid_counts_as_an_estimate_with_a_reason(window, qtbot):
    gridded_window(qtbot, window, "abdomen")
    window.editor.set_mode(Mode.PAINT)
    drag(window.view.plotter, [screen_of(window, front_skin_point(window, x, 880)) for x in (-60, 0, 60)])
    wait_summary(qtbot, window)
    assert rows(window.summary_panel)["Abdomen"][0].startswith("~")
    assert "the zone changed since its grid was laid out" in window.summary_panel.warning_text()


def test_painting_refreshes_the_summary_live_but_not_per_dab(window, qtbot, monkeypatch, capsys):
    calls = []
    real = summary_module.plan_summary

    def counting(*args):
        calls.append(time.perf_counter())
        return real(*args)

    monkeypatch.setattr(summary_module, "plan_summary", counting)
    window.editor.add_zone_from_template(window.templates.zone("abdomen"))
    window.editor.add_zone_from_template(window.templates.zone("decollete"))
    window.editor.add_zone_from_template(window.templates.zone("knee_left"))
    window.editor.add_zone("Painted")
    wait_summary(qtbot, window)
    calls.clear()
    window.editor.set_mode(Mode.PAINT)
    window.editor.set_radius(20)
    assert window.editor.begin_stroke()
    dabs = 0
    for x in np.linspace(70, 150, 40):  # across the right thigh
        s = window.tool.sample(*screen_of(window, front_skin_point(window, x, 600 + 30 * np.sin(x / 15))))
        window.editor.stroke([(s[1], s[2])])
        dabs += 1
    window.editor.end_gesture()
    assert len(calls) <= 1, "no summary work inside the dabs (they run back to back here)"
    wait_summary(qtbot, window)
    assert len(calls) >= 1
    painted = window.summary_panel.summary.zones[-1]
    assert painted.name == "Painted" and painted.count > 0 and painted.count_is_estimate
    # what one refresh costs with four zones (only the changed zone's border is measured again)
    costs = []
    for _ in range(5):
        window.summary_panel.refresh()
        costs.append(window.summary_panel.last_cost_ms)
    with capsys.disabled():
        print(f"\n  summary refresh, 4 zones, cached metrics: median {np.median(costs):.1f} ms")
    assert np.median(costs) < 40


def test_an_empty_plan_gets_a_hint_not_a_warning(window):
    """Issue 13: nothing planned yet is a start, not a problem; warnings come once there is something."""
    panel = window.summary_panel
    panel.refresh()
    assert panel.summary.warnings == () and not panel.warnings.isVisibleTo(window)
    assert [h.code for h in panel.summary.hints] == ["empty_plan"]
    assert panel.hints.isVisibleTo(window) and "add a zone from a template" in panel.hints.text()
    window.editor.add_zone_from_template(window.templates.zone("cheek_left"))
    panel.refresh()
    assert panel.summary.hints == () and not panel.hints.isVisibleTo(window)
