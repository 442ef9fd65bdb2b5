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

import datetime
from collections import deque
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Literal

import attrs

from .._collector import collector_paused
from ..model import Cadence, Collaboration, Dataset, Partnership
from ..model.dates import date_text

if TYPE_CHECKING:
    from ..graph import GovernanceGraph
    from .neighbourhood import PartCharts

__all__ = [
    "CHART_PARTS",
    "COLLABORATION_EDGES",
    "DEFAULT_DEPTH",
    "DEFAULT_EDGES",
    "LINE_WORDS",
    "NOT_BODIES",
    "STRUCTURE_KINDS",
    "STYLED_KINDS",
    "TOP_GROUPS",
    "ChartEdge",
    "ChartMaker",
    "ChartNode",
    "Cluster",
    "OrgChart",
    "chart_parts",
    "kind_words",
    "org_chart",
]

DEFAULT_EDGES = (
    "reports-to",
    "reports-for-information-to",
    "advises",
    "reports-to-meaning-not-stated",
    "accountable-to",
    "escalates-to",
    "joint-with",
    "linked-to",
)
"""The edge kinds a chart draws unless told otherwise."""

LINE_WORDS = {
    "reports-for-information-to": "for information",
    "advises": "advises",
    "reports-to-meaning-not-stated": "meaning not stated",
}
"""The words that label every line of a kind that carries no accountability."""

TOP_GROUPS = ("leadership-group", "executive-group", "partnership-board")
"""The kinds of group a chart draws boldly: a leadership group above the partnership,
and the executive groups and partnership boards that may head its structure."""

DEFAULT_DEPTH = 1
"""How many steps beyond the chosen bodies and their own groups a chart reaches by default."""

COLLABORATION_EDGES = ("collaborates-in",)
"""The edge kinds a collaboration's chart draws besides :data:`DEFAULT_EDGES` unless
told otherwise: its member partnerships taking part in it."""

NOT_BODIES = ("plan", "objective")
"""The node kinds a chart of the default edge kinds does not reach: a plan and its
objectives (an objective run jointly with a partnership) are not bodies of the
structure. Naming the edge kinds (``owns``, ``joint-with``) draws them."""

STYLED_KINDS = (*DEFAULT_EDGES, *COLLABORATION_EDGES, "part-of")
"""The edge kinds that charts draw in a look of their own, in the order a chart's key
lists them (the chart formats' styles, ``exporters.charts.STYLES``, follow it). A line
of any other kind carries its kind in words in its label."""


STRUCTURE_KINDS = (
    "reports-to",
    "reports-for-information-to",
    "advises",
    "reports-to-meaning-not-stated",
    "accountable-to",
    "part-of",
)
"""The edge kinds of a body's structure: its reporting lines, stated or derived, and
where its groups sit. A document's structure chart draws these (:func:`chart_parts`)."""

CHART_PARTS = ("structure", "escalation", "lines", "links", "region")
"""The charts a document splits a body's chart into, in this order (:func:`chart_parts`):
its structure, its escalation routes, its other lines (joint working, reporting lines
with bodies outside it), its functional links, and its lines with other partnerships
and collaborations."""


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
    whether it is a group of a kind that may head a structure (a leadership group, an
    executive group or a partnership board), which charts draw boldly. ``status`` is
    how it stands on the chart's date (``current``, ``ended``, ``future`` or
    ``planned``; see :class:`~safeguarding_model.model.meaning.Standing`): a body with
    dates carries them in its label (``ended 2023-11``, ``planned``), and charts draw what is
    planned or ended in a look of its own.
    """

    id: str
    label: str
    kind: str
    subkind: str | None = None
    cluster: str | None = None
    top: bool = False
    status: str = "current"


@attrs.frozen(kw_only=True)
class ChartEdge:
    """A line from the subordinate ``source`` to the superior ``target``: ``derived``
    when the model implies it rather than states it (drawn in a look of its own), and
    ``status`` how it stands (a planned or ended line is drawn in a look of its own, its
    label saying so). ``alternative`` marks a line to one of several bodies "and/or"
    (its label says "and/or"). A line for information or of advice says so in its
    label."""

    source: str
    target: str
    kind: str
    label: str | None = None
    derived: bool = False
    status: str = "current"
    alternative: bool = False


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
    """What a chart shows, in a stable order: the same model gives the same chart.
    ``on`` is the date the chart is taken on (as written), when it is. ``ranks`` are
    pairs of nodes (lower, upper) drawn one above the other without a line between
    them: a partnership below the leadership group that leads it (a line is drawn
    between them only where the data states one)."""

    title: str
    nodes: tuple[ChartNode, ...]
    edges: tuple[ChartEdge, ...]
    clusters: tuple[Cluster, ...]
    on: str | None = None
    ranks: tuple[tuple[str, str], ...] = ()

    @property
    def kinds(self) -> tuple[str, ...]:
        """The edge kinds drawn, in the order of the key."""
        present = {edge.kind for edge in self.edges}
        known = [kind for kind in STYLED_KINDS if kind in present]
        return (*known, *sorted(present - set(STYLED_KINDS)))

    @property
    def marks(self) -> tuple[str, ...]:
        """What the key says besides the kinds, in this order: ``planned``, ``ended``
        (lines or bodies of that status are drawn), ``derived`` (a derived line of a
        kind that is not always derived)."""
        found = {edge.status for edge in self.edges} | {node.status for node in self.nodes}
        marks: list[str] = [mark for mark in ("planned", "ended") if mark in found]
        if any(edge.derived and edge.kind != "accountable-to" for edge in self.edges):
            marks.append("derived")
        return tuple(marks)

    @property
    def heading(self) -> str:
        """The title, with the chart's date where it has one."""
        if self.on is None:
            return self.title
        return f"{self.title} (the arrangements as they stood on {self.on})"


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


@collector_paused()  # what it builds makes no reference cycles: see _collector
def org_chart(
    source: Dataset | GovernanceGraph,
    *,
    partnership: str | None = None,
    edges: Iterable[str] | None = None,
    depth: int | None = None,
    today: datetime.date | None = None,
) -> OrgChart:
    """The chart of a partnership, a collaboration or the region.

    ``source`` is the governance graph to chart (of the structure on a date, if it was
    built so), or a dataset, whose graph is then built: a caller drawing several charts
    builds the graph once and passes it. ``partnership`` chooses the partnership or
    collaboration (by default the only partnership, or the whole region when there are
    several); ``edges`` the edge kinds drawn (:data:`DEFAULT_EDGES`, and for one
    collaboration :data:`COLLABORATION_EDGES` too, so that its chart shows its member
    partnerships, its own groups and the lines into them; with the default kinds a
    chart reaches no plan or objective, :data:`NOT_BODIES`); ``depth`` how many
    steps the chart reaches beyond the chosen bodies and their own groups
    (:data:`DEFAULT_DEPTH`): 0 shows those alone, 1 adds the bodies their lines reach
    directly, and so on. A derived accountable-to line that repeats a drawn reporting
    line is left out. A line for information, of advice or of a meaning the source does
    not state says so in its label, and a line to one of several bodies "and/or"; a
    leadership group is ranked above the partnership it leads (``ranks``), with no line
    between them unless the data states one. A partnership's own escalation routes are
    drawn from the partnership (the graph's edges from it). Edges are chosen by their
    ``kind`` attribute, so a repeated line (keyed ``reports-to#2``) is drawn too. The
    work is linear in the size of the graph.

    Dates are read against the graph's date (``on``), or against ``today`` (by default
    the graph's own): a body or line whose end has passed is marked ended, a planned
    one planned, each in its label too.
    """
    from ..graph.answers import when
    from ..graph.governance import status_of
    from ..model.meaning import reference_span

    if isinstance(source, Dataset):
        from ..graph import build_graph

        source = build_graph(source)
    governance = source
    at = governance.at
    if today is not None and governance.on is None:
        at = reference_span(None, today)

    def status(data: dict[str, Any]) -> str:
        return status_of(data.get("start"), data.get("end"), bool(data.get("planned")), at)

    dataset = governance.dataset
    roots, title = _scope(dataset, partnership)
    chosen = tuple(edges or ())
    kinds = chosen or DEFAULT_EDGES
    one_collaboration = len(roots) == 1 and isinstance(roots[0], Collaboration)
    if not chosen and one_collaboration:  # its members, whatever lines they have
        kinds = (*kinds, *COLLABORATION_EDGES)
    depth = DEFAULT_DEPTH if depth is None else depth
    governance.view(*kinds)  # checks the kinds, with a suggestion for a typo
    graph = governance.graph
    bodies_only = not chosen

    def reached(node: str) -> bool:
        return node in graph and not (bodies_only and graph.nodes[node]["kind"] in NOT_BODIES)

    wanted = frozenset(kinds)
    found: list[Edge] = [
        (start, end, str(data.get("kind", key)), data)
        for start, end, key, data in graph.edges(keys=True, data=True)
        if data.get("kind", key) in wanted
    ]

    owner_of: dict[str, Owner] = {}
    for owner, group in dataset.groups():
        owner_of.setdefault(group.id, owner)
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
            if other not in distance and reached(other):
                distance[other] = distance[node] + 1
                queue.append(other)
    boxed = {owner.id for group, owner in owner_of.items() if group in distance}
    nodes = []
    for key, data in graph.nodes(data=True):
        if key not in distance:
            continue
        own = owner_of.get(key)
        kind = str(data.get("kind"))
        subkind = data.get("group_kind") or data.get("organisation_kind")
        found_status = status(data)
        name = str(data.get("name") or data.get("label") or key)
        nodes.append(
            ChartNode(
                id=key,
                label=name + when(data.get("start"), data.get("end"), found_status),
                kind=kind,
                subkind=subkind,
                cluster=own.id if own is not None else (key if key in boxed else None),
                top=kind == "group" and subkind in TOP_GROUPS,
                status=found_status,
            )
        )
    standing = {node.id: node.status for node in nodes}

    def line_status(start: str, end: str, data: dict[str, Any]) -> str:
        """A line's own status, or ended when it joins a body that has ended."""
        own = status(data)
        ends = (standing.get(start), standing.get(end))
        return "ended" if own == "current" and "ended" in ends else own

    lines = _edges(found, distance, line_status)
    drawn = {node.cluster for node in nodes}
    clusters = [
        Cluster(id=owner.id, label=owner.label, kind=_kind(owner))
        for owner in _owners(dataset)
        if owner.id in drawn
    ]
    nodes, links = _functional_links(nodes, lines)
    clusters.extend(links)
    on = None if governance.on is None else date_text(governance.on)
    partnerships = {p.id for p in dataset.partnerships}
    ranks = tuple(
        (node.cluster, node.id)
        for node in nodes
        if node.subkind == "leadership-group"
        and node.kind == "group"
        and node.cluster in partnerships
        and node.cluster in distance
    )
    return OrgChart(
        title=title,
        nodes=tuple(nodes),
        edges=lines,
        clusters=tuple(clusters),
        on=on,
        ranks=ranks,
    )


def chart_parts(chart: OrgChart, owner: str, name: str) -> tuple[tuple[str, OrgChart], ...]:
    """``chart``, the chart of the partnership or collaboration ``owner`` (an id; its
    name ``name``), split into charts that each fit a page, by its lines: each part
    named (:data:`CHART_PARTS`), in that order, those with no lines left out but the
    structure, which is always given.

    - ``region``: the lines with a body of another partnership or collaboration, or
      that body itself (and a partnership's lines taking part in a collaboration);
    - ``structure``: of the others, the lines of :data:`STRUCTURE_KINDS` between the
      bodies of ``owner``'s own box, or from ``owner`` itself (to its lead partners,
      say), with every body of its box and every body the chart shows with no line;
    - ``links``: of the others, the functional links (``linked-to``);
    - ``escalation``: of the others, the escalation routes (``escalates-to``);
    - ``lines``: every other line (joint working, and the reporting lines between the
      box's bodies and bodies outside it).

    Each part holds the bodies its lines join, the boxes they are in (but the box of
    the functional links, in the chart of them), and the ranks between them; every
    line of the chart is in exactly one part. The structure keeps the chart's title;
    the others say what they show. The work is linear in the size of the chart.
    """
    kinds = {cluster.id: cluster.kind for cluster in chart.clusters}
    nodes = {node.id: node for node in chart.nodes}

    def elsewhere(key: str) -> bool:
        node = nodes[key]
        if node.cluster == owner or key == owner:
            return False
        bodies = ("partnership", "collaboration")
        return node.kind in bodies or kinds.get(str(node.cluster)) in bodies

    joined = {end for edge in chart.edges for end in (edge.source, edge.target)}
    own = {n.id for n in chart.nodes if n.cluster == owner or n.id == owner or n.id not in joined}
    lines: dict[str, list[ChartEdge]] = {part: [] for part in CHART_PARTS}
    for edge in chart.edges:
        if edge.kind in COLLABORATION_EDGES or elsewhere(edge.source) or elsewhere(edge.target):
            lines["region"].append(edge)
        elif edge.kind in STRUCTURE_KINDS and (
            edge.source == owner or {edge.source, edge.target} <= own
        ):
            lines["structure"].append(edge)
        elif edge.kind == "linked-to":
            lines["links"].append(edge)
        elif edge.kind == "escalates-to":
            lines["escalation"].append(edge)
        else:
            lines["lines"].append(edge)
    words = {
        "lines": _lines_words(lines["lines"]),
        "links": "functional links",
        "escalation": "escalation routes",
        "region": "lines with other partnerships and collaborations",
    }
    parts = []
    for part in CHART_PARTS:
        edges = lines[part]
        if part != "structure" and not edges:
            continue
        shown = {end for edge in edges for end in (edge.source, edge.target)}
        if part == "structure":
            shown |= own
        drawn = [node for node in chart.nodes if node.id in shown]
        if part == "links":  # the chart is of the functional links: no box around them
            drawn = [
                attrs.evolve(node, cluster=None)
                if kinds.get(str(node.cluster)) == "links"
                else node
                for node in drawn
            ]
        boxes = {node.cluster for node in drawn}
        title = chart.title if part == "structure" else f"{name}: {words[part]}"
        parts.append(
            (
                part,
                OrgChart(
                    title=title,
                    nodes=tuple(drawn),
                    edges=tuple(edges),
                    clusters=tuple(c for c in chart.clusters if c.id in boxes),
                    on=chart.on,
                    ranks=tuple(p for p in chart.ranks if p[0] in shown and p[1] in shown),
                ),
            )
        )
    return tuple(parts)


_LINE_WORDS = {"escalates-to": "escalation", "joint-with": "joint working"}


def _lines_words(edges: Iterable[ChartEdge]) -> str:
    """What a chart of these lines shows, in the key's order of their kinds:
    "escalation, joint working and reporting lines with other bodies"."""
    present = {edge.kind for edge in edges}
    kinds = [kind for kind in STYLED_KINDS if kind in present] + sorted(present - {*STYLED_KINDS})
    named = [
        _LINE_WORDS.get(kind) or kind_words(kind) for kind in kinds if kind not in STRUCTURE_KINDS
    ]
    if present & {*STRUCTURE_KINDS}:
        named.append("reporting lines with other bodies")
    if len(named) > 1:
        return f"{', '.join(named[:-1])} and {named[-1]}"
    return named[0] if named else "other lines"


class ChartMaker:
    """The org charts of one document, all from one governance graph: ``graph`` when
    the caller has it already, or the dataset's, built when the first chart is asked
    for (so a document without charts never builds it)."""

    def __init__(
        self,
        dataset: Dataset,
        graph: GovernanceGraph | None = None,
        *,
        on: object = None,
        today: datetime.date | None = None,
    ) -> None:
        self.dataset = dataset
        self._graph = graph
        self._parts: PartCharts | Literal[False] | None = None
        self.on = on
        self.today = today

    @property
    def graph(self) -> GovernanceGraph:
        """The governance graph the charts are drawn from, built once (of the
        dataset's structure on ``on`` when it is given: the dataset is then taken to
        be the view on that date already)."""
        if self._graph is None:
            from ..graph import build_graph

            self._graph = build_graph(self.dataset, self.on, today=self.today)  # type: ignore[arg-type]
        return self._graph

    def chart(self, owner: Owner) -> OrgChart:
        """The structure chart of a partnership or collaboration, with the default edge
        kinds and depth: from the graph given, or else from the graph of the part of
        the dataset the chart needs (:mod:`.neighbourhood`), so that a chart of one
        partnership of a region or of the nation does not build every partnership's
        structure."""
        if self._graph is None and self._parts is not False:
            from .neighbourhood import PartCharts

            if self._parts is None:
                self._parts = PartCharts(self.dataset, on=self.on, today=self.today)
            chart = self._parts.chart(owner.id)
            if chart is not None:
                return chart
            self._parts = False  # the part is most of the dataset: draw from the whole
        return org_chart(self.graph, partnership=owner.id, today=self.today)


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


def _edges(
    found: Iterable[Edge],
    shown: dict[str, int],
    status_of: Callable[[str, str, dict[str, Any]], str],
) -> tuple[ChartEdge, ...]:
    from ..graph.answers import when

    kept = [(s, t, k, d) for s, t, k, d in found if s in shown and t in shown]
    # a derived accountable-to line that repeats a drawn reporting line (of the same
    # planned-ness: a current fallback is not hidden behind a planned line) is left out
    reporting = {(s, t, bool(d.get("planned"))) for s, t, k, d in kept if k == "reports-to"}
    edges = []
    for source, target, kind, data in kept:
        repeats = (source, target, bool(data.get("planned"))) in reporting
        if kind == "accountable-to" and repeats:
            continue
        status = status_of(source, target, data)
        cadence = data.get("cadence")
        alternative = bool(data.get("alternatives"))
        parts = [LINE_WORDS[kind]] if kind in LINE_WORDS else []
        if alternative:
            parts.append("and/or")
        parts += [str(data[key]) for key in ("condition",) if data.get(key)]
        if cadence:
            parts.append(_cadence_words(str(cadence)))
        elif data.get("cadence_text"):
            parts.append(str(data["cadence_text"]))
        dates = when(_text(data.get("start")), _text(data.get("end")), status).strip(" ()")
        if dates:
            parts.append(dates)
        label = ", ".join(parts) or None
        if kind not in STYLED_KINDS:
            words = kind_words(kind)
            label = f"{words} ({label})" if label else words
        edges.append(
            ChartEdge(
                source=source,
                target=target,
                kind=kind,
                label=label,
                derived=bool(data.get("derived")),
                status=status,
                alternative=alternative,
            )
        )
    return tuple(edges)


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _cadence_words(value: str) -> str:
    try:
        return Cadence(value).label
    except ValueError:
        return value
