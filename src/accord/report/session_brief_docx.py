"""The session brief as a Word document, written from the same data as the templates."""

from __future__ import annotations

from accord.report.session_brief import SessionBrief
from accord.report.word import CONTENT_WIDTH_CM, WordReport
from accord.report.wording import (
    country_name,
    date_text,
    dates_text,
    file_name,
    kind_label,
    one_line,
    ordinal_text,
    organisations_text,
    owners_text,
    partial_date_text,
    place_text,
    source_label,
)
from accord.store.agreements import AgreementItem

AGREEMENT_WIDTHS = [1.0, 5.0, 4.5, CONTENT_WIDTH_CM - 10.5]
COMMITMENT_WIDTHS = [1.0, 8.5, 2.2, 3.3, 2.0]


def session_brief_docx(brief: SessionBrief, heading: str) -> bytes:
    s = brief.session
    plural = "s" if len(brief.sources) != 1 else ""
    word = WordReport(
        heading,
        f"Session brief prepared by Accord on {date_text(brief.generated_on)} "
        f"from {len(brief.sources)} source document{plural}.",
    )
    word.heading("The meeting")
    facts = [("Commission", s.commission or "not named in the sources")]
    if s.ordinal:
        facts.append(("Session", ordinal_text(s.ordinal)))
    facts += [
        ("Dates", dates_text(s.start, s.end)),
        ("Venue", place_text(s.venue_city, s.venue_country) or "not reported"),
        ("Parties", ", ".join(country_name(p) for p in s.parties)),
        (
            "Outcomes",
            f"{len(brief.signed)} signed, {len(brief.planned)} planned, "
            f"{brief.commitment_count} commitments",
        ),
    ]
    word.facts(facts)
    word.citations(s.citations)

    word.heading("Co-chairs")
    if brief.co_chairs:
        word.table(
            ["Side", "Name", "Post", "Source"],
            [[country_name(c.country), c.name, c.post or "", ""] for c in brief.co_chairs],
            [3.0, 4.5, 4.5, CONTENT_WIDTH_CM - 12.0],
            [c.citations for c in brief.co_chairs],
            quote=False,
        )
    else:
        word.muted("No co-chairs reported.")

    _agreements(word, f"Documents signed ({len(brief.signed)})", brief.signed, "signed")
    _agreements(word, f"Documents planned ({len(brief.planned)})", brief.planned, "planned")

    word.heading(f"Commitments ({brief.commitment_count})")
    if brief.commitment_count:
        word.text(", ".join(f"{n} {s}" for s, n in brief.strength_counts.items()) + ".")
        for chart in brief.charts:
            word.chart(chart)
        for group in brief.sectors:
            word.heading(f"{group.label} ({len(group.commitments)})", level=2)
            word.table(
                ["#", "Commitment", "Strength", "Owners", "Due"],
                [
                    [
                        str(c.id),
                        one_line(c.text),
                        c.strength,
                        owners_text(c.owners) or "not assigned",
                        partial_date_text(c.due) or "none set",
                    ]
                    for c in group.commitments
                ],
                COMMITMENT_WIDTHS,
            )
            for c in group.commitments:
                quoted = [x for x in c.citations if one_line(x.quote) != one_line(c.text)]
                sources = "; ".join(source_label(x) for x in c.citations)
                word.muted(f"#{c.id} sources: {sources}")
                word.citations(quoted)
    else:
        word.muted("No commitments recorded.")

    word.heading("Next session")
    n = brief.next_meeting
    if n is not None:
        text = f"The {ordinal_text(n.ordinal) if n.ordinal else 'next'} session"
        if n.city or n.country:
            text += f" is to be held in {place_text(n.city, n.country)}"
        if n.planned_for:
            text += (
                f", {'on' if len(n.planned_for) == 10 else 'in'} {partial_date_text(n.planned_for)}"
            )
        word.text(text + ".")
        word.citations(n.citations)
    else:
        word.muted("The sources do not announce the next session.")

    word.heading("Sources")
    word.numbered(
        [
            ", ".join(
                p
                for p in (
                    d.outlet or "Unknown outlet",
                    f"“{d.title}”" if d.title else "",
                    date_text(d.published),
                    d.url or "",
                    f"({file_name(d.source)})",
                )
                if p
            )
            for d in brief.sources
        ]
    )
    return word.to_bytes()


def _agreements(word: WordReport, title: str, items: list[AgreementItem], status: str) -> None:
    word.heading(title)
    if not items:
        word.muted(f"No documents reported {status}.")
        return
    word.table(
        ["#", "Document", "Parties", "Evidence"],
        [
            [
                str(n),
                kind_label(a.kind) + (f" on {a.subject}" if a.subject else ""),
                organisations_text(a.parties) or "not reported",
                "",
            ]
            for n, a in enumerate(items, start=1)
        ],
        AGREEMENT_WIDTHS,
        [a.citations for a in items],
    )
