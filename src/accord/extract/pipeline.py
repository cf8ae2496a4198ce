"""The extractor registry and the one entry point: `extract(document)`.

Extractors are registered under namespaced, versioned names recorded in
every output, so a stored record keeps saying what produced it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from accord.core.documents import SourceDocument
from accord.core.records import Extraction
from accord.errors import ConfigError
from accord.extract.rules import RulesExtractor

DEFAULT_EXTRACTOR = "accord.rules.v1"


class Extractor(Protocol):
    name: str
    version: str

    def extract(self, document: SourceDocument) -> Extraction: ...


EXTRACTORS: dict[str, Callable[[Sequence[Path]], Extractor]] = {
    "accord.rules.v1": RulesExtractor,
}


@functools.lru_cache(maxsize=4)
def get_extractor(
    name: str = DEFAULT_EXTRACTOR, gazetteer_files: tuple[Path, ...] = ()
) -> Extractor:
    """The registered extractor called ``name``, built once per process."""
    try:
        factory = EXTRACTORS[name]
    except KeyError:
        raise ConfigError(
            f"unknown extractor {name!r}; registered: {', '.join(sorted(EXTRACTORS))}"
        ) from None
    return factory(gazetteer_files)


def extract(
    document: SourceDocument,
    extractor: str = DEFAULT_EXTRACTOR,
    gazetteer_files: Sequence[Path] = (),
) -> Extraction:
    """Extract the grounded record of one loaded document."""
    return get_extractor(extractor, tuple(gazetteer_files)).extract(document)
