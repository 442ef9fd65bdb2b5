"""Org charts: which bodies and lines a chart shows, and how each kind of line looks.

:func:`org_chart` picks, from the governance graph, the part a chart shows: the bodies
of one partnership (or collaboration, or the whole region) and the bodies they reach
through the chosen edge kinds, up to a depth. The ``dot`` and ``mermaid`` exporters
draw the :class:`Chart` it returns, in the styles of :data:`STYLES`, with a key.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

import attrs

from ..documents import Figure, choose
from ..model import Cadence, Collaboration, Dataset, Group, Partnership
from .options import ExportOptions

__all__ = [
    "DEFAULT_DEPTH",
    "DEFAULT_EDGES",
    "STYLES",
    "Chart",
    "ChartEdge",
    "ChartNode",
    "Cluster",
    "EdgeStyle",
    "figure_options",
    "kind_words",
    "org_chart",
    "style_of",
]

DEFAULT_EDGES = ("reports-to", "accountable-to", "escalates-to", "joint-with", "linked-to")
"""The edge kinds a chart draws unless told otherwise."""

DEFAULT_DEPTH = 1
"""How many steps beyond the chosen bodies and their own groups a chart reaches by default."""


@attrs.frozen(kw_only=True)
class EdgeStyle:
    """How one kind of edge is drawn, in Graphviz and in Mermaid, and its key entry."""

    kind: str
    legend: str
    color: str
    dot: tuple[tuple[str, str], ...]
    mermaid: str
    mermaid_style: str


STYLES: dict[str, EdgeStyle] = {
    style.kind: style
    for style in (
        EdgeStyle(
            kind="reports-to",
            legend="reports to",
            color="#1f2937",
            dot=(("style", "solid"), ("penwidth", "1.4"), ("arrowhead", "normal")),
            mermaid="-->",
            mermaid_style="stroke:#1f2937,stroke-width:1.5px",
        ),
        EdgeStyle(
            kind="accountable-to",
            legend="accountable to",
            color="#1d4ed8",
            dot=(("style", "solid"), ("color", "#1d4ed8:invis:#1d4ed8"), ("arrowhead", "onormal")),
            mermaid="==>",
            mermaid_style="stroke:#1d4ed8,stroke-width:3px",
        ),
        EdgeStyle(
            kind="escalates-to",
            legend="escalates to",
            color="#b91c1c",
            dot=(("style", "dashed"), ("penwidth", "1.4"), ("arrowhead", "vee")),
            mermaid="-.->",
            mermaid_style="stroke:#b91c1c,stroke-width:1.5px,stroke-dasharray:6 4",
        ),
        EdgeStyle(
            kind="joint-with",
            legend="run jointly with",
            color="#7e22ce",
            dot=(
                ("style", "bold"),
                ("dir", "both"),
                ("arrowhead", "dot"),
                ("arrowtail", "dot"),
            ),
            mermaid="o--o",
            mermaid_style="stroke:#7e22ce,stroke-width:3px",
        ),
        EdgeStyle(
            kind="linked-to",
            legend="functional link",
            color="#6b7280",
            dot=(("style", "dotted"), ("dir", "none"), ("penwidth", "1.2")),
            mermaid="-.-",
            mermaid_style="stroke:#6b7280,stroke-width:1px,stroke-dasharray:2 3",
        ),
        EdgeStyle(
            kind="part-of",
            legend="sits under",
            color="#4b5563",
            dot=(("style", "solid"), ("arrowhead", "odiamond")),
            mermaid="--o",
            mermaid_style="stroke:#4b5563,stroke-width:1px",
        ),
    )
}
"""The edge kinds with their own look, in the order the key lists them."""


def kind_words(kind: str) -> str:
    """An edge kind in words, as the graph gives it: ``member of``."""
    from ..graph import EdgeKind

    try:
        return EdgeKind(kind).label
    except ValueError:  # a kind the graph does not know: its words are its parts
        return " ".join(kind.split("-"))


def style_of(kind: str) -> EdgeStyle:
    """The style of an edge kind: its own, or a plain grey line labelled with the kind."""
    return STYLES.get(kind) or EdgeStyle(
        kind=kind,
        legend=kind_words(kind),
        color="#9ca3af",
        dot=(("style", "solid"), ("arrowhead", "open")),
        mermaid="-->",
        mermaid_style="stroke:#9ca3af,stroke-width:1px",
    )


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
class Chart:
    """What a chart shows, in a stable order: the same model gives the same chart."""

    title: str
    nodes: tuple[ChartNode, ...]
    edges: tuple[ChartEdge, ...]
    clusters: tuple[Cluster, ...]

    @property
    def kinds(self) -> tuple[str, ...]:
        """The edge kinds drawn, in the order of the key."""
        present = {edge.kind for edge in self.edges}
        known = [kind for kind in STYLES if kind in present]
        return (*known, *sorted(present - set(STYLES)))


Owner = Partnership | Collaboration


def _scope(dataset: Dataset, key: str | None) -> tuple[list[Owner], str]:
    """The partnerships or collaborations the chart starts from, and its title."""
    found = choose(dataset, key, collaborations=True)
    if found is None:
        roots: list[Owner] = [*dataset.partnerships, *dataset.collaborations]
        return roots, "The region: partnerships, collaborations and their reporting lines"
    return [found], f"{found.name}: structure and reporting lines"


Edge = tuple[str, str, str, dict[str, object]]


def org_chart(dataset: Dataset, options: ExportOptions | None = None) -> Chart:
    """The chart of a partnership, a collaboration or the region.

    ``options.partnership`` chooses the partnership or collaboration (by default the
    only partnership, or the whole region when there are several); ``options.edges``
    the edge kinds drawn (:data:`DEFAULT_EDGES`); ``options.depth`` how many steps the
    chart reaches beyond the chosen bodies and their own groups (:data:`DEFAULT_DEPTH`):
    0 shows those alone, 1 adds the bodies their lines reach directly, and so on. A
    derived accountable-to line that repeats a drawn reporting line is left out. A
    partnership's own escalation routes are drawn from the partnership (the graph's
    edges from it). Edges are chosen by their ``kind`` attribute, so a repeated line
    (keyed ``reports-to#2``) is drawn too. The work is linear in the size of the graph.
    """
    from ..graph import build_graph
    from ..model.meaning import TOP_KINDS

    options = options or ExportOptions()
    roots, title = _scope(dataset, options.partnership)
    kinds = options.edges or DEFAULT_EDGES
    depth = DEFAULT_DEPTH if options.depth is None else options.depth
    governance = build_graph(dataset)
    governance.view(*kinds)  # checks the kinds, with a suggestion for a typo
    graph = governance.graph
    wanted = frozenset(kinds)
    found: list[Edge] = [
        (source, target, str(data.get("kind", key)), data)
        for source, target, key, data in graph.edges(keys=True, data=True)
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
    for source, target, _, _ in found:
        link(source, target)

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
    edges = _edges(found, distance)
    drawn = {node.cluster for node in nodes}
    clusters = [
        Cluster(id=owner.id, label=owner.label, kind=_kind(owner))
        for owner in _owners(dataset)
        if owner.id in drawn
    ]
    nodes, links = _functional_links(nodes, edges)
    clusters.extend(links)
    return Chart(title=title, nodes=tuple(nodes), edges=edges, clusters=tuple(clusters))


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


def figure_options(figure: Figure) -> ExportOptions:
    """The chart options of a document's figure, for :func:`org_chart` or any chart format."""
    chart = figure.chart
    return ExportOptions(partnership=chart.partnership, edges=chart.edges, depth=chart.depth)


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
        if kind not in STYLES:
            words = kind_words(kind)
            label = f"{words} ({label})" if label else words
        edges.append(ChartEdge(source=source, target=target, kind=kind, label=label))
    return tuple(edges)


def _cadence_words(value: str) -> str:
    try:
        return Cadence(value).label
    except ValueError:
        return value
