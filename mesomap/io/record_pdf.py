"""A patient's record as a PDF (A4), for an access request: the JSON export's content, readable on paper.

Takes the plain data of :func:`mesomap.store.export.patient_record` (a dict), so this module knows
nothing of the database. Every text is printed whole (paragraphs wrap over lines and pages); the
file is created readable by its owner only.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

#: (record key, label key) of what the record prints, in order; the words are in mesomap/text/labels_*.py.
PATIENT_FIELDS = (("name", "name"), ("record_number", "record_number"), ("date_of_birth", "date_of_birth"),
                  ("sex", "sex"), ("contact", "contact"), ("notes", "notes"),
                  ("checklist_answered_on", "checklist_answered"), ("consent_signed_on", "consent_signed"),
                  ("created_at", "recorded_since"))
COURSE_FIELDS = (("indication", "indication"), ("start_date", "start"), ("planned_sessions", "planned_sessions"),
                 ("interval_days", "interval_days"), ("maintenance_sessions", "maintenance_sessions"),
                 ("maintenance_interval_days", "maintenance_interval_days"))
SESSION_FIELDS = (("scheduled_at", "date"), ("clinician", "clinician"), ("done_at", "done"),
                  ("injections_planned", "injections_planned"), ("injections_done", "injections_done"),
                  ("notes", "notes"), ("adverse_events", "adverse_events"))
ANSWERS = {True: "yes", False: "no", None: "not_answered"}


def _value(v: Any) -> str:
    """A stored value as printed: a calendar day in words of the chosen language, a number with its decimal
    mark, other text (moments, with their time) as stored."""
    from mesomap.text import number
    from mesomap.text.dates import long_date

    if v in (None, ""):
        return "—"
    if isinstance(v, str) and len(v) == 10:
        return long_date(v)
    return number(v, "g") if isinstance(v, float) else str(v)


def record_story(record: dict[str, Any]) -> list:
    """The PDF's flowables (ReportLab) for a patient record."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer

    from mesomap.io.export_pdf import _esc, _text
    from mesomap.io.pdf_styles import dejavu_styles
    from mesomap.io.vocabulary import term
    from mesomap.text import label, language, number

    body, small, h1, h2 = dejavu_styles()

    def field(words: str, value: Any, style=body):
        return Paragraph(f"<b>{_esc(words)}</b>{_esc(label('colon'))}{_text(_value(value))}", style)

    p = record["patient"]
    story = [Paragraph(_esc(label("record_title")), h1), Paragraph(_esc(_value(record.get("exported_at"))), small)]
    story += [field(label(words), p.get(key)) for key, words in PATIENT_FIELDS]
    story.append(Paragraph(_esc(label("contraindication_checklist")), h2))
    for item in p["checklist"]:  # English keeps the record's own question; other languages the vocabulary's words
        question = item["question"] if language() == "en" else term("contraindication", item["key"],
                                                                     default=item["question"])
        story.append(field(question, label(ANSWERS[item["answer"]]) if item["answer"] in ANSWERS else item["answer"]))
    for c in record["courses"]:
        story += [Paragraph(_esc(label("course_n", id=c["id"])), h2)]
        story += [field(label(words), c.get(key)) for key, words in COURSE_FIELDS]
        story.append(field(label("planned_dates"), ", ".join(map(_value, c["planned_dates"]))))
    for s in record["sessions"]:
        story += [Spacer(1, 2 * mm), Paragraph(_esc(label("session_n_number", id=s["id"], number=s["number"])), h2)]
        story += [field(label(words), s.get(key)) for key, words in SESSION_FIELDS]
        for u in s["lots"]:
            volume = "" if u["volume_ml"] is None else f", {number(u['volume_ml'], 'g')} {label('unit_ml')}"
            expired = f", {label('lot_expired_confirmed')}" if u["expired_confirmed"] else ""
            story.append(field(label("lot"), f"{u['lot_number']} ({u['product']}){volume}{expired}"))
        story.append(field(label("plan_stored"), label("yes" if s.get("plan") is not None else "no")))
    story.append(Paragraph(_esc(label("record_changes")), h2))
    story += [Paragraph(_esc(f"{e['at']}  {e['actor']}  {e['action']}  {', '.join(e['fields'])}"), small)
              for e in record["audit"]]
    return story


def write_record_pdf(record: dict[str, Any], out: str | Path) -> Path:
    """Write the record to ``out`` (A4), owner-only (0600), replacing any file there in one step."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    from mesomap.text import label, language

    out = Path(out)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=".record-", suffix=".pdf")  # mkstemp: mode 0600
    os.close(fd)
    try:
        doc = SimpleDocTemplate(tmp, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
                                bottomMargin=18 * mm, title=label("record_title"), author="mesomap",
                                lang=language())
        doc.build(record_story(record))
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out
