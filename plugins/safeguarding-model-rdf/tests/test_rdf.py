"""The ORG exporters, read back by rdflib: both formats parse to the same graph, and
SPARQL finds the three lead safeguarding partners of the Isle of Wight."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import ORG
from safeguarding_model_rdf.org import ID

from safeguarding_model.exporters import ExporterManager, export, get_exporter
from safeguarding_model.io import load
from safeguarding_model.model import Dataset

# rdflib 7's own JSON-LD parser still calls its deprecated ConjunctiveGraph API.
pytestmark = [
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning"),
]

LEAD_PARTNERS = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX smv: <urn:safeguarding-model:vocab#>
SELECT ?partner WHERE {
    ?membership a org:Membership ;
        org:organization ?partnership ;
        org:role smv:LeadSafeguardingPartner ;
        org:member ?partner .
    ?partnership a org:OrganizationalCollaboration .
}
ORDER BY ?partner
"""


@pytest.fixture(scope="module")
def iow() -> Dataset:
    return load("isle-of-wight-2024")


def parse(text: str, format: str) -> Graph:
    graph = Graph()
    graph.parse(data=text, format=format)
    return graph


@pytest.fixture(scope="module", params=["turtle", "json-ld"])
def graph(request: pytest.FixtureRequest, iow: Dataset) -> Graph:
    name = "turtle" if request.param == "turtle" else "jsonld"
    text = export(iow, name)
    assert isinstance(text, str)
    return parse(text, request.param)


def test_the_plugin_is_found_through_its_entry_point() -> None:
    manager = ExporterManager()
    for name in ("turtle", "jsonld"):
        assert manager.get(name).distribution == "safeguarding-model-rdf"
    assert manager.problems() == []
    assert get_exporter("turtle").media_type == "text/turtle"


def test_sparql_finds_the_three_lead_partners(graph: Graph) -> None:
    found = [str(row[0]) for row in graph.query(LEAD_PARTNERS)]  # type: ignore[index]
    assert found == [
        str(ID["hampshire-and-isle-of-wight-constabulary"]),
        str(ID["isle-of-wight-council"]),
        str(ID["nhs-hampshire-and-isle-of-wight"]),
    ]


def test_partnerships_and_the_regional_executive_are_collaborations(graph: Graph) -> None:
    collaborations = set(graph.subjects(predicate=None, object=ORG.OrganizationalCollaboration))
    for key in ("isle-of-wight-scp", "hips", "hips-executive-group"):
        assert ID[key] in collaborations
    assert (ID["hips"], ORG.hasMember, ID["isle-of-wight-scp"]) in graph


def test_posts_groups_and_lines(graph: Graph) -> None:
    assert (ID["independent-scrutineer"], ORG.heldBy, ID["scott-mackechnie"]) in graph
    assert (
        ID["chief-constable"],
        ORG.postIn,
        ID["hampshire-and-isle-of-wight-constabulary"],
    ) in graph
    assert (ID["executive-group"], ORG.unitOf, ID["isle-of-wight-scp"]) in graph
    assert (ID["learning-inquiry-group"], ORG.reportsTo, ID["partnership-board"]) in graph
    assert (ID["isle-of-wight-scp"], ORG.linkedTo, ID["marac"]) in graph
    posts = set(graph.subjects(predicate=None, object=ORG.Post))
    assert len(posts) == 12


def test_turtle_and_json_ld_hold_the_same_graph(iow: Dataset) -> None:
    turtle, jsonld = export(iow, "turtle"), export(iow, "jsonld")
    assert isinstance(turtle, str) and isinstance(jsonld, str)
    assert isomorphic(parse(turtle, "turtle"), parse(jsonld, "json-ld"))


@pytest.mark.parametrize("name", ["turtle", "jsonld"])
def test_the_same_dataset_gives_the_same_bytes(iow: Dataset, name: str) -> None:
    assert export(iow, name) == export(iow, name)


def test_names_that_need_escaping_survive(iow: Dataset) -> None:
    import attrs

    nasty = 'The "Quoted" <Board> & \\ back\nslash Группа'
    council = attrs.evolve(iow.organisations[0], name=nasty)
    dataset = attrs.evolve(iow, organisations=(council, *iow.organisations[1:]))
    for name, format in (("turtle", "turtle"), ("jsonld", "json-ld")):
        text = export(dataset, name)
        assert isinstance(text, str)
        graph = parse(text, format)
        labels = {str(o) for o in graph.objects(URIRef(ID["isle-of-wight-council"]), None)}
        assert nasty in labels


def test_the_json_ld_context_holds_only_the_prefixes_it_uses(iow: Dataset) -> None:
    import json

    from safeguarding_model_rdf.org import PREFIXES

    data = json.loads(str(export(iow, "jsonld")))
    context = data["@context"]
    assert set(context) <= set(PREFIXES)  # none of rdflib's own defaults (brick, csvw...)
    text = json.dumps({k: v for k, v in data.items() if k != "@context"})
    for prefix in context:
        assert f'"{prefix}:' in text, f"{prefix} is in the context but not used"
    assert "time" not in context  # no membership of the 2024 data has dates
    turtle = str(export(iow, "turtle"))
    declared = {line.split()[1][:-1] for line in turtle.splitlines() if line.startswith("@prefix")}
    assert declared <= set(PREFIXES)


def test_membership_iris_come_from_ids_and_do_not_shift(iow: Dataset) -> None:
    """Adding a relevant agency at the front changes the IRIs of the relevant agencies'
    memberships only: no counter runs over the whole export."""
    import attrs
    from safeguarding_model_rdf.org import NODE

    from safeguarding_model.model import RelevantAgency

    before = parse(str(export(iow, "turtle")), "turtle")
    assert (NODE["isle-of-wight-scp.lead.1"], ORG.member, ID["isle-of-wight-council"]) in before
    assert (NODE["executive-group.member.1"], ORG.organization, ID["executive-group"]) in before
    partnership = iow.partnership()
    first = RelevantAgency(organisation="cafcass", footnote="added")
    changed = attrs.evolve(partnership, relevant_agencies=(first, *partnership.relevant_agencies))
    after = parse(str(export(attrs.evolve(iow, partnerships=(changed,)), "turtle")), "turtle")
    memberships = {str(s) for s in after.subjects(None, ORG.Membership)}
    old = {str(s) for s in before.subjects(None, ORG.Membership)}
    moved = {m for m in old ^ memberships if ".relevant-agency." not in m}
    assert moved == set()


def test_the_partnership_escalates_and_delegated_partners_act_for_a_lead(graph: Graph) -> None:
    from safeguarding_model_rdf.org import SMV

    assert (ID["isle-of-wight-scp"], SMV.escalatesTo, ID["hips-executive-group"]) in graph
    assert (ID["executive-group"], SMV.escalatesTo, ID["hips-executive-group"]) not in graph
    acting = {
        str(graph.value(m, SMV.post)): str(graph.value(m, SMV.onBehalfOf))
        for m in graph.subjects(SMV.actsFor, None)
    }
    assert acting[str(ID["area-commander"])] == str(ID["hampshire-and-isle-of-wight-constabulary"])


def test_a_role_member_keeps_the_statutory_partner_it_is_narrowed_to(graph: Graph) -> None:
    """The HIPS Executive's "Directors of Children's Services from each of the
    represented local authorities": the delegated partners for the local authority."""
    from safeguarding_model_rdf.org import NODE, SMV

    member = NODE["hips-executive-group.member.1"]
    assert (member, SMV.partnershipRole, SMV.DelegatedSafeguardingPartners) in graph
    assert (member, SMV.actsFor, SMV.LocalAuthority) in graph
