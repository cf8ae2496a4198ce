"""`accord serve`, `accord init-admin`, `accord user ...`, `accord token ...`: the web app and its people."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.table import Table

from accord.cli.fetch_options import AllowPrivateOption, fetch_interval
from accord.cli.input_options import ID_RANGE, name_text
from accord.cli.output import console, error_console
from accord.cli.phrasing import options_named
from accord.cli.store_options import DbOption, JsonOption, opened, print_json
from accord.errors import ConfigError
from accord.store.accounts import (
    MAX_TOKEN_DAYS,
    TOKEN_DAYS,
    add_user,
    create_api_token,
    has_admin,
    list_accounts,
    revoke_api_token,
    set_password,
)
from accord.store.models import ROLES
from accord.web.settings import DEFAULT_HOST, DEFAULT_PORT, WebSettings

user_app = typer.Typer(help="Add and list the people who use the web app.", no_args_is_help=True)
token_app = typer.Typer(help="API tokens for scripts.", no_args_is_help=True)

PasswordStdin = Annotated[
    bool,
    typer.Option(
        "--password-stdin", help="Read the password from the first line of stdin (for scripts)."
    ),
]


def register(app: typer.Typer) -> None:
    """Add the web commands to the ``accord`` app."""
    app.command("serve")(serve_command)
    app.command("init-admin")(init_admin_command)
    user_app.command("add")(user_add_command)
    user_app.command("list")(user_list_command)
    user_app.command("password")(user_password_command)
    token_app.command("create")(token_create_command)
    token_app.command("revoke")(token_revoke_command)
    app.add_typer(user_app, name="user")
    app.add_typer(token_app, name="token")


def serve_command(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = DEFAULT_HOST,
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = DEFAULT_PORT,
    db: DbOption = None,
    insecure_cookies: Annotated[
        bool,
        typer.Option(
            "--insecure-cookies",
            help="Send login cookies over plain HTTP too (only behind a trusted network; "
            "browsers accept secure cookies on localhost without it).",
        ),
    ] = False,
    allow_private: AllowPrivateOption = False,
) -> None:
    """Serve the web app and the JSON API (/api/v1) until interrupted."""
    import uvicorn

    from accord.web.app import create_app

    settings = WebSettings(
        database=db,
        secure_cookies=not insecure_cookies,
        allow_private_addresses=allow_private,
        fetch_interval=fetch_interval(),
    )
    app = create_app(settings)
    console.print(f"Accord is serving on http://{host}:{port}/ (Ctrl+C to stop)", markup=False)
    uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=False)


def _password(from_stdin: bool, prompt: str = "Password") -> str:
    if from_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise ConfigError("--password-stdin: stdin held no password")
        return line
    value: str = typer.prompt(prompt, hide_input=True, confirmation_prompt=True)
    return value


def init_admin_command(
    username: Annotated[str, typer.Option(help="The admin's user name.")] = "admin",
    password_stdin: PasswordStdin = False,
    db: DbOption = None,
) -> None:
    """Create the first admin of a new installation (refused once an admin exists)."""
    with opened(db) as database:
        if has_admin(database):
            raise ConfigError("an admin exists already; add more users with 'accord user add'")
        account = add_user(database, username, _password(password_stdin), "admin")
    console.print(f"admin {account.username} created; log in with 'accord serve'", markup=False)


def user_add_command(
    username: Annotated[
        str, typer.Argument(callback=name_text, help="User name (letters, digits, . _ @ -).")
    ],
    role: Annotated[str, typer.Option(help=f"One of: {', '.join(ROLES)}.")] = "viewer",
    side: Annotated[
        str | None,
        typer.Option(help="The side (ISO3 country code) the user works for; editors need one."),
    ] = None,
    agency: Annotated[
        list[str] | None,
        typer.Option(help="Narrow an editor to this agency (acronym or name); repeatable."),
    ] = None,
    display_name: Annotated[
        str | None, typer.Option(callback=name_text, help="Name shown in the app.")
    ] = None,
    password_stdin: PasswordStdin = False,
    db: DbOption = None,
) -> None:
    """Add a user: an admin, an editor of a side (and agencies), or a viewer."""
    with opened(db) as database, options_named():
        account = add_user(
            database,
            username,
            _password(password_stdin),
            role,
            side=side,
            agencies=agency or (),
            display_name=display_name,
        )
    scope = f" for {account.side}" if account.side else ""
    agencies = f" ({'; '.join(account.agency_names)})" if account.agency_names else ""
    console.print(f"{account.role} {account.username} added{scope}{agencies}", markup=False)


def user_list_command(db: DbOption = None, json_output: JsonOption = False) -> None:
    """List the active users with their roles and scopes."""
    with opened(db) as database:
        accounts = list_accounts(database)
    if json_output:
        print_json([a.to_json() for a in accounts])
        return
    table = Table("id", "user", "role", "side", "agencies", title="Users")
    for a in accounts:
        table.add_row(str(a.id), a.username, a.role, a.side or "", "; ".join(a.agency_names))
    console.print(table)


def user_password_command(
    username: Annotated[str, typer.Argument(help="Whose password to set.")],
    password_stdin: PasswordStdin = False,
    db: DbOption = None,
) -> None:
    """Set a user's password (their browser logins end)."""
    with opened(db) as database:
        set_password(database, username, _password(password_stdin, "New password"))
    console.print(f"password of {username} set", markup=False)


def token_create_command(
    username: Annotated[str, typer.Argument(help="The user the token acts as.")],
    name: Annotated[
        str, typer.Option(callback=name_text, help="What the token is for.")
    ] = "script",
    days: Annotated[
        int, typer.Option(min=1, max=MAX_TOKEN_DAYS, help="Days until the token is refused.")
    ] = TOKEN_DAYS,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Create an API token (shown once): send it as 'Authorization: Bearer TOKEN'."""
    with opened(db) as database:
        token, info = create_api_token(database, username, name, days)
    expires = info.expires_at.date().isoformat() if info.expires_at else "never"
    if json_output:
        print_json(
            {
                "id": info.id,
                "user": info.username,
                "name": info.name,
                "token": token,
                "expires_at": info.expires_at.isoformat() if info.expires_at else None,
            }
        )
        return
    typer.echo(token)
    error_console.print(
        f"token {info.id} for {info.username} ({info.name}), expires {expires}; "
        "it is not shown again",
        markup=False,
    )


def token_revoke_command(
    token_id: Annotated[int, typer.Argument(**ID_RANGE, help="The token's id.")],
    db: DbOption = None,
) -> None:
    """Revoke an API token: requests sending it are refused from now on."""
    with opened(db) as database:
        revoke_api_token(database, token_id)
    console.print(f"token {token_id} revoked", markup=False)
