"""`mesomap --lang fr|ru` for the reports of info, import-points and lesson export: the reader's words and numbers,
no English sentence left."""

from __future__ import annotations

import re

from tests.cli.test_cli_import import markups_file, planned  # noqa: F401  (planned is a fixture)

ENGLISH_INFO = ("vertices", "height mm", "area m²", "watertight", "yes", "no\n")


def _info(run_cli, lang):
    proc = run_cli("--lang", lang, "info")
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_info_speaks_russian_and_french_with_the_decimal_comma(run_cli):
    ru, fr = _info(run_cli, "ru"), _info(run_cli, "fr")
    assert "вершин" in ru and "треугольников" in ru and "рост, мм" in ru and "площадь, м²" in ru
    assert re.search(r"замкнута\s+(да|нет)$", ru.strip().splitlines()[-1])
    assert "sommets" in fr and "hauteur mm" in fr and "surface m²" in fr
    assert re.search(r"étanche\s+(oui|non)$", fr.strip().splitlines()[-1])
    for words in (ru, fr):
        assert not any(english in words for english in ENGLISH_INFO), words
        height = next(line for line in words.splitlines() if "мм" in line or "mm" in line).split()[-1]
        assert re.fullmatch(r"\d+,\d", height), height  # 1674,3 — not 1674.3
    english = _info(run_cli, "en")
    assert "vertices" in english and "watertight" in english


def test_import_points_reports_in_russian_and_french(run_cli, planned):  # noqa: F811
    d, wanted = planned
    markups_file(d / "acu.mrk.json", wanted)
    ru = run_cli("--lang", "ru", "import-points", "plan.mesomap.json", "acu.mrk.json", "--out", "ru.mesomap.json")
    assert ru.returncode == 0, ru.stderr
    assert ru.stdout.startswith("ru.mesomap.json: импортированы 3 рефлекторные точки из acu.mrk.json")
    assert "мм от кожи" in ru.stdout
    fr = run_cli("--lang", "fr", "import-points", "plan.mesomap.json", "acu.mrk.json", "--out", "fr.mesomap.json")
    assert fr.returncode == 0, fr.stderr
    assert fr.stdout.startswith("fr.mesomap.json\u00a0: 3 points réflexes importés de acu.mrk.json")
    assert re.search(r"à \d+,\d\d mm de la peau", fr.stdout), fr.stdout
    again = run_cli("--lang", "fr", "import-points", "fr.mesomap.json", "acu.mrk.json")
    assert again.returncode == 0, again.stderr
    assert "3 inchangés" in again.stdout
    for out in (ru.stdout, fr.stdout, again.stdout):
        assert not any(english in out for english in ("imported", "reflex point", "from the skin", "unchanged"))
    assert (d / "ru.mesomap.json").read_bytes() == (d / "fr.mesomap.json").read_bytes()  # files stay the same


def test_the_lesson_handout_is_reported_in_russian(run_cli, tmp_path):
    from tests.teach.test_cli_lesson import EXAMPLES

    out = tmp_path / "handout.pdf"
    proc = run_cli("--lang", "ru", "lesson", "export", str(EXAMPLES / "body.mesomap-lesson.json"), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"{out}: раздаточный материал на 4 страницах"  # four steps, four pages
