"""Alembic environment: runs on the connection ``storage.schema`` hands over."""

from alembic import context

from upt_dashboard.storage.db import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,  # SQLite alters tables by copying them; batch mode does that
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
