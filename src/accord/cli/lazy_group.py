"""A command group that imports a command's module only when that command runs.

Click's LazyGroup pattern, adapted to Typer: the group is built from a table
of names, each with the module that registers it and the line ``--help``
shows. Listing the commands (``accord --help``) imports none of them; running
one imports its module alone, so ``accord sessions`` never loads spaCy, the
report stack or the web stack.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

import typer
from typer.core import TyperCommand, TyperGroup


@dataclass(frozen=True)
class CommandSource:
    """Where a command lives (a module with ``register(app)``) and its line in ``--help``."""

    module: str
    summary: str


class CommandModule(Protocol):
    """A command module: it adds its commands to the app it is given."""

    def register(self, app: typer.Typer) -> None: ...


class ListedCommand(TyperCommand):
    """A command as ``--help`` lists it: its name and summary, without importing its module."""

    def __init__(self, name: str, source: CommandSource) -> None:
        super().__init__(name, help=source.summary, short_help=source.summary)
        self.source = source


def load_command(name: str, source: CommandSource) -> Any:
    """The real command ``name``: import its module and let it register on a scratch app."""
    module: CommandModule = importlib.import_module(source.module)
    scratch = typer.Typer()
    module.register(scratch)
    command = typer.main.get_group(scratch).commands.get(name)
    if command is None:
        raise LookupError(f"{source.module} does not register the command {name!r}")
    return command


class LazyGroup(TyperGroup):
    """A ``TyperGroup`` whose commands are its ``sources``, each imported when it runs.

    Subclass it with the table of commands, and pass the subclass to
    ``typer.Typer(cls=...)``.
    """

    sources: ClassVar[Mapping[str, CommandSource]] = {}

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        for name, source in self.sources.items():
            self.commands.setdefault(name, ListedCommand(name, source))

    # Typer carries its own copy of click, whose Context type it does not export.
    def resolve_command(self, ctx: Any, args: list[str]) -> tuple[Any, Any, list[str]]:
        name, command, rest = super().resolve_command(ctx, args)
        if isinstance(command, ListedCommand) and name is not None:
            command = load_command(name, command.source)
        return name, command, rest
