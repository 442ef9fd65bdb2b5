"""Lines with their meaning, and accountability that goes no further than the data
(issue 10): small datasets written as files are, one question at a time.

- a group that reports only for information is not accountable to the body it informs;
- a leadership group is the top: not accountable to the partnership it leads, which
  answers to it only along a stated line;
- in a region, a partnership's subgroup that reports to a shared group of a
  collaboration is never made accountable to another partnership's lead partners;
- a line "and/or" to several bodies makes each edge one of alternatives;
- a chair given as an agency only is that agency, never "rotating among" it;
- every new relation of the model is an edge of its own kind.
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from safeguarding_model.exporters import export
from safeguarding_model.graph import EdgeKind, GovernanceGraph, build_graph
from safeguarding_model.io import dumps, loads

HEAD = """\
schema: safeguarding-model/2
organisations:
  - {id: north-council, name: Northshire Council, kind: local-authority}
  - {id: south-council, name: Southshire Council, kind: local-authority}
  - {id: police, name: Shire Police, kind: police}
  - {id: icb, name: NHS Shire, kind: integrated-care-board}
  - {id: hwb, name: Northshire Health and Wellbeing Board, kind: board}
  - {id: csp, name: Northshire Community Safety Partnership, kind: board}
posts:
  - {id: north-ceo, title: Chief Executive, organisation: north-council}
  - {id: south-ceo, title: Chief Executive, organisation: south-council}
  - {id: chief-constable, title: Chief Constable, organisation: police}
  - {id: north-dcs, title: Director of Children's Services, organisation: north-council}
"""

NORTH_LEADS = """\
    regimes: [working-together-2023]
    lead_partners:
      - {role: local-authority, organisation: north-council, post: north-ceo}
      - {role: chief-officer-of-police, organisation: police, post: chief-constable}
"""


def _load(text: str) -> GovernanceGraph:
    dataset = loads(text)
    assert loads(dumps(dataset)) == dataset  # written as a file can be
    return build_graph(dataset)


def _kinds(gg: GovernanceGraph, source: str, target: str) -> list[str]:
    return [data["kind"] for data in gg.graph.get_edge_data(source, target, default={}).values()]


def _accountable(gg: GovernanceGraph) -> set[tuple[str, str]]:
    return {(u, v) for u, v, kind in gg.graph.edges(data="kind") if kind == "accountable-to"}


# --- a line for information is not accountability --------------------------------------

INFORMATION = (
    HEAD
    + """\
partnerships:
  - id: north-scp
    name: Northshire Safeguarding Children Partnership
"""
    + NORTH_LEADS
    + """\
    groups:
      - id: executive
        name: Executive Group
        kind: executive-group
      - id: data-group
        name: Data Group
        kind: subgroup
        reports_to:
          - to: hwb
            kind: for-information
            cadence_text: at least three times a year
            subject: the annual performance report
            text: The Data Group shares its annual report with the Health and Wellbeing Board.
      - id: advisory-panel
        name: Advisory Panel
        kind: subgroup
        reports_to: [{to: executive, kind: advises, condition: on request}]
"""
)


def test_a_group_that_reports_only_for_information_is_not_accountable_to_the_board() -> None:
    gg = _load(INFORMATION)
    assert _kinds(gg, "data-group", "hwb") == ["reports-for-information-to"]
    assert ("data-group", "hwb") not in _accountable(gg)
    line = gg.accountability("Data Group")
    assert "hwb" not in {step.target.id for step in line.steps}
    # It answers, derived, to its partnership as a group with no line of accountability,
    # and the answer says why; the line it does not follow is kept apart.
    first = line.steps[0]
    assert (first.target.id, first.derived, first.line_kind) == ("north-scp", True, None)
    assert first.via == (
        "a group with no line of accountability (its lines are for information or advice "
        "only) answers to its partnership"
    )
    [informs] = line.not_followed
    assert (informs.kind, informs.target.id, informs.line_kind) == (
        "reports-for-information-to",
        "hwb",
        "for-information",
    )
    assert informs.cadence_text == "at least three times a year"
    assert informs.subject == "the annual performance report"
    text = str(line)
    assert "Lines that carry no accountability, not followed (1):" in text
    assert "reports for information to (at least three times a year)" in text


def test_an_advisory_line_is_drawn_as_advice_and_gives_no_accountability() -> None:
    gg = _load(INFORMATION)
    data = gg.graph.edges["advisory-panel", "executive", "advises"]
    assert (data["line_kind"], data["condition"], data["derived"]) == (
        "advises",
        "on request",
        False,
    )
    assert ("advisory-panel", "executive") not in _accountable(gg)
    assert ("advisory-panel", "north-scp") in _accountable(gg)


def test_a_line_for_information_is_not_a_reporting_line_to_the_structural_findings() -> None:
    report = _load(INFORMATION).structure()
    found = {(f.code, f.bodies[0].id) for f in report.findings}
    assert ("information-line-only", "data-group") in found
    assert ("information-line-only", "advisory-panel") in found
    [data] = [f for f in report.of("information-line-only") if f.bodies[0].id == "data-group"]
    assert "reports for information to Northshire Health and Wellbeing Board" in data.message
    assert data.severity == "info"
    assert not report.of("no-reporting-line")


def test_lines_for_information_both_ways_are_no_reporting_cycle() -> None:
    text = INFORMATION.replace(
        "        reports_to: [{to: executive, kind: advises, condition: on request}]",
        "        reports_to: [{to: data-group, kind: for-information}]",
    ).replace(
        "          - to: hwb\n",
        "          - to: advisory-panel\n",
    )
    report = _load(text).structure()
    assert not report.of("reporting-cycle")
    assert not report.of("accountability-cycle")


# --- a leadership group is the top ------------------------------------------------------

LEADERSHIP = (
    HEAD
    + """\
partnerships:
  - id: north-scp
    name: Northshire Safeguarding Children Partnership
"""
    + NORTH_LEADS
    + """\
    reports_to: [{to: leaders, text: The Partnership is accountable to the Leaders' Forum.}]
    groups:
      - id: leaders
        name: Leaders' Forum
        kind: leadership-group
        members: [{role: lead-safeguarding-partners}]
        chairs: [{post: north-ceo}]
      - id: board
        name: Partnership Board
        kind: partnership-board
        chairs: [{post: north-dcs}]
        members: [{post: north-dcs}]
"""
)


def test_a_leadership_group_is_the_top_of_accountability() -> None:
    gg = _load(LEADERSHIP)
    assert ("leaders", "north-scp") not in _accountable(gg)
    line = gg.accountability("Leaders' Forum")
    assert line.steps == () and line.top == ()
    assert not gg.structure().of("no-reporting-line")


def test_the_partnership_answers_to_its_leadership_group_only_along_the_stated_line() -> None:
    gg = _load(LEADERSHIP)
    assert _kinds(gg, "north-scp", "leaders") == ["reports-to", "accountable-to"]
    line = gg.accountability("board")
    targets = [step.target.id for step in line.steps]
    assert targets == ["north-scp", "north-ceo", "chief-constable", "leaders"]
    step = line.steps[-1]
    assert (step.line_kind, step.via) == (
        "accountable-to",
        "a partnership answers to the bodies it reports to",
    )
    assert {ref.id for ref in line.top} == {"north-ceo", "chief-constable", "leaders"}
    # Without the stated line, the partnership does not answer to the forum at all.
    stated = "    reports_to: [{to: leaders, text: The Partnership is accountable to the Leaders' Forum.}]\n"
    assert stated in LEADERSHIP
    silent = _load(LEADERSHIP.replace(stated, ""))
    assert _kinds(silent, "north-scp", "leaders") == []
    assert "leaders" not in {s.target.id for s in silent.accountability("board").steps}


# --- a region: no accountability through a collaboration -------------------------------

REGION = (
    HEAD
    + """\
partnerships:
  - id: north-scp
    name: Northshire Safeguarding Children Partnership
"""
    + NORTH_LEADS
    + """\
    groups:
      - id: north-learning
        name: Northshire Learning Group
        kind: subgroup
        reports_to: [{to: regional-learning}]
  - id: south-scp
    name: Southshire Safeguarding Children Partnership
    regimes: [working-together-2023]
    lead_partners:
      - {role: local-authority, organisation: south-council, post: south-ceo}
      - {role: chief-officer-of-police, organisation: police, post: chief-constable}
collaborations:
  - id: region
    name: The Shires
    members: [north-scp, south-scp]
    areas: [north-council, south-council]
    groups:
      - id: regional-executive
        name: Regional Executive
        kind: executive-group
      - id: regional-learning
        name: Regional Learning Group
        kind: subgroup
        parent: regional-executive
    lines:
      - {by: regional-learning, to: north-scp, kind: for-information, subject: learning from reviews}
      - {by: regional-learning, to: south-scp, kind: for-information, subject: learning from reviews}
"""
)


def test_a_subgroup_reporting_to_a_shared_group_is_not_accountable_to_another_partnership() -> None:
    gg = _load(REGION)
    line = gg.accountability("Northshire Learning Group")
    reached = {step.target.id for step in line.steps}
    assert reached == {"regional-learning", "regional-executive", "region"}
    assert not reached & {"south-scp", "south-ceo", "chief-constable", "north-scp", "north-ceo"}
    assert [ref.id for ref in line.top] == ["region"]
    # The collaboration answers to no one: the data states no line from it.
    assert not [v for u, v in _accountable(gg) if u == "region"]
    # The learning fed back to each partnership is information, kept apart.
    assert {(s.source.id, s.target.id) for s in line.not_followed} == {
        ("regional-learning", "north-scp"),
        ("regional-learning", "south-scp"),
    }


def test_a_collaboration_answers_to_a_body_only_along_a_stated_line() -> None:
    text = REGION + "      - {by: region, to: north-scp}\n"
    gg = _load(text)
    [(target, data)] = [
        (v, d)
        for _, v, d in gg.graph.out_edges("region", data=True)
        if d["kind"] == "accountable-to"
    ]
    assert target == "north-scp"
    assert data["via"] == "a collaboration answers to the bodies it reports to"
    assert "south-scp" not in {s.target.id for s in gg.accountability("regional-learning").steps}


# --- alternatives -----------------------------------------------------------------------

ALTERNATIVES = INFORMATION.replace(
    "      - id: executive\n        name: Executive Group\n        kind: executive-group\n",
    "      - id: executive\n        name: Executive Group\n        kind: executive-group\n"
    "        reports_to: [{to: hwb, alternatives: [csp], cadence: annually}]\n",
)


def test_a_line_to_two_bodies_and_or_makes_each_edge_one_of_alternatives() -> None:
    gg = _load(ALTERNATIVES)
    assert gg.graph.edges["executive", "hwb", "reports-to"]["alternatives"] == "csp"
    assert gg.graph.edges["executive", "csp", "reports-to"]["alternatives"] == "hwb"
    for target in ("hwb", "csp"):
        data = gg.graph.edges["executive", target, "accountable-to"]
        assert data["derived"] and data["line_kind"] == "accountable-to"
        assert data["via"] == (
            "a group answers to the bodies it reports to; one of alternatives: it reports to "
            "Northshire Health and Wellbeing Board and/or Northshire Community Safety "
            "Partnership, and the data does not say which"
        )
    line = gg.accountability("executive")
    first = [step for step in line.steps if step.source.id == "executive"]
    assert [(s.target.id, [r.id for r in s.alternatives]) for s in first] == [
        ("hwb", ["csp"]),
        ("csp", ["hwb"]),
    ]
    assert "and/or Northshire Community Safety Partnership" in str(first[0])
    json.dumps(line.to_dict())


# --- chairs as documents give them ------------------------------------------------------

CHAIRS = (
    HEAD
    + """\
people:
  - {id: jo, name: Jo Bloggs}
partnerships:
  - id: north-scp
    name: Northshire Safeguarding Children Partnership
"""
    + NORTH_LEADS
    + """\
    delegated_partners:
      - {post: north-dcs, acts_for: local-authority}
    chairs: [{one_of: lead-safeguarding-partners, rotates: true, rotation_period: annually}]
    groups:
      - id: police-chaired
        name: Exploitation Group
        kind: subgroup
        chairs: [{organisation: police, text: chaired by the police}]
        members: [{organisation: police}]
      - id: rotating
        name: Audit Group
        kind: subgroup
        chairs:
          - {rotates_among: [police, north-council], rotation_period: every two years, rotation_in_order: true}
      - id: person-chaired
        name: Voice Group
        kind: subgroup
        chairs: [{person: jo}, {role: vice-chair, text: a vice-chair elected by the members}]
      - id: delegated-chaired
        name: Practice Group
        kind: subgroup
        chairs: [{one_of: delegated-safeguarding-partners}]
"""
)


def test_a_chair_given_as_an_agency_is_that_agency_not_a_rotation() -> None:
    gg = _load(CHAIRS)
    data = gg.graph.edges["police", "police-chaired", "chairs"]
    assert (data["derived"], data["via"], data["capacity"]) == (False, None, "chair")
    [chair] = gg.chairs("Exploitation Group").bodies[0].chairs
    assert chair.description == "Shire Police"
    assert chair.organisation is not None and chair.organisation.id == "police"
    assert chair.rotates_among == () and "rotating" not in str(chair)
    # chairing, and a member too (an organisation named as a member in its own right)
    assert [seat.capacity for seat in gg.sits_on("police").on("police-chaired")] == [
        "chair",
        "member",
    ]
    # The agency chairs as the member it is; one that is not a member is found out.
    assert not gg.structure().of("chair-not-member")
    outside = _load(
        CHAIRS.replace("members: [{organisation: police}]", "members: [{post: north-dcs}]")
    )
    [finding] = outside.structure().of("chair-not-member")
    assert [ref.id for ref in finding.bodies] == ["police-chaired", "police"]
    assert finding.text == "chaired by the police"


def test_a_rotation_keeps_its_period_and_order() -> None:
    gg = _load(CHAIRS)
    police = gg.graph.edges["police", "rotating", "chairs"]
    council = gg.graph.edges["north-council", "rotating", "chairs"]
    assert (police["period"], police["order"]) == ("every two years", 1)
    assert council["order"] == 2
    [chair] = gg.chairs("rotating").bodies[0].chairs
    # the documents' words (meaning.chair_words): the period, and the order once
    assert chair.description == (
        "rotating every two years among Shire Police, Northshire Council, in that order"
    )
    assert chair.rotation_in_order and chair.rotation_period == "every two years"
    [seat] = gg.sits_on("police").on("rotating")
    assert seat.capacity == "chair (in rotation)"


def test_a_chair_that_is_one_of_a_role_is_expanded_and_marked_derived() -> None:
    gg = _load(CHAIRS)
    data = gg.graph.edges["north-dcs", "delegated-chaired", "chairs"]
    assert data["derived"]
    assert data["via"] == "one of the delegated safeguarding partners: the data does not say which"
    [chair] = gg.chairs("delegated-chaired").bodies[0].chairs
    assert chair.one_of == "delegated-safeguarding-partners"
    assert [ref.id for ref in chair.one_of_holders] == ["north-dcs"]
    assert chair.description == "one of the delegated safeguarding partners"
    # The lead partners in turn: each of them, derived, with the period.
    for post in ("north-ceo", "chief-constable"):
        data = gg.graph.edges[post, "north-scp", "chairs"]
        assert data["derived"] and data["period"] == "annually"
        assert data["via"] == "a chair that rotates among the lead safeguarding partners, in turn"
    [chair] = gg.chairs("north-scp").bodies[0].chairs
    assert chair.description == "the lead safeguarding partners in turn, annually"
    seats = gg.sits_on("chief-constable").places
    seat = next(s for place in seats for s in place.seats if s.kind == "chairs")
    assert seat.capacity == "chair (in rotation)" and seat.derived


def test_a_person_and_a_chair_named_only_in_words_are_chairs() -> None:
    gg = _load(CHAIRS)
    assert gg.graph.edges["jo", "person-chaired", "chairs"]["derived"] is False
    person, vice = gg.chairs("Voice Group").bodies[0].chairs
    assert person.holder is not None and person.holder.id == "jo"
    assert person.description == "Jo Bloggs"
    assert (vice.role, vice.description) == ("vice-chair", "not named")
    assert str(vice) == "vice-chair: not named"
    # A group whose chair the document describes in words has a chair.
    report = gg.structure()
    assert "person-chaired" not in {f.bodies[0].id for f in report.of("no-chair")}


# --- every new relation is an edge ----------------------------------------------------

EVERYTHING = (
    """\
schema: safeguarding-model/2
organisations:
  - {id: north-council, name: Northshire Council, kind: local-authority}
  - {id: south-council, name: Southshire Council, kind: local-authority}
  - {id: police, name: Shire Police, kind: police}
  - {id: hwb, name: Northshire Health and Wellbeing Board, kind: board}
  - {id: trust, name: Northshire Children's Trust, kind: childrens-trust, delivers_for: [north-council]}
  - {id: services, name: Shire Services Ltd, kind: company, owned_by: [north-council, south-council]}
  - {id: ccgs, name: the CCGs of the county, kind: clinical-commissioning-group, collective: true, count: 8}
people:
  - {id: jo, name: Jo Bloggs}
posts:
  - {id: north-ceo, title: Chief Executive, organisation: north-council}
  - {id: chief-constable, title: Chief Constable, organisation: police}
  - {id: cabinet-member, title: Cabinet Member for Children, organisation: north-council, elected: true, also_chairs: [hwb]}
  - {id: scrutineer, title: Independent Scrutineer, independent: true}
partnerships:
  - id: north-scp
    name: Northshire Safeguarding Children Partnership
"""
    + NORTH_LEADS
    + """\
    scrutineers: [{post: scrutineer}]
    scrutiny:
      - {kind: young-scrutineers, name: Young Scrutineers, by: [youth-forum]}
      - {kind: independent-scrutineer, by_role: independent-scrutineer}
      - {kind: elected-members, by: [cabinet-member]}
    events:
      - {name: Annual Conference, kind: event, every: annually, by: [business-unit]}
      - {name: Newsletter, kind: product, every_text: after every Board meeting, by: [business-unit]}
    approval:
      by: [north-ceo, chief-constable]
      date: 2024-09
      instrument: a signed agreement
    funding:
      rule: equal shares
      contributions:
        - {organisation: north-council, amount: 120000, period: 2024 to 2025}
        - {organisation: police, percent: 33.3}
        - {organisation: trust, in_kind: [accommodation, legal services]}
      agreed_by_role: lead-safeguarding-partners
      agreed_every: annually
    reports_to: [{to: hwb, kind: for-information}]
    lines:
      - {by: business-unit, to: executive, kind: for-information, cadence: quarterly, subject: performance data}
      - {by: cabinet-member, to: executive, kind: advises}
    groups:
      - id: executive
        name: Executive Group
        kind: executive-group
        covers: [north-council]
      - id: youth-forum
        name: Youth Forum
        kind: forum
        reports_to: [{to: executive}]
      - id: business-unit
        name: Business Unit
        kind: team
        reports_to: [{to: executive}]
      - id: exploitation-group
        name: Exploitation Delivery Subgroup
        kind: subgroup
        reports_to: [{to: executive}]
collaborations:
  - id: region
    name: The Shires
    members: [north-scp]
    areas: [north-council, south-council]
documents:
  - {id: strategy, title: Exploitation Strategy 2023-26, kind: strategy, owner: region, monitored_by: [north-scp], delivered_by: [exploitation-group], period: 2023 to 2026}
  - {id: plan, title: Northshire Delivery Plan, kind: delivery-plan, owner: exploitation-group, delivers: strategy}
"""
)

NEW_KINDS = {
    EdgeKind.REPORTS_FOR_INFORMATION_TO: [
        ("north-scp", "hwb"),
        ("business-unit", "executive"),
    ],
    EdgeKind.ADVISES: [("cabinet-member", "executive")],
    EdgeKind.FUNDS: [
        ("north-council", "north-scp"),
        ("police", "north-scp"),
        ("trust", "north-scp"),
    ],
    EdgeKind.AGREES_BUDGET: [("north-ceo", "north-scp"), ("chief-constable", "north-scp")],
    EdgeKind.APPROVED: [("north-ceo", "north-scp"), ("chief-constable", "north-scp")],
    EdgeKind.HOLDS_EVENT: [("business-unit", "north-scp")],
    EdgeKind.OWNED_BY: [
        ("services", "north-council"),
        ("services", "south-council"),
        ("strategy", "region"),
        ("plan", "exploitation-group"),
    ],
    EdgeKind.DELIVERS_SERVICES_FOR: [("trust", "north-council")],
    EdgeKind.MONITORS: [("north-scp", "strategy")],
    EdgeKind.DELIVERS: [("exploitation-group", "strategy"), ("plan", "strategy")],
    EdgeKind.SCRUTINISES: [
        ("youth-forum", "north-scp"),
        ("scrutineer", "north-scp"),
        ("cabinet-member", "north-scp"),
    ],
    EdgeKind.AREA_OF: [
        ("north-council", "executive"),
        ("north-council", "region"),
        ("south-council", "region"),
    ],
    EdgeKind.CHAIRS: [("cabinet-member", "hwb")],
}


@pytest.fixture(scope="module")
def everything() -> GovernanceGraph:
    return _load(EVERYTHING)


@pytest.mark.parametrize("kind", list(NEW_KINDS), ids=str)
def test_each_new_relation_is_an_edge_of_its_kind(
    everything: GovernanceGraph, kind: EdgeKind
) -> None:
    found = [(u, v) for u, v, k in everything.graph.edges(data="kind") if k == kind.value]
    for pair in NEW_KINDS[kind]:
        assert pair in found, (kind, pair)


def test_funding_contributions_keep_their_amount_share_and_services(
    everything: GovernanceGraph,
) -> None:
    edges = everything.graph
    council = edges.edges["north-council", "north-scp", "funds"]
    assert (council["amount"], council["period"], council["percent"]) == (
        120000,
        "2024 to 2025",
        None,
    )
    assert edges.edges["police", "north-scp", "funds"]["percent"] == 33.3
    assert edges.edges["trust", "north-scp", "funds"]["in_kind"] == "accommodation; legal services"
    budget = edges.edges["north-ceo", "north-scp", "agrees-budget-of"]
    assert budget["derived"] and budget["via"] == "named as the lead safeguarding partners"
    assert (budget["cadence_text"], budget["text"]) == ("annually", "equal shares")


def test_approval_scrutiny_and_events_say_what_and_when(everything: GovernanceGraph) -> None:
    edges = everything.graph
    approved = edges.edges["north-ceo", "north-scp", "approved-arrangements-of"]
    assert (approved["period"], approved["subject"], approved["derived"]) == (
        "2024-09",
        "a signed agreement",
        False,
    )
    young = edges.edges["youth-forum", "north-scp", "scrutinises"]
    assert (young["capacity"], young["subject"]) == ("young-scrutineers", "Young Scrutineers")
    by_role = [d for d in edges.get_edge_data("scrutineer", "north-scp").values() if d["derived"]]
    assert [d["via"] for d in by_role] == ["named as the independent scrutineer"]
    events = [
        d
        for d in edges.get_edge_data("business-unit", "north-scp").values()
        if d["kind"] == "holds-event-for"
    ]
    assert [(d["subject"], d["capacity"], d["cadence"], d["cadence_text"]) for d in events] == [
        ("Annual Conference", "event", "annually", None),
        ("Newsletter", "product", None, "after every Board meeting"),
    ]
    places = everything.sits_on("cabinet-member").places
    seats = {place.body.id: seat.capacity for place in places for seat in place.seats}
    assert seats == {"hwb": "chair", "north-scp": "scrutiny (elected members)"}


def test_lines_from_any_body_keep_their_subject_and_cadence(everything: GovernanceGraph) -> None:
    data = everything.graph.edges["business-unit", "executive", "reports-for-information-to"]
    assert (data["cadence"], data["subject"], data["line_kind"]) == (
        "quarterly",
        "performance data",
        "for-information",
    )
    # The partnership informs the board: no accountability to it.
    assert ("north-scp", "hwb") not in _accountable(everything)


def test_documents_are_nodes_with_their_kind_and_period(everything: GovernanceGraph) -> None:
    node = everything.graph.nodes["strategy"]
    assert (node["kind"], node["document_kind"], node["period"]) == (
        "document",
        "strategy",
        "2023 to 2026",
    )
    collective = everything.graph.nodes["ccgs"]
    assert (collective["collective"], collective["count"]) == (True, 8)
    assert everything.graph.nodes["cabinet-member"]["elected"] is True


def test_a_partial_membership_is_shown_as_partial() -> None:
    text = INFORMATION.replace(
        "      - id: data-group\n",
        "      - id: data-group\n"
        "        members: [{organisation: police}]\n"
        "        partial: [{field: members, further: 3, text: and three others}]\n",
    )
    members = _load(text).members("data-group")
    assert (members.partial, members.further, members.partial_text) == (True, 3, "and three others")
    assert "a partial list: the source gives them only in part; 3 more not named" in str(members)
    assert not _load(INFORMATION).members("executive").partial


def test_every_dataset_here_loads_and_answers_without_problems() -> None:
    for text in (INFORMATION, LEADERSHIP, REGION, ALTERNATIVES, CHAIRS, EVERYTHING):
        gg = _load(text)
        assert gg.problems == ()
        for node in gg.graph:
            json.dumps(gg.accountability(node).to_dict())
        assert not gg.structure().failed()


def test_graphml_carries_the_new_attributes_to_networkx(tmp_path: Path) -> None:
    """networkx reads the GraphML back with each new attribute, of its own type."""
    found: dict[str, dict[str, object]] = {}
    for number, text in enumerate((EVERYTHING, ALTERNATIVES, CHAIRS)):
        dataset = loads(text)
        path = tmp_path / f"{number}.graphml"
        path.write_text(str(export(dataset, "graphml")), encoding="utf-8")
        graph = nx.read_graphml(path, force_multigraph=True)
        assert graph.number_of_edges() == build_graph(dataset).graph.number_of_edges()
        for _, _, key, data in graph.edges(keys=True, data=True):
            found[key] = data  # the GraphML id: source.key.target
    assert found["north-council.funds.north-scp"]["amount"] == 120000
    assert found["police.funds.north-scp"]["percent"] == 33.3
    assert found["trust.funds.north-scp"]["in_kind"] == "accommodation; legal services"
    assert found["executive.reports-to.hwb"]["alternatives"] == "csp"
    assert found["executive.accountable-to.csp"]["line_kind"] == "accountable-to"
    assert found["north-council.chairs.rotating"]["order"] == 2
    assert found["police.chairs.rotating"]["period"] == "every two years"
    informs = found["business-unit.reports-for-information-to.executive"]
    assert (informs["subject"], informs["derived"]) == ("performance data", False)
    assert "alternatives" not in found["police.chairs.police-chaired"]  # None is left out


def test_a_group_whose_only_chair_is_described_in_words_has_a_chair() -> None:
    text = CHAIRS.replace(
        "        chairs: [{person: jo}, {role: vice-chair, text: a vice-chair elected by the members}]",
        "        chairs: [{text: a chair elected by the members}]",
    )
    assert text != CHAIRS
    gg = _load(text)
    [chair] = gg.chairs("Voice Group").bodies[0].chairs
    assert (chair.description, chair.text) == ("not named", "a chair elected by the members")
    report = gg.structure()
    assert "person-chaired" not in {f.bodies[0].id for f in report.of("no-chair")}
    unchaired = _load(
        text.replace("        chairs: [{text: a chair elected by the members}]\n", "")
    )
    assert "person-chaired" in {f.bodies[0].id for f in unchaired.structure().of("no-chair")}


def test_an_escalation_may_travel_along_a_line_for_information_and_says_so() -> None:
    gg = _load(INFORMATION)
    route = gg.escalation("Data Group", "hwb")
    assert route.found
    assert [(s.kind, s.derived) for s in route.steps] == [("reports-for-information-to", False)]
    assert "reports for information to (at least three times a year)" in str(route)


# --- a line whose meaning the document does not state ----------------------------------

UNSTATED = INFORMATION.replace(
    "        reports_to: [{to: executive, kind: advises, condition: on request}]\n",
    "        reports_to: [{to: executive, kind: advises, condition: on request}]\n"
    "      - id: audit-group\n"
    "        name: Audit Group\n"
    "        kind: subgroup\n"
    "        reports_to: [{to: executive, kind: reports-to, via: [data-group]}]\n",
)


def test_a_line_whose_meaning_is_not_stated_is_no_accountability() -> None:
    """'Reports to', with no word of whether it answers to the body: an edge of its own
    kind, never accountable-to; the group answers, derived, to its partnership, and the
    answer keeps the line apart, as it keeps a line for information."""
    assert UNSTATED != INFORMATION
    gg = _load(UNSTATED)
    assert _kinds(gg, "audit-group", "executive") == ["reports-to-meaning-not-stated"]
    data = gg.graph.edges["audit-group", "executive", "reports-to-meaning-not-stated"]
    assert (data["line_kind"], data["derived"]) == ("reports-to", False)
    assert data["through"] == "data-group"  # "via the Data Group"
    assert ("audit-group", "executive") not in _accountable(gg)
    line = gg.accountability("Audit Group")
    assert [step.target.id for step in line.steps] == ["north-scp", "north-ceo", "chief-constable"]
    assert line.steps[0].via == (
        "a group with no line of accountability (its lines are for information, of advice or "
        "of a meaning the source does not state) answers to its partnership"
    )
    [apart] = line.not_followed
    assert (apart.kind, apart.target.id) == ("reports-to-meaning-not-stated", "executive")
    assert [ref.id for ref in apart.through] == ["data-group"]
    assert "reports to (its meaning not stated) (via Data Group)" in str(line)
    # The structure says the group has no line of accountability, as an info.
    [finding] = gg.structure().of("information-line-only")[-1:]
    assert finding.bodies[0].id == "audit-group"
    assert "reports to (its meaning not stated) Executive Group" in finding.message
    # A concern may still travel along it, and the step says what it is.
    route = gg.escalation("Audit Group", "Executive Group")
    assert [(s.kind, s.derived) for s in route.steps] == [("reports-to-meaning-not-stated", False)]


def test_a_top_body_is_judged_by_its_lines_of_accountability_only() -> None:
    """A partnership board whose only line is for information (to the Health and
    Wellbeing Board) still heads the structure: the partnership acts through it."""
    text = INFORMATION.replace(
        "        kind: executive-group\n",
        "        kind: executive-group\n"
        "        reports_to: [{to: hwb, kind: for-information, cadence: annually}]\n",
    )
    assert text != INFORMATION
    gg = _load(text)
    assert [ref.id for ref in gg.top_bodies("north-scp")] == ["executive"]
    route = gg.escalation("north-scp", "executive")
    assert [(s.kind, s.derived) for s in route.steps] == [("acts-through", True)]
    accountable = _load(
        text.replace("kind: for-information, cadence: annually", "cadence: annually")
    )
    assert accountable.top_bodies("north-scp") == ()


# --- chairs resolved once, for the graph, the members and the answers ------------------

NAMED_CHAIRS = (
    CHAIRS.replace(
        "  - {id: north-dcs, title: Director of Children's Services, organisation: north-council}\n",
        "  - {id: north-dcs, title: Director of Children's Services, organisation: north-council}\n"
        "  - {id: councillor, title: Lead Member, organisation: north-council, elected: true,\n"
        "     also_chairs: [hwb]}\n"
        "  - {id: scrutineer, title: Independent Chair and Scrutineer, independent: true}\n",
    )
    .replace(
        "    chairs: [{one_of: lead-safeguarding-partners, rotates: true, rotation_period: annually}]\n",
        "    chairs: [{one_of: lead-safeguarding-partners, rotates: true, rotation_period: annually}]\n"
        "    scrutineers: [{post: scrutineer}]\n",
    )
    .replace(
        "        chairs: [{one_of: delegated-safeguarding-partners}]\n",
        "        chairs: [{one_of: delegated-safeguarding-partners}]\n"
        "      - id: executive\n"
        "        name: Executive Group\n"
        "        kind: executive-group\n"
        "        chairs: [{post: scrutineer}, {role: vice-chair, post: councillor}]\n"
        "        members:\n"
        "          - {post: scrutineer}\n"
        "          - {post: councillor}\n"
        "          - {chair_of: [person-chaired, police-chaired, delegated-chaired]}\n"
        "          - {role: partnership-chair}\n"
        "          - {role: relevant-agencies, some: true, text: a number of relevant agencies}\n",
    )
)


@pytest.fixture(scope="module")
def named_chairs() -> GovernanceGraph:
    assert NAMED_CHAIRS.count("executive-group") == 1
    return _load(NAMED_CHAIRS)


def test_the_chair_of_a_group_chaired_by_a_person_or_an_agency_is_named(
    named_chairs: GovernanceGraph,
) -> None:
    """'The chair of' a group names whoever chairs it: a person, an agency only, each
    holder of the role the chair is one of (derived, saying the data does not say
    which); the model works it out once (``ModelIndex``), so the graph, the members and
    the exporters agree."""
    gg = named_chairs
    found = [
        (e.member.id if e.member else None, e.named_as, e.note)
        for e in gg.members("executive").entries
    ]
    assert ("jo", "chair-of", None) in found
    assert ("police", "chair-of", None) in found
    assert (
        "north-dcs",
        "chair-of",
        "one of the delegated safeguarding partners: the data does not say which",
    ) in found
    assert not [entry for entry in found if entry[1] == "chair-of" and entry[0] is None]
    for node in ("jo", "police", "north-dcs"):
        data = gg.graph.edges[node, "executive", "member-of"]
        assert data["derived"] and data["via"].startswith("named as the chair of the")
    index = gg.index
    assert [(c.node, c.field, c.derived) for c in index.chair_nodes["person-chaired"]] == [
        ("jo", "person", False),
        (None, None, False),  # the vice-chair the document does not name
    ]
    assert [(c.node, c.field) for c in index.chair_nodes["police-chaired"]] == [
        ("police", "organisation")
    ]


def test_the_partnership_chair_one_of_a_role_is_each_holder_in_turn(
    named_chairs: GovernanceGraph,
) -> None:
    """A partnership chaired by the lead partners in turn: the role of partnership chair
    is held by each of them (the model's ``Roles``), so "the partnership chair" as a
    member is each, derived."""
    index = named_chairs.index
    assert [node for node, _ in index.roles["north-scp"].chairs] == ["north-ceo", "chief-constable"]
    members = [
        (e.member.id if e.member else None, e.named_as, e.detail)
        for e in named_chairs.members("executive").entries
    ]
    assert ("north-ceo", "role", "partnership chair") in members
    assert ("chief-constable", "role", "partnership chair") in members


def test_some_of_a_role_is_never_each_of_its_holders(named_chairs: GovernanceGraph) -> None:
    members = named_chairs.members("executive")
    [some] = [e for e in members.entries if e.detail == "relevant agencies"]
    assert some.member is None
    assert some.note == "some of the relevant agencies: the data does not say which"
    assert some.text == "a number of relevant agencies"
    kinds = [
        data["via"]
        for _, _, data in named_chairs.graph.in_edges("executive", data=True)
        if data["kind"] == "member-of"
    ]
    assert "named as the relevant agencies" not in kinds
    [finding] = [
        f for f in named_chairs.structure().of("unresolved-member") if f.bodies[0].id == "executive"
    ]
    assert "some of the relevant agencies" in finding.message


def test_the_answers_say_what_the_documents_say_of_a_chair(
    named_chairs: GovernanceGraph,
) -> None:
    """The graph's chairs answer words each chair as the documents do
    (``chair_words``, with ``chair_notes``): an elected member, a post that chairs
    another board, a chair who is also the independent scrutineer."""
    chair, vice = named_chairs.chairs("executive").bodies[0].chairs
    assert chair.description == (
        "Independent Chair and Scrutineer (holder not stated) (also the independent scrutineer)"
    )
    assert vice.description == (
        "Lead Member, Northshire Council (holder not stated) (an elected member; also chairs "
        "the Northshire Health and Wellbeing Board)"
    )
    assert str(vice).startswith("vice-chair: Lead Member")


# --- a partnership says which collaborations it takes part in ---------------------------


def test_a_partnership_that_says_it_takes_part_in_a_collaboration_is_a_member() -> None:
    """``Partnership.collaborations``: the same edge as a collaboration's ``members``,
    and the collaboration's members (``Dataset.members_of``) in the answers, so that
    "the partnership chair" of its group is each member's chair."""
    text = REGION.replace("    members: [north-scp, south-scp]\n", "    members: [north-scp]\n")
    text = text.replace(
        "    name: Southshire Safeguarding Children Partnership\n",
        "    name: Southshire Safeguarding Children Partnership\n    collaborations: [region]\n",
    )
    assert text.count("collaborations: [region]") == 1 and "[north-scp, south-scp]" not in text
    gg = _load(text)
    members = [u for u, _, k in gg.graph.in_edges("region", keys=True) if k == "collaborates-in"]
    assert members == ["north-scp", "south-scp"]
    assert gg.graph.edges["south-scp", "region", "collaborates-in"]["derived"] is False
    assert gg.members("region").ids == ("north-scp", "south-scp")
    # and still no accountability through it
    reached = {step.target.id for step in gg.accountability("Northshire Learning Group").steps}
    assert reached == {"regional-learning", "regional-executive", "region"}


def test_the_partnerships_own_members_are_edges_and_members() -> None:
    """A partnership's own ``members`` (given apart from its groups'): member-of edges
    into the partnership, expanded as a group's are, and among its members."""
    text = NAMED_CHAIRS.replace(
        "    scrutineers: [{post: scrutineer}]\n",
        "    scrutineers: [{post: scrutineer}]\n"
        "    members:\n"
        "      - {organisation: hwb, text: the chair of the Health and Wellbeing Board}\n"
        "      - {chair_of: [person-chaired]}\n",
    )
    assert text != NAMED_CHAIRS
    gg = _load(text)
    assert _kinds(gg, "hwb", "north-scp") == ["member-of"]
    assert gg.graph.edges["jo", "north-scp", "member-of"]["derived"] is True
    assert "chair-member-of" in _kinds(gg, "person-chaired", "north-scp")
    entries = [
        (e.member.id if e.member else None, e.named_as) for e in gg.members("north-scp").entries
    ]
    assert entries[-2:] == [("hwb", "organisation"), ("jo", "chair-of")]
    assert ("north-ceo", "role") in entries  # the lead partners first, as before


# --- what else the model names: every reference an edge ---------------------------------

OTHER_FACTS = (
    HEAD.replace(
        "  - {id: csp, name: Northshire Community Safety Partnership, kind: board}\n",
        "  - {id: csp, name: Northshire Community Safety Partnership, kind: board}\n"
        "  - {id: children-services, name: Children's Services, kind: other,"
        " parent: north-council}\n"
        "  - {id: schools, name: Northshire schools, kind: other, collective: true}\n",
    )
    + """\
  - {id: chair, title: Independent Chair, independent: true}
partnerships:
  - id: north-scp
    name: Northshire Safeguarding Children Partnership
    regimes: [working-together-2023]
    lead_partners:
      - {role: local-authority, organisation: north-council, through: children-services}
    chairs: [{post: chair}]
    duties:
      - {post: chair, items: [Chair the Executive Group, Sign off the yearly report]}
    events:
      - {name: Newsletter, kind: product, every: quarterly, to: [schools]}
"""
)


def test_a_part_acted_through_a_posts_duties_and_an_events_recipients_are_edges() -> None:
    assert "children-services" in OTHER_FACTS.split("posts:")[0]
    gg = _load(OTHER_FACTS)
    through = gg.graph.edges["children-services", "north-scp", "lead-partner-through"]
    assert through["capacity"] == "local-authority" and through["derived"] is False
    # the part is not itself a lead partner: its council is
    assert "lead-partner-of" not in _kinds(gg, "children-services", "north-scp")
    assert _kinds(gg, "north-council", "north-scp")[0] == "lead-partner-of"
    duties = gg.graph.edges["chair", "north-scp", "has-duties-in"]
    assert duties["text"] == "Chair the Executive Group\nSign off the yearly report"
    receives = gg.graph.edges["schools", "north-scp", "receives-event-of"]
    assert (receives["subject"], receives["cadence"]) == ("Newsletter", "quarterly")
