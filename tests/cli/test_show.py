"""``show``: a partnership unlike the Isle of Wight, escapes, escalation, what is not stated."""

from __future__ import annotations

import json
import re
import shlex
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
    assert (
        "The partnership escalates to (1 named, and others the source does not name)\n"
        "  HIPS Executive Group"
    ) in out
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


def _in_order(out: list[str], shown: list[str]) -> bool:
    """Whether ``shown`` is ``out``, where a line ``...`` stands for lines left out."""
    parts: list[list[str]] = [[]]
    for line in shown:
        if line == "...":
            parts.append([])
        else:
            parts[-1].append(line)
    if len(parts) == 1:
        return out == parts[0]
    head, *middle, tail = parts
    if out[: len(head)] != head or (tail and out[-len(tail) :] != tail):
        return False
    at = len(head)
    for part in middle:
        while at <= len(out) - len(part) and out[at : at + len(part)] != part:
            at += 1
        if at > len(out) - len(part):
            return False
        at += len(part)
    return at <= len(out) - len(tail)


def test_the_examples_in_the_docs_are_what_the_command_prints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each ``$ safeguarding-model show`` example of docs/commands/show.md that is one
    command, on a shipped example or a file the page gives (``<!-- file: NAME -->``
    before a YAML block): the output is the lines shown (``...`` for lines left out)."""
    page = (Path(__file__).parents[2] / "docs" / "commands" / "show.md").read_text("utf-8")
    files = re.findall(r"<!-- file: (\S+) -->\n```yaml\n(.*?)```", page, re.S)
    assert files
    for name, text in files:
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    examples = re.findall(r"```console\n\$ (safeguarding-model show [^\n|]*)\n(.*?)```", page, re.S)
    ran = 0
    for command, shown in examples:
        if "\n$ " in "\n" + shown:
            continue  # several commands: not one output to compare
        assert main(shlex.split(command)[1:]) == 0, command
        out = capsys.readouterr().out.splitlines()
        assert _in_order(out, shown.rstrip("\n").splitlines()), (command, out)
        ran += 1
    assert ran >= 1


def test_the_docs_comparison_can_fail() -> None:
    assert _in_order(["a", "b", "c"], ["a", "...", "c"])
    assert not _in_order(["a", "b", "c"], ["a", "c"])
    assert not _in_order(["a", "b", "c"], ["a", "...", "d"])
    assert _in_order(["a", "b", "c", "d"], ["a", "...", "c", "...", "d"])
    assert not _in_order(["a", "b", "c", "d"], ["a", "...", "d", "...", "c"])
