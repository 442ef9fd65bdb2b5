"""The shipped business plans and the 2020 newsletter's meetings and communications,
pinned to the documents.

isle-of-wight-2020.yaml: the IOWSCP Business Plan 2020-23 (seed 000) and the Autumn
2020 newsletter (seed 003). hips/hampshire-plan.yaml, in the ``hips`` region: the HSCP
Business Plan 2020-23 with actions completed in 2020-21 and actions for 2021-22 (seed
002), owned by the groups of hips/hampshire.yaml.
"""

from __future__ import annotations

from importlib import resources

import pytest

from safeguarding_model.io import dumps, load, loads
from safeguarding_model.model import (
    ActionState,
    Cadence,
    ContactKind,
    Dataset,
    Group,
    GroupKind,
    LineKind,
    Objective,
    OrganisationKind,
    Partnership,
    Plan,
    PlanPart,
)


@pytest.fixture(scope="module")
def ds2020() -> Dataset:
    return load("isle-of-wight-2020")


@pytest.fixture(scope="module")
def hampshire() -> Dataset:
    return load("hips")


@pytest.fixture(scope="module")
def iow_plan(ds2020: Dataset) -> Plan:
    (plan,) = ds2020.plans
    return plan


@pytest.fixture(scope="module")
def hscp_plan(hampshire: Dataset) -> Plan:
    (plan,) = hampshire.plans
    return plan


def _part(plan: Plan, part: PlanPart) -> list[Objective]:
    return [o for o in plan.objectives if o.part is part]


# --- the Isle of Wight Business Plan 2020-23 ----------------------------------------


def test_iow_plan_identity(iow_plan: Plan) -> None:
    assert iow_plan.partnership == "isle-of-wight-scp"
    assert iow_plan.title == "Isle of Wight Safeguarding Children Partnership Business Plan 2020-23"
    assert str(iow_plan.period) == "2020 to 2023"
    assert iow_plan.refresh is None
    assert iow_plan.purpose is not None
    assert iow_plan.purpose.text.startswith("Section 3 of Working Together 2018 states")
    assert len(iow_plan.purpose.points) == 6  # the six conditions of the system
    # "Our Principles and Values": five, in order
    assert [p.text.split(".")[0].split(" - ")[0] for p in iow_plan.principles] == [
        "The voice and lived experience of the Child",
        "Safeguarding children is everyone's business",
        "Learning from reviews and scrutiny and assurance activity is quickly identified "
        "and implemented in partnership working",
        "Enabling high quality safeguarding practice",
        "Fostering a culture of openness and transparency",
    ]
    assert iow_plan.values == () and iow_plan.vision is None  # the plan gives neither apart
    assert iow_plan.text is not None and "'New Arrangements' document" in iow_plan.text


def test_iow_plan_has_three_part_a_objectives_and_four_part_b_activities(iow_plan: Plan) -> None:
    assert [o.title for o in _part(iow_plan, PlanPart.STRATEGIC_OBJECTIVE)] == [
        "Safeguarding Adolescents",
        "Understanding and reducing the number of IOW children who become 'looked after'",
        "Responding to Neglect",
    ]
    assert [o.title for o in _part(iow_plan, PlanPart.ACTIVITY)] == [
        "Evaluate the impact of IOWSCP initiatives and programmes.",
        "Improved and effective dissemination and communication channels across IOWSCP "
        "Safeguarding Partners and Relevant Agencies.",
        "Dare to Share – multi-agency information sharing.",
        "Effective safeguarding of unborn and newly born babies.",
    ]
    assert [len(o.outcomes) for o in iow_plan.objectives] == [3, 2, 1, 1, 2, 1, 1]
    assert [len(o.actions) for o in iow_plan.objectives] == [2, 1, 1, 4, 4, 1, 3]
    assert [len(a.points) for o in iow_plan.objectives[:3] for a in o.actions] == [4, 0, 4, 5]


def test_iow_actions_are_for_2020_21_and_none_has_a_state(iow_plan: Plan) -> None:
    actions = [a for o in iow_plan.objectives for a in o.actions]
    assert {str(a.year) for a in actions} == {"2020 to 2021"}  # "Actions For 2020-2021"
    # the plan gives no action a state, so none is encoded: "not stated", not "planned"
    assert all(a.state is None and a.evidence is None for a in actions)


def test_iow_objectives_are_owned_by_the_newsletters_task_and_finish_groups(
    ds2020: Dataset, iow_plan: Plan
) -> None:
    owners = {o.title: o.owners for o in iow_plan.objectives}
    assert owners["Safeguarding Adolescents"] == ("safeguarding-adolescents-group",)
    assert owners[
        "Understanding and reducing the number of IOW children who become 'looked after'"
    ] == ("looked-after-children-group",)
    assert owners["Responding to Neglect"] == ("neglect-group",)
    for objective in _part(iow_plan, PlanPart.STRATEGIC_OBJECTIVE):
        (owner,) = objective.owners
        group = ds2020.get(owner)
        assert isinstance(group, Group) and group.kind is GroupKind.TASK_AND_FINISH_GROUP
    # Part B: the plan names no group
    for objective in _part(iow_plan, PlanPart.ACTIVITY):
        assert objective.owners == () and objective.not_stated == ("owners",)
    # the fourth task and finish group (Child Sexual Abuse Strategy) owns nothing here:
    # its strategy is an activity of the Hampshire plan
    owned = {key for o in iow_plan.objectives for key in o.owners}
    assert "child-sexual-abuse-strategy-group" not in owned


def test_iow_objectives_joint_with_hampshire_or_hips(iow_plan: Plan) -> None:
    joint = {o.title: o.joint_with for o in iow_plan.objectives if o.joint_with}
    assert joint == {
        # "To be undertaken in partnership with the Hampshire Safeguarding Children
        # Partnership (HSCP)"
        "Safeguarding Adolescents": ("hampshire-scp",),
        "Responding to Neglect": ("hampshire-scp",),
        # "in partnership with the Hampshire, Portsmouth and Southampton (HIPS) LSCPs"
        "Dare to Share – multi-agency information sharing.": ("hips",),
    }


def test_iow_link_between_objectives(iow_plan: Plan) -> None:
    linked = [(o.id, link.to) for o in iow_plan.objectives for link in o.links]
    assert linked == [
        ("iowscp-2020-23-looked-after-children", "iowscp-2020-23-safeguarding-adolescents")
    ]
    link = iow_plan.objectives[1].links[0]
    assert link.text == (
        "This objective will likely link and be informed by the first IOWSCP objective to "
        "safeguard adolescents."
    )


def test_iow_progress_review(ds2020: Dataset, iow_plan: Plan) -> None:
    first, second = iow_plan.reviews
    assert first.by == () and first.text is not None
    assert "each individual subgroup / Task and Finish Group in the first instance" in first.text
    # "Quarterly updates will be provided against all work streams to the Business Group."
    assert second.by == ("business-group",) and second.every is Cadence.QUARTERLY
    assert second.what is not None and "to the full IOWSCP Board meetings" in second.what
    group = ds2020.get("business-group")
    assert isinstance(group, Group) and group.kind is GroupKind.OTHER
    (line,) = group.reports_to
    # "will highlight ... to the full IOWSCP Board meetings": whether it answers to the
    # Board is not said
    assert line.to == "partnership-board" and line.kind is LineKind.REPORTS_TO


# --- the Autumn 2020 newsletter: meetings and communications --------------------------


def test_the_board_meeting_of_23_september_2020(ds2020: Dataset) -> None:
    (meeting,) = ds2020.meetings
    assert meeting.body == "partnership-board"
    assert str(meeting.date) == "2020-09-23"
    assert str(meeting.next) == "2020-12-18"  # "Next Board Meeting: 18th December 2020"
    assert len(meeting.items) == 7
    assert meeting.items[0].text.startswith("An update was provided on the health transformation")
    assert meeting.items[-1].text.startswith("Members were informed that through a partnership")
    assert {i: item.by for i, item in enumerate(meeting.items) if item.by} == {
        1: ("independent-chair",),
        3: ("iow-nhs-trust",),
        5: ("solent-nhs-trust",),
    }
    assert meeting.decisions == () and "decisions" in meeting.not_stated
    assert meeting.source is not None and str(meeting.source.published) == "2020-09 to 2020-11"


def test_the_training_course(ds2020: Dataset) -> None:
    (course,) = ds2020.courses
    assert course.title == (
        "HIPS Child Exploitation – as a health professional what do you need to know?"
    )
    assert course.by == ("isle-of-wight-scp",)  # "Upcoming IOWSCP Training Courses"
    assert [(str(s.date), s.time) for s in course.sessions] == [
        ("2020-11-11", "1.30 - 3pm"),
        ("2020-11-25", "7 - 8.30pm"),
    ]
    assert course.audience == "health professionals only"
    assert len(course.outcomes) == 4
    assert course.outcomes[0].text == (
        "To develop awareness and understanding of the different types of child exploitation"
    )


def test_the_ceraf_replaced_the_seraf(ds2020: Dataset) -> None:
    seraf, ceraf = ds2020.tools
    assert (ceraf.short_name, ceraf.name) == (
        "CERAF",
        "Child Exploitation Risk Assessment Framework",
    )
    assert ceraf.replaces == ("seraf",) and str(ceraf.start) == "2020-09-01"
    assert ceraf.adopted_by == ("isle-of-wight-scp",)
    assert len(ceraf.points) == 5
    assert ceraf.available is not None and "HIPS Procedures website" in ceraf.available
    # "the previously used SERAF": no longer used by the newsletter's date
    assert seraf.name == "SERAF" and str(seraf.end) == "by 2020-11" and seraf.start is None


def test_the_partnership_teams_contacts(ds2020: Dataset) -> None:
    (contact,) = ds2020.contacts
    assert contact.of == "partnership-team"
    assert [(c.kind, c.value) for c in contact.channels] == [
        (ContactKind.EMAIL, "SCP@iow.gov.uk"),
        (ContactKind.SOCIAL_MEDIA, "@IOWSCP"),
        (ContactKind.PHONE, "01983 814545"),
    ]
    team = ds2020.get("partnership-team")
    assert isinstance(team, Group) and team.kind is GroupKind.TEAM  # the 2024 file's id


def test_the_2020_file_round_trips(ds2020: Dataset) -> None:
    assert loads(dumps(ds2020)) == ds2020


# --- the Hampshire Business Plan 2020-23, 2021-22 refresh ------------------------------


def test_the_hampshire_plan_is_part_of_the_region_and_round_trips(
    hampshire: Dataset, hscp_plan: Plan
) -> None:
    assert loads(dumps(hampshire)) == hampshire
    assert [plan.id for plan in hampshire.plans] == ["hscp-business-plan-2020-23"]
    # the plan's partnership is the region's, the id isle-of-wight-2020.yaml gives it
    partnership = hampshire.partnership(hscp_plan.partnership)
    assert partnership.id == "hampshire-scp"
    assert partnership.name == "Hampshire Safeguarding Children Partnership"
    # the safeguarding partners the plan names, with the region's ids: the county
    # council (the 2024 file's local authority) through its children's services
    assert [
        (lead.role.value, lead.organisation, lead.through)
        for lead in hampshire.as_of("2021").partnership("hampshire-scp").lead_partners
    ] == [
        ("local-authority", "hampshire", "hampshire-county-council-childrens-services"),
        ("clinical-commissioning-group", "west-hampshire-ccg", None),
        ("chief-officer-of-police", "hampshire-and-isle-of-wight-constabulary", None),
    ]
    # the partnership the joint objectives are run with is the Isle of Wight's, not an
    # organisation standing for it
    iow = hampshire.get("isle-of-wight-scp")
    assert isinstance(iow, Partnership)
    assert not any(
        o.kind is OrganisationKind.SAFEGUARDING_PARTNERSHIP for o in hampshire.organisations
    )


def test_the_hampshire_plan_file_loads_on_its_own(hampshire: Dataset) -> None:
    """hips/hampshire-plan.yaml holds the plan only; it includes hampshire.yaml."""
    examples = resources.files("safeguarding_model") / "data" / "examples" / "hips"
    with resources.as_file(examples / "hampshire-plan.yaml") as path:
        alone = load(path)
    assert alone.plans == hampshire.plans
    assert alone.partnership("hampshire-scp") == hampshire.partnership("hampshire-scp")


def test_hampshire_plan_identity(hscp_plan: Plan) -> None:
    assert hscp_plan.partnership == "hampshire-scp"
    assert hscp_plan.title == "Hampshire Safeguarding Children Partnership Business Plan 2020-23"
    assert str(hscp_plan.period) == "2020 to 2023" and hscp_plan.refresh == "2021-22"
    assert hscp_plan.vision is not None
    assert hscp_plan.vision.text.startswith("The vision for the Hampshire Safeguarding Partnership")
    assert [v.text.split()[0] for v in hscp_plan.values] == [
        "Transparency",
        "Honesty",
        "Challenge",
        "Collaboration",
        "Listening",
    ]
    assert hscp_plan.principles == ()


def test_hampshire_plan_has_two_part_a_objectives_and_five_part_b_activities(
    hscp_plan: Plan,
) -> None:
    assert [o.title for o in _part(hscp_plan, PlanPart.STRATEGIC_OBJECTIVE)] == [
        "Safeguarding Adolescents",  # the title cell is lost: a reading (docs/data.md)
        "Responding to Neglect",
    ]
    assert [o.title.split(" (")[0] for o in _part(hscp_plan, PlanPart.ACTIVITY)] == [
        "Evaluate the impact of HSCP initiatives and programmes.",
        "Improved and effective dissemination and communication channels across HSCP "
        "Safeguarding Partners and Relevant Agencies.",
        "Understanding the safeguarding risks for children who are excluded from education "
        "and/or receiving reduced hours provision",
        "Child Sexual Abuse Strategy",
        "Child Exploitation Review",
    ]
    assert [len(o.outcomes) for o in hscp_plan.objectives] == [3, 1, 1, 2, 2, 2, 1]


def test_hampshire_completed_2020_21_beside_2021_22(hscp_plan: Plan) -> None:
    by_year: dict[str, list[tuple[str, ActionState | None]]] = {}
    for objective in hscp_plan.objectives:
        for action in objective.actions:
            by_year.setdefault(str(action.year), []).append((objective.id, action.state))
    # "Actions completed during 2020-21": Part A only, each completed as the column says
    assert by_year["2020 to 2021"] == [
        ("hscp-2020-23-safeguarding-adolescents", ActionState.COMPLETED),
        ("hscp-2020-23-safeguarding-adolescents", ActionState.COMPLETED),
        ("hscp-2020-23-neglect", ActionState.COMPLETED),
    ]
    # "Actions For 2021-2022": no state given
    assert [key for key, _ in by_year["2021 to 2022"]] == [
        "hscp-2020-23-safeguarding-adolescents",
        "hscp-2020-23-neglect",
        *["hscp-2020-23-evaluate-impact"] * 3,
        *["hscp-2020-23-communication"] * 5,
        *["hscp-2020-23-children-out-of-education"] * 2,
        "hscp-2020-23-child-sexual-abuse-strategy",
        "hscp-2020-23-child-exploitation-review",
    ]
    assert {state for _, state in by_year["2021 to 2022"]} == {None}
    assert set(by_year) == {"2020 to 2021", "2021 to 2022"}


def test_hampshire_damaged_text_is_marked_not_filled_in(hscp_plan: Plan) -> None:
    clipped = hscp_plan.objectives[0].actions[0]
    assert "[...]lescents in [...]npshire" in " ".join(clipped.text.split())
    texts = [
        " ".join(text.split())
        for o in hscp_plan.objectives
        for text in (
            o.title,
            *(i.text for i in o.outcomes),
            *(a.text for a in o.actions),
            *(p.text for a in o.actions for p in a.points),
        )
    ]
    for garbled in ("educationj", "flours", "LICCD", "•"):
        assert not any(garbled in text for text in texts), garbled


def test_hampshire_owners_and_joint_work(hampshire: Dataset, hscp_plan: Plan) -> None:
    owners = {o.id: o.owners for o in hscp_plan.objectives}
    assert owners == {
        "hscp-2020-23-safeguarding-adolescents": ("safeguarding-adolescents-group",),
        "hscp-2020-23-neglect": ("neglect-group",),
        "hscp-2020-23-evaluate-impact": (),
        "hscp-2020-23-communication": (),
        "hscp-2020-23-children-out-of-education": (),
        "hscp-2020-23-child-sexual-abuse-strategy": ("child-sexual-abuse-strategy-group",),
        "hscp-2020-23-child-exploitation-review": ("hscp-child-exploitation-review-group",),
    }
    joint = [o.id for o in hscp_plan.objectives if o.joint_with == ("isle-of-wight-scp",)]
    assert joint == [
        "hscp-2020-23-safeguarding-adolescents",
        "hscp-2020-23-neglect",
        "hscp-2020-23-child-sexual-abuse-strategy",
    ]
    assert all(not o.joint_with or o.id in joint for o in hscp_plan.objectives)
    first, second = hscp_plan.reviews
    assert first.text is not None and second.by == ("hscp-business-group",)
    assert second.every is None and second.every_text is None  # no cadence in this plan


def test_the_joint_groups_have_one_id_in_both_datasets(ds2020: Dataset, hampshire: Dataset) -> None:
    joint = {"safeguarding-adolescents-group", "neglect-group", "child-sexual-abuse-strategy-group"}
    for dataset in (ds2020, hampshire):
        found = {g.id: g for _, g in dataset.groups() if g.id in joint}
        assert set(found) == joint
        assert all(g.kind is GroupKind.TASK_AND_FINISH_GROUP for g in found.values())
    # the region's are Hampshire's, run with the Isle of Wight partnership; the 2020
    # file's the Isle of Wight's, run with Hampshire's
    assert {g.joint_with for _, g in hampshire.groups() if g.id in joint} == {
        ("isle-of-wight-scp",)
    }
