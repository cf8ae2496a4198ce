"""The session brief laid out as blocks: its every sentence and label, once for all formats."""

from __future__ import annotations

from accord.report.blocks import (
    Block,
    Column,
    Facts,
    Figure,
    Figures,
    Heading,
    Inline,
    Notes,
    NumberedList,
    Paragraph,
    ReportDocument,
    Table,
    badge,
    cell,
    inline,
    link,
    row,
    strong,
)
from accord.report.evidence_notes import citation_notes, commitment_sources
from accord.report.phrases import (
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
)
from accord.report.session_brief import SessionBrief
from accord.store.agreements import AgreementItem
from accord.store.sessions import NextMeetingRow, SourceRow

DOCUMENT_COLUMNS = (
    Column("#", "number"),
    Column("Document", "medium"),
    Column("Parties", "medium"),
    Column("Evidence"),
)
COMMITMENT_COLUMNS = (
    Column("#", "number"),
    Column("Commitment"),
    Column("Strength", "short"),
    Column("Owners", "medium"),
    Column("Due", "short"),
)


def session_brief_title(brief: SessionBrief) -> str:
    return f"Session brief: {brief.title}"


def session_brief_document(brief: SessionBrief) -> ReportDocument:
    """The brief of one session: the meeting, co-chairs, documents, commitments, what is next."""
    count = len(brief.sources)
    blocks: list[Block] = [
        Paragraph(
            inline(
                f"Session brief prepared by Accord on {date_text(brief.generated_on)} "
                f"from {count} source document{'s' if count != 1 else ''}."
            ),
            "subtitle",
        ),
        *_meeting(brief),
        *_co_chairs(brief),
        *_documents(f"Documents signed ({len(brief.signed)})", brief.signed, "reported signed"),
        *_documents(
            f"Documents planned ({len(brief.planned)})", brief.planned, "announced as planned"
        ),
        *_commitments(brief),
        Heading("Next session"),
        *_next_session(brief.next_meeting),
        Heading("Sources"),
        NumberedList(tuple(_source(d) for d in brief.sources)),
    ]
    return ReportDocument(session_brief_title(brief), tuple(blocks))


def _meeting(brief: SessionBrief) -> list[Block]:
    s = brief.session
    facts = [("Commission", inline(s.commission or "not named in the sources"))]
    if s.ordinal:
        facts.append(("Session", inline(ordinal_text(s.ordinal))))
    facts += [
        ("Dates", inline(dates_text(s.start, s.end))),
        ("Venue", inline(place_text(s.venue_city, s.venue_country) or "not reported")),
        ("Parties", inline(", ".join(country_name(p) for p in s.parties))),
        (
            "Outcomes",
            inline(
                f"{len(brief.signed)} signed, {len(brief.planned)} planned, "
                f"{brief.commitment_count} commitments"
            ),
        ),
    ]
    return [Heading("The meeting"), Facts(tuple(facts)), Notes(tuple(citation_notes(s.citations)))]


def _co_chairs(brief: SessionBrief) -> list[Block]:
    if not brief.co_chairs:
        return [Heading("Co-chairs"), Paragraph(inline("No co-chairs reported."), "empty")]
    columns = (Column("Side", "short"), Column("Name", "medium"), Column("Post", "medium"))
    return [
        Heading("Co-chairs"),
        Table(
            (*columns, Column("Source")),
            tuple(
                row(
                    country_name(c.country),
                    c.name,
                    c.post or "",
                    cell(notes=citation_notes(c.citations, with_quote=False)),
                )
                for c in brief.co_chairs
            ),
        ),
    ]


def _documents(title: str, items: list[AgreementItem], none: str) -> list[Block]:
    if not items:
        return [Heading(title), Paragraph(inline(f"No documents {none}."), "empty")]
    rows = tuple(
        row(
            str(n),
            cell(strong(kind_label(a.kind)), f" on {a.subject}" if a.subject else ""),
            organisations_text(a.parties) or "not reported",
            cell(notes=citation_notes(a.citations)),
        )
        for n, a in enumerate(items, start=1)
    )
    return [Heading(title), Table(DOCUMENT_COLUMNS, rows)]


def _commitments(brief: SessionBrief) -> list[Block]:
    blocks: list[Block] = [Heading(f"Commitments ({brief.commitment_count})")]
    if not brief.commitment_count:
        return [*blocks, Paragraph(inline("No commitments recorded."), "empty")]
    blocks.append(Figures(tuple((str(n), s) for s, n in brief.strength_counts.items())))
    blocks += [Figure(chart) for chart in brief.charts]
    for group in brief.sectors:
        rows = tuple(
            row(
                str(c.id),
                cell(one_line(c.text), notes=commitment_sources(c)),
                cell(badge(c.strength)),
                owners_text(c.owners) or "not assigned",
                partial_date_text(c.due) or "none set",
            )
            for c in group.commitments
        )
        blocks += [
            Heading(f"{group.label} ({len(group.commitments)})", level=2),
            Table(COMMITMENT_COLUMNS, rows),
        ]
    return blocks


def _next_session(n: NextMeetingRow | None) -> list[Block]:
    if n is None:
        return [Paragraph(inline("The sources do not announce the next session."), "empty")]
    text = f"The {ordinal_text(n.ordinal) if n.ordinal else 'next'} session"
    if n.city or n.country:
        text += f" is to be held in {place_text(n.city, n.country)}"
    if n.planned_for:
        text += f", {'on' if len(n.planned_for) == 10 else 'in'} {partial_date_text(n.planned_for)}"
    return [Paragraph(inline(text + "."), "lead"), Notes(tuple(citation_notes(n.citations)))]


def _source(d: SourceRow) -> Inline:
    """``Outlet, “Title”, 28 November 2025 — https://… (file.txt)``."""
    return inline(
        d.outlet or "Unknown outlet",
        f", “{d.title}”" if d.title else "",
        f", {date_text(d.published)}" if d.published else "",
        *((" — ", link(d.url)) if d.url else ()),
        f" ({file_name(d.source)})",
    )
