"""Small, safe HTML for the notebook's displays.

Every piece of text from the data goes through :func:`text` (``html.escape``, quotes
included) unless it is already :class:`Markup`, so a name holding ``<script>``,
quotes or ``&`` shows as written and never changes the page around it. The displays
use plain elements (headings, tables, lists, ``<details>``) with no style sheet and
no script: how an entry stands (planned, ended, derived, not stated) is said in
words, never by colour alone.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

__all__ = [
    "Markup",
    "details",
    "join",
    "link",
    "listing",
    "preformatted",
    "rows_table",
    "tag",
    "text",
]

ROOT_CLASS = "safeguarding-model"
"""The class of every display's outer element."""
_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
_SPACE = re.compile(r"\s+")
VOID = frozenset({"br", "hr", "wbr"})
"""The elements used here that have no end tag."""


class Markup(str):
    """HTML that is already safe: made by :func:`tag` and the other helpers here."""

    __slots__ = ()


def text(value: object) -> Markup:
    """``value`` as HTML text: escaped, unless it is :class:`Markup` already; line
    breaks and runs of white space made one space (the data's text wraps as the page
    does)."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(_SPACE.sub(" ", str(value)), quote=True))


def tag(name: str, *children: object, **attributes: str | None) -> Markup:
    """An element holding ``children`` (text is escaped); ``class_`` gives the
    ``class`` attribute; an attribute whose value is None is left out."""
    assert _NAME.match(name), name
    attrs = "".join(
        f' {key.rstrip("_").replace("_", "-")}="{html.escape(value, quote=True)}"'
        for key, value in attributes.items()
        if value is not None
    )
    if name in VOID:
        assert not children, f"<{name}> holds nothing"
        return Markup(f"<{name}{attrs}>")
    inner = "".join(text(child) for child in children)
    return Markup(f"<{name}{attrs}>{inner}</{name}>")


def join(parts: Iterable[object], separator: str = "") -> Markup:
    """Pieces of HTML (text escaped) one after another, with ``separator`` (text)."""
    return Markup(text(separator).join(text(part) for part in parts))


def link(label: object, url: str | None) -> Markup:
    """``label`` linked to ``url`` where that is a web address (``http`` or ``https``);
    otherwise the label alone, with the address after it as text."""
    if url and url.lower().startswith(("https://", "http://")):
        return tag("a", label, href=url)
    return join([label, f" ({url})"]) if url else text(label)


def listing(items: Sequence[object]) -> Markup:
    """Items as a bulleted list (one item as itself)."""
    if len(items) == 1:
        return text(items[0])
    return tag("ul", *(tag("li", item) for item in items))


def details(summary: object, *body: object, open: bool = False) -> Markup:
    """A part the reader opens: ``summary`` always shown, ``body`` on a click."""
    return tag("details", tag("summary", summary), *body, open="" if open else None)


def rows_table(
    header: Sequence[str], rows: Iterable[Sequence[object]], caption: object = None
) -> Markup:
    """A table with a header row and one row for each of ``rows``."""
    head = tag("thead", tag("tr", *(tag("th", cell) for cell in header)))
    body = tag("tbody", *(tag("tr", *(tag("td", cell) for cell in row)) for row in rows))
    parts = ([tag("caption", caption)] if caption is not None else []) + [head, body]
    return tag("table", *parts)


def preformatted(value: str) -> Markup:
    """Text as a ``<pre>`` block: escaped, its line breaks and indents kept."""
    return Markup(f"<pre>{html.escape(value, quote=True)}</pre>")
