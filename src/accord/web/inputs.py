"""What a request may carry: ids and offsets the database can hold, text without NUL.

Path and body fields are typed with the bounds here, so FastAPI refuses a bad
value with a 422 in the one error shape; ``RefuseNul`` turns away a URL
whose path or query holds a NUL before any route sees it.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated
from urllib.parse import unquote_to_bytes

from fastapi import Path, Request
from pydantic import AfterValidator, Field
from starlette.types import ASGIApp, Receive, Scope, Send

from accord.core.input_limits import (
    LINE_LENGTH,
    MAX_ID,
    MAX_NAMES,
    MAX_OFFSET,
    NAME_LENGTH,
    NOTE_LENGTH,
    REVIEW_TEXT_LENGTH,
    as_of_problem,
)
from accord.web.errors import respond

NUL_MESSAGE = "must not contain NUL characters"


def no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError(NUL_MESSAGE)
    return value


NoNul = AfterValidator(no_nul)

IdPath = Annotated[int, Path(ge=1, le=MAX_ID, description="The record's id.")]
IdField = Annotated[int, Field(ge=1, le=MAX_ID)]
Offset = Annotated[int, Field(ge=0, le=MAX_OFFSET)]

NameText = Annotated[str, NoNul, Field(max_length=NAME_LENGTH)]
LineText = Annotated[str, NoNul, Field(max_length=LINE_LENGTH)]
ReviewText = Annotated[str, NoNul, Field(max_length=REVIEW_TEXT_LENGTH)]
NoteText = Annotated[str, NoNul, Field(max_length=NOTE_LENGTH)]
NameList = Annotated[list[LineText], Field(max_length=MAX_NAMES)]


def not_after_today(value: dt.date) -> dt.date:
    problem = as_of_problem(value, dt.date.today())
    if problem is not None:
        raise ValueError(problem)
    return value


PastDate = Annotated[dt.date, AfterValidator(not_after_today)]


def _has_nul(scope: Scope) -> bool:
    raw_path = scope.get("raw_path") or scope["path"].encode("utf-8", "surrogateescape")
    query = scope.get("query_string", b"")
    return b"\x00" in unquote_to_bytes(raw_path) or b"\x00" in unquote_to_bytes(query)


class RefuseNul:
    """Answers 400 to a request whose path or query string holds a NUL (``%00``)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and _has_nul(scope):
            response = respond(Request(scope), 400, "invalid_request", f"the URL {NUL_MESSAGE}")
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)
