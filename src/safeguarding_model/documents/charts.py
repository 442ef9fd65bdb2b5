"""Org charts as data: which bodies and lines a chart shows.

:func:`org_chart` picks, from the governance graph, the part a chart shows: the bodies
of one partnership (or collaboration, or the whole region) and the bodies they reach
through the chosen edge kinds, up to a depth. The :class:`OrgChart` it returns is
plain data, in a stable order; a document's :class:`~.tree.Figure` carries one, and
the chart formats (``dot``, ``mermaid``, ``svg``, ``png``) and the document formats
draw it, each in its own syntax and styles. Nothing here knows how a chart looks.

Importing this module does not import networkx: the graph layer is imported when a
chart is computed from a dataset.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from ..model import Cadence, Collaboration, Dataset, Group, Partnership

if TYPE_CHECKING:
    from ..graph import GovernanceGraph

__all__ = [
    "DEFAULT_DEPTH",
    "DEFAULT_EDGES",
    "STYLED_KINDS",
    "ChartEdge",
    "ChartMaker",
    "ChartNode",
    "Cluster",
    "OrgChart",
    "kind_words",
    "org_chart",
]

DEFAULT_EDGES = ("reports-to", "accountable-to", "escalates-to", "joint-with", "linked-to")
"""The edge kinds a chart draws unless told otherwise."""

DEFAULT_DEPTH = 1
"""How many steps beyond the chosen bodies and their own groups a chart reaches by default."""

STYLED_KINDS = (*DEFAULT_EDGES, "part-of")
"""The edge kinds that charts draw in a look of their own, in the order a chart's key
lists them (the chart formats' styles, ``exporters.charts.STYLES``, follow it). A line
of any other kind carries its kind in words in its label."""


def kind_words(kind: str) -> str:
    """An edge kind in words, as the graph gives it: ``member of``."""
    from ..graph import EdgeKind

    try:
        return EdgeKind(kind).label
    except ValueError:  # a kind the graph does not know: its words are its parts
        return " ".join(kind.split("-"))


@attrs.frozen(kw_only=True)
class ChartNode:
    """A body (or post, or person) on a chart.

    ``kind`` is the graph node kind; ``subkind`` the group or organisation kind;
    ``cluster`` the id of the partnership or collaboration box it is drawn in; ``top``
    whether it is a group of a kind that may head a structure (an executive group or a
    partnership board), which charts draw boldly. A group that has closed carries its
    dates in its label.
    """

    id: str
    label: str
    kind: str
    subkind: str | None = None
    cluster: str | None = None
    top: bool = False


@attrs.frozen(kw_only=True)
class ChartEdge:
    """A line from the subordinate ``source`` to the superior ``target``."""

    source: str
    target: str
    kind: str
    label: str | None = None


@attrs.frozen(kw_only=True)
class Cluster:
    """A box drawn around bodies: a partnership or collaboration around its own groups
    (``kind`` ``partnership`` or ``collaboration``), or a partnership's functional
    links (``kind`` ``links``, ``id`` ``links:`` and the partnership's id)."""

    id: str
    label: str
    kind: str


@attrs.frozen(kw_only=True)
class OrgChart:
    """What a chart shows, in a stable order: the same model gives the same chart."""

    title: str
    nodes: tuple[ChartNode, ...]
    edges: tuple[ChartEdge, ...]
    clusters: tuple[Cluster, ...]

    @property
    def kinds(self) -> tuple[str, ...]:
        """The edge kinds drawn, in the order of the key."""
        present = {edge.kind for edge in self.edges}
        known = [kind for kind in STYLED_KINDS if kind in present]
        return (*known, *sorted(present - set(STYLED_KINDS)))


Owner = Partnership | Collaboration


def _scope(dataset: Dataset, key: str | None) -> tuple[list[Owner], str]:
    """The partnerships or collaborations the chart starts from, and its title."""
    from ._common import choose  # (which imports the tree, which imports this module)

    found = choose(dataset, key, collaborations=True)
    if found is None:
        roots: list[Owner] = [*dataset.partnerships, *dataset.collaborations]
        return roots, "The region: partnerships, collaborations and their reporting lines"
    return [found], f"{found.name}: structure and reporting lines"


Edge = tuple[str, str, str, dict[str, object]]


def org_chart(
    source: Dataset | GovernanceGraph,
    *,
    partnership: str | None = None,
    edges: Iterable[str] | None = None,
    depth: int | None = None,
) -> OrgChart:
    """The chart of a partnership, a collaboration or the region.

    ``source`` is the governance graph to chart (of the structure on a date, if it was
    built so), or a dataset, whose graph is then built: a caller drawing several charts
    builds the graph once and passes it. ``partnership`` chooses the partnership or
    collaboration (by default the only partnership, or the whole region when there are
    several); ``edges`` the edge kinds drawn (:data:`DEFAULT_EDGES`); ``depth`` how many
    steps the chart reaches beyond the chosen bodies and their own groups
    (:data:`DEFAULT_DEPTH`): 0 shows those alone, 1 adds the bodies their lines reach
    directly, and so on. A derived accountable-to line that repeats a drawn reporting
    line is left out. A partnership's own escalation routes are drawn from the
    partnership (the graph's edges from it). Edges are chosen by their ``kind``
    attribute, so a repeated line (keyed ``reports-to#2``) is drawn too. The work is
    linear in the size of the graph.
    """
    from ..model.meaning import TOP_KINDS

    if isinstance(source, Dataset):
        from ..graph import build_graph

        source = build_graph(source)
    governance = source
    dataset = governance.dataset
    roots, title = _scope(dataset, partnership)
    kinds = tuple(edges or ()) or DEFAULT_EDGES
    depth = DEFAULT_DEPTH if depth is None else depth
    governance.view(*kinds)  # checks the kinds, with a suggestion for a typo
    graph = governance.graph
    wanted = frozenset(kinds)
    found: list[Edge] = [
        (start, end, str(data.get("kind", key)), data)
        for start, end, key, data in graph.edges(keys=True, data=True)
        if data.get("kind", key) in wanted
    ]

    owner_of: dict[str, Owner] = {}
    groups: dict[str, Group] = {}
    for owner, group in dataset.groups():
        owner_of.setdefault(group.id, owner)
        groups.setdefault(group.id, group)
    neighbours: dict[str, set[str]] = {}

    def link(a: str, b: str) -> None:
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)

    for group_id, owner in owner_of.items():
        link(group_id, owner.id)
    for start, end, _, _ in found:
        link(start, end)

    root_ids = {root.id for root in roots}
    core = [root.id for root in roots]
    core += [group for group, owner in owner_of.items() if owner.id in root_ids]
    distance = {node: 0 for node in core if node in graph}
    queue = deque(distance)
    while queue:
        node = queue.popleft()
        if distance[node] >= depth:
            continue
        for other in sorted(neighbours.get(node, ())):
            if other not in distance and other in graph:
                distance[other] = distance[node] + 1
                queue.append(other)
    boxed = {owner.id for group, owner in owner_of.items() if group in distance}
    top_kinds = {kind.value for kind in TOP_KINDS}
    nodes = []
    for key, data in graph.nodes(data=True):
        if key not in distance:
            continue
        own = owner_of.get(key)
        kind = str(data.get("kind"))
        subkind = data.get("group_kind") or data.get("organisation_kind")
        nodes.append(
            ChartNode(
                id=key,
                label=_label(key, data, groups.get(key)),
                kind=kind,
                subkind=subkind,
                cluster=own.id if own is not None else (key if key in boxed else None),
                top=kind == "group" and subkind in top_kinds,
            )
        )
    lines = _edges(found, distance)
    drawn = {node.cluster for node in nodes}
    clusters = [
        Cluster(id=owner.id, label=owner.label, kind=_kind(owner))
        for owner in _owners(dataset)
        if owner.id in drawn
    ]
    nodes, links = _functional_links(nodes, lines)
    clusters.extend(links)
    return OrgChart(title=title, nodes=tuple(nodes), edges=lines, clusters=tuple(clusters))


class ChartMaker:
    """The org charts of one document, all from one governance graph: ``graph`` when
    the caller has it already, or the dataset's, built when the first chart is asked
    for (so a document without charts never builds it)."""

    def __init__(self, dataset: Dataset, graph: GovernanceGraph | None = None) -> None:
        self.dataset = dataset
        self._graph = graph

    @property
    def graph(self) -> GovernanceGraph:
        """The governance graph the charts are drawn from, built once."""
        if self._graph is None:
            from ..graph import build_graph

            self._graph = build_graph(self.dataset)
        return self._graph

    def chart(self, owner: Owner) -> OrgChart:
        """The structure chart of a partnership or collaboration, with the default edge
        kinds and depth."""
        return org_chart(self.graph, partnership=owner.id)


def _label(key: str, data: dict[str, object], group: Group | None) -> str:
    """A node's label: its name, and for a group that has closed, its dates."""
    label = str(data.get("name") or data.get("label") or key)
    if group is not None and group.end is not None:
        since = f"from {group.start}, " if group.start else ""
        label += f" ({since}ended {group.end})"
    return label


def _kind(owner: Owner) -> str:
    return "partnership" if isinstance(owner, Partnership) else "collaboration"


def _functional_links(
    nodes: list[ChartNode], edges: tuple[ChartEdge, ...]
) -> tuple[list[ChartNode], list[Cluster]]:
    """Put bodies that are only a partnership's functional links in a box of their own."""
    incident: dict[str, set[str]] = {}
    linked_from: dict[str, str] = {}
    for edge in edges:
        incident.setdefault(edge.source, set()).add(edge.kind)
        incident.setdefault(edge.target, set()).add(edge.kind)
        if edge.kind == "linked-to":
            linked_from.setdefault(edge.target, edge.source)
    labels = {node.id: node.label for node in nodes}
    clusters: dict[str, Cluster] = {}
    placed = []
    for node in nodes:
        source = linked_from.get(node.id)
        if node.cluster is None and source is not None and incident[node.id] == {"linked-to"}:
            key = f"links:{source}"
            if key not in clusters:
                label = f"Functional links: {labels.get(source, source)}"
                clusters[key] = Cluster(id=key, label=label, kind="links")
            node = attrs.evolve(node, cluster=key)
        placed.append(node)
    return placed, list(clusters.values())


def _owners(dataset: Dataset) -> list[Owner]:
    return [*dataset.partnerships, *dataset.collaborations]


def _edges(found: Iterable[Edge], shown: dict[str, int]) -> tuple[ChartEdge, ...]:
    kept = [(s, t, k, d) for s, t, k, d in found if s in shown and t in shown]
    reporting = {(s, t) for s, t, k, _ in kept if k == "reports-to"}
    edges = []
    for source, target, kind, data in kept:
        if kind == "accountable-to" and (source, target) in reporting:
            continue
        cadence = data.get("cadence")
        label = _cadence_words(str(cadence)) if cadence else None
        if kind not in STYLED_KINDS:
            words = kind_words(kind)
            label = f"{words} ({label})" if label else words
        edges.append(ChartEdge(source=source, target=target, kind=kind, label=label))
    return tuple(edges)


def _cadence_words(value: str) -> str:
    try:
        return Cadence(value).label
    except ValueError:
        return value
