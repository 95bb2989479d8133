"""Products, their lots, the lots used in sessions, and the recall: who received lot X.

An expired lot (expiry before the session's day) is used only with ``confirm_expired=True``,
and that confirmation is written in the audit log.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Connection

from mesomap.store import audit
from mesomap.store.errors import LotExpired, NotFound, check_range, check_text
from mesomap.store.records import Lot, LotUse, Product, RecallRow
from mesomap.store.schema import lot_uses, lots, patients, products, sessions
from mesomap.store.store import Store

RECALL_COLUMNS = ("patient_id", "name", "record_number", "contact", "session_date", "product", "lot_number",
                  "volume_ml")


def add_product(store: Store, name: str, maker: str = "", volume_ml: float | None = None) -> Product:
    check_text("product", name, required=True)
    check_text("maker", maker)
    if volume_ml is not None:
        check_range("volume ml", volume_ml, 0.0, 10_000.0)
    with store.begin() as conn:
        new_id = conn.execute(products.insert().values(name=name, maker=maker, volume_ml=volume_ml, version=1)
                              .returning(products.c.id)).scalar_one()
        audit.record(conn, store.actor, "products", new_id, "create", ["name", "maker", "volume_ml"])
        return Product(new_id, name, maker, volume_ml, 1)


def find_product(store: Store, name: str) -> Product | None:
    with store.read() as conn:
        row = conn.execute(select(products).where(products.c.name == name).order_by(products.c.id)).first()
        return None if row is None else Product(**row._mapping)


def list_products(store: Store) -> list[Product]:
    with store.read() as conn:
        return [Product(**r._mapping) for r in conn.execute(select(products).order_by(products.c.name))]


def _lot_query():
    return (select(lots.c.id, lots.c.product_id, products.c.name.label("product"), lots.c.lot_number, lots.c.expiry,
                   lots.c.version).join(products, products.c.id == lots.c.product_id))


def load_lot(conn: Connection, lot_id: int) -> Lot:
    row = conn.execute(_lot_query().where(lots.c.id == lot_id)).first()
    if row is None:
        raise NotFound("lot", lot_id)
    return Lot(**row._mapping)


def add_lot(store: Store, product_id: int, lot_number: str, expiry: date | None) -> Lot:
    check_text("lot number", lot_number, required=True, limit=64)
    with store.begin() as conn:
        row = conn.execute(select(products.c.id).where(products.c.id == product_id)).first()
        if row is None:
            raise NotFound("product", product_id)
        new_id = conn.execute(lots.insert().values(product_id=product_id, lot_number=lot_number, expiry=expiry,
                                                   version=1).returning(lots.c.id)).scalar_one()
        audit.record(conn, store.actor, "lots", new_id, "create", ["lot_number", "expiry"],
                     {"product_id": product_id})
        return load_lot(conn, new_id)


def list_lots(store: Store, lot_number: str | None = None) -> list[Lot]:
    q = _lot_query().order_by(products.c.name, lots.c.lot_number)
    if lot_number is not None:
        q = q.where(lots.c.lot_number == lot_number)
    with store.read() as conn:
        return [Lot(**r._mapping) for r in conn.execute(q)]


def use_lot(store: Store, session_id: int, lot_id: int, volume_ml: float | None = None,
            confirm_expired: bool = False) -> LotUse:
    """Record that the session used ``volume_ml`` of the lot. An expired lot raises :class:`LotExpired`
    unless ``confirm_expired``; the confirmation is audited ("use_expired_lot")."""
    from mesomap.store import sessions as session_records

    if volume_ml is not None:
        check_range("volume ml", volume_ml, 0.0, 1_000.0)
    with store.begin() as conn:
        session = session_records.load(conn, session_id)
        lot = load_lot(conn, lot_id)
        day = session.scheduled_at.date()
        expired = lot.expired_on(day)
        if expired and not confirm_expired:
            raise LotExpired(lot.lot_number, lot.product, lot.expiry, day)
        new_id = conn.execute(lot_uses.insert().values(session_id=session_id, lot_id=lot_id, volume_ml=volume_ml,
                                                       expired_confirmed=expired).returning(lot_uses.c.id)).scalar_one()
        detail = {"session_id": session_id, "lot_id": lot_id, "lot_number": lot.lot_number}
        if expired:
            detail["expiry"] = lot.expiry.isoformat()
        audit.record(conn, store.actor, "lot_uses", new_id, "use_expired_lot" if expired else "create",
                     ["lot_id", "volume_ml"], detail)
        return LotUse(new_id, session_id, lot_id, lot.lot_number, lot.product, lot.expiry, volume_ml, expired)


def recall(store: Store, lot_number: str) -> list[RecallRow]:
    """Every patient who received a lot with this number (of any product), with the session and contact, by date."""
    q = (select(patients.c.id.label("patient_id"), patients.c.name, patients.c.record_number, patients.c.contact,
                sessions.c.id.label("session_id"), sessions.c.scheduled_at, products.c.name.label("product"),
                lots.c.lot_number, lot_uses.c.volume_ml)
         .select_from(lot_uses).join(lots, lots.c.id == lot_uses.c.lot_id)
         .join(products, products.c.id == lots.c.product_id)
         .join(sessions, sessions.c.id == lot_uses.c.session_id).join(patients, patients.c.id == sessions.c.patient_id)
         .where(lots.c.lot_number == lot_number).order_by(sessions.c.scheduled_at, patients.c.name, lot_uses.c.id))
    with store.read() as conn:
        return [RecallRow(**r._mapping) for r in conn.execute(q)]


def recall_csv_rows(rows: list[RecallRow]) -> list[list[str]]:
    """The recall as CSV rows (header first); text cells are neutralised against formula injection."""
    from mesomap.io.exports import safe_text_cell

    out = [list(RECALL_COLUMNS)]
    for r in rows:
        out.append([str(r.patient_id), safe_text_cell(r.name), safe_text_cell(r.record_number or ""),
                    safe_text_cell(r.contact), r.scheduled_at.date().isoformat(), safe_text_cell(r.product),
                    safe_text_cell(r.lot_number), "" if r.volume_ml is None else f"{r.volume_ml:g}"])
    return out


def write_recall_csv(rows: list[RecallRow], out) -> None:
    """Write the recall to ``out`` (a path, or an open text stream such as stdout), UTF-8."""
    if isinstance(out, (str, Path)):
        from mesomap.store.location import create_private_file

        Path(out).unlink(missing_ok=True)
        create_private_file(Path(out))  # names and contacts: owner-only, like the database
        with open(out, "w", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows(recall_csv_rows(rows))
    else:
        csv.writer(out, lineterminator="\n").writerows(recall_csv_rows(rows))
