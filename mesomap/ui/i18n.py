"""The window's words through Qt's translation system, and the language it starts in.

Every visible string of :mod:`mesomap.ui` is written ``tr("English text")`` (``tr("%n injection(s)", "", n)``
for a count) or, for a module-level constant read later, ``QT_TR_NOOP("…")`` and ``tr(CONSTANT)`` where it is
shown. ``pyside6-lupdate`` (``tools/update_translations.py``) collects them into ``mesomap/i18n/mesomap_fr.ts``
and ``mesomap_ru.ts``; the compiled ``.qm`` files beside them are loaded by :func:`install_translators`.
A free ``tr()`` call is one context for lupdate (the empty one), so a phrase is translated once for the whole app.

Words with numbers go through :func:`fill_in`: ``fill_in(tr("Saved {path}"), path=p)`` — a str.format whose numbers are
written with the language's decimal mark (``mesomap.text.number``: "2,50 ml" in French and Russian).
"""

from __future__ import annotations

import os
import string
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from mesomap import text

__all__ = ["QT_TR_NOOP", "tr", "fill_in", "num", "unit", "word", "chosen_language", "install_translators",
           "window_language"]  # and the word tables below (SIDE_WORDS, BODY_WORDS, UNIT_WORDS…)

I18N_DIR = Path(__file__).resolve().parents[1] / "i18n"
#: QSettings key of the language chosen in Preferences ("" or missing: the system's).
LANGUAGE_KEY = "ui/language"
#: Each language named in itself, as the Preferences chooser lists it.
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "ru": "Русский"}
#: Environment override (tests, screenshots): MESOMAP_LANG=fr wins over the settings and the locale.
ENV_LANG = "MESOMAP_LANG"
_window_language = text.DEFAULT_LANGUAGE  # set by install_translators


def window_language() -> str:
    """The language the window speaks ("en" until :func:`install_translators` chose another)."""
    return _window_language


def tr(source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``source`` in the installed language (English when no translator knows it); ``n`` >= 0 picks the plural
    form of a ``%n`` text and writes the count in its place as the language writes numbers (:func:`num`:
    "1 234 injections" with a narrow no-break space in French and Russian, "1,234 injections" in English).
    English is the source itself: its "(s)" becomes "" for one and "s" for any other count ("%n zone(s)" -> "1 zone", "3 zones")."""
    if n < 0:
        return QCoreApplication.translate("", source, disambiguation, n)
    words = plural_form(source, disambiguation, n)
    if "(s)" in words:  # no catalogue gave the plural form: the English one
        words = words.replace("(s)", "" if n == 1 else "s")
    count = num(n, ",d")
    return words.replace("%Ln", count).replace("%n", count)


def plural_form(source: str, disambiguation: str | None, n: int) -> str:
    """The installed catalogue's form of ``source`` for count ``n`` with its ``%n`` left in (Qt's own
    QCoreApplication.translate writes the count without thousands separator); ``source`` when none has it."""
    app = QCoreApplication.instance()
    for translator in reversed(getattr(app, "_mesomap_translators", [])):  # the last installed is asked first
        words = translator.translate("", source, disambiguation, n)
        if words:
            return words
    return source


class _Formatter(string.Formatter):
    """str.format writing numbers with the window language's decimal mark and thousands separator."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return text.number(value, format_spec, _window_language)
        return super().format_field(value, format_spec)


_FORMATTER = _Formatter()


def fill_in(template: str, /, *args: Any, **kwargs: Any) -> str:
    """``template.format(*args, **kwargs)`` with numbers in the chosen language: fill_in("{v:.2f} ml", v=2.5) ->
    "2,50 ml" in French."""
    return _FORMATTER.format(template, *args, **kwargs)


def num(value: float, spec: str = "g") -> str:
    """One number as the chosen language writes it (``mesomap.text.number``)."""
    return text.number(value, spec, _window_language)


def chosen_language(settings: QSettings | None = None, environ: dict[str, str] | None = None) -> str:
    """The language the window starts in: $MESOMAP_LANG, else the Preferences choice (QSettings ``ui/language``),
    else the system locale (``mesomap.text.language_from_locale``); always one of ``mesomap.text.LANGUAGES``."""
    env = os.environ if environ is None else environ
    forced = env.get(ENV_LANG, "")
    if forced in text.LANGUAGES:
        return forced
    stored = str((settings or QSettings()).value(LANGUAGE_KEY, "") or "")
    if stored in text.LANGUAGES:
        return stored
    return text.language_from_locale(env)


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Load mesomap's catalogue and Qt's own (``qtbase_<lang>.qm``: QFileDialog, QMessageBox buttons…) for
    ``lang`` into ``app``, remove those of an earlier call, and format session messages in ``lang`` too
    (``mesomap.text.set_language``). English needs no catalogue. Returns the installed translators."""
    global _window_language
    for old in getattr(app, "_mesomap_translators", []):
        app.removeTranslator(old)
    _window_language = lang
    try:
        text.set_language(lang)
    except ValueError:  # no message catalogue in that language yet: the session's messages stay English
        text.set_language(text.DEFAULT_LANGUAGE)
    if not hasattr(app, "_mesomap_locale"):
        app._mesomap_locale = QLocale()  # the system's, for English (as before any language was chosen)
    QLocale.setDefault(app._mesomap_locale if lang == text.DEFAULT_LANGUAGE else QLocale(lang))  # spin boxes: 1,5
    installed = []
    if lang != text.DEFAULT_LANGUAGE:
        for name, folder in ((f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
                             (f"mesomap_{lang}", str(I18N_DIR))):
            translator = QTranslator(app)
            if translator.load(name, folder) and app.installTranslator(translator):
                installed.append(translator)
    app._mesomap_translators = installed
    return installed


#: The words the combo boxes show for sides and grid patterns (their data stays the plan's value).
SIDE_WORDS = {"left": QT_TR_NOOP("left"), "right": QT_TR_NOOP("right"), "midline": QT_TR_NOOP("midline"),
              "bilateral": QT_TR_NOOP("bilateral")}
PATTERN_WORDS = {"hexagonal": QT_TR_NOOP("hexagonal"), "square": QT_TR_NOOP("square"), "rows": QT_TR_NOOP("rows"),
                 "blue_noise": QT_TR_NOOP("blue_noise")}


def fill_choices(box, values, words: dict[str, str]) -> None:
    """``box`` (a QComboBox) lists ``values`` in the window's language, each value as the item's data."""
    for value in values:
        box.addItem(tr(words.get(value, value)), value)


def choose(box, value: str) -> None:
    """Select the item of ``box`` whose data is ``value`` (as ``fill_choices`` filled it)."""
    box.setCurrentIndex(box.findData(value))


#: Words for the bundled bodies, the camera presets and the skin layers (their ids stay the program's keys).
BODY_WORDS = {"female": QT_TR_NOOP("Female"), "male": QT_TR_NOOP("Male")}
VIEW_WORDS = {"front": QT_TR_NOOP("Front"), "back": QT_TR_NOOP("Back"), "left": QT_TR_NOOP("Left"),
              "right": QT_TR_NOOP("Right"), "face": QT_TR_NOOP("Face")}
LAYER_WORDS = {"epidermis": QT_TR_NOOP("epidermis"), "dermis": QT_TR_NOOP("dermis"),
               "hypodermis": QT_TR_NOOP("hypodermis"), "muscle": QT_TR_NOOP("muscle")}


def word(words: dict[str, str], key: str) -> str:
    """The window's word for ``key`` of one of the tables above (the key itself, capitalised, if it has none)."""
    return tr(words[key]) if key in words else key.capitalize()
SEXES = ("", "female", "male", "other")
SEX_WORDS = {"": "", "female": QT_TR_NOOP("female"), "male": QT_TR_NOOP("male"), "other": QT_TR_NOOP("other")}
#: Units as the window writes them after a number ("мм", "мл" in Russian; the same letters in English and French).
UNIT_WORDS = {"mm": QT_TR_NOOP("mm"), "ml": QT_TR_NOOP("ml"), "kg": QT_TR_NOOP("kg"), "cm²": QT_TR_NOOP("cm²"),
              "m": QT_TR_NOOP("m")}


def unit(symbol: str) -> str:
    """``symbol`` ("mm", "ml", "kg", "cm²", "m") in the window's language."""
    return tr(UNIT_WORDS[symbol])


def indications(template) -> str:
    """A zone or point template's indications in the window's language (mesomap.io.vocabulary), comma-separated."""
    from mesomap.io.vocabulary import term

    return ", ".join(term("indication", i, window_language()) for i in template.indications)
