"""Start-up of a database: create the tables, load the unit registry.

Kept apart from ``db`` (which only connects) so that getting an engine has
no side effects and ``db`` and ``registry`` do not import each other.
"""

from __future__ import annotations

from sqlalchemy import Engine

from upt_dashboard.storage.db import metadata
from upt_dashboard.storage.registry import load_registry_if_empty


def init_db(engine: Engine) -> Engine:
    """Create missing tables and load the unit registry into an empty database.

    Returns the engine, so ``init_db(get_engine(url))`` reads as one step.
    """
    metadata.create_all(engine)
    load_registry_if_empty(engine)
    return engine
