"""Long layouts show how far they are and can be cancelled; a cancelled layout changes nothing, and the next
one works."""

from __future__ import annotations

from tests.ui.conftest import wait_grids

ZONES = ("abdomen", "knee_left", "knee_right", "forehead")


def test_progress_counts_zones_and_cancel_leaves_the_grids_as_they_were(window, qtbot):
    for zone_id in ZONES:
        window.editor.add_zone_from_template(window.templates.zone(zone_id))
    before = window.doc.plan
    assert window.grid_actions.generate(all_zones=True)
    assert window.grids.progress() == (0, 4)
    assert "(0 of 4 zones)" in window.busy_label.text()
    assert window.busy_bar.maximum() == 4 and window.busy_bar.isVisibleTo(window)
    assert window.cancel_button.isVisibleTo(window) and window.cancel_layouts_action.isEnabled()

    messages = []
    window.grids.message.connect(lambda m: messages.append(str(m)))
    assert window.grids.worker.kind == "process"
    window.cancel_layouts_action.trigger()  # results are only picked up on the UI thread: none was applied yet
    assert messages == ["Layout cancelled: the grids are as they were."]
    assert window.grids.worker.kind == ""  # the process running the layout was stopped, not left to finish
    assert not window.grids.busy and window.grids.progress() == (0, 0)
    assert not window.cancel_button.isVisibleTo(window) and not window.busy_bar.isVisibleTo(window)
    qtbot.wait(1500)  # whatever the stopped worker had under way never arrives
    assert window.doc.plan is before
    assert all(not z.injections for z in window.doc.plan.zones)
    assert window.undo_action.isEnabled()  # only the zone additions are on the undo stack
    window.undo_action.trigger()
    assert len(window.doc.plan.zones) == len(ZONES) - 1
    window.redo_action.trigger()

    assert window.grid_actions.generate(all_zones=True)  # a fresh worker takes the next layout
    wait_grids(qtbot, window)
    assert all(z.injections and not z.grid_stale for z in window.doc.plan.zones)


def test_cancel_with_nothing_running_does_nothing(window):
    assert not window.cancel_layouts_action.isEnabled()
    assert window.grids.cancel_layouts() is False


def test_a_grid_past_the_limit_is_refused_with_its_estimate(window, qtbot):
    from dataclasses import replace

    from mesomap.model import edits

    window.editor.add_zone_from_template(window.templates.zone("abdomen"))
    zone = window.doc.plan.zones[0]
    window.doc.edit("Spacing", edits.set_zone_params, zone.id, replace(zone.params, spacing_mm=2.0, margin_mm=0.0))
    messages = []
    window.grids.message.connect(lambda m: messages.append(str(m)))
    assert window.grid_actions.generate(all_zones=True)
    wait_grids(qtbot, window)
    assert len(messages) == 1 and "would get about" in messages[0] and "limit of 5,000 per zone" in messages[0]
    assert not window.doc.plan.zones[0].injections


def test_quitting_while_layouts_run_stops_them_instead_of_waiting(window, qtbot, isolated_data):
    """Issue 13: closing does not wait for running layouts (it used to lay out every zone first, ~5 s)."""
    for zone_id in ZONES:
        window.editor.add_zone_from_template(window.templates.zone(zone_id))
    window.editor.add_zone_from_template(window.templates.zone("scalp"))
    window.zone_panel.spacing.setValue(4.0)  # the scalp at 4 mm: seconds of layout, still running at the close
    assert window.grid_actions.generate(all_zones=True)
    worker = window.grids.worker
    assert worker.kind == "process" and window.grids.pending
    window.close()  # unsaved: the question is answered Discard (conftest)
    assert isolated_data and "Save the changes" in isolated_data[-1]
    assert not window.isVisible() and not window.grids.pending
    assert worker.kind == ""  # the process laying out was stopped, not waited for
    assert all(not z.injections for z in window.doc.plan.zones)  # nothing was laid out meanwhile
