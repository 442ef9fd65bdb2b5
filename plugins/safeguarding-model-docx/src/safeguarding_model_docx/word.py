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
import os
import zipfile
from typing import TYPE_CHECKING, assert_never
from urllib.parse import quote

from docx.enum.section import WD_ORIENT, WD_SECTION_START
from docx.enum.text import WD_COLOR_INDEX
from docx.image.image import Image
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Mm, RGBColor, Twips
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
    date_words,
    draw_chart,
    place_figures,
    zip_archive,
)

from .layout import column_widths
from .template import LANGUAGE, ask_to_update_fields, open_template

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.table import Table as WordTable

__all__ = ["CONTENTS_LEVELS", "to_docx"]

CONTENTS_LEVELS = 3
"""The heading levels the table of contents lists."""

_EMU_PER_TWIP = 635

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


def _date_words(text: str | None) -> str | None:
    """The source's date as the data gives it, in words: ``2024``, ``September 2024``,
    ``30 September 2024``, ``by December 2024``, ``April 2023 to March 2024``."""
    if not text:
        return None
    return date_words(PartialDate.from_string(text))


def _bookmark(number: int) -> str:
    return f"_Toc{number:06d}"


def _field_char(paragraph: WordParagraph, kind: str, *, dirty: bool = False) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    if dirty:
        char.set(qn("w:dirty"), "true")
    paragraph.add_run()._r.append(char)


def _instruction(paragraph: WordParagraph, instruction: str) -> None:
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = instruction
    paragraph.add_run()._r.append(text)


def _field(paragraph: WordParagraph, name: str) -> None:
    """A field Word works out as it lays the page out (``PAGE``, ``NUMPAGES``)."""
    _field_char(paragraph, "begin")
    _instruction(paragraph, f" {name} ")
    _field_char(paragraph, "end")


def _is_heading(paragraph: BaseOxmlElement) -> bool:
    style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style is not None and str(style.get(qn("w:val"), "")).startswith("Heading")


def _keep_with_next(body: BaseOxmlElement) -> None:
    """Keep the last paragraph of the body on the page of what follows it."""
    last = body[-2] if len(body) > 1 else None  # the body's last child is its sectPr
    if last is not None and last.tag == qn("w:p") and last.find(f".//{qn('w:sectPr')}") is None:
        WordParagraph(last, None).paragraph_format.keep_with_next = True  # type: ignore[arg-type]


def _table_width(grid: WordTable, twips: int) -> None:
    properties = grid._tbl.tblPr
    width = properties.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        properties.append(width)
    width.set(qn("w:w"), str(twips))
    width.set(qn("w:type"), "dxa")


def _picture_size(png: bytes, width: int, height: int) -> tuple[Length, Length]:
    """The picture's size at its own resolution, made smaller (never larger) to fit
    ``width`` by ``height`` EMU, keeping its proportions."""
    image = Image.from_blob(png)
    natural_width, natural_height = int(image.width), int(image.height)
    scale = min(1.0, width / natural_width, height / natural_height)
    return Length(int(natural_width * scale)), Length(int(natural_height * scale))


def _font_size(word: WordDocument, name: str) -> float:
    """The size in points of the text of the style ``name``: its own, its base's, or
    the document's default (11 points when nothing says)."""
    style = word.styles[name]
    while style is not None:
        if style.font.size is not None:
            return float(style.font.size.pt)
        style = style.base_style
    size = word.styles.element.find(f"{qn('w:docDefaults')}//{qn('w:sz')}")
    return int(size.get(qn("w:val"))) / 2 if size is not None else 11.0


def _cell_padding(word: WordDocument) -> int:
    """The twips of a cell's width that its text cannot use: the table style's left
    and right cell margins (Word's 108 each when it names none) and the borders."""
    style = word.styles["Table Grid"].element
    margins = style.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}")
    found = 0
    for side in ("left", "right"):
        margin = None if margins is None else margins.find(qn(f"w:{side}"))
        value = None if margin is None else margin.get(qn("w:w"))
        found += int(value) if value is not None and value.isdigit() else 108
    return found + 2 * 20  # a border of up to a point on each side


class _Writer:
    def __init__(self, template: str | os.PathLike[str] | None = None) -> None:
        self.word = open_template(template)
        section = self.word.sections[0]
        width, height = section.page_width or Mm(210), section.page_height or Mm(297)
        self.upright_size = (min(width, height), max(width, height))
        self.figures = 0
        self.bookmarks = 0
        self.landscape = False
        self.table_size = _font_size(self.word, "Table Text")
        self.padding = _cell_padding(self.word)

    # -- the page ----------------------------------------------------------------------

    def text_width(self) -> int:
        """The width between the margins of the page being written, in EMU."""
        section = self.word.sections[-1]
        return (
            int(section.page_width or 0)
            - int(section.left_margin or 0)
            - int(section.right_margin or 0)
        )

    def text_height(self) -> int:
        section = self.word.sections[-1]
        return (
            int(section.page_height or 0)
            - int(section.top_margin or 0)
            - int(section.bottom_margin or 0)
        )

    def turn(self, landscape: bool) -> None:
        """Start a new section on a new page, landscape or upright. The headings that
        end the body go over to the new page with what follows them."""
        if landscape == self.landscape:
            return
        body = self.word.element.body
        lead: list[BaseOxmlElement] = []
        if landscape:
            for element in reversed(body[:-1]):
                if element.tag != qn("w:p") or not _is_heading(element):
                    break
                lead.insert(0, element)
        section = self.word.add_section(WD_SECTION_START.NEW_PAGE)
        if lead:
            lead[0].addprevious(body[-2])  # the paragraph that ends the section before
        short, long = self.upright_size
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (long, short) if landscape else (short, long)
        self.landscape = landscape

    def footer(self, document: Document) -> None:
        """The title, the subtitle and the source's date as the data gives it, and
        "Page X of Y", at the foot of every page."""
        footer = self.word.sections[0].footer
        footer.is_linked_to_previous = False
        for element in list(footer._element):
            footer._element.remove(element)
        footer.add_paragraph(clean(document.title), style="Footer")
        said = clean(document.subtitle or "")
        date = _date_words(document.date)
        if date and date not in said:
            said = f"{said}, {date}" if said else date
        line = footer.add_paragraph(said + (" · " if said else ""), style="Footer")
        line.add_run("Page ")
        _field(line, "PAGE")
        line.add_run(" of ")
        _field(line, "NUMPAGES")

    # -- text --------------------------------------------------------------------------

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

    def heading(self, text: str, level: int, *, new_page: bool = False) -> None:
        """A heading in Word's Heading style of its level, bookmarked for the table of
        contents' entry that points at it."""
        paragraph = self.word.add_heading(clean(text), level=min(level, 9))
        if new_page:
            paragraph.paragraph_format.page_break_before = True
        self.bookmarks += 1
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(self.bookmarks))
        start.set(qn("w:name"), _bookmark(self.bookmarks))
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(self.bookmarks))
        first = paragraph._p.find(qn("w:r"))
        if first is not None:
            first.addprevious(start)
        else:
            paragraph._p.append(start)
        paragraph._p.append(end)

    def contents(self, document: Document) -> None:
        """A table of contents: Word's TOC field over the heading levels, marked to be
        updated, whose result until then lists the headings (without page numbers,
        which only Word knows), each a link to its heading."""
        entries = [
            (level, section.title, number)
            for number, (level, section) in enumerate(document.walk(), start=1)
            if level <= CONTENTS_LEVELS
        ]
        heading = self.word.add_paragraph("Contents", style="TOC Heading")
        heading.paragraph_format.page_break_before = True
        for place, (level, title, number) in enumerate(entries):
            paragraph = self.word.add_paragraph(style=f"toc {level}")
            if place == 0:
                _field_char(paragraph, "begin", dirty=True)
                _instruction(paragraph, f' TOC \\o "1-{CONTENTS_LEVELS}" \\h \\z \\u ')
                _field_char(paragraph, "separate")
            link = OxmlElement("w:hyperlink")
            link.set(qn("w:anchor"), _bookmark(number))
            link.set(qn("w:history"), "1")
            run = paragraph.add_run(clean(title))
            run._r.addprevious(link)
            link.append(run._r)
            if place == len(entries) - 1:
                _field_char(paragraph, "end")

    # -- blocks ------------------------------------------------------------------------

    def table(self, table: Table) -> None:
        header = [clean(text) for text in table.header]
        rows = [[clean(text) for text in row] for row in table.rows]
        twips = self.text_width() // _EMU_PER_TWIP
        widths = column_widths(
            header, rows, size=self.table_size, width=twips, padding=self.padding
        )
        if widths is None and not self.landscape:
            long = self.upright_size[1]
            section = self.word.sections[-1]
            across = long - int(section.left_margin or 0) - int(section.right_margin or 0)
            widths = column_widths(
                header,
                rows,
                size=self.table_size,
                width=across // _EMU_PER_TWIP,
                padding=self.padding,
            )
            if widths is not None:
                self.turn(landscape=True)
        elif widths is not None:
            self.upright()
        if widths is None:
            self.upright()
            self.records(table.caption, header, rows)
            return
        body = self.word.element.body
        if len(body) > 1 and body[-2].tag == qn("w:tbl"):  # Word would join the two tables
            self.word.add_paragraph()
        _keep_with_next(body)
        if table.caption:
            self.word.add_paragraph(clean(table.caption), style="Caption")
            _keep_with_next(self.word.element.body)
        grid = self.word.add_table(rows=1 + len(rows), cols=len(header))
        grid.style = self.word.styles["Table Grid"]
        grid.autofit = False  # fixed layout: the widths below, whatever the text
        _table_width(grid, sum(widths))
        for column, width in zip(grid.columns, widths, strict=True):
            column.width = Twips(width)
        for number, (row, values) in enumerate(zip(grid.rows, [header, *rows], strict=True)):
            properties = row._tr.get_or_add_trPr()
            properties.append(OxmlElement("w:cantSplit"))
            if number == 0:
                properties.append(OxmlElement("w:tblHeader"))
            for cell, text, width in zip(row.cells, values, widths, strict=True):
                cell.width = Twips(width)
                paragraph = cell.paragraphs[0]
                paragraph.style = self.word.styles["Table Text"]
                run = paragraph.add_run(text)
                if number == 0:
                    run.bold = True
                    paragraph.paragraph_format.keep_with_next = True

    def records(self, caption: str | None, header: list[str], rows: list[list[str]]) -> None:
        """A table too wide for any page: each row as its first cell, in bold, with
        the others under it as "column: value" (empty cells left out, as the table
        shows them empty)."""
        if caption:
            self.word.add_paragraph(caption, style="Caption").paragraph_format.keep_with_next = True
        for row in rows:
            name = self.word.add_paragraph()
            name.paragraph_format.keep_with_next = True
            name.add_run(row[0] if row[0] else f"{header[0]}: not given").bold = True
            for label, value in zip(header[1:], row[1:], strict=True):
                if value:
                    line = self.word.add_paragraph(style="List Bullet")
                    line.add_run(f"{label}: ").bold = True
                    line.add_run(value)

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
            width, height = _picture_size(png, self.text_width(), self.text_height() * 4 // 5)
            self.word.add_picture(io.BytesIO(png), width=width, height=height)
            _keep_with_next(self.word.element.body)  # the picture with its caption
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

    def upright(self) -> None:
        self.turn(landscape=False)

    def block(self, block: Block) -> None:
        if isinstance(block, Figure):
            self.turn(landscape=block.landscape)  # a chart too small upright: on its side
        elif not isinstance(block, Table):
            self.upright()
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
        self.footer(document)
        self.word.add_heading(clean(document.title), level=0)
        if document.subtitle:
            self.word.add_paragraph(clean(document.subtitle), style="Subtitle")
        for block in document.blocks:
            self.block(block)
        contents = any(True for _ in document.walk())
        if contents:
            self.upright()
            self.contents(document)
        for number, (level, section) in enumerate(document.walk(), start=1):
            self.upright()
            self.heading(section.title, level, new_page=contents and number == 1)
            for block in section.blocks:
                self.block(block)
        ask_to_update_fields(self.word)
        properties = self.word.core_properties
        properties.title = clean(document.title)[:255]
        properties.subject = clean(document.subtitle or "")[:255]
        properties.author = "safeguarding-model"
        properties.comments = "generated from the arrangements data by safeguarding-model"
        properties.last_modified_by = "safeguarding-model"
        properties.created = properties.modified = _date(document.date)
        properties.revision = 1
        properties.language = LANGUAGE
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


def to_docx(document: Document, template: str | os.PathLike[str] | None = None) -> bytes:
    """A document tree as the bytes of a Word file, its charts as pictures, in the
    styles and on the page of ``template`` (a Word file; by default the plugin's own,
    A4 and British English: :func:`~safeguarding_model_docx.default_template`)."""
    return _Writer(template).document(place_figures(document))  # wide charts on their side
