"""What the command line writes reaches its reader whole, or the command says it did
not: a full disk, a file-size limit or a closed pipe is never a silent success, and
nothing a file holds can act on the terminal."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from safeguarding_model.cli import EXIT_BROKEN_PIPE, main

COMMAND = [sys.executable, "-m", "safeguarding_model"]
HEAD = "schema: safeguarding-model/1\n"


def big_file(tmp_path: Path) -> Path:
    """A valid file whose JSON export is larger than a pipe's buffer."""
    path = tmp_path / "big.yaml"
    entries = "".join(
        f"  - {{id: org-{n}, name: Organisation number {n}, kind: other}}\n" for n in range(3000)
    )
    path.write_text(HEAD + "organisations:\n" + entries, encoding="utf-8")
    return path


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize(
    "argv", [["show", "isle-of-wight-2024"], ["export", "isle-of-wight-2024", "--to", "json"]]
)
def test_a_full_disk_is_reported_not_a_traceback(argv: list[str]) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [*COMMAND, *argv], stdout=full, stderr=subprocess.PIPE, text=True, timeout=120
        )
    assert result.returncode == 2
    assert (
        result.stderr == "safeguarding-model: cannot write the output (No space left on device)\n"
    )


def test_a_file_size_limit_is_reported_not_a_short_file(tmp_path: Path) -> None:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))

    out = tmp_path / "out.md"
    with out.open("wb") as target:
        result = subprocess.run(
            [*COMMAND, "export", "isle-of-wight-2024", "--to", "markdown"],
            stdout=target,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            preexec_fn=limit,
        )
    assert result.returncode == 2
    assert "cannot write the output (File too large)" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_closed_pipe_is_never_a_success(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [*COMMAND, "export", str(big_file(tmp_path)), "--to", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader goes away before the command writes
    with process.stderr:
        error = process.stderr.read().decode()
    assert process.wait(timeout=120) == EXIT_BROKEN_PIPE == 141
    assert error == ""


def test_json_for_scripts_escapes_what_a_terminal_would_act_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mine.yaml"
    name = "Csi\u009b2J Bidi\u202eevil Line\u2028sep"
    path.write_text(
        HEAD + "partnerships:\n  - id: scp\n    name: " + json.dumps(name) + "\n"
        "    guidance: working-together-2023\n",
        encoding="utf-8",
    )
    assert main(["show", str(path), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert not {"\u009b", "\u202e", "\u2028"} & set(out)
    assert "\\u009b" in out and "\\u202e" in out and "\\u2028" in out
    assert json.loads(out)["partnership"]["name"] == name
    assert main(["show", str(path)]) == 0
    text = capsys.readouterr().out
    assert not {"\u009b", "\u202e", "\u2028"} & set(text)


def test_a_date_in_other_digits_is_not_a_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "isle-of-wight-2024", "--on", "\uff12\uff10\uff12\uff13"]) == 2
    assert "is not a date" in capsys.readouterr().err


def test_the_exit_status_is_documented() -> None:
    page = (Path(__file__).parents[2] / "docs" / "errors.md").read_text(encoding="utf-8")
    assert "| 141 |" in page
