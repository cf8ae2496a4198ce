"""The named cases of extract/data/cues.yaml: each through the extractor, every cue exercised."""

from __future__ import annotations

from dataclasses import replace

import pytest

from accord.core.records import Commitment
from accord.extract.commitments import STRONG_CUE, best_cue

from .case_tables import CASES, Case, built_in_gazetteer, load_table, parse_all

TABLE = load_table(CASES / "cues.yaml")


@pytest.fixture(scope="module")
def found() -> dict[str, list[Commitment]]:
    """The commitments the extractor finds in each case's text."""
    parsed = parse_all(c.text for c in TABLE)
    return {
        case.id: [c for c in p.extract().commitments if c.start >= p.offset]
        for case, p in zip(TABLE, parsed, strict=True)
    }


@pytest.mark.parametrize("case", TABLE, ids=lambda c: c.id)
def test_cue_case(case: Case, found: dict[str, list[Commitment]]) -> None:
    commitments = found[case.id]
    if case.expect is None:
        assert commitments == []
        return
    [commitment] = commitments
    assert (commitment.strength, commitment.cue) == (case.expect["strength"], case.expect["cue"])


def test_every_strength_cue_decides_a_case() -> None:
    gazetteer = built_in_gazetteer()
    decided = set()
    for case in TABLE:
        if case.rule == "strength":
            hit = best_cue(case.text, gazetteer)
            assert hit is not None, case.id
            decided.add(gazetteer.cues.index(hit.cue))
    missing = [c.pattern.pattern for i, c in enumerate(gazetteer.cues) if i not in decided]
    assert missing == [], f"cues.yaml strength cues without a named case: {missing}"


def test_every_not_commitment_pattern_vetoes_a_case() -> None:
    gazetteer = built_in_gazetteer()
    vetoed = set()
    for case in TABLE:
        if case.rule != "not_commitment":
            continue
        hit = best_cue(case.text, gazetteer)
        # A cue fires, weak enough to be vetoed, and one pattern alone vetoes it.
        assert hit is not None and hit.cue.priority < STRONG_CUE, case.id
        [veto] = [v for v in gazetteer.vetoes if v.search(case.text)]
        vetoed.add(veto)
    missing = [v.pattern for v in gazetteer.vetoes if v not in vetoed]
    assert missing == [], f"cues.yaml not_commitment patterns without a named case: {missing}"


def test_every_not_cue_pattern_masks_a_case() -> None:
    gazetteer = built_in_gazetteer()
    unmasked = replace(gazetteer, cue_masks=())
    masked = set()
    for case in TABLE:
        if case.rule != "not_cue":
            continue
        # Without the masks a cue decides the case; with them none does.
        hit = best_cue(case.text, unmasked)
        assert hit is not None and best_cue(case.text, gazetteer) is None, case.id
        for mask in gazetteer.cue_masks:
            for m in mask.finditer(case.text):
                start, end = m.span("masked") if "masked" in mask.groupindex else m.span()
                if start < hit.end and hit.start < end:
                    masked.add(mask)
    missing = [m.pattern for m in gazetteer.cue_masks if m not in masked]
    assert missing == [], f"cues.yaml not_cue patterns without a named case: {missing}"
