"""Messages as values: every declared kind has words in the catalogue, with exactly the parameters it gives."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import mesomap
from mesomap.model.messages import REGISTRY, Kind, Message
from mesomap.text import catalogue, format_message, template_fields

LANGUAGES = ("en",)


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
