"""``graphml``: the governance graph as GraphML, for Gephi, yEd, Cytoscape or networkx.

Every node and edge of :func:`~safeguarding_model.graph.build_graph`, with their
attributes (attributes the model leaves empty are left out). Edges keep their kind
as their ``kind`` attribute; an edge's GraphML ``id`` is its source, its key in the
graph (its kind, ``#2`` for a second line of one kind) and its target joined by dots
(``pqa.reports-to.executive-group``): unique in the file, and the same in every
export of the same model. ``edges`` keeps only edges of the kinds named; every node
stays. Every edge has ``planned`` (a planned entry: not yet in place) and, where the
data gives them, ``start`` and ``end`` as written; groups have ``planned`` too. A graph
taken on a date has the graph attribute ``on``, the date as written.
"""

from __future__ import annotations

import re
from typing import Any

from ...hooks.specs import hookimpl
from ...model import Dataset
from ..escape import clean
from ..exporter import Exporter, Register
from ..options import ExportOptions


def _attributes(data: dict[str, Any]) -> dict[str, Any]:
    kept: dict[str, Any] = {}
    for key, value in data.items():
        if value is None:
            continue
        kept[key] = clean(value) if isinstance(value, str) else value
    return kept


_NOT_NAME = re.compile(r"[^A-Za-z0-9_-]")


def edge_id(source: str, key: object, target: str) -> str:
    """An edge's GraphML id: ``source.key.target``, with any character an XML name
    token cannot hold (such as the ``#`` of ``reports-to#2``) written as ``_``."""
    return ".".join(_NOT_NAME.sub("_", str(part)) for part in (source, key, target))


def render(dataset: Dataset, options: ExportOptions) -> str:
    import networkx as nx

    from ...graph import build_graph

    governance = build_graph(dataset, options.on, today=options.today)
    wanted = None
    if options.edges:
        governance.view(*options.edges)  # checks the kinds, with a suggestion for a typo
        wanted = frozenset(options.edges)
    source = governance.graph
    graph = nx.MultiDiGraph()
    graph.graph.update(_attributes(source.graph))
    for node, data in source.nodes(data=True):
        graph.add_node(node, **_attributes(data))
    for start, end, key, data in source.edges(keys=True, data=True):
        if wanted is None or data.get("kind", key) in wanted:
            graph.add_edge(start, end, key=edge_id(start, key, end), **_attributes(data))
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
