"""Commissions, sessions, commitments, agreements and search: pages and JSON twins."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Query, Request

from accord.store.agreements import AgreementRow
from accord.store.commissions import CommissionRow
from accord.store.commitments import CommitmentFilter, CommitmentRow
from accord.store.scopes import item_scope
from accord.store.search import DEFAULT_SEARCH_LIMIT
from accord.store.sessions import SessionRow
from accord.web.auth import Reader, allowed, database_of
from accord.web.inputs import IdPath
from accord.web.params import (
    DEFAULT_PAGE,
    AgreementStatus,
    Blank,
    CommissionParam,
    LimitParam,
    Listing,
    OffsetParam,
    SearchKindParam,
    SessionParam,
    commitment_filter,
)
from accord.web.twins import Twins
from accord.web.views.record import (
    AgreementPage,
    SearchResults,
    SessionPage,
    agreement_view,
    agreements_view,
    commissions_view,
    commitments_view,
    search_view,
    session_view,
    sessions_view,
)

twins = Twins("record")


@twins.view("/commissions", "commissions.html", summary="Commissions with their sessions")
def commissions(request: Request, identity: Reader) -> list[CommissionRow]:
    return commissions_view(database_of(request))


@twins.view("/sessions", "sessions.html", summary="Sessions, newest first")
def sessions(
    request: Request,
    identity: Reader,
    commission: CommissionParam = None,
    limit: LimitParam = DEFAULT_PAGE,
    offset: OffsetParam = 0,
) -> Listing[SessionRow]:
    return sessions_view(database_of(request), commission, limit, offset)


def _session_context(request: Request, data: SessionPage) -> dict[str, Any]:
    identity = request.state.identity
    scope = item_scope(database_of(request), "session", data.session.id)
    return {"can_note": allowed(identity.account, "note", scope)}


@twins.view(
    "/sessions/{session_id}", "session.html", context=_session_context, summary="One session"
)
def session(request: Request, identity: Reader, session_id: IdPath) -> SessionPage:
    return session_view(database_of(request), session_id, identity.account)


@twins.view("/commitments", "commitments.html", summary="Commitments, filtered, newest first")
def commitments(
    request: Request,
    identity: Reader,
    filters: Annotated[CommitmentFilter, Depends(commitment_filter)],
) -> Listing[CommitmentRow]:
    return commitments_view(database_of(request), filters)


@twins.view("/agreements", "agreements.html", summary="Agreements signed and planned")
def agreements(
    request: Request,
    identity: Reader,
    commission: CommissionParam = None,
    session: SessionParam = None,
    status: Annotated[AgreementStatus | None, Blank, Query()] = None,
    limit: LimitParam = DEFAULT_PAGE,
    offset: OffsetParam = 0,
) -> Listing[AgreementRow]:
    return agreements_view(database_of(request), commission, session, status, limit, offset)


def _agreement_context(request: Request, data: AgreementPage) -> dict[str, Any]:
    identity = request.state.identity
    scope = item_scope(database_of(request), "agreement", data.agreement.agreement.id)
    return {
        "can_review": allowed(identity.account, "review", scope),
        "can_note": allowed(identity.account, "note", scope),
    }


@twins.view(
    "/agreements/{agreement_id}",
    "agreement.html",
    context=_agreement_context,
    summary="One agreement",
)
def agreement(request: Request, identity: Reader, agreement_id: IdPath) -> AgreementPage:
    return agreement_view(database_of(request), agreement_id, identity.account)


@twins.view("/search", "search.html", summary="Full-text search")
def search(
    request: Request,
    identity: Reader,
    q: Annotated[str, Query(max_length=500, description="Words to find (all of them).")] = "",
    kind: Annotated[SearchKindParam | None, Blank, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = DEFAULT_SEARCH_LIMIT,
) -> SearchResults:
    return search_view(database_of(request), q, kind, limit)
