"""The tense, history and distance words of ``data/meetings.yaml``, compiled once.

The meeting kinds, other-meeting markers and session nouns of the same file
are read with the rest of the gazetteer; these sections only tell a report
from a preview and the meeting's own date and place from those of other events.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from accord.errors import ConfigError

_FILE = "accord/extract/data/meetings.yaml"


@dataclass(frozen=True)
class MeetingVocabulary:
    future: re.Pattern[str]
    now: re.Pattern[str]
    happened: re.Pattern[str]
    history_before_date: re.Pattern[str]
    history_sentence: re.Pattern[str]
    remote: re.Pattern[str]

    def is_future(self, text: str) -> bool:
        """A sentence about a meeting still to come ("will be held", "is scheduled to")."""
        return bool(
            self.future.search(text)
            and not self.now.search(text)
            and not self.happened.search(text)
        )

    def has_happened(self, text: str) -> bool:
        """A sentence about a meeting held or under way ("was held", "co-chaired", "today")."""
        return bool(self.happened.search(text) or self.now.search(text))


def _compile(value: Any, where: str) -> re.Pattern[str]:
    patterns = [value] if isinstance(value, str) else value
    if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
        raise ConfigError(f"{_FILE}: {where} must be a pattern or a list of patterns")
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    except re.error as exc:
        raise ConfigError(f"{_FILE}: {where}: bad pattern ({exc})") from exc


@functools.cache
def meeting_vocabulary() -> MeetingVocabulary:
    """The built-in tense, history and distance patterns."""
    source = resources.files("accord.extract") / "data" / "meetings.yaml"
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        tense, history = data["tense"], data["history"]
        return MeetingVocabulary(
            future=_compile(tense["future"], "tense.future"),
            now=_compile(tense["now"], "tense.now"),
            happened=_compile(tense["happened"], "tense.happened"),
            history_before_date=_compile(history["before_date"], "history.before_date"),
            history_sentence=_compile(history["sentence"], "history.sentence"),
            remote=_compile(data["remote"], "remote"),
        )
    except (KeyError, TypeError) as exc:
        raise ConfigError(f"{_FILE}: missing section {exc}") from exc
