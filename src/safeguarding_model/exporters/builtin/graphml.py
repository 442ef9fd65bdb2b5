"""``graphml``: the governance graph as GraphML, for Gephi, yEd, Cytoscape or networkx.

Every node and edge of :func:`~safeguarding_model.graph.build_graph`, with their
attributes (attributes the model leaves empty are left out). Edges keep their kind
as their GraphML ``id``-key and ``kind`` attribute. ``edges`` keeps only edges of the
kinds named; every node stays.
"""

from __future__ import annotations

from typing import Any

from ...model import Dataset
from ..escape import clean
from ..exporter import Exporter, ExportOptions
from ..hookspecs import Register, hookimpl


def _attributes(data: dict[str, Any]) -> dict[str, Any]:
    kept: dict[str, Any] = {}
    for key, value in data.items():
        if value is None:
            continue
        kept[key] = clean(value) if isinstance(value, str) else value
    return kept


def render(dataset: Dataset, options: ExportOptions) -> str:
    import networkx as nx

    from ...graph import build_graph

    governance = build_graph(dataset)
    source = governance.view(*options.edges) if options.edges else governance.graph
    graph = nx.MultiDiGraph()
    for node, data in source.nodes(data=True):
        graph.add_node(node, **_attributes(data))
    for start, end, key, data in source.edges(keys=True, data=True):
        graph.add_edge(start, end, key=key, **_attributes(data))
    lines = nx.generate_graphml(graph, encoding="utf-8", prettyprint=True)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + "\n".join(lines) + "\n"


@hookimpl
def register_exporters(register: Register) -> None:
    register(
        Exporter(
            name="graphml",
            media_type="application/graphml+xml",
            extension="graphml",
            description="the governance graph as GraphML",
            render=render,
            options=frozenset({"edges"}),
        )
    )
