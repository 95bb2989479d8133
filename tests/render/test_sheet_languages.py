"""The session sheet in French and Russian, made by `mesomap --lang fr|ru export PLAN --format pdf` without a
display: headings, numbers and dates in the language, every font embedded, table heads that fit their columns."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (installed by dev.sh) is missing")

ENV = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "LANGUAGE", "LC_ALL",
                                                         "LC_MESSAGES", "LANG")}
#: Headings the English sheet prints; none may be left on a French or Russian one.
ENGLISH_HEADINGS = ("Mesotherapy session sheet", "Injection order", "Technique depth", "Gun settings",
                    "Contraindications checked", "Before the session", "After the session", "Clinician signature",
                    "Product (lot)", "session sheet — page", "gives no medical advice", "Depth (mm)")


def _cli(cwd, *args):
    proc = subprocess.run([sys.executable, "-m", "mesomap", *args], capture_output=True, text=True, cwd=cwd, env=ENV,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


@pytest.fixture(scope="module")
def sheets(tmp_path_factory):
    d = tmp_path_factory.mktemp("sheets")
    _cli(d, "plan", "new", "--zone", "periorbital_left", "--zone", "knee_left", "--point", "ST36", "--patient",
         "MD-17", "--out", "plan.mesomap.json")
    _cli(d, "grid", "plan.mesomap.json")
    out = {}
    for lang in ("fr", "ru"):
        pdf = d / f"sheet-{lang}.pdf"
        _cli(d, "--lang", lang, "export", "plan.mesomap.json", "--format", "pdf", "--out", str(pdf))
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        out[lang] = text, fonts
    return out


@pytest.mark.parametrize("lang, headings, month", [
    ("fr", ("Fiche de séance de mésothérapie", "Ordre des injections", "Profondeur de la technique",
            "Réglages du pistolet", "Contre-indications vérifiées", "Avant la séance", "Après la séance",
            "Signature du", "Grossesse ou allaitement", "épiderme", "unique"),
     "(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)"),
    ("ru", ("Лист процедуры мезотерапии", "Порядок инъекций", "Глубина техники", "Настройки мезоинжектора",
            "Противопоказания проверены", "Перед сеансом", "После сеанса", "Подпись врача",
            "Беременность или кормление грудью", "эпидермис", "одиночный"),
     "(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"),
])
def test_the_sheet_speaks_the_language(sheets, lang, headings, month):
    text, _ = sheets[lang]
    flat = " ".join(text.split())
    for words in headings:
        assert words.lower() in flat.lower(), (lang, words)
    for words in ENGLISH_HEADINGS:
        assert words not in flat, (lang, words)
    assert re.search(rf"\b(1er|\d{{1,2}}) {month} \d{{4}}\b", flat), "the date in words of the language"
    unit = "ml" if lang == "fr" else "мл"
    assert re.search(rf"\d+,\d\d {unit}", flat) and not re.search(rf"\d+\.\d\d {unit}", flat), "decimal comma"


@pytest.mark.parametrize("lang", ["fr", "ru"])
def test_every_font_is_embedded_dejavu(sheets, lang):
    _, fonts = sheets[lang]
    rows = fonts.splitlines()[2:]
    assert rows and all(re.search(r"\+DejaVuSans(-Bold)?\s", row) for row in rows), fonts
    assert all(row.split()[-5] == "yes" for row in rows), fonts  # the "emb" column


def test_french_table_heads_fit_their_columns():
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from mesomap.io.export_pdf import BOLD_FONT, fit_widths, register_fonts
    from mesomap.text import label

    register_fonts()
    heads = [label(k, "fr") for k in ("zone", "technique", "needle", "depth", "spacing", "count", "volume",
                                      "product_lot")]
    names = [["Périorbitaire (pattes d'oie, paupière inférieure), gauche"] + [""] * 7]
    widths = fit_widths(heads, [32, 19, 21, 14, 16, 13, 18, 37], flexible=(0, 7), font=BOLD_FONT, size=8, cells=names)
    assert sum(widths) == pytest.approx(170)
    for head, width in zip(heads, widths):  # each word of a head, with the cell's padding, fits on one line
        assert all(stringWidth(w, BOLD_FONT, 8) / mm + 4 < width for w in head.split()), (head, width)
    assert widths[3] > 14  # "Profondeur" needs more than the English "Depth" column
