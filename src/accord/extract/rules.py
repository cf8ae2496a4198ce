"""accord.rules.v1: the rule-based extractor over one spaCy parse per document."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from spacy.tokens import Doc

from accord.core.documents import SourceDocument
from accord.core.records import (
    Agreement,
    Commitment,
    DocumentInfo,
    Extraction,
    ExtractorInfo,
    Meeting,
)
from accord.extract.agreement_mentions import merge_mentions, name_session_documents
from accord.extract.agreement_parties import assign_signatories
from accord.extract.agreements import find_agreements
from accord.extract.co_chairs import find_co_chairs
from accord.extract.commitments import find_commitment
from accord.extract.gazetteer import Gazetteer, load_gazetteer
from accord.extract.meeting import find_meeting, meeting_evidence
from accord.extract.next_meeting import find_next_meeting, next_from_preview
from accord.extract.nlp import load_nlp, parse_text
from accord.extract.organisations import OrganisationFinder
from accord.extract.places import PlaceFinder
from accord.extract.sentences import Sentence, split_sentences
from accord.extract.signatories import SignatoryFinder, SigningContext, government

NAME = "accord.rules.v1"
VERSION = "1.0.0"
# Lines that are publication furniture, never content.
_FURNITURE = re.compile(
    r"^(?:Published in|Copyright|©|All rights reserved|Source:|Read more|Also read|Share this)",
    re.I,
)


_NAMED_MEETING = re.compile(r"\b(?:session|commission|committee|council|IGC|JCC|JEC|JMC)\b", re.I)
_CHAIRS_SIGN = re.compile(
    r"\b(?:co-?chairs?|co-?chairm[ae]n|co-?chairpersons?|(?:the )?(?:two )?(?:ministers|presidents|"
    r"leaders|heads of (?:state|government)))\b[^.;]{0,60}\bsigned\b",
    re.IGNORECASE,
)


def signed_by_co_chairs(agreement: Agreement, meeting: Meeting, gazetteer: Gazetteer) -> Agreement:
    """A session's protocol or minutes, or a leaders' declaration, is signed by the co-chairs.

    When the text names no other signatories, the co-chairs' governments are the parties.
    """
    if agreement.parties or agreement.status != "signed" or len(meeting.co_chairs) != 2:
        return agreement
    about_session = bool(
        re.search(r"\b(?:session|meeting|sitting|commission)\b", agreement.subject or "", re.I)
    )
    if not (
        _CHAIRS_SIGN.search(agreement.evidence.text)
        or (agreement.kind in {"protocol", "other"} and about_session)
        or agreement.kind == "declaration"
    ):
        return agreement
    countries = [c.country for c in meeting.co_chairs if c.country] or meeting.commission.parties
    parties = [p for c in dict.fromkeys(countries) if (p := government(c, gazetteer))]
    return agreement.model_copy(update={"parties": parties})


class RulesExtractor:
    """Rules and gazetteers over spaCy: grounded records without a trained extractor."""

    name = NAME
    version = VERSION

    def __init__(self, gazetteer_files: Sequence[Path] = ()) -> None:
        self.gazetteer = load_gazetteer(gazetteer_files)
        self.places = PlaceFinder(self.gazetteer)
        self.orgs = OrganisationFinder(self.gazetteer, self.places)
        self.nlp = load_nlp()

    def extract(self, document: SourceDocument) -> Extraction:
        return next(self.extract_many([document]))

    def extract_many(
        self, documents: Iterable[SourceDocument], batch_size: int = 16
    ) -> Iterator[Extraction]:
        """Extractions in input order; spaCy parses the texts in batches."""
        pairs = ((parse_text(d.text), d) for d in documents)
        for doc, document in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield self.apply(document, doc)

    def apply(self, document: SourceDocument, doc: Doc) -> Extraction:
        """The rules over an already parsed document."""
        text = document.text
        published = document.published
        sentences = [s for s in split_sentences(doc, text) if not _FURNITURE.match(s.text)]
        _, next_index = find_next_meeting(sentences, self.gazetteer, self.places, published, None)
        skip = {next_index} if next_index is not None else set()
        facts = find_meeting(sentences, text, self.gazetteer, self.places, published, skip)
        ordinal = facts.ordinal if facts and not facts.preview else None
        next_meeting, next_index = find_next_meeting(
            sentences, self.gazetteer, self.places, published, ordinal
        )
        skip = {next_index} if next_index is not None else set()
        if facts is not None and facts.preview:
            # A preview reports no meeting: the one it announces is the next meeting.
            next_meeting = next_from_preview(facts, next_meeting)
            facts = None

        meeting = None
        if facts is not None:
            chairs, _ = find_co_chairs(
                sentences, text, self.places, facts.commission.parties, facts.kind, self.gazetteer
            )
            meeting = Meeting(
                kind=facts.kind,
                commission=facts.commission,
                ordinal=facts.ordinal,
                start=facts.start,
                end=facts.end,
                venue=facts.venue,
                co_chairs=chairs,
                evidence=meeting_evidence(facts),
            )
        agreements, signing = find_agreements(sentences, text, self.gazetteer, self.orgs, skip)
        if meeting is None:
            # Signed documents belong to a meeting; without one they are history.
            agreements = [a for a in agreements if a.status == "planned"]
            # Without a meeting, "the two sides will meet again" may be about anything.
            if next_meeting is not None and not _NAMED_MEETING.search(next_meeting.evidence.text):
                next_meeting = None
        else:
            # Built per document, so that a swapped gazetteer is the one read.
            signatories = SignatoryFinder(self.gazetteer, self.places, self.orgs)
            context = SigningContext(
                countries=tuple(meeting.commission.parties),
                co_chairs=tuple((c.name, c.country) for c in meeting.co_chairs),
                ministries=signatories.ministries(sentences),
            )
            agreements = assign_signatories(agreements, sentences, signatories, context)
            agreements = [signed_by_co_chairs(a, meeting, self.gazetteer) for a in agreements]
        agreements = merge_mentions(agreements, self.gazetteer.agreements)
        if meeting is not None:
            agreements = name_session_documents(
                agreements, meeting.ordinal, text, self.gazetteer.agreements
            )
        commitments: list[Commitment] = []
        # Commitments are between countries: a text about one country's affairs has none.
        bilateral = len(set(self.places.countries_in(text))) >= 2
        if meeting is not None or agreements or next_meeting is not None or bilateral:
            commitments = self._commitments(sentences, text, published, signing)
        return Extraction(
            document=DocumentInfo(
                id=document.id,
                title=document.title,
                outlet=document.outlet,
                url=document.url,
                published=published,
                language=document.language,
                text_sha256=document.sha256,
            ),
            meeting=meeting,
            agreements=agreements,
            commitments=commitments,
            next_meeting=next_meeting,
            extractor=ExtractorInfo(name=self.name, version=self.version),
        )

    def _commitments(
        self,
        sentences: list[Sentence],
        text: str,
        published: dt.date | None,
        signing: set[int],
    ) -> list[Commitment]:
        found: list[Commitment] = []
        for sentence in sentences:
            orgs = self.orgs.find(sentence.text, sentence.start)
            commitment = find_commitment(
                sentence,
                text,
                self.gazetteer,
                orgs,
                published,
                len(found) + 1,
                reports_signing=sentence.index in signing,
            )
            if commitment is not None:
                found.append(commitment)
        return found
