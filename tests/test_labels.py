"""The fixed words of the command line and the PDFs exist in every language, with the same fields; dates are
written the reader's way."""

from __future__ import annotations

import datetime as dt

import pytest

from mesomap import text
from mesomap.text.dates import long_date

#: Reviewed: labels that are the same word in English and French (or a unit, a code, a proper name).
SAME_IN_FRENCH = {"legend_row", "layer_muscle", "layer_thickness", "depth_volume", "unit_mm", "unit_ml", "unit_min", "unit_cm2", "unit_ml_per_min", "unit_injections_per_s", "per_second", "cli_zone",
                  "cli_technique", "cli_total", "patient", "date", "lots", "notes", "zones", "zone", "technique",
                  "volume", "total", "mode", "points", "step_of", "dice", "point", "contact", "indication",
                  "lot_line", "lot", "cli_info_triangles", "cli_session_injections",
                  "cli_flow"}
SAME_IN_RUSSIAN = {"step_of", "dice", "colon"}


@pytest.mark.parametrize("lang, same", [("fr", SAME_IN_FRENCH), ("ru", SAME_IN_RUSSIAN)])
def test_each_language_has_every_label_with_the_same_fields(lang, same):
    english, words = text.labels("en"), text.labels(lang)
    assert set(words) == set(english)
    for key, template in english.items():
        assert words[key].strip() and text.template_fields(words[key]) == text.template_fields(template), key
        assert (words[key] == template) == (key in same), (lang, key, words[key])


def test_a_label_writes_numbers_the_language_way():
    assert text.label("about_minutes", "fr", minutes=42.4) == "environ 42\u00a0min"  # number and unit on one line
    assert text.label("cli_product_volume", "ru", name="Dutasteride", volume_ml=52.314) == "препарат Dutasteride: 52,31 мл"
    assert text.label("cli_product_volume", "en", name="X", volume_ml=1674.5) == "product X: 1674.50 ml"


@pytest.mark.parametrize("lang, day, words", [
    ("en", dt.date(2026, 12, 7), "2026-12-07"), ("fr", dt.date(2026, 12, 7), "7 décembre 2026"),
    ("ru", dt.date(2026, 12, 7), "7 декабря 2026"), ("fr", "2026-03-01", "1er mars 2026"),
    ("ru", "2026-08-31T10:15:00", "31 августа 2026"), ("ru", "—", "—"),
])
def test_dates_are_written_in_words_of_the_language(lang, day, words):
    assert long_date(day, lang) == words
