"""A small record for the web tests: two sessions of one commission, items owned by each side.

Session 10 (2025) holds a commitment of a Pakistani agency (PSQCA), one of a
Russian agency, one of both sides (no agency named) and an MoU; session 11
(2026) reports progress on the shared one, proposed as a follow-up.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from accord.store.database import Database
from accord.store.followups import ProposedFollowup, add_suggestions
from accord.store.models import Agreement, Commitment, Document
from accord.store.sessions import list_sessions
from store.factories import Report, save

NAME = "Pakistan-Russia Intergovernmental Commission"
TENTH = (
    "ISLAMABAD: The 10th session of the Pakistan-Russia Intergovernmental Commission was held "
    "on 25 November 2025.\n\n"
    "The Pakistan Standards and Quality Control Authority (PSQCA) agreed to publish joint "
    "conformity standards by June 2026.\n\n"
    "The Federal Agency for Technical Regulation and Metrology agreed to open a metrology "
    "laboratory in Karachi.\n\n"
    "The two sides agreed to launch a pilot cargo train by the end of 2025.\n\n"
    "The PSQCA and the Federal Agency for Technical Regulation and Metrology signed an MoU on "
    "standardisation.\n"
)
ELEVENTH = (
    "MOSCOW: The 11th session of the Pakistan-Russia Intergovernmental Commission was held on "
    "10 March 2026.\n\n"
    "The first pilot cargo train departed from Karachi for Moscow in February.\n"
)
PROGRESS = "The first pilot cargo train departed from Karachi for Moscow in February."


@dataclass(frozen=True)
class WebRecord:
    session_id: int
    later_session_id: int
    pak: int
    rus: int
    shared: int
    agreement: int
    document_id: int
    later_document_id: int
    suggestion_id: int


def _tenth(db: Database) -> None:
    r = Report(TENTH, source="tenth.txt", outlet="Dawn", published=dt.date(2025, 11, 26))
    meeting = r.meeting(
        "The 10th session of the Pakistan-Russia Intergovernmental Commission",
        name=NAME,
        ordinal=10,
        start=dt.date(2025, 11, 25),
        city="Islamabad",
        country="PAK",
    )
    psqca = "Pakistan Standards and Quality Control Authority (PSQCA)"
    rosstandart = "Federal Agency for Technical Regulation and Metrology"
    extraction = r.extraction(
        meeting=meeting,
        agreements=[
            r.agreement(
                "The PSQCA and the Federal Agency for Technical Regulation and Metrology signed "
                "an MoU on standardisation.",
                parties=[("PSQCA", "PSQCA", "PAK"), (rosstandart, None, "RUS")],
                subject="standardisation",
                sectors=["regulation"],
            )
        ],
        commitments=[
            r.commitment(
                f"The {psqca} agreed to publish joint conformity standards by June 2026.",
                sectors=["regulation"],
                topics=["conformity standards"],
                actors=[(psqca, "PAK")],
                due="2026-06",
            ),
            r.commitment(
                f"The {rosstandart} agreed to open a metrology laboratory in Karachi.",
                sectors=["regulation"],
                topics=["metrology laboratory"],
                actors=[(rosstandart, "RUS")],
            ),
            r.commitment(
                "The two sides agreed to launch a pilot cargo train by the end of 2025.",
                sectors=["transport"],
                topics=["pilot cargo train"],
                due="2025",
            ),
        ],
    )
    save(db, r.document(), extraction)


def _eleventh(db: Database) -> None:
    r = Report(ELEVENTH, source="eleventh.txt", outlet="TASS", published=dt.date(2026, 3, 11))
    meeting = r.meeting(
        "The 11th session of the Pakistan-Russia Intergovernmental Commission",
        name=NAME,
        ordinal=11,
        start=dt.date(2026, 3, 10),
        city="Moscow",
        country="RUS",
    )
    save(db, r.document(), r.extraction(meeting=meeting))


def save_web_record(db: Database) -> WebRecord:
    _tenth(db)
    _eleventh(db)
    with db.reading() as session:
        ids = {
            text.split()[1]: i
            for i, text in session.execute(select(Commitment.id, Commitment.text))
        }
        agreement = session.scalars(select(Agreement.id)).one()
        documents = {s: i for s, i in session.execute(select(Document.source, Document.id))}
    later = documents["eleventh.txt"]
    start = ELEVENTH.index(PROGRESS)
    with db.writing() as writing:
        [suggestion] = add_suggestions(
            writing,
            [
                ProposedFollowup(
                    commitment_id=ids["two"],
                    document_id=later,
                    start=start,
                    end=start + len(PROGRESS),
                    text=PROGRESS,
                    kind="progress",
                    suggested_status="completed",
                    score=0.8,
                    cue="departed",
                )
            ],
            "test",
        )
    sessions = {s.ordinal: s.id for s in list_sessions(db)}
    return WebRecord(
        session_id=sessions[10],
        later_session_id=sessions[11],
        pak=ids["Pakistan"],
        rus=ids["Federal"],
        shared=ids["two"],
        agreement=agreement,
        document_id=documents["tenth.txt"],
        later_document_id=later,
        suggestion_id=suggestion,
    )
