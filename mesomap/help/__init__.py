"""The user guide, one Markdown file per language: guide.md (English), guide.fr.md, guide.ru.md.

This package is data: it imports nothing else of mesomap (the window's Help menu and the command line
both ask :func:`guide_path` for the file to show).
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent


def guide_path(lang: str | None = None) -> Path:
    """The guide in ``lang`` (default: the chosen language of :mod:`mesomap.text`), else the English guide."""
    if lang is None:
        from mesomap.text import language

        lang = language()
    translated = HERE / f"guide.{lang}.md"
    return translated if lang != "en" and translated.is_file() else HERE / "guide.md"
