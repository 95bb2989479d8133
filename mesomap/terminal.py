"""Text bound for a terminal: names from files must not drive it.

A plan's names, notes and labels come from files anyone could have written.
Printed raw, an ESC sequence in a zone name could recolour, move the cursor,
retitle the window or hide the text before it (CR); C1 controls and bidi
overrides do the same on some terminals. :func:`terminal_text` makes every
such character visible as a ``\\x1b``-style escape, and a lone UTF-16
surrogate (an undecodable byte in a file name) a U+FFFD, so printing never
fails either. :func:`cleaned_output` puts it under every ``print`` of a command.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterator

#: C0 controls but tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates, line/paragraph separators.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_CONTROL_OR_NEWLINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _visible(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_text(text: str, newlines: bool = True) -> str:
    """``text`` with control characters shown as escapes (``\\x1b``) and lone surrogates as U+FFFD.

    newlines : keep line breaks (and tabs); False makes one line of it.
    """
    text = _SURROGATE.sub("\ufffd", text)
    return (_CONTROL if newlines else _CONTROL_OR_NEWLINE).sub(_visible, text)


class _CleanStream:
    """A text stream that writes :func:`terminal_text` of everything to ``stream``."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(terminal_text(text))
        return len(text)

    def __getattr__(self, name):
        return getattr(self._stream, name)


@contextlib.contextmanager
def cleaned_output() -> Iterator[None]:
    """Within: ``sys.stdout`` and ``sys.stderr`` pass through :func:`terminal_text` (one filter for every print)."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _CleanStream(out), _CleanStream(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
