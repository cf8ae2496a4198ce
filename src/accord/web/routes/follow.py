"""Commitment pages, the review queue and follow-up suggestions; reviewing, status, notes.

Each change has a JSON endpoint (for scripts and the page's script) and a
form endpoint (for plain HTML forms, answered by a redirect back): both
call the same function in ``views.actions``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse

from accord.store.followups import SuggestionRow
from accord.store.notes import NoteRow
from accord.store.review_queue import ReviewItem, ReviewKind
from accord.store.scopes import item_scope, item_scopes
from accord.store.statuses import StatusRow
from accord.web.auth import Action, Reader, Writer, allowed, database_of
from accord.web.inputs import IdField, IdPath, LineText
from accord.web.params import (
    DEFAULT_PAGE,
    Blank,
    CommissionParam,
    LimitParam,
    Listing,
    OffsetParam,
    ReviewState,
    SessionParam,
)
from accord.web.routes.login import safe_next
from accord.web.twins import Twins
from accord.web.views import actions
from accord.web.views.actions import DecisionRequest, NoteRequest, ReviewRequest, StatusRequest
from accord.web.views.follow import (
    CommitmentPage,
    SuggestionState,
    commitment_view,
    followups_view,
    review_view,
)

twins = Twins("follow-through")
api = APIRouter(tags=["follow-through"])
forms = APIRouter(include_in_schema=False)
ReturnTo = Annotated[LineText | None, Query(description="Where a form goes back to.")]


def _may(request: Request, action: Action, kind: str, item_id: int) -> bool:
    account = request.state.identity.account
    return allowed(account, action, item_scope(database_of(request), kind, item_id))


def _commitment_context(request: Request, data: CommitmentPage) -> dict[str, Any]:
    item = data.commitment.commitment.id
    return {
        "can_review": _may(request, "review", "commitment", item),
        "can_set_status": _may(request, "set_status", "commitment", item),
        "can_note": _may(request, "note", "commitment", item),
        "can_decide": _may(request, "decide_followup", "commitment", item),
    }


@twins.view(
    "/commitments/{commitment_id}",
    "commitment.html",
    context=_commitment_context,
    summary="One commitment: evidence, owners, status history, links, notes",
)
def commitment(request: Request, identity: Reader, commitment_id: IdPath) -> CommitmentPage:
    return commitment_view(database_of(request), commitment_id, identity.account)


def _allowed_on(request: Request, action: Action, kind: str, ids: list[int]) -> dict[int, bool]:
    """Whether the viewer may do ``action`` on each item (the scopes read in a few queries)."""
    account = request.state.identity.account
    scopes = item_scopes(database_of(request), kind, ids)
    return {i: allowed(account, action, scope) for i, scope in scopes.items()}


def _review_context(request: Request, data: Listing[ReviewItem]) -> dict[str, Any]:
    can: dict[tuple[str, int], bool] = {}
    for kind in ("commitment", "agreement"):
        ids = [i.id for i in data.rows if i.kind == kind]
        can.update(((kind, i), ok) for i, ok in _allowed_on(request, "review", kind, ids).items())
    return {"can_review": can}


@twins.view(
    "/review", "review.html", context=_review_context, summary="Extracted items waiting for review"
)
def review_queue(
    request: Request,
    identity: Reader,
    kind: Annotated[Literal["commitment", "agreement"] | None, Blank, Query()] = None,
    state: Annotated[ReviewState | None, Blank, Query(description="draft when left out")] = "draft",
    commission: CommissionParam = None,
    session: SessionParam = None,
    limit: LimitParam = DEFAULT_PAGE,
    offset: OffsetParam = 0,
) -> Listing[ReviewItem]:
    database = database_of(request)
    return review_view(database, kind, state or "draft", commission, session, limit, offset)


def _followups_context(request: Request, data: Listing[SuggestionRow]) -> dict[str, Any]:
    can = _allowed_on(
        request, "decide_followup", "commitment", [s.commitment_id for s in data.rows]
    )
    return {"can_decide": {s.id: can.get(s.commitment_id, False) for s in data.rows}}


@twins.view(
    "/followups",
    "followups.html",
    context=_followups_context,
    summary="Follow-up suggestions: later documents restating or reporting on commitments",
)
def followups(
    request: Request,
    identity: Reader,
    state: Annotated[SuggestionState | None, Blank, Query(description="any when empty")] = "open",
    commission: CommissionParam = None,
    document: Annotated[IdField | None, Blank, Query()] = None,
    commitment: Annotated[IdField | None, Blank, Query()] = None,
    limit: LimitParam = DEFAULT_PAGE,
    offset: OffsetParam = 0,
) -> Listing[SuggestionRow]:
    return followups_view(
        database_of(request), state, commission, document, commitment, limit, offset
    )


@api.post("/commitments/{commitment_id}/review", summary="Accept, correct or reject a commitment")
def review_commitment(
    request: Request, identity: Writer, commitment_id: IdPath, body: ReviewRequest
) -> ReviewItem:
    return actions.review(database_of(request), identity, "commitment", commitment_id, body)


@api.post("/agreements/{agreement_id}/review", summary="Accept, correct or reject an agreement")
def review_agreement(
    request: Request, identity: Writer, agreement_id: IdPath, body: ReviewRequest
) -> ReviewItem:
    return actions.review(database_of(request), identity, "agreement", agreement_id, body)


@api.post(
    "/commitments/{commitment_id}/status",
    status_code=201,
    summary="Add a dated, evidenced status update",
)
def add_status(
    request: Request, identity: Writer, commitment_id: IdPath, body: StatusRequest
) -> StatusRow:
    return actions.update_status(database_of(request), identity, commitment_id, body)


@api.post("/followups/{suggestion_id}/{decision}", summary="Confirm or dismiss a suggestion")
def decide_followup(
    request: Request,
    identity: Writer,
    suggestion_id: IdPath,
    decision: Literal["confirm", "dismiss"],
    body: DecisionRequest | None = None,
) -> SuggestionRow:
    return actions.decide_followup(
        database_of(request), identity, suggestion_id, decision, body or DecisionRequest()
    )


@api.post("/notes", status_code=201, summary="Add a note (internal notes stay with your side)")
def add_note(request: Request, identity: Writer, body: NoteRequest) -> NoteRow:
    return actions.note(database_of(request), identity, body)


def _back(return_to: str | None, default: str) -> RedirectResponse:
    return RedirectResponse(safe_next(return_to or default), status_code=303)


@forms.post("/{kind}s/{item_id}/review")
def review_form(
    request: Request,
    identity: Writer,
    kind: ReviewKind,
    item_id: IdPath,
    body: Annotated[ReviewRequest, Form()],
    return_to: ReturnTo = None,
) -> RedirectResponse:
    actions.review(database_of(request), identity, kind, item_id, body)
    return _back(return_to, f"/{kind}s/{item_id}")


@forms.post("/commitments/{commitment_id}/status")
def status_form(
    request: Request,
    identity: Writer,
    commitment_id: IdPath,
    body: Annotated[StatusRequest, Form()],
    return_to: ReturnTo = None,
) -> RedirectResponse:
    actions.update_status(database_of(request), identity, commitment_id, body)
    return _back(return_to, f"/commitments/{commitment_id}#history")


@forms.post("/followups/{suggestion_id}/{decision}")
def followup_form(
    request: Request,
    identity: Writer,
    suggestion_id: IdPath,
    decision: Literal["confirm", "dismiss"],
    body: Annotated[DecisionRequest, Form()],
    return_to: ReturnTo = None,
) -> RedirectResponse:
    actions.decide_followup(database_of(request), identity, suggestion_id, decision, body)
    return _back(return_to, "/followups")


@forms.post("/notes")
def note_form(
    request: Request,
    identity: Writer,
    body: Annotated[NoteRequest, Form()],
    return_to: ReturnTo = None,
) -> RedirectResponse:
    row = actions.note(database_of(request), identity, body)
    return _back(return_to, f"/{row.subject}s/{row.subject_id}#notes")
