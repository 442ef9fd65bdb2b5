"""``markdown``: the arrangements document or the yearly report skeleton as Markdown.

Renders a :mod:`~safeguarding_model.documents.tree` document. Charts become Mermaid
blocks (GitHub and many wikis draw them), followed by the chart in words; sections a
person must write are quoted and marked **To be written**. Every text is escaped, so
no name or sentence in the data can start a heading, a list, a link or raw HTML.
"""

from __future__ import annotations

from typing import assert_never
from urllib.parse import quote

from ...documents import (
    Block,
    Document,
    Figure,
    ItemList,
    ListItem,
    Paragraph,
    Placeholder,
    Span,
    Table,
)
from ...hooks.specs import hookimpl
from ..escape import markdown_cell, markdown_line, markdown_text
from ..exporter import Exporter, Register, document_renderer
from ..options import DOCUMENT_OPTIONS
from .mermaid import to_mermaid

__all__ = ["DOCUMENT_OPTIONS", "SAFE_SCHEMES", "inline", "register_exporters", "to_markdown"]

SAFE_SCHEMES = ("mailto:", "https:", "http:")


def inline(spans: tuple[Span, ...]) -> str:
    """Spans as inline Markdown, each escaped."""
    out = []
    for span in spans:
        text = markdown_text(span.text, strip=False)
        core = text.strip()
        if not core:
            out.append(text)
            continue
        lead = " " if text.startswith(" ") else ""
        tail = " " if text.endswith(" ") else ""
        if span.link and span.link.startswith(SAFE_SCHEMES):
            core = f"[{core}]({quote(span.link, safe=':/@.-_~+=?&#%')})"
        if span.emphasis:
            core = f"*{core}*"
        if span.strong:
            core = f"**{core}**"
        out.append(lead + core + tail)
    return markdown_line("".join(out).strip())


class _Renderer:
    def __init__(self) -> None:
        self.figures = 0

    def items(self, items: tuple[ListItem, ...], ordered: bool, indent: str) -> list[str]:
        out = []
        for number, item in enumerate(items, start=1):
            marker = f"{number}. " if ordered else "- "
            out.append(f"{indent}{marker}{inline(item.content) or markdown_text('-')}")
            if item.children:
                out.extend(self.items(item.children, False, indent + " " * len(marker)))
        return out

    def block(self, block: Block) -> list[str]:
        match block:
            case Paragraph():
                text = inline(block.content)
                if not text:
                    return []
                return [f"*{text}*" if block.note and not text.startswith("*") else text]
            case ItemList():
                return self.items(block.items, block.ordered, "")
            case Table():
                return self.table(block)
            case Figure():
                return self.figure(block)
            case Placeholder():
                return [f"> **To be written:** {markdown_text(block.prompt)}"]
            case _:
                assert_never(block)

    def table(self, table: Table) -> list[str]:
        out = []
        if table.caption:
            out += [f"**{markdown_text(table.caption)}**", ""]
        out.append("| " + " | ".join(markdown_cell(h) for h in table.header) + " |")
        out.append("|" + "---|" * len(table.header))
        out += ["| " + " | ".join(markdown_cell(c) for c in row) + " |" for row in table.rows]
        return out

    def figure(self, figure: Figure) -> list[str]:
        self.figures += 1
        chart = to_mermaid(figure.chart)
        out = [f"**Figure {self.figures}: {markdown_text(figure.caption)}**", ""]
        out += ["```mermaid", chart.rstrip("\n"), "```"]
        if figure.description:
            out += ["", "The chart in words:", ""]
            out += [f"- {markdown_text(line, block_start=True)}" for line in figure.description]
        return out

    def document(self, document: Document) -> str:
        out = [f"# {markdown_text(document.title)}", ""]
        if document.subtitle:
            out += [f"*{markdown_text(document.subtitle)}*", ""]
        for block in document.blocks:
            out += [*self.block(block), ""]
        for level, section in document.walk():
            out += [f"{'#' * min(level + 1, 6)} {markdown_text(section.title)}", ""]
            for block in section.blocks:
                lines = self.block(block)
                if lines:
                    out += [*lines, ""]
        return "\n".join(out).rstrip("\n") + "\n"


def to_markdown(document: Document) -> str:
    """A document as Markdown, its charts as Mermaid blocks."""
    return _Renderer().document(document)


render = document_renderer(to_markdown)


@hookimpl
def register_exporters(register: Register) -> None:
    register(
        Exporter(
            name="markdown",
            media_type="text/markdown",
            extension="md",
            description="the arrangements document or yearly report skeleton as Markdown",
            render=render,
            options=DOCUMENT_OPTIONS,
        )
    )
