"""Serving the simulated device on a pseudo-terminal (POSIX): :class:`PtySimulator`.

It reads lines from the pty, passes them through the :class:`Faults` and
answers each with the device's reply (:class:`mesomap.io.device_sim.SimulatedDevice`).
"""

from __future__ import annotations

import os
import select
import threading
import time
from typing import TYPE_CHECKING

from mesomap.io.device_faults import Faults, flip_payload_byte
from mesomap.io.device_ports import announce, withdraw
from mesomap.io.device_line import MAX_LINE

if TYPE_CHECKING:
    from mesomap.io.device_sim import SimulatedDevice


class PtySimulator:
    """Serve a :class:`SimulatedDevice` on a new pseudo-terminal; :attr:`port` is the path to connect to."""

    def __init__(self, device: SimulatedDevice, faults: Faults | None = None):
        import pty
        import tty

        self.device = device
        self.faults = faults or Faults()
        self.master, self.slave = pty.openpty()
        tty.setraw(self.slave)  # no echo, no line editing, until a client configures the port
        self.port = os.ttyname(self.slave)
        self._announced = announce(self.port, device.device_id)  # the Send dialog names the port by it
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._seen: set[int] = set()
        self._acked = 0
        self.cut_done = threading.Event()

    # -- running --------------------------------------------------------------------------------
    def start(self) -> PtySimulator:
        self._thread = threading.Thread(target=self.serve, name=f"device-sim {self.port}", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
        self._close()

    def __enter__(self) -> PtySimulator:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def _close(self) -> None:
        withdraw(self._announced)
        self._announced = None
        for attr in ("master", "slave"):
            fd = getattr(self, attr)
            if fd is not None:
                try:
                    os.close(fd)
                except OSError:
                    pass
                setattr(self, attr, None)

    def request_stop(self) -> None:
        """Ask :meth:`serve` to return (safe from a signal handler or another thread)."""
        self._stop.set()

    def cut(self) -> None:
        """Pull the cable: close the pty; the host's next read or write fails."""
        self.device.log("link cut (fault injection)")
        self._stop.set()
        self._close()
        self.cut_done.set()

    def serve(self) -> None:
        """Read lines, answer them, until :meth:`stop` or :meth:`cut`."""
        buffer = bytearray()
        too_long = False
        while not self._stop.is_set():
            master = self.master
            if master is None:
                return
            try:
                ready, _, _ = select.select([master], [], [], 0.1)
            except (OSError, ValueError):
                return
            self.device.tick()
            if not ready:
                continue
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: no one holds the other side (we keep the slave open, so rarely)
                time.sleep(0.05)
                continue
            buffer += data
            while True:
                nl = buffer.find(b"\n")
                if nl < 0:
                    if len(buffer) > MAX_LINE:
                        buffer.clear()
                        too_long = True
                    break
                line = bytes(buffer[:nl])
                del buffer[: nl + 1]
                if too_long:  # the tail of an over-long line
                    too_long = False
                    self._reply(b"ERR LINE-TOO-LONG")
                    continue
                if len(line) >= MAX_LINE:
                    self._reply(b"ERR LINE-TOO-LONG")
                    continue
                self._receive(line)
                if self.master is None:
                    return

    def _receive(self, line: bytes) -> None:
        f = self.faults
        if f.rewrite is not None:
            line = f.rewrite(line)
            if line is None:
                return
        if f.silent:
            return
        if f._drop(f.drop_lines, line):
            self.device.log(f"{line[:40].decode('ascii', 'replace')} lost in transit (fault injection)")
            return
        if line.startswith(b"CHUNK "):
            parts = line.split(b" ")
            index = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else -1
            if index in f.corrupt_always or (index in f.corrupt_chunks and index not in self._seen):
                self.device.log(f"chunk {index} corrupted in transit (fault injection)")
                line = flip_payload_byte(line)
            self._seen.add(index)
        reply = self.device.handle(line)
        if reply is None:
            return
        if reply.startswith(b"ACK "):
            self._acked = max(self._acked, int(reply.split(b" ")[1]) + 1)
        elif reply.startswith(b"READY"):
            self._acked = 0
        if f.rewrite_reply is not None:
            reply = f.rewrite_reply(reply)
        if reply is not None and f._drop(f.drop_replies, reply):
            self.device.log(f"reply {reply[:40].decode('ascii', 'replace')} lost in transit (fault injection)")
            reply = None
        if reply is not None:
            self._reply(reply)
        if f.cut_after_chunks is not None and self._acked >= f.cut_after_chunks and reply and reply.startswith(b"ACK "):
            self.cut()

    def _reply(self, reply: bytes) -> None:
        if self.master is None:
            return
        try:
            os.write(self.master, reply + b"\n")
        except OSError:
            pass
