"""Calendar days written the way each language writes them: "7 décembre 2026", "7 декабря 2026"; English keeps
the ISO day its sheets always printed ("2026-12-07"), read the same by British and American clinics.

No locale database is needed for three languages (and the system locale must not change a PDF): the month
names are here. Files keep ISO dates (2026-12-07); only what people read goes through :func:`long_date`.
"""

from __future__ import annotations

import datetime as _dt

MONTHS = {
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"),
    # the genitive, as a date says it ("7 декабря")
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря"),
}


def long_date(day: _dt.date | str, lang: str | None = None) -> str:
    """``day`` (a date, or ISO text "2026-12-07") as words in ``lang`` (default: the chosen language):
    "7 décembre 2026" ("1er décembre 2026" on the first), "7 декабря 2026"; English and a language without
    month names here: "2026-12-07". Text that is not an ISO date (e.g. "—" or "") is returned as it is."""
    from mesomap.text import language

    if isinstance(day, str):
        try:
            day = _dt.date.fromisoformat(day.strip()[:10])
        except ValueError:
            return day
    lang = lang or language()
    months = MONTHS.get(lang)
    if months is None:
        return day.isoformat()
    first = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    return f"{first} {months[day.month - 1]} {day.year}"
