"""Notes people leave on sessions, agreements and commitments.

A note marked internal belongs to its author's side: only users of that side
read it (and an admin bound to no side, who runs the installation). The
filter is applied in the query, so no caller can forget it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, false, or_, select, true

from accord.errors import ConfigError
from accord.store.accounts import Account
from accord.store.database import Database
from accord.store.models import NOTE_SUBJECTS, Note, User
from accord.store.rows import QueryRow

MAX_NOTE_LENGTH = 10_000


@dataclass(frozen=True)
class NoteRow(QueryRow):
    id: int
    subject: str
    subject_id: int
    author: str
    side: str | None
    internal: bool
    text: str
    created_at: dt.datetime


def _visible_to(viewer: Account) -> ColumnElement[bool]:
    if viewer.is_admin and viewer.side is None:
        return true()
    own_side = Note.side == viewer.side if viewer.side is not None else false()
    return or_(Note.internal.is_(False), own_side)


def add_note(
    database: Database, author: Account, subject: str, subject_id: int, text: str, internal: bool
) -> NoteRow:
    """Add a note by ``author``; an internal one is kept to the author's side."""
    if subject not in NOTE_SUBJECTS:
        raise ConfigError(f"a note is on one of {', '.join(NOTE_SUBJECTS)}, not {subject!r}")
    text = text.strip()
    if not text or len(text) > MAX_NOTE_LENGTH:
        raise ConfigError(f"a note holds 1 to {MAX_NOTE_LENGTH} characters")
    if internal and author.side is None:
        raise ConfigError("only a user with a side can write a note internal to that side")
    with database.writing() as session:
        note = Note(
            subject=subject,
            subject_id=subject_id,
            user_id=author.id,
            side=author.side,
            internal=internal,
            text=text,
        )
        session.add(note)
        session.flush()
        return NoteRow(
            note.id,
            subject,
            subject_id,
            author.username,
            note.side,
            internal,
            text,
            note.created_at,
        )


def notes_for(database: Database, subject: str, subject_id: int, viewer: Account) -> list[NoteRow]:
    """The notes on one item that ``viewer`` may read, oldest first."""
    query = (
        select(Note, User.username)
        .join(User, User.id == Note.user_id)
        .where(Note.subject == subject, Note.subject_id == subject_id, _visible_to(viewer))
        .order_by(Note.id)
    )
    with database.reading() as session:
        return [
            NoteRow(n.id, n.subject, n.subject_id, name, n.side, n.internal, n.text, n.created_at)
            for n, name in session.execute(query)
        ]
