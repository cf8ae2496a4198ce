"""Fuzzy name comparison and one-to-one matching, shared by the scorers.

The fuzzy ratio is rapidfuzz's ``fuzz.ratio`` (normalised Indel similarity,
0..100); the threshold is checked in integers so that a ratio of exactly 85
is never lost to floating-point rounding.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from rapidfuzz.distance import Indel

FUZZY_THRESHOLD = 85

L = TypeVar("L")
R = TypeVar("R")


def fuzzy_equal(a: str, b: str, threshold: int = FUZZY_THRESHOLD) -> bool:
    """Whether ``fuzz.ratio(a, b) >= threshold``, computed exactly; empty strings never match."""
    if not a or not b:
        return False
    total = len(a) + len(b)
    similar = total - Indel.distance(a, b)
    return 100 * similar >= threshold * total


def match_one_to_one(
    left: Sequence[L], right: Sequence[R], compatible: Callable[[L, R], bool]
) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of ``left`` to ``right`` items, as index pairs.

    Greedy matching can leave a pair unmatched that a different assignment
    would have matched (Kuhn's augmenting paths do not), so the counts never
    depend on the order the items come in. Pairs are sorted by left index.
    """
    edges = [[j for j, r in enumerate(right) if compatible(item, r)] for item in left]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(left)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())
