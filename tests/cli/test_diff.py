"""``diff``: two versions or one source on two dates; text, JSON and Markdown; every
mistake in the arguments a clear message and status 2, never a traceback; the example
in docs/commands/diff.md is what the command prints."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from safeguarding_model.cli import main

OLD = """\
schema: safeguarding-model/2
organisations:
  - {id: council, name: Northshire Council, kind: local-authority}
  - {id: police, name: Northshire Police, kind: police}
people:
  - {id: ann, name: Ann Archer}
  - {id: bob, name: Bob Baker}
posts:
  - {id: first-chair, title: Independent Chair, independent: true, holder: ann, end: 2022-03}
  - {id: second-chair, title: Partnership Chair, independent: true, holder: bob, start: 2022-04}
partnerships:
  - id: northshire
    name: Northshire Safeguarding Children Partnership
    regimes: [working-together-2018]
    lead_partners:
      - {role: local-authority, organisation: council}
      - {role: chief-officer-of-police, organisation: police}
    chairs:
      - {post: first-chair, end: 2022-03}
      - {post: second-chair, start: 2022-04}
    groups:
      - {id: executive, name: Executive, kind: executive-group, meets: quarterly}
"""

NEW = OLD.replace("meets: quarterly", "meets: monthly").replace(
    "name: Northshire Police,", "name: Northshire and Southby Police,"
)


@pytest.fixture
def files(tmp_path: Path) -> tuple[str, str]:
    old, new = tmp_path / "2019.yaml", tmp_path / "2024.yaml"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return str(old), str(new)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["diff", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_two_versions_as_text(files: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, *files)
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == f"Changes from {files[0]} to {files[1]}"
    assert "  - Northshire Police is now named Northshire and Southby Police." in lines
    assert "  - Executive: meetings changed from quarterly to monthly." in lines
    assert lines[lines.index("The partners") + 1].startswith("  - Northshire Police")


def test_two_versions_as_json(files: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, *files, "--format", "json")
    data = json.loads(out)
    assert status == 0 and (data["old"], data["new"]) == files
    assert [(c["kind"], c["how"], c["field"]) for c in data["changes"]] == [
        ("lead-partner", "renamed", "name"),
        ("meeting-cadence", "changed", "meets"),
    ]


def test_two_versions_as_markdown_for_the_yearly_report(
    files: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, *files, "--format", "markdown", "--partnership", "northshire")
    assert status == 0
    assert out.splitlines() == [
        "# Northshire Safeguarding Children Partnership",
        "",
        "## Changes to the safeguarding arrangements",
        "",
        "Changes from "
        + files[0].replace("_", "\\_")
        + " to "
        + files[1].replace("_", "\\_")
        + ".",
        "",
        "### The partners",
        "",
        "- Northshire Police is now named Northshire and Southby Police.",
        "",
        "### Groups",
        "",
        "- Executive: meetings changed from quarterly to monthly.",
    ]


def test_one_source_on_two_dates(
    files: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, files[0], "--from", "2021", "--to", "2023-06")
    assert status == 0
    assert out.splitlines()[0] == "Changes from 2021 to 2023-06"
    assert "Changes between the arrangements as they stood in 2021 and in 2023-06." in out
    assert (
        "  - Partnership chair changed from Ann Archer, Independent Chair to Bob Baker, "
        "Partnership Chair."
    ) in out.splitlines()
    status, out, _ = run(capsys, files[0], "--from", "2023", "--to", "2024", "--format", "json")
    assert (json.loads(out)["from"], json.loads(out)["count"]) == ("2023", 0)


def test_the_exit_status_is_0_whether_or_not_anything_changed(
    files: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, files[0], files[0])[0] == 0
    assert run(capsys, *files)[0] == 0
    assert run(capsys, files[0], files[0], "--exit-code")[0] == 0
    assert run(capsys, *files, "--exit-code")[0] == 1
    assert "The data shows no change to the arrangements." in run(capsys, files[0], files[0])[1]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["OLD"], "NEW is missing: give two versions (diff OLD NEW) or one source and two dates"),
        (["OLD", "NEW", "--from", "2019"], "--from goes with one SOURCE, not with OLD and NEW"),
        (["OLD", "NEW", "--to", "2024"], "--to goes with one SOURCE, not with OLD and NEW"),
        (["OLD", "--from", "2019"], "--from needs --to too"),
        (["OLD", "--to", "2024"], "--to needs --from too"),
        (["OLD", "--from", "2019-13", "--to", "2024"], "--from '2019-13' is not a date: its month"),
        (
            ["OLD", "--from", "2019", "--to", "2024-9"],
            "--to '2024-9' is not a date: write it 2024-09",
        ),
        (["OLD", "missing.yaml"], "missing.yaml: no such file or folder"),
        (
            ["OLD", "NEW", "--partnership", "elsewhere"],
            "no partnership 'elsewhere' in either version",
        ),
        (["", "NEW"], "SOURCE is empty"),
        (
            ["OLD", "--from", "2024", "--to", "2019-06"],
            "--from 2024 is after --to 2019-06: give the earlier date with --from",
        ),
    ],
)
def test_bad_input_is_a_clear_message_and_status_2(
    files: tuple[str, str], capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    named = {"OLD": files[0], "NEW": files[1]}
    status, out, err = run(capsys, *(named.get(arg, arg) for arg in argv))
    assert status == 2 and out == ""
    assert message in err and "Traceback" not in err
    assert err.startswith("safeguarding-model: ")


def test_a_partnership_in_one_version_only_is_refused_by_name(
    files: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, files[0], "isle-of-wight-2024", "--partnership", "northshire")
    assert status == 2
    assert "the partnership 'northshire' is only in the older version" in err


def test_a_partnership_that_did_not_stand_on_a_date_is_said_why_and_exits_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """As ``show --on``: nothing to compare is the answer, not a mistake."""
    status, out, err = run(
        capsys, "isle-of-wight-2024", "--from", "2019", "--to", "2024-10", "--partnership", "IOWSCP"
    )
    assert (status, out) == (1, "")
    assert err == (
        "safeguarding-model: The Isle of Wight Safeguarding Children Partnership's "
        "arrangements in this file took effect 2024-09; nothing stood on 2019.\n"
    )


def test_nothing_standing_on_either_date_is_said_why_not_no_change(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "isle-of-wight-2024", "--from", "2018", "--to", "2019")
    assert (status, out) == (1, "")
    assert "took effect 2024-09; nothing stood on 2018." in err
    assert "took effect 2024-09; nothing stood on 2019." in err
    assert "no change" not in err
    # standing on one date only, the partnership is added: a change, said so
    status, out, _ = run(capsys, "isle-of-wight-2024", "--from", "2018", "--to", "2024-10")
    assert status == 0
    assert "Partnership added: Isle of Wight Safeguarding Children Partnership (IOWSCP)." in out


def test_the_example_in_the_docs_is_what_the_command_prints(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Each ``$ safeguarding-model diff`` example of docs/commands/diff.md: the lines
    shown are the output's first lines, and, after a line ``...``, its last lines."""
    page = (Path(__file__).parents[2] / "docs" / "commands" / "diff.md").read_text("utf-8")
    examples = re.findall(r"```console\n\$ (safeguarding-model diff [^\n]*)\n(.*?)```", page, re.S)
    assert examples
    for command, shown in examples:
        status = main(shlex.split(command)[1:])
        out = capsys.readouterr().out.splitlines()
        assert status == 0, command
        head, _, tail = shown.rstrip("\n").partition("\n...\n")
        assert out[: len(head.splitlines())] == head.splitlines(), command
        if tail:
            assert out[-len(tail.splitlines()) :] == tail.splitlines(), command
