"""The user guide in French and Russian: the same chapters, shortcuts and commands as the English one."""

from __future__ import annotations

import re

import pytest

from mesomap import text
from mesomap.help import guide_path

#: A key combination (Ctrl+Shift+G, Ctrl+., French Ctrl+Maj+G) or a bold digit key (**0**, **1–5**).
SHORTCUT = re.compile(r"\b(?:(?:Ctrl|Shift|Maj)\+)+[A-Z0-9.]|\*\*[0-9](?:–[0-9])?\*\*")


def _facts(markdown: str) -> tuple[int, set[str], set[str]]:
    """(number of chapters, shortcuts with the French "Maj" read as "Shift", `code` spans)."""
    shortcuts = {s.replace("Maj", "Shift") for s in SHORTCUT.findall(markdown)}
    return markdown.count("\n## "), shortcuts, set(re.findall(r"`[^`]+`", markdown))


@pytest.mark.parametrize("lang, title", [("fr", "# mesomap — le déroulement d'une journée"),
                                         ("ru", "# mesomap — рабочий день")])
def test_each_language_has_its_guide_with_the_same_chapters_shortcuts_and_commands(lang, title):
    path = guide_path(lang)
    assert path.name == f"guide.{lang}.md"
    words = path.read_text(encoding="utf-8")
    english = guide_path("en").read_text(encoding="utf-8")
    assert words.startswith(title + "\n")
    chapters, shortcuts, code = _facts(words)
    en_chapters, en_shortcuts, en_code = _facts(english)
    assert chapters == en_chapters and shortcuts == en_shortcuts
    assert code - {f"`mesomap --lang {lang} …`"} == en_code - {"`mesomap --lang en …`"}


def test_the_guide_follows_the_chosen_language_and_falls_back_to_english():
    before = text.language()
    try:
        text.set_language("ru")
        assert guide_path().name == "guide.ru.md"
    finally:
        text.set_language(before)
    assert guide_path("en").name == "guide.md" and guide_path("de").name == "guide.md"
