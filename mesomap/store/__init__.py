"""The records (issue 15): patients, clinicians, products and lots, courses, sessions, and an audit log.

SQLAlchemy Core over SQLite (default, one desk) or PostgreSQL (a clinic), Alembic migrations in
:mod:`mesomap.store.migrations`. No Qt, no VTK. Open with :func:`mesomap.store.store.open_store`;
query with the functions of :mod:`~mesomap.store.patients`, :mod:`~mesomap.store.courses`,
:mod:`~mesomap.store.sessions` and :mod:`~mesomap.store.lots`, which return plain values
(:mod:`mesomap.store.records`).
"""
