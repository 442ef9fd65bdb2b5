"""The graph's questions of business plans (``owns``, ``unowned``, ``joint``,
``progress``), pinned to the shipped plans and their documents (seed 000, the IOWSCP
Business Plan 2020-23 in isle-of-wight-2020; seed 002, the HSCP Business Plan 2020-23
with its 2021-22 actions in hips), and the properties that hold for generated plans:
each answer agrees with the model and with the ``plan`` report, and never says more
than the data."""

from __future__ import annotations

import json

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import safeguarding_model as sm
from safeguarding_model.documents.progress import plan_progress
from safeguarding_model.errors import NotFoundError
from safeguarding_model.graph import GovernanceGraph, build_graph, joint, owns, progress, unowned
from safeguarding_model.model import (
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
from strategies import PLAN_GROUPS, PLAN_OWNERS, dates, plan_datasets

IOW_PLAN = "iowscp-business-plan-2020-23"
HSCP_PLAN = "hscp-business-plan-2020-23"


@pytest.fixture(scope="module")
def iow() -> GovernanceGraph:
    return build_graph(sm.load("isle-of-wight-2020"))


@pytest.fixture(scope="module")
def hips() -> GovernanceGraph:
    return build_graph(sm.load("hips"))


# --- what a body owns ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("group", "objective", "partners"),
    [
        # the plan's "joint IOWSCP and HSCP Task and Finish Group", "Cross departmental
        # multi-agency working group" and "joint ... Neglect Task and Finish Group"
        ("Safeguarding Adolescents", "iowscp-2020-23-safeguarding-adolescents", ["hampshire-scp"]),
        ("LAC", "iowscp-2020-23-looked-after-children", []),
        ("neglect-group", "iowscp-2020-23-neglect", ["hampshire-scp"]),
    ],
)
def test_each_iow_task_and_finish_group_owns_its_strategic_objective(
    iow: GovernanceGraph, group: str, objective: str, partners: list[str]
) -> None:
    answer = iow.owns(group)
    (owned,) = answer.owned
    assert owned.objective.id == objective and owned.capacity == "owner"
    assert owned.part == "strategic-objective" and owned.plan.id == IOW_PLAN
    assert owned.period == "2020 to 2023"
    assert [ref.id for ref in owned.joint_with] == partners
    assert owned.co_owners == () and owned.through is None
    # the plan gives its 2020-21 actions no state: not stated, never planned
    [year] = owned.years
    assert year.year == "2020 to 2021" and not year.progress
    assert [(s.state, s.words) for s in year.states] == [(None, f"{year.actions} not stated")]


def test_hampshire_groups_own_with_the_states_the_document_gives(hips: GovernanceGraph) -> None:
    (owned,) = hips.owns("Safeguarding Adolescents").owned
    assert owned.objective.id == "hscp-2020-23-safeguarding-adolescents"
    assert [ref.id for ref in owned.joint_with] == ["isle-of-wight-scp"]
    # "Actions completed during 2020-21" beside "Actions For 2021-2022"
    assert [str(year) for year in owned.years] == [
        "2020 to 2021: 2 completed",
        "2021 to 2022: 1 not stated",
    ]
    assert [y.progress for y in owned.years] == [True, False]
    expected = {
        "Neglect Task and Finish Group": "hscp-2020-23-neglect",
        "child-sexual-abuse-strategy-group": "hscp-2020-23-child-sexual-abuse-strategy",
        "multi-agency review group": "hscp-2020-23-child-exploitation-review",
    }
    for group, objective in expected.items():
        assert [o.objective.id for o in hips.owns(group).owned] == [objective]
    # the Business Group reviews progress; it owns nothing
    answer = hips.owns("hscp-business-group")
    assert answer.owned == () and answer.plans == 1
    assert str(answer) == (
        "Business Group (hscp-business-group) owns no objective, activity or action of the "
        "plans in this data."
    )


def test_owns_as_text(hips: GovernanceGraph) -> None:
    assert str(hips.owns("Neglect Task and Finish Group")) == "\n".join(
        [
            "Neglect Task and Finish Group (neglect-group) owns 1 objective or activity, in 1 plan",
            "  Hampshire Safeguarding Children Partnership Business Plan 2020-23 (2020 to 2023)",
            "    Part A: Responding to Neglect (hscp-2020-23-neglect): owner",
            "      run with: Isle of Wight Safeguarding Children Partnership",
            "      2020 to 2021: 1 completed",
            "      2021 to 2022: 1 not stated",
        ]
    )


def test_owns_takes_only_an_owner_and_says_when_there_is_no_plan(
    hips: GovernanceGraph,
) -> None:
    with pytest.raises(NotFoundError, match="this question needs a group, organisation, post"):
        hips.owns("hampshire-scp")
    with pytest.raises(NotFoundError, match="did you mean"):
        hips.owns("Negelct Task and Finish Group")
    answer = build_graph(sm.load("isle-of-wight-2024")).owns("Education Subgroup")
    assert answer.plans == 0 and answer.owned == ()
    assert "the data holds no business plan" in str(answer)


JOINTLY = """\
schema: safeguarding-model/2
organisations:
  - {id: council, name: Northshire Council, kind: local-authority}
  - {id: services, name: Children's Services, kind: local-authority, parent: council}
people:
  - {id: jo, name: Jo Bloggs}
posts:
  - {id: dcs, title: Director of Children's Services, organisation: services, holder: jo}
partnerships:
  - id: north
    name: North SCP
    groups:
      - {id: tfg, name: Exploitation Task and Finish Group, kind: task-and-finish-group}
      - id: old-tfg
        name: Neglect Task and Finish Group
        kind: task-and-finish-group
        start: 2020-04
        end: 2021-03
  - {id: south, name: South SCP}
plans:
  - id: north-plan
    title: North Business Plan 2020-23
    partnership: north
    period: 2020 to 2023
    objectives:
      - id: exploitation
        title: Child exploitation
        part: strategic-objective
        owners: [tfg, dcs]
        joint_with: [south]
        actions:
          - {text: Map the risks., year: 2020 to 2021, state: completed}
          - text: Train the front line.
            year: 2021 to 2022
            owners: [council]
      - id: neglect
        title: Neglect
        part: strategic-objective
        owners: [old-tfg]
        joint_with: [south]
        actions:
          - {text: Update the toolkit., year: 2020 to 2021, state: in-progress}
      - id: audit
        title: Audit
        part: activity
        actions:
          - {text: Audit the referrals., year: 2021 to 2022, owners: [tfg]}
"""


@pytest.fixture(scope="module")
def jointly() -> Dataset:
    return sm.loads(JOINTLY)


def test_jointly_owned_objectives_and_owners_through_posts_and_parts(jointly: Dataset) -> None:
    graph = build_graph(jointly)
    answer = graph.owns("Exploitation Task and Finish Group")
    owned, action = answer.owned
    assert (owned.objective.id, owned.capacity) == ("exploitation", "owner")
    assert [ref.id for ref in owned.co_owners] == ["dcs"]
    assert (action.objective.id, action.capacity, action.year) == (
        "audit",
        "action",
        "2021 to 2022",
    )
    assert action.action == "Audit the referrals." and action.state is None
    assert [ref.id for ref in answer.objectives] == ["exploitation"]
    text = str(answer)
    assert text.splitlines()[0] == (
        "Exploitation Task and Finish Group (tfg) owns 1 objective or activity, and actions of "
        "1 other, in 1 plan"
    )
    assert "      owns it jointly with: Jo Bloggs, Director of Children's Services" in text
    assert "Part B: Audit (audit): owner of an action for 2021 to 2022 [not stated]" in text
    # a person owns through the posts they hold; an organisation directly, through its
    # posts and through its parts and their posts
    (by_jo,) = graph.owns("Jo Bloggs").owned
    assert by_jo.objective.id == "exploitation" and by_jo.through is not None
    assert by_jo.through.id == "dcs"
    council = graph.owns("Northshire Council").owned
    assert [(o.objective.id, o.capacity, o.through.id if o.through else None) for o in council] == [
        ("exploitation", "owner", "dcs"),
        ("exploitation", "action", None),
    ]


# --- unowned ---------------------------------------------------------------------------


def test_the_iow_part_b_activities_have_owners_not_stated(iow: GovernanceGraph) -> None:
    answer = iow.unowned()
    # Part B names no group for any of its four activities
    assert [e.objective.id for e in answer.entries] == [
        "iowscp-2020-23-evaluate-impact",
        "iowscp-2020-23-communication",
        "iowscp-2020-23-dare-to-share",
        "iowscp-2020-23-unborn-and-newborn-babies",
    ]
    assert {e.reason for e in answer.entries} == {"not-stated"}
    assert {e.part for e in answer.entries} == {"activity"}
    assert answer.objectives == 7 and [p.id for p in answer.plans] == [IOW_PLAN]
    text = str(answer)
    assert text.splitlines()[0] == (
        "Objectives and activities whose owner the data does not give: 4 of 7, in 1 plan"
    )
    assert "owners not stated in the source" in text
    assert "no owner" not in text and "none" not in text.lower()


def test_the_hampshire_activities_whose_owners_are_not_stated(hips: GovernanceGraph) -> None:
    answer = hips.unowned(HSCP_PLAN)
    assert [e.objective.id for e in answer.entries] == [
        "hscp-2020-23-evaluate-impact",
        "hscp-2020-23-communication",
        "hscp-2020-23-children-out-of-education",
    ]
    assert {e.reason for e in answer.entries} == {"not-stated"}
    # by title too
    assert hips.unowned("Hampshire Safeguarding Children Partnership Business Plan 2020-23") == (
        answer
    )


def test_owners_not_given_are_unknown_and_owners_gone_on_a_date_are_said(
    jointly: Dataset,
) -> None:
    graph = build_graph(jointly)
    (audit,) = graph.unowned().entries
    assert (audit.objective.id, audit.reason) == ("audit", "not-given")
    assert [ref.id for ref in audit.action_owners] == ["tfg"]
    text = str(graph.unowned())
    assert "Part B: Audit (audit): owners not given in the data" in text
    assert text.endswith(
        "Owners not given are unknown, not none: the data does not say these have no owner."
    )
    # the Neglect group ended in March 2021: in 2022 the objective's owner did not stand
    later = build_graph(jointly, on="2022")
    neglect, audit = later.unowned().entries
    assert (neglect.objective.id, neglect.reason) == ("neglect", "did-not-stand")
    assert [(r.id, r.kind, r.end, r.status) for r in neglect.did_not_stand] == [
        ("old-tfg", "group", "2021-03", "ended")
    ]
    assert neglect.reason_words == (
        "its owners did not stand on the date: Neglect Task and Finish Group "
        "(from 2020-04, ended 2021-03)"
    )
    assert audit.reason == "not-given"
    # on a date it stood, the group owns it
    assert [e.objective.id for e in build_graph(jointly, on="2020-06").unowned().entries] == [
        "audit"
    ]


# --- joint -----------------------------------------------------------------------------


def test_iow_objectives_run_with_hampshire_and_across_hips(iow: GovernanceGraph) -> None:
    answer = iow.joint()
    assert [(e.objective.id, [r.id for r in e.joint_with]) for e in answer.entries] == [
        ("iowscp-2020-23-safeguarding-adolescents", ["hampshire-scp"]),
        ("iowscp-2020-23-neglect", ["hampshire-scp"]),
        # "in partnership with the Hampshire, Portsmouth and Southampton (HIPS) LSCPs"
        ("iowscp-2020-23-dare-to-share", ["hips"]),
    ]
    assert [e.joint_with[0].kind for e in answer.entries] == [
        "organisation",  # the 2020 file names Hampshire's partnership as an organisation
        "organisation",
        "collaboration",
    ]
    assert [[r.id for r in e.owners] for e in answer.entries] == [
        ["safeguarding-adolescents-group"],
        ["neglect-group"],
        [],
    ]
    assert [e.owners_not_stated for e in answer.entries] == [False, False, True]
    assert answer.entries[0].text == (
        "To be undertaken in partnership with the Hampshire Safeguarding Children Partnership "
        "(HSCP)"
    )
    assert [(w.partner.id, [o.id for o in w.objectives]) for w in answer.partners] == [
        ("hampshire-scp", ["iowscp-2020-23-safeguarding-adolescents", "iowscp-2020-23-neglect"]),
        ("hips", ["iowscp-2020-23-dare-to-share"]),
    ]
    text = str(answer)
    assert "Objectives and activities run jointly: 3 of 7, in 1 plan" in text
    assert "      owners: not stated in the source" in text


def test_hampshire_objectives_run_with_the_isle_of_wight(hips: GovernanceGraph) -> None:
    answer = hips.joint()
    assert [e.objective.id for e in answer.entries] == [
        "hscp-2020-23-safeguarding-adolescents",
        "hscp-2020-23-neglect",
        "hscp-2020-23-child-sexual-abuse-strategy",
    ]
    assert {r.id for e in answer.entries for r in e.joint_with} == {"isle-of-wight-scp"}
    assert {e.partnership.id for e in answer.entries} == {"hampshire-scp"}
    [work] = answer.partners
    assert work.partner.kind == "partnership" and len(work.objectives) == 3


def test_a_partner_that_did_not_stand_on_a_date_is_kept_apart(jointly: Dataset) -> None:
    data = attrs.evolve(
        jointly,
        partnerships=(
            jointly.partnerships[0],
            attrs.evolve(jointly.partnerships[1], end=PartialDate.from_string("2021-12")),
        ),
    )
    entries = build_graph(data, on="2022-06").joint().entries
    assert [(e.objective.id, e.joint_with, [r.id for r in e.did_not_stand]) for e in entries] == [
        ("exploitation", (), ["south"]),
        ("neglect", (), ["south"]),
    ]
    assert "run with, but did not stand on the date: South SCP" in str(
        build_graph(data, on="2022-06").joint()
    )


# --- progress --------------------------------------------------------------------------


def test_iow_progress_by_year_and_state(iow: GovernanceGraph) -> None:
    (plan,) = iow.progress().plans
    assert plan.plan.id == IOW_PLAN and plan.period == "2020 to 2023"
    (year,) = plan.years
    # 3 Part A objectives and 4 Part B activities, 16 actions, none given a state
    assert year.year == "2020 to 2021" and year.actions == 16
    assert [(s.state, s.count) for s in year.states] == [(None, 16)]
    assert [o.actions for o in year.objectives] == [2, 1, 1, 4, 4, 1, 3]
    assert [o.part for o in year.objectives].count("strategic-objective") == 3
    assert year.with_progress == () and year.other_years == ()
    text = str(iow.progress())
    assert "  2020 to 2021: 16 actions (16 not stated); 0 of 7 objectives and activities" in text
    assert "planned" not in text.replace('"planned"', "")


def test_hampshire_progress_2020_21_completed_2021_22_not_stated(hips: GovernanceGraph) -> None:
    (plan,) = hips.progress(HSCP_PLAN).plans
    done, next_year = plan.years
    assert (done.year, done.actions) == ("2020 to 2021", 3)
    assert [(s.state, s.count) for s in done.states] == [("completed", 3)]
    assert [ref.id for ref in done.with_progress] == [
        "hscp-2020-23-safeguarding-adolescents",
        "hscp-2020-23-neglect",
    ]
    assert len(done.other_years) == 5  # the Part B activities are 2021-22's
    assert (next_year.year, next_year.actions) == ("2021 to 2022", 14)
    assert [(s.state, s.count) for s in next_year.states] == [(None, 14)]
    assert len(next_year.objectives) == 7 and next_year.with_progress == ()


def test_answers_are_json_ready(hips: GovernanceGraph) -> None:
    for answer in (hips.owns("neglect-group"), hips.unowned(), hips.joint(), hips.progress()):
        data = json.loads(json.dumps(answer.to_dict()))
        assert data == answer.to_dict()
    state = hips.progress().to_dict()["plans"][0]["years"][1]["states"][0]
    assert state == {"state": None, "count": 14}  # not stated is null, never "planned"


def test_the_functions_are_the_methods(hips: GovernanceGraph) -> None:
    assert owns(hips, "neglect-group") == hips.owns("neglect-group")
    assert unowned(hips) == hips.unowned()
    assert joint(hips, HSCP_PLAN) == hips.joint(HSCP_PLAN)
    assert progress(hips) == hips.progress()


def test_a_plan_by_a_name_that_is_not_a_plan_is_refused(hips: GovernanceGraph) -> None:
    with pytest.raises(NotFoundError, match="this question needs a plan"):
        hips.unowned("hampshire-scp")
    with pytest.raises(NotFoundError):
        hips.progress("no such plan")


def test_no_plan_in_the_data_is_said_not_taken_for_none() -> None:
    graph = build_graph(sm.load("isle-of-wight-2024"))
    for answer in (graph.unowned(), graph.joint(), graph.progress()):
        assert "the data holds no business plan" in str(answer)


# --- properties over generated plans ---------------------------------------------------


def _objectives(dataset: Dataset) -> list[tuple[Plan, Objective]]:
    return [(plan, o) for plan in dataset.plans for o in plan.objectives]


@given(plan_datasets())
def test_the_answers_agree_with_the_model_and_the_plan_report(dataset: Dataset) -> None:
    graph = build_graph(dataset)
    everything = _objectives(dataset)

    # unowned: exactly the objectives with no owner, each with the reason the data gives
    answer = graph.unowned()
    assert answer == graph.unowned()  # deterministic
    assert answer.objectives == len(everything)
    assert [(e.objective.id, e.reason) for e in answer.entries] == [
        (o.id, "not-stated" if "owners" in o.not_stated else "not-given")
        for _, o in everything
        if not o.owners
    ]
    text = str(answer)
    assert "no owner" not in text.replace("do not say these have no owner", "").replace(
        "does not say these have no owner", ""
    )

    # owns: each owner owns exactly the objectives and actions that name it
    for owner in PLAN_OWNERS:
        found = graph.owns(owner).owned
        direct = [o for o in found if o.through is None]
        assert [o.objective.id for o in direct if o.capacity == "owner"] == [
            o.id for _, o in everything if owner in o.owners
        ]
        assert [(o.objective.id, o.action) for o in direct if o.capacity == "action"] == [
            (o.id, a.text) for _, o in everything for a in o.actions if owner in a.owners
        ]
        for entry in direct:
            if entry.capacity == "owner":
                objective = next(o for _, o in everything if o.id == entry.objective.id)
                counted = sum(year.actions for year in entry.years)
                assert counted == len(objective.actions)
    # a person owns exactly what the post they hold owns
    assert [o.objective.id for o in graph.owns("jo").owned] == [
        o.objective.id for o in graph.owns("dcs").owned
    ]

    # joint: exactly the objectives run with someone, and each partner's list
    work = graph.joint()
    assert [(e.objective.id, [r.id for r in e.joint_with]) for e in work.entries] == [
        (o.id, list(o.joint_with)) for _, o in everything if o.joint_with
    ]
    for partner in work.partners:
        assert [r.id for r in partner.objectives] == [
            o.id for _, o in everything if partner.partner.id in o.joint_with
        ]

    # progress: every action counted once, in its year as written and its state; the
    # objectives of each year and their progress are the plan report's
    states = graph.progress()
    for plan, answer_plan in zip(dataset.plans, states.plans, strict=True):
        actions = [a for o in plan.objectives for a in o.actions]
        assert sum(y.actions for y in answer_plan.years) == len(actions)
        for state in [*ActionState, None]:
            value = state.value if state is not None else None
            counted = sum(s.count for y in answer_plan.years for s in y.states if s.state == value)
            assert counted == sum(1 for a in actions if a.state is state)
        if actions:
            reports = plan_progress(dataset, plan.id)
            assert [r.year for r in reports] == [y.year for y in answer_plan.years]
            for report, year in zip(reports, answer_plan.years, strict=True):
                assert [(o.id, o.evidence_of_progress) for o in report.objectives] == [
                    (o.objective.id, o.progress) for o in year.objectives
                ]
        else:
            assert answer_plan.years == ()
    assert json.loads(json.dumps(states.to_dict())) == states.to_dict()


@given(plan_datasets(), st.one_of(dates(), st.sampled_from(["2019", "2021", "2030"])))
def test_on_a_date_an_owner_that_did_not_stand_is_never_taken_for_no_owner(
    dataset: Dataset, on: PartialDate | str
) -> None:
    try:
        graph = build_graph(dataset, on=on)
    except sm.UsageError:  # a date the model cannot read as one span (never here)
        return
    groups = {g.id: g for g in dataset.partnerships[0].groups}
    standing = {g for g in PLAN_GROUPS if g in graph.graph}
    entries = {e.objective.id: e for e in graph.unowned().entries}
    for _, objective in _objectives(dataset):
        kept = [k for k in objective.owners if k not in groups or k in standing]
        if kept:
            assert objective.id not in entries
        elif objective.owners:
            entry = entries[objective.id]
            assert entry.reason == "did-not-stand"
            assert [r.id for r in entry.did_not_stand] == list(objective.owners)
        else:
            assert entries[objective.id].reason in ("not-stated", "not-given")


def test_a_plan_of_a_partnership_that_did_not_stand_is_left_out() -> None:
    data = Dataset(
        partnerships=(
            Partnership(
                id="p",
                name="P",
                end=PartialDate.from_string("2019"),
                groups=(Group(id="g", name="G", kind=GroupKind.SUBGROUP),),
            ),
            Partnership(id="q", name="Q"),
        ),
        plans=(
            Plan(
                id="plan",
                title="P plan",
                partnership="p",
                objectives=(Objective(id="o", title="O", part=PlanPart.ACTIVITY, owners=("g",)),),
            ),
        ),
    )
    assert build_graph(data, on="2020").unowned().plans == ()
    assert [e.objective.id for e in build_graph(data).owns("g").owned] == ["o"]
