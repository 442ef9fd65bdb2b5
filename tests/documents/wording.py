"""Helpers for the wording tests: one small dataset's ``show`` text, its arrangements
document as Markdown, and the same document as HTML read back by an HTML parser."""

from __future__ import annotations

import datetime
import re
from html.parser import HTMLParser

import attrs

import safeguarding_model as sm
from safeguarding_model.cli.show import render
from safeguarding_model.documents import summary

TODAY = datetime.date(2025, 1, 1)
VOID = {"meta", "br", "hr", "img", "link", "input", "col", "area", "base", "source", "wbr"}
BLOCKS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "summary"}


def normal(text: str) -> str:
    return " ".join(text.split())


class Page(HTMLParser):
    """An HTML page as a browser reads it: the tags must nest and close, and the text of
    each block element (a paragraph, a list entry, a cell, a heading) is kept, in order,
    without the inline charts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.blocks: list[str] = []
        self._open: list[list[str]] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        self.stack.append(tag)
        if tag in ("svg", "style"):
            self._skip += 1
        elif tag in BLOCKS:
            self._open.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1:]}>"
        self.stack.pop()
        if tag in ("svg", "style"):
            self._skip -= 1
        elif tag in BLOCKS:
            self.blocks.append(normal("".join(self._open.pop())))

    def handle_data(self, data: str) -> None:
        if not self._skip:
            for found in self._open:
                found.append(data)

    @property
    def text(self) -> str:
        return "\n".join(self.blocks)


def page(dataset: sm.Dataset, document: str = "arrangements") -> Page:
    """The document as one HTML page, read back; the page must be well formed."""
    html = sm.export(dataset, "html", document=document)
    assert isinstance(html, str)
    parser = Page()
    parser.feed(html)
    parser.close()
    assert not parser.stack, f"unclosed: {parser.stack}"
    return parser


def markdown(dataset: sm.Dataset, document: str = "arrangements") -> str:
    """The document as Markdown, without its charts' own syntax and strong marks,
    unescaped."""
    text = sm.export(dataset, "markdown", document=document)
    assert isinstance(text, str)
    text = re.sub(r"```mermaid\n.*?```", "", text, flags=re.DOTALL)
    text = re.sub(r"(?<!\\)\*\*", "", text)  # strong, not the text's own asterisks
    return re.sub(r"\\(.)", r"\1", text)


def show(dataset: sm.Dataset) -> str:
    """``show``'s text for the dataset's first partnership, read against :data:`TODAY`."""
    return render(summary(dataset, dataset.partnerships[0], today=TODAY))


@attrs.frozen
class Outputs:
    """What a person reads of one dataset: ``show``, the Markdown and the HTML page."""

    show: str
    markdown: str
    html: Page

    def everywhere(self, words: str) -> None:
        """``words`` in the Markdown and the HTML (the documents)."""
        assert words in self.markdown, words
        assert words in self.html.text, words

    def nowhere(self, words: str) -> None:
        assert words not in self.show, words
        assert words not in self.markdown, words
        assert words not in self.html.text, words


def outputs(text: str) -> Outputs:
    dataset = sm.loads(text)
    return Outputs(show=show(dataset), markdown=markdown(dataset), html=page(dataset))


def section(markdown: str, title: str) -> str:
    """The Markdown of one section (any level), up to the next heading of its level or
    above."""
    found = re.search(rf"^(#+) {re.escape(title)}\n", markdown, re.MULTILINE)
    assert found, title
    level = len(found.group(1))
    rest = markdown[found.end() :]
    end = re.search(rf"^#{{1,{level}}} ", rest, re.MULTILINE)
    return rest[: end.start()] if end else rest
