"""Lines over a serial port for ``mesomap-link/1``: opening the port, reading and writing one line,
telling a port that went away from other errors. Used by :mod:`mesomap.io.device_link`; no Qt."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from mesomap.io.device_errors import DeviceLinkError
from mesomap.model.messages import Kind

CANNOT_OPEN_PORT = Kind("cannot_open_port", "port", "reason")

MAX_LINE = 2048  # bytes, with the LF
POLL_S = 0.05  # how often a wait looks at ``cancel`` (s)


def cancel_check(cancel) -> Callable[[], bool]:
    if cancel is None:
        return lambda: False
    if hasattr(cancel, "is_set"):
        return cancel.is_set
    if callable(cancel):
        return cancel
    raise TypeError("cancel must be a threading.Event, a callable returning bool, or None")


class Cancelled(Exception):
    pass


class LineLink:
    """Lines over a serial-like object: ``write(bytes)`` and ``read(n)`` that returns within a short timeout."""

    def __init__(self, port: Any, name: str, cancelled: Callable[[], bool]):
        self.port = port
        self.name = name
        self.cancelled = cancelled
        self.buffer = bytearray()

    def send(self, line: str) -> None:
        self.port.write(line.encode("ascii") + b"\n")
        flush = getattr(self.port, "flush", None)
        if flush:
            flush()

    def _read_some(self) -> bytes:
        waiting = getattr(self.port, "in_waiting", 0) or 0
        return self.port.read(max(1, min(waiting, 65536)))

    def receive(self, timeout_s: float) -> str | None:
        """The next line (without LF/CR), or None after ``timeout_s``; Cancelled if cancel is set."""
        deadline = time.monotonic() + timeout_s
        while True:
            nl = self.buffer.find(b"\n")
            if nl >= 0:
                raw = bytes(self.buffer[:nl]).rstrip(b"\r")
                del self.buffer[: nl + 1]
                return raw.decode("ascii", "replace")
            if len(self.buffer) > MAX_LINE:  # garbage without a line end: drop it
                self.buffer.clear()
            if self.cancelled():
                raise Cancelled()
            if time.monotonic() >= deadline:
                return None
            self.buffer += self._read_some()

    def clear_input(self) -> None:
        self.buffer.clear()
        reset = getattr(self.port, "reset_input_buffer", None)
        if reset:
            reset()


def open_port(port_or_serial, baudrate: int):
    """(serial object, name, opened here?)."""
    if isinstance(port_or_serial, str):
        import serial

        try:
            ser = serial.Serial(port_or_serial, baudrate=baudrate, timeout=POLL_S, write_timeout=10)
        except (serial.SerialException, OSError, ValueError) as err:
            raise DeviceLinkError(CANNOT_OPEN_PORT(port=port_or_serial, reason=str(err))) from None
        return ser, port_or_serial, True
    name = getattr(port_or_serial, "port", None) or getattr(port_or_serial, "name", None) or "the device"
    return port_or_serial, str(name), False


def describe_error(err: Exception) -> str:
    """A short reason: "Input/output error" rather than "(5, 'Input/output error')"."""
    if isinstance(err, OSError) and err.strerror and not str(err).startswith(("read failed", "write failed")):
        return err.strerror
    args = getattr(err, "args", ())
    if len(args) == 2 and isinstance(args[0], int) and isinstance(args[1], str):
        return args[1]
    return str(err) or type(err).__name__


def is_link_error(err: Exception) -> bool:
    """Errors of a port that went away: OSError, pyserial's SerialException (an OSError),
    and termios.error (not an OSError: tcdrain on a pty whose other side closed)."""
    if isinstance(err, OSError):
        return True
    try:
        import termios
    except ImportError:  # Windows
        return False
    return isinstance(err, termios.error)
