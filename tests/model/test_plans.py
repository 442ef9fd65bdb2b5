"""Business plans in the file format: objectives and activities, their owners,
actions by reporting year with their states, links and progress reviews."""

from __future__ import annotations

import pytest

from safeguarding_model.errors import LoadError
from safeguarding_model.io import dumps, loads
from safeguarding_model.model import ActionState, PlanPart

PLAN = """\
schema: safeguarding-model/2
partnerships:
  - id: north-scp
    name: North SCP
    groups:
      - {id: business-group, name: Business Group, kind: executive-group}
      - {id: adolescents-tfg, name: Safeguarding Adolescents T&F Group, kind: task-and-finish-group}
  - id: south-scp
    name: South SCP
plans:
  - id: north-plan-2020-23
    title: North Business Plan 2020-23
    partnership: north-scp
    period: 2020 to 2023
    purpose: To set out the priorities of the partnership.
    objectives:
      - id: safeguarding-adolescents
        title: Safeguarding adolescents
        part: strategic-objective
        owners: [adolescents-tfg]
        joint_with: [south-scp]
        outcomes: [Adolescents are safer.]
        actions:
          - text: Map the services adolescents receive.
            year: 2020 to 2021
            state: completed
            evidence: The map was presented to the Board.
          - text: Agree a joint approach.
            year: 2021 to 2022
      - id: looked-after-children
        title: Understanding and reducing the number of children who become looked after
        part: strategic-objective
        links:
          - to: safeguarding-adolescents
            text: This objective will likely link and be informed by the first objective.
      - id: neglect-audit
        title: Neglect audit
        part: activity
    reviews:
      - by: [business-group]
        every: quarterly
        what: highlights areas of concern and of good practice to the full Board
"""


def test_a_plan_loads_with_its_objectives_owners_and_actions() -> None:
    dataset = loads(PLAN)
    plan = dataset.plans[0]
    first, second, third = plan.objectives
    assert first.part is PlanPart.STRATEGIC_OBJECTIVE and third.part is PlanPart.ACTIVITY
    assert first.owners == ("adolescents-tfg",) and first.joint_with == ("south-scp",)
    assert first.actions[0].state is ActionState.COMPLETED
    assert first.actions[1].state is None  # not stated, never "planned"
    assert second.links[0].to == "safeguarding-adolescents"
    assert dataset.get("neglect-audit") is third
    assert loads(dumps(dataset)) == dataset


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("owners: [adolescents-tfg]", "owners: [adolescent-tfg]", "adolescents-tfg"),
        (
            "          - to: safeguarding-adolescents",
            "          - to: looked-after-children",
            "other objectives",
        ),
        ("            state: completed\n", "", "a `state` that the evidence supports"),
        (
            "    partnership: north-scp\n    period",
            "    partnership: west-scp\n    period",
            "west-scp",
        ),
        ("part: activity", "part: part-b", "strategic-objective"),
    ],
)
def test_a_wrong_plan_is_reported_where_it_is(old: str, new: str, expected: str) -> None:
    assert old in PLAN
    with pytest.raises(LoadError) as caught:
        loads(PLAN.replace(old, new, 1), name="plan.yaml")
    problems = [str(p) for p in caught.value.problems]
    assert all(p.startswith("plan.yaml:") for p in problems)
    assert any(expected in p for p in problems), problems


def test_a_plan_on_a_date_names_only_what_stood() -> None:
    text = PLAN.replace("  - id: south-scp\n", '  - id: south-scp\n    start: "2022"\n')
    view = loads(text).as_of("2021")
    assert view.plans[0].objectives[0].joint_with == ()
    gone = loads(text.replace("    name: North SCP\n", '    name: North SCP\n    end: "2019"\n'))
    assert gone.as_of("2021").plans == ()


def test_a_plan_on_a_date_keeps_only_the_reviewers_and_links_that_stood() -> None:
    """A progress review by a group that had closed names it no longer (and goes, with
    nothing left to say); a link to an objective of a plan left out goes with it."""
    text = PLAN.replace(
        "      - {id: business-group, name: Business Group, kind: executive-group}\n",
        '      - {id: business-group, name: Business Group, kind: executive-group, end: "2020"}\n',
    )
    assert text != PLAN
    view = loads(text).as_of("2021")
    assert view.plans[0].reviews == ()
    assert loads(dumps(view)) == view
    # A second plan, of a partnership that ended, whose objective the first links to.
    other = text.replace(
        "  - id: south-scp\n    name: South SCP\n",
        '  - id: south-scp\n    name: South SCP\n    end: "2020"\n',
    ).replace(
        "          - to: safeguarding-adolescents\n",
        "          - to: south-neglect\n",
    )
    other += """\
  - id: south-plan
    title: South Business Plan
    partnership: south-scp
    objectives:
      - {id: south-neglect, title: Neglect, part: strategic-objective}
"""
    dataset = loads(other)
    assert dataset.plans[0].objectives[1].links[0].to == "south-neglect"
    view = dataset.as_of("2021")
    assert [plan.id for plan in view.plans] == ["north-plan-2020-23"]
    assert view.plans[0].objectives[1].links == ()
    assert loads(dumps(view)) == view


def test_a_plan_is_drawn_in_the_graph() -> None:
    """Each objective is part of its plan; its owners own it, it is joint with the
    partnerships it is run with and links to the objectives it names; the plan is the
    partnership's, and the group that reviews its progress monitors it."""
    from safeguarding_model.graph import build_graph

    gg = build_graph(loads(PLAN))
    assert gg.problems == ()

    def kinds(source: str, target: str) -> list[str]:
        edges = gg.graph.get_edge_data(source, target, default={})
        return [data["kind"] for data in edges.values()]

    assert kinds("north-plan-2020-23", "north-scp") == ["owned-by"]
    assert kinds("business-group", "north-plan-2020-23") == ["monitors"]
    review = gg.graph.edges["business-group", "north-plan-2020-23", "monitors"]
    assert review["cadence"] == "quarterly"
    assert review["subject"] == "highlights areas of concern and of good practice to the full Board"
    for objective in ("safeguarding-adolescents", "looked-after-children", "neglect-audit"):
        assert kinds(objective, "north-plan-2020-23") == ["part-of"]
    assert kinds("adolescents-tfg", "safeguarding-adolescents") == ["owns"]
    assert kinds("safeguarding-adolescents", "south-scp") == ["joint-with"]
    link = gg.graph.edges["looked-after-children", "safeguarding-adolescents", "links-to"]
    assert link["text"] == "This objective will likely link and be informed by the first objective."
    assert gg.graph.nodes["neglect-audit"]["part"] == "activity"
    assert gg.graph.nodes["north-plan-2020-23"]["period"] == "2020 to 2023"
    # Who owns an action of an objective owned by another owns it for that action.
    text = PLAN.replace(
        "          - text: Agree a joint approach.\n",
        "          - text: Agree a joint approach.\n            owners: [business-group]\n",
    )
    gg = build_graph(loads(text))
    action = gg.graph.edges["business-group", "safeguarding-adolescents", "owns"]
    assert (action["capacity"], action["subject"]) == ("action", "Agree a joint approach.")
    assert action["period"] == "2021 to 2022"
