"""Uploading documents, or giving their web addresses, and following their ingest."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Path, Request, UploadFile
from fastapi.responses import RedirectResponse
from pydantic import BaseModel, Field

from accord.errors import NotFoundError
from accord.ingest import AddressPolicy, MetadataOverrides
from accord.web.auth import Reader, Writer, allowed, require, settings_of
from accord.web.errors import Forbidden, PayloadTooLarge, WebError
from accord.web.inputs import NUL_MESSAGE, LineText, NoNul
from accord.web.params import Blank
from accord.web.twins import Twins
from accord.web.uploads import UploadJob, Uploads, UploadStatus, status_of
from accord.web.views.sources import MAX_ADDRESSES, screened

twins = Twins("uploads")
api = APIRouter(tags=["uploads"])
forms = APIRouter(include_in_schema=False)
Files = Annotated[list[UploadFile], File(description="Documents: .txt .md .html .pdf .docx")]
Published = Annotated[dt.date | None, Form(description="Publication date for every file.")]
Outlet = Annotated[LineText | None, Form(description="Outlet for every file.")]
AutoAccept = Annotated[
    bool,
    Form(description="Accept each document's extracted items without review (admins only)."),
]


class NothingUploaded(WebError):
    code = "no_files"


def uploads_of(request: Request) -> Uploads:
    uploads: Uploads = request.app.state.uploads
    return uploads


def _job(request: Request, job_id: str) -> UploadJob:
    job = uploads_of(request).get(job_id)
    if job is None:
        raise NotFoundError(f"no upload {job_id!r} (finished uploads are forgotten on restart)")
    return job


async def _read(request: Request, files: list[UploadFile]) -> list[tuple[str, bytes]]:
    """Every file's name and bytes, refusing the upload once it passes the size limit."""
    limit = settings_of(request).max_upload_bytes
    if int(request.headers.get("content-length") or 0) > limit + 64 * 1024:
        raise PayloadTooLarge(f"the upload is larger than {limit // (1024 * 1024)} MB")
    read: list[tuple[str, bytes]] = []
    total = 0
    for upload in files:
        content = await upload.read()
        total += len(content)
        if total > limit:
            raise PayloadTooLarge(f"the upload is larger than {limit // (1024 * 1024)} MB")
        if upload.filename and "\x00" in upload.filename:
            raise WebError(f"a file name {NUL_MESSAGE}")
        if upload.filename:
            read.append((upload.filename, content))
    if not read:
        raise NothingUploaded("choose at least one file to upload")
    return read


async def _submit(
    request: Request,
    identity: Writer,
    files: list[UploadFile],
    published: dt.date | None,
    outlet: str | None,
    auto_accept: bool,
) -> UploadJob:
    require(identity, "upload")
    if auto_accept and not allowed(identity.account, "review"):
        raise Forbidden(
            "only an admin accepts an upload's items without review; "
            "an editor reviews the items of their side"
        )
    content = await _read(request, files)
    overrides = MetadataOverrides(published=published, outlet=outlet or None)
    username = identity.account.username
    return uploads_of(request).submit(username, content, overrides, auto_accept=auto_accept)


def _can_upload(request: Request, data: object) -> dict[str, Any]:
    account = request.state.identity.account
    return {"can_upload": allowed(account, "upload"), "can_accept": allowed(account, "review")}


@twins.view("/uploads", "uploads.html", context=_can_upload, summary="Recent uploads")
def uploads(request: Request, identity: Reader) -> list[UploadStatus]:
    return [status_of(job) for job in uploads_of(request).recent()]


@twins.view("/uploads/{job_id}", "upload.html", summary="One upload and its ingest, file by file")
def upload(request: Request, identity: Reader, job_id: Annotated[LineText, Path()]) -> UploadStatus:
    return status_of(_job(request, job_id))


@api.post("/uploads", status_code=202, summary="Upload documents to ingest")
async def upload_files(
    request: Request,
    identity: Writer,
    files: Files,
    published: Published = None,
    outlet: Outlet = None,
    auto_accept: AutoAccept = False,
) -> UploadStatus:
    return status_of(await _submit(request, identity, files, published, outlet, auto_accept))


@forms.post("/uploads")
async def upload_form(
    request: Request,
    identity: Writer,
    files: Files,
    published: Published = None,
    outlet: Outlet = None,
    auto_accept: AutoAccept = False,
) -> RedirectResponse:
    job = await _submit(request, identity, files, published, outlet, auto_accept)
    return RedirectResponse(f"/uploads/{job.id}", status_code=303)


class AddressesRequest(BaseModel):
    """Web addresses to fetch and ingest, with metadata for every page."""

    addresses: list[Annotated[str, NoNul, Field(max_length=2000)]] = Field(
        min_length=1, max_length=MAX_ADDRESSES
    )
    published: Annotated[dt.date | None, Blank] = None
    outlet: Annotated[LineText | None, Blank] = None
    auto_accept: bool = False


def _submit_addresses(request: Request, identity: Writer, body: AddressesRequest) -> UploadJob:
    require(identity, "upload")
    if body.auto_accept and not allowed(identity.account, "review"):
        raise Forbidden("only an admin accepts items without review")
    policy = AddressPolicy(allow_private=settings_of(request).allow_private_addresses)
    addresses = screened(body.addresses, policy)
    overrides = MetadataOverrides(published=body.published, outlet=body.outlet or None)
    return uploads_of(request).submit_work(
        identity.account.username, "addresses", addresses, overrides, auto_accept=body.auto_accept
    )


@api.post(
    "/uploads/addresses",
    status_code=202,
    summary="Fetch and ingest web addresses (public ones, unless the server allows private)",
)
def upload_addresses(request: Request, identity: Writer, body: AddressesRequest) -> UploadStatus:
    return status_of(_submit_addresses(request, identity, body))


@forms.post("/uploads/addresses")
def upload_addresses_form(
    request: Request,
    identity: Writer,
    addresses: Annotated[str, Form(description="One address per line.")],
    published: Published = None,
    outlet: Outlet = None,
    auto_accept: AutoAccept = False,
) -> RedirectResponse:
    body = AddressesRequest(
        addresses=addresses.splitlines()[: MAX_ADDRESSES + 1] or [""],
        published=published,
        outlet=outlet,
        auto_accept=auto_accept,
    )
    job = _submit_addresses(request, identity, body)
    return RedirectResponse(f"/uploads/{job.id}", status_code=303)
