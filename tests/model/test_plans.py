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
