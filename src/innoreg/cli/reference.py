"""The command-line reference page, docs/cli.md, generated from the commands' own help so that
it cannot drift from them (`make docs` writes it; a test compares it)."""

from __future__ import annotations

import os
from typing import Any

import typer.main
from typer.testing import CliRunner

from innoreg.cli import app


def _paths(command: Any, prefix: list[str]) -> list[list[str]]:
    found = [prefix]
    commands = getattr(command, "commands", {})
    for name in sorted(commands):
        found += _paths(commands[name], [*prefix, name])
    return found


def cli_reference_markdown() -> str:
    runner = CliRunner()
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    lines = [
        "# Command-line reference",
        "",
        "Generated from `innoreg … --help` by `make docs`; a test keeps it equal to the code.",
        "User errors print one `error: …` line on stderr and exit with code 2.",
    ]
    for path in _paths(typer.main.get_command(app), []):
        result = runner.invoke(app, [*path, "--help"], env=env, terminal_width=100)
        lines += ["", f"## `{' '.join(['innoreg', *path])}`", "", "```text"]
        lines += [line.rstrip() for line in result.stdout.strip("\n").splitlines()]
        lines.append("```")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(cli_reference_markdown(), end="")
