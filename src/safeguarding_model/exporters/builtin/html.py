"""``html``: the arrangements document or the yearly report skeleton as one HTML page.

The page is self-contained: styles inline, no scripts, nothing fetched from the
network. Charts are inline SVG when Graphviz is installed, and the chart in words
always follows; when Graphviz is missing or fails, the page says so and gives the
chart in words alone. Each chart's ids (Graphviz names them ``graph0``, ``node1``...)
are prefixed with its figure's, so the page's ids are unique. The page is never wider
than the window: charts scale down to the text's width, long words wrap, and each
table sits in a box (``<div class="table">``) that scrolls sideways only where the
window is too narrow for it. The markup is
well-formed XML too (XHTML syntax), so XML tools can read it. Every text is escaped;
links are kept only for ``mailto:`` and web addresses.
"""

from __future__ import annotations

import re
from typing import assert_never

from ...documents import (
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
from ...hooks.specs import hookimpl
from ..errors import ExportError, GraphvizNotFoundError
from ..escape import html_text
from ..exporter import Exporter, Register, document_renderer
from ..graphviz import draw_chart
from ..options import DOCUMENT_OPTIONS
from .markdown import SAFE_SCHEMES

__all__ = [
    "STYLE",
    "fluid",
    "inline",
    "prefix_ids",
    "register_exporters",
    "svg_chart",
    "to_html",
]

_PROLOG = re.compile(r"\A(?:\s*<\?xml[^>]*\?>|\s*<!DOCTYPE[^>]*>|\s*<!--.*?-->)*\s*", re.DOTALL)
_ID = re.compile(r'(\sid=")([^"]*)(")')
_REFERENCE = re.compile(r'(url\(#|href="#)([^")]*)([")])')

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif;
  line-height: 1.5; color: #111827; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
  overflow-wrap: break-word; }
h1 { font-size: 2rem; margin-bottom: 0.2rem; }
h2 { border-bottom: 1px solid #d1d5db; padding-bottom: 0.2rem; margin-top: 2.5rem; }
.subtitle { font-size: 1.2rem; color: #374151; margin-top: 0; }
.note { color: #4b5563; font-style: italic; }
nav ol { columns: 2; }
.table { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.85rem; line-height: 1.4; }
th, td { border: 1px solid #d1d5db; padding: 0.25rem 0.4rem; text-align: left;
  vertical-align: top; }
th { background: #f3f4f6; }
figure { margin: 1.5rem 0; }
.chart { overflow-x: auto; border: 1px solid #e5e7eb; padding: 0.5rem; }
.chart svg { display: block; height: auto; margin: 0 auto; }
figcaption { font-weight: bold; margin-top: 0.5rem; }
.to-be-written { border-left: 4px solid #d97706; background: #fffbeb; padding: 0.5rem 1rem;
  margin: 1rem 0; }
@media print { nav { display: none; } .chart { border: none; }
  .table, .chart { overflow: visible; } }
"""


def inline(spans: tuple[Span, ...]) -> str:
    """Spans as escaped HTML."""
    out = []
    for span in spans:
        text = html_text(span.text, quote=False)
        if span.link and span.link.startswith(SAFE_SCHEMES):
            text = f'<a href="{html_text(span.link)}">{text}</a>'
        if span.emphasis:
            text = f"<em>{text}</em>"
        if span.strong:
            text = f"<strong>{text}</strong>"
        out.append(text)
    return "".join(out)


def prefix_ids(svg: str, prefix: str) -> str:
    """SVG whose ids, and the ``url(#...)`` and ``href="#..."`` references to them, all
    start with ``prefix``, so that several SVGs can share one page."""
    ids = {match.group(2) for match in _ID.finditer(svg)}
    svg = _ID.sub(lambda m: f"{m.group(1)}{prefix}{m.group(2)}{m.group(3)}", svg)

    def reference(match: re.Match[str]) -> str:
        target = match.group(2)
        return match.group(1) + (prefix + target if target in ids else target) + match.group(3)

    return _REFERENCE.sub(reference, svg)


_SIZE = re.compile(r'\A(<svg\b[^>]*?)\swidth="([0-9.]+)pt"\s+height="[0-9.]+pt"')


def fluid(svg: str) -> str:
    """An SVG drawn by Graphviz that fills the width it is given (its ``viewBox`` keeps
    its shape, and it stays sharp at any size) up to its natural width, in points, so
    that a wide chart scales down to the page and a small one is never blown up."""
    return _SIZE.sub(
        lambda m: f'{m.group(1)} width="100%" style="max-width: {m.group(2)}pt"', svg, count=1
    )


def svg_chart(figure: Figure, prefix: str = "") -> str | None:
    """The figure's chart as inline SVG (its ids prefixed with ``prefix``) that scales
    to the page up to its natural size (:func:`fluid`), or None when Graphviz is not
    installed. Raises :class:`ExportError` when Graphviz fails."""
    try:
        svg = draw_chart(figure.chart, "svg").decode("utf-8")
    except GraphvizNotFoundError:
        return None
    return prefix_ids(fluid(_PROLOG.sub("", svg, count=1).strip()), prefix)


class _Renderer:
    def __init__(self) -> None:
        self.figures = 0

    def items(self, items: tuple[ListItem, ...], ordered: bool) -> str:
        tag = "ol" if ordered else "ul"
        entries = []
        for item in items:
            children = self.items(item.children, False) if item.children else ""
            entries.append(f"<li>{inline(item.content)}{children}</li>")
        return f"<{tag}>" + "".join(entries) + f"</{tag}>"

    def block(self, block: Block) -> str:
        match block:
            case Paragraph():
                css = ' class="note"' if block.note else ""
                return f"<p{css}>{inline(block.content)}</p>"
            case ItemList():
                return self.items(block.items, block.ordered)
            case Table():
                return self.table(block)
            case Figure():
                return self.figure(block)
            case Placeholder():
                return (
                    '<div class="to-be-written"><strong>To be written:</strong> '
                    f"{html_text(block.prompt)}</div>"
                )
            case _:
                assert_never(block)

    def table(self, table: Table) -> str:
        caption = f"<caption>{html_text(table.caption)}</caption>" if table.caption else ""
        head = "".join(f'<th scope="col">{html_text(h)}</th>' for h in table.header)
        rows = "".join(
            "<tr>" + "".join(f"<td>{html_text(c)}</td>" for c in row) + "</tr>"
            for row in table.rows
        )
        return (
            f'<div class="table"><table>{caption}<thead><tr>{head}</tr></thead>'
            f"<tbody>{rows}</tbody></table></div>"
        )

    def figure(self, figure: Figure) -> str:
        self.figures += 1
        anchor = f"figure-{self.figures}"
        try:
            svg = svg_chart(figure, prefix=f"{anchor}-")
            note = "The chart is drawn when the Graphviz program is installed"
        except ExportError as error:  # the chart in words stands in for it
            svg = None
            note = f"The chart could not be drawn ({error})"
        words = "".join(f"<li>{html_text(line)}</li>" for line in figure.description)
        turned = ' class="landscape"' if figure.landscape else ""  # printed on its side
        parts = [f'<figure id="{anchor}"{turned}>']
        if svg is not None:
            parts.append(f'<div class="chart">{svg}</div>')
        else:
            follows = "; the chart in words follows." if words else "."
            parts.append(f'<p class="note">{html_text(note)}{follows}</p>')
        parts.append(f"<figcaption>Figure {self.figures}: {html_text(figure.caption)}</figcaption>")
        if words:
            opened = "" if svg is not None else ' open="open"'
            parts.append(
                f"<details{opened}><summary>The chart in words</summary><ul>{words}</ul></details>"
            )
        parts.append("</figure>")
        return "".join(parts)

    def section(self, section: Section, level: int, anchor: str) -> list[str]:
        heading = min(level + 1, 6)
        out = [f'<section id="{anchor}">', f"<h{heading}>{html_text(section.title)}</h{heading}>"]
        out += [self.block(block) for block in section.blocks]
        for number, child in enumerate(section.sections, start=1):
            out += self.section(child, level + 1, f"{anchor}-{number}")
        out.append("</section>")
        return out

    def document(self, document: Document) -> str:
        title = html_text(document.title)
        head = [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8" />',
            '<meta name="viewport" content="width=device-width, initial-scale=1" />',
            '<meta name="generator" content="safeguarding-model" />',
            f"<title>{title}"
            + (f": {html_text(document.subtitle)}" if document.subtitle else "")
            + "</title>",
            f"<style>{STYLE}</style>",
            "</head>",
            "<body>",
            "<header>",
            f"<h1>{title}</h1>",
        ]
        if document.subtitle:
            head.append(f'<p class="subtitle">{html_text(document.subtitle)}</p>')
        head += [self.block(block) for block in document.blocks]
        head.append("</header>")
        contents = "".join(
            f'<li><a href="#s{n}">{html_text(s.title)}</a></li>'
            for n, s in enumerate(document.sections, start=1)
        )
        body = (
            [f"<nav><h2>Contents</h2><ol>{contents}</ol></nav>", "<main>"]
            if contents
            else ["<main>"]
        )
        for number, section in enumerate(document.sections, start=1):
            body += self.section(section, 1, f"s{number}")
        body += ["</main>", "</body>", "</html>"]
        return "\n".join(head + body) + "\n"


def to_html(document: Document) -> str:
    """A document as a self-contained HTML page, its charts as inline SVG."""
    return _Renderer().document(document)


render = document_renderer(to_html)


@hookimpl
def register_exporters(register: Register) -> None:
    register(
        Exporter(
            name="html",
            media_type="text/html",
            extension="html",
            description="the arrangements document or yearly report skeleton as one HTML page",
            render=render,
            options=DOCUMENT_OPTIONS,
        )
    )
