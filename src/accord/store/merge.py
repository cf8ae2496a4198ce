"""Merging one document's findings into its session's record.

An item another report already gave (same agreement, same commitment in
other words) gets one more evidence row instead of a duplicate. Fields are
written only where the extractor owns them: never a field a person edited,
never anything of a rejected item, and only by the document that first
reported the item (or by its re-extraction); other reports fill gaps.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from sqlalchemy import Select, delete, select
from sqlalchemy.orm import Session

from accord.core import records
from accord.core.similarity import AgreementKey, CommitmentKey, same_agreement, same_commitment
from accord.errors import StoreError
from accord.store.models import (
    Agreement,
    AgreementParty,
    Commitment,
    CommitmentActor,
    CommitmentSector,
    Document,
    Evidence,
    ExtractionRun,
    MeetingSession,
    NextMeeting,
    Post,
    utc_now,
)
from accord.store.resolve import Resolver

Linked = TypeVar("Linked", int, str)
Item = TypeVar("Item", Agreement, Commitment, NextMeeting)
Key = TypeVar("Key", AgreementKey, CommitmentKey)


class ReviewedRow(Protocol):
    """What every mergeable row has: the fields a person edited and the owning document."""

    edited_fields: list[str]
    owner_document_id: int | None


def may_overwrite(row: ReviewedRow, document_id: int) -> bool:
    """Whether ``document_id``'s extraction owns the row's extractor fields."""
    rejected = getattr(row, "review_state", "draft") == "rejected"
    return not rejected and row.owner_document_id in (None, document_id)


def assign(row: ReviewedRow, values: dict[str, object], *, only_missing: bool = False) -> bool:
    """Set the fields a person has not edited (only empty ones with ``only_missing``)."""
    changed = False
    edited = set(row.edited_fields or [])
    for name, value in values.items():
        current = getattr(row, name)
        if name in edited or current == value or (only_missing and current not in (None, [])):
            continue
        setattr(row, name, value)
        changed = True
    return changed


def _unique_ids(ids: Sequence[int]) -> list[int]:
    return list(dict.fromkeys(ids))


@dataclass
class RecordMerger:
    """Writes one document's agreements, commitments, co-chairs and next meeting."""

    session: Session
    resolver: Resolver
    document: Document
    run: ExtractionRun
    meeting_session: MeetingSession
    # Where this document's previous extraction found each commitment: (start, end) -> id.
    previous_spans: Mapping[tuple[int, int], int] = field(default_factory=dict)
    pending: list[Evidence] = field(default_factory=list)

    def evidence(self, span: records.Evidence | records.Commitment, **subject: int) -> None:
        """An evidence row, after checking that the span is verbatim document text."""
        if self.document.text[span.start : span.end] != span.text:
            raise StoreError(
                f"evidence at {span.start}:{span.end} does not match the document text "
                f"({span.text[:50]!r})"
            )
        item_key = span.id if isinstance(span, records.Commitment) else None
        self.pending.append(
            Evidence(
                document_id=self.document.id,
                extraction_run_id=self.run.id,
                item_key=item_key,
                text=span.text,
                span_start=span.start,
                span_end=span.end,
                **subject,
            )
        )

    def write_evidence(self) -> None:
        """Insert the evidence rows gathered so far, in one go."""
        self.session.add_all(self.pending)
        self.pending = []

    def meeting_evidence(self, spans: Sequence[records.Evidence]) -> None:
        for span in spans:
            self.evidence(span, session_id=self.meeting_session.id)

    def co_chairs(self, chairs: Sequence[records.CoChair]) -> None:
        for chair in chairs:
            person = self.resolver.person(chair.name, chair.country)
            post = self.session.scalar(
                select(Post).where(
                    Post.person_id == person.id,
                    Post.session_id == self.meeting_session.id,
                    Post.role == "co_chair",
                )
            )
            if post is None:
                post = Post(
                    person_id=person.id, session_id=self.meeting_session.id, role="co_chair"
                )
                self.session.add(post)
            post.title = post.title or chair.post
            post.country = post.country or chair.country
            self.session.flush()
            self.evidence(chair.evidence, post_id=post.id)

    def agreements(self, items: Sequence[records.Agreement]) -> None:
        existing = list(
            self.session.scalars(
                select(Agreement)
                .where(Agreement.session_id == self.meeting_session.id)
                .order_by(Agreement.id)
            )
        )
        parties = _grouped(
            self.session,
            select(AgreementParty.agreement_id, AgreementParty.organisation_id)
            .where(AgreementParty.agreement_id.in_([row.id for row in existing]))
            .order_by(AgreementParty.agreement_id, AgreementParty.position),
        )
        keys = {
            id(r): AgreementKey.of(r.kind, r.status, parties.get(r.id, []), r.subject)
            for r in existing
        }
        # (item, row, parties after the merge); a row matches one item of a document at most
        matched: list[tuple[records.Agreement, Agreement, list[int]]] = []
        claimed: set[int] = set()
        with self.session.no_autoflush:
            for item in items:
                orgs = _unique_ids(
                    [self.resolver.organisation(p.name, p.acronym, p.country) for p in item.parties]
                )
                key = AgreementKey.of(item.kind, item.status, orgs, item.subject)
                row = _first_unclaimed(existing, claimed, keys, key, same_agreement)
                values: dict[str, object] = {
                    "kind": item.kind,
                    "status": item.status,
                    "subject": item.subject,
                    "sectors": list(item.sectors),
                    "confidence": item.confidence,
                    "cue": item.cue,
                }
                if row is None:
                    row = self._new(Agreement, values)
                    matched.append((item, row, orgs))
                else:
                    current = parties.get(row.id, [])
                    matched.append((item, row, self._update(row, values, orgs, current, "parties")))
                claimed.add(id(row))
        self.session.flush()
        for item, row, merged in matched:
            if merged != parties.get(row.id):
                self._replace_links(
                    AgreementParty, "agreement_id", row.id, merged, row.id in parties
                )
                parties[row.id] = merged
            self.evidence(item.evidence, agreement_id=row.id)

    def commitments(self, items: Sequence[records.Commitment]) -> None:
        existing = list(
            self.session.scalars(
                select(Commitment)
                .where(Commitment.session_id == self.meeting_session.id)
                .order_by(Commitment.id)
            )
        )
        ids = [row.id for row in existing]
        sectors = _grouped(
            self.session,
            select(CommitmentSector.commitment_id, CommitmentSector.sector)
            .where(CommitmentSector.commitment_id.in_(ids))
            .order_by(CommitmentSector.commitment_id, CommitmentSector.position),
        )
        actors = _grouped(
            self.session,
            select(CommitmentActor.commitment_id, CommitmentActor.organisation_id)
            .where(CommitmentActor.commitment_id.in_(ids))
            .order_by(CommitmentActor.commitment_id, CommitmentActor.position),
        )
        keys = {id(r): CommitmentKey.of(r.text, sectors.get(r.id, []), r.topics) for r in existing}
        # (item, row, actors after the merge, sectors after the merge)
        matched: list[tuple[records.Commitment, Commitment, list[int], list[str]]] = []
        claimed: set[int] = set()
        with self.session.no_autoflush:
            for item in items:
                found_sectors = [str(sector) for sector in item.sectors]
                key = CommitmentKey.of(item.text, found_sectors, item.topics)
                row = _first_unclaimed(
                    existing, claimed, keys, key, same_commitment
                ) or self._found_here_before(existing, claimed, item)
                orgs = _unique_ids(
                    [self.resolver.organisation(a.name, None, a.country) for a in item.actors]
                )
                values: dict[str, object] = {
                    "text": item.text,
                    "strength": item.strength,
                    "topics": list(item.topics),
                    "due": item.due,
                    "confidence": item.confidence,
                    "cue": item.cue,
                }
                if row is None:
                    row = self._new(Commitment, {**values, "status": "no_evidence"})
                    merged_actors, merged_sectors = orgs, found_sectors
                else:
                    current = actors.get(row.id, [])
                    merged_actors = self._update(row, values, orgs, current, "actors")
                    owned = may_overwrite(row, self.document.id)
                    keep = not owned or "sectors" in row.edited_fields
                    merged_sectors = sectors.get(row.id, []) if keep else found_sectors
                matched.append((item, row, merged_actors, merged_sectors))
                claimed.add(id(row))
        self.session.flush()
        for item, row, merged_actors, merged_sectors in matched:
            if merged_actors != actors.get(row.id):
                had = row.id in actors
                self._replace_links(CommitmentActor, "commitment_id", row.id, merged_actors, had)
            if merged_sectors != sectors.get(row.id):
                self._replace_sectors(row.id, merged_sectors, row.id in sectors)
            self.evidence(item, commitment_id=row.id)

    def _found_here_before(
        self, rows: Sequence[Commitment], claimed: set[int], item: records.Commitment
    ) -> Commitment | None:
        """The row this document's previous extraction found at the same span.

        Its text no longer looks the same when a person rewrote it; its place does.
        """
        previous = self.previous_spans.get((item.start, item.end))
        return next((r for r in rows if r.id == previous and id(r) not in claimed), None)

    def next_meeting(self, item: records.NextMeeting) -> None:
        values: dict[str, object] = {
            "ordinal": item.ordinal,
            "city": item.city,
            "country": item.country,
            "planned_for": item.when,
        }
        row = self.session.scalar(
            select(NextMeeting).where(NextMeeting.session_id == self.meeting_session.id)
        )
        if row is None:
            row = self._new(NextMeeting, values)
            self.session.flush()
        else:
            self._update(row, values, [], [], "")
        self.evidence(item.evidence, next_meeting_id=row.id)

    def _new(self, model: type[Item], values: dict[str, object]) -> Item:
        """A new draft row of this session, owned by this document."""
        row = model(
            session_id=self.meeting_session.id,
            edited_fields=[],
            owner_document_id=self.document.id,
            **values,
        )
        if isinstance(row, Agreement | Commitment):
            row.review_state = "draft"
        self.session.add(row)
        return row

    def _replace_sectors(self, commitment_id: int, sectors: list[str], had_sectors: bool) -> None:
        if had_sectors:
            self.session.execute(
                delete(CommitmentSector).where(CommitmentSector.commitment_id == commitment_id)
            )
        self.session.add_all(
            CommitmentSector(commitment_id=commitment_id, sector=s, position=i)
            for i, s in enumerate(dict.fromkeys(sectors))
        )

    def _update(
        self,
        row: Agreement | Commitment | NextMeeting,
        values: dict[str, object],
        found: list[int],
        current: list[int],
        links: str,
    ) -> list[int]:
        """Update a matched row's own fields; return its linked organisations after the merge."""
        owned = may_overwrite(row, self.document.id)
        changed = assign(row, values, only_missing=not owned)
        if owned and row.owner_document_id is None:
            row.owner_document_id = self.document.id
        if changed:
            row.updated_at = utc_now()
        if links in row.edited_fields or getattr(row, "review_state", "draft") == "rejected":
            return current
        return found if owned else _unique_ids([*current, *found])

    def _replace_links(
        self,
        model: type[AgreementParty] | type[CommitmentActor],
        column: str,
        row_id: int,
        organisation_ids: list[int],
        had_links: bool,
    ) -> None:
        if had_links:
            self.session.execute(delete(model).where(getattr(model, column) == row_id))
        self.session.add_all(
            model(**{column: row_id, "organisation_id": org, "position": i})
            for i, org in enumerate(organisation_ids)
        )


def _first_unclaimed(
    rows: Sequence[Item],
    claimed: set[int],
    keys: Mapping[int, Key],
    key: Key,
    same: Callable[[Key, Key], bool],
) -> Item | None:
    """The first row whose key is the same as ``key``, not matched already by this document."""
    return next((r for r in rows if id(r) not in claimed and same(key, keys[id(r)])), None)


def _grouped(session: Session, query: Select[int, Linked]) -> dict[int, list[Linked]]:
    """Rows of (owner id, value) as each owner's list of values, in query order."""
    found: dict[int, list[Linked]] = {}
    for owner, value in session.execute(query):
        found.setdefault(owner, []).append(value)
    return found
