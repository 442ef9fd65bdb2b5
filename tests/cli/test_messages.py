"""Small things the command line says, found by trying it as a new user would."""

from __future__ import annotations

from pathlib import Path

import pytest

from safeguarding_model.cli import main

HEAD = "schema: safeguarding-model/1\n"


def test_show_says_none_given_rather_than_a_count_of_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        HEAD + "partnerships:\n  - {id: scp, name: SCP, guidance: working-together-2023}\n",
        encoding="utf-8",
    )
    assert main(["show", str(path)]) == 0
    out = capsys.readouterr().out
    assert "(0)" not in out
    assert "Relevant agencies: none given in the data" in out


def test_an_unknown_format_says_where_other_formats_come_from(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["export", "isle-of-wight-2024", "--to", "spreadsheet"]) == 2
    err = capsys.readouterr().err
    assert "no exporter is called 'spreadsheet'" in err
    assert "other formats come from plugins" in err and "docs/exporters.md" in err


def test_validate_shows_a_source_name_with_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x\x1b[31mred.yaml"
    path.write_text(HEAD + "organisations: []\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "x\\x1b[31mred.yaml: valid" in out
