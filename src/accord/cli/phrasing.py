"""How the CLI words the errors of the layers below: its options for fields, where to find ids.

A ``FieldError`` names a field (``strength``, ``due``); the CLI names the
option that gave it (``--strength``; ``--set`` for ``accord status``). A
``NotFoundError`` about one kind of record says which command lists them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from accord.errors import AccordError, FieldError, NotFoundError

# Fields given by an option other than --<field>, in every command.
OPTION_OF: Mapping[str, str] = {
    "sectors": "--sector",
    "actors": "--actor",
    "owners": "--owner",
    "agencies": "--agency",
    "username": "NAME",
    "password": "password",
}
# The command that lists the records of each kind, with their ids.
LISTED_BY: Mapping[str, str] = {
    "commission": "accord commissions",
    "session": "accord sessions",
    "agreement": "accord agreements",
    "commitment": "accord commitments",
    "follow-up suggestion": "accord followups",
    "user": "accord user list",
}


def option_of(field: str, options: Mapping[str, str] | None = None) -> str:
    """The option (or argument) that gives ``field``: ``--due``, ``--sector``, ``NAME``."""
    if options and field in options:
        return options[field]
    return OPTION_OF.get(field, "--" + field.replace("_", "-"))


@contextmanager
def options_named(**options: str) -> Iterator[None]:
    """Field errors raised inside name this command's options (``options_named(status="--set")``)."""
    try:
        yield
    except FieldError as exc:
        raise exc.named(option_of(exc.field, options)) from exc


def error_line(exc: AccordError) -> str:
    """The line the CLI prints for an error (after ``error: ``)."""
    if isinstance(exc, FieldError) and exc.name == exc.field:
        return str(exc.named(option_of(exc.field)))
    if isinstance(exc, NotFoundError) and exc.kind is not None and exc.kind in LISTED_BY:
        return f"{exc}; see '{LISTED_BY[exc.kind]}'"
    return str(exc)
