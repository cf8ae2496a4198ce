"""A document's text cut into pieces, each with the extracted items that cover it.

Items may overlap (a co-chair inside the meeting's sentence); a piece shows
the innermost item's colour and links to it, and lists all of them. Only
grounded items are placed in the text; the page lists the others apart.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from accord.store.documents import DocumentItem


@dataclass(frozen=True)
class Piece:
    """Characters of the text, and the indexes (into the items) of those covering them."""

    start: int
    text: str
    covering: tuple[int, ...]
    primary: int | None


def pieces(text: str, items: Sequence[DocumentItem]) -> list[Piece]:
    """The whole ``text`` in order, cut wherever a grounded item starts or ends."""
    placed = [
        (i, item)
        for i, item in enumerate(items)
        if item.grounded and 0 <= item.start < item.end <= len(text)
    ]
    cuts = sorted({0, len(text), *(p.start for _, p in placed), *(p.end for _, p in placed)})
    starting: dict[int, list[int]] = {}
    ending: dict[int, list[int]] = {}
    for i, item in placed:
        starting.setdefault(item.start, []).append(i)
        ending.setdefault(item.end, []).append(i)
    active: set[int] = set()
    found: list[Piece] = []
    for left, right in itertools.pairwise(cuts):
        active.difference_update(ending.get(left, ()))
        active.update(starting.get(left, ()))
        covering = tuple(sorted(active))
        primary = min(covering, key=lambda i: items[i].end - items[i].start) if covering else None
        found.append(Piece(left, text[left:right], covering, primary))
    return found
