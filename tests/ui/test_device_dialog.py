"""File > Send to device against the real device simulator on a pseudo-terminal: the check before
sending, a committed transfer, a silent device, Cancel — and the open plan never changes."""

from __future__ import annotations

import json
import time

import pytest

from mesomap.io.device_link import send_program
from mesomap.io.device_program import build_device_program, seal
from mesomap.io.device_profiles import find_profile
from mesomap.io.device_sim import PROGRAM_FILE, Faults, PtySimulator, SimulatedDevice
from mesomap.ui.device_dialog import DeviceDialog
from tests.ui.conftest import gridded_window

SEND_TIMEOUT_S = 60.0


@pytest.fixture
def gridded(window, qtbot):
    gridded_window(qtbot, window, "knee_left", "forehead")
    window.editor.add_point_from_template(window.templates.point("st36_left"))
    return window


def dialog_for(window, qtbot, profile="generic") -> DeviceDialog:
    dialog = DeviceDialog(window.doc.plan, window.surface, window.settings, window)
    qtbot.addWidget(dialog)
    dialog.profile_box.setCurrentIndex(dialog.profile_box.findData(profile))
    return dialog


def test_the_check_shows_the_program_and_its_roundings_before_sending(gridded, qtbot):
    plan = gridded.doc.plan
    dialog = dialog_for(gridded, qtbot)
    data, _, report = build_device_program(plan, gridded.surface, find_profile("generic"))
    assert dialog.program == data
    text = dialog.report.toPlainText()
    assert f"{report.programs} programs, {report.shots} shots" in text
    assert "Programs:" in text and "Knee, left" in text
    assert "Ready to send" in dialog.check_label.text()
    assert not dialog.send_button.isEnabled() or dialog.port_box.currentText()
    dialog.port_box.setEditText("/dev/null-port")
    assert dialog.send_button.isEnabled()


def test_violations_are_listed_and_nothing_can_be_sent(gridded, qtbot, isolated_data, tmp_path):
    """A user profile (from the data dir) the plan does not fit: every problem listed, Send off."""
    import os

    devices = tmp_path / "data" / "devices"
    devices.mkdir(parents=True)
    profile = json.loads(open(find_profile("generic").source).read())
    profile.update(name="Shallow gun", depth_mm={"min": 0.5, "max": 2.0, "step": 0.5})
    (devices / "shallow.json").write_text(json.dumps(profile))
    assert os.environ["MESOMAP_DATA_DIR"] == str(tmp_path / "data")
    dialog = dialog_for(gridded, qtbot, "shallow")
    assert dialog.profile.id == "shallow" and dialog.program is None
    assert "does not fit Shallow gun" in dialog.check_label.text()
    assert "depth" in dialog.report.toPlainText() and "✗" in dialog.report.toPlainText()
    dialog.port_box.setEditText("/dev/ttyUSB0")
    assert not dialog.send_button.isEnabled()
    assert not dialog.send()


def test_a_plan_without_grid_cannot_be_sent(window, qtbot):
    window.editor.add_zone_from_template(window.templates.zone("abdomen"))
    dialog = dialog_for(window, qtbot)
    assert dialog.program is None
    assert dialog.check_label.text() == ("Cannot send this plan: zone 'Abdomen' has no injection grid yet; "
                                         "lay it out first (Grid ▸ Generate grid, Ctrl+G).")
    assert "mesomap grid" not in dialog.check_label.text()


def test_send_commits_the_program_on_the_simulated_device(gridded, qtbot, tmp_path, monkeypatch):
    plan, revision = gridded.doc.plan, gridded.doc.revision
    store = tmp_path / "device"
    seen = {}

    def run(dialog):  # what the user does in the dialog opened from the menu
        assert dialog.profile.id == "generic", "a real device's profile comes first, examples after"
        dialog.port_box.setEditText(sim.port)
        dialog.send_button.click()
        assert dialog.sending and not dialog.close_button.isEnabled() and dialog.cancel_button.isEnabled()
        assert dialog.wait(SEND_TIMEOUT_S)
        seen["status"] = dialog.status.text()
        seen["check"] = dialog.report.toPlainText()
        seen["program"] = dialog.program
        seen["progress"] = dialog.progress.format()
        return 0

    monkeypatch.setattr(DeviceDialog, "exec", run)
    with PtySimulator(SimulatedDevice(store, profile=find_profile("generic"))) as sim:
        gridded.send_action.trigger()
    assert seen["status"].startswith(f"Sent and committed on generic at {sim.port}:"), seen["status"]
    assert (store / PROGRAM_FILE).read_bytes() == seen["program"], "the device holds exactly the program shown"
    assert seen["progress"] == "committed"
    seal = json.loads(seen["program"])["content_sha256"]  # one SHA-256 names the program: its seal
    assert f"program SHA-256 {seal}" in seen["check"] and f"Program SHA-256 {seal}." in seen["status"]
    assert gridded.doc.plan is plan and gridded.doc.revision == revision, "the open plan is untouched"
    assert gridded.settings.value("device/port") == sim.port  # offered next time


def test_a_silent_port_gives_the_clear_timeout_message(gridded, qtbot, tmp_path):
    plan = gridded.doc.plan
    dialog = dialog_for(gridded, qtbot)
    dialog.timeout.setValue(0.3)
    dialog.retries = 1
    with PtySimulator(SimulatedDevice(tmp_path / "device"), Faults(silent=True)) as sim:
        dialog.port_box.setEditText(sim.port)
        t0 = time.monotonic()
        assert dialog.send()
        assert dialog.wait(SEND_TIMEOUT_S)
    assert time.monotonic() - t0 < 10
    text = dialog.status.text()
    assert text == (f"Not sent: no answer from {sim.port} to HELLO (the handshake) within 0.3 s (2 tries); "
                    "is the device on, connected and in transfer mode?"), text
    assert dialog.progress.format() == "not sent" and dialog.send_button.isEnabled()
    assert not (tmp_path / "device" / PROGRAM_FILE).exists()
    assert gridded.doc.plan is plan


def test_cancel_stops_the_transfer_with_a_message(gridded, qtbot, tmp_path):
    plan = gridded.doc.plan
    store = tmp_path / "device"

    def slow(line: bytes):  # a slow link: about 20 ms per message
        time.sleep(0.02)
        return line

    dialog = dialog_for(gridded, qtbot)
    with PtySimulator(SimulatedDevice(store), Faults(rewrite=slow)) as sim:
        dialog.port_box.setEditText(sim.port)
        assert dialog.send()
        qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=20000)  # chunks are going out
        dialog.cancel_button.click()
        assert dialog.wait(SEND_TIMEOUT_S)
        deadline = time.monotonic() + 10
        while sim.device.pending is not None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert sim.device.pending is None, "the device was told to drop the transfer"
    text = dialog.status.text()
    assert text.startswith(f"Cancelled: transfer to {sim.port} cancelled;"), text
    assert "keeps its previous program" in text
    assert dialog.progress.format() == "cancelled"
    assert not (store / PROGRAM_FILE).exists()
    assert gridded.doc.plan is plan


def test_closing_while_sending_cancels_first(gridded, qtbot, tmp_path):
    def slow(line: bytes):
        time.sleep(0.02)
        return line

    dialog = dialog_for(gridded, qtbot)
    dialog.show()
    with PtySimulator(SimulatedDevice(tmp_path / "device"), Faults(rewrite=slow)) as sim:
        dialog.port_box.setEditText(sim.port)
        dialog.send()
        dialog.reject()  # Esc or the window's close button
        assert dialog.isVisible(), "it stays open until the transfer has ended"
        assert dialog.wait(SEND_TIMEOUT_S)
    assert dialog.status.text().startswith("Cancelled:")
    dialog.reject()
    assert not dialog.isVisible()


def send_and_watch(dialog, qtbot, port) -> list[str]:
    """Send from the dialog and collect every status sentence the user sees until it ends."""
    seen: list[str] = []
    dialog.status.setText("")
    dialog.port_box.setEditText(port)
    assert dialog.send()
    deadline = time.monotonic() + SEND_TIMEOUT_S
    while dialog.sending and time.monotonic() < deadline:
        qtbot.wait(5)
        if not seen or seen[-1] != dialog.status.text():
            seen.append(dialog.status.text())
    seen.append(dialog.status.text())
    return seen


def test_lost_committed_reply_is_said_then_the_device_is_asked_and_it_holds_the_new_program(gridded, qtbot, tmp_path):
    store = tmp_path / "device"
    dialog = dialog_for(gridded, qtbot)
    dialog.timeout.setValue(0.5)
    dialog.retries = 1
    with PtySimulator(SimulatedDevice(store), Faults(drop_replies={"COMMITTED": None})) as sim:
        seen = send_and_watch(dialog, qtbot, sim.port)
    seal = json.loads(dialog.program)["content_sha256"]
    final = seen[-1]
    assert final.startswith("No reply to COMMIT came back"), seen  # said so first, then what the device answered
    assert "asked with STATUS, the device holds the new program" in final and f"Program SHA-256 {seal}." in final
    assert (store / PROGRAM_FILE).read_bytes() == dialog.program


def test_commit_lost_names_the_previous_program_and_offers_send_again(gridded, qtbot, tmp_path):
    store = tmp_path / "device"
    dialog = dialog_for(gridded, qtbot)
    body = dialog.program.replace(b'"patient_ref": ""', b'"patient_ref": "v1"', 1)  # an earlier version
    first = seal(body[:body.rfind(b',\n "content_sha256"')] + b"\n}")
    assert first != dialog.program
    with PtySimulator(SimulatedDevice(store)) as sim:  # the device holds it
        send_program(sim.port, first, timeout_s=10)
    dialog.timeout.setValue(0.5)
    dialog.retries = 1
    with PtySimulator(SimulatedDevice(store), Faults(drop_lines={"COMMIT": None})) as sim:
        seen = send_and_watch(dialog, qtbot, sim.port)
    old, new = json.loads(first)["content_sha256"], json.loads(dialog.program)["content_sha256"]
    final = seen[-1]
    assert final.startswith("Not sent: no reply to COMMIT came back"), final
    assert f"holds its previous program {old}, not the new program {new}: it was not committed" in final
    assert dialog.send_button.text() == "Send again" and dialog.send_button.isEnabled()
    assert (store / PROGRAM_FILE).read_bytes() == first


def test_no_reply_to_commit_nor_status_is_shown_as_unknown_with_both_programs(gridded, qtbot, tmp_path):
    store = tmp_path / "device"
    dialog = dialog_for(gridded, qtbot)
    dialog.timeout.setValue(0.3)
    dialog.retries = 1
    with PtySimulator(SimulatedDevice(store), Faults(drop_replies={"COMMITTED": None, "STATUS": None})) as sim:
        seen = send_and_watch(dialog, qtbot, sim.port)
    new = json.loads(dialog.program)["content_sha256"]
    final = seen[-1]
    assert final.startswith("Unknown whether the device took the program: no reply to COMMIT came back"), final
    assert f"the new one ({new}) or the previous one (none)" in final and "do not use the device before checking" in final
    assert "keeps its previous program" not in final
    assert dialog.send_button.text() == "Send again" and dialog.send_button.isEnabled()
