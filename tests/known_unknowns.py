"""A dataset that uses every known unknown the format can say, written as a file is
written, for the tests of every layer: a lead partner known by its role only (and one
known by its role and post), delegated partners whose post is not stated, a vision and
a purpose with points (the vision's given only in part), lists given in part inside
entries (an item's points, a duty's items, a scrutiny mechanism's inputs and performers,
a scrutineer's functions, the funding's contributions, a document's items), funding
hosted by a council, paid by a council on behalf of two districts and shared with the
adults' board, a one_of partnership chair, and a collaboration the document does not
name."""

from __future__ import annotations

from safeguarding_model.io import loads
from safeguarding_model.model import Dataset

KNOWN_UNKNOWNS = """\
schema: safeguarding-model/2
organisations:
  - {id: county-council, name: Westshire County Council, kind: local-authority}
  - {id: east-district, name: Eastby District Council, kind: local-authority}
  - {id: west-district, name: Westby District Council, kind: local-authority}
  - {id: police, name: Westshire Police, kind: police}
  - {id: county-sab, name: Westshire Safeguarding Adults Board, kind: board}
posts:
  - {id: dcs, title: Director of Children's Services, organisation: county-council}
  - {id: chief-executive, title: Local Authority Chief Executive}
  - {id: scrutineer, title: Independent Scrutineer, independent: true}
partnerships:
  - id: westshire-scp
    name: Westshire Safeguarding Children Partnership
    regimes: [working-together-2023]
    lead_partners:
      - {role: local-authority, post: chief-executive}
      - {role: chief-officer-of-police, organisation: police}
      - role: integrated-care-board
        text: The Integrated Care Board
    delegated_partners:
      - {post: dcs, acts_for: local-authority}
      - acts_for: integrated-care-board
        text: a senior officer of the ICB
      - acts_for: chief-officer-of-police
    chairs:
      - one_of: delegated-safeguarding-partners
        rotates: true
        rotation_period: annually
    scrutineers:
      - post: scrutineer
        functions: [Challenge the partners, Report yearly]
        partial: [{field: functions, truncated: true}]
    vision:
      text: "We want every child to be:"
      points: [safe, healthy]
      partial: [{field: points, text: and more}]
    purpose:
      text: "To support professionals to work together in a system where:"
      points: [Children are safeguarded, Learning is promoted]
    duties:
      - of: relevant-agencies
        items: [Co-operate with the arrangements, Share information]
        partial: [{field: items, truncated: true}]
    scrutiny:
      - kind: framework
        name: Scrutiny programme
        by: [scrutineer]
        inputs:
          - Audits
          - text: "Data, including:"
            points: [Quarterly data]
            partial: [{field: points}]
        partial: [{field: inputs, further: 2}, {field: by, text: and others}]
    funding:
      rule: Contributions agreed each year
      hosted_by: county-council
      shared_with: [county-sab]
      split:
        - {body: westshire-scp, percent: 60}
        - {body: county-sab, percent: 40}
      contributions:
        - organisation: county-council
          on_behalf_of: [east-district, west-district]
          amount: 90000
        - {organisation: police, percent: 20}
      partial: [{field: contributions, text: contributions from partners including}]
    groups:
      - id: board
        name: Partnership Board
        kind: partnership-board
        members:
          - role: lead-safeguarding-partners
          - role: delegated-safeguarding-partners
        responsibilities:
          - Agree the plan
          - text: "Learn from reviews including:"
            points: [National reviews]
            partial: [{field: points}]
        partial: [{field: responsibilities, further: 2}]
    collaborations: [neighbours]
collaborations:
  - id: neighbours
    description: We work with neighbouring partnerships on exploitation.
    purpose:
      text: "To share:"
      points: [learning]
    members: [westshire-scp]
    partial: [{field: members}]
documents:
  - id: strategy
    title: Exploitation Strategy
    kind: strategy
    owner: neighbours
    monitored_by: [westshire-scp]
    items: [Prevent, Protect]
    partial: [{field: items, further: 3}, {field: monitored_by}]
"""


def known_unknowns() -> Dataset:
    """The dataset above, loaded as a file is."""
    return loads(KNOWN_UNKNOWNS)
