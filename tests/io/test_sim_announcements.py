"""Simulator announcements (mesomap.io.device_ports): live ones name their port, stale ones are ignored."""

from __future__ import annotations

import json
import os

from mesomap.io.device_ports import announce, announce_dir, pseudo_terminals, simulator_ports, withdraw
from mesomap.io.device_pty import PtySimulator
from mesomap.io.device_sim import SimulatedDevice


def test_a_simulator_announces_its_port_while_it_runs(tmp_path, monkeypatch):
    monkeypatch.setenv("MESOMAP_RUNTIME_DIR", str(tmp_path / "run"))
    with PtySimulator(SimulatedDevice(tmp_path / "dev", device_id="gun-7")) as sim:
        assert simulator_ports() == {sim.port: "gun-7"}
        assert sim.port in pseudo_terminals()
    assert simulator_ports() == {}
    assert list(announce_dir().iterdir()) == []  # withdrawn, nothing left behind


def test_an_announcement_of_a_dead_process_or_a_closed_port_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("MESOMAP_RUNTIME_DIR", str(tmp_path / "run"))
    master, slave = os.openpty()
    port = os.ttyname(slave)
    path = announce(port, "generic")
    assert simulator_ports() == {port: "generic"}
    doc = json.loads(path.read_text())
    path.write_text(json.dumps({**doc, "pid": 2**22 + 12345}))  # above Linux's pid_max: never a live process
    assert simulator_ports() == {}
    withdraw(announce("/dev/pts/999999", "generic"))
    announce("/dev/pts/999999", "generic")  # a port that does not exist
    assert simulator_ports() == {}
    os.close(master)
    os.close(slave)
