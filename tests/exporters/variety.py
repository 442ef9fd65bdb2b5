"""A dataset that uses every fact issue 10 added to the format, written as a file is
written, for the exporter tests: chairs of every kind (a post, a person, an agency
only, one of a role in turn, a rotation in order with its period, a nominated and a
text-only vice-chair), lines of every kind with alternatives, conditions, subjects and
cadences in words, lines from a post and from a collaboration's group, a leadership
group above the partnership, scrutiny mechanisms, vision, purpose, values and
principles, duties, recurring events, approval, funding contributions and the rule,
governed documents (a regional strategy and a planned local delivery plan), groups'
footprint, scope and end condition, a children's trust, a company owned by two
councils, a collective body with its count, an elected post that chairs a board
outside the partnership, partial lists and fields unstated for a period.

Every name is plain here; the escaping tests put nasty text into every field."""

from __future__ import annotations

from safeguarding_model.io import loads
from safeguarding_model.model import Dataset

VARIETY = """\
schema: safeguarding-model/2
organisations:
  - {id: north-council, name: Northshire County Council, kind: local-authority}
  - id: north-children
    name: Children's Services
    kind: local-authority-service
    parent: north-council
  - {id: south-council, name: Southby Borough Council, kind: local-authority}
  - id: north-trust
    name: Northshire Children's Trust
    kind: childrens-trust
    delivers_for: [north-council]
  - id: shared-services
    name: Shared Services Ltd
    kind: company
    owned_by: [north-council, south-council]
  - id: ccgs
    name: The eight CCGs of the county
    kind: clinical-commissioning-group
    collective: true
    count: 8
  - {id: police, name: Northshire Police, kind: police}
  - {id: icb, name: NHS Northshire, kind: integrated-care-board}
  - {id: hwb, name: Northshire Health and Wellbeing Board, kind: board}
  - {id: csp, name: Northshire Community Safety Partnership, kind: board}
  - {id: schools, name: Northshire Schools, kind: school-sector}
people:
  - {id: pat-reid, name: Pat Reid}
  - {id: lee-hart, name: Lee Hart}
  - {id: sam-cole, name: Sam Cole}
posts:
  - {id: dcs, title: Director of Children's Services, organisation: north-council}
  - id: cabinet-member
    title: Cabinet Member for Children
    organisation: north-council
    holder: lee-hart
    elected: true
    also_chairs: [hwb]
  - {id: independent-chair, title: Independent Chair, independent: true, holder: pat-reid}
  - {id: team-manager, title: Partnership Manager, organisation: north-council}
partnerships:
  - id: northshire-scp
    name: Northshire Safeguarding Children Partnership
    short_name: NSCP
    regimes: [working-together-2023]
    source: {title: Northshire arrangements, published: "2024-09", url: "https://example.org/nscp"}
    sources: [{title: Northshire business plan}]
    lead_partners:
      - {role: local-authority, organisation: north-council, through: north-children}
      - {role: local-authority, organisation: south-council}
      - {role: integrated-care-board, organisation: icb}
      - {role: chief-officer-of-police, organisation: police}
    chairs:
      - {post: independent-chair, text: "The Independent Chair, who is also the scrutineer"}
      - {role: vice-chair, text: A vice-chair chosen from the partners}
    scrutineers:
      - {post: independent-chair}
    scrutiny:
      - kind: independent-chair
        by: [independent-chair]
        text: The Independent Chair also scrutinises the arrangements
      - kind: young-scrutineers
        name: Youth Forum
        by_role: relevant-agencies
        start: "2023-04"
      - kind: framework
        name: Scrutiny programme
        by: [cabinet-member, pat-reid]
        inputs:
          - Multi-agency audits
          - text: Performance data
            points: [Quarterly data, Six-monthly analysis]
          - Voice of children
        text: The programme draws on five inputs
    vision: Every child in Northshire is safe
    purpose: To lead safeguarding across the county
    values: [Respect, text: Openness]
    principles:
      - The child's welfare is paramount
      - text: Safeguarding is everyone's responsibility
        points: [Partners share information]
    aims: [Work together]
    relevant_agencies:
      - {organisation: schools}
      - {organisation: north-trust}
      - {organisation: ccgs}
    groups:
      - id: leaders
        name: Lead Partners' Forum
        kind: leadership-group
        chairs:
          - one_of: lead-safeguarding-partners
            rotates: true
            rotation_period: annually
            text: The lead partners in turn
      - id: board
        name: Partnership Board
        kind: partnership-board
        chairs:
          - {partnership_chair: true}
          - {role: vice-chair, person: sam-cole, known_on: "2024-09"}
        meets_text: At least three times a year
        reports_to:
          - {to: leaders, kind: accountable-to, cadence: quarterly}
          - to: hwb
            alternatives: [csp]
            kind: for-information
            cadence_text: Bi-monthly and as required
            subject: The yearly report
            text: To the Health and Wellbeing Board and/or the Community Safety Partnership
        escalates_to:
          - {to: leaders, condition: By exception}
        members:
          - {organisation: north-council}
          - {organisation: police}
          - {post: cabinet-member, capacity: observer}
        partial:
          - {field: members, further: 3, text: and three other members}
      - id: audit
        name: Audit Subgroup
        kind: subgroup
        parent: board
        chairs:
          - {organisation: police, text: Chaired by the police}
          - {role: co-chair, one_of: delegated-safeguarding-partners}
        covers: [north-council, south-council]
        scope: children
        members:
          - {role: relevant-agencies, some: true, text: A number of relevant agencies}
        reports_to:
          - {to: board, kind: advises, subject: Findings of audits}
        not_stated: [meets]
        not_stated_for:
          - {field: description, start: "2021-04", end: "2021-09", text: Not reported that year}
      - id: exploitation
        name: Child Exploitation Delivery Subgroup
        kind: subgroup
        scope: all-age
        ends_when: When the strategy's objectives are met
        chairs:
          - rotates_among: [north-council, police, icb]
            rotation_period: Every two years
            rotation_in_order: true
          - {role: deputy-chair, nominated_by: board}
        members:
          - {chair_of: [audit], text: The chair of the Audit Subgroup}
        reports_to: [{to: board, cadence: six-monthly, via: [audit]}]
    reports_to:
      - {to: leaders}
      - {to: hwb, kind: for-information, cadence: annually}
    lines:
      - by: team-manager
        to: audit
        kind: for-information
        cadence: quarterly
        subject: Performance data
      - {by: dcs, to: leaders, alternatives: [board], condition: By exception}
      - {by: cabinet-member, to: board, kind: reports-to}
    members:
      - {post: dcs}
      - {role: relevant-agencies, some: true}
      - {chair_of: [audit]}
    meets: quarterly
    duties:
      - of: delegated-safeguarding-partners
        items: [Speak for their organisation, Commit resources, Hold each other to account]
      - of: relevant-agencies
        text: Relevant agencies must co-operate with the arrangements
      - {post: independent-chair, items: [Chair the Board]}
    events:
      - {name: Annual conference, every: annually, by: [board]}
      - name: Newsletter
        kind: product
        every_text: After every Board meeting
        by: [team-manager]
        to: [board, north-council]
    approval:
      by: [north-council, police, icb]
      date: "2024-09"
      instrument: A signed agreement
      text: Agreed by the lead partners
    funding:
      text: The budget is agreed by the lead partners
      rule: Equal shares
      contributions:
        - {organisation: north-council, amount: 120000, period: "2024-04 to 2025-03"}
        - {organisation: police, percent: 33.5}
        - organisation: shared-services
          in_kind: [Accommodation, Legal services]
          text: Provided at no cost
      agreed_by_role: lead-safeguarding-partners
      agreed_every: Every year
    partial:
      - {field: relevant_agencies, text: including}
      - {field: groups, further: 2}
    not_stated: [contact]
    not_stated_for:
      - {field: scrutiny, start: "2020", end: "2021-03"}
collaborations:
  - id: region
    name: Four Areas Collaboration
    members: [northshire-scp]
    areas: [north-council, south-council]
    purpose: To share learning across the four areas
    principles: [Learning is shared, text: Children come first]
    outcomes:
      - text: Children are safe from exploitation
        points: [Partners work as one, Data is shared]
    groups:
      - {id: regional-executive, name: Regional Executive, kind: executive-group}
    lines:
      - by: regional-executive
        to: northshire-scp
        kind: for-information
        subject: Learning from local reviews
    partial:
      - {field: members, further: 3, text: and the three other partnerships}
documents:
  - id: exploitation-strategy
    title: Child Exploitation Strategy 2023-26
    kind: strategy
    owner: region
    monitored_by: [northshire-scp]
    delivered_by: [exploitation]
    period: 2023 to 2026
    reviewed: "2024-03"
    next_review: "2026"
    items: [Prevent, {text: Protect, points: [Disrupt]}]
  - id: delivery-plan
    title: Northshire Delivery Plan
    kind: delivery-plan
    owner: exploitation
    delivers: exploitation-strategy
    planned: true
    start: "2039-01"
    text: A local plan to deliver the strategy
"""


def variety() -> Dataset:
    """The dataset above, loaded as a file is."""
    return loads(VARIETY)
