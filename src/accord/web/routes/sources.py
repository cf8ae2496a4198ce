"""Followed sources: the page (with its JSON twin), adding and removing a source, polling
one now, and ingesting an entry anyway. Polls and ingests run in the background worker."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse
from pydantic import StringConstraints

from accord.ingest import AddressPolicy
from accord.store.models import ENTRY_STATES
from accord.store.sources import FollowedSourceRow, entry_of, remove_source, source_of
from accord.web.auth import Reader, Writer, allowed, database_of, require, settings_of
from accord.web.inputs import IdPath, NoNul
from accord.web.params import DEFAULT_PAGE, Blank, LimitParam
from accord.web.routes.uploads import uploads_of
from accord.web.twins import Twins
from accord.web.uploads import UploadStatus, status_of
from accord.web.views.sources import SourceRequest, SourcesPage, follow_source, sources_view

twins = Twins("sources")
api = APIRouter(tags=["sources"])
forms = APIRouter(include_in_schema=False)
EntryStatus = Annotated[
    Literal["new", "ingested", "skipped", "error"] | None,
    Blank,
    Query(
        description=f"Entries in this status ({', '.join(ENTRY_STATES)}); default: "
        "those waiting, skipped or failed."
    ),
]
SourceParam = Annotated[
    Annotated[str, NoNul, StringConstraints(max_length=200)] | None,
    Blank,
    Query(description="Only this source's entries."),
]


def _policy(request: Request) -> AddressPolicy:
    return AddressPolicy(allow_private=settings_of(request).allow_private_addresses)


def _context(request: Request, data: SourcesPage) -> dict[str, Any]:
    account = request.state.identity.account
    return {
        "can_upload": allowed(account, "upload"),
        "can_administer": allowed(account, "administer"),
    }


@twins.view(
    "/sources",
    "sources.html",
    context=_context,
    summary="Followed sources: their last poll, and entries waiting, skipped or failed",
)
def sources(
    request: Request,
    identity: Reader,
    status: EntryStatus = None,
    source: SourceParam = None,
    limit: LimitParam = DEFAULT_PAGE,
) -> SourcesPage:
    return sources_view(database_of(request), status, source, limit)


def _add(request: Request, identity: Writer, body: SourceRequest) -> FollowedSourceRow:
    require(identity, "upload")
    user = identity.account.username
    return follow_source(database_of(request), body, _policy(request), user)


def _poll(request: Request, identity: Writer, source_id: IdPath) -> UploadStatus:
    require(identity, "upload")
    with database_of(request).reading() as session:
        name = source_of(session, str(source_id)).name
    return status_of(uploads_of(request).submit_work(identity.account.username, "poll", [name]))


def _ingest_entry(request: Request, identity: Writer, entry_id: IdPath) -> UploadStatus:
    require(identity, "upload")
    with database_of(request).reading() as session:
        entry_of(session, entry_id)
    job = uploads_of(request).submit_work(identity.account.username, "entries", [str(entry_id)])
    return status_of(job)


def _remove(request: Request, identity: Writer, source_id: IdPath) -> None:
    require(identity, "administer")
    with database_of(request).writing() as session:
        remove_source(session, str(source_id))


@api.post("/sources", status_code=201, summary="Follow a source (its address must be public)")
def add_source_api(request: Request, identity: Writer, body: SourceRequest) -> FollowedSourceRow:
    return _add(request, identity, body)


@api.post("/sources/{source_id}/poll", status_code=202, summary="Poll a source now")
def poll_source_api(request: Request, identity: Writer, source_id: IdPath) -> UploadStatus:
    return _poll(request, identity, source_id)


@api.post(
    "/sources/entries/{entry_id}/ingest",
    status_code=202,
    summary="Fetch and ingest an entry anyway (a skipped or failed one)",
)
def ingest_entry_api(request: Request, identity: Writer, entry_id: IdPath) -> UploadStatus:
    return _ingest_entry(request, identity, entry_id)


@api.delete("/sources/{source_id}", status_code=204, summary="Stop following a source")
def remove_source_api(request: Request, identity: Writer, source_id: IdPath) -> None:
    _remove(request, identity, source_id)


@forms.post("/sources")
def add_source_form(
    request: Request, identity: Writer, body: Annotated[SourceRequest, Form()]
) -> RedirectResponse:
    _add(request, identity, body)
    return RedirectResponse("/sources", status_code=303)


@forms.post("/sources/{source_id}/poll")
def poll_source_form(request: Request, identity: Writer, source_id: IdPath) -> RedirectResponse:
    return RedirectResponse(f"/uploads/{_poll(request, identity, source_id).id}", status_code=303)


@forms.post("/sources/entries/{entry_id}/ingest")
def ingest_entry_form(request: Request, identity: Writer, entry_id: IdPath) -> RedirectResponse:
    job = _ingest_entry(request, identity, entry_id)
    return RedirectResponse(f"/uploads/{job.id}", status_code=303)


@forms.post("/sources/{source_id}/remove")
def remove_source_form(request: Request, identity: Writer, source_id: IdPath) -> RedirectResponse:
    _remove(request, identity, source_id)
    return RedirectResponse("/sources", status_code=303)
