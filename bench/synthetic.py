"""A synthetic corpus for the store benchmark: news-like reports and their true extractions.

Many commissions (country pairs) meet in numbered sessions; each session is
reported by one to three outlets in different words. A report's text is
built sentence by sentence, so the extraction that goes with it (meeting,
co-chairs, agreements, commitments, next meeting) is grounded by
construction: the store can be filled with realistic records without running
the extractor on every document.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass

from accord.core.documents import SourceDocument
from accord.core.records import (
    Actor,
    Agreement,
    CoChair,
    Commission,
    Commitment,
    DocumentInfo,
    Evidence,
    Extraction,
    ExtractorInfo,
    Meeting,
    NextMeeting,
    Party,
    Venue,
)

COUNTRIES = [
    ("PAK", "Pakistan", "Pakistani", "Islamabad"),
    ("RUS", "Russia", "Russian", "Moscow"),
    ("IND", "India", "Indian", "New Delhi"),
    ("KAZ", "Kazakhstan", "Kazakh", "Astana"),
    ("UZB", "Uzbekistan", "Uzbek", "Tashkent"),
    ("EGY", "Egypt", "Egyptian", "Cairo"),
    ("SAU", "Saudi Arabia", "Saudi", "Riyadh"),
    ("TUR", "Turkey", "Turkish", "Ankara"),
    ("AZE", "Azerbaijan", "Azerbaijani", "Baku"),
    ("BRA", "Brazil", "Brazilian", "Brasilia"),
    ("AGO", "Angola", "Angolan", "Luanda"),
    ("VNM", "Vietnam", "Vietnamese", "Hanoi"),
    ("LAO", "Laos", "Lao", "Vientiane"),
    ("MYS", "Malaysia", "Malaysian", "Kuala Lumpur"),
    ("IDN", "Indonesia", "Indonesian", "Jakarta"),
    ("KEN", "Kenya", "Kenyan", "Nairobi"),
    ("ETH", "Ethiopia", "Ethiopian", "Addis Ababa"),
    ("MNG", "Mongolia", "Mongolian", "Ulaanbaatar"),
    ("CHN", "China", "Chinese", "Beijing"),
    ("IRN", "Iran", "Iranian", "Tehran"),
]
AGENCIES = [
    ("Standards and Quality Control Authority", "SQCA", "regulation"),
    ("Competition Commission", "CC", "regulation"),
    ("National Disaster Management Authority", "NDMA", "emergency"),
    ("State News Agency", "SNA", "culture"),
    ("Railways Corporation", "RC", "transport"),
    ("Energy Regulatory Authority", "ERA", "energy"),
    ("Investment Promotion Agency", "IPA", "finance"),
    ("Drug Regulatory Authority", "DRA", "health"),
    ("Higher Education Commission", "HEC", "education"),
    ("Chamber of Commerce and Industry", "CCI", "trade"),
]
# sector -> (topic, object phrases using {city} and {n})
TOPICS = {
    "transport": [
        ("pilot train", "a pilot freight train to {city} by {year}"),
        ("direct flights", "{n} direct weekly flights to {city}"),
        ("transport corridor", "the northern transport corridor through {city}"),
    ],
    "energy": [
        ("LNG supply", "long-term LNG supply of {n} cargoes a year"),
        ("hydropower plant", "a {n} MW hydropower plant near {city}"),
        ("oil refinery", "the modernisation of the {city} oil refinery"),
    ],
    "trade": [
        ("bilateral trade", "bilateral trade of {n} billion dollars by {year}"),
        ("trade fair", "a joint trade fair in {city} in {year}"),
        ("market access", "market access for {n} agricultural products"),
    ],
    "health": [
        ("insulin localisation", "insulin localisation at a plant in {city}"),
        ("joint hospital", "a {n}-bed joint hospital in {city}"),
    ],
    "education": [
        ("scholarships", "{n} scholarships a year for engineering students"),
        ("language centres", "language centres in {city} and {n} other cities"),
    ],
    "agriculture": [
        ("wheat exports", "wheat exports of {n} thousand tonnes"),
        ("fisheries", "a fisheries research station in {city}"),
    ],
    "finance": [
        (
            "payments in national currencies",
            "settlement of {n} percent of trade in national currencies",
        ),
        ("investment fund", "a joint investment fund of {n} million dollars"),
    ],
    "science_tech": [
        ("space cooperation", "the launch of {n} research satellites"),
        ("IT parks", "an IT park in {city} for {n} companies"),
    ],
    "emergency": [("early warning systems", "early warning systems in {n} flood-prone districts")],
    "culture": [
        ("cultural festivals", "cultural festivals in {city} in {year}"),
        ("tourism", "{n} thousand tourist visas a year"),
    ],
    "industry": [
        ("steel mill", "the modernisation of the {city} steel mill"),
        ("mining", "joint mining ventures in {n} provinces"),
    ],
}
VERBS = {
    "decision": ["agreed to establish", "decided to launch", "agreed to develop", "will set up"],
    "intention": [
        "confirmed their intention to pursue",
        "reiterated plans to finalise",
        "reaffirmed their resolve to expand",
    ],
    "exploration": [
        "agreed to explore",
        "discussed opportunities for",
        "emphasised the potential of",
    ],
}
SUBJECTS = [
    ("The two sides", "Both sides"),
    ("The delegations", "Both delegations"),
    ("The co-chairs", "The two co-chairs"),
]
OUTLETS = [
    "Daily Courier",
    "State News Wire",
    "Business Recorder",
    "Capital Times",
    "Eurasia Review",
]
EXTRACTOR = ExtractorInfo(name="bench.synthetic", version="1")


@dataclass(frozen=True)
class SessionPlan:
    """One session of one commission: who, when, where, and what it agreed."""

    first: tuple[str, str, str, str]
    second: tuple[str, str, str, str]
    name: str
    ordinal: int
    start: dt.date
    host: tuple[str, str, str, str]
    commitments: list[
        tuple[str, str, str, str, str | None]
    ]  # sector, topic, object, strength, actor
    agreements: list[tuple[str, str]]  # (agency name, agency acronym)


class TextBuilder:
    """Text built sentence by sentence, remembering where each sentence starts."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, sentence: str, end: str = " ") -> Evidence:
        start = self.length
        self.parts.append(sentence + end)
        self.length += len(sentence) + len(end)
        return Evidence(text=sentence, start=start, end=start + len(sentence))

    def text(self) -> str:
        return "".join(self.parts)


def plan_sessions(
    commissions: int, sessions_each: int, commitments_each: int, seed: int
) -> Iterator[SessionPlan]:
    rng = random.Random(seed)
    pairs = [(a, b) for i, a in enumerate(COUNTRIES) for b in COUNTRIES[i + 1 :]]
    rng.shuffle(pairs)
    for first, second in pairs[:commissions]:
        name = (
            f"{first[1]}–{second[1]} Intergovernmental Commission on Trade and Economic Cooperation"
        )
        day = dt.date(2010, 1, 1) + dt.timedelta(days=rng.randrange(0, 365))
        for ordinal in range(1, sessions_each + 1):
            day += dt.timedelta(days=rng.randrange(300, 430))
            planned = []
            for _ in range(commitments_each):
                sector = rng.choice(list(TOPICS))
                topic, template = rng.choice(TOPICS[sector])
                city = rng.choice((first, second))[3]
                obj = template.format(
                    city=city, n=rng.randrange(2, 900), year=day.year + rng.randrange(1, 4)
                )
                actor = rng.choice([a for a in AGENCIES if a[2] == sector] or [None])
                planned.append(
                    (sector, topic, obj, rng.choice(list(VERBS)), actor[0] if actor else None)
                )
            agencies = rng.sample(AGENCIES, rng.randrange(0, 3))
            yield SessionPlan(
                first,
                second,
                name,
                ordinal,
                day,
                rng.choice((first, second)),
                planned,
                [(a[0], a[1]) for a in agencies],
            )


def reports_of(
    plan: SessionPlan, rng: random.Random
) -> Iterator[tuple[SourceDocument, Extraction]]:
    """One to three outlets' reports of a session, each in its own words."""
    for outlet in rng.sample(OUTLETS, rng.choice((1, 1, 2, 3))):
        yield _report(plan, outlet, rng)


def _report(
    plan: SessionPlan, outlet: str, rng: random.Random
) -> tuple[SourceDocument, Extraction]:
    a, b = plan.first, plan.second
    end = plan.start + dt.timedelta(days=2)
    short = rng.random() < 0.4
    name = f"{a[1][:3]}-{b[1]} IGC" if short else plan.name
    out = TextBuilder()
    out.add(
        f"{plan.host[3].upper()}: {a[1]} and {b[1]} concluded the {_nth(plan.ordinal)} session "
        f"of the {name} in {plan.host[3]} on {plan.start:%B} {plan.start.day}-{end.day}, {plan.start.year}.",
        "\n\n",
    )
    meeting_evidence = out.parts[-1].rstrip("\n")
    chair_a = out.add(f"Minister Amir {a[2]}ov led the {a[2]} delegation.", "\n\n")
    variant = rng.randrange(2)
    agreements = []
    for agency, acronym in plan.agreements:
        sentence = (
            f"The {a[1]} {agency} ({a[1][0]}{acronym}) and the {b[2]} {agency} signed a memorandum "
            f"of understanding on cooperation."
        )
        ev = out.add(sentence, "\n\n")
        agreements.append(
            Agreement(
                kind="mou",
                status="signed",
                evidence=ev,
                sectors=[],
                parties=[
                    Party(name=f"{a[1]} {agency}", acronym=f"{a[1][0]}{acronym}", country=a[0]),
                    Party(name=f"{b[2]} {agency}", country=b[0]),
                ],
            )
        )
    commitments = []
    for i, (sector, topic, obj, strength, actor) in enumerate(plan.commitments):
        if rng.random() < 0.15:
            continue  # not every outlet reports everything
        subject = SUBJECTS[i % len(SUBJECTS)][variant]
        verb = VERBS[strength][i % len(VERBS[strength])]
        ev = out.add(f"{subject} {verb} {obj}.", "\n\n" if i % 4 == 3 else " ")
        actors = [Actor(name=f"{a[1]} {actor}", country=a[0])] if actor else []
        commitments.append(
            Commitment(
                id=f"c{i}",
                text=ev.text,
                start=ev.start,
                end=ev.end,
                strength=strength,
                sectors=[sector],
                topics=[topic],
                actors=actors,
            )
        )  # type: ignore[arg-type]
    nxt = out.add(
        f"The {_nth(plan.ordinal + 1)} session will be held in {b[3]} in {end.year + 1}.", "\n"
    )
    text = f"{out.text()}\nPublished by {outlet}, {end:%B} {end.day}, {end.year}\n"
    document = SourceDocument(
        source=f"{outlet}-{a[0]}-{b[0]}-{plan.ordinal}.txt",
        kind="text",
        text=text,
        outlet=outlet,
        published=end + dt.timedelta(days=1),
    )
    meeting = Meeting(
        kind="commission_session",
        commission=Commission(name=name, parties=[a[0], b[0]]),
        ordinal=plan.ordinal,
        start=plan.start,
        end=end,
        venue=Venue(city=plan.host[3], country=plan.host[0]),
        co_chairs=[
            CoChair(
                name=f"Amir {a[2]}ov",
                post="Minister",
                country=a[0],
                evidence=Evidence(
                    text=f"Minister Amir {a[2]}ov",
                    start=chair_a.start,
                    end=chair_a.start + len(f"Minister Amir {a[2]}ov"),
                ),
            )
        ],
        evidence=[Evidence(text=meeting_evidence, start=0, end=len(meeting_evidence))],
    )
    extraction = Extraction(
        document=DocumentInfo(
            id=document.id, outlet=outlet, published=document.published, text_sha256=document.sha256
        ),
        meeting=meeting,
        agreements=agreements,
        commitments=commitments,
        next_meeting=NextMeeting(
            ordinal=plan.ordinal + 1, country=b[0], city=b[3], when=str(end.year + 1), evidence=nxt
        ),
        extractor=EXTRACTOR,
    )
    return document, extraction


def _nth(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def corpus(
    commissions: int, sessions_each: int, commitments_each: int, seed: int = 7
) -> Iterator[tuple[SourceDocument, Extraction]]:
    """Every report of every planned session, session by session."""
    rng = random.Random(seed + 1)
    for plan in plan_sessions(commissions, sessions_each, commitments_each, seed):
        yield from reports_of(plan, rng)
