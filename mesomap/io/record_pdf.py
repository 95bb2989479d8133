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

PATIENT_FIELDS = (("name", "Name"), ("record_number", "Record number"), ("date_of_birth", "Date of birth"),
                  ("sex", "Sex"), ("contact", "Contact"), ("notes", "Notes"),
                  ("checklist_answered_on", "Checklist answered"), ("consent_signed_on", "Consent signed"),
                  ("created_at", "Recorded since"))
COURSE_FIELDS = (("indication", "Indication"), ("start_date", "Start"), ("planned_sessions", "Planned sessions"),
                 ("interval_days", "Days between sessions"), ("maintenance_sessions", "Maintenance sessions"),
                 ("maintenance_interval_days", "Days between maintenance sessions"))
SESSION_FIELDS = (("scheduled_at", "Date"), ("clinician", "Clinician"), ("done_at", "Done"),
                  ("injections_planned", "Injections planned"), ("injections_done", "Injections done"),
                  ("notes", "Notes"), ("adverse_events", "Adverse events"))
ANSWERS = {True: "yes", False: "no", None: "not answered"}


def _value(v: Any) -> str:
    return "—" if v in (None, "") else str(v)


def record_story(record: dict[str, Any]) -> list:
    """The PDF's flowables (ReportLab) for a patient record."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer

    from mesomap.io.export_pdf import _esc, _text
    from mesomap.io.pdf_styles import dejavu_styles

    body, small, h1, h2 = dejavu_styles()

    def field(label: str, value: Any, style=body):
        return Paragraph(f"<b>{_esc(label)}</b>: {_text(_value(value))}", style)

    p = record["patient"]
    story = [Paragraph("Patient record", h1), Paragraph(_esc(_value(record.get("exported_at"))), small)]
    story += [field(label, p.get(key)) for key, label in PATIENT_FIELDS]
    story.append(Paragraph("Contraindication checklist", h2))
    story += [field(item["question"], ANSWERS.get(item["answer"], item["answer"])) for item in p["checklist"]]
    for c in record["courses"]:
        story += [Paragraph(f"Course {c['id']}", h2)] + [field(label, c.get(key)) for key, label in COURSE_FIELDS]
        story.append(field("Planned dates", ", ".join(c["planned_dates"])))
    for s in record["sessions"]:
        story += [Spacer(1, 2 * mm), Paragraph(f"Session {s['id']} (number {s['number']})", h2)]
        story += [field(label, s.get(key)) for key, label in SESSION_FIELDS]
        for u in s["lots"]:
            volume = "" if u["volume_ml"] is None else f", {u['volume_ml']:g} ml"
            expired = ", expired: use confirmed" if u["expired_confirmed"] else ""
            story.append(field("Lot", f"{u['lot_number']} ({u['product']}){volume}{expired}"))
        story.append(field("Plan stored", "yes" if s.get("plan") is not None else "no"))
    story.append(Paragraph("Changes to this record", h2))
    story += [Paragraph(_esc(f"{e['at']}  {e['actor']}  {e['action']}  {', '.join(e['fields'])}"), small)
              for e in record["audit"]]
    return story


def write_record_pdf(record: dict[str, Any], out: str | Path) -> Path:
    """Write the record to ``out`` (A4), owner-only (0600), replacing any file there in one step."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    out = Path(out)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=".record-", suffix=".pdf")  # mkstemp: mode 0600
    os.close(fd)
    try:
        doc = SimpleDocTemplate(tmp, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
                                bottomMargin=18 * mm, title="mesomap patient record", author="mesomap")
        doc.build(record_story(record))
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out
