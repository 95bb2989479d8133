"""The Send dialog's port list offers the device simulator's pseudo-terminal and says which port is which."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from mesomap.ui.device_dialog import DeviceDialog

REPO = Path(__file__).resolve().parents[2]


def port_items(dialog) -> dict[str, str]:
    box = dialog.port_box
    return {box.itemData(i): box.itemText(i) for i in range(box.count())}


def test_a_running_simulator_is_listed_as_a_pseudo_terminal_with_its_device(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("MESOMAP_RUNTIME_DIR", str(tmp_path / "run"))
    env = dict(os.environ, PYTHONPATH=str(REPO))
    sim = subprocess.Popen([sys.executable, "-m", "mesomap.cli_device", "device-sim", "--store", str(tmp_path / "dev"),
                            "--device", "generic"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = sim.stdout.readline()
        assert first.startswith("device-sim: listening on /dev/"), first + sim.stderr.read()
        port = first.rsplit(" ", 1)[1].strip()
        dialog = DeviceDialog(window.doc.plan, window.surface, window.settings, window)
        qtbot.addWidget(dialog)
        items = port_items(dialog)
        assert items.get(port) == f"{port} — pseudo-terminal — mesomap device simulator (generic)", items
        assert list(items)[0] == port  # the simulator first: the port to pick when trying mesomap out
        assert dialog.port_box.currentText() == items[port] and dialog.port == port  # the field says it too
    finally:
        sim.send_signal(signal.SIGTERM)  # this test's own child, by its handle
        sim.wait(30)
    dialog.refresh_button.click()
    assert "simulator" not in port_items(dialog).get(port, "")  # a stopped simulator is no longer named


def test_an_unannounced_pseudo_terminal_is_offered_and_described(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("MESOMAP_RUNTIME_DIR", str(tmp_path / "run"))
    master, slave = os.openpty()
    try:
        port = os.ttyname(slave)
        dialog = DeviceDialog(window.doc.plan, window.surface, window.settings, window)
        qtbot.addWidget(dialog)
        assert port_items(dialog).get(port) == f"{port} — pseudo-terminal (a terminal or a simulator)"
    finally:
        os.close(master)
        os.close(slave)
