"""Sectors of a span of text, from the keyword lists in ``data/sectors.yaml``."""

from __future__ import annotations

from accord.extract.gazetteer import Gazetteer


def classify_sectors(text: str, gazetteer: Gazetteer) -> list[str]:
    """Sectors named in ``text``, primary first: most keyword hits, ties to the earliest.

    ``general`` loses ties to a named sector, and is the answer when nothing
    is named.
    """
    hits: dict[str, list[int]] = {}
    taken: list[tuple[int, int]] = []
    # Longer keywords first, so "food security" is agriculture and not also security.
    patterns = sorted(gazetteer.sector_patterns, key=lambda sp: -len(sp[1].pattern))
    for sector, pattern in patterns:
        for m in pattern.finditer(text):
            if any(m.start() < e and m.end() > s for s, e in taken):
                continue
            taken.append(m.span())
            hits.setdefault(sector, []).append(m.start())
    if not hits:
        return ["general"]
    # General competes on hits but loses ties: a named sector is more informative.
    return sorted(hits, key=lambda s: (-len(hits[s]), s == "general", min(hits[s])))
