"""How many sessions each restated commitment's promise was made at, in one SQL expression.

Confirmed restatement links join commitments into one recurring promise; the
sessions it was made at are the sessions of its commitments and of the
documents that restated it (``tracked_commitments`` works the same out in
Python). The links are walked with a recursive query, so the cost follows the
number of links, not the number of commitments.
"""

from __future__ import annotations

from sqlalchemy import CTE, Select, distinct, func, select, text, union, union_all
from sqlalchemy.orm import Session

from accord.store.models import Commitment, CommitmentLink, SessionSource


def sessions_made(among: Select[tuple[int]] | None = None) -> CTE:
    """``(commitment_id, sessions_made)`` for every commitment named by a restatement link.

    ``among`` (a query of commitment ids) narrows the rows to those
    commitments; the walk then covers their promises only. Commitments no
    link names were made at one session: callers outer-join this and read a
    missing row as 1.
    """
    links = CommitmentLink.__table__
    linked = links.c.later_id.is_not(None)
    edges = union_all(
        select(links.c.earlier_id.label("a"), links.c.later_id.label("b")).where(linked),
        select(links.c.later_id, links.c.earlier_id).where(linked),
    ).cte("link_edges")
    nodes = union(
        select(links.c.earlier_id.label("node")), select(links.c.later_id).where(linked)
    ).subquery("linked")
    start = select(nodes.c.node, nodes.c.node.label("other"))
    if among is not None:
        start = start.where(nodes.c.node.in_(among))
    # Every pair (commitment, commitment its promise also holds); UNION stops at cycles.
    reach = start.cte("promise", recursive=True)
    reach = reach.union(select(reach.c.node, edges.c.b).join(edges, edges.c.a == reach.c.other))
    members = select(reach.c.other.label("member")).distinct().cte("promise_members")
    # The session of each member, looked up one by one (a join would let PostgreSQL,
    # which cannot guess how many rows the walk gives, read every commitment).
    own_session = select(Commitment.session_id).where(Commitment.id == members.c.member)
    member_sessions = union_all(
        select(members.c.member, own_session.scalar_subquery().label("session_id")),
        select(links.c.earlier_id, SessionSource.session_id)
        .join(SessionSource, SessionSource.document_id == links.c.document_id)
        .where(links.c.earlier_id.in_(select(members.c.member))),
    ).cte("member_sessions")
    return (
        select(
            reach.c.node.label("commitment_id"),
            func.count(distinct(member_sessions.c.session_id)).label("sessions_made"),
        )
        .join(member_sessions, member_sessions.c.member == reach.c.other)
        .group_by(reach.c.node)
        .cte("sessions_made")
    )


def plan_without_jit(session: Session) -> None:
    """Keep PostgreSQL from compiling a query that walks the links before running it.

    Its planner guesses millions of rows for a recursive walk over thousands,
    and JIT compilation would then cost more (about half a second) than the
    query itself. A no-op on SQLite; it lasts until the read ends.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET LOCAL jit = off"))
