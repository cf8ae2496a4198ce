"""Filters from the URL: one parser per list, shared by its page and its JSON twin.

An empty field of a filter form (``?sector=``) means "any", so a page's form
and a script's URL give the same answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, Generic, Literal, TypeVar

from fastapi import Query
from pydantic import BaseModel, BeforeValidator

from accord.core.records import Sector, Strength
from accord.store.commitments import CommitmentFilter
from accord.store.documents import DocumentFilter
from accord.web.inputs import IdField, LineText, Offset

DEFAULT_PAGE = 50
MAX_PAGE = 500

Status = Literal["no_evidence", "not_started", "in_progress", "completed", "stalled", "dropped"]
ReviewState = Literal["draft", "accepted", "rejected"]
AgreementStatus = Literal["signed", "planned"]
SearchKindParam = Literal["commitment", "agreement", "document"]

RowT = TypeVar("RowT")


def _blank(value: object) -> object:
    return None if value == "" else value


# An empty form field is no filter at all.
Blank = BeforeValidator(_blank)


CommissionParam = Annotated[
    LineText | None,
    BeforeValidator(_blank),
    Query(description="Commission id, name, alias or countries."),
]
SessionParam = Annotated[IdField | None, BeforeValidator(_blank), Query(description="Session id.")]
SectorParam = Annotated[Sector | None, BeforeValidator(_blank), Query(description="Sector code.")]
StrengthParam = Annotated[Strength | None, BeforeValidator(_blank), Query()]
StatusParam = Annotated[Status | None, BeforeValidator(_blank), Query()]
ReviewStateParam = Annotated[ReviewState | None, BeforeValidator(_blank), Query()]
AgencyParam = Annotated[
    LineText | None, BeforeValidator(_blank), Query(description="Acting agency: acronym or name.")
]
SinceParam = Annotated[
    dt.date | None, BeforeValidator(_blank), Query(description="On or after (YYYY-MM-DD).")
]
TextParam = Annotated[LineText | None, BeforeValidator(_blank), Query()]
LimitParam = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Rows per page.")]
OffsetParam = Annotated[Offset, Query(description="Rows to skip.")]


class Listing(BaseModel, Generic[RowT]):
    """One page of a list: its rows, where it starts, and the offset of the next page."""

    rows: list[RowT]
    limit: int
    offset: int
    next_offset: int | None
    filters: dict[str, str]


def listing(
    rows: list[RowT], limit: int, offset: int, filters: Mapping[str, object]
) -> Listing[RowT]:
    """A page from ``limit + 1`` fetched rows: the extra one only says a next page exists."""
    return Listing[RowT](
        rows=rows[:limit],
        limit=limit,
        offset=offset,
        next_offset=offset + limit if len(rows) > limit else None,
        filters={k: _text(v) for k, v in filters.items() if v is not None},
    )


def _text(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def commitment_filter(
    commission: CommissionParam = None,
    session: SessionParam = None,
    sector: SectorParam = None,
    strength: StrengthParam = None,
    status: StatusParam = None,
    review_state: ReviewStateParam = None,
    agency: AgencyParam = None,
    since: SinceParam = None,
    limit: LimitParam = DEFAULT_PAGE,
    offset: OffsetParam = 0,
) -> CommitmentFilter:
    """The commitments a URL asks for (one row more than a page, to know if another follows)."""
    return CommitmentFilter(
        commission=commission,
        session=session,
        sector=sector,
        strength=strength,
        status=status,
        review_state=review_state,
        agency=agency,
        since=since,
        limit=limit + 1,
        offset=offset,
    )


def document_filter(
    session: SessionParam = None,
    outlet: TextParam = None,
    since: SinceParam = None,
    limit: LimitParam = DEFAULT_PAGE,
    offset: OffsetParam = 0,
) -> DocumentFilter:
    return DocumentFilter(
        session=session, outlet=outlet, since=since, limit=limit + 1, offset=offset
    )
