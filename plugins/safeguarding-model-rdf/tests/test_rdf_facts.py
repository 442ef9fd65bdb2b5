"""The facts issue 10 added, in the RDF the plugin writes, read back by rdflib from
Turtle and from JSON-LD and asked with SPARQL: lines by what they mean (only
accountability is ``org:reportsTo``; "and/or" is never stated as a line to each
body), chairs of every kind, scrutiny, funding with typed amounts, governed
documents, duties, events, approval, partial lists and fields not stated."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from rdflib import RDF, XSD, BNode, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, ORG
from safeguarding_model_rdf.org import ID, NODE, SMV

from safeguarding_model.exporters import export
from safeguarding_model.io import loads
from safeguarding_model.model import Dataset

pytestmark = [
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning"),
]

TODAY = datetime.date(2026, 1, 1)

FACTS = """\
schema: safeguarding-model/2
organisations:
  - {id: council, name: Eastshire Council, kind: local-authority}
  - {id: families, name: Families and Learning, kind: local-authority-service, parent: council}
  - {id: borough, name: Westby Borough Council, kind: local-authority}
  - {id: trust, name: Eastshire Children's Trust, kind: childrens-trust, delivers_for: [council]}
  - {id: company, name: Shared Services Ltd, kind: company, owned_by: [council, borough]}
  - {id: ccgs, name: The five CCGs, kind: clinical-commissioning-group, collective: true, count: 5}
  - {id: police, name: Eastshire Police, kind: police}
  - {id: icb, name: NHS Eastshire, kind: integrated-care-board}
  - {id: hwb, name: Health and Wellbeing Board, kind: board}
  - {id: csp, name: Community Safety Partnership, kind: board}
people:
  - {id: kim, name: Kim Vale}
  - {id: ray, name: Ray Holt}
posts:
  - {id: cllr, title: Lead Member, organisation: council, holder: ray, elected: true, also_chairs: [hwb]}
  - {id: chair, title: Independent Chair, independent: true, holder: kim}
  - {id: manager, title: Business Manager, organisation: council}
partnerships:
  - id: eastshire
    name: Eastshire Safeguarding Children Partnership
    regimes: [working-together-2023]
    lead_partners:
      - {role: local-authority, organisation: council, through: families}
      - {role: integrated-care-board, organisation: icb}
      - {role: chief-officer-of-police, organisation: police}
    chairs: [{post: chair}]
    scrutiny:
      - {kind: independent-chair, by: [chair]}
      - kind: framework
        name: Scrutiny programme
        inputs: [Audits, {text: Data, points: [Quarterly data]}]
    vision: Children are safe
    purpose: To lead safeguarding
    values: [Respect]
    principles: [Welfare first]
    aims: [Work together]
    relevant_agencies: [{organisation: trust}, {organisation: ccgs}]
    groups:
      - id: forum
        name: Lead Partners' Forum
        kind: leadership-group
        chairs: [{one_of: lead-safeguarding-partners, rotates: true, rotation_period: annually}]
      - id: board
        name: Partnership Board
        kind: partnership-board
        meets_text: At least three times a year
        chairs:
          - {person: kim, role: co-chair, known_on: "2024-09"}
          - {organisation: police, role: co-chair}
        members:
          - {role: relevant-agencies, some: true, text: A number of relevant agencies}
        reports_to:
          - {to: forum}
          - {to: hwb, alternatives: [csp], kind: for-information, condition: By exception}
        escalates_to: [{to: forum}]
        partial: [{field: members, further: 2, text: and two others}]
      - id: audit
        name: Audit Group
        kind: subgroup
        parent: board
        covers: [council, borough]
        scope: all-age
        ends_when: When the audit is done
        chairs:
          - {rotates_among: [council, police, icb], rotation_period: Every year, rotation_in_order: true}
        reports_to:
          - {to: board, kind: advises, cadence_text: Bi-monthly, subject: Findings}
          - {to: forum, planned: true}
      - id: old-group
        name: Old Group
        kind: task-and-finish-group
        start: "2019"
        end: "2020"
        reports_to: [{to: board}]
    lines:
      - {by: manager, to: audit, kind: for-information, cadence: quarterly, subject: Data}
      - {by: cllr, to: forum, kind: reports-to, via: [board, audit]}
    members: [{post: cllr}]
    meets_text: Twice a year
    duties:
      - {of: relevant-agencies, items: [Co-operate, Share information]}
      - {post: chair, text: Chairs the Board}
    events:
      - name: Newsletter
        kind: product
        every_text: After every Board meeting
        by: [manager]
        to: [board]
    approval: {by: [council, icb, police], date: "2024-09-30", instrument: Signed agreement}
    funding:
      rule: Equal shares
      agreed_by_role: lead-safeguarding-partners
      agreed_every: Annually
      contributions:
        - {organisation: council, amount: 95000, period: "2024-04 to 2025-03"}
        - {organisation: police, percent: 12.5}
        - {organisation: company, in_kind: [Accommodation]}
    partial: [{field: relevant_agencies, text: including}]
    not_stated: [contact]
    not_stated_for: [{field: vision, start: "2021", end: "2022"}]
collaborations:
  - id: region
    name: Region
    members: [eastshire]
    areas: [council, borough]
    purpose: Sharing learning
    principles: [Children first]
    groups: [{id: regional-exec, name: Regional Executive, kind: executive-group}]
    lines: [{by: regional-exec, to: eastshire, kind: for-information, subject: Learning}]
    partial: [{field: members, further: 3}]
documents:
  - id: strategy
    title: Exploitation Strategy 2023-26
    kind: strategy
    owner: region
    monitored_by: [eastshire]
    delivered_by: [audit]
    period: 2023 to 2026
    reviewed: "2024-03"
    next_review: by 2026-03
    items: [Prevent, Protect]
  - {id: plan, title: Local Delivery Plan, kind: delivery-plan, owner: audit, delivers: strategy, planned: true}
"""


@pytest.fixture(scope="module")
def facts() -> Dataset:
    return loads(FACTS)


def parse(text: str, format: str) -> Graph:
    graph = Graph()
    graph.parse(data=text, format=format)
    return graph


@pytest.fixture(scope="module", params=["turtle", "json-ld"])
def graph(request: pytest.FixtureRequest, facts: Dataset) -> Graph:
    name = "turtle" if request.param == "turtle" else "jsonld"
    return parse(str(export(facts, name, today=TODAY)), request.param)


def ask(graph: Graph, query: str) -> list[tuple[str, ...]]:
    prefixes = (
        "PREFIX org: <http://www.w3.org/ns/org#>\n"
        "PREFIX smv: <urn:safeguarding-model:vocab#>\n"
        "PREFIX sm: <urn:safeguarding-model:id:>\n"
        "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
        "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
    )
    rows = graph.query(prefixes + query)
    return sorted(tuple(str(value) for value in row) for row in rows)  # type: ignore[union-attr]


def test_both_formats_hold_the_same_graph_without_blank_nodes(facts: Dataset) -> None:
    turtle = parse(str(export(facts, "turtle", today=TODAY)), "turtle")
    jsonld = parse(str(export(facts, "jsonld", today=TODAY)), "json-ld")
    assert isomorphic(turtle, jsonld)
    for triple in turtle:
        assert not any(isinstance(term, BNode) for term in triple), triple
    for literal in turtle.objects():
        if isinstance(literal, Literal) and literal.datatype is not None:
            assert not literal.ill_typed, literal


def test_only_accountability_is_reports_to(graph: Graph) -> None:
    assert ask(graph, "SELECT ?a ?b WHERE { ?a org:reportsTo ?b }") == [
        (str(ID.board), str(ID.forum)),
    ]
    assert (ID.audit, SMV.advises, ID.board) in graph
    assert (ID.manager, SMV.reportsForInformationTo, ID.audit) in graph
    assert (ID["regional-exec"], SMV.reportsForInformationTo, ID.eastshire) in graph
    assert (ID.board, SMV.escalatesTo, ID.forum) in graph
    # "to the board and/or the partnership": a line to neither on its own
    for body in (ID.hwb, ID.csp):
        assert not list(graph.predicates(ID.board, body))
    assert (ID.audit, ORG.reportsTo, ID.forum) not in graph  # planned
    assert (ID["old-group"], ORG.reportsTo, ID.board) not in graph  # ended


def test_every_line_is_a_resource_with_what_it_says(graph: Graph) -> None:
    rows = ask(
        graph,
        """SELECT ?from ?kind ?to ?alternative ?condition WHERE {
            ?line a smv:Line ; smv:source ?from ; smv:lineKind ?kind ; smv:target ?to ;
                smv:alternative ?alternative ; smv:condition ?condition }""",
    )
    assert rows == [
        (str(ID.board), str(SMV.ForInformation), str(ID.hwb), str(ID.csp), "By exception")
    ]
    advice = NODE["audit.reports-to.1"]
    assert (advice, SMV.lineKind, SMV.Advises) in graph
    assert (advice, SMV.cadenceText, Literal("Bi-monthly")) in graph
    assert (advice, SMV.subject, Literal("Findings")) in graph
    assert (NODE["audit.reports-to.2"], SMV.planned, Literal(True)) in graph
    kinds = ask(graph, "SELECT DISTINCT ?kind WHERE { ?line smv:lineKind ?kind }")
    assert kinds == sorted(
        (str(SMV[k]),)
        for k in ("AccountableTo", "ForInformation", "Advises", "EscalatesTo", "ReportsTo")
    )
    given = NODE["eastshire.line.1"]
    assert (given, SMV.source, ID.manager) in graph
    assert (given, SMV.cadence, SMV.Quarterly) in graph


def test_chairs_of_every_kind(graph: Graph) -> None:
    members = ask(
        graph,
        "SELECT ?role ?member WHERE { ?m org:organization sm:board ; org:role ?role ;"
        " org:member ?member }",
    )
    assert members == [
        (str(SMV.CoChair), str(ID.kim)),
        (str(SMV.CoChair), str(ID.police)),
    ]
    forum = NODE["forum.chair.1"]
    assert (forum, SMV.oneOf, SMV.LeadSafeguardingPartners) in graph
    assert not list(graph.objects(forum, ORG.member))  # only one of them chairs
    assert (forum, SMV.rotating, Literal(True)) in graph
    assert (forum, SMV.rotationPeriod, Literal("annually")) in graph
    turns = ask(
        graph,
        "SELECT ?position ?by WHERE { ?m org:organization sm:audit ; smv:turn ?t ."
        " ?t smv:position ?position ; smv:by ?by }",
    )
    assert turns == [("1", str(ID.council)), ("2", str(ID.police)), ("3", str(ID.icb))]
    assert (ID.cllr, SMV.elected, Literal(True)) in graph
    assert (ID.cllr, SMV.alsoChairs, ID.hwb) in graph
    outside = NODE["cllr.also-chairs.1"]
    assert (outside, ORG.organization, ID.hwb) in graph
    assert (outside, ORG.member, ID.ray) in graph


def test_scrutiny_with_who_performs_it_and_its_inputs_in_order(graph: Graph) -> None:
    mechanisms = ask(
        graph,
        "SELECT ?kind WHERE { sm:eastshire smv:scrutiny ?s . ?s smv:scrutinyKind ?kind }",
    )
    assert mechanisms == [(str(SMV.Framework),), (str(SMV.IndependentChair),)]
    assert (NODE["eastshire.scrutiny.1"], SMV.by, ID.chair) in graph
    inputs = ask(
        graph,
        "SELECT ?position ?text WHERE { ?s smv:scrutinyKind smv:Framework ; smv:input ?i ."
        " ?i smv:position ?position ; rdf:value ?text }",
    )
    assert inputs == [("1", "Audits"), ("2", "Data")]
    point = NODE["eastshire.scrutiny.2.input.2.1"]
    assert (NODE["eastshire.scrutiny.2.input.2"], SMV.point, point) in graph
    assert (point, RDF.value, Literal("Quarterly data")) in graph


def test_funding_contributions_have_typed_amounts(graph: Graph) -> None:
    funding = NODE["eastshire.funding"]
    assert (ID.eastshire, SMV.funding, funding) in graph
    assert (funding, SMV.rule, Literal("Equal shares")) in graph
    assert (funding, SMV.agreedByRole, SMV.LeadSafeguardingPartners) in graph
    amounts = {
        str(graph.value(c, SMV.organisation)): graph.value(c, SMV.amount)
        for c in graph.objects(funding, SMV.contribution)
    }
    council = amounts[str(ID.council)]
    assert isinstance(council, Literal) and council.datatype == XSD.integer
    assert council.toPython() == 95000
    share = graph.value(NODE["eastshire.funding.contribution.2"], SMV.percent)
    assert isinstance(share, Literal) and share.datatype == XSD.decimal
    assert share.toPython() == Decimal("12.5")
    period = NODE["eastshire.funding.contribution.1"]
    assert (period, SMV.periodText, Literal("2024-04 to 2025-03")) in graph
    in_kind = NODE["eastshire.funding.contribution.3"]
    assert (in_kind, SMV.inKind, Literal("Accommodation")) in graph
    assert amounts[str(ID.company)] is None  # in kind: no amount is made up


def test_governed_documents(graph: Graph) -> None:
    strategy = ID.strategy
    assert (strategy, RDF.type, SMV.GovernedDocument) in graph
    assert (strategy, SMV.documentKind, SMV.Strategy) in graph
    assert (strategy, SMV.owner, ID.region) in graph
    assert (strategy, SMV.monitoredBy, ID.eastshire) in graph
    assert (strategy, SMV.deliveredBy, ID.audit) in graph
    assert (strategy, SMV.periodText, Literal("2023 to 2026")) in graph
    assert (strategy, DCTERMS.title, Literal("Exploitation Strategy 2023-26")) in graph
    plan = ID.plan
    assert (plan, SMV.delivers, strategy) in graph
    assert (plan, SMV.planned, Literal(True)) in graph


def test_duties_events_approval_and_statements(graph: Graph) -> None:
    duty = NODE["eastshire.duty.1"]
    assert (duty, SMV.of, SMV.RelevantAgencies) in graph
    assert (NODE["eastshire.duty.1.item.2"], RDF.value, Literal("Share information")) in graph
    event = NODE["eastshire.event.1"]
    assert (event, SMV.eventKind, SMV.Product) in graph
    assert (event, SMV.everyText, Literal("After every Board meeting")) in graph
    approval = NODE["eastshire.approval"]
    assert (approval, SMV.date, Literal("2024-09-30", datatype=XSD.date)) in graph
    assert (approval, SMV.instrument, Literal("Signed agreement")) in graph
    assert len(list(graph.objects(approval, SMV.by))) == 3
    assert (ID.eastshire, SMV.vision, Literal("Children are safe")) in graph
    assert (ID.eastshire, SMV.purpose, Literal("To lead safeguarding")) in graph
    assert (NODE["eastshire.principle.1"], RDF.value, Literal("Welfare first")) in graph
    principles = set(graph.objects(ID.eastshire, SMV.principle))
    assert principles.isdisjoint(set(graph.objects(ID.eastshire, SMV.aim)))


def test_organisations_groups_and_the_leadership_tier(graph: Graph) -> None:
    assert (ID.company, SMV.ownedBy, ID.borough) in graph
    assert (ID.company, ORG.unitOf, None) not in graph  # owned is not part of
    assert (ID.trust, SMV.deliversFor, ID.council) in graph
    assert (ID.ccgs, SMV.collective, Literal(True)) in graph
    count = graph.value(ID.ccgs, SMV["count"])
    assert isinstance(count, Literal) and count.datatype == XSD.integer and count.toPython() == 5
    assert (ID.forum, SMV.leads, ID.eastshire) in graph
    assert (ID.forum, ORG.unitOf, ID.eastshire) not in graph
    assert (ID.forum, RDF.type, ORG.OrganizationalUnit) not in graph
    assert (ID.board, ORG.unitOf, ID.eastshire) in graph
    assert (ID.audit, SMV.covers, ID.borough) in graph
    assert (ID.audit, SMV.scope, SMV.AllAge) in graph
    assert (ID.audit, SMV.endsWhen, Literal("When the audit is done")) in graph
    assert (ID.board, SMV.meetsText, Literal("At least three times a year")) in graph
    assert (ID.region, SMV.area, ID.borough) in graph


def test_partial_lists_and_fields_not_stated(graph: Graph) -> None:
    partial = ask(
        graph,
        "SELECT ?of ?field WHERE { ?of smv:partialList ?p . ?p smv:listField ?field }",
    )
    assert partial == [
        (str(ID.board), "members"),
        (str(ID.eastshire), "relevant_agencies"),
        (str(ID.region), "members"),
    ]
    further = graph.value(NODE["board.partial.members"], SMV.further)
    assert isinstance(further, Literal) and further.toPython() == 2
    assert graph.value(NODE["eastshire.partial.relevant_agencies"], SMV.further) is None
    assert (ID.eastshire, SMV.notStated, Literal("contact")) in graph
    period = NODE["eastshire.not-stated-for.1"]
    assert (ID.eastshire, SMV.notStatedFor, period) in graph
    assert (period, SMV.field, Literal("vision")) in graph
    assert (period, SMV.start, Literal("2021", datatype=XSD.gYear)) in graph


def test_on_a_date_in_an_unstated_period_the_field_is_not_stated(facts: Dataset) -> None:
    graph = parse(str(export(facts, "turtle", on="2021-06")), "turtle")
    assert graph.value(ID.eastshire, SMV.vision) is None
    assert (ID.eastshire, SMV.notStated, Literal("vision")) in graph


def test_the_same_facts_give_the_same_bytes(facts: Dataset) -> None:
    for name in ("turtle", "jsonld"):
        assert export(facts, name, today=TODAY) == export(facts, name, today=TODAY)


def test_the_readme_query_runs(facts: Dataset) -> None:
    import re
    from pathlib import Path

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    (query,) = re.findall(r"```sparql\n(.*?)```", readme, re.DOTALL)
    graph = parse(str(export(facts, "turtle", today=TODAY)), "turtle")
    rows = [tuple(str(v) for v in row) for row in graph.query(query)]  # type: ignore[union-attr]
    assert rows == [(str(ID.strategy), str(ID.eastshire))]


def test_the_model_s_later_facts(graph: Graph) -> None:
    """Lines via other bodies and of unstated meaning, a lead partner acting through a
    part of itself, duties of one post, recipients, review dates, a chair known on a
    date, some of a role, and the partnership's own members and meetings."""
    unsaid = NODE["eastshire.line.2"]
    assert (unsaid, SMV.lineKind, SMV.ReportsTo) in graph
    assert (ID.cllr, SMV.reportsTo, ID.forum) in graph
    assert (ID.cllr, ORG.reportsTo, ID.forum) not in graph  # never read as accountability
    route = ask(
        graph,
        "SELECT ?position ?by WHERE { ?line smv:source sm:cllr ; smv:step ?s ."
        " ?s smv:position ?position ; smv:by ?by }",
    )
    assert route == [("1", str(ID.board)), ("2", str(ID.audit))]
    lead = NODE["eastshire.lead.1"]
    assert (lead, SMV.through, ID.families) in graph
    duty = NODE["eastshire.duty.2"]
    assert (duty, SMV.post, ID.chair) in graph and not list(graph.objects(duty, SMV.of))
    assert (NODE["eastshire.event.1"], SMV.recipient, ID.board) in graph
    assert (ID.strategy, SMV.reviewed, Literal("2024-03", datatype=XSD.gYearMonth)) in graph
    assert (ID.strategy, SMV.nextReviewText, Literal("by 2026-03")) in graph
    chair = NODE["board.chair.1"]
    assert (chair, SMV.knownOn, Literal("2024-09", datatype=XSD.gYearMonth)) in graph
    some = NODE["board.member.1"]
    assert (some, SMV.some, Literal(True)) in graph
    assert (some, SMV.partnershipRole, SMV.RelevantAgencies) in graph
    assert not list(graph.objects(some, ORG.member))  # some of them: no one named
    own = NODE["eastshire.member.1"]
    assert (own, ORG.organization, ID.eastshire) in graph
    assert (own, ORG.member, ID.ray) in graph
    assert (ID.eastshire, SMV.meetsText, Literal("Twice a year")) in graph
