"""The command line's own mistakes and small words in the reader's language: `--out must name …`, a plan sent
without `--device`, argparse's "required" and "invalid choice", the device ranges' units and `plan shape`'s
effect table cells (decimal comma) — in French and Russian, no English sentence left."""

from __future__ import annotations

import re

import pytest

from tests.cli.test_cli_lang import run


@pytest.fixture(scope="module")
def knee(tmp_path_factory):
    """A small laid-out plan (left knee, 30 mm apart)."""
    d = tmp_path_factory.mktemp("lang_errors")
    for args in (("plan", "new", "--zone", "knee_left", "--spacing-mm", "30", "--out", "plan.mesomap.json"),
                 ("grid", "plan.mesomap.json")):
        proc = run(d, *args)
        assert proc.returncode == 0, proc.stderr
    return d


def test_out_of_the_wrong_kind_is_said_in_russian(knee):
    proc = run(knee, "--lang", "ru", "render", "plan.mesomap.json", "--out", "plan.txt")
    assert proc.returncode == 2
    assert proc.stderr.strip() == "mesomap: ошибка: --out должен называть файл .png, получено 'plan.txt' " \
                                  "(см. mesomap --help)"


def test_an_error_line_in_french_has_its_non_breaking_spaces_before_the_colons(knee):
    proc = run(knee, "--lang", "fr", "render", "plan.mesomap.json", "--out", "plan.txt")
    assert proc.returncode == 2
    assert proc.stderr.startswith("mesomap\u00a0: erreur\u00a0: --out "), proc.stderr  # not "mesomap: erreur: "


def test_sending_without_a_device_is_said_in_french(knee):
    proc = run(knee, "--lang", "fr", "send", "plan.mesomap.json", "--port", "/dev/null")
    assert proc.returncode == 1
    assert "envoyer un plan demande --device PROFIL" in proc.stderr and "needs" not in proc.stderr


@pytest.mark.parametrize(("lang", "required", "choice"), [
    ("fr", "arguments obligatoires manquants\u00a0: --out", "choix invalide\u00a0: 'nope' (choisissez parmi"),
    ("ru", "не хватает обязательных аргументов: --out", "недопустимое значение: 'nope' (выберите из"),
])
def test_argparse_mistakes_are_said_in_the_language(knee, lang, required, choice):
    missing = run(knee, "--lang", lang, "render", "plan.mesomap.json")
    assert missing.returncode == 2 and required in missing.stderr and "required" not in missing.stderr
    wrong = run(knee, f"--lang={lang}", "export", "plan.mesomap.json", "--format", "nope", "--out", "x")
    assert wrong.returncode == 2 and choice in wrong.stderr and "invalid choice" not in wrong.stderr


def test_device_ranges_take_the_languages_units():
    proc = run(".", "--lang", "ru", "devices")
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"глубина 0,1–13 мм с шагом 0,1 мм; объём 0,005–1 мл с шагом 0,005 мл", proc.stdout)
    assert not re.search(r"\d (mm|ml)\b", proc.stdout)


def test_plan_shape_effect_cells_in_french(knee):
    proc = run(knee, "--lang", "fr", "plan", "shape", "plan.mesomap.json", "--set", "weight=0.5",
               "--out", "heavier.mesomap.json")
    assert proc.returncode == 0, proc.stderr
    row = next(line for line in proc.stdout.splitlines() if line.startswith("Knee, left"))  # its stored name
    assert re.search(r"\d+,\d → \d+,\d \([+-]\d+,\d %\)", row), row
    assert not re.search(r"\d\.\d", row)


def test_help_in_french_and_russian():
    fr = run(".", "--lang", "fr", "--help")
    assert fr.returncode == 0 and fr.stdout.startswith("utilisation\u00a0: mesomap")
    words = re.sub(r"[ \n]+", " ", fr.stdout)  # argparse wraps lines to the terminal's width
    assert "Sans commande, ouvre la fenêtre." in words and "arguments positionnels\u00a0:" in words
    assert "envoyer un plan (ou un .device.json exporté)" in words and "send a plan" not in words
    ru = run(".", "--lang", "ru", "render", "--help")
    assert ru.returncode == 0 and ru.stdout.startswith("использование: mesomap render")
    assert "показать эту справку и выйти" in ru.stdout and "show this help" not in ru.stdout
