"""Start-up of a database: the one place that creates the schema or refuses to run.

Used by the app (``ui/cache.py: engine``), the CLI (``cli/args.py: open_db``)
and the tests. Kept apart from ``db`` (which only connects) so that getting
an engine has no side effects.

Why an empty database is created but an older one is not upgraded here:
creating loses nothing, and the first start must just work. Upgrading an
existing database changes data people rely on: it should follow a backup,
and with several app processes on one database an old process could still
be writing while a new one migrates. So the app and CLI refuse an older
database and say which command to run (``python cli.py db upgrade``), and
refuse a newer one outright.
"""

from __future__ import annotations

from sqlalchemy import Engine

from upt_dashboard.storage import schema
from upt_dashboard.storage.registry import load_registry_if_empty
from upt_dashboard.storage.schema import SchemaMismatch, State

__all__ = ["SchemaMismatch", "init_db"]


def init_db(engine: Engine) -> Engine:
    """The engine, once its database has the current schema and the unit registry.

    An EMPTY database gets the schema and the registry (once, under a lock
    shared by every starting process). Raises SchemaMismatch for a database
    created by earlier code (LEGACY, OLDER: run ``python cli.py db upgrade``)
    or migrated by later code (NEWER). Returns the engine, so
    ``init_db(get_engine(url))`` reads as one step.
    """
    found, revision = schema.state(engine)
    if found is State.CURRENT:
        return engine
    if found is State.EMPTY:
        schema.create_if_empty(engine, then=load_registry_if_empty)
        found, revision = schema.state(engine)
        if found is State.CURRENT:
            return engine
    raise SchemaMismatch(schema.mismatch_message(found, revision))
