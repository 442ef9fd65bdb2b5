"""Writers that skip a library's slow path write what that library writes, byte for byte.

The ``graphml`` exporter writes GraphML itself instead of building a second networkx
graph and going through networkx's element tree; the RDF plugin writes Turtle and
JSON-LD itself instead of through rdflib's graph and serializers. Their output must not
change: each is compared here with the library's own writer, on the shipped datasets,
on values chosen to exercise every escaping rule, and on generated models.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from hypothesis import given, settings

from safeguarding_model.exporters.builtin.graphml import _networkx_graphml, write_graphml
from safeguarding_model.graph import build_graph
from safeguarding_model.io import example_names, load
from safeguarding_model.model import Dataset, PartialDate
from strategies import rich_datasets

TODAY = datetime.date(2025, 1, 1)
TEXTS = [
    "plain",
    "Général, Children’s, 日本",
    "quotes \" and apostrophes '",
    "markup <b>&amp;</b> > <",
    "two\nlines",
    "carriage\rreturn and \r\n both",
    "tab\there",
    "a line separator\u2028and a next line\x85here",
    "form feed\x0cand vertical tab\x0b",
    "",
    " spaces around ",
]


def _parts(dataset: Dataset, on: str | None = None) -> tuple[Any, Any, Any]:
    from safeguarding_model.exporters.builtin.graphml import _attributes, edge_id

    graph = build_graph(dataset, on, today=TODAY).graph
    nodes = [(node, _attributes(data)) for node, data in graph.nodes(data=True)]
    edges = [
        (start, end, edge_id(start, key, end), _attributes(data))
        for start, end, key, data in graph.edges(keys=True, data=True)
    ]
    return _attributes(graph.graph), nodes, edges


def _same_graphml(graph_data: Any, nodes: Any, edges: Any) -> None:
    assert write_graphml(graph_data, nodes, edges) == _networkx_graphml(graph_data, nodes, edges)


@pytest.mark.parametrize("name", example_names())
@pytest.mark.parametrize("on", [None, "2021", "2024-10"])
def test_graphml_of_every_shipped_dataset_is_networkxs(name: str, on: str | None) -> None:
    dataset = load(name)
    if on is not None:
        try:
            dataset = dataset.as_of(on)
        except Exception:
            pytest.skip(f"nothing of {name} stood on {on}")
    _same_graphml(*_parts(dataset, on))


def test_graphml_escapes_and_types_as_networkx_does() -> None:
    nodes = [(f"node {i} {text}", {"name": text, "kind": "group"}) for i, text in enumerate(TEXTS)]
    nodes += [
        ("numbers", {"count": 3, "share": 2.5, "planned": True, "gone": False}),
        ("bare", {}),
        ("same name, other type", {"name": 7}),
    ]
    edges = [
        (nodes[i][0], nodes[i + 1][0], f"e{i}", {"kind": "reports-to", "text": text})
        for i, text in enumerate(TEXTS)
    ]
    edges += [("bare", "numbers", "plain", {}), ("numbers", "bare", "x#2", {"weight": 1.0})]
    order = {node: number for number, (node, _) in enumerate(nodes)}
    edges.sort(key=lambda edge: order[edge[0]])  # as networkx lists them: by source
    _same_graphml({"on": "2024-09", "title": "Général & co"}, nodes, edges)
    _same_graphml({"id": "the <graph>"}, nodes, edges)
    _same_graphml({}, [], [])
    _same_graphml({"on": "2024"}, [], [])
    _same_graphml({}, [("a", {})], [])


@pytest.mark.slow
@settings(max_examples=15)
@given(rich_datasets())
def test_graphml_of_generated_models_is_networkxs(dataset: Dataset) -> None:
    _same_graphml(*_parts(dataset))


@pytest.mark.slow
@settings(max_examples=15)
@given(rich_datasets())
def test_turtle_and_jsonld_of_generated_models_are_rdflibs(dataset: Dataset) -> None:
    pytest.importorskip("safeguarding_model_rdf")
    from safeguarding_model_rdf.org import PREFIXES, organisation_triples
    from safeguarding_model_rdf.write import (
        jsonld_data,
        rdflib_jsonld_data,
        rdflib_turtle,
        turtle,
    )

    for on in (None, PartialDate.from_string("2022-06")):
        view = dataset if on is None else dataset.as_of(on)
        triples = organisation_triples(view, on, TODAY)
        assert turtle(triples, PREFIXES) == rdflib_turtle(triples, PREFIXES)
        prefixes = dict(sorted(PREFIXES.items()))
        assert jsonld_data(triples, prefixes) == rdflib_jsonld_data(triples, prefixes)
