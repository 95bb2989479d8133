"""Sending a device program over a serial link: the host side of ``mesomap-link/1``.

The line protocol (``docs/device-protocol.md`` is the reference)::

    host                                      device
    HELLO mesomap-link/1                  ->
                                          <-  HELLO mesomap-link/1 <device-id> <max-bytes> <max-chunk> <sha256|none>
    BEGIN <size> <chunk-size> <sha256>    ->
                                          <-  READY <n-chunks>
    CHUNK <i> <crc32> <base64>            ->  (i = 0 … n-1)
                                          <-  ACK <i> <crc32>   |   NAK <i> <reason>
    COMMIT <sha256>                       ->
                                          <-  COMMITTED <sha256>   |   ERR <code> <text>
    ABORT                                 ->  (on cancel)
                                          <-  ABORTED

Every reply is awaited for ``timeout_s``; a missing or wrong reply makes the
host send the same message again, up to ``retries`` more times. The device
uses a program only after it verified the program's SHA-256 (its seal, the one
name a program has) and keeps its previous program otherwise. Once COMMIT was
sent without a COMMITTED coming back, the outcome is unknown: the host asks the
device (STATUS) and reports which program it holds, never a guess.

:func:`send_program` blocks; run it in a worker thread (a Qt one too: nothing
here imports Qt) and stop it with ``cancel`` (a ``threading.Event`` or a
callable returning True), watching ``progress``.
"""

from __future__ import annotations

import base64
import math
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mesomap.io.device_errors import DeviceLinkError, DeviceStateUnknownError, DeviceTimeoutError, TransferCancelled
from mesomap.model.messages import Kind, Message
from mesomap.io.device_line import (  # noqa: F401 (MAX_LINE and POLL_S are part of this module's interface)
    MAX_LINE,
    POLL_S,
    Cancelled,
    LineLink,
    cancel_check,
    describe_error,
    is_link_error,
    open_port,
)

PROTOCOL = "mesomap-link/1"

# how far a transfer got, and what that means for the device
TRANSFER_PROGRESS = Kind("transfer_progress", "acked", "total", "done_bytes", "total_bytes", severity="info")
NOTHING_SENT_YET = Kind("nothing_sent_yet", severity="info")
KEEPS_PREVIOUS = Kind("keeps_previous", "problem", "progress")
NOT_SENT = Kind("not_sent", "problem")
# a message the device did not answer or accept ("what": a protocol command, or one of the STAGE kinds)
STAGE_HELLO = Kind("stage_hello", severity="info")
STAGE_CHUNK = Kind("stage_chunk", "number", "total", severity="info")
NO_ANSWER = Kind("no_answer", "device", "what", "timeout_s", "tries")
NO_ANSWER_LINK_CUT = Kind("no_answer_link_cut", "device", "what", "timeout_s", "tries")
NOT_ACCEPTED = Kind("not_accepted", "what", "device", "tries", "last_reply")
# what the device said
DOES_NOT_SPEAK = Kind("does_not_speak", "device", "protocol", "reply")
SPEAKS_OTHER = Kind("speaks_other", "device", "spoken", "protocol")
REFUSED_PROGRAM = Kind("refused_program", "device", "reason")
DROPPED_TRANSFER = Kind("dropped_transfer", "device", "reply")
MEMORY_FULL = Kind("memory_full", "detail")
MEMORY_FULL_NO_REASON = Kind("memory_full_no_reason")
COMMIT_REFUSED = Kind("commit_refused", "device", "reason")
WRONG_DEVICE = Kind("wrong_device", "port", "device_id", "expected")
PROGRAM_TOO_BIG = Kind("program_too_big", "size", "device_id", "port", "max_bytes")
NO_PROGRAM_TO_SEND = Kind("no_program_to_send")
ALREADY_HOLDS = Kind("already_holds", severity="info")
# COMMIT was sent but its outcome is not known: why, and what STATUS told
NO_COMMIT_REPLY = Kind("no_commit_reply", "timeout_s", "tries", severity="info")
COMMIT_REPLY_NOT_UNDERSTOOD = Kind("commit_reply_not_understood", "reason", severity="info")
LINK_LOST_AFTER_COMMIT = Kind("link_lost_after_commit", "port", "reason", severity="info")
CANCEL_AFTER_COMMIT = Kind("cancel_after_commit", severity="info")
HOLDS_NEW = Kind("holds_new", "cause", severity="info")
STATE_UNKNOWN = Kind("state_unknown", "cause", "device", "new", "old")
HOLDS_OTHER = Kind("holds_other", "cause", "device", "holds", "new")
HOLDS_NO_PROGRAM = Kind("holds_no_program", severity="info")
HOLDS_PREVIOUS = Kind("holds_previous", "sha256", severity="info")
HOLDS_ANOTHER = Kind("holds_another", "sha256", severity="info")
# the transfer ended early
CANCELLED = Kind("transfer_cancelled", "port", "progress")
CANCELLED_BEFORE_SENDING = Kind("transfer_cancelled_before_sending", "port")
LINK_LOST = Kind("link_lost", "port", "reason", "progress")
DEFAULT_TIMEOUT_S = 2.0
DEFAULT_RETRIES = 3
DEFAULT_CHUNK = 512
DEFAULT_BAUDRATE = 115_200
#: The largest chunk whose CHUNK line fits in MAX_LINE: "CHUNK " + 10-digit index + " " + 8 hex + " "
#: + base64 (4 per 3 bytes) + LF = 27 + 4 * ceil(n / 3) <= 2048, so n <= 1515 bytes.
MAX_CHUNK = 3 * ((MAX_LINE - 27) // 4)


def crc32_hex(data: bytes) -> str:
    """CRC-32 (ISO-HDLC, as zlib and Ethernet) of ``data`` as 8 lower-case hex digits."""
    return f"{zlib.crc32(data) & 0xFFFFFFFF:08x}"


@dataclass(frozen=True)
class TransferProgress:
    """Where a transfer is: ``stage`` is "handshake", "sending", "committing", "asking" (the reply to
    COMMIT did not come: the device's state is unknown and it is asked with STATUS) or "done"."""

    stage: str
    chunks_done: int
    chunks_total: int
    bytes_done: int
    bytes_total: int
    retransmissions: int = 0

    @property
    def fraction(self) -> float:
        return self.bytes_done / self.bytes_total if self.bytes_total else 0.0


@dataclass(frozen=True)
class DeviceHello:
    """What the device said about itself in the handshake."""

    protocol: str
    device_id: str
    max_program_bytes: int
    max_chunk_bytes: int
    committed_sha256: str | None


@dataclass(frozen=True)
class SendResult:
    sha256: str  # the program's seal, the SHA-256 that names it on every screen
    bytes: int
    chunks: int
    retransmissions: int
    device: DeviceHello
    seconds: float
    note: Message | None = None  # how the outcome was learnt when it was not the plain COMMITTED reply


_RETRY = object()  # an accept() answer: the reply is wrong, resend now


class _Transfer:
    def __init__(self, link: LineLink, data: bytes, sha256: str, timeout_s: float, retries: int, chunk_size: int,
                 progress):
        self.link = link
        self.data = data
        self.timeout_s = timeout_s
        self.retries = retries
        self.chunk_size = chunk_size
        self.progress = progress or (lambda p: None)
        self.sha = sha256  # the program's name: its seal (docs/device-protocol.md, section 2.1)
        self.acked = 0
        self.total = 0
        self.retransmissions = 0
        self.begun = False
        self.commit_unknown = False  # COMMIT sent, its outcome not known: never claim the previous program stays
        self.previous: str | None = None  # the device's program before this transfer (from HELLO)

    # -- messages ----------------------------------------------------------------------
    def where(self) -> Message:
        """How far the transfer got, for messages."""
        if not self.begun:
            return NOTHING_SENT_YET()
        done = min(self.acked * self.chunk_size, len(self.data))
        return TRANSFER_PROGRESS(acked=self.acked, total=self.total, done_bytes=done, total_bytes=len(self.data))

    def fail(self, problem: Message, kind=DeviceLinkError):
        if self.begun and not self.commit_unknown:
            problem = KEEPS_PREVIOUS(problem=problem, progress=self.where())
        raise kind(problem, self.acked, self.total)

    def report(self, stage: str) -> None:
        self.progress(TransferProgress(stage, self.acked, self.total, min(self.acked * self.chunk_size, len(self.data)),
                                       len(self.data), self.retransmissions))

    def exchange(self, message: str, accept: Callable[[str], Any], what: str | Message) -> Any:
        """Send ``message`` until ``accept(reply)`` returns something other than None (retrying on silence
        or a wrong reply); ``accept`` raises DeviceLinkError for a final refusal."""
        last = None
        for attempt in range(self.retries + 1):
            if attempt:
                self.retransmissions += 1
            self.link.send(message)
            deadline = time.monotonic() + self.timeout_s
            while True:
                reply = self.link.receive(max(0.0, deadline - time.monotonic()))
                if reply is None:
                    break
                last = reply
                result = accept(reply)
                if result is _RETRY or reply.startswith("NAK ") or reply.startswith("ERR "):
                    break  # refused or garbled: send again at once
                if result is not None:
                    return result
        tries = self.retries + 1
        if last is None:
            if self.begun:
                self.fail(NO_ANSWER_LINK_CUT(device=self.link.name, what=what, timeout_s=self.timeout_s, tries=tries),
                          DeviceTimeoutError)
            self.fail(NO_ANSWER(device=self.link.name, what=what, timeout_s=self.timeout_s, tries=tries),
                      DeviceTimeoutError)
        self.fail(NOT_ACCEPTED(what=what, device=self.link.name, tries=tries, last_reply=repr(last[:120])))

    # -- stages --------------------------------------------------------------------------
    def hello(self) -> DeviceHello:
        def accept(reply: str):
            parts = reply.split(" ")
            if parts[0] == "ERR" and len(parts) > 1 and parts[1] == "VERSION":
                self.fail(DOES_NOT_SPEAK(device=self.link.name, protocol=PROTOCOL, reply=repr(reply[:120])))
            if len(parts) == 6 and parts[0] == "HELLO":
                if parts[1] != PROTOCOL:
                    self.fail(SPEAKS_OTHER(device=self.link.name, spoken=repr(parts[1]), protocol=PROTOCOL))
                try:
                    max_bytes, max_chunk = int(parts[3]), int(parts[4])
                except ValueError:
                    return None
                if max_bytes < 1 or max_chunk < 1:
                    return None
                return DeviceHello(parts[1], parts[2], max_bytes, max_chunk, None if parts[5] == "none" else parts[5])
            return None

        self.report("handshake")
        return self.exchange(f"HELLO {PROTOCOL}", accept, STAGE_HELLO())

    def begin(self) -> None:
        self.total = max(1, math.ceil(len(self.data) / self.chunk_size))

        def accept(reply: str):
            if reply == f"READY {self.total}":
                return True
            if reply.startswith(("ERR TOO-LARGE", "ERR BUSY", "ERR STORE-FULL")):
                self.fail(REFUSED_PROGRAM(device=self.link.name, reason=reply[4:][:160]))
            return None

        self.exchange(f"BEGIN {len(self.data)} {self.chunk_size} {self.sha}", accept, "BEGIN")
        self.begun = True

    def chunk(self, i: int) -> None:
        piece = self.data[i * self.chunk_size:(i + 1) * self.chunk_size]
        crc = crc32_hex(piece)
        message = f"CHUNK {i} {crc} {base64.b64encode(piece).decode('ascii')}"

        def accept(reply: str):
            if reply == f"ACK {i} {crc}":
                return True
            if reply.startswith(f"ACK {i} "):
                return _RETRY  # the device got other bytes than were sent: send the chunk again (it replaces them)
            reason = reply.split(" ")[2:3] if reply.startswith("NAK ") else []
            if reason == ["NO-TRANSFER"]:
                self.fail(DROPPED_TRANSFER(device=self.link.name, reply=repr(reply[:80])))
            if reason == ["STORE-FULL"]:
                self.fail(MEMORY_FULL(detail=reply.split(" ", 3)[3][:80]) if reply.count(" ") >= 3
                          else MEMORY_FULL_NO_REASON())
            return None  # a NAK (resent at once) or a stale reply (ignored while waiting)

        self.exchange(message, accept, STAGE_CHUNK(number=i + 1, total=self.total))
        self.acked = i + 1
        self.report("sending")

    def commit(self) -> None:
        self.report("committing")

        def accept(reply: str):
            if reply == f"COMMITTED {self.sha}":
                return True
            if reply.startswith("ERR COMMIT-REFUSED"):  # a definite answer: the device keeps its program
                self.commit_unknown = False
                self.fail(COMMIT_REFUSED(device=self.link.name, reason=reply[19:][:200]))
            return None

        self.commit_unknown = True
        self.exchange(f"COMMIT {self.sha}", accept, "COMMIT")
        self.commit_unknown = False

    def ask_status(self) -> str | None:
        """The SHA-256 of the device's program ("none" without one) from STATUS, or None without an answer."""
        def accept(reply: str):
            parts = reply.split(" ")
            if len(parts) == 3 and parts[0] == "STATUS" and (parts[1] == "none" or _is_sha(parts[1])):
                return parts[1]
            return None

        self.link.cancelled = lambda: False  # the outcome must be learnt even after a cancel
        try:
            return self.exchange("STATUS", accept, "STATUS")
        except DeviceLinkError:
            return None
        except Exception as err:  # the link is gone
            if is_link_error(err):
                return None
            raise

    def resolve_commit(self, cause: Message, hello: DeviceHello, started: float) -> SendResult:
        """COMMIT was sent and its outcome is unknown: say so, ask the device, and tell which program it holds.

        Returns the result when the device holds the new program; raises DeviceLinkError when it holds
        another one (the new one was not committed) and DeviceStateUnknownError when it does not answer.
        """
        self.report("asking")
        held = self.ask_status()
        new, old = self.sha, self.previous or "none"
        if held == new:
            return SendResult(new, len(self.data), self.total, self.retransmissions, hello, time.monotonic() - started,
                              note=HOLDS_NEW(cause=cause))
        if held is None:
            raise DeviceStateUnknownError(STATE_UNKNOWN(cause=cause, device=self.link.name, new=new, old=old),
                                          self.acked, self.total)
        self.abort()  # drop the transfer still pending on the device, if any
        if held == "none":
            holds = HOLDS_NO_PROGRAM()
        elif held == self.previous:
            holds = HOLDS_PREVIOUS(sha256=held)
        else:
            holds = HOLDS_ANOTHER(sha256=held)
        raise DeviceLinkError(HOLDS_OTHER(cause=cause, device=self.link.name, holds=holds, new=new),
                              self.acked, self.total)

    def abort(self) -> None:
        """Best effort: tell the device to drop the pending transfer."""
        try:
            self.link.send("ABORT")
            deadline = time.monotonic() + min(self.timeout_s, 1.0)
            self.link.cancelled = lambda: False
            while (reply := self.link.receive(max(0.0, deadline - time.monotonic()))) is not None:
                if reply == "ABORTED":
                    return
        except Exception:  # the link may be gone; cancelling must still end cleanly
            pass


def send_program(port_or_serial, program_bytes: bytes, progress: Callable[[TransferProgress], None] | None = None,
                 cancel=None, timeout_s: float = DEFAULT_TIMEOUT_S, *, retries: int = DEFAULT_RETRIES,
                 chunk_size: int = DEFAULT_CHUNK, baudrate: int = DEFAULT_BAUDRATE,
                 expect_device: str | None = None) -> SendResult:
    """Send ``program_bytes`` to the device on ``port_or_serial`` and have it commit them.

    port_or_serial : a port name ("/dev/ttyUSB0", a pty path) opened at ``baudrate``
        8N1 and closed again, or an open serial-like object (pyserial's ``Serial``;
        anything with ``write(bytes)`` and ``read(n)`` returning within ~50 ms).
    progress : called with a :class:`TransferProgress` at each stage and after each chunk.
    cancel : a ``threading.Event`` or a callable; when set the device is told to drop
        the transfer and :class:`TransferCancelled` is raised.
    timeout_s : how long to wait for each reply; ``retries``: resends of one message.
    expect_device : the device id the program is for; a device reporting another id
        (other than "any") is refused before anything is sent.

    Raises DeviceTimeoutError (no answer), DeviceLinkError (refused, link lost; says
    how far it got), TransferCancelled.
    """
    if not program_bytes:
        raise DeviceLinkError(NO_PROGRAM_TO_SEND())
    if chunk_size < 1 or timeout_s <= 0 or retries < 0:
        raise ValueError("chunk_size >= 1, timeout_s > 0 and retries >= 0 are needed")
    sha256 = program_sha256(program_bytes)
    cancelled = cancel_check(cancel)
    ser, name, opened = open_port(port_or_serial, baudrate)
    old_timeout = getattr(ser, "timeout", None)
    started = time.monotonic()
    transfer = None
    try:
        if not opened and old_timeout is not None and old_timeout != POLL_S:
            ser.timeout = POLL_S
        link = LineLink(ser, name, cancelled)
        link.clear_input()
        transfer = _Transfer(link, program_bytes, sha256, timeout_s, retries, chunk_size, progress)
        hello = transfer.hello()
        if expect_device and hello.device_id not in (expect_device, "any"):
            transfer.fail(WRONG_DEVICE(port=name, device_id=hello.device_id, expected=expect_device))
        if len(program_bytes) > hello.max_program_bytes:
            transfer.fail(PROGRAM_TOO_BIG(size=len(program_bytes), device_id=hello.device_id, port=name,
                                          max_bytes=hello.max_program_bytes))
        transfer.previous = hello.committed_sha256
        if hello.committed_sha256 == sha256:  # e.g. a resend after a lost COMMITTED reply
            transfer.report("done")
            return SendResult(sha256, len(program_bytes), 0, 0, hello, time.monotonic() - started,
                              note=ALREADY_HOLDS())
        transfer.chunk_size = min(chunk_size, hello.max_chunk_bytes, MAX_CHUNK)  # every line fits in MAX_LINE
        transfer.begin()
        for i in range(transfer.total):
            transfer.chunk(i)
        try:
            transfer.commit()
        except Cancelled:
            result = transfer.resolve_commit(CANCEL_AFTER_COMMIT(), hello, started)
        except DeviceLinkError as err:
            if not transfer.commit_unknown:
                raise
            cause = (NO_COMMIT_REPLY(timeout_s=timeout_s, tries=retries + 1) if isinstance(err, DeviceTimeoutError)
                     else COMMIT_REPLY_NOT_UNDERSTOOD(reason=err.message or str(err).split("; ")[0]))
            result = transfer.resolve_commit(cause, hello, started)
        except Exception as err:
            if not (is_link_error(err) and transfer.commit_unknown):
                raise
            result = transfer.resolve_commit(LINK_LOST_AFTER_COMMIT(port=name, reason=describe_error(err)), hello,
                                             started)
        else:
            result = SendResult(transfer.sha, len(program_bytes), transfer.total, transfer.retransmissions, hello,
                                time.monotonic() - started)
        transfer.report("done")
        return result
    except Cancelled:
        if transfer is not None and transfer.begun:
            transfer.abort()
        if transfer is not None and transfer.begun:
            msg = CANCELLED(port=name, progress=transfer.where())
        else:
            msg = CANCELLED_BEFORE_SENDING(port=name)
        raise TransferCancelled(msg, transfer.acked if transfer else 0, transfer.total if transfer else 0) from None
    except DeviceStateUnknownError:
        raise
    except DeviceLinkError:
        if transfer is not None and transfer.begun:
            transfer.abort()  # a refused or silent transfer: ask the device to drop what it has so far
        raise
    except Exception as err:  # serial errors (cable pulled, port gone), OSError
        if not is_link_error(err):
            raise
        where = transfer.where() if transfer else NOTHING_SENT_YET()
        raise DeviceLinkError(LINK_LOST(port=name, reason=describe_error(err), progress=where),
                              transfer.acked if transfer else 0, transfer.total if transfer else 0) from None
    finally:
        if opened:
            try:
                ser.close()
            except Exception:
                pass
        elif old_timeout is not None and getattr(ser, "timeout", None) != old_timeout:
            try:
                ser.timeout = old_timeout
            except Exception:
                pass


def program_sha256(program_bytes: bytes) -> str:
    """The SHA-256 that names a device program everywhere: its seal (``content_sha256``, 64 hex digits).

    DeviceLinkError when the bytes are not a sealed program whose seal verifies (nothing can be sent).
    """
    from mesomap.io.device_errors import DeviceProgramError
    from mesomap.io.device_program import verify_seal

    try:
        return verify_seal(program_bytes)
    except DeviceProgramError as err:
        raise DeviceLinkError(NOT_SENT(problem=err.message or str(err))) from None


def _is_sha(text: str) -> bool:
    return len(text) == 64 and all(c in "0123456789abcdef" for c in text)
