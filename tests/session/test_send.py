"""Sending is a session operation: the open plan's program goes to a (simulated) gun on a real pty, and a plan
with an injection off its zone is refused before the port is opened."""

from __future__ import annotations

import dataclasses

import pytest

from mesomap.io.device_profiles import find_profile
from mesomap.io.device_sim import PROGRAM_FILE, PtySimulator, SimulatedDevice
from mesomap.io.exports import MISPLACED, ExportError
from mesomap.model.plan import InjectionPoint
from mesomap.session.session import Session
from tests.io.test_device_helpers import gridded_plan, surface


def test_the_session_sends_its_plan_and_the_device_holds_exactly_that_program(tmp_path):
    s = Session(plan=gridded_plan(), surface=surface())
    profile = find_profile("generic")
    data, doc, _ = s.device_program(profile)
    store = tmp_path / "gun"
    with PtySimulator(SimulatedDevice(store, profile=profile)) as sim:
        result = s.send(sim.port, profile)
        status = sim.device.handle(b"STATUS")
    assert (store / PROGRAM_FILE).read_bytes() == data  # byte for byte what the session built
    assert result.sha256 == doc.content_sha256 and status.startswith(f"STATUS {result.sha256}".encode())


def test_a_plan_with_an_injection_off_its_zone_is_never_sent(tmp_path):
    plan = gridded_plan()
    knee, forehead = plan.zones
    moved = list(forehead.injections)
    moved[4] = InjectionPoint(int(knee.faces[0]), (1 / 3, 1 / 3, 1 / 3))
    plan = dataclasses.replace(plan, zones=(knee, dataclasses.replace(forehead, injections=tuple(moved))))
    s = Session(plan=plan, surface=surface())
    store = tmp_path / "gun"
    with PtySimulator(SimulatedDevice(store, profile=find_profile("generic"))) as sim:
        with pytest.raises(ExportError) as err:
            s.send(sim.port, find_profile("generic"))
        log = sim.device.handle(b"STATUS")
    assert err.value.kind == MISPLACED and "injection 5" in str(err.value)
    assert not (store / PROGRAM_FILE).exists() and b"idle" in log  # nothing reached the device
