"""What the printed session sheet says about the patient when the plan belongs to a records session.

A plain value built by :mod:`mesomap.session.records` from the store and handed to the PDF writer
(:func:`mesomap.io.export_pdf.write_session_pdf`); picklable, so the sheet can be written in the
background worker. Without one the sheet prints the plan's own header ("Patient —").
"""

from __future__ import annotations

from dataclasses import dataclass

from mesomap.text import label, number
from mesomap.text.dates import long_date


@dataclass(frozen=True)
class LotLine:
    """One product lot used in the session: volume in ml (None: not recorded)."""

    product: str
    lot_number: str
    expiry: str  # ISO date or ""
    volume_ml: float | None
    expired_confirmed: bool = False

    def text(self) -> str:
        """The lot as the sheet prints it, in the chosen language: "Dutasteride lot A12, 2.5 ml, expires 7 December
        2026"."""
        volume = "" if self.volume_ml is None else f", {number(self.volume_ml, 'g')} {label('unit_ml')}"
        expiry = f", {label('lot_expires', date=long_date(self.expiry))}" if self.expiry else ""
        flag = f" ({label('lot_expired_confirmed')})" if self.expired_confirmed else ""
        return f"{label('lot_line', product=self.product, lot=self.lot_number)}{volume}{expiry}{flag}"


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
        return label("session_n_of", number=self.number, of=self.of)

    @property
    def patient_text(self) -> str:
        return f"{self.patient} ({self.record_number})" if self.record_number else self.patient
