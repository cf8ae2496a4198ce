"""The one exception root of Accord and the errors each stage raises.

Every message is meant for a user: it names the file or value at fault and
what is wrong, on one line, so the CLI can print it as it is.
"""

from __future__ import annotations


class AccordError(Exception):
    """Root of every error Accord raises on purpose."""


class ConfigError(AccordError):
    """A setting, option or data file is invalid."""


class IngestError(AccordError):
    """A document could not be loaded into plain text and metadata."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class ExtractError(AccordError):
    """The extractor could not process a loaded document."""


class GoldError(AccordError):
    """A gold annotation file is malformed or does not fit its document."""


class StoreError(AccordError):
    """The database refused an operation or is not in the expected state."""


class NotFoundError(StoreError):
    """A record asked for by id or name does not exist."""


class TrackError(AccordError):
    """A review decision, status update or follow-up request is invalid."""
