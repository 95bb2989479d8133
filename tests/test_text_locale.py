"""Numbers follow the reader's language; the locale picks the language."""

from mesomap import text
from mesomap.model.plan import DEPTH_EXCEEDS_NEEDLE


def test_numbers_use_the_language_marks():
    assert text.number(52.31, ".2f", "fr") == "52,31"
    assert text.number(1674, ",", "ru") == "1\u202f674"
    assert text.number(1674.5, ",.1f", "en") == "1,674.5"


def test_english_messages_keep_the_full_stop():
    msg = DEPTH_EXCEEDS_NEEDLE(depth_mm=2.5, needle_mm=4)
    assert text.format_message(msg, "en") == "depth 2.5 mm is deeper than the 4 mm needle"


def test_locale_picks_a_language_mesomap_speaks():
    assert text.language_from_locale({"LANG": "fr_CA.UTF-8"}) == "fr"
    assert text.language_from_locale({"LC_ALL": "ru_RU.UTF-8", "LANG": "en_GB.UTF-8"}) == "ru"
    assert text.language_from_locale({"LANGUAGE": "ru:en", "LANG": "fr_FR"}) == "ru"
    assert text.language_from_locale({"LANG": "de_DE.UTF-8"}) == "en"
    assert text.language_from_locale({"LC_ALL": "C"}) == "en"
    assert text.language_from_locale({}) == "en"
