"""What the printed session sheet says about the patient when the plan belongs to a records session.

A plain value built by :mod:`mesomap.session.records` from the store and handed to the PDF writer
(:func:`mesomap.io.export_pdf.write_session_pdf`); picklable, so the sheet can be written in the
background worker. Without one the sheet prints the plan's own header ("Patient —").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LotLine:
    """One product lot used in the session: volume in ml (None: not recorded)."""

    product: str
    lot_number: str
    expiry: str  # ISO date or ""
    volume_ml: float | None
    expired_confirmed: bool = False

    def text(self) -> str:
        volume = "" if self.volume_ml is None else f", {self.volume_ml:g} ml"
        expiry = f", expires {self.expiry}" if self.expiry else ""
        flag = " (expired: use confirmed)" if self.expired_confirmed else ""
        return f"{self.product} lot {self.lot_number}{volume}{expiry}{flag}"


@dataclass(frozen=True)
class SheetRecord:
    """The sheet's header for a records session: patient, record number, clinician, date, session n of N, lots."""

    patient: str
    record_number: str
    clinician: str
    date: str  # ISO date of the session
    number: int  # n
    of: int  # N: the course's planned sessions, maintenance included
    lots: tuple[LotLine, ...] = ()

    @property
    def session_text(self) -> str:
        return f"{self.number} of {self.of}"

    @property
    def patient_text(self) -> str:
        return f"{self.patient} ({self.record_number})" if self.record_number else self.patient
