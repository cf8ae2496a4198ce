"""The follow-up vocabulary of ``data/followups.yaml``: validated, extended, compiled.

The built-in file holds the generic words, the restatement and progress cues
and the status cues; the ``followups:`` section of a gazetteer file
(``--gazetteer`` or ``ACCORD_GAZETTEER``) adds to any of them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from accord.extract.gazetteer import Country, load_gazetteer_files, read_user_file, user_files
from accord.extract.vocabulary_files import Pattern, read_yaml, validated

FOLLOWUPS_FILE = "followups.yaml"

Word = Annotated[str, Field(pattern=r"^[\w-]+$")]
Rule = Annotated[list[Pattern], Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class StatusCues(_Strict):
    dropped: Rule
    stalled: Rule
    completed: Rule
    later_phase: Rule


class StatusCueAdditions(_Strict):
    dropped: list[Pattern] = []
    stalled: list[Pattern] = []
    completed: list[Pattern] = []
    later_phase: list[Pattern] = []


class FollowupsFile(_Strict):
    """The schema of ``track/data/followups.yaml``."""

    generic_words: list[Word]
    restated: Rule
    progress: Rule
    status: StatusCues


class FollowupAdditions(_Strict):
    """What the ``followups:`` section of a gazetteer file may add."""

    generic_words: list[Word] = []
    restated: list[Pattern] = []
    progress: list[Pattern] = []
    status: StatusCueAdditions = StatusCueAdditions()


@dataclass(frozen=True)
class FollowupVocabulary:
    """The words and cues follow-up matching reads, compiled once."""

    generic_words: frozenset[str]
    restated: re.Pattern[str]
    progress: re.Pattern[str]
    dropped: re.Pattern[str]
    stalled: re.Pattern[str]
    completed: re.Pattern[str]
    later_phase: re.Pattern[str]
    # Countries of the same gazetteer: their names are places, which cannot make a match alone.
    countries: tuple[Country, ...]


def stem(word: str) -> str:
    """A crude stem, enough to meet "stations" with "station" and "trains" with "train"."""
    word = word.lower().replace("-", "")
    for suffix, repl in (("ies", "y"), ("ses", "s"), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 3 and not word.endswith("ss"):
            return word[: -len(suffix)] + repl
    return word


def phrases(patterns: Sequence[str]) -> re.Pattern[str]:
    """One case-insensitive alternation of ``patterns`` on word boundaries, first listed first."""
    return re.compile(rf"\b(?:{'|'.join(patterns)})\b", re.IGNORECASE)


def read_built_in() -> FollowupsFile:
    """``track/data/followups.yaml``, validated."""
    source = resources.files("accord.track") / "data" / FOLLOWUPS_FILE
    data = read_yaml(f"accord/track/data/{FOLLOWUPS_FILE}", source.read_text(encoding="utf-8"))
    return validated(FollowupsFile, data, FOLLOWUPS_FILE)


def load_followup_vocabulary(extra: Sequence[Path] = ()) -> FollowupVocabulary:
    """The built-in vocabulary plus the user's files (``extra`` and ``ACCORD_GAZETTEER``)."""
    return load_followup_vocabulary_files(user_files(extra))


@functools.lru_cache(maxsize=8)
def load_followup_vocabulary_files(files: tuple[Path, ...]) -> FollowupVocabulary:
    """The built-in vocabulary plus exactly these files (``ACCORD_GAZETTEER`` is not read)."""
    additions = [
        validated(FollowupAdditions, read_user_file(p).get("followups") or {}, str(p), "followups")
        for p in files
    ]
    return compile_followups(read_built_in(), additions, load_gazetteer_files(files).countries)


def compile_followups(
    built_in: FollowupsFile,
    additions: Sequence[FollowupAdditions] = (),
    countries: tuple[Country, ...] = (),
) -> FollowupVocabulary:
    """The built-in vocabulary with each gazetteer file's additions appended."""
    words = [*built_in.generic_words, *(w for a in additions for w in a.generic_words)]

    def cues(name: str) -> re.Pattern[str]:
        listed = list(getattr(built_in.status, name))
        for extra in additions:
            listed += getattr(extra.status, name)
        return phrases(listed)

    return FollowupVocabulary(
        generic_words=frozenset(stem(w) for w in words),
        restated=phrases([*built_in.restated, *(p for a in additions for p in a.restated)]),
        progress=phrases([*built_in.progress, *(p for a in additions for p in a.progress)]),
        dropped=cues("dropped"),
        stalled=cues("stalled"),
        completed=cues("completed"),
        later_phase=cues("later_phase"),
        countries=countries,
    )
