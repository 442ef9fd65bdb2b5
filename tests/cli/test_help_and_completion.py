"""Every command's ``--help`` ends with examples that run as written, and
``completion`` prints a script the shell accepts and completes with."""

from __future__ import annotations

import contextlib
import io
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from safeguarding_model.cli import COMMANDS, build_parser, main
from safeguarding_model.cli._help import EXAMPLES


def help_of(command: str) -> str:
    parser = build_parser()
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit):
        parser.parse_args([command, "--help"])
    return out.getvalue()


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_ends_its_help_with_examples(command: str) -> None:
    text = help_of(command)
    assert text.count("\nexamples:\n") == 1
    for what, line in EXAMPLES[command]:
        assert f"  # {what}\n  {line}\n" in text  # kept as written, not wrapped


EXAMPLE_LINES = [
    pytest.param(line, id=f"{command}-{n}")
    for command, found in EXAMPLES.items()
    for n, (_, line) in enumerate(found)
]


@pytest.mark.parametrize("line", EXAMPLE_LINES)
def test_every_example_runs_as_written(
    line: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run in a folder holding the files the examples name (`mine.yaml`, `old.yaml`):
    an answer (exit 0) or a finding the command exists to report (exit 1: a check
    that finds something, a file that needs migrating), never bad input (2) or a
    crash, and an output that is not empty."""
    monkeypatch.chdir(tmp_path)
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["export", "isle-of-wight-2024", "--to", "yaml", "-o", "mine.yaml"]) == 0
    (tmp_path / "old.yaml").write_text(
        "schema: safeguarding-model/1\norganisations: []\n", encoding="utf-8"
    )
    stdin = None
    if line.startswith("cat "):
        piped, line = line.split(" | ", 1)
        stdin = (tmp_path / piped.split()[1]).read_bytes()
    if line.startswith("eval "):
        line = shlex.split(line)[1].strip('$()"')
    words = shlex.split(line.split(" > ")[0])
    assert words[0] == "safeguarding-model"
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(words[1:])
    finds = words[1] == "check" or "--check" in words  # exit 1: it found something
    assert status in ({0, 1} if finds else {0}), (line, status)
    if "-o" in words:
        assert (tmp_path / words[words.index("-o") + 1]).stat().st_size > 0
    else:
        assert out.getvalue().strip(), line


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash here")
def test_the_bash_script_completes_commands_and_choices(tmp_path: Path) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["completion", "bash"]) == 0
    script = tmp_path / "complete.bash"
    script.write_text(out.getvalue(), encoding="utf-8")
    probe = f"""
source {shlex.quote(str(script))}
COMP_WORDS=(safeguarding-model di); COMP_CWORD=1; _shtab_safeguarding_model
echo "${{COMPREPLY[@]}}"
COMP_WORDS=(safeguarding-model show x --format ""); COMP_CWORD=4; _shtab_safeguarding_model
echo "${{COMPREPLY[@]}}"
"""
    result = subprocess.run(
        ["bash", "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    commands, formats = result.stdout.splitlines()
    assert commands.split() == ["diff"]
    assert sorted(formats.split()) == ["json", "text"]


@pytest.mark.parametrize("shell", ["zsh", "tcsh"])
def test_each_shell_has_its_script(shell: str) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["completion", shell]) == 0
    assert "safeguarding-model" in out.getvalue() and "diff" in out.getvalue()


def test_an_unknown_shell_is_refused_with_the_choices() -> None:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), pytest.raises(SystemExit) as exit:
        main(["completion", "fish"])
    assert exit.value.code == 2 and "choose from 'bash', 'zsh', 'tcsh'" in err.getvalue()
