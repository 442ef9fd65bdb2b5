"""A document tree as a Word file, through python-docx.

The document is all the writer needs: each figure carries its chart, drawn as a
picture by the plugin API's :func:`~safeguarding_model.plugin.draw_chart`. Every kind
of block the tree holds has its Word form, so every section the arrangements document
gives (in Markdown and HTML) is in the Word file too. A span that links to a web or
mail address (``https:``, ``http:``, ``mailto:``, as the Markdown and HTML writers
allow) is a Word hyperlink, underlined and blue; any other link is left as its text.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from typing import assert_never
from urllib.parse import quote

import docx
from docx.enum.text import WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, RGBColor
from docx.text.paragraph import Paragraph as WordParagraph
from docx.text.run import Run

from safeguarding_model.plugin import (
    Block,
    Document,
    ExportError,
    Figure,
    GraphvizNotFoundError,
    ItemList,
    ListItem,
    Paragraph,
    PartialDate,
    Placeholder,
    Span,
    Table,
    clean,
    draw_chart,
    zip_archive,
)

__all__ = ["to_docx"]

_UNDATED = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)

LINK_SCHEMES = ("mailto:", "https:", "http:")
"""The addresses a span may link to, as the built-in Markdown and HTML writers allow."""

_LINK_COLOUR = RGBColor(0x05, 0x63, 0xC1)


def _date(text: str | None) -> datetime.datetime:
    """The document's date as a moment: the first day of what the source gives. A
    bound or a range (``by 2024-12``) names no day to start from, so it gives the fixed
    undated moment rather than one made up."""
    if not text:
        return _UNDATED
    date = PartialDate.from_string(text)
    if not date.exact:
        return _UNDATED
    year, month, day = date.first_day()
    return datetime.datetime(year, month, day, tzinfo=datetime.UTC)


class _Writer:
    def __init__(self) -> None:
        self.word = docx.Document()
        self.figures = 0

    def runs(
        self, paragraph: WordParagraph, spans: tuple[Span, ...], *, italic: bool = False
    ) -> None:
        for span in spans:
            run = paragraph.add_run(clean(span.text))
            run.bold = span.strong or None
            run.italic = (span.emphasis or italic) or None
            if span.link and span.link.startswith(LINK_SCHEMES):
                _hyperlink(paragraph, run, span.link)

    def items(self, items: tuple[ListItem, ...], ordered: bool, level: int) -> None:
        suffix = "" if level == 1 else f" {min(level, 3)}"
        for number, item in enumerate(items, start=1):
            style = f"List{suffix}" if ordered else f"List Bullet{suffix}"
            paragraph = self.word.add_paragraph(style=style)
            if ordered:
                paragraph.add_run(f"{number}. ")
            self.runs(paragraph, item.content)
            if item.children:
                self.items(item.children, False, level + 1)

    def table(self, table: Table) -> None:
        if table.caption:
            self.word.add_paragraph(clean(table.caption), style="Caption")
        grid = self.word.add_table(rows=1 + len(table.rows), cols=len(table.header))
        grid.style = self.word.styles["Table Grid"]
        for cell, text in zip(grid.rows[0].cells, table.header, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(clean(text)).bold = True
        for row, values in zip(grid.rows[1:], table.rows, strict=True):
            for cell, text in zip(row.cells, values, strict=True):
                cell.text = clean(text)

    def figure(self, figure: Figure) -> None:
        self.figures += 1
        png: bytes | None = None
        try:
            png = draw_chart(figure.chart, "png")
            why = ""
        except GraphvizNotFoundError:
            why = "The chart is drawn when the Graphviz program is installed"
        except ExportError as error:  # the chart in words stands in for it
            why = f"The chart could not be drawn ({error})"
        if png is not None:
            self.word.add_picture(io.BytesIO(png), width=Inches(6.3))
        else:
            follows = "; the chart in words follows." if figure.description else "."
            self.word.add_paragraph().add_run(clean(why + follows)).italic = True
        caption = f"Figure {self.figures}: {figure.caption}"
        self.word.add_paragraph(clean(caption), style="Caption")
        if figure.description:
            self.word.add_paragraph("The chart in words:")
            for line in figure.description:
                self.word.add_paragraph(clean(line), style="List Bullet")

    def placeholder(self, placeholder: Placeholder) -> None:
        paragraph = self.word.add_paragraph(style="Intense Quote")
        marker = paragraph.add_run("To be written: ")
        marker.bold = True
        marker.font.highlight_color = WD_COLOR_INDEX.YELLOW
        paragraph.add_run(clean(placeholder.prompt))

    def block(self, block: Block) -> None:
        match block:
            case Paragraph():
                self.runs(self.word.add_paragraph(), block.content, italic=block.note)
            case ItemList():
                self.items(block.items, block.ordered, 1)
            case Table():
                self.table(block)
            case Figure():
                self.figure(block)
            case Placeholder():
                self.placeholder(block)
            case _:
                assert_never(block)

    def document(self, document: Document) -> bytes:
        self.word.add_heading(clean(document.title), level=0)
        if document.subtitle:
            self.word.add_paragraph(clean(document.subtitle), style="Subtitle")
        for block in document.blocks:
            self.block(block)
        for level, section in document.walk():
            self.word.add_heading(clean(section.title), level=min(level, 9))
            for block in section.blocks:
                self.block(block)
        properties = self.word.core_properties
        properties.title = clean(document.title)[:255]
        properties.subject = clean(document.subtitle or "")[:255]
        properties.author = "safeguarding-model"
        properties.comments = "generated from the arrangements data by safeguarding-model"
        properties.last_modified_by = "safeguarding-model"
        properties.created = properties.modified = _date(document.date)
        properties.revision = 1
        buffer = io.BytesIO()
        self.word.save(buffer)
        return _fixed_dates(buffer.getvalue())


def _hyperlink(paragraph: WordParagraph, run: Run, address: str) -> None:
    """Put ``run`` (the paragraph's last) inside a hyperlink to ``address``, quoted as
    the Markdown writer quotes it, underlined and blue as Word shows links."""
    target = quote(clean(address), safe=":/@.-_~+=?&#%")
    relation = paragraph.part.relate_to(target, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    run.font.underline = True
    run.font.color.rgb = _LINK_COLOUR
    run._r.addprevious(link)
    link.append(run._r)


def _fixed_dates(data: bytes) -> bytes:
    """The same archive, rewritten by the deterministic zip writer (every entry dated
    1980-01-01, in python-docx's order), so that equal documents are equal bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        return zip_archive([(entry.filename, source.read(entry)) for entry in source.infolist()])


def to_docx(document: Document) -> bytes:
    """A document tree as the bytes of a Word file, its charts as pictures."""
    return _Writer().document(document)
