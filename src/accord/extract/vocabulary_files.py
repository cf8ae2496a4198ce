"""Vocabulary files validated with pydantic, and their errors named by file and entry.

A data file (or a section of a ``--gazetteer`` file) is validated against a
model; a bad entry becomes a ``ConfigError`` such as ``agreements.yaml:
documents[3].kind: Input should be 'mou', 'agreement', ... (got 'treaty')``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Annotated, Any, TypeVar

import yaml
from pydantic import AfterValidator, BaseModel, Field, ValidationError

from accord.errors import ConfigError

Model = TypeVar("Model", bound=BaseModel)


def read_yaml(where: object, text: str) -> Any:
    """The YAML in ``text``; a syntax error is a ConfigError naming ``where``."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{where}: not valid YAML ({exc})".replace("\n", " ")) from exc


def _valid_pattern(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"bad pattern {value!r} ({exc})") from exc
    return value


Pattern = Annotated[str, AfterValidator(_valid_pattern)]
"""A regular expression that compiles."""

Confidence = Annotated[float, Field(ge=0.0, le=1.0)]


def with_groups(*names: str) -> Callable[[str], str]:
    """A check that a pattern captures the named groups the code reads."""

    def check(value: str) -> str:
        missing = [n for n in names if n not in re.compile(value).groupindex]
        if missing:
            wanted = ", ".join(f"(?P<{n}>...)" for n in missing)
            raise ValueError(f"pattern {value!r} must capture {wanted}")
        return value

    return check


def _location(loc: Iterable[int | str], prefix: str) -> str:
    text = prefix
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else f"{'.' if text else ''}{part}"
    return text or "(top level)"


def validated(model: type[Model], data: Any, where: str, prefix: str = "") -> Model:
    """``data`` as ``model``; the first problem is a ConfigError naming the file and entry."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        message = str(error["msg"]).removeprefix("Value error, ")
        shown = error.get("input")
        got = "" if "pattern" in message or isinstance(shown, dict) else f" (got {shown!r})"
        raise ConfigError(f"{where}: {_location(error['loc'], prefix)}: {message}{got}") from exc


def any_of(patterns: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One pattern that matches where any of ``patterns`` does (none: never)."""
    listed = list(patterns)
    if not listed:
        return re.compile(r"(?!)")
    if len(listed) == 1:
        return re.compile(listed[0], flags)
    return re.compile("|".join(f"(?:{p})" for p in listed), flags)
