import datetime as dt
from pathlib import Path

import pytest

from accord.core.documents import SourceDocument
from accord.core.records import Extraction, grounding_share
from accord.errors import ConfigError
from accord.extract.pipeline import extract, get_extractor
from accord.ingest import load_document


def make(text: str, published: dt.date | None = dt.date(2026, 3, 6)) -> SourceDocument:
    return SourceDocument(source="test.txt", kind="text", text=text, published=published)


def run(text: str, published: dt.date | None = dt.date(2026, 3, 6)) -> Extraction:
    document = make(text, published)
    extraction = extract(document)
    assert grounding_share(extraction, text) == 1.0
    return extraction


def test_extract_seed_meeting_is_complete(seed_path: Path) -> None:
    extraction = extract(load_document(seed_path))
    meeting = extraction.meeting
    assert meeting is not None
    assert meeting.kind == "commission_session"
    assert meeting.ordinal == 10
    assert set(meeting.commission.parties) == {"PAK", "RUS"}
    assert (meeting.start, meeting.end) == (dt.date(2025, 11, 25), dt.date(2025, 11, 27))
    assert (meeting.venue.city, meeting.venue.country) == ("Islamabad", "PAK")
    chairs = {c.name: (c.country, c.post) for c in meeting.co_chairs}
    assert chairs == {
        "Awais Leghari": ("PAK", "Energy Minister"),
        "Sergei Tsivilev": ("RUS", "Energy Minister"),
    }


def test_extract_seed_agreements_and_next_meeting(seed_path: Path) -> None:
    extraction = extract(load_document(seed_path))
    signed = [a for a in extraction.agreements if a.status == "signed"]
    planned = [a for a in extraction.agreements if a.status == "planned"]
    assert len(signed) == 3
    assert all(len(a.parties) == 2 for a in signed)
    assert {a.parties[1].country for a in signed} == {"RUS"}
    assert {p.subject for p in planned} == {
        "higher education",
        "mutual recognition of degrees",
        "scientific cooperation",
    }
    nxt = extraction.next_meeting
    assert nxt is not None
    assert (nxt.ordinal, nxt.city, nxt.country, nxt.when) == (11, None, "RUS", "2026")


def test_extract_records_extractor_and_document_identity(seed_path: Path) -> None:
    document = load_document(seed_path)
    extraction = extract(document)
    assert extraction.extractor is not None
    assert extraction.extractor.name == "accord.rules.v1"
    assert extraction.document.text_sha256 == document.sha256
    assert extraction.document.id == document.id
    assert all(c.cue and c.confidence for c in extraction.commitments)


def test_extract_unrelated_text_reports_no_meeting() -> None:
    text = (
        "KARACHI: The provincial government on Friday presented a budget of Rs3 trillion "
        "for the next fiscal year. The finance minister said spending on schools will rise "
        "by 12 per cent. Opposition members walked out of the assembly in protest."
    )
    extraction = run(text)
    assert extraction.meeting is None
    assert extraction.agreements == []
    assert extraction.commitments == []


def test_extract_hard_wrapped_text_keeps_sentences_whole() -> None:
    text = (
        "TASHKENT, March 5 - Uzbekistan and Kazakhstan held the 9th meeting of the\n"
        "Joint Intergovernmental Commission in Tashkent on 3-4 March 2026. The two\n"
        "sides agreed to launch a joint logistics hub at the border by the end of\n"
        "2027. They also discussed opportunities in cotton processing.\n"
    )
    extraction = run(text)
    assert extraction.meeting is not None
    assert extraction.meeting.ordinal == 9
    assert (extraction.meeting.start, extraction.meeting.end) == (
        dt.date(2026, 3, 3),
        dt.date(2026, 3, 4),
    )
    hub = next(c for c in extraction.commitments if "logistics hub" in c.text)
    assert hub.text.startswith("The two\nsides agreed") and hub.text.endswith("2027.")
    assert hub.strength == "decision"
    assert hub.sectors[0] == "transport"
    assert hub.due == "2027"


def test_extract_abbreviations_do_not_split_sentences() -> None:
    text = (
        "MOSCOW, Oct. 14 (TASS) - The 26th session of the India-Russia Intergovernmental "
        "Commission was co-chaired by H.E. Dr. S. Jaishankar, External Affairs Minister of India, "
        "and Deputy Prime Minister Denis Manturov. The sides agreed to explore cooperation in "
        "fertilisers."
    )
    extraction = run(text, dt.date(2025, 10, 14))
    explore = next(c for c in extraction.commitments if "fertilisers" in c.text)
    assert explore.text.startswith("The sides agreed to explore")
    assert explore.strength == "exploration"
    meeting = extraction.meeting
    assert meeting is not None and meeting.ordinal == 26
    assert {c.name for c in meeting.co_chairs} >= {"Denis Manturov"}


def test_extract_quoted_statement_is_reduced_to_its_words() -> None:
    text = (
        "Turkey and Azerbaijan held the 11th session of the Joint Economic Commission in Baku. "
        "“The sides will double bilateral trade to $15 billion by 2030,” the ministry said."
    )
    extraction = run(text)
    trade = next(c for c in extraction.commitments if "double" in c.text)
    assert trade.text == "The sides will double bilateral trade to $15 billion by 2030"
    assert trade.due == "2030"
    assert trade.sectors[0] == "trade"


def test_extract_signed_earlier_is_not_an_agreement() -> None:
    text = (
        "The 6th session of the Azerbaijan-Uzbekistan Intergovernmental Commission was held in "
        "Baku on 10-11 June 2025. The sides reviewed the implementation of the agreement on "
        "road transport signed in 2019. An MoU between the State Customs Committee of Azerbaijan "
        "and the Customs Committee of Uzbekistan on the exchange of customs data was signed."
    )
    extraction = run(text, dt.date(2025, 6, 12))
    assert [a.status for a in extraction.agreements] == ["signed"]
    parties = {p.name for p in extraction.agreements[0].parties}
    assert any("State Customs Committee" in name for name in parties)


def test_extract_next_meeting_with_city_and_month() -> None:
    text = (
        "The 14th meeting of the Pakistan-China Joint Cooperation Committee was held in "
        "Islamabad. The 15th JCC meeting will be held in Beijing in June 2026."
    )
    extraction = run(text, dt.date(2026, 1, 20))
    nxt = extraction.next_meeting
    assert nxt is not None
    assert (nxt.ordinal, nxt.city, nxt.country, nxt.when) == (15, "Beijing", "CHN", "2026-06")


def test_get_extractor_unknown_name_lists_valid_names() -> None:
    with pytest.raises(ConfigError, match=r"accord\.rules\.v1"):
        get_extractor("accord.nothing.v9")


def test_extract_user_gazetteer_adds_an_organisation(tmp_path: Path) -> None:
    extra = tmp_path / "agencies.yaml"
    extra.write_text(
        "organisations:\n"
        "  - {name: Zorblax Standards Bureau, acronym: ZSB, country: UZB, aliases: []}\n",
        encoding="utf-8",
    )
    text = (
        "The 9th meeting of the Kazakhstan-Uzbekistan Intergovernmental Commission was held in "
        "Astana on 3-4 March 2026. An MoU was signed between the ZSB and Kazakhstan's "
        "Committee for Technical Regulation and Metrology on conformity assessment."
    )
    document = make(text)
    extraction = extract(document, gazetteer_files=[extra])
    parties = extraction.agreements[0].parties
    assert parties[0].name == "Zorblax Standards Bureau"
    assert parties[0].country == "UZB"
