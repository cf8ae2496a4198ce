"""The optional semantic model for follow-up matching: used only where one is installed.

Accord works offline and ships no model weights. Naming a sentence-transformers
model that is already on the machine (a local folder, or a model cached or
installed as a package) in ``ACCORD_SEMANTIC_MODEL`` lets follow-up matching
also find restatements that share few words; nothing is ever downloaded.
"""

from __future__ import annotations

import functools
import importlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from accord.errors import ConfigError
from accord.track.followups import SemanticModel

SEMANTIC_MODEL_ENV = "ACCORD_SEMANTIC_MODEL"


@dataclass(frozen=True)
class SentenceTransformerModel:
    """A sentence-transformers model: cosine similarity of normalised embeddings."""

    name: str
    model: object = field(repr=False)

    def similarities(self, left: Sequence[str], right: Sequence[str]) -> list[list[float]]:
        encode = getattr(self.model, "encode")  # noqa: B009
        a = encode(list(left), normalize_embeddings=True)
        b = encode(list(right), normalize_embeddings=True)
        return [[float(x) for x in row] for row in (a @ b.T)]


def load_semantic_model(name: str | None = None) -> SemanticModel | None:
    """The model named (or in ``ACCORD_SEMANTIC_MODEL``), loaded once; None when none is named."""
    chosen = name or os.environ.get(SEMANTIC_MODEL_ENV) or None
    return _load(chosen) if chosen else None


@functools.cache
def _load(name: str) -> SemanticModel:
    try:
        library = importlib.import_module("sentence_transformers")
    except ImportError:
        raise ConfigError(
            f"{SEMANTIC_MODEL_ENV}={name!r}: the sentence-transformers package is not installed "
            "(pip install sentence-transformers), or unset the setting"
        ) from None
    try:
        model = library.SentenceTransformer(name, local_files_only=True)
    except (OSError, ValueError) as exc:
        raise ConfigError(
            f"{SEMANTIC_MODEL_ENV}={name!r}: no such model on this machine ({exc})"
        ) from None
    return SentenceTransformerModel(f"semantic:{name}", model)
