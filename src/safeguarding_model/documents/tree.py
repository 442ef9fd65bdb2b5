"""A neutral document tree: sections, headings, paragraphs, lists, tables and figures.

Builders (:mod:`.arrangements`, :mod:`.yearly_report`) turn a model into a
:class:`Document`; writers (Markdown, HTML, Word) turn a document into a file, and
need nothing else: the tree is self-contained data (frozen, comparable, picklable).
It holds plain text only: every writer escapes it for its own format. A figure holds
the org chart it shows, computed once by the builder (:class:`~.charts.OrgChart`:
bodies, lines and boxes, not a picture; each writer draws it in its own way), and a
text description for formats or readers that cannot draw it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeAlias

import attrs

from ..model import Item
from ..model.meaning import partial_of, partial_words
from .charts import OrgChart

__all__ = [
    "Block",
    "Document",
    "Figure",
    "ItemList",
    "ListItem",
    "Paragraph",
    "Placeholder",
    "Section",
    "Span",
    "Table",
    "item_list",
    "more_item",
    "paragraphs",
    "statement",
]


@attrs.frozen(kw_only=True)
class Span:
    """A run of text, perhaps strong (bold) or emphasised, perhaps a link."""

    text: str
    strong: bool = False
    emphasis: bool = False
    link: str | None = None


def _spans(value: str | Span | Iterable[str | Span]) -> tuple[Span, ...]:
    if isinstance(value, str):
        return (Span(text=value),)
    if isinstance(value, Span):
        return (value,)
    return tuple(Span(text=part) if isinstance(part, str) else part for part in value)


@attrs.frozen(kw_only=True)
class Paragraph:
    """A paragraph of text. ``note`` marks an editorial remark, not the document's words."""

    content: tuple[Span, ...] = attrs.field(converter=_spans)
    note: bool = False

    @property
    def text(self) -> str:
        """The paragraph's plain text."""
        return "".join(span.text for span in self.content)


@attrs.frozen(kw_only=True)
class ListItem:
    """An entry of a list, with the points listed under it."""

    content: tuple[Span, ...] = attrs.field(converter=_spans)
    children: tuple[ListItem, ...] = ()

    @property
    def text(self) -> str:
        """The entry's plain text (without its points)."""
        return "".join(span.text for span in self.content)


@attrs.frozen(kw_only=True)
class ItemList:
    """A bulleted or numbered list."""

    items: tuple[ListItem, ...]
    ordered: bool = False


@attrs.frozen(kw_only=True)
class Table:
    """A table of text cells; every row has as many cells as the header."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str | None = None

    def __attrs_post_init__(self) -> None:
        for row in self.rows:
            if len(row) != len(self.header):
                raise ValueError(f"a table row has {len(row)} cells, the header {len(self.header)}")


@attrs.frozen(kw_only=True)
class Figure:
    """An org chart with its caption, and a text description of what it shows.

    ``chart`` is the chart itself, computed when the document was built
    (:func:`~.charts.org_chart`), so that a writer draws it without the dataset.
    ``landscape`` says the chart is best printed on a page turned on its side: a
    printing format sets it where the chart, measured as Graphviz draws it, would be
    too small to read on an upright page
    (:func:`~safeguarding_model.exporters.graphviz.place_figures`); a document as it is
    built leaves it unset.
    """

    caption: str
    chart: OrgChart
    description: tuple[str, ...] = ()
    landscape: bool = False


@attrs.frozen(kw_only=True)
class Placeholder:
    """Where a person must write: ``prompt`` says what is wanted."""

    prompt: str


Block: TypeAlias = Paragraph | ItemList | Table | Figure | Placeholder
"""Every kind of block a section holds. Writers dispatch over it with ``match`` and end
with ``typing.assert_never``, so that a new kind of block no writer handles fails the
type check."""


@attrs.frozen(kw_only=True)
class Section:
    """A titled section: its blocks, then its subsections."""

    title: str
    blocks: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()


@attrs.frozen(kw_only=True)
class Document:
    """A whole document.

    ``kind`` is ``"arrangements"`` or ``"yearly-report"``; ``partnership`` the id of
    the partnership it describes; ``date`` the date of the source, as precise as the
    source gives it (``2024-09``), for renderers that record a document date; ``on``
    the date the document is taken on (the arrangements as they stood then), as
    written, when it is (its first block says so too).
    """

    kind: str
    title: str
    subtitle: str | None = None
    partnership: str | None = None
    date: str | None = None
    on: str | None = None
    blocks: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()

    def walk(self) -> Iterator[tuple[int, Section]]:
        """Every section, depth first, with its level (1 for top-level sections)."""

        def visit(sections: tuple[Section, ...], level: int) -> Iterator[tuple[int, Section]]:
            for section in sections:
                yield level, section
                yield from visit(section.sections, level + 1)

        yield from visit(self.sections, 1)

    def blocks_of(self, kind: type[Block]) -> list[Block]:
        """Every block of one kind, in document order (such as every :class:`Placeholder`)."""
        found = [b for b in self.blocks if isinstance(b, kind)]
        for _, section in self.walk():
            found.extend(b for b in section.blocks if isinstance(b, kind))
        return found


def paragraphs(text: str | None) -> tuple[Paragraph, ...]:
    """A text as paragraphs: each line is one.

    In the data files long text is written folded (``>-``), where lines are joined
    and a blank line between paragraphs becomes the one line break kept.
    """
    if not text:
        return ()
    parts = (" ".join(line.split()) for line in text.splitlines())
    return tuple(Paragraph(content=part) for part in parts if part)


def more_item(entity: object, field: str) -> tuple[ListItem, ...]:
    """The last entry of a list the source gives only in part: "… and others the source
    does not name" (emphasised: the data's words, not the document's); nothing for a
    whole list."""
    partial = partial_of(entity, field)
    if partial is None:
        return ()
    return (ListItem(content=Span(text=f"… {partial_words(partial)}", emphasis=True)),)


def _list_item(item: Item) -> ListItem:
    points = tuple(_list_item(p) for p in item.points) + more_item(item, "points")
    return ListItem(content=item.text, children=points)


def item_list(items: tuple[Item, ...], *, ordered: bool = False) -> ItemList:
    """A list from the model's items, their points as nested lists; an item whose
    points the source gives only in part ends them with what it leaves out."""
    return ItemList(items=tuple(_list_item(item) for item in items), ordered=ordered)


def statement(item: Item | None) -> tuple[Block, ...]:
    """A vision or a purpose: its text as paragraphs, then the points under it, as the
    document lists them (ending with what it leaves out, where it gives them in part)."""
    if item is None:
        return ()
    points = tuple(_list_item(point) for point in item.points) + more_item(item, "points")
    return (*paragraphs(item.text), *((ItemList(items=points),) if points else ()))
