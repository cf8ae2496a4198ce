"""The whole schema in one place: every model module, and all tables in dependency order.

A module that declares tables on ``Base`` is listed here, so that export,
import, backup and statistics cover every table whichever modules a command
happened to import.
"""

from __future__ import annotations

from sqlalchemy import Table

from accord.store import models, tracking_models, users_models

MODEL_MODULES = (models, tracking_models, users_models)


def tables_in_order() -> tuple[Table, ...]:
    """Every table, each after the tables its rows refer to."""
    return tuple(models.Base.metadata.sorted_tables)
