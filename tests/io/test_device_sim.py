"""The simulated device stays a well-behaved device when things go wrong on its side.

A full store (a real file-size limit on the simulator's own process) is answered
with a NAK naming it, the previous program stays and the simulator keeps serving;
whatever bytes the host sends, the replies are printable ASCII lines only.
"""

from __future__ import annotations

import os
import queue
import resource
import signal
import subprocess
import sys
import threading

import pytest
import serial

from mesomap.io.device_errors import DeviceLinkError
from mesomap.io.device_link import send_program
from mesomap.io.device_program import build_device_program
from mesomap.io.device_sim import PROGRAM_FILE, PtySimulator, SimulatedDevice
from tests.io.test_device_helpers import gridded_plan, profile, surface, with_zone_params


@pytest.fixture(scope="module")
def programs():
    first = build_device_program(gridded_plan(), surface(), profile())[0]
    second = build_device_program(with_zone_params(gridded_plan(), 1, volume_per_point_ml=0.03), surface(), profile())[0]
    return first, second


def ask(port: str, line: bytes, timeout: float = 10.0) -> bytes:
    """Send one raw line on ``port`` and return the device's reply line (with its LF)."""
    with serial.Serial(port, timeout=timeout) as ser:
        ser.write(line)
        return ser.readline()


def test_replies_never_echo_control_bytes(tmp_path):
    lines = [b"\x1b[2J\x1b]0;pwned\x07HELO\x00 \x7f\x9b\xff\n",  # escape sequences, BEL, NUL, DEL, C1, non-ASCII
             b"CHUNK \x1b[31m 00000000 AAAA\n",  # a CHUNK whose index is garbage
             b"HELLO \x1b[5mmesomap-link/1\x08\x08\n"]
    with PtySimulator(SimulatedDevice(tmp_path / "dev")) as sim:
        replies = [ask(sim.port, line) for line in lines]
    for reply in replies:
        assert reply.endswith(b"\n") and reply[:-1], reply
        assert all(0x20 <= b <= 0x7E for b in reply[:-1]), f"control or non-ASCII byte in the reply {reply!r}"
        assert reply.startswith((b"ERR ", b"NAK ")), reply


class SimProcess:
    """``mesomap.cli_device device-sim`` in its own process, its files limited to ``max_file_bytes``
    (RLIMIT_FSIZE: the kernel refuses writes beyond it, as a full flash would)."""

    def __init__(self, store, max_file_bytes: int):
        def limit() -> None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (max_file_bytes, max_file_bytes))

        self.proc = subprocess.Popen([sys.executable, "-m", "mesomap.cli_device", "device-sim", "--store", str(store)],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=limit)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: [self.lines.put(x) for x in self.proc.stdout], daemon=True).start()
        try:
            first = self.lines.get(timeout=60)
        except queue.Empty:
            first = ""
        if not first.startswith("device-sim: listening on /dev/"):
            self.stop()
            raise AssertionError(f"device-sim did not start: {first!r}")
        self.port = first.rsplit(" ", 1)[1].strip()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)  # our own child, by its pid
        self.proc.wait(30)


def test_a_full_store_is_a_nak_the_previous_program_stays_and_the_device_lives(tmp_path, programs):
    first, second = programs
    store = tmp_path / "dev"
    store.mkdir()
    (store / PROGRAM_FILE).write_bytes(first)  # the program the device holds
    previous = SimulatedDevice(store).committed_sha256
    limit = 4096
    assert len(second) > 2 * limit
    sim = SimProcess(store, limit)
    try:
        with pytest.raises(DeviceLinkError) as info:
            send_program(sim.port, second, timeout_s=10, retries=1, chunk_size=512)
        message = str(info.value)
        assert "memory is full" in message and "keeps its previous program" in message, message
        assert sim.proc.poll() is None, "the simulator died on a full store"
        assert ask(sim.port, b"STATUS\n") == f"STATUS {previous} idle\n".encode()
    finally:
        sim.stop()
    assert (store / PROGRAM_FILE).read_bytes() == first


def test_a_full_store_at_commit_refuses_and_keeps_the_previous_program(tmp_path, programs, monkeypatch):
    first, second = programs
    device = SimulatedDevice(tmp_path / "dev")
    with PtySimulator(device) as sim:
        send_program(sim.port, first, timeout_s=10)

        def full(data: bytes) -> None:
            raise OSError(28, os.strerror(28))  # ENOSPC while writing the new program

        monkeypatch.setattr(device, "_write_committed", full)
        with pytest.raises(DeviceLinkError) as info:
            send_program(sim.port, second, timeout_s=10)
        assert "STORE-FULL no space left" in str(info.value)
        assert ask(sim.port, b"STATUS\n").startswith(f"STATUS {device.committed_sha256} idle".encode())
    assert (tmp_path / "dev" / PROGRAM_FILE).read_bytes() == first
