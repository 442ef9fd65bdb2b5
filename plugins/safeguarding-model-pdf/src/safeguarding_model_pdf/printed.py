"""The document printed: the ``html`` format's page laid out on A4 by WeasyPrint.

The page is the one the ``html`` format writes (:func:`~safeguarding_model.plugin.to_html`),
with a print style sheet (:func:`print_css`) after its own style: A4 portrait pages
with margins, a running header (the top-level section) and footer (the document's
title and date, "Page X of Y"), a contents list with page numbers, headings kept with
what follows them, table header rows repeated on each page and rows kept whole where
they fit, charts scaled to the width of the text, and long words broken so that
nothing is wider than the page: a word too long for its line is broken where it
must be. In a table cell a word may be broken anywhere, so that a table fits the page
however many columns it has and however long a web address in it; so that a short
column is not squeezed into pieces of words for that, each column of a table of up to
seven is at least six letters wide. WeasyPrint makes the PDF's bookmarks from the
section headings (the contents list gives their pages too), and its title and
language from the page.
"""

from __future__ import annotations

from typing import Any

from safeguarding_model.plugin import (
    Document,
    ExportError,
    PartialDate,
    date_words,
    one_line,
    place_figures,
    to_html,
)

__all__ = [
    "LANGUAGE",
    "PANGO_PACKAGES",
    "css_string",
    "layout",
    "print_css",
    "print_html",
    "to_pdf",
]

LANGUAGE = "en-GB"
"""The language the PDF declares: the documents are written in British English."""

PANGO_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0"
"""The Debian packages of the Pango library WeasyPrint lays text out with."""

_FONTS = '"Liberation Sans", Arial, Helvetica, "DejaVu Sans", sans-serif'

_PAGE = """
@page {
  font-family: FONTS;
  size: A4 portrait;
  margin: 22mm 18mm 22mm 18mm;
  @top-right { content: string(section); font-size: 8pt; color: #4b5563;
    vertical-align: bottom; padding-bottom: 3mm; }
  @bottom-left { content: FOOTER; font-size: 8pt; color: #4b5563;
    vertical-align: top; padding-top: 3mm; width: 75%; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt;
    color: #4b5563; vertical-align: top; padding-top: 3mm; width: 25%; }
}
@page :first { @top-right { content: none; } }
@page landscape { size: A4 landscape; }
"""

_BODY = """
html { font-size: 10pt; }
body { font-family: FONTS; max-width: none; margin: 0; padding: 0; line-height: 1.4;
  overflow-wrap: break-word; }
header h1 { font-size: 20pt; margin-top: 30mm; bookmark-level: none; }
.subtitle { font-size: 13pt; }
h2 { font-size: 14pt; margin-top: 1.6em; }
h3 { font-size: 12pt; }
h4, h5, h6 { font-size: 10.5pt; }
h1, h2, h3, h4, h5, h6 { break-after: avoid; break-inside: avoid; }
main h2 { string-set: section content(text); }
p, li { orphans: 2; widows: 2; }
a { color: inherit; text-decoration: none; }
nav { display: block; break-before: page; break-after: page; }
nav h2 { bookmark-level: none; border-bottom: none; margin-top: 0; }
nav ol { columns: 1; padding-left: 0; list-style: none; }
nav li { margin: 0.3em 0; }
nav a::after { content: leader(".") " " target-counter(attr(href), page); }
.table, .chart { overflow: visible; }
table { font-size: 8.5pt; table-layout: auto; }
thead { display: table-header-group; }
tr, th, td { break-inside: avoid; }
th, td { overflow-wrap: anywhere; }
th:first-child:nth-last-child(-n+7), th:first-child:nth-last-child(-n+7) ~ th { min-width: 6em; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.3em; break-after: avoid; }
figure { margin: 1em 0; }
figure.landscape { page: landscape; }
.chart { border: none; padding: 0; }
.chart svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figcaption { break-before: avoid; }
summary { display: block; font-weight: bold; margin-top: 0.5em; break-after: avoid; }
.to-be-written { break-inside: avoid; }
"""


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string, on one line, every character but ASCII letters,
    digits and spaces escaped by its code in hexadecimal (so nothing in it ends the
    string). Each escape ends with a space, which CSS reads as the end of the escape
    and drops, so a space that follows one is kept."""
    escaped = "".join(
        char if char.isascii() and (char.isalnum() or char == " ") else f"\\{ord(char):x} "
        for char in one_line(text)
    )
    return f'"{escaped}"'


def _footer(document: Document) -> str:
    """The document's title and, where the source gives it, its date in words."""
    footer = document.title
    if document.date:
        footer += f" \u00b7 {date_words(PartialDate.from_string(document.date))}"
    return footer


def print_css(document: Document) -> str:
    """The print style sheet laid over the ``html`` format's page of ``document``."""
    fonts = (_PAGE + _BODY).replace("FONTS", _FONTS)
    return fonts.replace("FOOTER", css_string(_footer(document)), 1)  # the last step


def _created(document: Document) -> str | None:
    """The source's date, as precise as it gives it (``2024-09``), for the PDF's
    creation date; None for a bound or a range, or no date, rather than a made-up one."""
    if not document.date:
        return None
    date = PartialDate.from_string(document.date)
    return date.anchor if date.exact else None


def _weasyprint() -> Any:
    """The ``weasyprint`` module; an :class:`ExportError` that says what to install
    when it cannot load the Pango library it lays out text with."""
    try:
        import weasyprint
    except OSError as error:
        raise ExportError(
            f"the pdf format needs the Pango library, which WeasyPrint could not load "
            f"({one_line(str(error))}); install it (on Debian or Ubuntu: apt-get install "
            f"{PANGO_PACKAGES} fonts-dejavu-core)"
        ) from None
    return weasyprint


def print_html(document: Document) -> str:
    """The ``html`` format's page of ``document`` with the print style sheet after its
    own, so that where the two differ the print style sheet wins. (WeasyPrint's
    ``stylesheets`` are a reader's, which give way to the page's own.)"""
    page = to_html(place_figures(document))  # a chart too small upright: on its side
    head = page.index("</head>")  # the writer's own: the text in the page is escaped
    return f"{page[:head]}<style>{print_css(document)}</style>{page[head:]}"


def layout(document: Document) -> Any:
    """``document`` laid out on A4 pages: WeasyPrint's ``Document``, whose ``pages`` the
    tests walk, and whose ``write_pdf()`` is the PDF."""
    weasyprint = _weasyprint()
    laid_out = weasyprint.HTML(string=print_html(document)).render()
    metadata = laid_out.metadata
    metadata.lang = LANGUAGE
    metadata.created = metadata.modified = _created(document)
    return laid_out


def to_pdf(document: Document) -> bytes:
    """``document`` as PDF: the same bytes for the same document."""
    pdf: bytes = layout(document).write_pdf()
    return pdf
