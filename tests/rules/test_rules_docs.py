"""The rules' documentation is current: docs/rules.md is what ``rules --format markdown``
prints with no plugins, and each ``$ safeguarding-model check`` example of
docs/commands/check.md (and ``rules`` of docs/commands/rules.md) is what the command
prints: the lines shown are the output's first lines, and, after a line ``...``, its
last lines."""

from __future__ import annotations

import doctest
import importlib
import re
import shlex
from pathlib import Path

import pytest

from safeguarding_model.cli import main
from safeguarding_model.cli.rules import reference
from safeguarding_model.hooks.manager import NO_PLUGINS_ENV
from safeguarding_model.rules import RuleManager, reset_default_manager

ROOT = Path(__file__).parents[2]


def test_the_rules_reference_is_current() -> None:
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    expected = reference(RuleManager(external=False).rules()) + "\n"
    assert current == expected, (
        "regenerate it: SAFEGUARDING_MODEL_NO_PLUGINS=1 safeguarding-model rules "
        "--format markdown > docs/rules.md"
    )


def test_the_rules_reference_names_every_built_in_rule_and_status() -> None:
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in RuleManager(external=False).rules():
        assert f"### `{rule.id}`" in page
    for status in ("confirmed", "secondary", "unconfirmed", "advisory"):
        assert status in page


@pytest.mark.parametrize("command", ["check", "rules"])
def test_the_examples_in_the_docs_are_what_the_command_prints(
    command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(NO_PLUGINS_ENV, "1")
    reset_default_manager()
    page = (ROOT / "docs" / "commands" / f"{command}.md").read_text("utf-8")
    pattern = rf"```console\n\$ (safeguarding-model {command}(?: [^\n]*)?)\n(.*?)```"
    examples = re.findall(pattern, page, re.S)
    assert examples
    for line, shown in examples:
        status = main(shlex.split(line)[1:])
        out = capsys.readouterr().out.splitlines()
        assert status in (0, 1), line
        head, _, tail = shown.rstrip("\n").partition("\n...\n")
        head_lines = head.splitlines()
        if head_lines and head_lines[-1] == "...":
            head_lines = head_lines[:-1]
        assert out[: len(head_lines)] == head_lines, line
        if tail:
            assert out[-len(tail.splitlines()) :] == tail.splitlines(), line
    reset_default_manager()


@pytest.mark.parametrize(
    "module",
    [
        "safeguarding_model.rules",
        "safeguarding_model.rules.context",
        "safeguarding_model.rules.engine",
        "safeguarding_model.rules.compliance",
    ],
)
def test_the_examples_in_the_docstrings_run(module: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NO_PLUGINS_ENV, "1")
    reset_default_manager()
    found = doctest.testmod(importlib.import_module(module), raise_on_error=False)
    reset_default_manager()
    assert found.attempted and not found.failed
