"""``show``: a partnership unlike the Isle of Wight, escapes, escalation, what is not stated."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from safeguarding_model.cli import main


def show(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(["show", *argv]) == 0
    return capsys.readouterr().out


def test_show_keeps_vacant_acting_co_chairs_and_dates(
    northshire: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = show(capsys, str(northshire))
    assert (
        "co-chair: Helen Briggs, Director of Children's Services, Northshire County Council (acting)"
        in out
    )
    assert "co-chair: Director of Children's Services, Southby Borough Council (vacant)" in out
    # an end that has passed is "ended" (read against today)
    assert (
        "Neglect Task and Finish Group [task and finish group] (from 2022-04, ended 2023-11)" in out
    )
    assert "reports to: Executive (six-monthly)" in out
    assert "Independent scrutineer: not stated in the source" in out
    assert "Not stated in the source: funding, scrutineers." in out


def test_show_neutralises_terminal_escapes_in_names(
    northshire: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = show(capsys, str(northshire))
    assert "\x1b" not in out and "\x07" not in out
    assert "Sam \\x1b]0;pwned\\x07 Okoro" in out


def test_show_lists_the_partnership_escalation_and_its_collaborations(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = show(capsys, "isle-of-wight-2024")
    assert "The partnership escalates to\n  HIPS Executive Group" in out
    assert "Collaboration: Hampshire, Isle of Wight, Portsmouth and Southampton" in out
    assert "sits under: HIPS Executive Group" in out
    data = json.loads(show(capsys, "isle-of-wight-2024", "--format", "json"))
    assert [c["id"] for c in data["collaborations"]] == ["hips"]
    assert [line["to"] for line in data["escalates_to"]] == ["hips-executive-group"]


def test_show_2019_says_not_stated_rather_than_none(capsys: pytest.CaptureFixture[str]) -> None:
    out = show(capsys, "isle-of-wight-2019")
    assert "Delegated safeguarding partners: not stated in the source" in out
    assert "Groups: not stated in the source" in out
    assert "Delegated safeguarding partners (0)" not in out


def test_show_refuses_a_source_without_partnerships(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "orgs.yaml"
    path.write_text("schema: safeguarding-model/1\norganisations: []\n", encoding="utf-8")
    assert main(["show", str(path)]) == 2
    assert "holds no partnerships" in capsys.readouterr().err
