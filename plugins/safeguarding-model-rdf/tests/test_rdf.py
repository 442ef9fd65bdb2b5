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
