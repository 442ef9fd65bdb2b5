"""Builders that turn a model into documents: summaries and neutral document trees.

A document tree (:mod:`.tree`) is rendered by the exporters (Markdown, HTML, Word);
the builders here know nothing of formats.
"""

from ..errors import UsageError
from ..model import Dataset
from ._common import choose
from .arrangements import arrangements
from .summary import chair_text, summary
from .tree import (
    Block,
    Chart,
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

__all__ = [
    "BUILDERS",
    "Block",
    "Chart",
    "Document",
    "Figure",
    "ItemList",
    "ListItem",
    "Paragraph",
    "Placeholder",
    "Section",
    "Span",
    "Table",
    "arrangements",
    "build",
    "chair_text",
    "choose",
    "summary",
    "yearly_report",
]

BUILDERS = {"arrangements": arrangements, "yearly-report": yearly_report}
"""The documents by name, as ``--document`` chooses them."""


def build(name: str, dataset: Dataset, partnership: str | None = None) -> Document:
    """The document called ``name`` (``arrangements`` or ``yearly-report``) for a partnership."""
    try:
        builder = BUILDERS[name]
    except KeyError:
        raise UsageError(
            f"no document called {name!r}; the documents are: {', '.join(BUILDERS)}"
        ) from None
    return builder(dataset, partnership)
