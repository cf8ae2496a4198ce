"""The follow-up vocabulary: bad entries are named with their file; gazetteer files extend it."""

from __future__ import annotations

import copy
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from accord.errors import ConfigError
from accord.extract.vocabulary_files import validated
from accord.track.followup_vocabulary import (
    FollowupsFile,
    load_followup_vocabulary,
)
from accord.track.followups import NewSentence, OpenCommitment, match_followups

BUILT_IN = yaml.safe_load(
    (resources.files("accord.track") / "data" / "followups.yaml").read_text(encoding="utf-8")
)
EARLIER = OpenCommitment(
    "c1", "The sides agreed to launch a pilot container train from Tashkent to Aktau.", ()
)
TIMETABLED = "The pilot container train from Tashkent to Aktau was timetabled for May."


def with_entry(section: str, value: Any) -> Any:
    data = copy.deepcopy(BUILT_IN)
    data[section][0] = value
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (with_entry("progress", "(departed"), r"^followups\.yaml: progress\[0\]: bad pattern"),
        (
            with_entry("generic_words", "two words"),
            r"^followups\.yaml: generic_words\[0\]: String should match pattern",
        ),
        (
            {**BUILT_IN, "status": {"dropped": ["x"]}},
            r"^followups\.yaml: status\.stalled: Field required",
        ),
    ],
)
def test_followups_file_errors_name_the_file_and_the_entry(data: Any, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        validated(FollowupsFile, data, "followups.yaml")


def suggestion_kinds(files: list[Path]) -> list[tuple[str, str | None, str | None]]:
    vocabulary = load_followup_vocabulary(files)
    sentence = NewSentence(0, len(TIMETABLED), TIMETABLED, False)
    found = match_followups([sentence], [EARLIER], vocabulary=vocabulary)
    return [(s.kind, s.suggested_status, s.cue) for s in found]


def test_gazetteer_file_adds_followup_cues(tmp_path: Path) -> None:
    extra = tmp_path / "cues.yaml"
    extra.write_text("followups:\n  progress: ['was timetabled']\n", encoding="utf-8")
    assert suggestion_kinds([]) == []
    assert suggestion_kinds([extra]) == [("progress", "in_progress", "was timetabled")]


def test_gazetteer_file_adds_generic_words(tmp_path: Path) -> None:
    extra = tmp_path / "words.yaml"
    extra.write_text(
        "followups:\n  progress: ['was timetabled']\n  generic_words: [pilot, container, train]\n",
        encoding="utf-8",
    )
    # Only the places are left in common, and places cannot make a match alone.
    assert suggestion_kinds([extra]) == []


def test_gazetteer_file_followup_errors_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("followups:\n  status:\n    finished: [done]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.yaml: followups\.status\.finished: Extra inputs"):
        load_followup_vocabulary([bad])
