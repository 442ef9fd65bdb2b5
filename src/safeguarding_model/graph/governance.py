"""``GovernanceGraph``: the networkx graph of a dataset, wrapped with its questions.

The raw ``networkx.MultiDiGraph`` is ``graph``; ``view(*kinds)`` filters it by edge
kind. The question methods delegate to ``queries`` and ``findings`` so that each can
also be called as a function.
"""

from __future__ import annotations

import datetime
import difflib
import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..errors import UsageError
from ..model import Dataset, PartialDate
from ..model.dates import Span, span_of
from ..model.meaning import standing
from ..model.names import KIND_WORDS
from . import findings, plan_answers, queries
from .answers import (
    AccountabilityLine,
    Chairs,
    EscalationRoute,
    Finding,
    Membership,
    Ref,
    Seats,
    StructureReport,
)
from .kinds import EdgeKind, NodeKind, key_kind
from .plan_answers import JointWork, Ownership, Progress, Unowned

if TYPE_CHECKING:
    from ..model.meaning import ModelIndex

__all__ = ["GovernanceGraph"]


def edge_kind(value: EdgeKind | str) -> EdgeKind:
    """An ``EdgeKind`` from itself or its value; a clear error for anything else."""
    if isinstance(value, EdgeKind):
        return value
    try:
        return EdgeKind(value)
    except ValueError:
        choices = [k.value for k in EdgeKind]
        close = difflib.get_close_matches(str(value), choices, n=1)
        hint = f" (did you mean `{close[0]}`?)" if close else ""
        raise UsageError(
            f"`{value}` is not an edge kind{hint}; the kinds are: {', '.join(choices)}"
        ) from None


_WANTED: dict[tuple[EdgeKind | str, ...], frozenset[str]] = {}


def _kinds_wanted(kinds: tuple[EdgeKind | str, ...]) -> frozenset[str]:
    """The values of ``kinds`` (see :func:`edge_kind`), found once for each tuple."""
    found = _WANTED.get(kinds)
    if found is None:
        found = frozenset(edge_kind(k).value for k in kinds)
        if len(_WANTED) < 256:  # the kinds the queries ask for, not every caller's
            _WANTED[kinds] = found
    return found


def _first(item: tuple[Any, ...]) -> Any:
    return item[0]


def node_kind(value: NodeKind | str) -> NodeKind:
    """A ``NodeKind`` from itself or its value."""
    if isinstance(value, NodeKind):
        return value
    try:
        return NodeKind(value)
    except ValueError:
        choices = ", ".join(k.value for k in NodeKind)
        raise UsageError(f"`{value}` is not a node kind; the kinds are: {choices}") from None


@functools.lru_cache(maxsize=4096)
def _date(text: str | None) -> PartialDate | None:
    return None if text is None else PartialDate.from_string(text)


def status_of(start: str | None, end: str | None, planned: bool, at: Span) -> str:
    """How an entry with these dates (as written) stands on ``at``: ``current``,
    ``ended``, ``future`` or ``planned`` (see
    :class:`~safeguarding_model.model.meaning.Standing`)."""
    if not (start or end or planned):
        return "current"
    return standing(_date(start), _date(end), at, planned=planned).value


_CLASSES: dict[NodeKind, type] = {
    kind: cls for cls, word in KIND_WORDS.items() for kind in NodeKind if kind.value == word
}


class GovernanceGraph:
    """A dataset's governance graph and the questions it answers.

    Build one with ``build_graph(dataset)``, or ``build_graph(dataset, on=date)`` for
    the structure as it stood on a date. Node ids are the model's ids; every node has
    ``kind`` (a ``NodeKind`` value), ``label`` and ``name``; every edge has ``kind``
    (an ``EdgeKind`` value), ``cadence``, ``text``, ``capacity``, ``derived``,
    ``via``, ``start`` and ``end`` (``None`` where the model says nothing), and is
    keyed by its kind, or ``kind#2``, ``kind#3`` for a repeat between the same two
    nodes. ``problems`` lists references the build could not follow.

    ``out_edges(node)`` lists a node's edges in the order the model gives them
    (networkx lists them grouped by neighbour).

    Answers say how each entry stands (``status``: ``current``, ``ended``, ``future``
    or ``planned``) against ``on``, or, for everything in the data, against ``today``
    (the day the graph was built, unless given): an end still to come is never
    "ended", and what is planned is kept apart from what is in place.

    ``on`` is the date asked for (``None`` for everything in the data); ``excluded``
    the ids of the groups, collaborations and posts that date leaves out; ``source``
    the dataset as given, and ``dataset`` the one the graph shows (the same, unless
    ``on`` left something out).
    """

    def __init__(
        self,
        *,
        graph: nx.MultiDiGraph,
        index: ModelIndex,
        problems: tuple[Finding, ...],
        sequence: list[str] | None = None,
        on: PartialDate | datetime.date | str | int | None = None,
        excluded: tuple[str, ...] = (),
        source: Dataset | None = None,
        today: datetime.date | None = None,
    ) -> None:
        self.graph = graph
        self.index = index
        self.problems = problems
        self._sequence = sequence
        self._order: dict[tuple[str, str, str], int] | None = None
        self._refs: dict[str, Ref] = {}
        self.on = on
        self.excluded = excluded
        self.source = source if source is not None else index.dataset
        self.today = today or datetime.date.today()

    @property
    def at(self) -> Span:
        """The days against which answers read dates: ``on``'s span, else ``today``."""
        if self.on is not None:
            return span_of(self.on)
        day = (self.today.year, self.today.month, self.today.day)
        return day, day

    def status(self, data: dict[str, Any]) -> str:
        """How a node or edge (its attributes) stands on :attr:`at`."""
        return status_of(data.get("start"), data.get("end"), bool(data.get("planned")), self.at)

    @property
    def dataset(self) -> Dataset:
        """The dataset the graph shows: as it stood on ``on``, when that is given."""
        return self.index.dataset

    def __repr__(self) -> str:
        on = f" on {self.on}" if self.on is not None else ""
        return (
            f"<GovernanceGraph{on}: {self.graph.number_of_nodes()} nodes, "
            f"{self.graph.number_of_edges()} edges>"
        )

    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> dict[str, str]:
        """The graph in a notebook: its org chart as SVG, or listed where Graphviz cannot
        draw it (:mod:`safeguarding_model.notebook`, a face, imported only when
        displayed)."""
        from ..notebook.charts import graph_bundle

        return graph_bundle(self, include, exclude)

    # --- the raw graph ----------------------------------------------------------------

    def view(self, *kinds: EdgeKind | str, incident_only: bool = False) -> Any:
        """A read-only view of the graph holding only edges of ``kinds``.

        Every node stays in the view unless ``incident_only`` is true, when only the
        nodes that touch a kept edge do. Kinds are ``EdgeKind`` members or values; a
        repeated edge (keyed ``kind#2``) is kept with its kind.
        """
        if not kinds:
            raise UsageError("name at least one edge kind for a view")
        wanted = frozenset(edge_kind(k).value for k in kinds)

        def keep_edge(source: str, target: str, key: str) -> bool:
            return key in wanted or key_kind(key) in wanted

        if not incident_only:
            return nx.subgraph_view(self.graph, filter_edge=keep_edge)
        touched: set[str] = set()
        for source, target, key in self.graph.edges(keys=True):
            if keep_edge(source, target, key):
                touched.add(source)
                touched.add(target)
        return nx.subgraph_view(self.graph, filter_node=touched.__contains__, filter_edge=keep_edge)

    @property
    def order(self) -> dict[tuple[str, str, str], int]:
        """Each edge's ``(source, target, key)`` and its position in the build."""
        if self._order is None:
            edges: Iterable[tuple[str, str, str]] = self.graph.edges(keys=True)
            if self._sequence is not None:  # each edge's source, target and key in turn
                each = iter(self._sequence)
                edges = zip(each, each, each, strict=True)
            self._order = {edge: number for number, edge in enumerate(edges)}
            self._sequence = None
        return self._order

    def out_edges(self, node: str, *kinds: EdgeKind | str) -> list[tuple[str, str, dict[str, Any]]]:
        """``node``'s outgoing edges as (target, key, attributes), in the model's order;
        only edges of ``kinds`` when given."""
        wanted = _kinds_wanted(kinds)
        order = self.order
        found = [
            (order[(node, target, key)], target, key, data)
            for target, keyed in self.graph._succ[node].items()  # the plain dictionaries
            for key, data in keyed.items()
            if not wanted or data["kind"] in wanted
        ]
        if len(found) > 1:
            found.sort(key=_first)
        return [(target, key, data) for _, target, key, data in found]

    def nodes_of(self, *kinds: NodeKind | str) -> list[str]:
        """The ids of the nodes of these kinds, in graph order."""
        wanted = {node_kind(k).value for k in kinds}
        return [n for n, kind in self.graph.nodes(data="kind") if kind in wanted]

    def ref(self, key: str) -> Ref:
        """A node's id, kind and name (and dates, for a group, post or collaboration)."""
        found = self._refs.get(key)
        if found is not None:
            return found
        data = self.graph._node.get(key)  # the plain dictionary of the nodes
        if data is None:
            return Ref(id=key, kind="unknown", name=key)
        found = Ref(
            id=key,
            kind=data["kind"],
            name=data["name"],
            start=data.get("start"),
            end=data.get("end"),
            status=self.status(data),
        )
        self._refs[key] = found  # (a Ref is immutable, and a node's status fixed)
        return found

    # --- naming nodes -----------------------------------------------------------------

    def resolve(self, key: str, *kinds: NodeKind | str) -> str:
        """The id of the node named ``key``: by id, or by name, short name or title,
        case-insensitively, through the model's one resolver
        (:class:`~safeguarding_model.model.names.Names`). With ``kinds``, only nodes of
        those kinds will do: an id of another kind does not hide a name of the right
        kind (the organisation ``pqa`` does not hide the group whose short name is PQA).

        Raises :class:`~safeguarding_model.errors.NotFoundError` for an unknown name
        (with the nearest name) or a node of the wrong kind, and
        :class:`~safeguarding_model.errors.AmbiguousNameError` for an ambiguous one
        (with the ids to choose from); both are ``UsageError``s.
        """
        classes = tuple(_CLASSES[node_kind(k)] for k in kinds)
        return self.index.names.resolve(key, *classes).id

    def find(self, key: str, *kinds: NodeKind | str) -> Ref:
        """The node named ``key`` (see ``resolve``) as a ``Ref``."""
        return self.ref(self.resolve(key, *kinds))

    def top_bodies(self, owner: str) -> tuple[Ref, ...]:
        """The top bodies of a partnership or collaboration: its executive groups, then
        its partnership boards, that report to no one and sit under no group."""
        key = self.resolve(owner, NodeKind.PARTNERSHIP, NodeKind.COLLABORATION)
        return tuple(self.ref(g) for g in self.index.top.get(key, []) if g in self.graph)

    # --- questions --------------------------------------------------------------------

    def accountability(self, body: str) -> AccountabilityLine:
        """The accountability line of a body, up to the lead safeguarding partners."""
        return queries.accountability(self, body)

    def escalation(self, start: str, end: str) -> EscalationRoute:
        """The escalation route from one body to another."""
        return queries.escalation(self, start, end)

    def chairs(self, *bodies: str) -> Chairs:
        """Who chairs each body (only ``bodies`` when given)."""
        return queries.chairs(self, *bodies)

    def sits_on(self, who: str) -> Seats:
        """Every body an organisation, post or person sits on, and in what capacity."""
        return queries.sits_on(self, who)

    def members(self, body: str) -> Membership:
        """The members of a group, partnership or collaboration, expanded to posts."""
        return queries.members(self, body)

    def structure(self) -> StructureReport:
        """Every structural finding: cycles, bodies reporting to no one, groups with no
        chair, dangling, duplicate or unresolved membership, chairs who are not members,
        and what the source does not state."""
        return findings.structure(self)

    # --- business plans ---------------------------------------------------------------

    def owns(self, who: str) -> Ownership:
        """The objectives, activities and actions of the business plans that a group,
        organisation, post or person owns, with the plan, co-owners, partners and years."""
        return plan_answers.owns(self, who)

    def unowned(self, plan: str | None = None) -> Unowned:
        """The objectives and activities (of ``plan``, or of every plan) whose owner the
        data does not give, and why: not stated in the source, or not given (unknown)."""
        return plan_answers.unowned(self, plan)

    def joint(self, plan: str | None = None) -> JointWork:
        """The objectives and activities (of ``plan``, or of every plan) run jointly with
        other partnerships, a collaboration or an organisation, and with whom."""
        return plan_answers.joint(self, plan)

    def progress(self, plan: str | None = None) -> Progress:
        """Each plan's (``plan`` only, when given) progress by reporting year and by the
        states of its actions."""
        return plan_answers.progress(self, plan)
