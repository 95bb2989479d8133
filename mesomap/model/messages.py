"""Messages as values: a code, its parameters (units in their names) and a severity.

Lower layers never build sentences for people. They return (or raise with) a
:class:`Message`, e.g. ``DEPTH_EXCEEDS_NEEDLE(zone="Abdomen", depth_mm=7, needle_mm=6)``,
and one catalogue per surface turns it into words (:mod:`mesomap.text`: the
window, the command line and the PDF read the same catalogue, in the user's
language). Each kind of message is declared once, as a :class:`Kind`, next to
the code that reports it; every declared kind is registered, so a test can
check that each language's catalogue covers every code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SEVERITIES = ("error", "warning", "hint", "info")  # error: blocks export or the operation; hint: what to do next

#: Every declared kind, by code (filled as modules declaring kinds are imported).
REGISTRY: dict[str, Kind] = {}


@dataclass(frozen=True)
class Message:
    """One thing to tell the user. ``params`` are (name, value) pairs; numbers carry their unit in the name."""

    code: str
    params: tuple[tuple[str, Any], ...] = ()
    severity: str = "error"

    @property
    def args(self) -> dict[str, Any]:
        return dict(self.params)

    def __getitem__(self, name: str) -> Any:
        return self.args[name]

    def text(self, lang: str | None = None) -> str:
        """The message in words (English unless ``lang`` or the chosen language says otherwise)."""
        from mesomap.text import format_message

        return format_message(self, lang)

    def __str__(self) -> str:
        return self.text()


class Kind:
    """A kind of message: its code, the parameters it needs, its severity. Calling it makes a Message."""

    def __init__(self, code: str, *params: str, severity: str = "error"):
        if severity not in SEVERITIES:
            raise ValueError(f"unknown severity {severity!r}")
        if code in REGISTRY and REGISTRY[code].params != params:
            raise ValueError(f"message code {code!r} is declared twice with different parameters")
        self.code, self.params, self.severity = code, params, severity
        REGISTRY[code] = self

    def __call__(self, **params: Any) -> Message:
        if set(params) != set(self.params):
            raise TypeError(f"{self.code} takes {', '.join(self.params) or 'no parameters'}, got {', '.join(params)}")
        return Message(self.code, tuple((name, params[name]) for name in self.params), self.severity)

    def __repr__(self) -> str:
        return f"Kind({self.code!r}, {', '.join(map(repr, self.params))}, severity={self.severity!r})"


class MessageError(ValueError):
    """An error that carries a :class:`Message`; ``str(err)`` is its text in the chosen language."""

    def __init__(self, message: Message):
        self.message = message
        super().__init__(message.code)

    def __str__(self) -> str:
        return self.message.text()


class CarriesMessage:
    """Mix into an exception class of another hierarchy (``class PlanFileError(CarriesMessage, Exception)``)
    raised with a :class:`Message` as its first argument: ``err.message`` is that Message and ``str(err)``
    its text in the chosen language. Pickling keeps the Message (it is the first of ``args``)."""

    @property
    def message(self) -> Message | None:
        first = self.args[0] if self.args else None  # type: ignore[attr-defined]
        return first if isinstance(first, Message) else None

    def __str__(self) -> str:
        message = self.message
        return message.text() if message is not None else super().__str__()


def texts(messages, lang: str | None = None) -> list[str]:
    """The words of each message, in order."""
    return [m.text(lang) for m in messages]
