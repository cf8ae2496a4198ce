"""The whole schema in one place: all tables in dependency order.

Importing ``accord.store.models`` imports every module that declares tables
on ``Base``, so export, import, backup and statistics cover every table
whichever modules a command happened to import.
"""

from __future__ import annotations

from sqlalchemy import Table

from accord.store.models import Base


def tables_in_order() -> tuple[Table, ...]:
    """Every table, each after the tables its rows refer to."""
    return tuple(Base.metadata.sorted_tables)
