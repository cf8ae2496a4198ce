"""Named cases for the meeting rules: kind, presence, ordinal, dates and venue.

Each sentence is written for the test; each case names the reporting habit it covers.
"""

import datetime as dt

import pytest

from accord.core.documents import SourceDocument
from accord.core.records import Extraction, grounding_share
from accord.extract.pipeline import extract

PUBLISHED = dt.date(2026, 3, 6)  # a Friday


def run(text: str, published: dt.date | None = PUBLISHED) -> Extraction:
    document = SourceDocument(source="test.txt", kind="text", text=text, published=published)
    extraction = extract(document)
    assert grounding_share(extraction, text) == 1.0
    return extraction


KIND_CASES = [
    pytest.param(
        "The 3rd session of the Kenya-Uganda Bi-National Commission was held in Kampala.",
        "commission_session",
        id="a bi-national commission is a commission",
    ),
    pytest.param(
        "The 5th meeting of the Ghana-Togo Joint Permanent Commission took place in Lome.",
        "commission_session",
        id="a joint permanent commission is a commission",
    ),
    pytest.param(
        "Chile and Peru held the 2nd meeting of their High-Level Cooperation Council in Lima.",
        "commission_session",
        id="a high-level cooperation council is a commission",
    ),
    pytest.param(
        "The 4th meeting of the Oman-Jordan Joint Committee was held in Muscat.",
        "commission_session",
        id="a joint committee is a commission",
    ),
    pytest.param(
        "The co-chairs of the Kazakhstan-Hungary Intergovernmental Commission met in Astana to "
        "review the implementation of the decisions of the last session.",
        "ministerial_meeting",
        id="co-chairs meeting between sessions is a ministerial meeting",
    ),
    pytest.param(
        "The co-chairs of the Georgia-Latvia Intergovernmental Commission discussed trade over "
        "the phone.",
        "ministerial_meeting",
        id="co-chairs talking by phone is a ministerial meeting",
    ),
    pytest.param(
        "President Alvarez of Chile paid a state visit to Peru, where he and President Quispe "
        "welcomed the work of the Chile-Peru Joint Commission.",
        "summit",
        id="a state visit that mentions a commission is a summit",
    ),
    pytest.param(
        "Kenya's Foreign Minister received a delegation from Uganda led by its Trade Minister in "
        "Nairobi.",
        "ministerial_meeting",
        id="a minister receiving a delegation is a ministerial meeting",
    ),
    pytest.param(
        "The senior officials' meeting of the Mali-Senegal Joint Commission opened in Dakar.",
        "working_group",
        id="senior officials meeting before a session is a working group",
    ),
    pytest.param(
        "Vice Premier Liu of China met Kazakhstan's First Deputy Prime Minister in Beijing and "
        "co-chaired the 9th meeting of the China-Kazakhstan Cooperation Committee.",
        "commission_session",
        id="a vice premier meeting is not a summit",
    ),
]


@pytest.mark.parametrize(("text", "kind"), KIND_CASES)
def test_meeting_kind(text: str, kind: str) -> None:
    meeting = run(text).meeting
    assert meeting is not None
    assert meeting.kind == kind


NO_MEETING_CASES = [
    pytest.param(
        "The 6th session of the Uzbekistan-Latvia Intergovernmental Commission will be held in "
        "Tashkent on 14-15 April. The commission is expected to review cooperation in transport.",
        (6, "Tashkent", "UZB", "2026-04-14"),
        id="a preview reports no meeting and its session is the next meeting",
    ),
    pytest.param(
        "Oman's trade minister will travel to Jordan on Monday for the 11th Oman-Jordan Joint "
        "Committee. Several agreements are scheduled to be signed at the meeting.",
        (11, None, "JOR", "2026-03-09"),
        id="a preview dated by a weekday looks forward from publication",
    ),
    pytest.param(
        "Ghana wishes to host the 8th session of the Ghana-Togo Joint Permanent Commission in "
        "Accra, the minister said.",
        (8, "Accra", "GHA", None),
        id="a session to be hosted is the next meeting",
    ),
]


@pytest.mark.parametrize(("text", "expected"), NO_MEETING_CASES)
def test_meeting_absent_when_it_is_still_to_come(
    text: str, expected: tuple[int | None, str | None, str | None, str | None]
) -> None:
    extraction = run(text)
    assert extraction.meeting is None
    nxt = extraction.next_meeting
    assert nxt is not None
    assert (nxt.ordinal, nxt.city, nxt.country, nxt.when) == expected


def test_meeting_opening_today_is_reported() -> None:
    text = "Chile and Peru will open the 4th session of their Joint Commission in Lima today."
    meeting = run(text).meeting
    assert meeting is not None
    assert (meeting.ordinal, meeting.start, meeting.end) == (4, PUBLISHED, None)


def test_meeting_mentioned_in_an_article_about_something_else_is_not_reported() -> None:
    text = (
        "Kenya's parliament approved the budget on Tuesday. Members also discussed the "
        "revitalisation of the Kenya-Uganda Joint Permanent Commission, which has not met since "
        "2019."
    )
    assert run(text).meeting is None


ORDINAL_CASES = [
    pytest.param(
        "The twenty-first session of the Iran-Oman Joint Commission was held in Muscat.",
        21,
        id="ordinal written as words",
    ),
    pytest.param(
        "The 21st session of the Iran-Oman Joint Commission was held in Muscat.", 21, id="21st"
    ),
    pytest.param(
        "The ninth Joint Cooperation Committee (JCC) meeting of Pakistan and China was held "
        "in Islamabad.",
        9,
        id="ordinal before a bracketed acronym",
    ),
    pytest.param(
        "Kazakhstan's First Deputy Prime Minister and Uzbekistan's Deputy Prime Minister, "
        "co-chairs of the Kazakhstan-Uzbekistan Intergovernmental Commission, opened its "
        "session in Tashkent.",
        None,
        id="a first deputy prime minister is no ordinal",
    ),
    pytest.param(
        "The foreign ministers of Nepal and India met in New Delhi; this was their first meeting "
        "since the elections.",
        None,
        id="their first meeting is no ordinal",
    ),
    pytest.param(
        "The 7th session of the Ghana-Togo Joint Permanent Commission closed in Lome. Togo "
        "offered to host the 8th session of the commission.",
        7,
        id="the session to be hosted is not the reported one",
    ),
]


@pytest.mark.parametrize(("text", "ordinal"), ORDINAL_CASES)
def test_meeting_ordinal(text: str, ordinal: int | None) -> None:
    meeting = run(text).meeting
    assert meeting is not None
    assert meeting.ordinal == ordinal


DATE_CASES = [
    pytest.param(
        "The 9th session of the Kenya-Uganda Joint Commission was held in Nairobi on December 18.",
        dt.date(2026, 1, 5),
        (dt.date(2025, 12, 18), dt.date(2025, 12, 18)),
        id="a December meeting reported in January is last year's",
    ),
    pytest.param(
        "The Kenya-Uganda Joint Commission, established in 1994 by an agreement signed on "
        "12 May 1994, held its 10th session in Nairobi on 3 March.",
        PUBLISHED,
        (dt.date(2026, 3, 3), dt.date(2026, 3, 3)),
        id="a founding date is not the meeting date",
    ),
    pytest.param(
        "The 4th session of the Oman-Jordan Joint Committee was held in Muscat as a follow-up "
        "to the visit of the King of Jordan to Oman on 2-4 February.",
        PUBLISHED,
        (None, None),
        id="an earlier visit is not the meeting date",
    ),
    pytest.param(
        "The 4th session of the Oman-Jordan Joint Committee opened its work in Muscat on Sunday.",
        PUBLISHED,
        (dt.date(2026, 3, 1), None),
        id="a session that opened has a start only",
    ),
    pytest.param(
        "The 4th session of the Oman-Jordan Joint Committee closed in Muscat on Thursday after "
        "two days of talks.",
        PUBLISHED,
        (dt.date(2026, 3, 4), dt.date(2026, 3, 5)),
        id="a session that closed after two days",
    ),
    pytest.param(
        "The 4th session of the Oman-Jordan Joint Committee opened in Muscat on 2 March and "
        "closed the following day.",
        PUBLISHED,
        (dt.date(2026, 3, 2), dt.date(2026, 3, 3)),
        id="closed the following day",
    ),
    pytest.param(
        "The ministers co-chaired the 4th session of the Oman-Jordan Joint Committee in Muscat, "
        "the state news agency reported on Tuesday.",
        PUBLISHED,
        (None, None),
        id="the day of a report is not the meeting's",
    ),
    pytest.param(
        "MUSCAT, March 5 (ONA) - The 4th session of the Oman-Jordan Joint Committee was "
        "co-chaired by the two trade ministers.",
        PUBLISHED,
        (None, None),
        id="the dateline date is not the meeting's",
    ),
    pytest.param(
        "The 4th session of the Oman-Jordan Joint Committee was held in Muscat. The 3rd session "
        "was held in Amman on 10-11 May 2023.",
        PUBLISHED,
        (None, None),
        id="the date of an earlier session is history",
    ),
]


@pytest.mark.parametrize(("text", "published", "span"), DATE_CASES)
def test_meeting_dates(
    text: str, published: dt.date, span: tuple[dt.date | None, dt.date | None]
) -> None:
    meeting = run(text, published).meeting
    assert meeting is not None
    assert (meeting.start, meeting.end) == span


VENUE_CASES = [
    pytest.param(
        "ISLAMABAD: The 22nd session of the Pakistan-Iran Joint Economic Commission was held "
        "in Tehran.",
        ("Tehran", "IRN"),
        id="the dateline city is the agency's when the text names the venue",
    ),
    pytest.param(
        "BAKU, March 5 (Trend) - The 6th meeting of the Kazakhstan-Turkey Joint Strategic "
        "Planning Group was held.",
        (None, None),
        id="a dateline outside the two countries is no venue",
    ),
    pytest.param(
        "MANILA 05 March 2026 — The foreign ministers of the Philippines and Vietnam co-chaired "
        "the 11th Joint Commission for Bilateral Cooperation today.",
        ("Manila", "PHL"),
        id="a dateline with a date, and today",
    ),
    pytest.param(
        "The 3rd meeting of the Georgia-Latvia Intergovernmental Commission was held by video "
        "link from Tbilisi and Riga.",
        (None, None),
        id="a meeting by video link has no venue",
    ),
    pytest.param(
        "The 15th session of the Ethiopia-Djibouti Joint Ministerial Commission was held in "
        "Djibouti.",
        ("Djibouti", "DJI"),
        id="a country named like its capital",
    ),
    pytest.param(
        "ANKARA\n\nPresident Aliyev of Azerbaijan paid a state visit to Turkey, where the "
        "presidents held talks.",
        ("Ankara", "TUR"),
        id="a state visit to a country under a dateline of its capital",
    ),
    pytest.param(
        "The 7th session of the Ghana-Togo Joint Permanent Commission, held at a Lome hotel, "
        "reviewed cooperation since the last session in Accra.",
        ("Lome", "TGO"),
        id="the place of the last session is not the venue",
    ),
]


@pytest.mark.parametrize(("text", "venue"), VENUE_CASES)
def test_meeting_venue(text: str, venue: tuple[str | None, str | None]) -> None:
    meeting = run(text).meeting
    assert meeting is not None
    assert (meeting.venue.city, meeting.venue.country) == venue


MORE_VENUE_CASES = [
    pytest.param(
        "Pakistan's planning minister held talks with the vice chairman of China's planning "
        "commission. During the meeting in Beijing, both sides reviewed the corridor projects.",
        ("Beijing", "CHN"),
        id="during the meeting in a city",
    ),
    pytest.param(
        "The foreign ministers of India and Russia held a meeting in preparation for the "
        "forthcoming visit of the Indian prime minister to Vladivostok.",
        (None, None),
        id="the destination of a coming visit is not the venue",
    ),
    pytest.param(
        "The 19th session of the Iran-Russia Joint Commission opened, marking a new chapter in "
        "Tehran-Moscow relations.",
        (None, None),
        id="a pair of capitals is no venue",
    ),
]


@pytest.mark.parametrize(("text", "venue"), MORE_VENUE_CASES)
def test_meeting_venue_from_other_words(text: str, venue: tuple[str | None, str | None]) -> None:
    meeting = run(text).meeting
    assert meeting is not None
    assert (meeting.venue.city, meeting.venue.country) == venue


MORE_KIND_CASES = [
    pytest.param(
        "President Aliyev of Azerbaijan and President Erdogan of Turkey held a joint press "
        "conference after their talks in Ankara during the state visit.",
        "summit",
        id="a press conference is not a conference",
    ),
    pytest.param(
        "The foreign ministers of Saudi Arabia and China met on Thursday. Their meeting came on "
        "the occasion of the 4th meeting of the Political Committee under the Saudi-Chinese "
        "High-Level Joint Committee.",
        "working_group",
        id="a ministers' meeting on the occasion of a committee is that committee's",
    ),
]


@pytest.mark.parametrize(("text", "kind"), MORE_KIND_CASES)
def test_meeting_kind_from_other_sentences(text: str, kind: str) -> None:
    meeting = run(text).meeting
    assert meeting is not None
    assert meeting.kind == kind


def test_meeting_lead_weekday_dates_a_meeting_the_lead_tells_of_in_passing() -> None:
    text = (
        "ISLAMABAD: Pakistan's Commerce Minister Ali Raza on Thursday said the border market "
        "was expected "
        "to open next month. He said this in a meeting with an Iranian delegation led by its "
        "trade minister."
    )
    meeting = run(text).meeting
    assert meeting is not None
    assert (meeting.start, meeting.end) == (dt.date(2026, 3, 5), dt.date(2026, 3, 5))


NEXT_CASES = [
    pytest.param(
        "The co-chairs of the India-Russia Intergovernmental Commission met by video link on "
        "Monday and prepared the ground for the next in-person meeting of the commission to be "
        "held in New Delhi.",
        (None, "New Delhi", "IND", None),
        id="the next in-person meeting",
    ),
    pytest.param(
        "The energy ministers of Iran and Russia discussed the 15th Joint Economic Committee "
        "meeting over the phone. The 15th meeting of the Iran-Russia Joint Economic Committee is "
        "due to be held in Tehran on June 16-18.",
        (15, "Tehran", "IRN", "2026-06-16"),
        id="the number of a session still to be held is the next meeting's",
    ),
    pytest.param(
        "Senior officials of Botswana and South Africa met in Gaborone on 4 March ahead of the "
        "Bi-National Commission session to be held in Gaborone on 7 March.",
        (None, "Gaborone", "BWA", "2026-03-07"),
        id="a session to be held",
    ),
    pytest.param(
        "President Tokayev of Kazakhstan held talks with President Erdogan of Turkey in Astana. "
        "The fifth meeting of the Kazakhstan-Turkey High-Level Strategic Cooperation Council, "
        "scheduled for next year in Ankara, will review the agreements.",
        (5, "Ankara", "TUR", "2027"),
        id="a numbered meeting scheduled for next year",
    ),
]


@pytest.mark.parametrize(("text", "expected"), NEXT_CASES)
def test_next_meeting(
    text: str, expected: tuple[int | None, str | None, str | None, str | None]
) -> None:
    nxt = run(text).next_meeting
    assert nxt is not None
    assert (nxt.ordinal, nxt.city, nxt.country, nxt.when) == expected


def test_next_meeting_is_not_the_session_a_headline_reports() -> None:
    text = (
        "Vietnam, India hold 16th Joint Committee meeting in Hanoi\n\n"
        "The foreign ministers co-chaired the 16th meeting of the Vietnam-India Joint Committee "
        "in Hanoi on Tuesday."
    )
    extraction = run(text)
    assert extraction.meeting is not None and extraction.meeting.ordinal == 16
    assert extraction.next_meeting is None


NAME_CASES = [
    pytest.param(
        "Iran and Oman opened the 12th session of their Joint Economic Committee on Monday.",
        "Joint Economic Committee",
        id="a weekday after the name is not part of it",
    ),
    pytest.param(
        "As co-chair of the Permanent Kenyan-Ugandan Commission on Trade and Economic "
        "Cooperation, Peter Okello met his counterpart in Nairobi.",
        "Permanent Kenyan-Ugandan Commission on Trade and Economic Cooperation",
        id="a person after the name is not part of it",
    ),
    pytest.param(
        "The co-chairs of the Tajik-Kyrgyz Intergovernmental Commission for the Review of "
        "Border Issues met in Dushanbe.",
        "Tajik-Kyrgyz Intergovernmental Commission for the Review of Border Issues",
        id="a name runs on over 'for the' and 'of'",
    ),
    pytest.param(
        "The 17th meeting of the Turkmen-Uzbek Intergovernmental Commission opened. The 17th "
        "meeting of the Turkmen-Uzbek Intergovernmental Commission on Trade, Economic and "
        "Cultural Cooperation was held in Ashgabat.",
        "Turkmen-Uzbek Intergovernmental Commission on Trade, Economic and Cultural Cooperation",
        id="the fullest name of the two countries' commission",
    ),
]


@pytest.mark.parametrize(("text", "name"), NAME_CASES)
def test_commission_name(text: str, name: str) -> None:
    meeting = run(text).meeting
    assert meeting is not None
    assert meeting.commission.name == name
