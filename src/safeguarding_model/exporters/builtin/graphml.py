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
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from typing import Any, Generic, TypeVar

from ...hooks.specs import hookimpl
from ...model import Dataset
from ..escape import clean
from ..exporter import Exporter, Register, joined
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


def stream(dataset: Dataset, options: ExportOptions) -> Iterator[str]:
    """The GraphML text a few thousand lines at a time, written from the governance
    graph as it stands (no copy of its nodes, edges or attributes, nor of the text)."""
    from ...graph import build_graph

    governance = build_graph(dataset, options.on, today=options.today)
    wanted = None
    if options.edges:
        governance.view(*options.edges)  # checks the kinds, with a suggestion for a typo
        wanted = frozenset(options.edges)
    source = governance.graph
    graph_data = _attributes(source.graph)
    # the graph's own dictionaries, in the order its views give them (its views are
    # kept on the graph and refer back to it, so that it would wait for the collector)
    node_data, adjacency = source._node, source._adj
    del governance, source
    nodes = _Again(lambda: ((node, _attributes(data)) for node, data in node_data.items()))
    edges = _Again(
        lambda: (
            (start, end, edge_id(start, key, end), _attributes(data))
            for start, targets in adjacency.items()
            for end, keyed in targets.items()
            for key, data in keyed.items()
            if wanted is None or data.get("kind", key) in wanted
        )
    )
    try:
        pieces = graphml_pieces(graph_data, nodes, edges)
    except _Unwritable:  # a value of a type this writer does not know: networkx says so
        yield _networkx_graphml(graph_data, list(nodes), list(edges))
        return
    yield from pieces


render = joined(stream)


class _Unwritable(Exception):
    pass


_T = TypeVar("_T")


class _Again(Generic[_T]):
    """What ``make()`` gives, each time it is iterated."""

    def __init__(self, make: Callable[[], Iterator[_T]]) -> None:
        self.make = make

    def __iter__(self) -> Iterator[_T]:
        return self.make()


# The GraphML type of each Python type, as networkx's writer names it.
_TYPES = {str: "string", bool: "boolean", int: "long", float: "double"}
_HEAD = (
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">'
)

Attributes = dict[str, Any]
Nodes = Iterable[tuple[str, Attributes]]
Edges = Iterable[tuple[str, str, str, Attributes]]
# What str.splitlines() splits at in ASCII text besides "\n" (the rest of what it splits
# at is outside ASCII, written as character references first).
_OTHER_BREAKS = re.compile("[\r\x0b\x0c\x1c\x1d\x1e]")
_LINES = 4096  # lines written together


def write_graphml(graph_data: Attributes, nodes: Nodes, edges: Edges) -> str:
    """A directed graph as GraphML, byte for byte as ``networkx.generate_graphml`` with
    ``prettyprint`` writes it: :func:`graphml_pieces` joined."""
    return "".join(graphml_pieces(graph_data, nodes, edges))


def graphml_pieces(graph_data: Attributes, nodes: Nodes, edges: Edges) -> Iterator[str]:
    """A directed graph as GraphML, byte for byte as ``networkx.generate_graphml`` with
    ``prettyprint`` writes it (joined by newlines, after an XML declaration), a few
    thousand lines at a time, written directly rather than through an element tree:
    the keys numbered in the order networkx makes them (graph, then nodes, then edges,
    each attribute as first met) and listed last made first, the graph's own data
    after its nodes and edges, two spaces an indent, every character outside ASCII as
    a character reference. ``edges`` come as networkx lists a graph's edges (by
    source, in the order of ``nodes``). ``nodes`` and ``edges`` are read twice: first
    for the keys, which come first in the text, then for the elements. Raises
    :class:`_Unwritable` for a value of another type than text, a whole number, a real
    number or a truth value, before any text is made."""
    keys: dict[tuple[str, str, str], str] = {}
    types = _TYPES
    graph = dict(graph_data)
    graph_id = graph.pop("id", None)
    elements = 0  # nodes and edges
    every = chain(
        (("graph", graph),),
        (("node", attributes) for _, attributes in nodes),
        (("edge", attributes) for _, _, _, attributes in edges),
    )
    for scope, attributes in every:
        elements += 1
        for name, value in attributes.items():
            kind = types.get(type(value))
            if kind is None:
                raise _Unwritable
            if (name, kind, scope) not in keys:
                keys[(str(name), kind, scope)] = f"d{len(keys)}"
    filled = elements > 1 or bool(graph)  # anything in the graph element
    return _graphml_lines(keys, graph, graph_id, nodes, edges, filled)


def _graphml_lines(
    keys: dict[tuple[str, str, str], str],
    graph: Attributes,
    graph_id: object,
    nodes: Nodes,
    edges: Edges,
    filled: bool,
) -> Iterator[str]:
    from xml.etree.ElementTree import _escape_attrib, _escape_cdata  # type: ignore[attr-defined]

    lines: list[str] = []
    put = lines.append

    def data(indent: str, scope: str, attributes: Attributes) -> None:
        for name, value in attributes.items():
            identifier = keys[(name, _TYPES[type(value)], scope)]
            text = str(value)
            if text:
                put(f'{indent}<data key="{identifier}">{_escape_cdata(text)}</data>')
            else:  # an element with no text is written empty
                put(f'{indent}<data key="{identifier}" />')

    def element(tag: str, opening: str, attributes: Attributes) -> None:
        if attributes:
            put(opening + ">")
            data("      ", tag, attributes)
            put(f"    </{tag}>")
        else:  # an element with nothing in it is written empty
            put(opening + " />")

    put('<?xml version="1.0" encoding="utf-8"?>')
    put(_HEAD)
    for (name, kind, scope), identifier in reversed(keys.items()):
        put(
            f'  <key id="{identifier}" for="{scope}" attr.name="{_escape_attrib(name)}" '
            f'attr.type="{kind}" />'
        )
    graph_opening = '  <graph edgedefault="directed"'
    if graph_id is not None:
        graph_opening += f' id="{_escape_attrib(str(graph_id))}"'
    if not filled:
        put(graph_opening + " />")
    else:
        put(graph_opening + ">")
        for node, attributes in nodes:
            element("node", f'    <node id="{_escape_attrib(str(node))}"', attributes)
            if len(lines) >= _LINES:
                yield _written(lines)
                lines.clear()
        for start, end, identifier, attributes in edges:
            opening = (
                f'    <edge source="{_escape_attrib(str(start))}" '
                f'target="{_escape_attrib(str(end))}" id="{_escape_attrib(str(identifier))}"'
            )
            element("edge", opening, attributes)
            if len(lines) >= _LINES:
                yield _written(lines)
                lines.clear()
        data("    ", "graph", graph)  # networkx puts the graph's data after the rest
        put("  </graph>")
    put("</graphml>")
    yield _written(lines)


def _written(lines: list[str]) -> str:
    """Lines as networkx writes them: characters outside ASCII as character references,
    each line split where Python's ``splitlines`` splits (every line ends with ``>``,
    so a line split alone is split as in the whole text), each ending in a newline."""
    for number, line in enumerate(lines):
        if not line.isascii():
            lines[number] = line = line.encode("ascii", "xmlcharrefreplace").decode("ascii")
        if _OTHER_BREAKS.search(line) is not None:
            lines[number] = "\n".join(line.splitlines())
    lines.append("")
    return "\n".join(lines)


def _networkx_graphml(
    graph_data: Attributes,
    nodes: list[tuple[str, Attributes]],
    edges: list[tuple[str, str, str, Attributes]],
) -> str:
    """The same GraphML through networkx's own writer (which names what it cannot write)."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    graph.graph.update(graph_data)
    graph.add_nodes_from(nodes)
    for start, end, identifier, attributes in edges:
        graph.add_edge(start, end, key=identifier, **attributes)
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
            stream=stream,
            options=frozenset({"edges"}),
        )
    )
