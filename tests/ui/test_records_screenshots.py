"""Screenshots at 1366×768 of the records windows: the patient list, a patient page whose timeline shows each
session's plan as a small render, and the recall view. Written to $MESOMAP_SHOTS_DIR when set."""

from __future__ import annotations

from datetime import date, datetime

import numpy as np

from mesomap.session.files import body_surface
from mesomap.session.records import plan_json
from mesomap.store import courses, lots, patients, sessions
from mesomap.store.store import open_store
from tests.ui.conftest import gridded_window, wait_exposed
from tests.ui.test_screenshots import shots_dir, skin_fraction

NAMES = [("Anna Petrova", "MM-1", "+33 6 12 34 56 78"), ("Béatrice Morel", "MM-2", "b.morel@example.org"),
         ("Chen Li", "MM-3", "+33 1 44 55 66 77"), ("Dmitri Volkov", "K-17", "volkov@example.org"),
         ("Eva Stein", "MM-5", "+49 30 1234567")]


def picture(widget) -> np.ndarray:
    image = widget.grab().toImage()
    image = image.convertToFormat(image.Format.Format_RGB888)
    w, h = image.width(), image.height()
    rows = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes()).reshape(h, image.bytesPerLine())
    return rows[:, :w * 3].reshape(h, w, 3).copy()


def test_records_screenshots(window, qtbot, tmp_path, monkeypatch):
    from PIL import Image

    url = f"sqlite:///{tmp_path / 'records.sqlite3'}"
    monkeypatch.setenv("MESOMAP_DATABASE_URL", url)
    win = gridded_window(qtbot, window, "abdomen", "flank_left", "flank_right")
    text = plan_json(win.doc.plan, body_surface(win.session))
    store = open_store(url).store
    people = [patients.add_patient(store, n, record_number=r, contact=c, date_of_birth=date(1980, 2, 3),
                                   checklist={"allergy": False, "anticoagulants": True},
                                   consent_signed_on=date(2026, 1, 2)) for n, r, c in NAMES]
    anna = people[0]
    course = courses.add_course(store, anna.id, "cellulite, abdomen and flanks", date(2026, 1, 5))
    doctor = sessions.add_clinician(store, "Dr Morel")
    lot = lots.add_lot(store, lots.add_product(store, "HA 1.5%", "Acme").id, "B-77", date(2027, 6, 30))
    for k in range(3):
        s = sessions.start_session(store, course.id, datetime(2026, 1, 5 + 7 * k, 10), clinician_id=doctor.id,
                                   plan_json=text if k == 0 else None, injections_planned=100)
        lots.use_lot(store, s.id, lot.id, 2.0)
        if k < 2:
            sessions.mark_done(store, s.id, s.version, injections_done=100)
    for other in people[1:3]:
        c = courses.add_course(store, other.id, "face", date(2026, 1, 6))
        s = sessions.start_session(store, c.id, datetime(2026, 1, 6, 11))
        lots.use_lot(store, s.id, lot.id, 1.0)
    store.close()

    out = shots_dir(tmp_path)
    rw = win.records.show_patients()
    rw.resize(1366, 768)
    wait_exposed(qtbot, rw)
    qtbot.waitUntil(lambda: len(rw.shown_names()) == 5)
    Image.fromarray(picture(rw)).save(out / "records-patient-list-1366.png")

    rw.select(anna.id)
    timeline = rw.page.timeline
    qtbot.waitUntil(lambda: timeline.pending() == 0, timeout=60_000)
    assert timeline.drawn == 1  # the later two sessions copied the first one's plan: one picture for the three
    assert [t.state for t in timeline.tiles] == ["done", "done", "started"] + ["planned"] * 5
    shot = picture(rw)
    Image.fromarray(shot).save(out / "records-patient-page-1366.png")
    where = timeline.mapTo(rw, timeline.rect().topLeft())
    ratio = rw.devicePixelRatioF()
    x, y = int(where.x() * ratio), int(where.y() * ratio)
    strip = shot[y:y + int(timeline.height() * ratio), x:x + int(timeline.width() * ratio)]
    assert skin_fraction(strip) > 0.01  # the body in the session thumbnails

    rw.select(people[1].id)
    rw.select(anna.id)
    assert timeline.pending() == 0 and timeline.drawn == 1  # shown again from the cache, nothing drawn

    win.recall_action.trigger()
    recall = win.records.recall_window
    recall.resize(1366, 768)
    wait_exposed(qtbot, recall)
    assert len(recall.find("B-77")) == 5
    Image.fromarray(picture(recall)).save(out / "records-recall-1366.png")
