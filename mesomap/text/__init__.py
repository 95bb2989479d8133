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
#: The languages mesomap speaks, in the order a chooser lists them.
LANGUAGES = ("en", "fr", "ru")
_chosen = DEFAULT_LANGUAGE


def set_language(lang: str) -> None:
    """Choose the language messages are formatted in (the app and the CLI call this once at start)."""
    global _chosen
    catalogue(lang)  # refuse an unknown language now, not at the first message
    _chosen = lang


def language() -> str:
    return _chosen


def language_from_locale(environ: dict[str, str] | None = None) -> str:
    """The language of the user's locale, as POSIX programs read it (``LC_ALL``, then ``LC_MESSAGES``, then
    ``LANG``; ``LANGUAGE``'s first entry wins over all when set): "fr_CA.UTF-8" -> "fr", "ru_RU" -> "ru";
    a language mesomap does not speak, "C" or nothing -> "en"."""
    import os

    env = os.environ if environ is None else environ
    candidates = [env.get("LANGUAGE", "").split(":")[0]] + [env.get(k, "") for k in ("LC_ALL", "LC_MESSAGES", "LANG")]
    for value in candidates:
        if value:
            code = value.split(".")[0].split("@")[0].split("_")[0].lower()
            return code if code in LANGUAGES else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


class _NumberFormatter(string.Formatter):
    """str.format that writes numbers the way ``lang`` does: decimal comma and a narrow no-break space between
    thousands in French and Russian ("52,31", "1\u202f674"); English and the plain ``{x}`` of a non-number
    are untouched. Files never go through here (they stay locale-independent)."""

    def __init__(self, lang: str):
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        return number(value, format_spec, self.lang) if _is_number(value) else super().format_field(value, format_spec)


def _is_number(value: Any) -> bool:
    import numbers

    return isinstance(value, numbers.Number) and not isinstance(value, bool)


#: Decimal mark and thousands separator per language (fr and ru: a narrow no-break space, as their typography
#: and CLDR write it).
NUMBER_MARKS = {"en": (".", ","), "fr": (",", "\u202f"), "ru": (",", "\u202f")}


def number(value: float, spec: str = "g", lang: str | None = None) -> str:
    """``format(value, spec)`` written with ``lang``'s decimal mark and thousands separator:
    number(52.31, ".2f", "fr") -> "52,31"; number(1674, ",", "ru") -> "1\u202f674"."""
    text = format(value, spec)
    decimal, thousands = NUMBER_MARKS.get(lang or _chosen, NUMBER_MARKS[DEFAULT_LANGUAGE])
    if (decimal, thousands) == (".", ","):
        return text
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def _module(lang: str):
    try:
        return importlib.import_module(f"mesomap.text.{lang}")
    except ModuleNotFoundError:
        raise ValueError(f"no messages in language {lang!r}") from None


def catalogue(lang: str | None = None) -> dict[str, str | dict[str, str]]:
    """code -> template for ``lang``: a str.format template, or for a message with a ``count`` one template per
    plural form of the language (``{"one": …, "other": …}``, chosen by the language's ``plural(count)``)."""
    return _module(lang or _chosen).MESSAGES


def template_fields(template: str | dict[str, str]) -> set[str]:
    """The parameter names a template (or each of its plural forms) uses."""
    if isinstance(template, dict):
        return set().union(*map(template_fields, template.values()))
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


#: How a tuple of messages is joined, by the parameter's name (default "; ").
JOINERS = {"items": ", ", "alternatives": " or "}


def _is_message(value: Any) -> bool:
    return hasattr(value, "code") and hasattr(value, "params") and hasattr(value, "severity")


#: Unit symbols the program passes as a message's ``unit`` parameter -> the label that words them.
UNIT_LABELS = {"mm": "unit_mm", "ml": "unit_ml", "min": "unit_min", "cm²": "unit_cm2", "ml/min": "unit_ml_per_min",
               "shots/s": "unit_shots_per_s", "injections/s": "unit_injections_per_s"}


def _words(name: str, value: Any, lang: str | None) -> Any:
    """A parameter ready for its template: a message becomes its words; a tuple of messages their words
    joined with ", " when the parameter is called ``items`` (a listing), " or " when it is called
    ``alternatives``, else "; " (several problems of one zone); a ``unit`` the language's unit symbol
    (" mm" -> " мм" in Russian, :data:`UNIT_LABELS`); anything else stays as it is."""
    if name == "unit" and isinstance(value, str) and value.strip() in UNIT_LABELS:
        return value.replace(value.strip(), label(UNIT_LABELS[value.strip()], lang))
    if _is_message(value):
        return format_message(value, lang)
    if isinstance(value, tuple) and value and all(map(_is_message, value)):
        return JOINERS.get(name, "; ").join(format_message(v, lang) for v in value)
    return value


def format_message(message: Any, lang: str | None = None) -> str:
    """The words for ``message`` (a Message) in ``lang`` (default: the chosen language, then English).

    A parameter that is itself a message (or a tuple of messages) is worded in the same language.
    """
    for candidate in (lang or _chosen, DEFAULT_LANGUAGE):
        template = catalogue(candidate).get(message.code)
        if isinstance(template, dict):
            template = template[_module(candidate).plural(message.args["count"])]
        if template is not None:
            return _NumberFormatter(lang or _chosen).format(
                template, **{name: _words(name, value, lang) for name, value in message.params})
    return f"{message.code}: " + ", ".join(f"{k}={v!r}" for k, v in message.params)


def labels(lang: str | None = None) -> dict[str, str]:
    """key -> template of the fixed words (table heads, headings, units) in ``lang``."""
    try:
        return importlib.import_module(f"mesomap.text.labels_{lang or _chosen}").LABELS
    except ModuleNotFoundError:
        raise ValueError(f"no labels in language {lang!r}") from None


def label(key: str, lang: str | None = None, **params: Any) -> str:
    """A fixed word of the command line or a PDF in ``lang`` (default: the chosen language, then English), its
    ``params`` formatted with the language's numbers: label("about_minutes", "fr", minutes=42.4) -> "environ 42 min"."""
    lang = lang or _chosen
    template = labels(lang).get(key) or labels(DEFAULT_LANGUAGE)[key]
    return _NumberFormatter(lang).format(template, **params) if params else template
