"""Finding the row a reported name or meeting already has, or making it.

The rules (what counts as one organisation, commission, person) live in
``accord.core.names``; this module looks up candidates in the database,
applies the rules, and records every name seen as an alias.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from accord.core.names import (
    ORGANISATION_FUZZY_MIN,
    OrganisationName,
    commission_names_differ,
    countries_compatible,
    expand_abbreviations,
    normalise,
    organisation_lookup_keys,
    parse_organisation,
    person_key,
    same_organisation,
    same_person,
)
from accord.core.records import Meeting
from accord.store.database import FRESH_ORGANISATIONS_KEY, KNOWN_ORGANISATIONS_KEY
from accord.store.models import (
    Commission,
    CommissionAlias,
    MeetingSession,
    Organisation,
    OrganisationAlias,
    Person,
    utc_now,
)
from accord.store.names import NameVocabulary, names_of

COMMISSION_KINDS = frozenset({"commission_session", "working_group"})


def parties_key(parties: Sequence[str]) -> str:
    """A party set as stored: sorted ISO3 codes joined by commas ("PAK,RUS")."""
    return ",".join(sorted(set(parties)))


def _as_name(row: Organisation) -> OrganisationName:
    return OrganisationName(name=row.name, key=row.key, acronym=row.acronym, country=row.country)


OrganisationKey = tuple[str, str | None, str | None]


@dataclass
class Resolver:
    """Resolution within one write transaction.

    ``known`` maps names already resolved in committed transactions to their
    organisation; ``fresh`` collects this transaction's, to be added to
    ``known`` once it commits (a rolled-back id must never be remembered).
    """

    session: Session
    vocabulary: NameVocabulary
    known: Mapping[OrganisationKey, int] = field(default_factory=dict)
    fresh: dict[OrganisationKey, int] = field(default_factory=dict)

    @classmethod
    def within(cls, session: Session) -> Resolver:
        """Resolution in a write session of a database: its names, what it resolved before."""
        return cls(
            session,
            names_of(session),
            session.info[KNOWN_ORGANISATIONS_KEY],
            session.info[FRESH_ORGANISATIONS_KEY],
        )

    def organisation(self, name: str, acronym: str | None, country: str | None) -> int:
        """The id of the organisation a party or actor name denotes, created when none matches."""
        key = (name, acronym, country)
        remembered = self.fresh.get(key) or self.known.get(key)
        if remembered is not None:
            return remembered
        row = self._resolve_organisation(name, acronym, country)
        self.fresh[key] = row.id
        return row.id

    def _resolve_organisation(
        self, name: str, acronym: str | None, country: str | None
    ) -> Organisation:
        parsed = parse_organisation(name, acronym, country, self.vocabulary.countries)
        known = self.vocabulary.organisations.get(parsed.key)
        if known is not None and countries_compatible(known.country, parsed.country):
            parsed = known
        row = self._find_organisation(parsed)
        if row is None:
            row = Organisation(
                name=parsed.name, key=parsed.key, acronym=parsed.acronym, country=parsed.country
            )
            self.session.add(row)
            self.session.flush()
        else:
            self._improve_organisation(row, parsed)
        self._add_organisation_aliases(row, name, parsed)
        self.session.flush()
        return row

    def _find_organisation(self, parsed: OrganisationName) -> Organisation | None:
        keys = organisation_lookup_keys(parsed)
        candidates = self.session.scalars(
            select(Organisation)
            .join(OrganisationAlias, OrganisationAlias.organisation_id == Organisation.id)
            .where(OrganisationAlias.key.in_(keys))
            .distinct()
            .order_by(Organisation.id)
        ).all()
        matching = [row for row in candidates if same_organisation(parsed, _as_name(row))]
        if matching:
            return min(matching, key=lambda row: (row.country != parsed.country, row.id))
        if parsed.country is None or parsed.is_acronym_only:
            return None
        same_country = self.session.execute(
            select(Organisation.id, Organisation.key).where(Organisation.country == parsed.country)
        ).all()
        best = process.extractOne(
            parsed.key,
            {row_id: key for row_id, key in same_country},
            scorer=fuzz.ratio,
            score_cutoff=ORGANISATION_FUZZY_MIN,
        )
        return self.session.get(Organisation, best[2]) if best else None

    def _improve_organisation(self, row: Organisation, parsed: OrganisationName) -> None:
        if _as_name(row).is_acronym_only and not parsed.is_acronym_only:
            row.name, row.key = parsed.name, parsed.key
        row.acronym = row.acronym or parsed.acronym
        row.country = row.country or parsed.country

    def _add_organisation_aliases(
        self, row: Organisation, seen: str, parsed: OrganisationName
    ) -> None:
        present = set(
            self.session.scalars(
                select(OrganisationAlias.key).where(OrganisationAlias.organisation_id == row.id)
            )
        )
        for key in sorted(organisation_lookup_keys(parsed) | {normalise(seen)}):
            if key and key not in present:
                self.session.add(OrganisationAlias(organisation_id=row.id, name=seen, key=key))
                present.add(key)

    def commission(self, meeting: Meeting) -> Commission | None:
        """The commission a meeting belongs to; None for a meeting of no standing body."""
        name = meeting.commission.name
        if meeting.kind not in COMMISSION_KINDS and not name:
            return None
        parties = list(meeting.commission.parties)
        if not parties and name:
            expanded = expand_abbreviations(name, self.vocabulary.abbreviations)
            parties = self.vocabulary.countries.countries_in(expanded)
        if not parties and not name:
            return None
        key = parties_key(parties)
        query = select(Commission).order_by(Commission.id)
        if parties:
            query = query.where(Commission.parties == key)
        else:
            query = query.join(CommissionAlias).where(CommissionAlias.key == normalise(name or ""))
        for row in self.session.scalars(query).unique():
            if self._commission_names_agree(row, name):
                if name:
                    self._add_commission_name(row, name)
                return row
        row = Commission(name=name, parties=key)
        self.session.add(row)
        self.session.flush()
        if name:
            self._add_commission_name(row, name)
        return row

    def _commission_names_agree(self, row: Commission, name: str | None) -> bool:
        if not name or not row.name:
            return True
        aliases = self.session.scalars(
            select(CommissionAlias.name).where(CommissionAlias.commission_id == row.id)
        ).all()
        words = self.vocabulary.countries, self.vocabulary.abbreviations
        return any(
            not commission_names_differ(name, seen, *words) for seen in aliases or [row.name]
        )

    def _add_commission_name(self, row: Commission, name: str) -> None:
        key = normalise(name)
        exists = self.session.scalar(
            select(CommissionAlias.id).where(
                CommissionAlias.commission_id == row.id, CommissionAlias.key == key
            )
        )
        if exists is None:
            self.session.add(CommissionAlias(commission_id=row.id, name=name, key=key))
        # The fullest name reads best in listings ("...Commission on Trade..." over "IGC").
        if not row.name or len(name) > len(row.name):
            row.name = name

    def meeting_session(self, meeting: Meeting, commission: Commission | None) -> MeetingSession:
        """The session a reported meeting is: by commission and ordinal, or parties and dates."""
        key = commission.parties if commission else parties_key(meeting.commission.parties)
        found = self._session_by_ordinal(meeting, commission, key) or self._session_by_dates(
            meeting, commission, key
        )
        if found is None:
            found = MeetingSession(
                commission_id=commission.id if commission else None,
                kind=meeting.kind,
                parties=key,
                edited_fields=[],
            )
            self.session.add(found)
        self._fill_session(found, meeting, commission)
        self.session.flush()
        return found

    def _session_by_ordinal(
        self, meeting: Meeting, commission: Commission | None, key: str
    ) -> MeetingSession | None:
        """The session with this ordinal: of the commission, or of the parties and kind."""
        if meeting.ordinal is None:
            return None
        query = select(MeetingSession).where(MeetingSession.ordinal == meeting.ordinal)
        if commission is not None:
            query = query.where(MeetingSession.commission_id == commission.id)
        elif key:
            query = query.where(
                MeetingSession.commission_id.is_(None),
                MeetingSession.parties == key,
                MeetingSession.kind == meeting.kind,
            )
        else:
            return None
        rows = self.session.scalars(query.order_by(MeetingSession.id)).all()
        working_group = meeting.kind == "working_group"
        return next((r for r in rows if (r.kind == "working_group") == working_group), None)

    def _session_by_dates(
        self, meeting: Meeting, commission: Commission | None, key: str
    ) -> MeetingSession | None:
        first, last = meeting.start or meeting.end, meeting.end or meeting.start
        if first is None or last is None or not key:
            return None
        rows = self.session.scalars(
            select(MeetingSession)
            .where(
                MeetingSession.parties == key,
                or_(MeetingSession.start_date <= last, MeetingSession.end_date <= last),
            )
            .order_by(MeetingSession.id)
        ).all()
        for row in rows:
            row_first = row.start_date or row.end_date
            if row_first is None or not overlaps(row_first, row.end_date, first, last):
                continue
            ordinals = (row.ordinal, meeting.ordinal)
            if None not in ordinals and ordinals[0] != ordinals[1]:
                continue
            if commission is not None and row.commission_id not in (None, commission.id):
                continue
            return row
        return None

    def _fill_session(
        self, row: MeetingSession, meeting: Meeting, commission: Commission | None
    ) -> None:
        """Fill what the session does not know yet; never touch a field a person edited."""
        values: dict[str, object] = {
            "commission_id": commission.id if commission else None,
            "ordinal": meeting.ordinal,
            "start_date": meeting.start,
            "end_date": meeting.end,
            "venue_city": meeting.venue.city,
            "venue_country": meeting.venue.country,
        }
        edited = set(row.edited_fields or [])
        changed = False
        for column, value in values.items():
            if value is not None and getattr(row, column) is None and column not in edited:
                setattr(row, column, value)
                changed = True
        if changed and row.id is not None:
            row.updated_at = utc_now()

    def person(self, name: str, country: str | None) -> Person:
        """The person a co-chair name denotes ("Awais Leghari" is "Sardar Awais Leghari")."""
        key = person_key(name)
        surname = key.split()[-1] if key else ""
        candidates = self.session.scalars(
            select(Person).where(Person.key.contains(surname)).order_by(Person.id)
        ).all()
        for row in candidates:
            if countries_compatible(row.country, country) and same_person(row.name, name):
                row.country = row.country or country
                if len(name) > len(row.name):
                    row.name, row.key = name, person_key(name)
                return row
        row = Person(name=name, key=key, country=country)
        self.session.add(row)
        self.session.flush()
        return row


def overlaps(
    start_a: dt.date, end_a: dt.date | None, start_b: dt.date, end_b: dt.date | None
) -> bool:
    """Whether two date ranges (an open end meaning one day) share a day."""
    return start_a <= (end_b or start_b) and start_b <= (end_a or start_a)
