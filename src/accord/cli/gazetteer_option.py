"""The --gazetteer option, shared by extract, ingest and 'followups refresh' (kept light to import)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

GazetteerOption = Annotated[
    list[Path] | None,
    typer.Option(
        help=(
            "Extra vocabulary YAML, added to the built-in data files: countries, organisations,"
            " strength, not_commitment, not_cue, sectors, portfolios, agreements (document nouns"
            " and cues),"
            " followups (generic words, restated, progress and status cues); repeatable."
        )
    ),
]
