"""``plan``: the progress of business plans by reporting year, in every format, and the
property that the report never says more than the data of an action's state."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from exporters.consumers import check_markdown, read_csv
from safeguarding_model.cli import main
from safeguarding_model.documents import Placeholder, Section, Table
from safeguarding_model.documents.progress import (
    CSV_HEADER,
    NOT_STATED,
    plan_progress,
    progress_data,
    progress_document,
    progress_rows,
    progress_section,
    progress_text,
    reporting_year,
)
from safeguarding_model.errors import UsageError
from safeguarding_model.exporters.builtin.markdown import to_markdown
from safeguarding_model.io import dump, load
from safeguarding_model.model import (
    Action,
    ActionState,
    Dataset,
    Group,
    GroupKind,
    Objective,
    PartialDate,
    Partnership,
    Plan,
    PlanPart,
)
from strategies import plan_datasets


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# --- the command on the shipped plans ------------------------------------------------


def test_text_names_owners_states_and_the_priorities_without_evidence(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "plan", "isle-of-wight-2020")
    assert (status, err) == (0, "")
    assert out.startswith(
        "Isle of Wight Safeguarding Children Partnership Business Plan 2020-23: 2020 to 2021\n"
    )
    assert "Part A: Safeguarding Adolescents\n" in out
    assert "  owners: Safeguarding Adolescents (task and finish group)\n" in out
    assert "  run with: Hampshire Safeguarding Children Partnership\n" in out
    assert "  run with: Hampshire, Isle of Wight, Portsmouth and Southampton\n" in out
    # no state is given in the plan: each of its 16 actions is "not stated"
    assert out.count("  - [not stated] ") == 16
    assert not re.search(r"\[(planned|completed|in progress)\]", out)
    assert "Little or no evidence of progress in the data, 2020 to 2021 (7 of 7):" in out
    assert (
        "  - Dare to Share – multi-agency information sharing. — owner not stated in the "
        "source; no action for 2020 to 2021 is stated as completed or in progress: 1 not stated"
    ) in out


def test_hampshire_by_year(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "plan", "hips", "--year", "2020-21")
    assert status == 0
    assert out.count("  - [completed] ") == 3 and "[not stated]" not in out
    assert "Activities of other reporting years, left out (5):" in out
    assert "(0 of 2):\n  (none listed)" in out
    status, later, _ = run(capsys, "plan", "hips", "--year", "2021 to 2022")
    assert status == 0
    assert later.count("  - [not stated] ") == 14 and "[completed]" not in later
    assert "(7 of 7):" in later
    status, both, _ = run(capsys, "plan", "hips")
    assert both == out + "\n" + later
    # the region's one plan, chosen by id, is the same report
    status, chosen, _ = run(capsys, "plan", "hips", "--plan", "hscp-business-plan-2020-23")
    assert (status, chosen) == (0, both)


@pytest.mark.parametrize("year", ["2020-21", "2020/21", "2020 to 2021"])
def test_a_reporting_year_may_be_written_as_documents_write_it(
    capsys: pytest.CaptureFixture[str], year: str
) -> None:
    status, out, _ = run(capsys, "plan", "hips", "--year", year)
    assert status == 0 and ": 2020 to 2021\n" in out and "2021 to 2022" not in out


def test_json_for_scripts(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "plan", "hips", "--format", "json")
    assert status == 0
    data = json.loads(out)
    assert [(r["plan"], r["year"]) for r in data["reports"]] == [
        ("hscp-business-plan-2020-23", "2020 to 2021"),
        ("hscp-business-plan-2020-23", "2021 to 2022"),
    ]
    first, second = data["reports"]
    states = [a["state"] for o in first["objectives"] for a in o["actions"]]
    assert states == ["completed", "completed", "completed"]
    assert {a["state"] for o in second["objectives"] for a in o["actions"]} == {None}
    assert first["little_or_no_evidence"] == [] and len(first["other_years"]) == 5
    csa = next(o for o in second["objectives"] if o["title"] == "Child Sexual Abuse Strategy")
    assert csa["joint_with"] == ["Isle of Wight Safeguarding Children Partnership"]
    assert (
        csa["actions"][0]["points"][0] == "Develop a HSCP and IOWSCP Child Sexual Abuse Strategy."
    )
    assert (csa["evidence_of_progress"], csa["little_or_no_evidence"]) == (False, True)
    review = next(o for o in second["objectives"] if o["title"] == "Child Exploitation Review")
    # the region's one entry for the group, named as the plan names it
    assert review["owners"] == ["multi-agency review group"]
    communication = second["objectives"][3]
    assert communication["owners"] == [] and communication["owners_not_stated"] is True


def test_csv_read_by_the_csv_module(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "plan", "isle-of-wight-2020", "--format", "csv")
    assert status == 0
    rows = read_csv(out)
    assert tuple(rows[0]) == CSV_HEADER
    body = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert len(body) == 16  # one row per action
    assert {row["state"] for row in body} == {NOT_STATED}
    assert {row["evidence_of_progress"] for row in body} == {"no"}
    first = body[0]
    assert first["objective_id"] == "iowscp-2020-23-safeguarding-adolescents"
    assert first["points"].split("\n")[0] == (
        "the current level of multi-agency understanding and response to these issues."
    )
    assert first["run_with"] == "Hampshire Safeguarding Children Partnership"


def test_markdown_is_a_document_the_markdown_checks_accept(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "plan", "hips", "--format", "markdown")
    assert status == 0
    document = progress_document(plan_progress(load("hips")))
    check_markdown(out, document)
    assert (
        "## Hampshire Safeguarding Children Partnership Business Plan 2020-23: 2021 to 2022" in out
    )
    assert "| Objective | Part | Owners | Run with | Action | State | Evidence |" in out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["isle-of-wight-2024"], "isle-of-wight-2024 holds no business plan"),
        (["isle-of-wight-2020", "--plan", "nope"], "no plan in this data has the id or name"),
        (["isle-of-wight-2020", "--year", "2019-20"], "the years of its actions are: 2020 to 2021"),
        (["isle-of-wight-2020", "--year", "someday"], "is not a date"),
        (["no-such-example"], "no-such-example"),
    ],
)
def test_bad_input_exits_2_with_a_message_and_no_traceback(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    status, out, err = run(capsys, "plan", *argv)
    assert status == 2 and out == ""
    assert expected in err and "Traceback" not in err


def test_a_plan_is_chosen_by_id_or_title(capsys: pytest.CaptureFixture[str]) -> None:
    status, by_id, _ = run(
        capsys, "plan", "isle-of-wight-2020", "--plan", "iowscp-business-plan-2020-23"
    )
    title = "Isle of Wight Safeguarding Children Partnership Business Plan 2020-23"
    status2, by_title, _ = run(capsys, "plan", "isle-of-wight-2020", "--plan", title)
    assert (status, status2) == (0, 0) and by_id == by_title


def test_a_folder_holding_both_plans(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The HIPS region (with the Hampshire plan) beside a plan written on its own: every
    plan, in file order."""
    hampshire = load("hips")
    dump(hampshire, tmp_path / "a.yaml")
    other = _dataset(
        [(PlanPart.STRATEGIC_OBJECTIVE, ("g0",), (), [(ActionState.IN_PROGRESS, "2021 to 2022")])]
    )
    dump(other, tmp_path / "b.yaml")
    status, out, _ = run(capsys, "plan", str(tmp_path), "--year", "2021-22", "--format", "json")
    assert status == 0
    reports = json.loads(out)["reports"]
    assert [r["plan"] for r in reports] == ["hscp-business-plan-2020-23", "plan"]
    assert reports[1]["objectives"][0]["evidence_of_progress"] is True


# --- Python: the yearly report's section ----------------------------------------------


def test_the_yearly_report_section() -> None:
    section = progress_section(load("hips"), "hampshire-scp", "2021-22")
    assert section.title == "Progress on agreed priorities"
    assert isinstance(section.blocks[0], Placeholder)
    (year,) = section.sections
    assert year.title.endswith(": 2021 to 2022")
    table = next(b for b in year.blocks if isinstance(b, Table))
    assert {row[5] for row in table.rows} == {NOT_STATED}
    empty = progress_section(load("isle-of-wight-2024"), "isle-of-wight-scp")
    assert empty.sections == () and "no business plan" in empty.blocks[0].text  # type: ignore[union-attr]
    assert isinstance(empty.blocks[1], Placeholder)
    none_then = progress_section(load("isle-of-wight-2020"), "isle-of-wight-scp", "2023-24")
    assert isinstance(none_then, Section) and none_then.sections == ()


def test_reporting_years() -> None:
    assert str(reporting_year("2021-22")) == "2021 to 2022"
    assert str(reporting_year("1999/00")) == "1999 to 2000"
    assert str(reporting_year("2011-12")) == "2011 to 2012"  # a reporting year, not December
    assert str(reporting_year("2021-04 to 2022-03")) == "2021-04 to 2022-03"
    with pytest.raises(UsageError):
        reporting_year("2021-23")


# --- the property: generated plans ---------------------------------------------------

_GROUPS = ("g0", "g1", "g2")

Spec = tuple[
    PlanPart, tuple[str, ...], tuple[str, ...], list[tuple[ActionState | None, str | None]]
]


def _dataset(specs: list[Spec], texts: list[str] | None = None) -> Dataset:
    """A partnership with three groups and one plan, an objective per spec: its part,
    owners, not_stated, and actions (state, year as written)."""
    words = iter(texts or [])
    objectives = []
    for number, (part, owners, not_stated, actions) in enumerate(specs):
        objectives.append(
            Objective(
                id=f"o{number}",
                title=next(words, f"Objective {number}"),
                part=part,
                owners=owners,
                not_stated=not_stated,
                actions=tuple(
                    Action(
                        text=next(words, f"Action {number}.{i}"),
                        year=PartialDate.from_string(year) if year else None,
                        state=state,
                        evidence="Seen by the board." if state is ActionState.COMPLETED else None,
                    )
                    for i, (state, year) in enumerate(actions)
                ),
            )
        )
    groups = tuple(
        Group(id=key, name=f"Group {key}", kind=GroupKind.TASK_AND_FINISH_GROUP) for key in _GROUPS
    )
    return Dataset(
        partnerships=(Partnership(id="p", name="P", groups=groups),),
        plans=(Plan(id="plan", title="Plan", partnership="p", objectives=tuple(objectives)),),
    )


def _flat(text: str) -> str:
    return " ".join(text.split())


@given(plan_datasets())
def test_the_report_never_calls_an_action_with_no_state_completed_or_planned(
    dataset: Dataset,
) -> None:
    plan = dataset.plans[0]
    reports = plan_progress(dataset, plan.id)
    # deterministic: the same reports and the same words every time
    assert plan_progress(dataset, plan.id) == reports
    text = progress_text(reports)
    assert progress_text(plan_progress(dataset, plan.id)) == text
    data = json.loads(json.dumps(progress_data(reports)))
    rows = [dict(zip(CSV_HEADER, row, strict=True)) for row in progress_rows(reports)[1:]]

    # every action of the plan is in exactly one report, the one of its year as written
    shown = [(r.year, o.id, a) for r in reports for o in r.objectives for a in o.actions]
    assert len(shown) == sum(len(o.actions) for o in plan.objectives)
    lines = text.splitlines()
    csv_states = [row["state"] for row in rows if row["action"]]
    json_states = [
        a["state"] for r in data["reports"] for o in r["objectives"] for a in o["actions"]
    ]
    assert len(csv_states) == len(json_states) == len(shown)
    for (year, _, action), in_csv, in_json in zip(shown, csv_states, json_states, strict=True):
        assert action.year == year
        if action.state is None:
            assert action.state_words == in_csv == NOT_STATED
            assert in_json is None
            assert f"  - [{NOT_STATED}] {action.text}" in lines
        else:
            assert action.state_words == in_csv == action.state.label
            assert in_json == action.state.value
            assert f"  - [{action.state.label}] {action.text}" in lines
    stated = {
        state: sum(1 for o in plan.objectives for a in o.actions if a.state is state)
        for state in (ActionState.COMPLETED, ActionState.PLANNED)
    }
    assert (
        sum(1 for _, _, a in shown if a.state_words == "completed") == stated[ActionState.COMPLETED]
    )
    assert sum(1 for _, _, a in shown if a.state_words == "planned") == stated[ActionState.PLANNED]

    # little or no evidence: exactly the objectives with no owner or no action of the
    # year stated as completed or in progress
    by_id = {o.id: o for o in plan.objectives}
    for report in reports:
        for progress in report.objectives:
            objective = by_id[progress.id]
            mine = [
                a for a in objective.actions if (str(a.year) if a.year else None) == report.year
            ]
            moved = any(a.state in (ActionState.COMPLETED, ActionState.IN_PROGRESS) for a in mine)
            assert progress.little_or_no_evidence == (not objective.owners or not moved)
            assert progress.evidence_of_progress == moved
        assert {o.id for o in report.without_progress} == set(
            data["reports"][reports.index(report)]["little_or_no_evidence"]
        )


@given(plan_datasets())
def test_every_format_of_generated_plans_is_read_by_its_consumer(dataset: Dataset) -> None:
    reports = plan_progress(dataset)
    read_csv(_csv(progress_rows(reports)))
    document = progress_document(reports)
    check_markdown(to_markdown(document), document)


def _csv(rows: list[tuple[str, ...]]) -> str:
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def test_an_action_with_no_state_is_never_planned_even_when_others_are() -> None:
    dataset = _dataset(
        [
            (
                PlanPart.STRATEGIC_OBJECTIVE,
                ("g0",),
                (),
                [(None, "2020 to 2021"), (ActionState.PLANNED, "2020 to 2021")],
            ),
            (PlanPart.ACTIVITY, (), ("owners",), [(ActionState.COMPLETED, "2020 to 2021")]),
            (PlanPart.ACTIVITY, (), (), [(ActionState.COMPLETED, "2021 to 2022")]),
            (PlanPart.STRATEGIC_OBJECTIVE, ("g1",), (), []),
        ]
    )
    first, second = plan_progress(dataset)
    assert [a.state_words for a in first.objectives[0].actions] == [NOT_STATED, "planned"]
    reasons: dict[str, Any] = {o.id: o.reasons for o in first.objectives}
    assert reasons == {
        "o0": (
            "no action for 2020 to 2021 is stated as completed or in progress: 1 planned, 1 not stated",
        ),
        "o1": ("owner not stated in the source",),
        "o3": ("no action for 2020 to 2021 in the plan",),
    }
    assert first.other_years == ("Objective 2",)  # an activity of 2021-22 only
    assert {o.id: o.reasons for o in second.objectives}["o2"] == ("owner not given in the data",)
