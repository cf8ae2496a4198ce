"""Named cases for the co-chair rules: who chaired, in which post, for which side.

Each text is written for the test; each case names the reporting habit it covers.
"""

import datetime as dt

import pytest

from accord.core.documents import SourceDocument
from accord.core.records import grounding_share
from accord.extract.pipeline import extract

Chair = tuple[str, str | None]  # name, country


def chairs_of(text: str) -> list[Chair]:
    document = SourceDocument(
        source="test.txt", kind="text", text=text, published=dt.date(2026, 3, 6)
    )
    extraction = extract(document)
    assert grounding_share(extraction, text) == 1.0
    assert extraction.meeting is not None
    return [(c.name, c.country) for c in extraction.meeting.co_chairs]


CASES = [
    pytest.param(
        "The 5th session of the Kenya-Uganda Joint Commission was co-chaired by Kenya's "
        "Foreign Minister Grace Wanjiru and her Ugandan counterpart, Peter Okello.",
        [("Grace Wanjiru", "KEN"), ("Peter Okello", "UGA")],
        id="post before the name, counterpart after",
    ),
    pytest.param(
        "The 5th session of the Kenya-Uganda Joint Commission was chaired by Grace Wanjiru, "
        "Kenya's Minister of Foreign Affairs, and Peter Okello, Uganda's Minister of Trade.",
        [("Grace Wanjiru", "KEN"), ("Peter Okello", "UGA")],
        id="posts after the names, each with its own country",
    ),
    pytest.param(
        "Kenyan Foreign Minister Grace Wanjiru and Ugandan Trade Minister Peter Okello met in "
        "Nairobi on Tuesday. The two ministers co-chaired the 5th session of the Kenya-Uganda "
        "Joint Commission.",
        [("Grace Wanjiru", "KEN"), ("Peter Okello", "UGA")],
        id="named in one sentence, co-chairs in the next",
    ),
    pytest.param(
        "Ugandan Trade Minister Peter Okello arrived in Nairobi on Monday. Kenyan Foreign "
        "Minister Grace Wanjiru and Okello co-chaired the 5th session of the Kenya-Uganda Joint "
        "Commission.",
        [("Grace Wanjiru", "KEN"), ("Peter Okello", "UGA")],
        id="a surname alone is the person named in full elsewhere",
    ),
    pytest.param(
        "The 5th session of the Kenya-Uganda Joint Commission was held in Nairobi. The Kenyan "
        "side was led by Foreign Minister Dr. S. K. Wanjiru and the Ugandan side was headed by "
        "Trade Minister P. L. Okello.",
        [("S. K. Wanjiru", "KEN"), ("P. L. Okello", "UGA")],
        id="initials are kept and honorifics dropped",
    ),
    pytest.param(
        "The 24th Australia-Fiji Ministerial Forum was co-chaired by the Hon Margaret Hill MP, "
        "Minister for Foreign Affairs, and the Hon Josaia Tora LLB OBE, Minister for Trade.",
        [("Margaret Hill", None), ("Josaia Tora", None)],
        id="degrees and honours after a name are not the name",
    ),
    pytest.param(
        "The 5th session of the Kenya-Uganda Joint Commission was held in Nairobi. Its co-chairs "
        "were the head of the Kenyan side, Grace Wanjiru, and the head of the Ugandan side, "
        "Peter Okello.",
        [("Grace Wanjiru", "KEN"), ("Peter Okello", "UGA")],
        id="co-chairs named by post and side",
    ),
    pytest.param(
        "The 5th session of the Kenya-Uganda Joint Commission was held in Nairobi. The Ugandan "
        "delegation was led by Peter Okello and included Mary Atim and John Ouma.",
        [("Peter Okello", "UGA")],
        id="delegation members are not co-chairs",
    ),
    pytest.param(
        "The 5th session of the Kenya-Uganda Joint Commission was held in Nairobi. The previous "
        "session was co-chaired by Paul Kamau and Ruth Nabirye. This time Grace Wanjiru and "
        "Peter Okello co-chaired the commission.",
        [("Grace Wanjiru", None), ("Peter Okello", None)],
        id="the chairs of the previous session are not this session's",
    ),
    pytest.param(
        "The 5th session of the Kenya-Uganda Joint Commission was held in Nairobi on Tuesday "
        "between Kenya's Foreign Minister Grace Wanjiru and Uganda's Trade Minister Peter "
        "Okello.",
        [("Grace Wanjiru", "KEN"), ("Peter Okello", "UGA")],
        id="a session between two ministers",
    ),
    pytest.param(
        "The 5th session of the Kenya-Uganda Joint Commission was co-chaired by Grace Wanjiru "
        "and Peter Okello. Okello, Uganda's Minister of Trade, said trade would double.",
        [("Grace Wanjiru", "KEN"), ("Peter Okello", "UGA")],
        id="a side taken from another mention of the same person",
    ),
    pytest.param(
        "The 5th session of the Kenya-Uganda Joint Commission closed in Nairobi. Kenya's "
        "Foreign Minister Grace Wanjiru said trade had doubled. Uganda's Ambassador John Ouma "
        "said visas would be eased.",
        [("Grace Wanjiru", "KEN")],
        id="a side's minister who speaks for it heads it, an ambassador does not",
    ),
]


@pytest.mark.parametrize(("text", "chairs"), CASES)
def test_co_chairs(text: str, chairs: list[Chair]) -> None:
    assert chairs_of(text) == chairs
