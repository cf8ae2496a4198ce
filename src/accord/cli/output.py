"""Where the CLI writes: data to stdout, messages and errors to stderr."""

from __future__ import annotations

from rich.console import Console

console = Console(soft_wrap=True)
error_console = Console(stderr=True, soft_wrap=True)
