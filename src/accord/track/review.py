"""Review: drafts in, accepted, corrected or rejected items out, each decision audited.

Corrections are checked against the record's vocabulary here (strengths,
sectors, due-date forms, agreement kinds) so that the store only ever holds
values the rest of Accord understands.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import get_args

from accord.core.records import PARTIAL_DATE_PATTERN, SECTORS, STRENGTHS, AgreementKind
from accord.errors import TrackError
from accord.store.database import Database
from accord.store.followups import document_ids
from accord.store.review_queue import (
    Correction,
    OrganisationRef,
    ReviewAction,
    ReviewItem,
    ReviewKind,
    accept_drafts,
    review_item,
)

AGREEMENT_KINDS: tuple[str, ...] = get_args(AgreementKind)
AGREEMENT_STATUSES = ("signed", "planned")
_SIDE = re.compile(r"^(?P<name>.+?)\s*@\s*(?P<side>[A-Za-z]{3})$")


def organisation_ref(text: str) -> OrganisationRef:
    """``"KTZ"`` or ``"Kazakhstan Temir Zholy@KAZ"`` (the side as an ISO3 code)."""
    match = _SIDE.match(text.strip())
    if match:
        return OrganisationRef(match["name"].strip(), match["side"].upper())
    if not text.strip():
        raise TrackError("an organisation name is empty")
    return OrganisationRef(text.strip())


def _check(value: str | None, option: str, allowed: Sequence[str]) -> None:
    if value is not None and value not in allowed:
        raise TrackError(f"{option}: expected one of {', '.join(allowed)}, got {value!r}")


def check_correction(kind: ReviewKind, correction: Correction) -> None:
    """A TrackError naming the first value the record cannot hold, or the fields that do not apply."""
    if correction.is_empty():
        raise TrackError("nothing to correct: give at least one field to change")
    _check(correction.strength, "--strength", STRENGTHS)
    for sector in correction.sectors:
        _check(sector, "--sector", SECTORS)
    if correction.due is not None and not re.match(PARTIAL_DATE_PATTERN, correction.due):
        raise TrackError(f"--due: expected YYYY, YYYY-MM or YYYY-MM-DD, got {correction.due!r}")
    if correction.text is not None and not correction.text.strip():
        raise TrackError("--text: the corrected text is empty")
    if kind == "agreement":
        _check(correction.kind, "--agreement-kind", AGREEMENT_KINDS)
        _check(correction.status, "--agreement-status", AGREEMENT_STATUSES)
        given = [
            name
            for name, value in (
                ("--strength", correction.strength),
                ("--due", correction.due or correction.clear_due or None),
                ("--actor", correction.actors),
                ("--owner", correction.owners),
            )
            if value
        ]
        if given:
            raise TrackError(f"{', '.join(given)}: not fields of an agreement")
    elif correction.kind or correction.status or correction.subject:
        raise TrackError("--agreement-kind, --agreement-status, --subject: only for agreements")


def decide(
    database: Database,
    kind: ReviewKind,
    item_ids: Sequence[int],
    action: ReviewAction,
    actor: str,
    correction: Correction | None = None,
) -> list[ReviewItem]:
    """Accept, reject or correct items (each in its own transaction, with its audit row)."""
    correction = correction or Correction()
    if action == "correct":
        check_correction(kind, correction)
    elif not correction.is_empty():
        raise TrackError(f"{action} takes no corrections; use 'accord review correct'")
    return [review_item(database, kind, item_id, action, actor, correction) for item_id in item_ids]


def auto_accept(database: Database, document_keys: Sequence[str], actor: str) -> int:
    """Accept every draft the documents back, as an analyst wanting the raw extraction does."""
    ids = document_ids(database, document_keys)
    return accept_drafts(database, ids, actor) if ids else 0
