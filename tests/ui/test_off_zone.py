"""A plan with an injection moved off its zone opens with the offender ringed, listed and blocking export;
stored positions that disagree are re-derived and said once."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.ui.conftest import wait_grids


@pytest.fixture
def warnings_shown(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text))
    return shown


@pytest.fixture(scope="module")
def moved_file(tmp_path_factory):
    """Forehead injection 5 moved onto the knee (face, barycentric and derived values copied), and one stored
    position of the knee 2 mm off."""
    from mesomap.io.plan_file import save_plan
    from tests.io.test_device_helpers import gridded_plan, surface

    d = tmp_path_factory.mktemp("moved")
    save_plan(gridded_plan(), d / "good.mesomap.json", surface())
    data = json.loads((d / "good.mesomap.json").read_text())
    data["zones"][1]["injections"][4] = dict(data["zones"][0]["injections"][0])
    data["zones"][0]["injections"][3]["position_mm"][2] += 2.0
    (d / "moved.mesomap.json").write_text(json.dumps(data))
    return d


def test_open_marks_the_offender_and_export_refuses_until_it_is_fixed(window, qtbot, moved_file, warnings_shown,
                                                                      errors, monkeypatch, tmp_path):
    assert window.files.open_plan(moved_file / "moved.mesomap.json", ask=False)
    assert len(warnings_shown) == 1  # said once, in one box
    notice = warnings_shown[0]
    assert "1 injection of moved.mesomap.json lies outside its zone and is ringed in red" in notice
    assert "zone 'Forehead', injection 5" in notice
    assert "1 stored value" in notice and "zones[0].injections[3].position_mm" in notice
    ringed = window.scene.off_zone.shown
    assert [(m.zone_name, m.order) for m in ringed] == [("Forehead", 5)]
    assert window.view.plotter.renderer.actors.get("grid:off-zone") is not None
    window.summary_panel.refresh()
    assert "injection 5" in window.summary_panel.errors.text() and window.summary_panel.errors.isVisibleTo(window)

    out = tmp_path / "x.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "CSV (*.csv)"))
    window.export_actions["csv"].trigger()
    assert len(errors) == 1 and "injection 5" in errors[0] and not out.exists()

    forehead = window.doc.plan.zones[1]
    window.editor.select_zone(forehead.id)
    assert window.grid_actions.generate()  # laying the zone out again puts every injection back on it
    wait_grids(qtbot, window)
    assert window.scene.off_zone.shown == ()
    assert window.view.plotter.renderer.actors.get("grid:off-zone") is None
    window.export_actions["csv"].trigger()
    assert out.exists() and len(errors) == 1


def test_a_good_plan_opens_without_a_notice(window, moved_file, warnings_shown):
    assert window.files.open_plan(moved_file / "good.mesomap.json", ask=False)
    assert warnings_shown == [] and window.scene.off_zone.shown == ()
