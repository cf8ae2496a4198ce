"""Changes people make from the web: each checks permission, then calls the use case in track.

The same request models are read from a JSON body (API) or a form (pages),
so a script and a browser are held to the same rules.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, Field

from accord.core.records import Sector, Strength
from accord.errors import NotFoundError
from accord.store.commitments import commitment_detail
from accord.store.database import Database
from accord.store.followups import SuggestionRow, list_suggestions
from accord.store.notes import NoteRow, add_note
from accord.store.review_queue import ReviewItem, ReviewKind
from accord.store.scopes import item_scope
from accord.store.statuses import StatusRow
from accord.track.followup_suggestions import confirm, dismiss
from accord.track.review import Correction, decide, organisation_ref
from accord.track.status import set_status
from accord.web.auth import Identity, require
from accord.web.inputs import (
    IdField,
    LineText,
    NameList,
    NameText,
    NoteText,
    PastDate,
    ReviewText,
)
from accord.web.params import AgreementStatus, Status


def _blank(value: object) -> object:
    return None if isinstance(value, str) and not value.strip() else value


def _lines(value: object) -> object:
    """A textarea (one name per line) or a list of names, as a list without empty entries."""
    values = value if isinstance(value, list) else [value]
    return [
        line.strip()
        for item in values
        if isinstance(item, str)
        for line in item.splitlines()
        if line.strip()
    ]


Blank = BeforeValidator(_blank)
Lines = BeforeValidator(_lines)


class ReviewRequest(BaseModel):
    """Accept, reject, or correct (and so accept) an extracted item."""

    action: Literal["accept", "reject", "correct"]
    text: Annotated[ReviewText | None, Blank] = None
    strength: Annotated[Strength | None, Blank] = None
    due: Annotated[NameText | None, Blank, Field(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None
    clear_due: bool = False
    sectors: list[Sector] = []
    actors: Annotated[NameList, Lines] = Field(
        default=[], description="Acting organisations; 'Name@ISO3' gives the side."
    )
    owners: Annotated[NameList, Lines] = Field(
        default=[], description="Owning agencies; 'Name@ISO3' gives the side."
    )
    subject: Annotated[LineText | None, Blank] = None
    kind: Annotated[NameText | None, Blank] = None
    status: Annotated[AgreementStatus | None, Blank] = None

    def correction(self) -> Correction:
        return Correction(
            text=self.text,
            strength=self.strength,
            due=self.due,
            clear_due=self.clear_due,
            sectors=tuple(self.sectors),
            actors=tuple(organisation_ref(a) for a in self.actors),
            owners=tuple(organisation_ref(o) for o in self.owners),
            subject=self.subject,
            kind=self.kind,
            status=self.status,
        )


class StatusRequest(BaseModel):
    """A status update: the new status, as of when, why, and on what evidence."""

    status: Status | Literal["withdrawn"] = Field(
        description="The new status, or 'withdrawn' to withdraw the update named by 'replaces'."
    )
    as_of: Annotated[PastDate | None, Blank] = None
    replaces: Annotated[IdField | None, Blank] = Field(
        default=None, description="A mistaken status update (its id) this one corrects."
    )
    note: Annotated[NoteText | None, Blank] = None
    evidence: Annotated[
        LineText | None,
        Blank,
        Field(description="A URL, or a document span DOC:START-END (DOC: id or doc-… key)."),
    ] = None


class DecisionRequest(BaseModel):
    """Confirming or dismissing a follow-up suggestion (a confirmed one may set another status)."""

    status: Annotated[Status | None, Blank] = None
    note: Annotated[NoteText | None, Blank] = None


class NoteRequest(BaseModel):
    subject: Literal["session", "agreement", "commitment"]
    subject_id: IdField
    text: NoteText = Field(min_length=1)
    internal: bool = False


def review(
    database: Database, identity: Identity, kind: ReviewKind, item_id: int, request: ReviewRequest
) -> ReviewItem:
    require(identity, "review", item_scope(database, kind, item_id))
    correction = Correction()
    if request.action == "correct":
        # A form sends the text back as it was shown: unchanged text is no correction.
        if kind == "commitment" and request.text is not None:
            current = commitment_detail(database, item_id).commitment.text
            if request.text.strip() == current.strip():
                request = request.model_copy(update={"text": None})
        correction = request.correction()
    author = identity.account.username
    return decide(database, kind, [item_id], request.action, author, correction)[0]


def update_status(
    database: Database, identity: Identity, commitment_id: int, request: StatusRequest
) -> StatusRow:
    require(identity, "set_status", item_scope(database, "commitment", commitment_id))
    return set_status(
        database,
        commitment_id,
        request.status,
        identity.account.username,
        note=request.note,
        evidence=request.evidence,
        as_of=request.as_of,
        replaces=request.replaces,
    )


def suggestion(database: Database, suggestion_id: int) -> SuggestionRow:
    rows = list_suggestions(database, state=None, suggestion_id=suggestion_id)
    if not rows:
        raise NotFoundError.record("follow-up suggestion", suggestion_id)
    return rows[0]


def decide_followup(
    database: Database,
    identity: Identity,
    suggestion_id: int,
    decision: Literal["confirm", "dismiss"],
    request: DecisionRequest,
) -> SuggestionRow:
    found = suggestion(database, suggestion_id)
    require(identity, "decide_followup", item_scope(database, "commitment", found.commitment_id))
    author = identity.account.username
    if decision == "confirm":
        return confirm(database, suggestion_id, author, request.status, request.note)
    return dismiss(database, suggestion_id, author, request.note)


def note(database: Database, identity: Identity, request: NoteRequest) -> NoteRow:
    require(identity, "note", item_scope(database, request.subject, request.subject_id))
    return add_note(
        database,
        identity.account,
        request.subject,
        request.subject_id,
        request.text,
        request.internal,
    )
