"""A varied record for checking figures the database counts against figures counted in Python.

Several commissions, numbered and unnumbered sessions (two of one commission
with neither number nor date, so their scorecard labels coincide), commitments
with one to three sectors, actors with and without acronyms and countries,
due dates of every shape (some naming no real day), every status, rejected
commitments, owners set by a person (some without a side), and restatement
links: chains, a cycle, links without a later commitment, links across
commissions and links to rejected commitments. Built from a seed, through the
store's own writes.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sqlalchemy import select

from accord.core.follow_through import STATUSES
from accord.core.records import SECTORS, Sector
from accord.store.database import Database
from accord.store.models import Commission, Commitment, CommitmentLink, SessionSource
from accord.track.review import Correction, decide, organisation_ref
from accord.track.status import set_status
from store.factories import Report, save

# name (None: the commission goes by its parties), parties
COMMISSIONS = [
    ("Kazakhstan-Uzbekistan Intergovernmental Commission", ("KAZ", "UZB")),
    ("Pakistan-Russia Intergovernmental Commission", ("PAK", "RUS")),
    (None, ("IND", "EGY")),
    ("Turkey-Azerbaijan Joint Economic Commission", ("TUR", "AZE")),
]
# ordinal, start date
SESSIONS = [
    (1, dt.date(2024, 3, 3)),
    (2, dt.date(2025, 3, 4)),
    (3, None),
    (None, dt.date(2025, 9, 9)),
    (None, None),
    (None, None),
]
ACTORS = [
    ("Kazakhstan Temir Zholy (KTZ)", "KAZ"),
    ("Uzbekistan Temir Yollari", "UZB"),
    ("National Disaster Management Authority (NDMA)", "PAK"),
    ("Federal Agency for Technical Regulation", None),
    ("Chamber of Commerce and Industry (CCI)", "IND"),
    ("Ministry of Energy", None),
]
OWNERS = ["KTZ@KAZ", "Uzbekistan Temir Yollari@UZB", "Ministry of Energy", "NDMA@PAK", "CCI"]
DUES = [
    None, None, "2024", "2025", "2026", "2025-06", "2025-07", "2025-02", "2024-02-29",
    "2025-06-30", "2025-07-01", "2026-03-15", "2025-02-29", "2025-13", "2025-00", "2025-04-31",
    "0000",
]  # fmt: skip
COMMITMENTS_PER_SESSION = 7
# Dates on which overdue is judged: around the due dates above, and today.
AS_OF_DATES = [
    dt.date(2024, 12, 31),
    dt.date(2025, 1, 1),
    dt.date(2025, 6, 30),
    dt.date(2025, 7, 1),
    dt.date(2025, 7, 2),
    dt.date(2026, 3, 16),
    dt.date(2028, 2, 29),
]


@dataclass(frozen=True)
class VariedRecord:
    db: Database
    commissions: list[str]
    commitments: list[int]


def _save_session(
    db: Database, rng: random.Random, commission: int, number: int, serial: int
) -> None:
    name, parties = COMMISSIONS[commission]
    ordinal, start = SESSIONS[number]
    sentences = [
        f"The sides agreed to carry out joint project {serial}-{n} of the commission."
        for n in range(COMMITMENTS_PER_SESSION)
    ]
    heading = f"Session {number} of commission {commission} met."
    report = Report("\n\n".join([heading, *sentences]) + "\n", source=f"report-{serial}.txt")
    meeting = report.meeting(
        heading, name=name, parties=parties, ordinal=ordinal, start=start, end=start
    )
    commitments = []
    for sentence in sentences:
        sectors: list[Sector] = rng.sample(SECTORS, rng.choice([1, 1, 2, 3]))
        actors = rng.sample(ACTORS, rng.choice([0, 0, 1, 2]))
        commitments.append(
            report.commitment(sentence, sectors=sectors, actors=actors, due=rng.choice(DUES))
        )
    save(db, report.document(), report.extraction(meeting=meeting, commitments=commitments))


def _link(db: Database, earlier: int, later: int | None, document_of: int, span: int) -> None:
    """A confirmed restatement, as ``confirm_suggestion`` stores it (at a span of its own)."""
    with db.writing() as session:
        session_id = session.scalar(
            select(Commitment.session_id).where(Commitment.id == document_of)
        )
        document = session.scalar(
            select(SessionSource.document_id).where(SessionSource.session_id == session_id)
        )
        session.add(
            CommitmentLink(
                earlier_id=earlier,
                later_id=later,
                document_id=document,
                span_start=span,
                span_end=span + 10,
                created_by="tests",
            )
        )


def save_varied_record(db: Database, seed: int = 11) -> VariedRecord:
    rng = random.Random(seed)
    serial = 0
    for commission in range(len(COMMISSIONS)):
        for number in range(len(SESSIONS)):
            _save_session(db, rng, commission, number, serial)
            serial += 1
    with db.reading() as session:
        ids = list(session.scalars(select(Commitment.id).order_by(Commitment.id)))
    for commitment in ids:
        status = rng.choice([*STATUSES, None])
        if status is not None:
            set_status(db, commitment, status, "tests", as_of=dt.date(2025, 5, 1))
    decide(db, "commitment", rng.sample(ids, len(ids) // 10), "reject", "tests")
    for commitment in rng.sample(ids, len(ids) // 5):
        owners = tuple(organisation_ref(o) for o in rng.sample(OWNERS, rng.choice([1, 2])))
        decide(db, "commitment", [commitment], "correct", "tests", Correction(owners=owners))
    a, b, c, d, e, f, g = rng.sample(ids, 7)
    links: list[tuple[int, int | None, int]] = [
        (a, b, b), (b, c, c),  # a chain over three sessions (or fewer, if two share one)
        (d, e, e), (e, d, d),  # a cycle
        (f, None, g),  # restated in a document without a commitment of its own
        (g, None, g),  # restated in its own session's document: still one session
        (ids[0], ids[-1], ids[-1]),  # across commissions
    ]  # fmt: skip
    links += [
        (earlier, later, later)
        for earlier, later in zip(rng.sample(ids, 12), rng.sample(ids, 12), strict=True)
    ]
    for span, (earlier, later, document_of) in enumerate(links):
        _link(db, earlier, later, document_of, span * 20)
    with db.reading() as session:
        commissions = [
            str(i) for i in session.scalars(select(Commission.id).order_by(Commission.id))
        ]
    return VariedRecord(db, [*commissions, "Kazakhstan"], ids)
