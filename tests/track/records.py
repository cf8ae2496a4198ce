"""A small hand-built record for the follow-through tests: two sessions of one commission.

Session 1 (2025) makes four commitments, session 2 (2026) restates one of
them; sectors, actors and due dates are chosen so scorecards can be worked
out by hand.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from accord.store.database import Database
from accord.store.models import Commitment
from store.factories import Report, save

FIRST = (
    "TASHKENT: The 1st session of the Kazakhstan-Uzbekistan commission was held on 3 March 2025.\n\n"
    "Kazakhstan Temir Zholy and Uzbekistan Temir Yollari agreed to launch a pilot container "
    "train to Aktau by the end of 2025.\n\n"
    "The water agencies agreed to install ten gauging stations on the Syr Darya by June 2025.\n\n"
    "The sides agreed to open a cultural centre in Bukhara.\n\n"
    "The sides will explore a joint tourist visa.\n"
)
SECOND = (
    "ASTANA: The 2nd session of the Kazakhstan-Uzbekistan commission was held on 4 March 2026.\n\n"
    "The sides once again agreed to install automated gauging stations on the Syr Darya.\n\n"
    "The first pilot container train departed from Tashkent for Aktau in April.\n"
)
NAME = "Kazakhstan-Uzbekistan Intergovernmental Commission"


def first_session() -> Report:
    return Report(FIRST, source="first.txt", outlet="QazWire", published=dt.date(2025, 3, 4))


def save_first(db: Database, version: str = "1.0.0") -> list[int]:
    """Store session 1; return its commitment ids in text order (train, gauges, centre, visa)."""
    r = first_session()
    meeting = r.meeting(
        "The 1st session of the Kazakhstan-Uzbekistan commission",
        name=NAME,
        parties=("KAZ", "UZB"),
        ordinal=1,
        start=dt.date(2025, 3, 3),
    )
    extraction = r.extraction(
        meeting=meeting,
        version=version,
        commitments=[
            r.commitment(
                "Kazakhstan Temir Zholy and Uzbekistan Temir Yollari agreed to launch a pilot "
                "container train to Aktau by the end of 2025.",
                sectors=["transport"],
                topics=["pilot container train"],
                actors=[("Kazakhstan Temir Zholy", "KAZ"), ("Uzbekistan Temir Yollari", "UZB")],
                due="2025",
            ),
            r.commitment(
                "The water agencies agreed to install ten gauging stations on the Syr Darya by "
                "June 2025.",
                sectors=["environment", "emergency"],
                topics=["gauging stations"],
                due="2025-06",
            ),
            r.commitment(
                "The sides agreed to open a cultural centre in Bukhara.",
                sectors=["culture"],
                topics=["cultural centre"],
            ),
            r.commitment(
                "The sides will explore a joint tourist visa.",
                strength="exploration",
                sectors=["culture"],
                topics=["joint tourist visa"],
            ),
        ],
    )
    save(db, r.document(), extraction)
    return commitment_ids(db)


def save_second(db: Database) -> str:
    """Store session 2 (one commitment, the gauges again); return the document key."""
    r = Report(SECOND, source="second.txt", outlet="QazWire", published=dt.date(2026, 3, 5))
    meeting = r.meeting(
        "The 2nd session of the Kazakhstan-Uzbekistan commission",
        name=NAME,
        parties=("KAZ", "UZB"),
        ordinal=2,
        start=dt.date(2026, 3, 4),
    )
    document = r.document()
    extraction = r.extraction(
        meeting=meeting,
        commitments=[
            r.commitment(
                "The sides once again agreed to install automated gauging stations on the Syr "
                "Darya.",
                sectors=["environment"],
                topics=["automated gauging stations"],
            )
        ],
    )
    save(db, document, extraction)
    return document.id


def commitment_ids(db: Database) -> list[int]:
    with db.reading() as session:
        return list(session.scalars(select(Commitment.id).order_by(Commitment.id)))
