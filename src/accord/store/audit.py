"""The audit log: every change a person makes to the record, as a row in the same transaction.

Callers take a snapshot of a record before and after changing it; the entry
keeps both as JSON, so any edit can be read back and reversed from history.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.store.database import Database
from accord.store.models import AuditEntry
from accord.store.rows import QueryRow

JsonDict = dict[str, Any]


def json_value(value: object) -> object:
    """A column value as JSON data (dates in ISO 8601, lists copied)."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [json_value(v) for v in value]
    return value


def snapshot(row: object, fields: tuple[str, ...]) -> JsonDict:
    """The named fields of a row, as JSON data."""
    return {name: json_value(getattr(row, name)) for name in fields}


def record_change(
    session: Session,
    actor: str,
    entity: str,
    entity_id: int,
    action: str,
    before: JsonDict | None,
    after: JsonDict | None,
) -> AuditEntry:
    """Add one audit row to the caller's transaction (it commits or rolls back with the change)."""
    entry = AuditEntry(
        actor=actor,
        entity=entity,
        entity_id=entity_id,
        action=action,
        before=before,
        after=after,
    )
    session.add(entry)
    return entry


@dataclass(frozen=True)
class AuditRow(QueryRow):
    id: int
    at: dt.datetime
    actor: str
    entity: str
    entity_id: int
    action: str
    before: JsonDict | None
    after: JsonDict | None


def audit_trail(
    database: Database, entity: str | None = None, entity_id: int | None = None
) -> list[AuditRow]:
    """Audit entries, oldest first, of one record (or of one kind, or of all)."""
    query = select(AuditEntry).order_by(AuditEntry.id)
    if entity is not None:
        query = query.where(AuditEntry.entity == entity)
    if entity_id is not None:
        query = query.where(AuditEntry.entity_id == entity_id)
    with database.reading() as session:
        return [
            AuditRow(
                id=row.id,
                at=row.at,
                actor=row.actor,
                entity=row.entity,
                entity_id=row.entity_id,
                action=row.action,
                before=row.before,
                after=row.after,
            )
            for row in session.scalars(query)
        ]
