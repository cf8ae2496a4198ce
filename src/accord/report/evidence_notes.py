"""Citations as small print: a quotation and where it comes from, as every report shows them."""

from __future__ import annotations

from collections.abc import Sequence

from accord.report.blocks import Inline, inline, quote
from accord.report.phrases import one_line, source_label
from accord.store.citations import Citation
from accord.store.commitments import CommitmentItem


def cited(citation: Citation, *, with_quote: bool = True, prefix: str = "") -> Inline:
    """``“quote” — Outlet, “Title”, 28 November 2025`` (or the source alone)."""
    if not with_quote:
        return inline(prefix, source_label(citation))
    return inline(prefix, quote(citation.quote), " — ", source_label(citation))


def citation_notes(citations: Sequence[Citation], *, with_quote: bool = True) -> list[Inline]:
    return [cited(c, with_quote=with_quote) for c in citations]


def commitment_sources(commitment: CommitmentItem) -> list[Inline]:
    """Where a commitment was found; the quotation only where it differs from the text shown."""
    return [
        cited(c, with_quote=one_line(c.quote) != one_line(commitment.text))
        for c in commitment.citations
    ]
