"""Docs that cannot drift: every command is in the README, every bench name too."""

from __future__ import annotations

from pathlib import Path

import typer.main

from newsint.cli import BenchName, app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


def test_every_command_is_documented() -> None:
    click_app = typer.main.get_command(app)
    for name in click_app.commands:  # type: ignore[attr-defined]
        assert f"newsint {name}" in README, f"`newsint {name}` is not in the README"


def test_every_benchmark_is_documented() -> None:
    for name in BenchName:
        assert f"newsint bench {name.value}" in README
