"""The printed session sheet of a plan linked to a records session names the patient, record number,
clinician, date, "session n of N" and the lots used; an unlinked plan's sheet says "Patient —" as before.
Checked in the real PDF (pdftotext)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime

import pytest

from mesomap.store import courses, lots, patients, sessions
from mesomap.store.store import open_store
from tests.ui.conftest import gridded_window

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (dev.sh) is missing")


def sheet_text(qtbot, win, out) -> str:
    with qtbot.waitSignal(win.exporter.finished, timeout=120_000) as signal:
        assert win.exporter.write("pdf", out)
    assert signal.args[1] is not None
    return subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout


def test_the_sheet_of_a_linked_plan_names_patient_session_and_lots(window, qtbot, tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'records.sqlite3'}"
    monkeypatch.setenv("MESOMAP_DATABASE_URL", url)
    store = open_store(url).store
    p = patients.add_patient(store, "Zoë Kowalska", record_number="MM-42", contact="zoe@example.org")
    c = courses.add_course(store, p.id, "cellulite", date(2026, 3, 2), planned_sessions=6, maintenance_sessions=2)
    doctor = sessions.add_clinician(store, "Dr Morel")
    first = sessions.start_session(store, c.id, datetime(2026, 3, 2, 10, 0), clinician_id=doctor.id)
    sessions.mark_done(store, first.id, first.version)
    s = sessions.start_session(store, c.id, datetime(2026, 3, 9, 10, 30), clinician_id=doctor.id)
    product = lots.add_product(store, "HA 1.5%", "Acme")
    lots.use_lot(store, s.id, lots.add_lot(store, product.id, "B-77", date(2027, 6, 30)).id, 2.0)
    store.close()

    win = gridded_window(qtbot, window, "abdomen")
    unlinked = sheet_text(qtbot, win, tmp_path / "plain.pdf")
    assert "Zoë Kowalska" not in unlinked and "B-77" not in unlinked
    assert any(line.split()[:2] == ["Patient", "—"] for line in unlinked.splitlines())

    page = win.records.show_patients().page
    page.window.select(p.id)
    page.select_number(2)
    assert win.records.open_in_planner(s.id)  # session 2 has no plan yet: an empty one opens, linked
    win = gridded_window(qtbot, win, "abdomen")
    text = sheet_text(qtbot, win, tmp_path / "linked.pdf")
    assert "Zoë Kowalska (MM-42)" in text
    assert "2026-03-09" in text and "Dr Morel" in text
    assert any(line.split()[:4] == ["Session", "2", "of", "8"] for line in text.splitlines())
    assert "HA 1.5% lot B-77, 2 ml, expires 2027-06-30" in text
