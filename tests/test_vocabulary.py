"""Clinical words in French and Russian: every zone template, reflex point, technique and the session sheet's
checklists have words of their own in assets/vocabulary.json (codes stay codes)."""

from __future__ import annotations

import json

import pytest

from mesomap.io.assets import assets_dir
from mesomap.io.export_pdf import load_sheet_text
from mesomap.io.templates import load_templates
from mesomap.io.vocabulary import vocabulary
from mesomap.model.devices import MODES
from mesomap.model.techniques import PATTERNS, TECHNIQUES
from mesomap.store.records import CONTRAINDICATIONS

#: Reviewed: French words spelt like the English (the same word in both languages, or a proper name).
SAME_IN_FRENCH = {("zone", "abdomen"), ("zone", "decollete"), ("technique", "NAP"), ("pattern", "hexagonal"),
                  ("term", "lot"), ("term", "papule"), ("term", "injection")} | {
    ("indication", w) for w in ("cellulite", "contracture", "fatigue", "hypertension", "lumbago", "migraine",
                                "palpitations", "pigmentation", "stress")}


def _same_in_french(kind: str, key: str) -> bool:
    return (kind, key) in SAME_IN_FRENCH or kind == "point"  # pinyin point names are proper names in French


@pytest.fixture(scope="module")
def templates():
    return load_templates()


@pytest.mark.parametrize("lang", ["fr", "ru"])
def test_every_zone_template_and_reflex_point_has_its_own_words(templates, lang):
    for t in templates.zones:
        words = t.label(lang)
        assert words.strip() and words == words.strip(), (t.id, lang)
        assert words != t.name or _same_in_french("zone", t.id) and lang == "fr", (t.id, lang, words)
    for p in templates.reflex_points:
        words = p.label(lang)
        assert words.strip(), (p.code, lang)
        assert words != p.name or _same_in_french("point", p.code) and lang == "fr", (p.code, lang, words)
    assert next(t for t in templates.zones if t.id == "forehead").label("fr") == "Front"
    assert next(p for p in templates.reflex_points if p.code == "ST36").label("ru") == "Цзу-сань-ли"


def test_english_labels_are_the_template_names(templates):
    assert [t.label("en") for t in templates.zones] == [t.name for t in templates.zones]
    assert [p.label("en") for p in templates.reflex_points] == [p.name for p in templates.reflex_points]


def test_every_word_the_templates_use_is_in_three_languages(templates):
    voc = vocabulary()
    used = {"technique": set(TECHNIQUES), "pattern": set(PATTERNS), "side": {"left", "right", "midline", "bilateral"},
            "group": {t.group for t in templates.zones},
            "indication": {i for t in (*templates.zones, *templates.reflex_points) for i in t.indications},
            "contraindication": set(CONTRAINDICATIONS), "device_mode": set(MODES)}
    for kind, keys in used.items():
        assert not keys - set(voc[kind]), (kind, sorted(keys - set(voc[kind])))
    for kind, entries in voc.items():
        for key, words in entries.items():
            assert set(words) == {"en", "fr", "ru"} and all(w.strip() for w in words.values()), (kind, key)
            assert words["ru"] != words["en"], (kind, key)
            assert words["fr"] != words["en"] or _same_in_french(kind, key), (kind, key, words)
    assert voc["technique"]["NAP"]["ru"] == "наппаж" and "papule" in voc["technique"]["IDS"]["fr"]


@pytest.mark.parametrize("lang, contraindication, after", [
    ("fr", "Grossesse ou allaitement", "Ni sauna ni sport pendant 2 jours"),
    ("ru", "Беременность или кормление грудью", "Без сауны и тренировок 2 дня"),
    ("en", "Pregnancy or breastfeeding", "No sauna or workouts for 2 days"),
])
def test_the_session_sheet_checklists_are_in_the_language(lang, contraindication, after):
    text = load_sheet_text(lang=lang)
    assert contraindication in text.contraindications and after in text.after
    assert len(text.before) == 3 and all(" " in item for item in text.before)  # words, not keys


def test_a_clinic_may_write_its_own_sheet_item_as_plain_text(tmp_path):
    doc = json.loads((assets_dir() / "session_sheet.json").read_text(encoding="utf-8"))
    doc["after"] = ["Rendez-vous de contrôle à 15 jours", "after_no_sauna"]
    path = tmp_path / "sheet.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert load_sheet_text(path, lang="fr").after == ("Rendez-vous de contrôle à 15 jours",
                                                      "Ni sauna ni sport pendant 2 jours")
