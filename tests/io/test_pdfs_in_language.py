"""The patient record and a student's quiz sheet print their headings, answers, numbers and dates in the chosen
language (read back with pdftotext, as a person reads the page)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from mesomap import text

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (installed by dev.sh) is missing")


@pytest.fixture
def in_language():
    before = text.language()

    def choose(lang):
        text.set_language(lang)

    yield choose
    text.set_language(before)


def _words(pdf) -> str:
    return " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())


RECORD = {
    "exported_at": "2026-12-07T10:00:00",
    "patient": {"name": "Eva Stein", "record_number": "E-1", "date_of_birth": "1980-03-01", "sex": None,
                "contact": None, "notes": "", "checklist_answered_on": "2026-12-07", "consent_signed_on": None,
                "created_at": "2026-12-01T09:00:00",
                "checklist": [{"key": "epilepsy", "question": "epilepsy", "answer": None},
                              {"key": "pregnancy_breastfeeding", "question": "pregnancy or breastfeeding",
                               "answer": False}]},
    "courses": [{"id": 1, "indication": "cellulite", "start_date": "2026-12-07", "planned_sessions": 4,
                 "interval_days": 7, "maintenance_sessions": 0, "maintenance_interval_days": None,
                 "planned_dates": ["2026-12-07", "2026-12-14"]}],
    "sessions": [{"id": 3, "number": 1, "scheduled_at": "2026-12-07T10:00:00", "clinician": "Dr Pistor",
                  "done_at": None, "injections_planned": 120, "injections_done": None, "notes": "",
                  "adverse_events": "", "plan": None,
                  "lots": [{"lot_number": "A12", "product": "Dutasteride", "volume_ml": 2.5, "expired_confirmed": False}]}],
    "audit": [],
}


@pytest.mark.parametrize("lang, expected", [
    ("fr", ("Dossier patient", "Date de naissance : 1er mars 1980", "Questionnaire des contre-indications",
            "Épilepsie : sans réponse", "Grossesse ou allaitement : non", "Cure 1", "14 décembre 2026",
            "A12 (Dutasteride), 2,5 ml", "Plan enregistré : non")),
    ("ru", ("Карта пациента", "Дата рождения: 1 марта 1980", "Анкета противопоказаний", "Эпилепсия: нет ответа",
            "Беременность или кормление грудью: нет", "Курс 1", "14 декабря 2026", "A12 (Dutasteride), 2,5 мл",
            "Сеанс 3 (№ 1)")),
])
def test_the_patient_record_prints_in_the_language(tmp_path, in_language, lang, expected):
    from mesomap.io.record_pdf import write_record_pdf

    in_language(lang)
    words = _words(write_record_pdf(RECORD, tmp_path / "record.pdf"))
    for phrase in expected:
        assert phrase in words, (lang, phrase, words)
    assert "Patient record" not in words and "not answered" not in words


@pytest.mark.parametrize("lang, expected", [
    ("fr", ("Résultats du quiz", "Étudiant", "Référence", "7 décembre 2026")),
    ("ru", ("Результаты теста", "Слушатель", "Эталон", "7 декабря 2026")),
])
def test_a_quiz_sheet_prints_in_the_language(tmp_path, in_language, lang, expected):
    from mesomap.io.quiz_report import StudentResult, write_student_pdf

    in_language(lang)
    student = StudentResult("Ada", "ada.mesomap.json", None, "the answer file cannot be read")
    words = _words(write_student_pdf(student, "reference.mesomap.json", tmp_path / "ada.pdf", date="2026-12-07"))
    for phrase in expected:
        assert phrase in words, (lang, phrase, words)
    assert "Quiz results" not in words and "Student" not in words
