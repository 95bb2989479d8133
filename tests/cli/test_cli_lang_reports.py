"""`mesomap --lang fr|ru` for the reports of info, import-points and lesson export: the reader's words and numbers,
no English sentence left."""

from __future__ import annotations

import re

from tests.cli.test_cli_device import work  # noqa: F401  (a fixture)
from tests.cli.test_cli_import import markups_file, planned  # noqa: F401  (planned is a fixture)
from tests.teach.test_cli_quiz import files  # noqa: F401  (a fixture)

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
        height = words.splitlines()[3].split()[-1]  # name, vertices, triangles, then the height in mm
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


def test_devices_are_listed_in_french_and_russian(run_cli):
    fr = run_cli("--lang", "fr", "devices")
    ru = run_cli("--lang", "ru", "devices")
    assert fr.returncode == 0 and ru.returncode == 0, fr.stderr + ru.stderr
    assert "modes\u00a0: tir unique" in fr.stdout and "tirs par programme\u00a0: " in fr.stdout
    assert "ajoutez vos propres profils dans" in fr.stdout and re.search(r"volume 0,\d+–", fr.stdout)
    assert "режимы: одиночный укол" in ru.stdout and "уколов в программе: " in ru.stdout
    assert "свои профили добавляйте в" in ru.stdout
    for out in (fr.stdout, ru.stdout):
        assert not any(english in out for english in ("single shot", "needles", "shots per program", "add your own"))


def test_send_reports_each_stage_in_russian(work):
    import subprocess
    import sys

    from tests.cli.test_cli_device import Sim, exported

    exported(work, "ru.device.json")
    sim = Sim(work, "store-send-ru", "--device", "generic")
    try:
        d, env = work
        proc = subprocess.run([sys.executable, "-m", "mesomap", "--lang", "ru", "send", "p.mesomap.json", "--port",
                               sim.port, "--device", "generic", "--timeout", "10"], cwd=d, env=env, capture_output=True,
                              text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        out = proc.stdout
        assert "отправка: установка связи" in out and "отправка: блок 1/" in out and "отправка: подтверждение" in out
        assert f"отправка: подтверждено на generic ({sim.port}): байт: " in out
        assert re.search(r"программ: \d+, уколов: \d+, байт: \d+, на ", out)
        assert not any(english in out for english in ("send:", "handshake", "chunk", "committed on", "bytes"))
    finally:
        sim.stop()


def test_patient_records_in_russian(run_cli, tmp_path):
    db = f"sqlite:///{tmp_path / 'records.db'}"

    def ru(*args):
        proc = run_cli("--lang", "ru", *args, "--database", db)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    assert ru("patients", "add", "Anna Petrova", "--record-number", "MM-1", "--consent", "2026-01-02").startswith(
        "пациент 1: Anna Petrova")
    planned = ru("course", "add", "MM-1", "--indication", "cellulite", "--start", "2026-01-05", "--sessions", "2")
    assert "курс 1: cellulite, пациент 1" in planned and "запланировано: 2026-01-05, 2026-01-12" in planned
    ru("lots", "add", "B-77", "--product", "HA", "--expiry", "2027-01-10")
    started = ru("session", "start", "1", "--at", "2026-01-05 10:00")
    assert re.match(r"сеанс 1 \(1 из \d+\) 2026-01-05 10:00, запланирован, инъекции —/—", started), started
    assert "серия B-77 (HA) 1,5 мл" in ru("session", "lot", "1", "B-77", "--volume-ml", "1.5")
    shown = ru("patients", "show", "MM-1")
    assert "номер карты MM-1" in shown and "согласие подписано 2026-01-02" in shown
    recall = run_cli("--lang", "ru", "lots", "recall", "B-77", "--database", db)
    assert "серия B-77: 1 пациент, 1 сеанс" in recall.stderr
    for out in (planned, started, shown, recall.stdout + recall.stderr):
        assert not any(english in out for english in ("patient ", "planned", "session ", " of ", "record number", "injections"))


def test_device_verify_in_french(work):
    import subprocess
    import sys

    from tests.cli.test_cli_device import exported

    exported(work, "fr.device.json")
    d, env = work
    proc = subprocess.run([sys.executable, "-m", "mesomap", "--lang", "fr", "device-verify", "fr.device.json"], cwd=d,
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "fr.device.json\u00a0: vérifié (programme SHA-256 " in proc.stdout
    assert "1. Knee, left\u00a0: tir unique, aiguille 4 mm, profondeur 4 mm" in proc.stdout
    assert not any(english in proc.stdout for english in ("verified", "single shot", "needle", "per shot"))


def test_quiz_score_table_in_french(run_cli, files):  # noqa: F811
    proc = run_cli("--lang", "fr", "quiz", "score", "--reference", str(files / "ref.mesomap.json"),
                   "--answer", str(files / "answers" / "bob.mesomap.json"), "--thresholds", "point_mm=25")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    cheek = next(line for line in lines if line.startswith("Cheek, left"))
    assert " 0,00 " in cheek and cheek.endswith("échoué")  # the zone's own name; the verdict and number in French
    assert next(line for line in lines if line.startswith("ST36 left")).endswith("réussi")
    assert "point ≤ 25 mm" in proc.stdout and lines[-1] == "bilan\u00a0: échoué (3 sur 4)"
    assert not any(english in proc.stdout for english in ("overall", "pass marks", "along the skin", "reference:"))
