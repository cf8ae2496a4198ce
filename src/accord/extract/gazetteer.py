"""The data accord.rules.v1 relies on, loaded from YAML files a user can extend.

Built-in files live in ``accord/extract/data/``. A user file (``--gazetteer
my.yaml`` or the ``ACCORD_GAZETTEER`` setting, several separated by the path
separator) may hold any of the keys ``countries``, ``organisations``,
``strength``, ``not_commitment``, ``not_cue``, ``sectors``, ``portfolios`` and
``agreements``;
its entries are added to the built-in ones. Its ``followups`` section is read
by ``accord.track.followup_vocabulary``.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from accord.core.records import SECTORS, STRENGTHS
from accord.errors import ConfigError
from accord.extract.agreement_vocabulary import (
    AGREEMENTS_FILE,
    AgreementAdditions,
    AgreementsFile,
    AgreementVocabulary,
    compile_agreements,
)
from accord.extract.vocabulary_files import read_yaml, validated

GAZETTEER_ENV = "ACCORD_GAZETTEER"
# The sections a gazetteer file may hold.
SECTIONS = (
    "countries",
    "organisations",
    "strength",
    "not_commitment",
    "not_cue",
    "sectors",
    "portfolios",
    "agreements",
    "followups",
)


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capital: str | None = None
    cities: tuple[str, ...] = ()


@dataclass(frozen=True)
class Organisation:
    name: str
    acronym: str | None
    aliases: tuple[str, ...]
    country: str | None


@dataclass(frozen=True)
class Cue:
    pattern: re.Pattern[str]
    strength: str
    priority: int
    confidence: float
    actor: bool = False
    # The cue's first word must be a verb in the parse ("will" the auxiliary, not "political will").
    verb: bool = False


@dataclass(frozen=True)
class Gazetteer:
    """Everything the rules look up, compiled once."""

    countries: tuple[Country, ...]
    organisations: tuple[Organisation, ...]
    cues: tuple[Cue, ...]
    vetoes: tuple[re.Pattern[str], ...]
    cue_masks: tuple[re.Pattern[str], ...]
    sector_patterns: tuple[tuple[str, re.Pattern[str]], ...]
    meeting_kinds: tuple[tuple[str, re.Pattern[str]], ...]
    other_meeting_markers: re.Pattern[str]
    session_nouns: tuple[str, ...]
    portfolios: tuple[str, ...]
    agreements: AgreementVocabulary
    by_iso3: Mapping[str, Country] = field(default_factory=dict)


def _builtin(name: str) -> Any:
    source = resources.files("accord.extract") / "data" / name
    return read_yaml(f"accord/extract/data/{name}", source.read_text(encoding="utf-8"))


def _strings(value: Any, where: str = "gazetteer") -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(
            f"{where}: expected a list of strings, got {value!r} (quote patterns with ': ')"
        )
    return tuple(value)


def _compile(pattern: str, where: str, *, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise ConfigError(f"{where}: bad pattern {pattern!r} ({exc})") from exc


def _keyword(pattern: str, where: str) -> re.Pattern[str]:
    """A keyword on word boundaries; all-capital keywords (LNG, IT) match case-sensitively."""
    flags = 0 if not re.search(r"[a-z]", pattern) else re.IGNORECASE
    return _compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", where, flags=flags)


def _countries(rows: Sequence[Mapping[str, Any]], where: str) -> list[Country]:
    found = []
    for row in rows:
        iso3 = str(row.get("iso3", ""))
        if not re.fullmatch(r"[A-Z]{3}", iso3) or not row.get("name"):
            raise ConfigError(f"{where}: country entry needs iso3 (3 capitals) and name: {row!r}")
        found.append(
            Country(
                iso3=iso3,
                name=str(row["name"]),
                aliases=_strings(row.get("aliases")),
                demonyms=_strings(row.get("demonyms")),
                capital=str(row["capital"]) if row.get("capital") else None,
                cities=_strings(row.get("cities")),
            )
        )
    return found


def _organisations(rows: Sequence[Mapping[str, Any]], where: str) -> list[Organisation]:
    found = []
    for row in rows:
        if not row.get("name"):
            raise ConfigError(f"{where}: organisation entry needs a name: {row!r}")
        found.append(
            Organisation(
                name=str(row["name"]),
                acronym=str(row["acronym"]) if row.get("acronym") else None,
                aliases=_strings(row.get("aliases")),
                country=str(row["country"]) if row.get("country") else None,
            )
        )
    return found


def _cues(rows: Sequence[Mapping[str, Any]], where: str) -> list[Cue]:
    found = []
    for row in rows:
        strength = row.get("strength")
        if strength not in STRENGTHS:
            raise ConfigError(
                f"{where}: cue strength must be one of {', '.join(STRENGTHS)}: {row!r}"
            )
        found.append(
            Cue(
                pattern=_compile(str(row["pattern"]), where),
                strength=str(strength),
                priority=int(row.get("priority", 50)),
                confidence=float(row.get("confidence", 0.6)),
                actor=bool(row.get("actor", False)),
                verb=bool(row.get("verb", False)),
            )
        )
    return found


def _sectors(table: Mapping[str, Any], where: str) -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for sector, keywords in table.items():
        if sector not in SECTORS:
            raise ConfigError(f"{where}: unknown sector {sector!r}; valid: {', '.join(SECTORS)}")
        found += [(str(sector), _keyword(k, where)) for k in _strings(keywords, where)]
    return found


def user_files(extra: Sequence[Path] = ()) -> tuple[Path, ...]:
    """The user's gazetteer files: those of ``ACCORD_GAZETTEER``, then ``extra``."""
    env = os.environ.get(GAZETTEER_ENV, "")
    from_env = [Path(p) for p in env.split(os.pathsep) if p.strip()]
    return (*from_env, *extra)


def read_user_file(path: Path) -> Mapping[str, Any]:
    """The sections of one gazetteer file, checked to be known."""
    try:
        data = read_yaml(path, path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read gazetteer ({exc.strerror})") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: a gazetteer file must be a mapping of sections")
    unknown = set(data) - set(SECTIONS)
    if unknown:
        valid = ", ".join(SECTIONS)
        raise ConfigError(f"{path}: unknown sections {sorted(unknown)}; valid: {valid}")
    return data


def load_gazetteer(extra: Sequence[Path] = ()) -> Gazetteer:
    """The built-in data plus the user's files (``extra`` and ``ACCORD_GAZETTEER``)."""
    return load_gazetteer_files(user_files(extra))


@functools.lru_cache(maxsize=8)
def load_gazetteer_files(extra: tuple[Path, ...]) -> Gazetteer:
    """The built-in data plus exactly these user files (``ACCORD_GAZETTEER`` is not read)."""
    countries = _countries(_builtin("countries.yaml"), "countries.yaml")
    organisations = _organisations(_builtin("organisations.yaml"), "organisations.yaml")
    cue_data = _builtin("cues.yaml")
    cues = _cues(cue_data["strength"], "cues.yaml")
    vetoes = [_compile(p, "cues.yaml") for p in cue_data["not_commitment"]]
    masks = [_compile(p, "cues.yaml") for p in cue_data["not_cue"]]
    sectors = _sectors(_builtin("sectors.yaml"), "sectors.yaml")
    meetings = _builtin("meetings.yaml")
    portfolios = list(_strings(_builtin("portfolios.yaml")["portfolios"], "portfolios.yaml"))
    agreements = validated(AgreementsFile, _builtin(AGREEMENTS_FILE), AGREEMENTS_FILE)
    agreement_additions: list[AgreementAdditions] = []

    for path in extra:
        data = read_user_file(path)
        countries += _countries(data.get("countries") or [], str(path))
        organisations += _organisations(data.get("organisations") or [], str(path))
        cues += _cues(data.get("strength") or [], str(path))
        vetoes += [_compile(p, str(path)) for p in _strings(data.get("not_commitment"))]
        masks += [_compile(p, str(path)) for p in _strings(data.get("not_cue"))]
        sectors += _sectors(data.get("sectors") or {}, str(path))
        portfolios += _strings(data.get("portfolios"), str(path))
        agreement_additions.append(
            validated(AgreementAdditions, data.get("agreements") or {}, str(path), "agreements")
        )
    kinds = [
        (str(row["kind"]), _compile(row["pattern"], "meetings.yaml")) for row in meetings["kinds"]
    ]
    markers = _compile("|".join(meetings["other_meeting_markers"]), "meetings.yaml")
    return Gazetteer(
        countries=tuple(countries),
        organisations=tuple(organisations),
        cues=tuple(cues),
        vetoes=tuple(vetoes),
        cue_masks=tuple(masks),
        sector_patterns=tuple(sectors),
        meeting_kinds=tuple(kinds),
        other_meeting_markers=markers,
        session_nouns=_strings(meetings["session_nouns"]),
        portfolios=tuple(portfolios),
        agreements=compile_agreements(agreements, agreement_additions),
        by_iso3={c.iso3: c for c in countries},
    )
