"""Tests that fail when the README drifts from the code (datasette-style)."""

import re
from pathlib import Path

import click
import pytest

from missionwatch.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "") -> list[str]:
    names = []
    for name, command in sorted(group.commands.items()):
        names.append(f"{prefix}{name}")
        if isinstance(command, click.Group):
            names += _commands(command, f"{prefix}{name} ")
    return names


@pytest.mark.parametrize("command", _commands(main))
def test_every_command_is_in_the_readme(command):
    assert f"missionwatch {command}" in README, f"`missionwatch {command}` is not documented"


@pytest.mark.parametrize("command", _commands(main))
def test_every_command_has_help(command):
    assert (main.get_command(click.Context(main), command.split()[0]) or main).help


def _setup_block() -> list[str]:
    block = re.search(r"Set up on a fresh machine.*?```bash\n(.*?)```", README, re.S)
    assert block, "the README's set-up block is missing"
    return [line for line in block.group(1).splitlines() if line.strip() and not line.startswith("#")]


def test_first_screen_has_exactly_two_setup_commands():
    commands = _setup_block()
    assert len(commands) == 2
    assert "missionwatch demo" in commands[0]
    assert "pytest" in commands[1]
    assert README.index("Set up on a fresh machine") < 2500, "set-up must be on the first screen"


def test_ci_runs_the_readme_test_command_verbatim():
    test_command = _setup_block()[1]
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


#: README quality rows (metric column as written) and the pinned floor each one reports
QUALITY_ROWS = {
    "event type accuracy": "events.isaf.type_acc",
    "killed count exact": "events.isaf.killed_acc",
    "captured count exact": "events.isaf.captured_acc",
    "province": "events.isaf.province_acc",
    "date (exact day; the release's day when the text dates no event)": "events.isaf.date_acc",
    "date (exact day, dates the text gives only)": "events.isaf.date_acc_text",
    "category accuracy (main event)": "events.plover_gsr.category_acc",
}


@pytest.mark.parametrize(("row", "metric"), sorted(QUALITY_ROWS.items()))
def test_readme_quality_figures_are_the_pinned_ones(row, metric):
    from missionwatch.eval.gate import load_floors

    found = re.search(rf"^\|[^|]*\| {re.escape(row)} \| ([0-9.]+) \|", README, re.M)
    assert found, f"README has no quality row {row!r}"
    floor = float(load_floors()["metrics"][metric]["floor"])
    assert float(found.group(1)) == round(floor, 3), f"README says {found.group(1)} for {metric}"
