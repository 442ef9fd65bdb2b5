"""Starting quickly: what importing the package and running ``--help`` import.

``import safeguarding_model`` imports its errors alone (the rest on first use), and
``safeguarding-model --help`` (or ``--version``) imports no exporter or document
module, no model and no command's module; a command imports its own module and no
other command's. Each is checked in a new interpreter, by what ``sys.modules`` holds.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import textwrap

import pytest

from safeguarding_model.cli import COMMANDS, SUMMARIES, build_parser

IMPORTED = textwrap.dedent(
    """
    import json, sys
    {code}
    print(json.dumps(sorted(sys.modules)))
    """
)


def _imported(code: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", IMPORTED.format(code=textwrap.dedent(code))],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


def _run(*arguments: str) -> str:
    return f"""
    import contextlib, io
    from safeguarding_model.cli import main
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            main({list(arguments)!r})
        except SystemExit:
            pass
    """


def _ours(modules: set[str], *parts: str) -> set[str]:
    """The package's modules in the sub-packages ``parts``."""
    return {
        m
        for m in modules
        if m.split(".")[0] == "safeguarding_model" and m.split(".")[1:2] in [[p] for p in parts]
    }


def test_importing_the_package_imports_its_errors_alone() -> None:
    modules = _imported("import safeguarding_model")
    assert {m for m in modules if m.startswith("safeguarding_model")} == {
        "safeguarding_model",
        "safeguarding_model.errors",
    }
    assert not {"yaml", "cattrs", "networkx", "pluggy"} & modules


def test_a_name_imports_its_layer_on_first_use() -> None:
    modules = _imported("import safeguarding_model as sm; sm.Partnership")
    assert "safeguarding_model.model" in modules
    assert not _ours(modules, "io", "graph", "exporters", "documents")
    modules = _imported("import safeguarding_model as sm; sm.load")
    assert "safeguarding_model.io" in modules
    assert not _ours(modules, "graph", "exporters", "documents", "rules")


@pytest.mark.parametrize("arguments", [["--help"], ["--version"], ["-h"], []])
def test_help_imports_no_exporter_document_or_command_module(arguments: list[str]) -> None:
    modules = _imported(_run(*arguments))
    assert not _ours(modules, "exporters", "documents", "graph", "rules", "model", "io")
    assert not {m for m in modules if m.startswith("safeguarding_model.cli.")}
    assert not {"yaml", "cattrs", "networkx", "pluggy"} & modules


def test_a_command_imports_its_own_module_alone() -> None:
    modules = _imported(_run("schema", "--help"))
    commands = {m for m in modules if m.startswith("safeguarding_model.cli.")}
    assert "safeguarding_model.cli.schema" in commands
    assert not commands & {
        f"safeguarding_model.cli.{name}" for name in COMMANDS if name != "schema"
    }


def test_help_says_what_each_command_says_of_itself() -> None:
    parser = build_parser()  # every command's module, as each defines itself
    (commands,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    said = {choice.dest: choice.help for choice in commands._choices_actions}
    assert list(said) == list(COMMANDS)
    assert said == SUMMARIES


def test_help_is_the_same_lazy_or_not() -> None:
    assert build_parser().format_help() == build_parser(["--help"]).format_help()
