"""Scoring an extraction against gold: every expected figure is counted by hand."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from accord.core.documents import text_sha256
from accord.core.extraction_scoring import (
    LocatedSentence,
    locate_sentences,
    score_commitments,
    score_extraction,
    score_grounding,
    spans_match,
)
from accord.core.gold import GoldFile, GoldSentence, parse_gold
from accord.core.matching import fuzzy_equal
from accord.core.meeting_scoring import score_meeting, score_next_meeting
from accord.core.records import (
    CoChair,
    Commission,
    Commitment,
    DocumentInfo,
    Evidence,
    Extraction,
    Meeting,
    NextMeeting,
    Venue,
)
from accord.core.score_sheets import Ratio, Tally, aggregate
from accord.errors import GoldError

COUNTRIES = ("Pakistan", "Pakistani", "Russia", "Russian", "Russian Federation")

S1 = "The sides agreed to build a pilot rail link."
S2 = "They will explore joint ventures in mining."
S3 = "Three memoranda were signed at the close."
S4 = "The session was chaired by the two ministers."
TEXT = " ".join([S1, S2, S3, S4])


def span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def commitment(
    text: str,
    start: int,
    end: int,
    strength: str = "decision",
    sectors: tuple[str, ...] = ("transport",),
) -> Commitment:
    return Commitment.model_validate(
        {
            "id": f"c{start}",
            "text": text[start:end],
            "start": start,
            "end": end,
            "strength": strength,
            "sectors": list(sectors),
        }
    )


def on(text: str, phrase: str, **kwargs: Any) -> Commitment:
    return commitment(text, *span(text, phrase), **kwargs)


def evidence(text: str, phrase: str) -> Evidence:
    start, end = span(text, phrase)
    return Evidence(text=phrase, start=start, end=end)


def extraction(text: str, **parts: Any) -> Extraction:
    document = DocumentInfo(id="doc-test", text_sha256=text_sha256(text))
    return Extraction(document=document, **parts)


def sentence(quote: str, label: str, strength: list[str], sectors: list[str]) -> GoldSentence:
    return GoldSentence.model_validate(
        {"quote": quote, "label": label, "strength": strength, "sectors": sectors}
    )


SENTENCES = [
    sentence(S1, "commitment", ["decision"], ["transport"]),
    sentence(S2, "commitment", ["exploration"], ["industry"]),
    sentence(S3, "neutral", [], []),
    sentence(S4, "none", [], []),
]


def gold(**parts: Any) -> GoldFile:
    data: dict[str, Any] = {
        "schema": "accord.gold/1",
        "source_file": "seeds/test.txt",
        "sentences": [s.model_dump() for s in SENTENCES],
    }
    data.update(parts)
    return parse_gold(data, "test.gold.json")


# Locating quotes


def test_locate_sentences_searches_forward_from_previous_end() -> None:
    text = "Alpha. Beta. Alpha."
    located = locate_sentences(
        text, [sentence("Beta.", "none", [], []), sentence("Alpha.", "none", [], [])], "g"
    )
    assert [(s.start, s.end) for s in located] == [(7, 12), (13, 19)]


def test_locate_sentences_falls_back_to_anywhere() -> None:
    text = "Alpha. Beta."
    located = locate_sentences(
        text, [sentence("Beta.", "none", [], []), sentence("Alpha.", "none", [], [])], "g"
    )
    assert [(s.start, s.end) for s in located] == [(7, 12), (0, 6)]


def test_locate_sentences_missing_quote_is_gold_error_naming_it() -> None:
    with pytest.raises(GoldError, match=r"^g\.gold\.json: quote not found .*'Gamma is here'"):
        locate_sentences("Alpha. Beta.", [sentence("Gamma is here", "none", [], [])], "g.gold.json")


# Span overlap


def located_at(start: int, end: int) -> LocatedSentence:
    return LocatedSentence(sentence("x", "commitment", ["decision"], ["trade"]), start, end)


def test_spans_match_needs_half_of_shorter_span() -> None:
    text = "x" * 100
    gold_span = located_at(0, 20)
    # 8 of 20 shared characters is 40% of the shorter span: no match.
    assert not spans_match(commitment(text, 12, 32), gold_span)
    # 10 of 20 is exactly half: a match.
    assert spans_match(commitment(text, 10, 30), gold_span)


def test_spans_match_uses_the_shorter_span() -> None:
    text = "x" * 100
    # A 10-character prediction inside a 60-character sentence overlaps all of itself.
    assert spans_match(commitment(text, 40, 50), located_at(0, 60))
    # A 60-character prediction covering a 10-character sentence overlaps all of it.
    assert spans_match(commitment(text, 0, 60), located_at(40, 50))


# Commitments


def test_score_commitments_counts_tp_fp_fn_and_ignores_neutral() -> None:
    sentences = locate_sentences(TEXT, SENTENCES, "g")
    predicted = [
        on(TEXT, S1),  # matches S1: tp
        on(TEXT, S3),  # neutral: ignored
        on(TEXT, S4),  # a "none" sentence: fp
        on(TEXT, "agreed to build a pilot rail link."),  # S1 taken already: fp
    ]
    score, issues = score_commitments(sentences, predicted)
    assert score.matches == Tally(tp=1, fp=2, fn=1)
    assert score.neutral == 1
    assert score.matches.precision == pytest.approx(1 / 3)
    assert score.matches.recall == pytest.approx(1 / 2)
    assert score.matches.f1 == pytest.approx(2 * 1 / (2 * 1 + 2 + 1))
    assert score.strength == Ratio(1, 1)
    assert score.sector == Ratio(1, 1)
    kinds = sorted((i.kind, i.text) for i in issues)
    assert kinds == [
        ("false_negative", S2),
        ("false_positive", S4),
        ("false_positive", "agreed to build a pilot rail link."),
    ]


def test_score_commitments_only_neutral_predictions_leave_precision_undefined() -> None:
    sentences = locate_sentences(TEXT, SENTENCES, "g")
    score, _ = score_commitments(sentences, [on(TEXT, S3)])
    assert score.matches == Tally(tp=0, fp=0, fn=2)
    assert score.matches.precision is None
    assert score.matches.recall == 0.0


def test_score_commitments_strength_and_primary_sector_accuracy() -> None:
    sentences = locate_sentences(TEXT, SENTENCES, "g")
    predicted = [
        # Right strength; primary sector "energy" is not among the gold sectors.
        on(TEXT, S1, strength="decision", sectors=("energy", "transport")),
        # Wrong strength; right sector.
        on(TEXT, S2, strength="intention", sectors=("industry",)),
    ]
    score, issues = score_commitments(sentences, predicted)
    assert score.matches == Tally(tp=2, fp=0, fn=0)
    assert score.strength == Ratio(1, 2)
    assert score.sector == Ratio(1, 2)
    found = {(i.kind, i.predicted, i.expected) for i in issues}
    assert found == {
        ("wrong_sector", "energy", "transport"),
        ("wrong_strength", "intention", "exploration"),
    }


def test_score_commitments_greedy_by_largest_overlap() -> None:
    # Sentence A is 40 characters, sentence B 20. P1 covers A's second half and
    # all of B (overlaps 20 and 20), P2 covers all of A (overlap 40). Taking the
    # largest overlap first pairs A with P2, which leaves B to P1: two matches.
    text = "a" * 39 + "." + "b" * 19 + "."
    gold_sentences = [
        sentence(text[:40], "commitment", ["decision"], ["trade"]),
        sentence(text[40:], "commitment", ["decision"], ["trade"]),
    ]
    sentences = locate_sentences(text, gold_sentences, "g")
    p1 = commitment(text, 20, 60, sectors=("trade",))
    p2 = commitment(text, 0, 40, sectors=("trade",))
    score, _ = score_commitments(sentences, [p1, p2])
    assert score.matches == Tally(tp=2, fp=0, fn=0)


def test_score_commitments_prediction_matching_nothing_is_false_positive() -> None:
    text = S1 + " Unlabelled trailing text here."
    sentences = locate_sentences(text, [SENTENCES[0]], "g")
    score, issues = score_commitments(sentences, [on(text, "Unlabelled trailing text here.")])
    assert score.matches == Tally(tp=0, fp=1, fn=1)
    assert issues[0].detail == "matches no gold sentence"


# Meeting


def gold_meeting() -> dict[str, Any]:
    return {
        "kind": "commission_session",
        "commission": {
            "name": "Pakistan-Russia Intergovernmental Commission",
            "parties": ["PAK", "RUS"],
        },
        "ordinal": 10,
        "start": "2025-11-25",
        "end": "2025-11-27",
        "venue": {"city": "Islamabad", "country": "PAK"},
        "co_chairs": [
            {"name": "Awais Leghari", "country": "PAK", "post": None},
            {"name": "Sergei Tsivilev", "country": "RUS", "post": None},
        ],
    }


MEETING_TEXT = "Awais Leghari and Sergey Tsivilev met Shehbaz Sharif."


def predicted_meeting(**changes: Any) -> Meeting:
    data: dict[str, Any] = {
        "kind": "commission_session",
        "commission": Commission(
            name="Pakistan-Russia Intergovernmental Commission", parties=["RUS", "PAK"]
        ),
        "ordinal": 10,
        "start": dt.date(2025, 11, 25),
        "end": dt.date(2025, 11, 27),
        "venue": Venue(city="Islamabad", country="PAK"),
        "co_chairs": [
            CoChair(
                name="Awais Leghari",
                country="PAK",
                evidence=evidence(MEETING_TEXT, "Awais Leghari"),
            ),
            CoChair(
                name="Sergey Tsivilev",
                country=None,
                evidence=evidence(MEETING_TEXT, "Sergey Tsivilev"),
            ),
            CoChair(
                name="Shehbaz Sharif",
                country="PAK",
                evidence=evidence(MEETING_TEXT, "Shehbaz Sharif"),
            ),
        ],
    }
    data.update(changes)
    return Meeting(**data)


def test_score_meeting_exact_fields_and_party_set() -> None:
    expected = gold(meeting=gold_meeting()).meeting
    score, issues = score_meeting(expected, predicted_meeting(ordinal=11))
    assert score.presence == Ratio(1, 1)
    assert score.ordinal == Ratio(0, 1)
    for field in (score.start, score.end, score.city, score.country, score.parties):
        assert field == Ratio(1, 1)
    assert score.fields_correct == Ratio(6, 7)
    assert score.kind == Ratio(1, 1)
    assert score.commission_name == Ratio(1, 1)
    assert ("mismatch", "ordinal", "11", "10") in {
        (i.kind, i.text, i.predicted, i.expected) for i in issues
    }


def test_score_meeting_co_chairs_fuzzy_names_and_country() -> None:
    expected = gold(meeting=gold_meeting()).meeting
    score, _ = score_meeting(expected, predicted_meeting())
    # "Sergey Tsivilev" matches "Sergei Tsivilev" (ratio 93); "Shehbaz Sharif" is extra.
    assert score.co_chairs == Tally(tp=2, fp=1, fn=0)
    assert score.co_chairs.f1 == pytest.approx(4 / 5)
    # Tsivilev's predicted country is null, gold RUS.
    assert score.co_chair_country == Ratio(1, 2)


def test_score_meeting_missing_prediction() -> None:
    expected = gold(meeting=gold_meeting()).meeting
    score, _ = score_meeting(expected, None)
    assert score.presence == Ratio(0, 1)
    assert score.fields_correct == Ratio(0, 7)
    assert score.co_chairs == Tally(tp=0, fp=0, fn=2)


def test_score_meeting_none_expected_none_predicted_is_all_right() -> None:
    score, issues = score_meeting(None, None)
    assert score.fields_correct == Ratio(7, 7)
    assert score.co_chairs == Tally()
    assert issues == []


# Next meeting


def next_meeting(text: str, **fields: Any) -> NextMeeting:
    return NextMeeting(evidence=evidence(text, S1), **fields)


def test_score_next_meeting_null_against_null_is_right() -> None:
    score, _ = score_next_meeting(None, None)
    assert score.fields_correct == Ratio(3, 3)


def test_score_next_meeting_exact_fields() -> None:
    expected = gold(next_meeting={"ordinal": 11, "city": None, "country": "RUS", "when": "2026"})
    predicted = next_meeting(TEXT, ordinal=11, city="Moscow", country="RUS", when="2026-01")
    score, _ = score_next_meeting(expected.next_meeting, predicted)
    # City is not scored; "2026-01" is not "2026".
    assert (score.ordinal, score.country, score.when) == (Ratio(1, 1), Ratio(1, 1), Ratio(0, 1))


def test_score_next_meeting_null_field_in_both_counts_as_right() -> None:
    expected = gold(next_meeting={"ordinal": None, "country": "RUS", "when": None})
    predicted = next_meeting(TEXT, ordinal=None, country="PAK", when=None)
    score, _ = score_next_meeting(expected.next_meeting, predicted)
    assert score.fields_correct == Ratio(2, 3)


def test_score_next_meeting_missing_prediction_is_wrong() -> None:
    expected = gold(next_meeting={"ordinal": 11, "country": "RUS", "when": "2026"})
    score, _ = score_next_meeting(expected.next_meeting, None)
    assert score.fields_correct == Ratio(0, 3)


# Grounding


def test_score_grounding_counts_spans_equal_to_text() -> None:
    start, end = span(TEXT, S2)
    bad = Commitment(
        id="c1", text=S2, start=start + 1, end=end + 1, strength="decision", sectors=["trade"]
    )
    record = extraction(TEXT, commitments=[on(TEXT, S1), bad])
    score, issues = score_grounding(record, TEXT)
    assert score.spans == Ratio(1, 2)
    assert score.share == 0.5
    assert [(i.kind, i.start) for i in issues] == [("ungrounded", start + 1)]


def test_score_grounding_no_spans_is_full() -> None:
    score, _ = score_grounding(extraction(TEXT), TEXT)
    assert score.share == 1.0


# A whole document, and documents together


def test_score_extraction_empty_prediction() -> None:
    score = score_extraction(TEXT, gold(), extraction(TEXT), COUNTRIES, gold_name="t.gold.json")
    assert score.gold == "t.gold.json"
    assert score.source == "seeds/test.txt"
    assert score.sheet.commitments.matches == Tally(tp=0, fp=0, fn=2)
    assert score.sheet.meeting.fields_correct == Ratio(7, 7)
    assert score.sheet.next_meeting.fields_correct == Ratio(3, 3)
    assert score.sheet.grounding.share == 1.0


def test_aggregate_micro_sums_counts_and_macro_averages_documents() -> None:
    # Document A: S1 predicted right, S2 missed: tp 1, fp 0, fn 1.
    a = score_extraction(TEXT, gold(), extraction(TEXT, commitments=[on(TEXT, S1)]), COUNTRIES)
    # Document B: both found, and the "none" sentence predicted: tp 2, fp 1, fn 0.
    b_predictions = [
        on(TEXT, S1),
        on(TEXT, S2, strength="exploration", sectors=("industry",)),
        on(TEXT, S4),
    ]
    b = score_extraction(TEXT, gold(), extraction(TEXT, commitments=b_predictions), COUNTRIES)
    overall = aggregate([a, b])
    assert overall.documents == 2
    assert overall.micro.commitments.matches == Tally(tp=3, fp=1, fn=1)
    assert overall.micro.commitments.matches.precision == pytest.approx(3 / 4)
    assert overall.micro.commitments.matches.recall == pytest.approx(3 / 4)
    # Macro precision: A 1/1, B 2/3; recall: A 1/2, B 2/2.
    assert overall.macro.commitment_precision == pytest.approx((1 + 2 / 3) / 2)
    assert overall.macro.commitment_recall == pytest.approx((1 / 2 + 1) / 2)
    assert overall.micro.commitments.strength == Ratio(3, 3)
    assert overall.micro.meeting.fields_correct == Ratio(14, 14)


def test_aggregate_of_nothing_has_no_rates() -> None:
    overall = aggregate([])
    assert overall.documents == 0
    assert overall.micro.commitments.matches.f1 is None
    assert overall.macro.commitment_f1 is None


def test_fuzzy_equal_boundary_is_85() -> None:
    # 20 + 20 characters, 3 substituted: Indel distance 6, ratio (40 - 6) / 40 = 85%.
    assert fuzzy_equal("northern grain board", "northern grain boxyz")
    # 4 substituted: distance 8, ratio 80%.
    assert not fuzzy_equal("northern grain board", "northern grain bwxyz")
    assert not fuzzy_equal("", "")


def test_score_commitments_due_is_an_extra_over_dated_pairs() -> None:
    dated = [
        GoldSentence.model_validate(
            {"quote": S1, "label": "commitment", "strength": ["decision"],
             "sectors": ["transport"], "due": "2026"}
        ),
        SENTENCES[1],
    ]  # fmt: skip
    sentences = locate_sentences(TEXT, dated, "g")
    predicted = [
        on(TEXT, S1).model_copy(update={"due": "2026-06"}),
        on(TEXT, S2, strength="exploration", sectors=("industry",)),
    ]
    score, issues = score_commitments(sentences, predicted)
    # Only S1 has a due date on either side, and "2026-06" is not "2026".
    assert score.due == Ratio(0, 1)
    assert [(i.kind, i.predicted, i.expected) for i in issues] == [("wrong_due", "2026-06", "2026")]
