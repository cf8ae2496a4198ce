"""Options shared by the follow-through commands: who is acting, which commission, which date."""

from __future__ import annotations

from typing import Annotated

import typer

from accord.cli.input_options import line_text, note_text

AuthorOption = Annotated[
    str | None,
    typer.Option(
        "--as",
        metavar="NAME",
        help="Who is acting (recorded in the history and the audit log). "
        "Default: the ACCORD_USER setting, else the user name.",
        show_default=False,
    ),
]
CommissionOption = Annotated[
    str | None,
    typer.Option(callback=line_text, help="Commission id, name, alias or countries."),
]
NoteOption = Annotated[
    str | None, typer.Option(callback=note_text, help="Why: a note kept with the decision.")
]
