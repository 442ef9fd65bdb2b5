"""``-`` as SOURCE reads standard input and ``-o -`` writes standard output, so that
the commands sit in pipelines; what cannot come from a pipe says so."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

COMMAND = [sys.executable, "-m", "safeguarding_model"]


def run(*argv: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*COMMAND, *argv], input=stdin, capture_output=True, timeout=120, check=False
    )


@pytest.fixture(scope="module")
def as_yaml() -> bytes:
    return run("export", "isle-of-wight-2024", "--to", "yaml").stdout


@pytest.fixture(scope="module")
def as_json() -> bytes:
    return run("export", "isle-of-wight-2024", "--to", "json").stdout


@pytest.mark.slow
def test_a_file_piped_in_reads_as_the_same_file(as_yaml: bytes, as_json: bytes) -> None:
    shown = run("show", "isle-of-wight-2024").stdout
    assert run("show", "-", stdin=as_yaml).stdout == shown
    assert run("show", "-", stdin=as_json).stdout == shown  # JSON, told by its first brace
    valid = run("validate", "-", stdin=as_json)
    assert valid.returncode == 0
    assert valid.stdout.decode().startswith("<stdin>: valid (55 organisations")


def test_problems_in_piped_text_are_located_in_stdin() -> None:
    text = b"schema: safeguarding-model/2\npartnerships:\n  - {id: p, name: P, scope: al-age}\n"
    result = run("validate", "-", stdin=text)
    assert result.returncode == 2
    assert result.stderr.decode().splitlines()[1].startswith("<stdin>:3:")
    assert b"Traceback" not in result.stderr


def test_what_a_pipe_cannot_give_is_refused_with_what_to_do(as_yaml: bytes) -> None:
    include = run("validate", "-", stdin=b"schema: safeguarding-model/2\ninclude: [x.yaml]\n")
    assert include.returncode == 2 and b"load the file by its path" in include.stderr
    both = run("diff", "-", "-", stdin=as_yaml)
    assert both.returncode == 2 and b"give one as a path" in both.stderr
    migrate = run("migrate", "-", stdin=as_yaml)
    assert migrate.returncode == 2 and b"save the text to a file" in migrate.stderr
    empty = run("show", "-", stdin=b"")
    assert empty.returncode == 2 and b"<stdin>: the file is empty" in empty.stderr


def test_a_diff_against_piped_text(as_yaml: bytes) -> None:
    result = run("diff", "isle-of-wight-2019", "-", "--format", "json", stdin=as_yaml)
    assert result.returncode == 0
    assert json.loads(result.stdout)["count"] > 0


def test_migrate_prints_to_standard_output_with_o_dash(tmp_path: Path) -> None:
    old = tmp_path / "old.yaml"
    old.write_text("schema: safeguarding-model/1\norganisations: []\n", encoding="utf-8")
    before = old.read_bytes()
    result = run("migrate", str(old), "-o", "-")
    assert result.returncode == 0
    assert result.stdout.decode().startswith("schema: safeguarding-model/2")
    assert "is unchanged" in result.stderr.decode()
    assert old.read_bytes() == before
    assert not (tmp_path / "-").exists()
