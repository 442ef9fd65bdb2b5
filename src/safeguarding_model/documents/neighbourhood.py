"""The part of a dataset that one body's chart is drawn from.

A document's chart shows a partnership (or a collaboration), its groups and the
bodies their lines reach (:data:`~.charts.DEFAULT_DEPTH` steps). Drawing it from the
governance graph of a whole region or of the nation builds every partnership's
structure to show one: :class:`PartCharts` builds the graph of just the entities a
document's charts need, once, and checks that they are all they need:

- the body, and everything it names, and everything those name, and so on (so the
  part is whole: every reference in it resolves);
- then, the chart drawn, every entity outside the part that names a body the chart
  shows (a group of another partnership with a line to one of the body's groups, a
  collaboration it is a member of, a plan that its groups own), with everything that
  names in turn; and the chart drawn again, until no entity outside the part names a
  body it shows.

Each edge of the graph is made from an entity that names both its ends or is one of
them, and each node from its entity, so the chart drawn from the part is the chart
drawn from the whole (tests compare the two on the shipped datasets, a generated
national dataset and generated models). The references of every entity
(:class:`~safeguarding_model.model.referencing.References`) are those loading found
as it checked them, or, for a dataset made in code, found once (a walk over the
model, far cheaper than building its graph) and kept while the dataset lives.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from ..io.references import named_ids
from ..model import Collaboration, Dataset, Partnership
from ..model.dataset import worked_out
from ..model.referencing import REFERENCES, References, held_ids

if TYPE_CHECKING:
    from ..graph import GovernanceGraph
    from .charts import OrgChart

__all__ = ["PartCharts", "References", "references", "scoped_chart"]


def _find_references(dataset: Dataset) -> References:
    entries, owner = References.entries_of(dataset)
    names = []
    for field, position in entries:
        named = named_ids(getattr(dataset, field)[position], set())
        names.append({key for key in named if key in owner})  # a dangling one names nothing
    return References(entries, owner, names)


def references(dataset: Dataset) -> References:
    """The references of ``dataset``: those loading found, or found once while it lives."""
    return worked_out(dataset, REFERENCES, _find_references)


class PartCharts:
    """The charts of one document, drawn from one graph of the part of ``dataset``
    they need (see the module's description), built once and built again only when a
    later chart needs more. A part that would hold most of the dataset is not worth
    it: :meth:`chart` then gives None, and the caller draws from the whole dataset's
    graph."""

    largest = 0.5
    """The share of the dataset's entries above which a part is not worth building."""

    remembered = 4
    """How many of the part graphs last built from a dataset are kept."""

    def __init__(
        self, dataset: Dataset, *, on: object = None, today: datetime.date | None = None
    ) -> None:
        self.dataset = dataset
        self.on = on
        self.today = today
        self.found = references(dataset)
        self.kept: set[int] = set()
        self.graph: GovernanceGraph | None = None

    def part_graph(self, kept: frozenset[int]) -> GovernanceGraph:
        """The graph of the part of the dataset made of the entries ``kept``. The last
        few built from a dataset (:attr:`remembered`, the charts of one document) are
        kept while it lives, so the same document made again does not build them again
        (a few only: a script making every partnership's document would otherwise keep
        graphs for all of them)."""
        from ..graph import build_graph

        last: dict[tuple[Any, ...], GovernanceGraph] = worked_out(
            self.dataset, "part graphs", lambda _: {}
        )
        key = (kept, self.on, self.today)
        graph = last.pop(key, None)
        if graph is None:
            part = self.found.part(self.dataset, set(kept))
            graph = build_graph(part, self.on, today=self.today)  # type: ignore[arg-type]
            while len(last) >= self.remembered:
                del last[next(iter(last))]
        last[key] = graph  # the most recent last
        return graph

    def chart(self, owner: str) -> OrgChart | None:
        """The structure chart of the partnership or collaboration ``owner`` (an id),
        or None when the part it needs is most of the dataset."""
        from .charts import org_chart

        found = self.found
        if owner not in found.owner:
            return None
        start = found.owner[owner]
        # what the body holds and names, and the entries that name it or its groups, or
        # the groups of the partnerships and collaborations it names (a collaboration's
        # executive, say), or the partnerships those collaborations name (its members):
        # the chart is likely to show them, and drawing it again for each one the first
        # guess left out would cost more than looking for them here
        bodies = [start]
        for body in bodies:
            if body != start and not isinstance(found.entity(self.dataset, body), Collaboration):
                continue
            for key in found.names[body]:
                other = found.owner[key]
                if other not in bodies and isinstance(
                    found.entity(self.dataset, other), Partnership | Collaboration
                ):
                    bodies.append(other)
        seeds = {start}
        for body in bodies:
            seeds |= found.naming(held_ids(found.entity(self.dataset, body)))
        kept = found.whole(seeds) | self.kept
        total = len(found.entries)
        while len(kept) < total and len(kept) <= self.largest * total:
            if self.graph is None or kept != self.kept:
                self.graph = self.part_graph(frozenset(kept))
                self.kept = kept
            chart = org_chart(self.graph, partnership=owner, today=self.today)
            missing = found.naming({node.id for node in chart.nodes}) - kept
            if not missing:
                return chart
            kept = found.whole(kept | missing)
        return None


def scoped_chart(
    dataset: Dataset,
    owner: str,
    *,
    on: object = None,
    today: datetime.date | None = None,
) -> OrgChart | None:
    """The structure chart of the partnership or collaboration ``owner`` (an id),
    drawn from the governance graph of the part of ``dataset`` it needs; None when that
    part is most of the dataset (draw it from the whole dataset's graph then)."""
    return PartCharts(dataset, on=on, today=today).chart(owner)
