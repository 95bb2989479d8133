"""What the records store reports, as messages (words in :mod:`mesomap.text`), and its errors.

Every error carries a :class:`~mesomap.model.messages.Message`; a conflict also carries both
versions of the row, so the second station's edit is never lost.
"""

from __future__ import annotations

from typing import Any

from mesomap.model.messages import Kind, MessageError

RECORD_CONFLICT = Kind("record_conflict", "what", "row_id", "base_version", "stored_version", "fields")
RECORD_NOT_FOUND = Kind("record_not_found", "what", "row_id")
RECORD_NUMBER_TAKEN = Kind("record_number_taken", "record_number")
LOT_EXPIRED = Kind("lot_expired", "lot", "product", "expiry", "day")
SESSION_FROZEN = Kind("session_frozen", "number")
CHECKLIST_UNKNOWN = Kind("checklist_unknown", "keys", "known")
RECORD_VALUE_RANGE = Kind("record_value_range", "field", "value", "low", "high")
RECORD_TEXT_EMPTY = Kind("record_text_empty", "field")
DATABASE_NEEDS_UPGRADE = Kind("database_needs_upgrade", "current", "head")
DATABASE_TOO_NEW = Kind("database_too_new", "current")
DATABASE_NOT_RECORDS = Kind("database_not_records", "path")
DATABASE_NETWORK_FS = Kind("database_network_fs", "path", "fs", severity="warning")
DATABASE_UPGRADED = Kind("database_upgraded", "before", "head", "backup", severity="info")
DATABASE_SQLITE_ONLY = Kind("database_sqlite_only", "command")
PASSWORD_IN_SETTINGS = Kind("password_in_settings", "path")


class StoreError(MessageError):
    """An expected problem with the records (not found, expired lot, frozen session…): one line for the user."""


class NotFound(StoreError):
    def __init__(self, what: str, row_id: Any):
        self.what, self.row_id = what, row_id
        super().__init__(RECORD_NOT_FOUND(what=what, row_id=row_id))


class ConflictError(StoreError):
    """Another station saved the row since it was loaded.

    ``mine``: the values this station tried to save (field -> value); ``theirs``: the row as stored
    now (a record value, e.g. :class:`~mesomap.store.records.Patient`); ``base_version`` the
    version this station had loaded, ``theirs.version`` the stored one. Nothing was written.
    """

    def __init__(self, what: str, row_id: int, base_version: int, mine: dict[str, Any], theirs: Any):
        self.what, self.row_id, self.base_version, self.mine, self.theirs = what, row_id, base_version, mine, theirs
        super().__init__(RECORD_CONFLICT(what=what, row_id=row_id, base_version=base_version,
                                         stored_version=getattr(theirs, "version", None),
                                         fields=", ".join(sorted(mine))))

    @property
    def stored_version(self) -> int | None:
        return getattr(self.theirs, "version", None)


class LotExpired(StoreError):
    """The lot's expiry is before the session's day; using it needs an explicit, recorded confirmation."""

    def __init__(self, lot: str, product: str, expiry, day):
        self.lot, self.expiry = lot, expiry
        super().__init__(LOT_EXPIRED(lot=lot, product=product, expiry=expiry.isoformat(), day=day.isoformat()))


class SessionFrozen(StoreError):
    def __init__(self, number: int):
        super().__init__(SESSION_FROZEN(number=number))


RECORD_TEXT_INVALID = Kind("record_text_invalid", "field")
RECORD_TEXT_TOO_LONG = Kind("record_text_too_long", "field", "length", "limit")


def check_text(field: str, value: str, required: bool = False, limit: int | None = None) -> str:
    """``value`` unchanged if the database can hold it; a NUL or a lone surrogate cannot be stored anywhere,
    and a short column (a record or lot number) holds at most ``limit`` characters."""
    if required and not value.strip():
        raise StoreError(RECORD_TEXT_EMPTY(field=field))
    if limit is not None and len(value) > limit:
        raise StoreError(RECORD_TEXT_TOO_LONG(field=field, length=len(value), limit=limit))
    if "\x00" in value or any(0xD800 <= ord(c) <= 0xDFFF for c in value):
        raise StoreError(RECORD_TEXT_INVALID(field=field))
    return value


def check_range(field: str, value, low, high):
    if value is None or not (low <= value <= high):
        raise StoreError(RECORD_VALUE_RANGE(field=field, value=value, low=low, high=high))
    return value
