"""The `accord` command group: every command listed, each loaded only when it runs."""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import accord.cli
from accord.cli.lazy_group import load_command
from accord.cli.main import COMMANDS, app

# What a list command must not load: the extractor, the report stack, the web stack.
HEAVY_MODULES = ("spacy", "weasyprint", "fastapi", "matplotlib", "docx", "starlette")


def registered_commands() -> dict[str, str]:
    """Every command the command modules register, with its module, found by importing them all."""
    found: dict[str, str] = {}
    for module_info in pkgutil.iter_modules(accord.cli.__path__):
        if not module_info.name.endswith("_cli"):
            continue
        module = importlib.import_module(f"accord.cli.{module_info.name}")
        scratch = typer.Typer()
        module.register(scratch)
        for name in typer.main.get_group(scratch).commands:
            found.setdefault(name, module.__name__)
    return found


def test_main_help_lists_every_command() -> None:
    result = CliRunner(env={"COLUMNS": "200"}).invoke(app, ["--help"])
    assert result.exit_code == 0, result.output
    listed = {line.split()[1] for line in result.output.splitlines() if line.startswith("│ ")}
    assert set(registered_commands()) <= listed
    assert set(COMMANDS) <= listed


def test_main_command_table_names_each_command_and_its_module() -> None:
    registered = registered_commands()
    assert set(COMMANDS) == set(registered)
    for name, source in COMMANDS.items():
        assert load_command(name, source).name == name


@pytest.mark.parametrize("name", list(COMMANDS))
def test_main_summary_is_the_first_paragraph_of_the_command_help(name: str) -> None:
    command = load_command(name, COMMANDS[name])
    first_paragraph = (command.help or "").strip().split("\n\n")[0].replace("\n", " ")
    assert COMMANDS[name].summary == first_paragraph


@pytest.mark.parametrize("name", list(COMMANDS))
def test_main_each_command_shows_its_own_help(name: str) -> None:
    result = CliRunner(env={"COLUMNS": "200"}).invoke(app, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert f"accord {name}" in result.output or f"{name} [OPTIONS]" in result.output


def test_main_unknown_command_is_a_usage_error_with_suggestions() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "accord", "sesions"], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "No such command 'sesions'" in result.stderr
    assert "'sessions'" in result.stderr
    assert "Traceback" not in result.stderr


def modules_after(args: list[str], report: Path) -> tuple[int, set[str]]:
    """Run ``accord ARGS`` in a fresh interpreter; its exit code and the top-level modules it loaded."""
    script = (
        "import json, sys\n"
        "from accord.cli.main import main\n"
        "report, sys.argv = sys.argv[1], ['accord', *sys.argv[2:]]\n"
        "code = 0\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exc:\n"
        "    code = exc.code or 0\n"
        "with open(report, 'w') as out:\n"
        "    json.dump({'code': code, 'modules': sorted(sys.modules)}, out)\n"
    )
    subprocess.run(
        [sys.executable, "-c", script, str(report), *args],
        check=True,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "COLUMNS": "120"},
    )
    loaded = json.loads(report.read_text(encoding="utf-8"))
    return int(loaded["code"]), {name.split(".")[0] for name in loaded["modules"]}


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["sessions"],
        ["commitments"],
        ["commissions"],
        ["agreements"],
        ["review"],
        ["followups"],
        ["sources"],
        ["sources", "entries"],
    ],
    ids=lambda args: " ".join(args).lstrip("-"),
)
def test_main_list_commands_load_no_extractor_report_or_web_stack(
    args: list[str], tmp_path: Path
) -> None:
    database = tmp_path / "x.sqlite3"
    extra = [] if args == ["--help"] else ["--db", str(database)]
    code, modules = modules_after([*args, *extra], tmp_path / "modules.json")
    assert code == 0
    assert "accord" in modules
    assert sorted(modules & set(HEAVY_MODULES)) == []
