"""Gold sets whose texts are kept locally: where the texts are, which split a file is in.

The real development set (``tests/data/real/``) annotates third-party pages, whose
text is never committed: its gold files locate sentences by anchors, its manifest
lists each page's address, outlet, date, split and checksum, and the texts lie in
a local folder (``ACCORD_REAL_TEXTS``, else ``real-texts`` in Accord's user data
folder). This module finds those texts, reads the manifest and checks scores
against the committed minimums.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from accord.core.score_sheets import OverallScore
from accord.errors import ConfigError

TEXTS_ENV = "ACCORD_REAL_TEXTS"
MANIFEST_FOLDER = "manifest"
Split = str


def texts_folder() -> Path:
    """Where local copies of third-party texts are kept."""
    configured = os.environ.get(TEXTS_ENV)
    if configured:
        return Path(configured)
    return Path(platformdirs.user_data_dir("accord")) / "real-texts"


class ManifestEntry(BaseModel):
    """One page of a gold set: where it was found and which part of the set it is in."""

    model_config = ConfigDict(frozen=True, extra="allow")

    id: str = Field(min_length=1)
    url: str = Field(min_length=1)
    outlet: str | None = None
    published: str | None = None
    split: Split = Field(pattern="^(dev|holdout)$")
    sha256: str | None = None


def set_root(gold_path: Path) -> Path:
    """The folder of a gold set: the parent of the folder that holds the gold file."""
    return gold_path.absolute().parent.parent


def read_manifest(root: Path) -> dict[str, ManifestEntry]:
    """Every manifest entry under ``root/manifest/*.jsonl``, by id (empty when there is none)."""
    entries: dict[str, ManifestEntry] = {}
    folder = root / MANIFEST_FOLDER
    if not folder.is_dir():
        return entries
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                entry = ManifestEntry.model_validate(json.loads(line))
            except (json.JSONDecodeError, ValidationError) as exc:
                problem = str(exc).splitlines()[0]
                raise ConfigError(
                    f"{path}:{number}: not a valid manifest entry: {problem}"
                ) from exc
            if entry.id in entries:
                raise ConfigError(f"{path}:{number}: duplicate id {entry.id!r}")
            entries[entry.id] = entry
    return entries


def gold_id(gold_path: Path) -> str:
    return gold_path.name.removesuffix(".gold.json")


@dataclass(frozen=True)
class Minimum:
    """A committed floor for one overall figure of one split."""

    split: str
    figure: str
    floor: float


FIGURES: Mapping[str, str] = {
    "commitments_precision": "micro commitments precision",
    "commitments_f1": "micro commitments F1",
    "signed_f1": "micro signed agreements F1",
    "planned_f1": "micro planned agreements F1",
    "co_chair_f1": "micro co-chair F1",
    "meeting_fields": "share of meeting fields right",
    "grounding": "share of grounded spans",
}


def figure_value(overall: OverallScore, figure: str) -> float | None:
    """The overall figure called ``figure`` (a key of FIGURES)."""
    micro = overall.micro
    values: dict[str, float | None] = {
        "commitments_precision": micro.commitments.matches.precision,
        "commitments_f1": micro.commitments.matches.f1,
        "signed_f1": micro.agreements.signed.f1,
        "planned_f1": micro.agreements.planned.f1,
        "co_chair_f1": micro.meeting.co_chairs.f1,
        "meeting_fields": micro.meeting.fields_correct.value,
        "grounding": micro.grounding.share,
    }
    return values[figure]


def read_minimums(path: Path) -> list[Minimum]:
    """Floors from a JSON file: ``{"dev": {"commitments_f1": 0.6, ...}, "holdout": {...}}``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the minimums ({exc})") from exc
    minimums: list[Minimum] = []
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected an object of splits")
    for split, floors in data.items():
        if split.startswith("_"):
            continue
        if not isinstance(floors, dict):
            raise ConfigError(f"{path}: {split}: expected an object of figures")
        for figure, floor in floors.items():
            if figure not in FIGURES:
                raise ConfigError(
                    f"{path}: {split}: unknown figure {figure!r} (known: {', '.join(FIGURES)})"
                )
            if not isinstance(floor, int | float) or not 0 <= floor <= 1:
                raise ConfigError(f"{path}: {split}.{figure}: the floor must be between 0 and 1")
            minimums.append(Minimum(split, figure, float(floor)))
    return minimums


def below_minimums(scores: Mapping[str, OverallScore], minimums: list[Minimum]) -> list[str]:
    """One line per figure that is under its floor (or missing) in a split that was scored."""
    problems: list[str] = []
    for minimum in minimums:
        overall = scores.get(minimum.split)
        if overall is None:
            continue
        value = figure_value(overall, minimum.figure)
        if value is None or value < minimum.floor:
            shown = "none" if value is None else f"{value:.3f}"
            problems.append(
                f"{minimum.split}: {minimum.figure} is {shown}, below its minimum {minimum.floor:.3f}"
            )
    return problems
