"""Sectors of a span of text, from the keyword lists in ``data/sectors.yaml``."""

from __future__ import annotations

import re

from accord.extract.gazetteer import Gazetteer


def keyword_hits(text: str, gazetteer: Gazetteer) -> list[tuple[str, re.Pattern[str], int]]:
    """Each sector keyword found in ``text`` (sector, keyword, start), none overlapping another.

    Longer keywords are tried first, so "food security" is agriculture and not also security.
    """
    found: list[tuple[str, re.Pattern[str], int]] = []
    taken: list[tuple[int, int]] = []
    patterns = sorted(gazetteer.sector_patterns, key=lambda sp: -len(sp[1].pattern))
    for sector, pattern in patterns:
        for m in pattern.finditer(text):
            if any(m.start() < e and m.end() > s for s, e in taken):
                continue
            taken.append(m.span())
            found.append((sector, pattern, m.start()))
    return found


def classify_sectors(text: str, gazetteer: Gazetteer) -> list[str]:
    """Sectors named in ``text``, primary first: most keyword hits, ties to the earliest.

    ``general`` loses ties to a named sector, and is the answer when nothing
    is named.
    """
    hits: dict[str, list[int]] = {}
    for sector, _, start in keyword_hits(text, gazetteer):
        hits.setdefault(sector, []).append(start)
    if not hits:
        return ["general"]
    # General competes on hits but loses ties: a named sector is more informative.
    return sorted(hits, key=lambda s: (-len(hits[s]), s == "general", min(hits[s])))
