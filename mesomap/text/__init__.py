"""Words for people: the message catalogues (one per language) and the one formatter.

Every surface — the window, the command line, the PDF — turns
:class:`mesomap.model.messages.Message` values into text here, so each word a
user reads has one home per language. This package is data and formatting only:
it imports nothing else of mesomap.
"""

from __future__ import annotations

import importlib
import string
from typing import Any

DEFAULT_LANGUAGE = "en"
_chosen = DEFAULT_LANGUAGE


def set_language(lang: str) -> None:
    """Choose the language messages are formatted in (the app and the CLI call this once at start)."""
    global _chosen
    catalogue(lang)  # refuse an unknown language now, not at the first message
    _chosen = lang


def language() -> str:
    return _chosen


def catalogue(lang: str | None = None) -> dict[str, str]:
    """code -> template (str.format with the message's parameters) for ``lang``."""
    lang = lang or _chosen
    try:
        module = importlib.import_module(f"mesomap.text.{lang}")
    except ModuleNotFoundError:
        raise ValueError(f"no messages in language {lang!r}") from None
    return module.MESSAGES


def template_fields(template: str) -> set[str]:
    """The parameter names a template uses."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def format_message(message: Any, lang: str | None = None) -> str:
    """The words for ``message`` (a Message) in ``lang`` (default: the chosen language, then English)."""
    for candidate in (lang or _chosen, DEFAULT_LANGUAGE):
        template = catalogue(candidate).get(message.code)
        if template is not None:
            return template.format(**message.args)
    return f"{message.code}: " + ", ".join(f"{k}={v!r}" for k, v in message.params)
