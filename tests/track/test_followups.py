import importlib.util
import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from accord.errors import ConfigError
from accord.track.followup_evaluation import evaluate_links
from accord.track.followups import (
    NewSentence,
    OpenCommitment,
    match_followups,
    stem,
    suggested_status,
)
from accord.track.semantic import SEMANTIC_MODEL_ENV, load_semantic_model

LINKS = Path(__file__).resolve().parents[1] / "data" / "followups" / "kaz-uzb-igc.links.json"

EARLIER = [
    OpenCommitment(
        "c1",
        "They agreed to launch a pilot container train from Tashkent to Aktau.",
        ("pilot container train",),
    ),
    OpenCommitment(
        "c2",
        "Water officials agreed to install ten automated gauging stations on the Syr Darya.",
        ("gauging stations",),
    ),
    OpenCommitment(
        "c3", "The sides agreed to open a cultural centre in Bukhara.", ("cultural centre",)
    ),
]


def sentence(text: str, is_commitment: bool = False) -> NewSentence:
    return NewSentence(0, len(text), text, is_commitment)


def test_match_followups_reports_progress_with_status() -> None:
    found = match_followups(
        [sentence("The first pilot container train departed from Tashkent for Aktau in April.")],
        EARLIER,
    )
    assert [(s.commitment_id, s.kind, s.suggested_status) for s in found] == [
        ("c1", "progress", "completed")
    ]


def test_match_followups_links_a_restated_promise() -> None:
    found = match_followups(
        [
            sentence(
                "The sides once again agreed to install automated gauging stations on the Syr Darya.",
                True,
            )
        ],
        EARLIER,
    )
    assert [(s.commitment_id, s.kind) for s in found] == [("c2", "restated")]


def test_match_followups_ignores_unrelated_and_non_commitment_sentences() -> None:
    found = match_followups(
        [
            sentence("The sides agreed to hold a film festival in Almaty.", True),
            sentence("Gauging stations are a common sight on Central Asian rivers."),
        ],
        EARLIER,
    )
    assert found == []


def test_match_followups_needs_more_than_a_shared_place() -> None:
    found = match_followups(
        [sentence("The sides agreed to build a car-assembly plant in Bukhara.", True)],
        EARLIER,
    )
    assert found == []


def test_match_followups_takes_a_reaffirmed_promise_for_a_restatement() -> None:
    found = match_followups(
        [
            sentence(
                "The sides reaffirmed their plan for the pilot container train to Aktau, "
                "which reached the port in six days last spring."
            )
        ],
        EARLIER,
    )
    assert [(s.commitment_id, s.kind, s.suggested_status) for s in found] == [
        ("c1", "restated", None)
    ]


def test_suggested_status_reads_the_report() -> None:
    assert suggested_status("The centre was inaugurated in May.") == "completed"
    assert suggested_status("Construction began in March and is under way.") == "in_progress"
    assert suggested_status("The project has been postponed to 2027.") == "stalled"
    assert suggested_status("The plan was shelved after the elections.") == "dropped"


def test_stem_meets_plurals() -> None:
    assert stem("stations") == stem("station")
    assert stem("facilities") == "facility"
    assert stem("class") == "class"


def test_evaluate_links_on_the_kaz_uzb_sequence_finds_most_links() -> None:
    score = evaluate_links(LINKS)
    assert score.true_positives + score.false_negatives == 25
    assert score.recall >= 0.75
    assert score.precision >= 0.85
    assert score.kind_correct == score.true_positives


class Synonyms:
    """A tiny meaning model: texts that name the same thing in other words are similar."""

    name = "test-synonyms"

    def similarities(self, left: Sequence[str], right: Sequence[str]) -> list[list[float]]:
        def topic(text: str) -> str:
            return "culture" if re.search(r"cultural|arts|heritage", text, re.I) else text

        return [[1.0 if topic(a) == topic(b) else 0.0 for b in right] for a in left]


def test_match_followups_with_a_semantic_model_finds_paraphrases() -> None:
    paraphrase = sentence("The arts house in the old city opened its doors in May.")
    assert match_followups([paraphrase], EARLIER) == []
    [found] = match_followups([paraphrase], EARLIER, semantic=Synonyms())
    assert (found.commitment_id, found.kind, found.score) == ("c3", "progress", 0.65)


def test_load_semantic_model_is_off_unless_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SEMANTIC_MODEL_ENV, raising=False)
    assert load_semantic_model() is None
    if importlib.util.find_spec("sentence_transformers") is None:
        monkeypatch.setenv(SEMANTIC_MODEL_ENV, "all-MiniLM-L6-v2")
        with pytest.raises(ConfigError, match="sentence-transformers package is not installed"):
            load_semantic_model()
