"""``query``'s questions of business plans (``owns``, ``unowned``, ``joint``,
``progress``): text and JSON, exit status, ``--on``, and the examples of
docs/commands/query.md, run and compared."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from cli.test_show import _in_order
from plan_examples import ENDED_OWNER
from safeguarding_model.cli import main

PLAN_VERBS = ("owns", "unowned", "joint", "progress")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["query", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_owns_as_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "isle-of-wight-2020", "owns", "LAC")
    assert (status, err) == (0, "")
    assert out.splitlines()[:3] == [
        "Looked After Children (looked-after-children-group) owns 1 objective or activity, in 1 plan",
        "  Isle of Wight Safeguarding Children Partnership Business Plan 2020-23 (2020 to 2023)",
        "    Part A: Understanding and reducing the number of IOW children who become 'looked after' (iowscp-2020-23-looked-after-children): owner",
    ]
    status, out, _ = run(capsys, "hips", "owns", "Safeguarding Adolescents", "--format", "json")
    data = json.loads(out)
    assert status == 0 and data["who"]["id"] == "safeguarding-adolescents-group"
    (owned,) = data["owned"]
    assert owned["objective"]["id"] == "hscp-2020-23-safeguarding-adolescents"
    assert [r["id"] for r in owned["joint_with"]] == ["isle-of-wight-scp"]
    assert [(y["year"], y["states"]) for y in owned["years"]] == [
        ("2020 to 2021", [{"state": "completed", "count": 2}]),
        ("2021 to 2022", [{"state": None, "count": 1}]),
    ]


def test_unowned_joint_and_progress_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--format", "json", "isle-of-wight-2020", "unowned")
    data = json.loads(out)
    assert status == 0 and data["objectives"] == 7
    assert [e["reason"] for e in data["entries"]] == ["not-stated"] * 4
    status, out, _ = run(capsys, "hips", "joint", "hscp-business-plan-2020-23", "--format", "json")
    data = json.loads(out)
    assert [e["objective"]["id"] for e in data["entries"]] == [
        "hscp-2020-23-safeguarding-adolescents",
        "hscp-2020-23-neglect",
        "hscp-2020-23-child-sexual-abuse-strategy",
    ]
    assert [p["partner"]["id"] for p in data["partners"]] == ["isle-of-wight-scp"]
    status, out, _ = run(capsys, "hips", "progress", "--format", "json")
    (plan,) = json.loads(out)["plans"]
    assert [(y["year"], y["actions"]) for y in plan["years"]] == [
        ("2020 to 2021", 3),
        ("2021 to 2022", 14),
    ]


def test_a_source_without_plans_says_so_and_is_answered(capsys: pytest.CaptureFixture[str]) -> None:
    for verb in ("unowned", "joint", "progress"):
        status, out, err = run(capsys, "isle-of-wight-2024", verb)
        assert (status, err) == (0, "")
        assert "the data holds no business plan" in out
    status, out, _ = run(capsys, "isle-of-wight-2024", "owns", "Education Subgroup")
    assert status == 0 and "the data holds no business plan" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["hips", "owns", "hampshire-scp"], "this question needs a group, organisation, post"),
        (["hips", "owns", "Neglct Task and Finish Group"], "did you mean"),
        (["hips", "unowned", "hampshire-scp"], "this question needs a plan"),
        (["hips", "progress", "no such plan"], "no plan in this data"),
        (["hips", "owns"], "the following arguments are required: WHO"),
    ],
)
def test_bad_names_exit_2_with_a_message(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    try:
        status, out, err = run(capsys, *argv)
    except SystemExit as exit_:  # argparse's own usage error
        status, (out, err) = int(str(exit_.code)), capsys.readouterr()
    assert status == 2 and out == ""
    assert message in err and "Traceback" not in err


def test_on_a_date_an_owner_that_did_not_stand(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(ENDED_OWNER, encoding="utf-8")
    status, out, _ = run(capsys, str(path), "--on", "2022", "unowned")
    assert status == 0
    assert out.splitlines() == [
        "The arrangements as they stood on 2022.",
        "Objectives and activities whose owner the data does not give: 3 of 3, in 1 plan",
        "  North Business Plan 2020-23",
        "    Part A: Responding to Neglect (neglect-objective): its owners did not stand on "
        "the date: Neglect Task and Finish Group (ended 2021-03)",
        "    Part B: Audit (audit): owners not given in the data",
        "    Part B: Review (review): owners not stated in the source",
        "Owners not given are unknown, not none: the data does not say these have no owner.",
    ]
    # the group itself did not stand then: said, with status 1
    status, out, err = run(capsys, str(path), "--on", "2022", "owns", "neglect")
    assert (status, out) == (1, "")
    assert "Neglect Task and Finish Group (ended 2021-03) did not stand on 2022." in err
    status, out, _ = run(capsys, str(path), "--on", "2020", "unowned")
    assert status == 0 and "2 of 3" in out and "Responding to Neglect" not in out


def test_the_plan_examples_in_the_docs_are_what_the_command_prints(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Each ``$ safeguarding-model query ... owns|unowned|joint|progress`` example of
    docs/commands/query.md that is one command: the output is the lines shown (``...``
    for lines left out)."""
    page = (Path(__file__).parents[2] / "docs" / "commands" / "query.md").read_text("utf-8")
    examples = re.findall(r"```console\n\$ (safeguarding-model query [^\n]*)\n(.*?)```", page, re.S)
    ran = 0
    for command, shown in examples:
        argv = shlex.split(command)[1:]
        if not set(PLAN_VERBS) & set(argv) or "\n$ " in "\n" + shown:
            continue
        assert main(argv) == 0, command
        out = capsys.readouterr().out.splitlines()
        assert _in_order(out, shown.rstrip("\n").splitlines()), (command, out)
        ran += 1
    assert ran == 4
