"""The rest of a partnership's arrangements as the documents give them (issue 10, items 3
and 4): scrutiny mechanisms, vision, purpose, values and principles apart from the aims,
duties, events, approval, funding, governed documents, groups' footprint, scope and
end, organisations beyond the three partners, and what the source gives only in part or
does not state. Each in ``show``'s text, the Markdown document and the HTML page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from wording import TODAY, Outputs, markdown, outputs, page, section

import safeguarding_model as sm
from safeguarding_model.cli import main

FACTS = """
schema: safeguarding-model/2
organisations:
  - {id: hants-council, name: Hampshire County Council, kind: local-authority}
  - {id: soton-council, name: Southampton City Council, kind: local-authority}
  - {id: hants-police, name: Hampshire Constabulary, kind: police}
  - {id: county-ccgs, name: the eight CCGs of the county, kind: clinical-commissioning-group,
     collective: true, count: 8}
  - {id: trust, name: Hampshire Children's Trust, kind: childrens-trust,
     delivers_for: [hants-council], owned_by: [hants-council, soton-council]}
  - {id: youth-council, name: Hampshire Youth Council, kind: other}
posts:
  - {id: scrutineer, title: Independent Scrutineer, independent: true}
partnerships:
  - id: hscp
    name: Hampshire Safeguarding Children Partnership
    short_name: HSCP
    scope: all-age
    regimes: [working-together-2018]
    vision: Children and adults are safe and feel safe.
    purpose: To coordinate the work of the partners.
    values: [Openness, Challenge]
    principles:
      - The child's welfare is paramount
      - Partners share information
    aims: [Reduce neglect]
    lead_partners:
      - {role: local-authority, organisation: hants-council}
      - {role: clinical-commissioning-group, organisation: county-ccgs}
      - {role: chief-officer-of-police, organisation: hants-police}
    scrutineers: [{post: scrutineer}]
    scrutiny:
      - kind: independent-scrutineer
        by: [scrutineer]
        inputs: [the yearly report, multi-agency audits]
      - kind: young-scrutineers
        name: Youth Forum
        by: [youth-council]
    relevant_agencies: [{organisation: trust}]
    duties:
      - of: delegated-safeguarding-partners
        items: [Attend the Executive Group, Agree the budget]
      - of: relevant-agencies
        text: Relevant agencies must co-operate with the arrangements.
    groups:
      - id: executive
        name: Executive Group
        kind: executive-group
      - id: learning
        name: Learning Group
        kind: subgroup
        reports_to: [{to: executive}]
        covers: [hants-council, soton-council]
        scope: children
      - id: review-panel
        name: Review Panel
        kind: task-and-finish-group
        parent: learning
        reports_to: [{to: learning}]
        ends_when: when its objectives are met
    events:
      - {name: Annual conference, every: annually}
      - {name: Newsletter, kind: product, every_text: after every Board meeting, by: [executive]}
    approval:
      by_role: lead-safeguarding-partners
      date: "2019-06"
      instrument: a signed agreement
    funding:
      rule: equal shares
      agreed_by_role: lead-safeguarding-partners
      agreed_every: annually
      contributions:
        - {organisation: hants-council, amount: 120000, percent: 33.3}
        - {organisation: hants-police, percent: 50}
        - {organisation: county-ccgs, in_kind: [accommodation]}
      support_in_kind:
        - {organisation: hants-council, provides: [legal, communications]}
collaborations:
  - id: hips
    name: Hampshire, Isle of Wight, Portsmouth and Southampton
    short_name: HIPS
    members: [hscp]
    areas: [hants-council, soton-council]
documents:
  - id: ce-strategy
    title: HIPS Child Exploitation Strategy 2023-26
    kind: strategy
    owner: hips
    monitored_by: [hscp]
    period: 2023 to 2026
  - id: ce-plan
    title: Hampshire Delivery Plan
    kind: delivery-plan
    owner: hscp
    delivers: ce-strategy
    delivered_by: [learning]
    items: [Map exploitation hotspots]
"""


@pytest.fixture(scope="module")
def facts() -> Outputs:
    return outputs(FACTS)


def test_scrutiny_mechanisms_with_who_performs_them_and_their_inputs(facts: Outputs) -> None:
    found = facts
    assert (
        "Scrutiny (2)\n  independent scrutineer, by Independent Scrutineer (holder not stated)\n"
        "    drawing on (2):\n      - the yearly report\n      - multi-agency audits\n"
        "  young scrutineers: Youth Forum, by Hampshire Youth Council\n"
    ) in found.show
    scrutiny = section(found.markdown, "Scrutiny Arrangements")
    assert "Independent scrutineer, by Independent Scrutineer (holder not stated)." in scrutiny
    assert "It draws on:\n\n- the yearly report\n- multi-agency audits" in scrutiny
    assert "Young scrutineers: Youth Forum, by Hampshire Youth Council." in scrutiny
    found.everywhere("Young scrutineers: Youth Forum, by Hampshire Youth Council.")


def test_vision_purpose_values_and_principles_stand_apart_from_the_aims(facts: Outputs) -> None:
    found = facts
    assert "Vision: Children and adults are safe and feel safe." in found.show
    assert "Purpose: To coordinate the work of the partners." in found.show
    assert "Principles (2)\n  1. The child's welfare is paramount\n  2. Partners share" in (
        found.show
    )
    for title, words in (
        ("Vision", "Children and adults are safe and feel safe."),
        ("Purpose", "To coordinate the work of the partners."),
        ("Values", "- Openness\n- Challenge"),
        ("Principles", "- The child's welfare is paramount\n- Partners share information"),
    ):
        assert words in section(found.markdown, title)
    aims = section(found.markdown, "Safeguarding Partnership Aims and Objectives")
    assert (
        aims.strip() == "The Hampshire Safeguarding Children Partnership will:\n\n1. Reduce neglect"
    )
    found.nowhere("will: 1. The child's welfare")
    blocks = found.html.blocks
    will = blocks.index("The Hampshire Safeguarding Children Partnership will:")
    assert blocks[will + 1] == "Reduce neglect"


def test_the_duties_of_each_class_of_participant(facts: Outputs) -> None:
    found = facts
    assert (
        "Duties (2)\n  of the delegated safeguarding partners (2)\n    - Attend the Executive Group"
    ) in found.show
    assert "  of the relevant agencies\n    Relevant agencies must co-operate" in found.show
    duties = section(found.markdown, "The delegated safeguarding partners")
    assert "The duties of the delegated safeguarding partners:" in duties
    assert "- Agree the budget" in duties
    found.everywhere("Relevant agencies must co-operate with the arrangements.")


def test_recurring_events_and_products_and_the_approval(facts: Outputs) -> None:
    found = facts
    assert "  Annual conference [event]: annually" in found.show
    assert "  Newsletter [product]: after every Board meeting; by Executive Group" in found.show
    found.everywhere("Annual conference (event, annually)")
    found.everywhere("Newsletter (product, after every Board meeting, by Executive Group)")
    assert (
        "Approval: approved by the lead safeguarding partners; 2019-06; a signed agreement."
        in found.show
    )
    found.everywhere(
        "The arrangements were approved by the lead safeguarding partners in June 2019 "
        "(a signed agreement)."
    )


def test_funding_rule_contributions_who_agrees_and_support_in_kind(facts: Outputs) -> None:
    found = facts
    assert (
        "Funding\n  rule: equal shares\n  budget agreed by: the lead safeguarding partners, "
        "annually\n  contributions (3)\n    Hampshire County Council: £120,000 (33.3%)\n"
        "    Hampshire Constabulary: 50%\n    the eight CCGs of the county: in kind: "
        "accommodation\n  support in kind (1)\n    Hampshire County Council: legal, "
        "communications"
    ) in found.show
    for words in (
        "The basis of funding: equal shares.",
        "The budget is agreed by the lead safeguarding partners, annually.",
        "Hampshire County Council: £120,000 (33.3%)",
        "Hampshire Constabulary: 50%",
        "the eight CCGs of the county: in kind: accommodation",
        "Provided in kind by Hampshire County Council: legal, communications.",
    ):
        found.everywhere(words)


def test_governed_documents_with_their_owner_monitors_and_delivery(facts: Outputs) -> None:
    found = facts
    assert (
        "Strategies, plans and frameworks (2)\n"
        "  HIPS Child Exploitation Strategy 2023-26 [strategy, 2023 to 2026]\n"
        "    owned by: Hampshire, Isle of Wight, Portsmouth and Southampton\n"
        "    monitored by: Hampshire Safeguarding Children Partnership\n"
        "  Hampshire Delivery Plan [delivery plan]\n"
        "    owned by: Hampshire Safeguarding Children Partnership\n"
        "    delivered by: Learning Group\n"
        "    delivery plan for: HIPS Child Exploitation Strategy 2023-26\n"
        "    contents (1):\n      - Map exploitation hotspots"
    ) in found.show
    strategy = section(found.markdown, "Strategies, Plans and Frameworks")
    assert "- Owned by: Hampshire, Isle of Wight, Portsmouth and Southampton" in strategy
    assert "- Monitored by: Hampshire Safeguarding Children Partnership" in strategy
    assert "- A delivery plan for: HIPS Child Exploitation Strategy 2023-26" in strategy
    assert "- Period: 2023 to 2026" in strategy
    # the collaboration that owns it lists it too, in its appendix
    appendix = section(
        found.markdown,
        "Appendix 1: Hampshire, Isle of Wight, Portsmouth and Southampton (HIPS) arrangements",
    )
    assert "#### HIPS Child Exploitation Strategy 2023-26" in appendix
    assert "Hampshire Delivery Plan" not in appendix  # owned by the partnership
    found.everywhere("Delivered by: Learning Group")


def test_groups_footprint_scope_end_and_a_group_under_a_subgroup(facts: Outputs) -> None:
    found = facts
    assert "Serves children and adults (all-age)." in found.show
    assert "    covers the areas of: Hampshire County Council, Southampton City Council" in (
        found.show
    )
    assert "    serves: children" in found.show
    assert "    sits under: Learning Group" in found.show
    assert "    ends: when its objectives are met" in found.show
    learning = section(found.markdown, "Learning Group")
    assert "- Covers the areas of: Hampshire County Council and Southampton City Council" in (
        learning
    )
    assert "- Serves: children" in learning
    panel = section(found.markdown, "Review Panel")
    assert "- Sits under: Learning Group" in panel
    assert "- Ends: when its objectives are met" in panel


def test_organisations_delivering_for_councils_owned_by_others_or_named_collectively(
    facts: Outputs,
) -> None:
    found = facts
    assert "clinical commissioning group: the eight CCGs of the county (8, not named)" in (
        found.show
    )
    trust = (
        "Hampshire Children's Trust (delivers services for Hampshire County Council; owned "
        "by Hampshire County Council and Southampton City Council)"
    )
    assert f"Relevant agencies (1)\n  {trust}" in found.show
    found.everywhere(
        "The clinical commissioning group: the eight CCGs of the county (8, not named)"
    )
    found.everywhere(trust)


def test_the_yearly_report_gives_what_belongs_there() -> None:
    text = FACTS.replace(
        "    groups:\n",
        "    yearly_report:\n      contents:\n        - the scrutiny of the arrangements\n"
        "        - the budget and the funding\n        - progress on the strategies\n"
        "    groups:\n",
        1,
    )
    dataset = sm.loads(text)
    report = markdown(dataset, "yearly-report")
    assert "| the clinical commissioning group | the eight CCGs of the county (8, not named) |" in (
        report
    )
    scrutiny = section(report, "The scrutiny of the arrangements")
    assert "young scrutineers: Youth Forum, by Hampshire Youth Council" in scrutiny
    funding = section(report, "The budget and the funding")
    assert "Hampshire County Council: £120,000 (33.3%)" in funding
    strategies = section(report, "Progress on the strategies")
    assert (
        "HIPS Child Exploitation Strategy 2023-26 (strategy, 2023 to 2026), owned by Hampshire, "
        "Isle of Wight, Portsmouth and Southampton, monitored by Hampshire Safeguarding "
        "Children Partnership"
    ) in strategies
    vision = section(report, "Vision, purpose, values and principles")
    assert "Vision: Children and adults are safe and feel safe." in vision
    aims = section(report, "Aims and priorities")
    assert "welfare" not in aims
    assert "Vision: Children and adults" in " ".join(page(dataset, "yearly-report").blocks)


# --- 4. partial lists, not stated, not stated for a period -------------------------------

PARTIAL = """
schema: safeguarding-model/2
organisations:
  - {id: council, name: Northshire County Council, kind: local-authority}
  - {id: police, name: Northshire Police, kind: police}
posts:
  - {id: dcs, title: Director of Children's Services, organisation: council}
partnerships:
  - id: nscp
    name: Northshire Safeguarding Children Partnership
    short_name: NSCP
    regimes: [working-together-2023]
    chairs: [{post: dcs}]
    relevant_agencies: [{organisation: police}]
    groups:
      - id: executive
        name: Executive Group
        kind: executive-group
        members: [{post: dcs}]
        partial: [{field: members, text: including}]
      - id: audit
        name: Audit Group
        kind: subgroup
        reports_to: [{to: executive}]
        not_stated: [meets]
        not_stated_for: [{field: chairs, start: "2021-04", end: "2021-09"}]
        chairs: [{post: dcs}]
    partial:
      - {field: relevant_agencies, text: "The relevant agencies include, amongst others:"}
      - {field: groups, further: 3}
      - {field: functional_links, further: 1}
    not_stated: [funding, scrutineers]
    not_stated_for:
      - {field: chairs, start: "2021-04", end: "2021-09", text: the post was vacant}
"""


@pytest.fixture(scope="module")
def partial() -> Outputs:
    return outputs(PARTIAL)


def test_a_partial_list_is_shown_as_partial(partial: Outputs) -> None:
    found = partial
    assert "Relevant agencies (1 named, and others the source does not name)\n" in found.show
    assert "Groups (2 named, and 3 further groups not named)\n" in found.show
    assert "Functional links: none named, and 1 further functional link not named" in found.show
    assert "    members: 1 named, and others the source does not name" in found.show
    assert not re.search(r"^(Relevant agencies|Groups) \(\d+\)$", found.show, re.MULTILINE)
    agencies = section(found.markdown, "Relevant Agencies")
    assert "- Northshire Police\n\n*… and others the source does not name.* The source: " in (
        agencies
    )
    structure = section(found.markdown, "Partnership Structure and Subgroups")
    assert "*… and 3 further groups not named.*" in structure
    executive = section(found.markdown, "Executive Group")
    assert "Membership:" in executive and "… and others the source does not name." in executive
    found.everywhere("… and 3 further groups not named.")
    found.everywhere("functional links: and 1 further functional link not named")


def test_not_stated_is_never_none(partial: Outputs) -> None:
    found = partial
    assert "Independent scrutineer: not stated in the source" in found.show
    assert "Not stated in the source: funding, scrutineers." in found.show
    assert "    meets: not stated in the source" in found.show
    found.everywhere("The arrangements do not state how the partnership is funded.")
    found.everywhere("The arrangements do not state the independent scrutineer.")
    # "none given in the data" is said only of a list the data leaves empty and does not
    # record as unstated; "none named" only before what the source leaves unnamed
    for text in (found.show, found.markdown, found.html.text):
        claims = re.findall(r".*\bnone\b(?! named, and| given in the data).*", text)
        assert not claims, claims


def test_a_field_unstated_for_a_period_is_shown_with_its_dates(partial: Outputs) -> None:
    found = partial
    assert "Not stated for a period:\n  chairs: not stated from 2021-04 to 2021-09" in found.show
    assert "    chairs: not stated from 2021-04 to 2021-09" in found.show  # the audit group
    found.everywhere(
        "The arrangements do not state who chairs the partnership from April 2021 to "
        "September 2021."
    )
    found.everywhere("chairs: not stated from April 2021 to September 2021")
    found.everywhere("the post was vacant")


def test_on_a_date_in_the_period_the_field_is_not_stated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "northshire.yaml"
    path.write_text(PARTIAL, encoding="utf-8")
    assert main(["show", str(path), "--on", "2021-06"]) == 0
    out = capsys.readouterr().out
    assert "Partnership chair: not stated in the source" in out
    assert "Not stated for a period" not in out
    assert main(["show", str(path), "--on", "2022"]) == 0
    out = capsys.readouterr().out
    assert "Partnership chair (1)\n  Director of Children's Services" in out


def test_show_json_carries_every_new_fact() -> None:
    dataset = sm.loads(FACTS)
    from safeguarding_model.documents import summary

    data = summary(dataset, dataset.partnerships[0], today=TODAY)
    assert data["vision"] == {"text": "Children and adults are safe and feel safe.", "points": []}
    assert data["principles"][0] == {"text": "The child's welfare is paramount", "points": []}
    assert [m["kind"] for m in data["scrutiny"]] == ["independent-scrutineer", "young-scrutineers"]
    assert data["funding"]["contributions"][0]["amount"] == 120000
    assert [d["id"] for d in data["governed_documents"]] == ["ce-strategy", "ce-plan"]
    assert data["approval"]["date"] == "2019-06"
    assert data["groups"][1]["covers"][1]["id"] == "soton-council"


# --- what seven real partnerships needed as well (model, part 2) ------------------------

MORE = """
schema: safeguarding-model/2
organisations:
  - {id: council, name: Brighton and Hove City Council, kind: local-authority}
  - {id: fcl, name: "Families, Children and Learning", kind: local-authority-service,
     parent: council}
  - {id: police, name: Sussex Police, kind: police}
  - {id: cypf, name: Children Young People and Families Board, kind: board}
posts:
  - {id: chair, title: Independent Chair, independent: true}
partnerships:
  - id: bhscp
    name: Brighton and Hove Safeguarding Children Partnership
    short_name: BHSCP
    regimes: [working-together-2023]
    source:
      title: Our partnership
      published: "2024-05"
      url: https://www.example.org/partnership
    sources:
      - {title: Annual report 2023, url: https://www.example.org/report}
    lead_partners:
      - {role: local-authority, organisation: council, through: fcl}
    chairs: [{post: chair, known_on: "2020-09"}]
    members:
      - {role: relevant-agencies, some: true, text: a number of relevant agencies}
      - {organisation: police}
    meets_text: four times a year
    duties:
      - {post: chair, items: [Chair the Executive]}
    events:
      - {name: Quarterly report, kind: product, every: quarterly, to: [cypf]}
    groups:
      - id: executive
        name: Executive
        kind: executive-group
      - id: scrutiny-group
        name: Scrutiny and Challenge Group
        kind: subgroup
        reports_to: [{to: executive}]
      - id: audit
        name: Audit Group
        kind: subgroup
        reports_to:
          - {to: executive, via: [scrutiny-group], kind: reports-to}
      - id: team
        name: Business Unit
        kind: team
    relevant_agencies: [{organisation: police}]
    partial:
      - {field: relevant_agencies, truncated: true}
documents:
  - id: plan
    title: Business Plan 2024-27
    kind: business-plan
    owner: bhscp
    reviewed: "2024-04"
    next_review: "2025-04"
"""


@pytest.fixture(scope="module")
def more() -> Outputs:
    return outputs(MORE)


def test_a_lead_partner_through_a_part_of_itself_and_the_sources(more: Outputs) -> None:
    found = more
    through = "Brighton and Hove City Council (through Families, Children and Learning)"
    assert f"local authority: {through}" in found.show
    found.everywhere(f"The local authority: {through}")
    assert "Source: Our partnership, 2024-05 (https://www.example.org/partnership)." in (found.show)
    assert "Also from: Annual report 2023 (https://www.example.org/report)." in found.show
    sources = section(found.markdown, "Sources")
    assert "- Our partnership, May 2024: [https://www.example.org/partnership]" in sources
    assert "- Annual report 2023: [https://www.example.org/report](https" in sources
    assert "Annual report 2023: https://www.example.org/report" in found.html.blocks


def test_a_chair_known_only_from_a_document_of_one_date(more: Outputs) -> None:
    found = more
    words = "named in a document of 2020-09; since and until when not stated"
    assert f"Independent Chair (holder not stated) ({words})" in found.show
    found.everywhere("named in a document of September 2020; since and until when not stated")


def test_the_partnerships_own_members_and_meetings(more: Outputs) -> None:
    found = more
    assert (
        "Members of the partnership (2)\n  some of the relevant agencies\n  Sussex Police\n"
        "The partnership meets: four times a year"
    ) in found.show
    membership = section(found.markdown, "Membership of the Partnership")
    assert "The BHSCP meets four times a year." in membership
    assert "- a number of relevant agencies" in membership
    # never all of them
    assert "\n  the relevant agencies\n" not in found.show
    assert "- the relevant agencies\n" not in found.markdown


def test_a_duty_of_one_post_an_events_recipients_and_a_documents_reviews(
    more: Outputs,
) -> None:
    found = more
    assert "  of Independent Chair (holder not stated) (1)\n    - Chair the Executive" in (
        found.show
    )
    assert (
        section(found.markdown, "Independent Chair (holder not stated)")
        .strip()
        .endswith("- Chair the Executive")
    )
    assert "Quarterly report [product]: quarterly; to Children Young People and Families Board" in (
        found.show
    )
    found.everywhere(
        "Quarterly report (product, quarterly, to Children Young People and Families Board)"
    )
    assert "    last reviewed: 2024-04\n    next review due: 2025-04" in found.show
    found.everywhere("Last reviewed: April 2024")
    found.everywhere("Next review due: April 2025")


def test_a_line_via_another_body_whose_meaning_is_not_stated(more: Outputs) -> None:
    found = more
    assert (
        "    reports to (its meaning not stated): Executive (via Scrutiny and Challenge Group)"
        in found.show
    )
    found.everywhere(
        "Audit Group reports to (its meaning not stated) Executive (via Scrutiny and "
        "Challenge Group)."
    )
    cell = next(c for c in found.html.blocks if c.startswith("reports to (its meaning"))
    assert (
        cell == "reports to (its meaning not stated) Executive (via Scrutiny and Challenge Group)"
    )


def test_a_team_is_not_one_of_the_groups_and_a_cut_short_copy_is_said(more: Outputs) -> None:
    found = more
    assert "Groups (3)\n" in found.show
    assert "Teams (1)\n  Business Unit [team]" in found.show
    assert "\n| Business Unit |" not in found.markdown
    teams = section(found.markdown, "Teams")
    assert "The teams the arrangements describe (not among the groups above):" in teams
    words = "and perhaps others: the copy the data was taken from is cut short"
    assert f"Relevant agencies (1 named, {words})" in found.show
    found.everywhere(f"… {words}.")
