"""Issue 10's shapes in the file format: each loads, writes back the same, is
checked with a located message when wrong, and is honoured on a date."""

from __future__ import annotations

import textwrap

import pytest

from safeguarding_model.errors import LoadError
from safeguarding_model.io import dumps, loads
from safeguarding_model.model import (
    ChairRole,
    Dataset,
    DocumentKind,
    GroupKind,
    LineKind,
    OrganisationKind,
    PartialList,
    PartnershipRole,
    Scope,
    ScrutinyKind,
)

HEAD = """\
schema: safeguarding-model/2
organisations:
  - {id: north-council, name: North Council, kind: local-authority}
  - {id: south-council, name: South Council, kind: local-authority}
  - {id: county-police, name: County Police, kind: police}
  - {id: metro-police, name: Metro Police, kind: police}
  - {id: county-icb, name: NHS County, kind: integrated-care-board}
  - id: county-ccgs
    name: the eight CCGs of the county
    kind: clinical-commissioning-group
    collective: true
    count: 8
    end: "2022-06-30"
  - id: childrens-company
    name: Children's Services Company
    kind: company
    owned_by: [north-council, south-council]
    delivers_for: [north-council, south-council]
  - {id: health-and-wellbeing-board, name: Health and Wellbeing Board, kind: board}
  - {id: community-safety-partnership, name: Community Safety Partnership, kind: board}
people:
  - {id: jo-bloggs, name: Jo Bloggs}
posts:
  - id: independent-chair
    title: Independent Chair and Scrutineer
    independent: true
  - id: cabinet-member
    title: Cabinet Member for Children
    organisation: north-council
    elected: true
    also_chairs: [health-and-wellbeing-board]
"""

PARTNERSHIP = """\
partnerships:
  - id: county-sp
    name: County Safeguarding Partnership
    scope: all-age
    regimes: [working-together-2023, care-act-2014]
    lead_partners:
      - {role: local-authority, organisation: north-council}
      - {role: local-authority, organisation: south-council}
      - {role: chief-officer-of-police, organisation: county-police}
      - {role: chief-officer-of-police, organisation: metro-police}
      - {role: integrated-care-board, organisation: county-icb}
    chairs:
      - post: independent-chair
      - role: vice-chair
        text: A vice-chair is appointed from the relevant agencies.
    scrutineers:
      - post: independent-chair
    scrutiny:
      - kind: independent-chair
        by: [independent-chair]
        inputs: [the yearly report, multi-agency audits]
      - kind: young-scrutineers
        name: Youth Forum
    vision: Children and adults are safe.
    principles: [The child's welfare is paramount.]
    aims: [Work together.]
    reports_to:
      - to: leadership-forum
      - to: health-and-wellbeing-board
        alternatives: [community-safety-partnership]
        kind: for-information
        cadence_text: at least three times a year
    lines:
      - by: cabinet-member
        to: board
        kind: advises
        condition: by exception
    duties:
      - of: relevant-agencies
        items: [Co-operate with the partnership.]
    events:
      - {name: Newsletter, kind: product, every_text: after every Board meeting}
    approval:
      by_role: lead-safeguarding-partners
      date: "2024-09"
      instrument: signed by the lead safeguarding partners
    funding:
      rule: equal shares
      agreed_by_role: lead-safeguarding-partners
      agreed_every: annually
      contributions:
        - {organisation: north-council, percent: 50}
        - {organisation: county-police, amount: 30000, period: 2024 to 2025}
        - {organisation: county-icb, in_kind: [accommodation]}
    partial:
      - field: relevant_agencies
        text: The relevant agencies include, amongst others,
      - field: groups
        further: 3
    groups:
      - id: leadership-forum
        name: Lead Partners' Forum
        kind: leadership-group
        chairs:
          - one_of: lead-safeguarding-partners
            rotates: true
            rotation_period: annually
      - id: board
        name: Safeguarding Board
        kind: partnership-board
        meets_text: bi-monthly and as required
        chairs:
          - organisation: county-police
        not_stated_for:
          - {field: members, start: "2021-04", end: "2021-09"}
        members:
          - organisation: county-icb
      - id: learning-group
        name: Learning Group
        kind: subgroup
        covers: [north-council]
        scope: children
        ends_when: when its objectives are met
        chairs:
          - rotates_among: [north-council, south-council, county-police]
            rotation_in_order: true
            rotation_period: every two years
        reports_to:
          - to: board
            kind: for-information
documents:
  - id: county-strategy
    title: County Exploitation Strategy 2023-26
    kind: strategy
    owner: county-sp
    monitored_by: [board]
    period: 2023 to 2026
  - id: north-delivery-plan
    title: North Delivery Plan
    kind: delivery-plan
    owner: county-sp
    delivers: county-strategy
    delivered_by: [learning-group]
"""


def _load(text: str) -> Dataset:
    return loads(text, name="county.yaml")


def test_every_shape_of_issue_10_loads() -> None:
    dataset = _load(HEAD + PARTNERSHIP)
    p = dataset.partnerships[0]
    assert p.scope is Scope.ALL_AGE
    assert p.chairs[1].role is ChairRole.VICE_CHAIR and p.chairs[1].post is None
    assert p.scrutiny[0].kind is ScrutinyKind.INDEPENDENT_CHAIR
    assert p.chairs[0].post == p.scrutineers[0].post  # a chair who is also the scrutineer
    assert p.reports_to[1].meaning() is LineKind.FOR_INFORMATION
    assert p.reports_to[1].targets == ("health-and-wellbeing-board", "community-safety-partnership")
    assert p.reports_to[0].meaning() is LineKind.ACCOUNTABLE_TO
    assert p.lines[0].by == "cabinet-member" and p.lines[0].kind is LineKind.ADVISES
    assert p.funding is not None and p.funding.agreed_by_role is PartnershipRole(
        "lead-safeguarding-partners"
    )
    assert [c.percent for c in p.funding.contributions] == [50.0, None, None]
    assert p.partial[1] == PartialList(field="groups", further=3)
    forum, board, learning = p.groups
    assert forum.kind is GroupKind.LEADERSHIP_GROUP and forum.chairs[0].rotating
    assert board.chairs[0].organisation == "county-police" and not board.chairs[0].rotating
    assert learning.chairs[0].rotation_in_order
    assert dataset.documents[1].delivers == "county-strategy"
    assert dataset.documents[0].kind is DocumentKind.STRATEGY
    company = dataset.organisations[6]
    assert company.kind is OrganisationKind.COMPANY
    assert company.owned_by == ("north-council", "south-council")
    assert dataset.organisations[5].count == 8


def test_every_shape_writes_back_the_same() -> None:
    dataset = _load(HEAD + PARTNERSHIP)
    assert loads(dumps(dataset)) == dataset
    assert loads(dumps(dataset, "json"), format="json") == dataset


def _problems(text: str) -> list[str]:
    with pytest.raises(LoadError) as caught:
        _load(text)
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "          - organisation: county-police\n",
            "          - organisation: county-police\n            post: independent-chair\n",
            "one of post, person, organisation, one_of, partnership_chair, rotates_among, "
            "not several",
        ),
        (
            "            rotates: true\n",
            "            rotates: true\n            rotation_in_order: true\n",
            "`rotates_among` listing the order of the rotation",
        ),
        ("        kind: for-information\n", "        kind: escalates-to\n", "reporting lines"),
        ("        further: 3\n", "        further: 0\n", "1 or more"),
        ("      - field: groups\n", "      - field: gropus\n", "did you mean `groups`?"),
        (
            "        to: board\n        kind: advises",
            "        to: cabinet-member\n        kind: advises",
            "other than the one the line is from",
        ),
        ("    delivers: county-strategy", "    delivers: county-stratgey", "county-stratgey"),
        ("    count: 8\n", "    count: 1\n", "2 or more"),
        (
            "        - {organisation: north-council, percent: 50}",
            "        - {organisation: north-council, percent: 150}",
            "from 0 to 100",
        ),
        (
            '      - {field: members, start: "2021-04", end: "2021-09"}',
            "      - {field: members}",
            "a period needs a start, an end or both",
        ),
    ],
)
def test_a_wrong_shape_is_reported_where_it_is(old: str, new: str, expected: str | None) -> None:
    text = HEAD + PARTNERSHIP
    assert old in text
    problems = _problems(text.replace(old, new, 1))
    assert problems
    for problem in problems:
        assert problem.startswith("county.yaml:"), problem  # a file, line and column
    if expected is not None:
        assert any(expected in p for p in problems), problems


def test_the_view_on_a_date_honours_the_new_shapes() -> None:
    dataset = _load(HEAD + PARTNERSHIP)
    during = dataset.as_of("2021-06")
    board = during.partnerships[0].groups[1]
    assert board.members == () and "members" in board.not_stated  # unstated then
    assert dataset.as_of("2022").partnerships[0].groups[1].members  # stated otherwise
    assert not any(o.id == "county-ccgs" for o in dataset.as_of("2023").organisations)
    funding = dataset.as_of("2026").partnerships[0].funding
    assert funding is not None
    assert [c.organisation for c in funding.contributions] == ["north-council", "county-icb"]


def test_a_line_whose_every_target_is_gone_on_a_date_goes() -> None:
    text = (HEAD + PARTNERSHIP).replace(
        "  - {id: community-safety-partnership, name: Community Safety Partnership, kind: board}",
        "  - {id: community-safety-partnership, name: Community Safety Partnership, kind: board,"
        ' start: "2025"}',
    )
    view = _load(text).as_of("2024")
    line = view.partnerships[0].reports_to[1]
    assert line.targets == ("health-and-wellbeing-board",)


def test_the_format_reference_names_every_new_field() -> None:
    from safeguarding_model.io.schema import format_reference

    reference = format_reference()
    for field in ("rotation_period", "alternatives", "cadence_text", "not_stated_for", "delivers"):
        assert field in reference


@pytest.mark.parametrize("shape", ["ScrutinyMechanism", "Contribution", "GovernedDocument"])
def test_the_json_schema_describes_the_new_shapes(shape: str) -> None:
    from safeguarding_model.io.schema import json_schema

    assert shape in json_schema()["$defs"]


def test_docs_format_shows_each_shape() -> None:
    from pathlib import Path

    page = (Path(__file__).parents[2] / "docs" / "format.md").read_text(encoding="utf-8")
    for words in (
        "one_of:",
        "rotation_in_order",
        "kind: for-information",
        "leadership-group",
        "scrutiny:",
        "contributions:",
        "documents:",
        "partial:",
        "not_stated_for:",
        "collective: true",
        "elected: true",
        "acts_for: local-authority",
    ):
        assert words in page, words


def test_a_text_only_chair_is_a_chair_the_document_does_not_name() -> None:
    text = textwrap.dedent(
        """\
        schema: safeguarding-model/2
        partnerships:
          - id: p
            name: P
            chairs:
              - role: co-chair
                text: Two co-chairs, not named.
        """
    )
    chair = _load(text).partnerships[0].chairs[0]
    assert chair.role is ChairRole.CO_CHAIR and chair.text


GAPS = """\
schema: safeguarding-model/2
organisations:
  - {id: council, name: Council, kind: local-authority}
  - {id: families-service, name: "Families, Children and Learning", kind: local-authority-service, parent: council}
  - {id: full-council, name: Full Council, kind: board}
  - {id: scrutiny-board, name: Policy and Performance Board, kind: board}
posts:
  - {id: chair-post, title: Partnership Chair, organisation: council}
partnerships:
  - id: p
    name: P
    source: {title: About us, url: "https://example.org/about"}
    sources:
      - {title: Sub-groups, url: "https://example.org/sub-groups"}
    lead_partners:
      - {role: local-authority, organisation: council, through: families-service}
    chairs:
      - post: chair-post
        known_on: "2024-11-19"
    members:
      - text: All professionals and volunteers are members of the partnership.
    meets_text: three times per year
    reports_to:
      - to: full-council
        kind: reports-to
        subject: the annual report
    duties:
      - post: chair-post
        items: [Publish and review the terms of reference of the Executive.]
    events:
      - name: Quarterly Report
        kind: product
        every: quarterly
        to: [scrutiny-board]
    partial:
      - field: relevant_agencies
        truncated: true
    groups:
      - id: executive
        name: Executive
        kind: executive-group
        members:
          - role: relevant-agencies
            some: true
            text: a number of relevant agencies
      - id: themes-group
        name: Emerging Themes Group
        kind: subgroup
        reports_to:
          - to: executive
            kind: advises
            via: [scrutiny-group]
          - to: executive
            kind: advises
            condition: by exception
      - id: scrutiny-group
        name: Scrutiny and Challenge Group
        kind: subgroup
documents:
  - id: procedures
    title: Child protection procedures
    kind: procedures
    owner: p
    reviewed: "2024-10"
    next_review: "2026-10"
"""


def test_what_real_partnerships_needed_beyond_the_first_model() -> None:
    dataset = _load(GAPS)
    p = dataset.partnerships[0]
    assert p.source is not None and p.source.url == "https://example.org/about"
    assert p.sources[0].title == "Sub-groups"
    assert p.lead_partners[0].through == "families-service"
    assert p.reports_to[0].meaning() is LineKind.REPORTS_TO  # meaning not stated
    assert p.duties[0].post == "chair-post" and p.duties[0].of is None
    assert p.events[0].to == ("scrutiny-board",)
    assert p.partial[0].truncated
    assert p.groups[0].members[0].some
    via, direct = p.groups[1].reports_to
    assert via.via == ("scrutiny-group",) and direct.condition == "by exception"
    assert dataset.documents[0].next_review is not None
    assert loads(dumps(dataset)) == dataset


def test_a_chair_known_only_on_a_date_is_not_known_on_another() -> None:
    dataset = _load(GAPS)
    assert dataset.as_of("2024-11").partnerships[0].chairs
    later = dataset.as_of("2025").partnerships[0]
    assert later.chairs == () and "chairs" in later.not_stated


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            '        known_on: "2024-11-19"\n',
            '        known_on: "2024-11-19"\n        start: "2024"\n',
            "either known_on",
        ),
        (
            "            some: true\n            text",
            "            some: true\n            capacity: member\n            text",
            None,
        ),
        (
            "      - post: chair-post\n        items",
            "      - post: chair-post\n        of: relevant-agencies\n        items",
            "one of the two",
        ),
        ("            via: [scrutiny-group]", "            via: [executive]", "not `to`"),
        ("            condition: by exception\n", "            via: [scrutiny-group]\n", "twice"),
    ],
)
def test_the_new_fields_are_checked(old: str, new: str, expected: str | None) -> None:
    assert old in GAPS
    text = GAPS.replace(old, new, 1)
    if expected is None:
        _load(text)
        return
    problems = _problems(text)
    assert any(expected in p for p in problems), problems
