"""Messages as values: every declared kind has words in the catalogue, with exactly the parameters it gives."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import mesomap
from mesomap.model.messages import REGISTRY, Kind, Message
from mesomap.text import catalogue, format_message, template_fields

LANGUAGES = ("en", "fr", "ru")
#: The plural forms each language's catalogue writes for a message with a ``count`` (CLDR categories).
PLURAL_FORMS = {"fr": {"one", "other"}, "ru": {"one", "few", "many"}}


def _import_everything_without_a_display() -> None:
    for info in pkgutil.walk_packages(mesomap.__path__, "mesomap."):
        if info.name.startswith(("mesomap.ui", "mesomap.render", "mesomap.app")) or info.name.endswith("__main__"):
            continue
        importlib.import_module(info.name)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_covers_every_code_with_its_parameters(lang):
    _import_everything_without_a_display()
    words = catalogue(lang)
    missing = sorted(set(REGISTRY) - set(words))
    assert not missing, f"{lang}: no words for {missing}"
    for code, kind in REGISTRY.items():
        assert template_fields(words[code]) <= set(kind.params), (code, words[code])
    assert not sorted(set(words) - set(REGISTRY)), "words for codes nothing reports"
    english = catalogue("en")
    for code in REGISTRY:  # a translation says everything the English says: no number or name dropped
        assert template_fields(words[code]) == template_fields(english[code]), (lang, code, words[code])


@pytest.mark.parametrize("lang", sorted(PLURAL_FORMS))
def test_every_counted_message_has_the_plural_forms_of_its_language(lang):
    _import_everything_without_a_display()
    words = catalogue(lang)
    for code, kind in REGISTRY.items():
        if "count" in kind.params:
            assert isinstance(words[code], dict) and set(words[code]) == PLURAL_FORMS[lang], (lang, code, words[code])
        else:
            assert isinstance(words[code], str), (lang, code)


@pytest.mark.parametrize("lang, forms", [
    ("ru", {0: "many", 1: "one", 2: "few", 4: "few", 5: "many", 11: "many", 12: "many", 14: "many", 21: "one",
            22: "few", 25: "many", 101: "one", 111: "many", 1000: "many"}),
    ("fr", {0: "one", 1: "one", 2: "other", 5: "other", 21: "other", 1000: "other"}),
])
def test_plural_choice_follows_the_language(lang, forms):
    module = importlib.import_module(f"mesomap.text.{lang}")
    assert {n: module.plural(n) for n in forms} == forms


@pytest.mark.parametrize("count, words", [(1, "1 инъекция"), (2, "2 инъекции"), (5, "5 инъекций"), (21, "21 инъекция"),
                                          (11, "11 инъекций")])
def test_russian_counts_injections_in_the_right_form(count, words):
    from mesomap.model.summary import SESSION_FEW_INJECTIONS

    text = format_message(SESSION_FEW_INJECTIONS(count=count, low=50, high=300), "ru")
    assert text.startswith(words + " ") and "50–300" in text


def test_a_russian_and_a_french_message_write_numbers_their_way():
    from mesomap.io.device_program import EXPORT_SUMMARY as DEVICE_EXPORT_SUMMARY

    m = DEVICE_EXPORT_SUMMARY(programs=3, shots=1674, volume_ml=52.314, device="Demo", profile="demo")
    assert "52,31 мл" in format_message(m, "ru") and "программ: 3" in format_message(m, "ru")
    assert "52,31 ml" in format_message(m, "fr") and "52.31" not in format_message(m, "fr")
    assert format_message(REGISTRY["grid_too_large"](zone="Abdomen", estimate=12345, limit=5000), "fr").startswith(
        "la zone « Abdomen » recevrait environ 12\u202f345 injections")


def test_a_message_is_a_value_and_its_words_come_from_the_catalogue():
    kind = REGISTRY["grid_too_large"]
    m = kind(zone="Abdomen", estimate=12345, limit=5000)
    assert m == Message("grid_too_large", (("zone", "Abdomen"), ("estimate", 12345), ("limit", 5000)), "error")
    assert m["estimate"] == 12345 and m.severity == "error"
    assert str(m) == format_message(m) and "12,345" in str(m) and "'Abdomen'" in str(m)
    with pytest.raises(TypeError, match="grid_too_large takes zone, estimate, limit"):
        kind(zone="Abdomen")


def test_a_code_cannot_be_declared_twice_with_other_parameters():
    with pytest.raises(ValueError, match="declared twice"):
        Kind("grid_too_large", "zone")
