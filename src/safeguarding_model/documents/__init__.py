"""Builders that turn a model into documents: summaries and neutral document trees.

A document tree (:mod:`.tree`) is written by the exporters (Markdown, HTML, Word);
it is self-contained, so a writer needs nothing but the tree. Its figures carry
their org charts (:mod:`.charts`), computed here from one governance graph per
document. The builders here know nothing of formats.
"""

from __future__ import annotations

import datetime
import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

from ..errors import UsageError
from ..model import Dataset
from ..model.dates import OnDate
from ._common import choose
from .arrangements import arrangements
from .charts import (
    DEFAULT_DEPTH,
    DEFAULT_EDGES,
    ChartEdge,
    ChartNode,
    Cluster,
    OrgChart,
    org_chart,
)
from .dated import View, on_sentence, said_blocks, view_on
from .summary import chair_text, summary
from .tree import (
    Block,
    Document,
    Figure,
    ItemList,
    ListItem,
    Paragraph,
    Placeholder,
    Section,
    Span,
    Table,
)
from .yearly_report import yearly_report

if TYPE_CHECKING:
    from ..graph import GovernanceGraph

__all__ = [
    "BUILDERS",
    "DEFAULT_DEPTH",
    "DEFAULT_EDGES",
    "Block",
    "ChartEdge",
    "ChartNode",
    "Cluster",
    "Document",
    "Figure",
    "ItemList",
    "ListItem",
    "OrgChart",
    "Paragraph",
    "Placeholder",
    "Section",
    "Span",
    "Table",
    "View",
    "arrangements",
    "build",
    "chair_text",
    "choose",
    "on_sentence",
    "org_chart",
    "summary",
    "view_on",
    "yearly_report",
]

BUILDERS: dict[str, Callable[..., Document]] = {
    "arrangements": arrangements,
    "yearly-report": yearly_report,
}
"""The documents by name, as ``--document`` chooses them."""


def build(
    name: str,
    dataset: Dataset,
    partnership: str | None = None,
    *,
    graph: GovernanceGraph | None = None,
    on: OnDate | None = None,
    today: datetime.date | None = None,
    previous: Dataset | None = None,
) -> Document:
    """The document called ``name`` (``arrangements`` or ``yearly-report``) for a partnership.

    ``graph``, when given, is the dataset's governance graph, from which the document's
    charts are drawn; otherwise it is built once, when the first chart needs it.
    ``on`` takes the document on a date: the arrangements as they stood then, which
    the document says first (:func:`~.dated.view_on`); ``today`` is the day against
    which a document without a date reads an end as passed (by default, today). A
    builder that takes neither is given the view, and the date is said for it.
    ``previous`` is an earlier version of the arrangements, for a document that says
    what changed since (the yearly report); another document refuses it.
    """
    try:
        builder = BUILDERS[name]
    except KeyError:
        raise UsageError(
            f"no document called {name!r}; the documents are: {', '.join(BUILDERS)}"
        ) from None
    takes = inspect.signature(builder).parameters
    dated: dict[str, object] = {
        key: value for key, value in (("on", on), ("today", today)) if key in takes
    }
    if previous is not None:
        if "previous" not in takes:
            raise UsageError(
                f"the {name} document does not compare versions; `previous` is for the "
                "yearly-report document"
            )
        # on a date, the previous version as it stood then too (a builder that takes
        # the date views it itself), so that what the date leaves out of both (what is
        # planned, say) is not reported as a change
        dated["previous"] = previous if on is None or "on" in takes else previous.as_of(on)
    if "on" in dated:
        return builder(dataset, partnership, graph=graph, **dated)
    view = view_on(dataset, on, partnership, today=today)
    document = builder(view.dataset, view.partnership, graph=graph, **dated)
    if view.on is None:
        return document
    return attrs.evolve(document, on=str(view.on), blocks=(*said_blocks(view), *document.blocks))
