"""Alembic's environment for the records store, run programmatically (:func:`mesomap.store.migrate.upgrade`).

The caller passes an open connection in ``config.attributes["connection"]``; no alembic.ini is needed.
SQLite alters tables in batch mode (copy and move), as it cannot drop or alter columns in place.
"""

from alembic import context

from mesomap.store.schema import metadata



def run_migrations() -> None:
    connection = context.config.attributes["connection"]
    context.configure(connection=connection, target_metadata=metadata,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


try:
    context.config  # noqa: B018 -- only set while Alembic runs this script
except AttributeError:  # imported by something else (a test walking the package): nothing to do
    pass
else:
    run_migrations()
