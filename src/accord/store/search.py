"""Full-text search over commitments, agreements and documents.

SQLite answers with FTS5 (bm25 ranking), PostgreSQL with tsvector columns
(ts_rank; documents ranked among their 500 newest matches, since ranking
long texts is costly there); both stem English and require every word. The index
is kept by the database itself (see migration 0002), so imports and edits
stay searchable without extra work.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import text
from sqlalchemy.orm import Session

from accord.errors import StoreError
from accord.store.database import Database
from accord.store.rows import QueryRow

SearchKind = Literal["commitment", "agreement", "document"]
SEARCH_KINDS: tuple[SearchKind, ...] = ("commitment", "agreement", "document")
DEFAULT_SEARCH_LIMIT = 20
# On PostgreSQL, documents are ranked among their newest matches, at most this many.
DOCUMENTS_RANKED = 500
_MARK = ("[", "]")


@dataclass(frozen=True)
class SearchHit(QueryRow):
    """One match: what it is, its id, a label to recognise it, and the matching words in context."""

    kind: SearchKind
    id: int
    label: str
    snippet: str
    session_id: int | None


# kind -> (table, the column its snippet comes from, its position in the FTS5 index)
_TABLES: dict[SearchKind, tuple[str, str, int]] = {
    "commitment": ("commitments", "text", 0),
    "agreement": ("agreements", "subject", 0),
    "document": ("documents", "text", 1),
}
_LABELS: dict[SearchKind, str] = {
    "commitment": "coalesce(c.name, s.kind) || ' #' || coalesce(cast(s.ordinal AS TEXT), '?')",
    "agreement": "t.kind || ' (' || t.status || ')'",
    "document": "coalesce(t.title, t.source)",
}
_SESSIONS: dict[SearchKind, str] = {
    "commitment": (
        "t.session_id AS session_id FROM {from_} JOIN sessions s ON s.id = t.session_id "
        "LEFT JOIN commissions c ON c.id = s.commission_id"
    ),
    "agreement": "t.session_id AS session_id FROM {from_}",
    "document": "NULL AS session_id FROM {from_}",
}


def query_words(query: str) -> list[str]:
    return re.findall(r"\w+", query)


def search(
    database: Database,
    query: str,
    kinds: Sequence[SearchKind] = SEARCH_KINDS,
    limit: int = DEFAULT_SEARCH_LIMIT,
) -> list[SearchHit]:
    """The best matches of ``query`` in each kind asked for (commitments first)."""
    words = query_words(query)
    if not words:
        raise StoreError(f"nothing to search for in {query!r}: give at least one word")
    with database.reading() as session:
        hits: list[SearchHit] = []
        for kind in kinds:
            if database.is_sqlite:
                hits += _sqlite_hits(session, kind, words, limit)
            else:
                hits += _postgres_hits(session, kind, " ".join(words), limit)
        return hits


def _sqlite_hits(
    session: Session, kind: SearchKind, words: list[str], limit: int
) -> list[SearchHit]:
    table, _column, position = _TABLES[kind]
    fts = f"{table}_fts"
    match = " ".join('"' + w.replace('"', "") + '"' for w in words)
    from_ = f"{fts} JOIN {table} t ON t.id = {fts}.rowid"
    sql = (
        f"SELECT t.id AS id, {_LABELS[kind]} AS label, "
        f"snippet({fts}, {position}, '{_MARK[0]}', '{_MARK[1]}', '…', 16) AS snippet, "
        + _SESSIONS[kind].format(from_=from_)
        + f" WHERE {fts} MATCH :match ORDER BY bm25({fts}), t.id LIMIT :limit"
    )
    rows = session.execute(text(sql), {"match": match, "limit": limit})
    return [
        SearchHit(kind, row.id, row.label or "", row.snippet or "", row.session_id) for row in rows
    ]


def _postgres_hits(session: Session, kind: SearchKind, words: str, limit: int) -> list[SearchHit]:
    table, column, _position = _TABLES[kind]
    matches = f"SELECT id, search_vector FROM {table} WHERE search_vector @@ q"
    if kind == "document":
        # Ranking reads each match's whole vector; for long texts, rank the newest matches only.
        matches += f" ORDER BY id DESC LIMIT {DOCUMENTS_RANKED}"
    # Rank and limit first, then build snippets for the few rows kept: headlines are costly.
    ranked = (
        "SELECT m.id, ts_rank(m.search_vector, q) AS rank "
        f"FROM plainto_tsquery('english', :words) q, LATERAL ({matches}) m "
        "ORDER BY rank DESC, m.id LIMIT :limit"
    )
    from_ = f"({ranked}) r JOIN {table} t ON t.id = r.id"
    headline = (
        f"ts_headline('english', coalesce(t.{column}, ''), plainto_tsquery('english', :words), "
        f"'StartSel={_MARK[0]}, StopSel={_MARK[1]}, MaxWords=24, MinWords=8, MaxFragments=1')"
    )
    sql = (
        f"SELECT t.id AS id, {_LABELS[kind]} AS label, {headline} AS snippet, "
        + _SESSIONS[kind].format(from_=from_)
        + " ORDER BY r.rank DESC, t.id"
    )
    rows = session.execute(text(sql), {"words": words, "limit": limit})
    return [
        SearchHit(kind, row.id, row.label or "", row.snippet or "", row.session_id) for row in rows
    ]
