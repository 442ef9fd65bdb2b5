"""A small business plan for the tests of plans on a date: the group that owns its
first objective ended in March 2021, and the partnership it is run with in June 2021;
of its two activities, one has owners not given and one owners not stated."""

ENDED_OWNER = """\
schema: safeguarding-model/2
partnerships:
  - id: north
    name: North SCP
    groups:
      - {id: neglect, name: Neglect Task and Finish Group, kind: task-and-finish-group, end: 2021-03}
  - id: south
    name: South SCP
    end: 2021-06
plans:
  - id: north-plan
    title: North Business Plan 2020-23
    partnership: north
    period: 2020 to 2023
    objectives:
      - id: neglect-objective
        title: Responding to Neglect
        part: strategic-objective
        owners: [neglect]
        joint_with: [south]
        actions:
          - {text: Update the toolkit., year: 2020 to 2021, state: completed}
      - {id: audit, title: Audit, part: activity}
      - {id: review, title: Review, part: activity, not_stated: [owners]}
"""
