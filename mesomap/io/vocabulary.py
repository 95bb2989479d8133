"""The clinical words in each language: ``assets/vocabulary.json``.

Zone template names, reflex point names, techniques, needle and product terms, contraindications and
care instructions are data, not code, so a practitioner can read and correct them in one file::

    {"@schema": "mesomap-vocabulary/1",
     "zone":      {"forehead": {"en": "Forehead", "fr": "Front", "ru": "Лоб"}, ...},
     "point":     {"ST36": {"en": "Zusanli", "fr": "Zusanli", "ru": "Цзу-сань-ли"}, ...},
     "technique": {"NAP": {"en": "nappage", "fr": "nappage", "ru": "наппаж"}, ...},
     ...}

A kind is a top-level key; a key is the id the rest of mesomap uses (template id, point code, technique
code …). Codes such as LI4 or IDS are never translated: they are keys, not words.
"""

from __future__ import annotations

import json
from functools import lru_cache

from mesomap.io.assets import assets_dir
from mesomap.text import DEFAULT_LANGUAGE, language


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, dict[str, dict[str, str]]]:
    """kind -> key -> language -> word, from the bundled file ({} if it is missing or damaged: every
    lookup then falls back to the caller's English)."""
    try:
        doc = json.loads((assets_dir() / "vocabulary.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {kind: entries for kind, entries in doc.items() if not kind.startswith("@") and isinstance(entries, dict)}


def term(kind: str, key: str, lang: str | None = None, default: str | None = None) -> str:
    """The word for ``key`` of ``kind`` ("zone", "point", "technique", …) in ``lang`` (default: the chosen
    language), else its English word, else ``default``, else the key itself."""
    words = vocabulary().get(kind, {}).get(key, {})
    return words.get(lang or language()) or words.get(DEFAULT_LANGUAGE) or default or key
