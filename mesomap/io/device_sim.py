"""A device simulator for ``mesomap-link/1`` on a pseudo-terminal (POSIX).

:class:`SimulatedDevice` is the device's protocol state machine (one line in,
one reply out) with its store folder:

- ``program.device.json``: the committed program, replaced atomically only when a
  transfer arrived whole, its SHA-256 matches the one announced in BEGIN and COMMIT,
  and the program file's own seal and fields verify (and, with a profile, fit it);
- ``incoming.part``: the bytes of the transfer in progress (removed when it ends);
- ``journal.log``: one line per event.

:class:`PtySimulator` serves it on a pty (``pty.openpty``): connect to
:attr:`PtySimulator.port` like to a serial port. :class:`Faults` injects link
faults for tests and demonstrations (a corrupted chunk, a link cut after some
chunks, a device that never answers, a lost reply). Both live in their own modules
(:mod:`mesomap.io.device_pty`, :mod:`mesomap.io.device_faults`) and are importable from here.
"""

from __future__ import annotations

import base64
import binascii
import datetime as _dt
import errno
import os
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mesomap.io.device_errors import DeviceProgramError
from mesomap.io.device_faults import Faults, flip_payload_byte  # noqa: F401 (part of this module's interface)
from mesomap.io.device_link import MAX_CHUNK, PROTOCOL, crc32_hex
from mesomap.io.device_program import parse_device_program, seal_digits, verify_seal
from mesomap.io.device_pty import PtySimulator  # noqa: F401 (part of this module's interface)
from mesomap.model.devices import DeviceProfile, program_errors

PROGRAM_FILE = "program.device.json"
INCOMING_FILE = "incoming.part"
JOURNAL_FILE = "journal.log"
DEFAULT_MAX_PROGRAM_BYTES = 8_000_000
DEFAULT_MAX_CHUNK = 1024
DEFAULT_SESSION_TIMEOUT_S = 30.0
_SHA = re.compile(r"^[0-9a-f]{64}$")
_HEX8 = re.compile(r"^[0-9a-f]{8}$")
_UINT = re.compile(r"^(0|[1-9][0-9]{0,9})$")


def _ascii(text: str, limit: int = 200) -> str:
    """One line of printable ASCII (0x20-0x7E): every other character, control bytes included, becomes ``?``.

    Replies quote what the host sent; a quoted ESC or BEL must never reach the host's terminal.
    """
    flat = " ".join(str(text).split())
    return "".join(c if " " <= c <= "~" else "?" for c in flat)[:limit]


def _store_full(err: OSError) -> str:
    """The reason a store write failed, for a reply: "no space left" rather than a library's text."""
    reason = {errno.ENOSPC: "no space left", errno.EFBIG: "file size limit reached",
              errno.EDQUOT: "disk quota reached"}.get(err.errno, _ascii(err.strerror or "write failed", 60))
    return f"STORE-FULL {reason}"


@dataclass
class _Pending:
    size: int
    chunk_size: int
    sha256: str
    total: int
    received: int = 0
    data: bytearray = field(default_factory=bytearray)
    last_crc: str = ""


class SimulatedDevice:
    """The device side of the protocol; thread-safe for one link at a time.

    device_id : what the device calls itself in HELLO; "any" accepts programs for
        any device. With ``profile`` the id is the profile's and committed programs
        must fit it.
    """

    def __init__(self, store: str | Path, device_id: str = "any", profile: DeviceProfile | None = None, *,
                 max_program_bytes: int = DEFAULT_MAX_PROGRAM_BYTES, max_chunk: int = DEFAULT_MAX_CHUNK,
                 session_timeout_s: float = DEFAULT_SESSION_TIMEOUT_S, clock: Callable[[], float] = time.monotonic,
                 on_event: Callable[[str], None] | None = None):
        self.store = Path(store)
        self.store.mkdir(parents=True, exist_ok=True)
        self.profile = profile
        self.device_id = profile.id if profile is not None else device_id
        self.max_program_bytes = max_program_bytes
        self.max_chunk = min(max_chunk, MAX_CHUNK)  # a CHUNK line must fit in the 2048-byte line limit
        self.session_timeout_s = session_timeout_s
        self.clock = clock
        self.on_event = on_event
        self.pending: _Pending | None = None
        self.last_message = clock()
        self.lock = threading.Lock()
        (self.store / INCOMING_FILE).unlink(missing_ok=True)  # a transfer never survives a restart
        self.committed_sha256 = self._load_committed()

    # -- store ------------------------------------------------------------------------------
    @property
    def program_path(self) -> Path:
        return self.store / PROGRAM_FILE

    def _load_committed(self) -> str | None:
        try:
            data = self.program_path.read_bytes()
        except FileNotFoundError:
            return None
        try:
            return parse_device_program(data, PROGRAM_FILE).content_sha256  # the program's name: its seal
        except DeviceProgramError as err:
            self.log(f"stored program unusable, ignored: {err}")
            return None

    def log(self, text: str) -> None:
        stamp = _dt.datetime.now().isoformat(timespec="milliseconds")
        try:
            with open(self.store / JOURNAL_FILE, "a", encoding="utf-8") as fh:
                fh.write(f"{stamp} {text}\n")
        except OSError:  # a full store loses journal lines, never the device
            pass
        if self.on_event is not None:
            self.on_event(text)

    def _drop_pending(self, why: str) -> None:
        if self.pending is not None:
            self.log(f"transfer dropped ({why}) after {self.pending.received}/{self.pending.total} chunks; "
                     "previous program kept")
        self.pending = None
        (self.store / INCOMING_FILE).unlink(missing_ok=True)

    def _write_committed(self, data: bytes) -> None:
        tmp = self.store / f".{PROGRAM_FILE}.tmp"
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.program_path)
        try:
            fd = os.open(self.store, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError:
            pass

    # -- protocol ------------------------------------------------------------------------------
    def tick(self) -> None:
        """Drop a transfer that has been silent for longer than the session timeout."""
        with self.lock:
            if self.pending is not None and self.clock() - self.last_message > self.session_timeout_s:
                self._drop_pending(f"no message for {self.session_timeout_s:g} s")

    def handle(self, line: bytes) -> bytes | None:
        """The reply (without LF) to one received line (without LF), or None for an empty line."""
        with self.lock:
            text = line.rstrip(b"\r").decode("ascii", "replace")
            if not text:
                return None
            if self.pending is not None and self.clock() - self.last_message > self.session_timeout_s:
                self._drop_pending(f"no message for {self.session_timeout_s:g} s")
            self.last_message = self.clock()
            verb, _, rest = text.partition(" ")
            handler = {"HELLO": self._hello, "BEGIN": self._begin, "CHUNK": self._chunk, "COMMIT": self._commit,
                       "ABORT": self._abort, "STATUS": self._status}.get(verb)
            if handler is None:
                return f"ERR BAD-MESSAGE {_ascii(text, 60)}".encode("ascii")
            return handler(rest.split(" ") if rest else []).encode("ascii")

    def _hello(self, args: list[str]) -> str:
        if args != [PROTOCOL]:
            return f"ERR VERSION {PROTOCOL}"
        self._drop_pending("new HELLO")
        return (f"HELLO {PROTOCOL} {self.device_id} {self.max_program_bytes} {self.max_chunk} "
                f"{self.committed_sha256 or 'none'}")

    def _begin(self, args: list[str]) -> str:
        if len(args) != 3 or not _UINT.match(args[0]) or not _UINT.match(args[1]) or not _SHA.match(args[2]):
            return "ERR BAD-BEGIN expected BEGIN <size> <chunk-size> <sha256>"
        size, chunk = int(args[0]), int(args[1])
        if size < 1 or not 1 <= chunk <= self.max_chunk:
            return f"ERR BAD-BEGIN size >= 1 and chunk size 1..{self.max_chunk} needed"
        if size > self.max_program_bytes:
            return f"ERR TOO-LARGE {size} bytes, at most {self.max_program_bytes}"
        self._drop_pending("new BEGIN")
        try:
            (self.store / INCOMING_FILE).write_bytes(b"")
        except OSError as err:
            self.log(f"BEGIN refused: store full ({err.strerror})")
            return f"ERR {_store_full(err)}"
        self.pending = _Pending(size, chunk, args[2], -(-size // chunk))
        self.log(f"BEGIN {size} bytes in {self.pending.total} chunks, sha256 {args[2]}")
        return f"READY {self.pending.total}"

    def _chunk(self, args: list[str]) -> str:
        p = self.pending
        index = args[0] if args and _UINT.match(args[0]) else "?"
        if p is None:
            return f"NAK {index} NO-TRANSFER"
        if len(args) != 3 or index == "?" or not _HEX8.match(args[1]):
            return f"NAK {index} BAD-MESSAGE"
        i = int(index)
        try:
            piece = base64.b64decode(args[2].encode("ascii"), validate=True)
        except (binascii.Error, ValueError):
            return f"NAK {i} BAD-BASE64"
        crc = crc32_hex(piece)
        if crc != args[1]:
            self.log(f"chunk {i} failed its CRC-32 (expected {args[1]}, computed {crc}); asked again")
            return f"NAK {i} BAD-CRC"
        if i == p.received - 1 and crc == p.last_crc:  # a resend of the last chunk: its ACK was lost
            return f"ACK {i} {crc}"
        if i != p.received and i != p.received - 1:
            return f"NAK {i} OUT-OF-ORDER {p.received}"
        expected = p.chunk_size if i < p.total - 1 else p.size - p.chunk_size * (p.total - 1)
        if len(piece) != expected:
            return f"NAK {i} BAD-LENGTH {expected}"
        try:
            if i == p.received - 1:  # the last chunk again with other bytes: the host saw a wrong CRC in our ACK
                del p.data[i * p.chunk_size:]
                p.received -= 1
                self.log(f"chunk {i} replaced by a resend with CRC-32 {crc} (was {p.last_crc})")
                (self.store / INCOMING_FILE).write_bytes(bytes(p.data))
            with open(self.store / INCOMING_FILE, "ab") as fh:
                fh.write(piece)
        except OSError as err:  # the store is full: refuse the chunk, drop the transfer, stay alive
            self._drop_pending(f"store full at chunk {i}: {err.strerror}")
            return f"NAK {i} {_store_full(err)}"
        p.data += piece
        p.received += 1
        p.last_crc = crc
        return f"ACK {i} {crc}"

    def _commit(self, args: list[str]) -> str:
        if len(args) != 1 or not _SHA.match(args[0]):
            return "ERR BAD-MESSAGE expected COMMIT <sha256>"
        sha = args[0]
        p = self.pending
        if p is None:
            if sha == self.committed_sha256:  # the COMMITTED reply was lost; the host asks again
                return f"COMMITTED {sha}"
            return "ERR COMMIT-REFUSED NO-TRANSFER nothing is pending"
        refusal = self._verify(p, sha)
        if refusal:
            self.log(f"COMMIT refused: {refusal}")
            self.pending = None
            (self.store / INCOMING_FILE).unlink(missing_ok=True)
            return f"ERR COMMIT-REFUSED {_ascii(refusal)}"
        data = bytes(p.data)
        try:
            self._write_committed(data)
        except OSError as err:  # nothing switched: the previous program stays in use
            (self.store / f".{PROGRAM_FILE}.tmp").unlink(missing_ok=True)
            self._drop_pending(f"store full at commit: {err.strerror}")
            return f"ERR COMMIT-REFUSED {_store_full(err)}; the previous program stays"
        self.committed_sha256 = sha
        self.pending = None
        (self.store / INCOMING_FILE).unlink(missing_ok=True)
        self.log(f"COMMITTED {len(data)} bytes, sha256 {sha}")
        return f"COMMITTED {sha}"

    def _verify(self, p: _Pending, sha: str) -> str | None:
        if p.received != p.total:
            return f"INCOMPLETE {p.received} of {p.total} chunks"
        if sha != p.sha256:
            return "SHA-MISMATCH the COMMIT names another program than BEGIN"
        data = bytes(p.data)
        if seal_digits(data) is None:
            return "BAD-PROGRAM not a sealed mesomap device program (no content_sha256 line at its end)"
        try:
            actual = verify_seal(data, "program")  # SHA-256 over every byte before the seal = the seal's digits
        except DeviceProgramError as err:
            return f"SHA-MISMATCH {err}"
        if actual != p.sha256:
            return f"SHA-MISMATCH the program received is {actual[:16]}..., not the announced {p.sha256[:16]}..."
        try:
            doc = parse_device_program(data, "program")
        except DeviceProgramError as err:
            return f"BAD-PROGRAM {err}"
        if self.device_id != "any" and doc.device_id != self.device_id:
            return f"WRONG-DEVICE the program is for {doc.device_id!r}, this device is {self.device_id!r}"
        if self.profile is not None:
            problems = program_errors(doc.programs, self.profile)
            if problems:
                return f"OUT-OF-RANGE {problems[0]}"
        return None

    def _abort(self, args: list[str]) -> str:
        self._drop_pending("ABORT")
        return "ABORTED"

    def _status(self, args: list[str]) -> str:
        p = self.pending
        pending = f"{p.received}/{p.total}" if p else "idle"
        return f"STATUS {self.committed_sha256 or 'none'} {pending}"
