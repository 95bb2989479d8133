"""Link faults for the device simulator (:mod:`mesomap.io.device_sim`): for tests and demonstrations.

``mesomap device-sim --fault SPEC`` takes them as text (:meth:`Faults.parse`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Faults:
    """Link faults for tests and demonstrations (all off by default).

    corrupt_chunks : chunk indices whose payload gets one byte flipped in transit,
        the first time each arrives (the resend then gets through).
    corrupt_always : chunk indices corrupted every time they arrive.
    cut_after_chunks : after this many chunks were acknowledged the link is cut
        (the pty is closed, as if the cable were pulled).
    silent : the device never answers.
    rewrite : every received line passes through it first (a man in the middle for
        tests); it returns the line to deliver, or None to lose it.
    rewrite_reply : the same for every reply the device sends.
    drop_replies : reply verb ("COMMITTED", "STATUS", "ACK" …) -> how many such replies are lost on the
        way back (None: every one); the device has acted on the line all the same.
    drop_lines : the same for the host's lines by verb ("COMMIT" …): the device never sees them.
    """

    corrupt_chunks: set[int] = field(default_factory=set)
    corrupt_always: set[int] = field(default_factory=set)
    cut_after_chunks: int | None = None
    silent: bool = False
    rewrite: Callable[[bytes], bytes | None] | None = None
    rewrite_reply: Callable[[bytes], bytes | None] | None = None
    drop_replies: dict[str, int | None] = field(default_factory=dict)
    drop_lines: dict[str, int | None] = field(default_factory=dict)

    @staticmethod
    def _drop(table: dict[str, int | None], line: bytes) -> bool:
        """Whether ``line`` is lost (its verb is in ``table`` with drops left); counts it."""
        verb = line.split(b" ", 1)[0].decode("ascii", "replace")
        if verb not in table:
            return False
        left = table[verb]
        if left is not None:
            if left <= 0:
                return False
            table[verb] = left - 1
        return True

    @classmethod
    def parse(cls, specs: list[str]) -> Faults:
        """From ``["corrupt-chunk=2", "cut-after=5", "silent", "corrupt-always=0"]``; ValueError names a bad one."""
        faults = cls()
        for spec in specs:
            name, _, value = spec.partition("=")
            try:
                if name == "silent" and not value:
                    faults.silent = True
                elif name == "corrupt-chunk":
                    faults.corrupt_chunks.add(int(value))
                elif name == "corrupt-always":
                    faults.corrupt_always.add(int(value))
                elif name == "cut-after":
                    faults.cut_after_chunks = int(value)
                elif name in ("drop-reply", "drop-line") and re.fullmatch(r"[A-Z]+(:[0-9]+)?", value):
                    verb, _, count = value.partition(":")
                    table = faults.drop_replies if name == "drop-reply" else faults.drop_lines
                    table[verb] = int(count) if count else None
                else:
                    raise ValueError
            except ValueError:
                raise ValueError(f"fault {spec!r} is unknown; use silent, corrupt-chunk=I, corrupt-always=I, "
                                 "cut-after=N, drop-reply=VERB[:N] or drop-line=VERB[:N]") from None
        return faults


def flip_payload_byte(line: bytes) -> bytes:
    """``line`` (a CHUNK message) with one base64 character of its payload changed."""
    head, _, payload = line.rpartition(b" ")
    if not payload:
        return line
    k = len(payload) // 2
    c = payload[k:k + 1]
    swapped = b"B" if c != b"B" else b"C"
    return head + b" " + payload[:k] + swapped + payload[k + 1:]
