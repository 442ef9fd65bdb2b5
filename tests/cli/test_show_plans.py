"""``show``'s business plans: each plan of the partnership in brief, pinned to the
shipped plans, with owners not stated, not given and (on a date) not standing kept
apart, never taken for "none"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plan_examples import ENDED_OWNER
from safeguarding_model.cli import main


def show(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(["show", *argv]) == 0
    return capsys.readouterr().out


def _plan_lines(out: str) -> list[str]:
    lines = out.splitlines()
    start = lines.index(next(line for line in lines if line.startswith("Business plans (")))
    block = [lines[start]]
    for line in lines[start + 1 :]:
        if not line.startswith("  "):
            break
        block.append(line)
    return block


def test_the_iow_plan_in_brief(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(show(capsys, "isle-of-wight-2020", "--format", "json"))
    (plan,) = data["business_plans"]
    assert (plan["id"], plan["period"], plan["refresh"]) == (
        "iowscp-business-plan-2020-23",
        "2020 to 2023",
        None,
    )
    # 3 Part A objectives and 4 Part B activities (seed 000)
    assert (plan["objectives"], plan["activities"]) == (3, 4)
    assert [(o["id"], o["objectives"]) for o in plan["owners"]] == [
        ("safeguarding-adolescents-group", 1),
        ("looked-after-children-group", 1),
        ("neglect-group", 1),
    ]
    assert (plan["owners_not_stated"], plan["owners_not_given"]) == (4, 0)
    assert [(p["id"], p["objectives"]) for p in plan["joint_with"]] == [
        ("hampshire-scp", 2),
        ("hips", 1),
    ]
    assert plan["reviews"][1]["by"] == [{"id": "business-group", "name": "Business Group"}]
    assert plan["reviews"][1]["every"] == "quarterly"
    assert plan["years"] == ["2020 to 2021"]


def test_the_hampshire_plan_in_the_region(capsys: pytest.CaptureFixture[str]) -> None:
    out = show(capsys, "hips", "--partnership", "HSCP")
    assert _plan_lines(out) == [
        "Business plans (1)",
        "  Hampshire Safeguarding Children Partnership Business Plan 2020-23 [2020 to 2023, "
        "2021-22 refresh]",
        "    2 strategic objectives (Part A), 5 activities (Part B)",
        "    owners given for 4 of 7: Safeguarding Adolescents (task and finish group), Neglect "
        "Task and Finish Group, Child Sexual Abuse Strategy (task and finish group), "
        "multi-agency review group",
        "    owners not stated in the source: 3 of 7",
        "    run jointly with: Isle of Wight Safeguarding Children Partnership (3 of 7)",
        "    progress reviewed by: Business Group",
        "    reporting years of its actions: 2020 to 2021, 2021 to 2022",
    ]


def test_a_partnership_without_a_plan_shows_no_plans_section(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = show(capsys, "isle-of-wight-2024")
    assert "Business plans" not in out
    assert (
        json.loads(show(capsys, "isle-of-wight-2024", "--format", "json"))["business_plans"] == []
    )


def test_owners_not_given_and_on_a_date_not_standing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(ENDED_OWNER, encoding="utf-8")
    lines = _plan_lines(show(capsys, str(path), "--partnership", "north"))
    assert lines[3:6] == [
        "    owners given for 1 of 3: Neglect Task and Finish Group",
        "    owners not stated in the source: 1 of 3",
        "    owners not given in the data (unknown): 1 of 3",
    ]
    assert "    run jointly with: South SCP (1 of 3)" in lines
    on = _plan_lines(show(capsys, str(path), "--partnership", "north", "--on", "2022"))
    assert on == [
        "Business plans (1)",
        "  North Business Plan 2020-23 [2020 to 2023]",
        "    1 strategic objective (Part A), 2 activities (Part B)",
        "    owners not stated in the source: 1 of 3",
        "    owners not given in the data (unknown): 1 of 3",
        "    owners that did not stand on this date, of Responding to Neglect: Neglect Task "
        "and Finish Group (ended 2021-03)",
        "    run jointly with, but not standing on this date: South SCP, ended 2021-06 (1 of 3)",
        "    reporting years of its actions: 2020 to 2021",
    ]
    data = json.loads(
        show(capsys, str(path), "--partnership", "north", "--on", "2022", "--format", "json")
    )
    (plan,) = data["business_plans"]
    assert plan["owners"] == [] and plan["owners_not_given"] == 1
    assert plan["owners_did_not_stand"] == [
        {
            "objective": "neglect-objective",
            "title": "Responding to Neglect",
            "owners": [
                {"id": "neglect", "name": "Neglect Task and Finish Group", "dates": "ended 2021-03"}
            ],
        }
    ]


def test_a_collaborations_plan_is_shown_under_the_collaboration(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "region.yaml"
    path.write_text(
        """\
schema: safeguarding-model/2
partnerships:
  - {id: north, name: North SCP, collaborations: [region]}
collaborations:
  - id: region
    name: The Region
    groups:
      - {id: regional-group, name: Regional Exploitation Group, kind: subgroup}
plans:
  - id: region-plan
    title: Regional Plan
    partnership: region
    objectives:
      - {id: exploitation, title: Exploitation, part: activity, owners: [regional-group]}
""",
        encoding="utf-8",
    )
    out = show(capsys, str(path))
    assert "Business plans (" not in out
    assert (
        "  business plans (1)\n"
        "    Regional Plan\n"
        "      0 strategic objectives (Part A), 1 activity (Part B)\n"
        "      owners given for 1 of 1: Regional Exploitation Group (subgroup)\n"
    ) in out
