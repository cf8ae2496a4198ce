"""The one exception root of Accord and the errors each stage raises.

Every error carries facts: the file, the record or the field at fault and
what is wrong. Messages name no interface: the CLI and the web phrase them
(an option or a request field for a ``FieldError``, where to look for ids
for a ``NotFoundError``), each on one line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Self


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
    """A record asked for by id or name does not exist.

    ``kind`` (``"commitment"``, ``"session"`` ...) and ``key`` (the id or name
    asked for) say which, when the error is about one kind of record.
    """

    def __init__(self, message: str, *, kind: str | None = None, key: object = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.key = key

    @classmethod
    def record(cls, kind: str, key: object) -> NotFoundError:
        """``no commitment 999``: no record of this kind has this id or name."""
        return cls(f"no {kind} {key}", kind=kind, key=key)


class TrackError(AccordError):
    """A review decision, status update or follow-up request is invalid."""


class FieldError(AccordError):
    """A value given for a named field that Accord cannot take.

    ``field`` is the field's name in Accord's records and requests
    (``strength``, ``due``, ``status`` ...), ``value`` what was given, and
    ``allowed`` (the values that would do) or ``expected`` (the form that
    would) or ``problem`` what is wrong. The message names the field as
    ``name`` says, the field itself by default; ``named`` gives the same
    error named as an interface calls the field (the CLI's ``--set``).
    """

    def __init__(
        self,
        field: str,
        value: object = None,
        *,
        allowed: Sequence[str] = (),
        expected: str | None = None,
        problem: str | None = None,
        name: str | None = None,
    ) -> None:
        self.field = field
        self.value = value
        self.allowed = tuple(allowed)
        self.expected = expected
        self.problem = problem
        self.name = name or field
        super().__init__(f"{self.name}: {self.what_is_wrong}")

    @property
    def what_is_wrong(self) -> str:
        if self.problem is not None:
            return self.problem
        if self.allowed:
            return f"expected one of {', '.join(self.allowed)}, got {self.value!r}"
        return f"expected {self.expected or 'another value'}, got {self.value!r}"

    def named(self, name: str) -> Self:
        """The same error, its message naming the field ``name``."""
        return type(self)(
            self.field,
            self.value,
            allowed=self.allowed,
            expected=self.expected,
            problem=self.problem,
            name=name,
        )


class InvalidSetting(FieldError, ConfigError):
    """A setting of a user, a note or the installation has a value Accord cannot take."""


class InvalidRequest(FieldError, TrackError):
    """A review, status update or follow-up decision gives a value the record cannot hold."""
