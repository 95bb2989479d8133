"""`mesomap --lang fr|ru …` and the locale: tables and messages in the reader's language, files unchanged."""

from __future__ import annotations

import csv
import re
import os
import subprocess
import sys

import pytest

#: The environment without a display and without a locale that names a language (the tests set their own).
BASE_ENV = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}


def run(cwd, *args, **env):
    return subprocess.run([sys.executable, "-m", "mesomap", *args], capture_output=True, text=True, cwd=cwd,
                          env={**BASE_ENV, **env}, timeout=300)


@pytest.fixture(scope="module")
def gridded(tmp_path_factory):
    """A small plan (left knee, point by point, 30 mm apart, and ST36 on both sides) laid out: few injections."""
    d = tmp_path_factory.mktemp("lang")
    for args in (("plan", "new", "--zone", "knee_left", "--point", "ST36", "--spacing-mm", "30", "--out",
                  "plan.mesomap.json"), ("grid", "plan.mesomap.json")):
        proc = run(d, *args)
        assert proc.returncode == 0, proc.stderr
    return d


def test_summary_in_russian_with_its_plural_forms(gridded):
    proc = run(gridded, "--lang", "ru", "summary", "plan.mesomap.json")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].split()[:2] == ["зона", "см²"] and "схема" in lines[0] and "итого" in proc.stdout
    assert "рефлекторные точки" in proc.stdout and "около" in proc.stdout and " мин" in proc.stdout
    assert "квадратная" in proc.stdout and "Knee, left" in proc.stdout  # the pattern worded; the zone's own name
    points_only = gridded / "points.mesomap.json"
    assert run(gridded, "plan", "new", "--point", "ST36", "--out", str(points_only)).returncode == 0
    few = run(gridded, "--lang", "ru", "summary", str(points_only)).stdout
    assert "предупреждение: 2 инъекции — меньше обычных 10–200 за сеанс" in few.splitlines()  # ST36 left and right
    assert not any(word in proc.stdout for word in ("total", "estimated", "warning", "injections"))


def test_the_locale_chooses_french(gridded):
    proc = run(gridded, "summary", "plan.mesomap.json", LANG="fr_FR.UTF-8")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("zone ") and "motif" in proc.stdout and "durée estimée de la séance\u00a0: environ" \
        in proc.stdout and "avertissement\u00a0: " in proc.stdout
    english = run(gridded, "summary", "plan.mesomap.json", LANG="C.UTF-8")
    assert "estimated session: about" in english.stdout and "warning: " in english.stdout
    ru_over_fr = run(gridded, "--lang", "ru", "summary", "plan.mesomap.json", LANG="fr_FR.UTF-8")
    assert "итого" in ru_over_fr.stdout  # the option wins over the locale


def test_numbers_on_screen_take_the_decimal_comma(gridded):
    fr = run(gridded, "--lang", "fr", "summary", "plan.mesomap.json").stdout
    en = run(gridded, "--lang", "en", "summary", "plan.mesomap.json").stdout
    total_fr = next(line for line in fr.splitlines() if line.startswith("total "))
    total_en = next(line for line in en.splitlines() if line.startswith("total "))
    assert total_fr.split()[-1] == total_en.split()[-1].replace(".", ",") and "," in total_fr.split()[-1]


def test_an_unknown_language_is_a_clear_usage_error(gridded):
    proc = run(gridded, "--lang", "de", "summary", "plan.mesomap.json")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "--lang de" in proc.stderr and "en, fr, ru" in proc.stderr


def test_files_stay_locale_independent(gridded):
    out = gridded / "fr.csv"
    proc = run(gridded, "--lang", "fr", "export", "plan.mesomap.json", "--format", "csv", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    english = gridded / "en.csv"
    assert run(gridded, "--lang", "en", "export", "plan.mesomap.json", "--format", "csv", "--out",
               str(english)).returncode == 0
    assert out.read_bytes() == english.read_bytes()
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows and all(re.fullmatch(r"-?\d+\.\d+", r["x_mm"]) and "," not in r["volume_ml"] for r in rows)


def test_grid_reports_in_the_language(tmp_path):
    assert run(tmp_path, "plan", "new", "--zone", "knee_left", "--out", "p.mesomap.json").returncode == 0
    proc = run(tmp_path, "--lang", "ru", "grid", "p.mesomap.json")
    assert proc.returncode == 0, proc.stderr
    assert "Рассчитан" in proc.stdout and "инъекци" in proc.stdout and "(Knee, left " in proc.stdout


def test_plan_new_and_validate_report_in_the_language(tmp_path):
    made = run(tmp_path, "--lang", "ru", "plan", "new", "--zone", "forehead", "--point", "ST36", "--out", "p.mesomap.json")
    assert made.returncode == 0 and made.stdout.strip() == "p.mesomap.json: зон: 1, рефлекторных точек: 2, тело: женское"
    valid = run(tmp_path, "--lang", "fr", "validate", "p.mesomap.json")
    assert valid.returncode == 0 and valid.stdout.startswith("p.mesomap.json\u00a0: plan valide, corps\u00a0: féminin, zones\u00a0: 1 (")
    assert " cm²), points réflexes\u00a0: 2" in valid.stdout and re.search(r"\(\d+,\d cm²\)", valid.stdout)
