"""Scorecard figures counted by the database: commitments by group and status, overdue, recurring.

The same figures as ``score_groups`` over ``tracked_commitments`` (a test
holds them equal on both backends), but grouped in SQL: two aggregate
queries whatever the size of the record (one over the commitments, one over
the recurring ones, whose number follows the restatement links), so the
dashboard and ``accord scorecard`` read the current record on every call.
Rejected commitments are not counted; a commitment counts once in each of
its groups.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal, get_args

from sqlalchemy import (
    ColumnElement,
    Select,
    SQLColumnExpression,
    and_,
    case,
    exists,
    func,
    select,
    true,
    union,
)
from sqlalchemy.orm import Session

from accord.core.follow_through import StatusCount
from accord.store.database import Database
from accord.store.lookups import commission_ids
from accord.store.models import (
    Commission,
    Commitment,
    CommitmentActor,
    CommitmentOwner,
    CommitmentSector,
    MeetingSession,
    Organisation,
)
from accord.store.overdue import is_overdue
from accord.store.recurrence import plan_without_jit, sessions_made
from accord.store.sessions import session_label

Grouping = Literal["session", "sector", "agency", "side"]
GROUPINGS: tuple[str, ...] = get_args(Grouping)
UNASSIGNED = "(unassigned)"
# A commitment stored without sectors counts under this one.
NO_SECTOR = "general"


@dataclass(frozen=True)
class GroupCounts:
    """One group of a scorecard: its name and its commitments counted by status."""

    group: str
    counts: list[StatusCount]


@dataclass(frozen=True)
class ScorecardCounts:
    """The groups in the scorecard's order, and the counts of all commitments (each once)."""

    groups: list[GroupCounts]
    total: list[StatusCount]


@dataclass(frozen=True)
class Groups:
    """What a commitment is counted under: ``keys``, found through ``joins`` (outer joins)."""

    keys: Sequence[SQLColumnExpression[Any]]
    joins: Sequence[tuple[Any, ColumnElement[bool]]] = field(default=())


Counted = dict[tuple[Any, ...], list[StatusCount]]
# The commission of a commitment's session, looked up row by row: counting
# queries never join the sessions, so no planner can pick a bad order for them.
COMMISSION_OF = (
    select(MeetingSession.commission_id)
    .where(MeetingSession.id == Commitment.session_id)
    .scalar_subquery()
)


def of_commissions(ids: Sequence[int] | None) -> ColumnElement[bool]:
    """Whether a commitment belongs to one of the commissions ``ids`` (None: to any)."""
    if ids is None:
        return true()
    return Commitment.session_id.in_(
        select(MeetingSession.id).where(MeetingSession.commission_id.in_(ids))
    )


def _narrowed(query: Select[Any], groups: Groups, ids: Sequence[int] | None) -> Select[Any]:
    """``query`` over the commitments not rejected, of the commissions ``ids`` (or all)."""
    for joined, on in groups.joins:
        query = query.outerjoin(joined, on)
    query = query.where(Commitment.review_state != "rejected", of_commissions(ids))
    return query.group_by(*groups.keys, Commitment.status)


def counted_by_status(
    session: Session, groups: Groups, ids: Sequence[int] | None, as_of: dt.date
) -> Counted:
    """The commitments of each group counted by status and overdue (recurring left at 0)."""
    overdue = func.sum(case((is_overdue(as_of), 1), else_=0))
    query = select(*groups.keys, Commitment.status, func.count(), overdue).select_from(Commitment)
    width = len(groups.keys)
    found: Counted = {}
    for row in session.execute(_narrowed(query, groups, ids)):
        key, status, commitments, late = tuple(row[:width]), row[width], row[-2], row[-1]
        found.setdefault(key, []).append(StatusCount(status, int(commitments), int(late or 0), 0))
    return found


def recurring_by_status(
    session: Session, groups: Groups, ids: Sequence[int] | None
) -> dict[tuple[Any, ...], int]:
    """``(*group, status)``: how many commitments of the group made at several sessions."""
    made = sessions_made()
    recurring = select(made.c.commitment_id).where(made.c.sessions_made > 1)
    # An IN, not a join: the planner cannot tell how many rows the walk gives,
    # and a join it guessed wrong can cost seconds.
    query = (
        select(*groups.keys, Commitment.status, func.count())
        .select_from(Commitment)
        .where(Commitment.id.in_(recurring))
    )
    plan_without_jit(session)
    return {tuple(row[:-1]): int(row[-1]) for row in session.execute(_narrowed(query, groups, ids))}


def with_recurring(found: Counted, recurring: dict[tuple[Any, ...], int]) -> Counted:
    """``found`` with the recurring commitments of each group and status filled in."""
    return {
        key: [replace(c, recurring=recurring.get((*key, c.status), 0)) for c in counts]
        for key, counts in found.items()
    }


def counted(session: Session, groups: Groups, ids: Sequence[int] | None, as_of: dt.date) -> Counted:
    """The commitments (of the commissions ``ids``, or all) of each group, counted by status."""
    recurring = recurring_by_status(session, groups, ids)
    return with_recurring(counted_by_status(session, groups, ids, as_of), recurring)


def reading_ids(session: Session, commission: str | None) -> list[int] | None:
    """The ids of the commissions ``commission`` names, or None for all."""
    return None if commission is None else commission_ids(session, commission)


def _organisation_label() -> ColumnElement[str]:
    """``Name (ACRONYM)``, or the name alone (``organisations.organisation_label``)."""
    with_acronym = Organisation.name + " (" + Organisation.acronym + ")"
    return case(
        (and_(Organisation.acronym.is_not(None), Organisation.acronym != ""), with_acronym),
        else_=Organisation.name,
    )


def _owners() -> Any:
    """``(commitment_id, agency, side)``: the owners a person set, else the actors suggested."""
    no_owner_set = ~exists().where(CommitmentOwner.commitment_id == CommitmentActor.commitment_id)
    return union(
        select(
            CommitmentOwner.commitment_id,
            _organisation_label().label("agency"),
            CommitmentOwner.side.label("side"),
        ).join(Organisation, Organisation.id == CommitmentOwner.organisation_id),
        select(CommitmentActor.commitment_id, _organisation_label(), Organisation.country)
        .join(Organisation, Organisation.id == CommitmentActor.organisation_id)
        .where(no_owner_set),
    ).subquery("owners")


def _by_name(by: Grouping) -> Groups:
    """Each sector, agency or side of a commitment (its groups, by name)."""
    if by == "sector":
        key = func.coalesce(CommitmentSector.sector, NO_SECTOR)
        return Groups(
            [key], [(CommitmentSector.__table__, CommitmentSector.commitment_id == Commitment.id)]
        )
    owners = _owners()
    column = owners.c.agency if by == "agency" else owners.c.side
    named = select(owners.c.commitment_id, column.label("name")).distinct()
    if by == "side":  # a side left empty is no side
        named = named.where(column.is_not(None), column != "")
    names = named.subquery("group_names")
    key = func.coalesce(names.c.name, UNASSIGNED)
    return Groups([key], [(names, names.c.commitment_id == Commitment.id)])


def _session_order(facts: tuple[Any, ...]) -> tuple[Any, ...]:
    """Commission, number, date (each missing one last), id: the order of ``tracked_commitments``."""
    session_id, commission, ordinal, start, _name = facts
    return (
        commission is None, commission or 0, ordinal is None, ordinal or 0,
        start is None, start or dt.date.min, session_id,
    )  # fmt: skip


def _by_session(session: Session, found: Counted, ids: Sequence[int] | None) -> list[GroupCounts]:
    """One group per session label (sessions with one label are one group), in session order."""
    query = select(
        MeetingSession.id,
        MeetingSession.commission_id,
        MeetingSession.ordinal,
        MeetingSession.start_date,
        Commission.name,
    ).outerjoin(Commission, Commission.id == MeetingSession.commission_id)
    if ids is not None:
        query = query.where(MeetingSession.commission_id.in_(ids))
    facts: list[tuple[Any, ...]] = [tuple(r) for r in session.execute(query) if (r[0],) in found]
    groups: dict[str, list[StatusCount]] = {}
    for session_id, _commission, ordinal, start, name in sorted(facts, key=_session_order):
        label = f"{name or 'no commission'} {session_label(ordinal, start)}"
        groups.setdefault(label, []).extend(found[(session_id,)])
    return [GroupCounts(label, counts) for label, counts in groups.items()]


def scorecard_counts(
    database: Database, by: Grouping, commission: str | None, as_of: dt.date
) -> ScorecardCounts:
    """The counts of a scorecard grouped ``by``: sessions in order, other groups by name."""
    with database.reading() as session:
        ids = reading_ids(session, commission)
        total = counted(session, Groups([]), ids, as_of).get((), [])
        if by == "session":
            found = counted(session, Groups([Commitment.session_id]), ids, as_of)
            return ScorecardCounts(_by_session(session, found, ids), total)
        found = counted(session, _by_name(by), ids, as_of)
    groups = [GroupCounts(key[0], found[key]) for key in sorted(found)]
    return ScorecardCounts(groups, total)
