"""Hand-built documents and grounded extractions for the store tests.

A ``Report`` holds a document's text; its methods build records whose spans
are found in that text, so every offset is right by construction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from accord.core.documents import SourceDocument
from accord.core.records import (
    Actor,
    Agreement,
    AgreementKind,
    CoChair,
    Commission,
    Commitment,
    DocumentInfo,
    Evidence,
    Extraction,
    ExtractorInfo,
    Meeting,
    MeetingKind,
    NextMeeting,
    Party,
    Sector,
    Strength,
    Venue,
)
from accord.store.database import Database
from accord.store.extractions import SaveOutcome, save_extraction

EXTRACTOR = "accord.rules.v1"


def save(db: Database, document: SourceDocument, extraction: Extraction) -> SaveOutcome:
    """Store one document and its extraction, in a unit of work of its own."""
    with db.writing() as session:
        return save_extraction(session, document, extraction)


@dataclass
class Report:
    """One source document under construction."""

    text: str
    source: str = "report.txt"
    outlet: str | None = None
    published: dt.date | None = None
    title: str | None = None
    _count: int = field(default=0, repr=False)

    def document(self) -> SourceDocument:
        return SourceDocument(
            source=self.source,
            kind="text",
            text=self.text,
            title=self.title,
            outlet=self.outlet,
            published=self.published,
        )

    def span(self, quote: str) -> Evidence:
        start = self.text.index(quote)
        return Evidence(text=quote, start=start, end=start + len(quote))

    def meeting(
        self,
        quote: str,
        *,
        kind: MeetingKind = "commission_session",
        name: str | None = None,
        parties: Sequence[str] = ("PAK", "RUS"),
        ordinal: int | None = None,
        start: dt.date | None = None,
        end: dt.date | None = None,
        city: str | None = None,
        country: str | None = None,
        co_chairs: Sequence[tuple[str, str | None, str | None, str]] = (),
    ) -> Meeting:
        """A meeting; each co-chair is (name, post, country, quote)."""
        return Meeting(
            kind=kind,
            commission=Commission(name=name, parties=list(parties)),
            ordinal=ordinal,
            start=start,
            end=end,
            venue=Venue(city=city, country=country),
            co_chairs=[
                CoChair(name=n, post=p, country=c, evidence=self.span(q))
                for n, p, c, q in co_chairs
            ],
            evidence=[self.span(quote)],
        )

    def agreement(
        self,
        quote: str,
        *,
        kind: AgreementKind = "mou",
        status: str = "signed",
        parties: Sequence[tuple[str, str | None, str | None]] = (),
        subject: str | None = None,
        sectors: Sequence[Sector] = (),
    ) -> Agreement:
        """An agreement; each party is (name, acronym, country)."""
        return Agreement(
            kind=kind,
            status=status,  # type: ignore[arg-type]
            parties=[Party(name=n, acronym=a, country=c) for n, a, c in parties],
            subject=subject,
            sectors=list(sectors),
            evidence=self.span(quote),
        )

    def commitment(
        self,
        quote: str,
        *,
        strength: Strength = "decision",
        sectors: Sequence[Sector] = ("general",),
        topics: Sequence[str] = (),
        actors: Sequence[tuple[str, str | None]] = (),
        due: str | None = None,
    ) -> Commitment:
        self._count += 1
        span = self.span(quote)
        return Commitment(
            id=f"c{self._count}",
            text=span.text,
            start=span.start,
            end=span.end,
            strength=strength,
            sectors=list(sectors),
            topics=list(topics),
            actors=[Actor(name=n, country=c) for n, c in actors],
            due=due,
        )

    def next_meeting(
        self,
        quote: str,
        *,
        ordinal: int | None = None,
        city: str | None = None,
        country: str | None = None,
        when: str | None = None,
    ) -> NextMeeting:
        return NextMeeting(
            ordinal=ordinal, city=city, country=country, when=when, evidence=self.span(quote)
        )

    def extraction(
        self,
        *,
        meeting: Meeting | None = None,
        agreements: Sequence[Agreement] = (),
        commitments: Sequence[Commitment] = (),
        next_meeting: NextMeeting | None = None,
        version: str = "1.0.0",
    ) -> Extraction:
        document = self.document()
        return Extraction(
            document=DocumentInfo(
                id=document.id,
                title=document.title,
                outlet=document.outlet,
                published=document.published,
                text_sha256=document.sha256,
            ),
            meeting=meeting,
            agreements=list(agreements),
            commitments=list(commitments),
            next_meeting=next_meeting,
            extractor=ExtractorInfo(name=EXTRACTOR, version=version),
        )


START, END = dt.date(2025, 11, 25), dt.date(2025, 11, 27)

DAWN_TEXT = (
    "ISLAMABAD: At the conclusion of the three-day 10th Pakistan-Russia Intergovernmental "
    "Commission (IGC) on Trade, Economic, Scientific and Technical Cooperation, the two sides "
    "signed three memoranda of understanding.\n\n"
    "The IGC was co-chaired by Energy Minister Awais Leghari and his Russian counterpart, "
    "Sergei Tsivilev.\n\n"
    "The two delegations confirmed their intention to operationalise a pilot train, marking a "
    "tangible step towards improving regional logistics and connectivity.\n\n"
    "The National Disaster Management Authority (NDMA) of Pakistan and the Ministry of Emergency "
    "Situations of the Russian Federation agreed to explore collaboration on early warning "
    "systems.\n\n"
    "The three MoUs included one between the Pakistan Standards and Quality Control Authority "
    "(PSQCA) and Russia's Federal Agency for Technical Regulation and Metrology.\n\n"
    "The two sides also decided to hold the 11th session of the Pakistan-Russia "
    "Intergovernmental Commission in the Russian Federation in 2026.\n"
)

APP_TEXT = (
    "MOSCOW/ISLAMABAD: The 10th session of the Pak-Russia IGC concluded on November 27 with "
    "agreements on standards, competition and media.\n\n"
    "Federal Minister for Energy Sardar Awais Ahmad Khan Leghari led the Pakistani side.\n\n"
    "Both sides agreed to launch a pilot train service, a step to improve regional logistics and "
    "connectivity.\n\n"
    "PSQCA and the Federal Agency for Technical Regulation and Metrology of Russia signed an MoU on "
    "standardisation and metrology.\n\n"
    "The sides will also work on insulin localisation in Pakistan.\n"
)

SPUTNIK_TEXT = (
    "Russia and Pakistan held the 10th meeting of their intergovernmental commission in "
    "Islamabad on November 25-27.\n\n"
    "The two delegations confirmed their intention to operationalise a pilot train, marking a "
    "tangible step towards improving regional logistics.\n\n"
    "An MoU was signed between the Pakistan Standards and Quality Control Authority and the "
    "Federal Agency for Technical Regulation and Metrology.\n\n"
    "The NDMA and Russia's emergencies ministry agreed to explore joint work on early warning "
    "systems and emergency response training.\n"
)


def dawn_report() -> tuple[SourceDocument, Extraction]:
    """The Dawn report of the 10th Pakistan–Russia IGC session (full commission name)."""
    r = Report(DAWN_TEXT, source="dawn.txt", outlet="Dawn", published=dt.date(2025, 11, 28))
    meeting = r.meeting(
        "the three-day 10th Pakistan-Russia Intergovernmental Commission (IGC)",
        name="Pakistan–Russia Intergovernmental Commission on Trade, Economic, Scientific and "
        "Technical Cooperation",
        ordinal=10,
        start=START,
        end=END,
        city="Islamabad",
        country="PAK",
        co_chairs=[
            ("Awais Leghari", "Energy Minister", "PAK", "Energy Minister Awais Leghari"),
            ("Sergei Tsivilev", None, "RUS", "Sergei Tsivilev"),
        ],
    )
    return r.document(), r.extraction(
        meeting=meeting,
        agreements=[
            r.agreement(
                "one between the Pakistan Standards and Quality Control Authority (PSQCA) and "
                "Russia's Federal Agency for Technical Regulation and Metrology",
                parties=[
                    ("the Pakistan Standards and Quality Control Authority (PSQCA)", None, "PAK"),
                    ("Russia's Federal Agency for Technical Regulation and Metrology", None, None),
                ],
                subject="standardisation, metrology and conformity assessment",
                sectors=["regulation"],
            )
        ],
        commitments=[
            r.commitment(
                "The two delegations confirmed their intention to operationalise a pilot train, "
                "marking a tangible step towards improving regional logistics and connectivity.",
                strength="intention",
                sectors=["transport"],
                topics=["pilot train"],
            ),
            r.commitment(
                "The National Disaster Management Authority (NDMA) of Pakistan and the Ministry of "
                "Emergency Situations of the Russian Federation agreed to explore collaboration on "
                "early warning systems.",
                strength="exploration",
                sectors=["emergency"],
                topics=["early warning systems"],
                actors=[
                    ("National Disaster Management Authority (NDMA) of Pakistan", "PAK"),
                    ("Ministry of Emergency Situations of the Russian Federation", "RUS"),
                ],
            ),
        ],
        next_meeting=r.next_meeting(
            "decided to hold the 11th session of the Pakistan-Russia Intergovernmental "
            "Commission in the Russian Federation in 2026",
            ordinal=11,
            country="RUS",
            when="2026",
        ),
    )


def app_report() -> tuple[SourceDocument, Extraction]:
    """The APP report: short commission name, other wording, only an end date."""
    r = Report(APP_TEXT, source="app.txt", outlet="APP", published=dt.date(2025, 11, 27))
    meeting = r.meeting(
        "The 10th session of the Pak-Russia IGC",
        name="Pak-Russia IGC",
        ordinal=10,
        end=END,
        co_chairs=[
            (
                "Sardar Awais Ahmad Khan Leghari",
                "Federal Minister for Energy",
                "PAK",
                "Sardar Awais Ahmad Khan Leghari",
            )
        ],
    )
    return r.document(), r.extraction(
        meeting=meeting,
        agreements=[
            r.agreement(
                "PSQCA and the Federal Agency for Technical Regulation and Metrology of Russia "
                "signed an MoU on standardisation and metrology",
                parties=[
                    ("PSQCA", None, "PAK"),
                    ("Federal Agency for Technical Regulation and Metrology of Russia", None, None),
                ],
                subject="standardisation and metrology",
                sectors=["regulation"],
            )
        ],
        commitments=[
            r.commitment(
                "Both sides agreed to launch a pilot train service, a step to improve regional "
                "logistics and connectivity.",
                strength="decision",
                sectors=["transport"],
                topics=["pilot train service"],
            ),
            r.commitment(
                "The sides will also work on insulin localisation in Pakistan.",
                strength="intention",
                sectors=["health"],
                topics=["insulin localisation"],
            ),
        ],
    )


def sputnik_report() -> tuple[SourceDocument, Extraction]:
    """The Sputnik report: no commission name, dates only, the NDMA item in other words."""
    r = Report(SPUTNIK_TEXT, source="sputnik.txt", outlet="Sputnik", published=END)
    meeting = r.meeting(
        "the 10th meeting of their intergovernmental commission in Islamabad",
        parties=("RUS", "PAK"),
        start=START,
        end=END,
        city="Islamabad",
    )
    return r.document(), r.extraction(
        meeting=meeting,
        agreements=[
            r.agreement(
                "An MoU was signed between the Pakistan Standards and Quality Control Authority "
                "and the Federal Agency for Technical Regulation and Metrology",
                parties=[
                    ("Pakistan Standards and Quality Control Authority", None, "PAK"),
                    ("the Federal Agency for Technical Regulation and Metrology", None, "RUS"),
                ],
                sectors=["regulation"],
            )
        ],
        commitments=[
            r.commitment(
                "The two delegations confirmed their intention to operationalise a pilot train, "
                "marking a tangible step towards improving regional logistics.",
                strength="intention",
                sectors=["transport"],
                topics=["pilot train"],
            ),
            r.commitment(
                "The NDMA and Russia's emergencies ministry agreed to explore joint work on early "
                "warning systems and emergency response training.",
                strength="exploration",
                sectors=["emergency"],
                topics=["early warning systems", "emergency response training"],
                actors=[("NDMA", "PAK")],
            ),
        ],
    )


def variant(
    document: SourceDocument, extraction: Extraction, n: int
) -> tuple[SourceDocument, Extraction]:
    """Another document reporting the same things: the text gets a closing reference line."""
    changed = document.model_copy(
        update={"text": f"{document.text}\nReference {n}.\n", "source": f"{n}-{document.source}"}
    )
    info = extraction.document.model_copy(update={"id": changed.id, "text_sha256": changed.sha256})
    return changed, extraction.model_copy(update={"document": info})


def reports(count: int) -> list[tuple[SourceDocument, Extraction]]:
    """``count`` distinct documents, each a variant of one of the three reports of one session."""
    builders = (dawn_report, app_report, sputnik_report)
    return [variant(*builders[n % 3](), n) for n in range(count)]
