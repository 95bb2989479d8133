"""A patient's whole record as JSON-ready data, to answer an access request."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mesomap.store import audit
from mesomap.store.pages import open_patient
from mesomap.store.records import CONTRAINDICATIONS
from mesomap.store.store import Store

EXPORT_SCHEMA = "mesomap-patient-record-1"


def patient_record(store: Store, patient_id: int) -> dict[str, Any]:
    """Everything stored about the patient: details, checklist (with its questions), courses with planned dates,
    sessions with their plans and lots, and the audit entries about their patient row."""
    page = open_patient(store, patient_id)
    patient = page.patient.as_dict()
    patient["checklist"] = [{"key": k, "question": q, "answer": (page.patient.checklist or {}).get(k)}
                            for k, q in CONTRAINDICATIONS.items()]
    courses = []
    for c in page.courses:
        d = c.as_dict()
        d["planned_dates"] = [day.isoformat() for day in c.planned_dates()]
        courses.append(d)
    sessions = []
    for s in page.sessions:
        d = s.as_dict()
        d["lots"] = [u.as_dict() for u in s.lots]
        d["plan"] = json.loads(s.plan_json) if s.plan_json else None
        del d["plan_json"]
        sessions.append(d)
    with store.read() as conn:
        log = [e.as_dict() for e in audit.entries(conn, "patients", patient_id)]
    return {"@schema": EXPORT_SCHEMA, "exported_at": audit.utc_now().isoformat(), "patient": patient,
            "courses": courses, "sessions": sessions, "audit": log}


def write_patient_record(store: Store, patient_id: int, out: str | Path) -> Path:
    """Write :func:`patient_record` to ``out``, owner-only (0600): a PDF if it ends in .pdf, else UTF-8 JSON."""
    from mesomap.store.location import create_private_file

    out = Path(out)
    record = patient_record(store, patient_id)
    if out.suffix.lower() == ".pdf":
        from mesomap.io.record_pdf import write_record_pdf

        write_record_pdf(record, out)
    else:
        out.unlink(missing_ok=True)
        create_private_file(out)
        out.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    with store.begin() as conn:
        audit.record(conn, store.actor, "patients", patient_id, "export")
    return out
