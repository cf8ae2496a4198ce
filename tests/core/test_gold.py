"""Parsing gold files (accord.gold/1): strict shape, errors that name the file."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from accord.core.gold import parse_gold, parse_gold_json
from accord.errors import GoldError


def gold_data(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "schema": "accord.gold/1",
        "source_file": "seeds/x.txt",
        "document": {"published": "2025-11-28", "outlet": "Dawn"},
        "meeting": {
            "kind": "commission_session",
            "commission": {"name": "IGC", "parties": ["PAK", "RUS"]},
            "ordinal": 10,
            "start": "2025-11-25",
            "end": "2025-11-27",
            "venue": {"city": "Islamabad", "country": "PAK"},
            "co_chairs": [{"name": "Awais Leghari", "country": "PAK", "post": "Energy Minister"}],
        },
        "agreements": [
            {
                "kind": "mou",
                "status": "signed",
                "sectors": ["culture"],
                "parties": [{"name": "Sputnik", "acronym": None, "country": "RUS"}],
                "subject": "media",
            }
        ],
        "sentences": [
            {
                "quote": "They agreed to build a rail link.",
                "label": "commitment",
                "strength": ["decision"],
                "sectors": ["transport"],
                "actors": ["Pakistan Railways"],
            },
            {"quote": "Three MoUs were signed.", "label": "neutral", "why": "an agreement"},
        ],
        "next_meeting": {"ordinal": 11, "city": None, "country": "RUS", "when": "2026"},
    }
    data.update(changes)
    return data


def test_parse_gold_reads_every_part() -> None:
    gold = parse_gold(gold_data(), "g.gold.json")
    assert gold.document.published == dt.date(2025, 11, 28)
    assert gold.meeting is not None
    assert gold.meeting.start == dt.date(2025, 11, 25)
    assert gold.meeting.co_chairs[0].post == "Energy Minister"
    assert gold.agreements[0].parties[0].name == "Sputnik"
    assert gold.sentences[0].actors == ["Pakistan Railways"]
    assert gold.sentences[1].why == "an agreement"
    assert gold.next_meeting is not None
    assert gold.next_meeting.when == "2026"


def test_parse_gold_accepts_null_meeting_and_next_meeting() -> None:
    gold = parse_gold(gold_data(meeting=None, next_meeting=None), "g.gold.json")
    assert gold.meeting is None
    assert gold.next_meeting is None


def test_parse_gold_allows_notes() -> None:
    gold = parse_gold(gold_data(notes="checked twice"), "g.gold.json")
    assert gold.notes == "checked twice"


def test_parse_gold_unknown_key_is_error_naming_file() -> None:
    with pytest.raises(GoldError, match=r"^g\.gold\.json: .*comment"):
        parse_gold(gold_data(comment="x"), "g.gold.json")


def test_parse_gold_unknown_sentence_key_is_error() -> None:
    data = gold_data()
    data["sentences"][1]["strenght"] = ["decision"]
    with pytest.raises(GoldError, match=r"sentences\.1\.strenght"):
        parse_gold(data, "g.gold.json")


def test_parse_gold_bad_label_is_error() -> None:
    data = gold_data()
    data["sentences"][1]["label"] = "maybe"
    with pytest.raises(GoldError, match=r"^g\.gold\.json: "):
        parse_gold(data, "g.gold.json")


def test_parse_gold_commitment_without_strength_is_error() -> None:
    data = gold_data()
    data["sentences"][0]["strength"] = []
    with pytest.raises(GoldError, match="at least one strength"):
        parse_gold(data, "g.gold.json")


def test_parse_gold_wrong_schema_is_error() -> None:
    with pytest.raises(GoldError, match="schema"):
        parse_gold(gold_data(schema="accord.gold/2"), "g.gold.json")


def test_parse_gold_json_invalid_json_names_file_and_line() -> None:
    with pytest.raises(GoldError, match=r"^bad\.gold\.json: invalid JSON at line 2"):
        parse_gold_json('{\n  "schema": }', "bad.gold.json")


def test_parse_gold_json_round_trip() -> None:
    gold = parse_gold_json(json.dumps(gold_data()), "g.gold.json")
    assert gold.source_file == "seeds/x.txt"


def test_resolve_anchors_turns_anchors_into_quotes() -> None:
    from accord.core.gold import parse_gold, resolve_anchors

    text = "Intro line.\nThe sides agreed to open a consulate in Osh. Then lunch was served.\n"
    gold = parse_gold(
        {
            "schema": "accord.gold/1",
            "source_file": "texts/x.txt",
            "sentences": [
                {"anchor": {"head": "The sides agreed", "tail": "in Osh."}, "label": "commitment",
                 "strength": ["decision"], "sectors": ["general"]},
            ],
        },
        "x.gold.json",
    )  # fmt: skip
    resolved = resolve_anchors(gold, text, "x.gold.json")
    assert resolved.sentences[0].quote == "The sides agreed to open a consulate in Osh."
    assert resolved.sentences[0].anchor is None


def test_gold_sentence_needs_a_quote_or_an_anchor_not_both() -> None:
    from accord.core.gold import parse_gold
    from accord.errors import GoldError

    base = {"schema": "accord.gold/1", "source_file": "x.txt"}
    with pytest.raises(GoldError, match="either a quote or an anchor"):
        parse_gold({**base, "sentences": [{"label": "none"}]}, "x")
    with pytest.raises(GoldError, match="either a quote or an anchor"):
        parse_gold(
            {**base, "sentences": [{"quote": "A.", "anchor": {"head": "A", "tail": "."},
                                    "label": "none"}]},
            "x",
        )  # fmt: skip


def test_anchor_head_found_twice_is_an_error() -> None:
    from accord.core.gold import GoldAnchor, anchored_quote
    from accord.errors import GoldError

    with pytest.raises(GoldError, match="found 2 times"):
        anchored_quote(GoldAnchor(head="They met", tail="."), "They met. They met.", "g")
