"""What every read model of the store shares: rows as JSON, page sizes, ids in batches, counts.

Each entity has one read model, in the module named after it
(``sessions``, ``commitments``, ``agreements`` ...); pages, reports and the
CLI all read it, so every view of the record is computed once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

DEFAULT_LIMIT = 100
# Ids are sent in batches: PostgreSQL takes at most 65,535 parameters in one statement.
ID_BATCH = 10_000


class QueryRow:
    """A row of a listing, as plain JSON data."""

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = dataclasses.asdict(self)  # type: ignore[call-overload]
        return {k: json_value(v) for k, v in data.items()}


def json_value(value: object) -> object:
    """A value of a row as JSON data: dates in ISO 8601, in nested lists and mappings too."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [json_value(v) for v in value]
    if isinstance(value, dict):
        return {k: json_value(v) for k, v in value.items()}
    return value


def batches(ids: Sequence[int]) -> list[Sequence[int]]:
    """``ids`` in slices small enough for one statement on every backend."""
    return [ids[i : i + ID_BATCH] for i in range(0, len(ids), ID_BATCH)]


def count_by(session: Session, owner: Any, ids: Sequence[int], counted: Any) -> dict[int, int]:
    """For each of ``ids``, how many distinct ``counted`` values rows with that ``owner`` hold."""
    if not ids:
        return {}
    query = select(owner, func.count(distinct(counted))).where(owner.in_(ids)).group_by(owner)
    return {key: int(value) for key, value in session.execute(query)}


def parties_of(key: str) -> list[str]:
    """The ISO3 codes of a stored party set ("PAK,RUS")."""
    return [p for p in key.split(",") if p]
