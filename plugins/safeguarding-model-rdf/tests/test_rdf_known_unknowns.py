"""What a document leaves unknown, in the RDF the plugin writes, read back by rdflib: a
lead partner known by its role only is a membership with its statutory role and no
member; a delegated partner whose post is not stated says so; a purpose's points are
items; lists given in part inside entries are ``smv:PartialList``s of those entries;
funding hosted by another body, paid on behalf of others and shared with another board;
a collaboration without a name is labelled so, and never given a name."""

from __future__ import annotations

import datetime

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Literal
from rdflib.namespace import ORG
from safeguarding_model_rdf.org import ID, NODE, SMV

from safeguarding_model.exporters import export
from safeguarding_model.io import loads

pytestmark = [
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning"),
]

TODAY = datetime.date(2026, 1, 1)

UNKNOWNS = """\
schema: safeguarding-model/2
organisations:
  - {id: council, name: Westshire County Council, kind: local-authority}
  - {id: district, name: Eastby District Council, kind: local-authority}
  - {id: sab, name: Westshire Safeguarding Adults Board, kind: board}
partnerships:
  - id: westshire
    name: Westshire Safeguarding Children Partnership
    lead_partners:
      - {role: local-authority, organisation: council}
      - {role: integrated-care-board, text: The Integrated Care Board}
    delegated_partners:
      - {acts_for: integrated-care-board, text: a senior officer of the ICB}
    purpose:
      text: "To work together in a system where:"
      points: [Children are safeguarded]
      partial: [{field: points}]
    duties:
      - of: relevant-agencies
        items: [Co-operate]
        partial: [{field: items, further: 5}]
    funding:
      hosted_by: council
      shared_with: [sab]
      split: [{body: westshire, percent: 60}, {body: sab, percent: 40}]
      contributions:
        - {organisation: council, on_behalf_of: [district], amount: 90000}
collaborations:
  - id: neighbours
    description: We work with neighbouring partnerships.
    members: [westshire]
"""


@pytest.fixture(scope="module", params=["turtle", "json-ld"])
def graph(request: pytest.FixtureRequest) -> Graph:
    name = "turtle" if request.param == "turtle" else "jsonld"
    found = Graph()
    found.parse(data=str(export(loads(UNKNOWNS), name, today=TODAY)), format=request.param)
    return found


def test_a_lead_partner_known_by_its_role_only_has_no_member(graph: Graph) -> None:
    lead = NODE["westshire.lead.2"]
    assert (lead, ORG.role, SMV.LeadSafeguardingPartner) in graph
    assert (lead, SMV.statutoryRole, SMV.IntegratedCareBoard) in graph
    assert (lead, SMV.organisationNotStated, Literal(True)) in graph
    assert graph.value(lead, ORG.member) is None
    named = NODE["westshire.lead.1"]
    assert (named, ORG.member, ID.council) in graph
    assert (named, SMV.statutoryRole, SMV.LocalAuthority) in graph


def test_a_delegated_partner_whose_post_is_not_stated_says_so(graph: Graph) -> None:
    delegated = NODE["westshire.delegated.1"]
    assert (delegated, SMV.postNotStated, Literal(True)) in graph
    assert graph.value(delegated, SMV.post) is None
    assert graph.value(delegated, SMV.onBehalfOf) is None  # its lead partner is not named


def test_a_purpose_with_points_and_lists_given_in_part_inside_entries(graph: Graph) -> None:
    assert (ID.westshire, SMV.purpose, Literal("To work together in a system where:")) in graph
    point = NODE["westshire.purpose.point.1"]
    assert (ID.westshire, SMV.purposePoint, point) in graph
    assert (point, RDF.value, Literal("Children are safeguarded")) in graph
    purpose = NODE["westshire.purpose.partial.points"]
    assert (ID.westshire, SMV.partialList, purpose) in graph
    assert (purpose, SMV.listField, Literal("points")) in graph
    duty = NODE["westshire.duty.1"]
    items = NODE["westshire.duty.1.partial.items"]
    assert (duty, SMV.partialList, items) in graph and (items, RDF.type, SMV.PartialList) in graph
    further = graph.value(items, SMV.further)
    assert isinstance(further, Literal) and further.toPython() == 5


def test_funding_through_another_body_and_shared_with_another_board(graph: Graph) -> None:
    funding = NODE["westshire.funding"]
    assert (funding, SMV.hostedBy, ID.council) in graph
    assert (funding, SMV.sharedWith, ID.sab) in graph
    shares = {
        str(graph.value(share, SMV.by)): graph.value(share, SMV.percent)
        for share in graph.objects(funding, SMV.share)
    }
    assert {key: float(value) for key, value in shares.items()} == {  # type: ignore[arg-type]
        str(ID.westshire): 60.0,
        str(ID.sab): 40.0,
    }
    contribution = NODE["westshire.funding.contribution.1"]
    assert (contribution, SMV.onBehalfOf, ID.district) in graph


def test_a_collaboration_without_a_name_is_never_given_one(graph: Graph) -> None:
    assert (ID.neighbours, SMV.unnamed, Literal(True)) in graph
    assert (ID.neighbours, RDFS.label, Literal("a collaboration the source does not name")) in graph
    assert graph.value(ID.neighbours, SKOS.prefLabel) is None
