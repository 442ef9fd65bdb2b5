"""Builders that turn a model into documents: summaries and neutral document trees.

A document tree (:mod:`.tree`) is written by the exporters (Markdown, HTML, Word);
it is self-contained, so a writer needs nothing but the tree. Its figures carry
their org charts (:mod:`.charts`), computed here from one governance graph per
document. The builders here know nothing of formats.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import UsageError
from ..model import Dataset
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
    "arrangements",
    "build",
    "chair_text",
    "choose",
    "org_chart",
    "summary",
    "yearly_report",
]

BUILDERS = {"arrangements": arrangements, "yearly-report": yearly_report}
"""The documents by name, as ``--document`` chooses them."""


def build(
    name: str,
    dataset: Dataset,
    partnership: str | None = None,
    *,
    graph: GovernanceGraph | None = None,
) -> Document:
    """The document called ``name`` (``arrangements`` or ``yearly-report``) for a partnership.

    ``graph``, when given, is the dataset's governance graph, from which the document's
    charts are drawn; otherwise it is built once, when the first chart needs it.
    """
    try:
        builder = BUILDERS[name]
    except KeyError:
        raise UsageError(
            f"no document called {name!r}; the documents are: {', '.join(BUILDERS)}"
        ) from None
    return builder(dataset, partnership, graph=graph)
