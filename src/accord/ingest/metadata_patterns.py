"""The word lists behind metadata recognition, read from ``data/metadata_patterns.yaml``."""

from __future__ import annotations

import fnmatch
from functools import cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from accord.errors import ConfigError

PATTERNS_FILE = "metadata_patterns.yaml"


class MetadataPatterns(BaseModel):
    """Wire agencies, publication-line leads, date labels and the rest (see the YAML)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    wire_agencies: dict[str, str]
    publication_leads: list[str]
    date_labels: list[str]
    not_datelines: list[str]
    placeholder_titles: list[str]

    def agency_outlet(self, written: str) -> str | None:
        """The outlet for an agency as a dateline writes it; None for an unknown one."""
        wanted = " ".join(written.split()).casefold()
        return next(
            (name for code, name in self.wire_agencies.items() if code.casefold() == wanted), None
        )

    def is_placeholder_title(self, title: str) -> bool:
        folded = title.casefold()
        return any(fnmatch.fnmatchcase(folded, p.casefold()) for p in self.placeholder_titles)


@cache
def metadata_patterns() -> MetadataPatterns:
    """The patterns shipped with Accord, read once."""
    source = resources.files("accord.ingest") / "data" / PATTERNS_FILE
    try:
        return MetadataPatterns.model_validate(yaml.safe_load(source.read_text(encoding="utf-8")))
    except (yaml.YAMLError, ValidationError) as exc:
        first_line = str(exc).splitlines()[0]
        raise ConfigError(f"{PATTERNS_FILE}: invalid metadata patterns ({first_line})") from exc
