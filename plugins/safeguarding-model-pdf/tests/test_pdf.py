"""The PDF exporter, read back as a reader would: pypdf opens the file and finds A4
pages, every heading of the document tree in order, the running footer, the bookmarks
and the metadata; and WeasyPrint's own layout shows that nothing on any page is wider
than the text (a check that a page made too wide fails).

Where WeasyPrint cannot load the Pango library the tests that print are skipped,
saying so; CI installs Pango and sets ``SAFEGUARDING_MODEL_REQUIRE_PDF=1``, under which
they fail instead.
"""

from __future__ import annotations

import builtins
import io
import os
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest
from safeguarding_model_pdf import printed

from safeguarding_model.cli import main
from safeguarding_model.documents import (
    Document,
    Figure,
    Paragraph,
    Section,
    Table,
    arrangements,
)
from safeguarding_model.documents import yearly_report as build_yearly_report
from safeguarding_model.exporters import ExporterManager, ExportError
from safeguarding_model.exporters.graphviz import place_figures
from safeguarding_model.io import load
from safeguarding_model.model import Dataset

A4 = (595.28, 841.89)
"""A4 in PostScript points (210 x 297 mm)."""


pytestmark = pytest.mark.skipif(
    bool(os.environ.get("SAFEGUARDING_MODEL_SKIP_PDF")),
    reason="SAFEGUARDING_MODEL_SKIP_PDF is set: the PDF tests run in another run",
)


@pytest.fixture(scope="module")
def weasyprint() -> Any:
    """WeasyPrint, or a skip (a failure where the PDF tests are required) that says why
    it cannot print here."""
    try:
        import weasyprint
    except OSError as error:
        reason = (
            f"WeasyPrint cannot load Pango ({error}); install it "
            f"(apt-get install {printed.PANGO_PACKAGES} fonts-dejavu-core)"
        )
        if os.environ.get("SAFEGUARDING_MODEL_REQUIRE_PDF"):
            pytest.fail(f"the PDF tests are required here: {reason}")
        pytest.skip(reason)
    return weasyprint


@pytest.fixture(scope="module")
def iow() -> Dataset:
    return load("isle-of-wight-2024")


@pytest.fixture(scope="module")
def document(iow: Dataset) -> Document:
    return arrangements(iow)


@pytest.fixture(scope="module")
def pdf(laid_out: Any) -> bytes:
    """The PDF of the arrangements, as the exporter writes it (:func:`printed.to_pdf`),
    from the layout the other tests walk: printing takes seconds, so it is done once."""
    content: bytes = laid_out.write_pdf()
    return content


@pytest.fixture(scope="module")
def laid_out(weasyprint: Any, document: Document) -> Any:
    return printed.layout(document)


@pytest.fixture(scope="module")
def reader(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def words(text: str) -> str:
    """Text with each run of white space one space (lines break where the page does)."""
    return " ".join(text.split())


def outline(
    reader: pypdf.PdfReader, entries: list[Any] | None = None, level: int = 1
) -> Iterator[tuple[int, str, int]]:
    """Every bookmark, in order: its level, its title and the index of its page."""
    for entry in reader.outline if entries is None else entries:
        if isinstance(entry, list):
            yield from outline(reader, entry, level + 1)
        else:
            yield level, entry.title, reader.get_destination_page_number(entry)


# The layout check ---------------------------------------------------------------------


def overflowing(laid_out: Any) -> list[str]:
    """Every box on a page of WeasyPrint's layout that reaches past the left or right of
    the page's text (a margin box, the header or footer, past the page itself), as
    ``page N: box, by X pt``."""
    from weasyprint.formatting_structure import boxes

    found = []
    for number, page in enumerate(laid_out.pages, start=1):
        page_box = page._page_box
        text_left = page_box.content_box_x()
        text_right = text_left + page_box.width
        margin_boxes = {
            id(inner)
            for margin in page_box.children
            if isinstance(margin, boxes.MarginBox)
            for inner in margin.descendants()
        }
        for box in page_box.descendants():
            if box is page_box:
                continue
            left, right = (text_left, text_right)
            if id(box) in margin_boxes:
                left, right = 0, page_box.margin_width()
            start = box.border_box_x()
            end = start + box.border_width()
            past = max(left - start, end - right)
            if past > 0.01:
                tag = (getattr(box, "element_tag", None) or "").rpartition("}")[2]
                found.append(f"page {number}: {tag} {type(box).__name__}, by {past:.1f} pt")
    return found


def replaced_widths(laid_out: Any) -> list[tuple[float, float]]:
    """The widths of the pictures (the charts' SVG) as laid out, each with the width of
    the text of its page (upright or on its side)."""
    from weasyprint.formatting_structure import boxes

    return [
        (box.border_width(), page._page_box.width)
        for page in laid_out.pages
        for box in page._page_box.descendants()
        if isinstance(box, boxes.ReplacedBox)
    ]


def text_width(laid_out: Any) -> float:
    width: float = laid_out.pages[0]._page_box.width
    return width


def too_wide() -> Document:
    """A document that is hard to fit: a table of twelve columns and a paragraph, each
    with a web address far longer than a line."""
    address = "https://www.example.org/" + "a-very-long-part-of-the-address/" * 8 + "file.pdf"
    return Document(
        kind="arrangements",
        title="A Document Too Wide",
        sections=(
            Section(
                title="Wide Things",
                blocks=(
                    Paragraph(content=address),
                    Table(
                        header=tuple(f"Column {n}" for n in range(1, 13)),
                        rows=(tuple(["word"] * 11 + [address]),),
                    ),
                    Table(
                        header=("Group", "Kind", "Chair"),
                        rows=(("Executive Group", "executive group", address),),
                    ),
                ),
            ),
        ),
    )


# The exporter ---------------------------------------------------------------------------


def test_the_plugin_is_found_through_its_entry_point() -> None:
    manager = ExporterManager()
    exporter = manager.get("pdf")
    assert exporter.distribution == "safeguarding-model-pdf"
    assert (exporter.media_type, exporter.extension) == ("application/pdf", "pdf")
    assert exporter.options == {"document", "partnership", "previous"}
    assert manager.problems() == []


def test_every_page_is_a4_and_a_chart_too_small_upright_has_a_landscape_page(
    reader: pypdf.PdfReader, document: Document
) -> None:
    assert len(reader.pages) > 10
    turned = []
    for page in reader.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        if size[0] > size[1]:
            turned.append(words(page.extract_text()))
            size = size[::-1]
        assert size == pytest.approx(A4, abs=0.5)
    placed = place_figures(document).blocks_of(Figure)
    wanted = [f.caption for f in placed if isinstance(f, Figure) and f.landscape]
    if shutil.which("dot") is not None:
        assert wanted  # the Isle of Wight's chart of joint working, at 6.8 points upright
    assert len(turned) >= len(wanted)  # a figure with its chart in words may run on
    for caption in wanted:  # the chart on its side, with its caption
        assert any(words(caption) in text for text in turned), caption


def test_every_heading_of_the_document_is_printed_in_order(
    reader: pypdf.PdfReader, document: Document
) -> None:
    headings = [section.title for _, section in document.walk()]
    first_section = next(outline(reader))[2]  # after the title page and the contents
    body = words(" ".join(page.extract_text() for page in reader.pages[first_section:]))
    at = 0
    for heading in headings:
        found = body.find(words(heading), at)
        assert found >= 0, f"{heading!r} is not printed after {body[at - 80 : at]!r}"
        at = found + len(words(heading))


def test_the_contents_list_gives_each_section_with_its_page(
    reader: pypdf.PdfReader, document: Document
) -> None:
    contents = words(reader.pages[1].extract_text())
    assert contents.startswith("Contents")
    pages = {title: page for _, title, page in outline(reader)}
    for section in document.sections:
        entry = re.search(re.escape(words(section.title)) + r" ?\.* ?(\d+)", contents)
        assert entry, f"{section.title!r} is not in the contents"
        assert int(entry.group(1)) == pages[section.title] + 1


def test_the_bookmarks_are_the_section_headings(
    reader: pypdf.PdfReader, document: Document
) -> None:
    bookmarks = [(level, title) for level, title, _ in outline(reader)]
    assert bookmarks == [(level, words(section.title)) for level, section in document.walk()]
    for _, title, page in outline(reader):
        assert words(title) in words(reader.pages[page].extract_text()), title


def test_every_page_has_the_footer_with_title_date_and_page_number(
    reader: pypdf.PdfReader, document: Document
) -> None:
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        text = words(page.extract_text())
        assert f"{document.title} · September 2024" in text
        assert f"Page {number} of {total}" in text


def test_the_running_header_names_the_section(reader: pypdf.PdfReader, document: Document) -> None:
    """The header of each page after the contents names the first section that starts
    on the page, or else the section the page goes on with."""
    starts = [(page, title) for level, title, page in outline(reader) if level == 1]
    total = len(reader.pages)
    for index in range(starts[0][0], total):
        here = [title for page, title in starts if page == index]
        section = here[0] if here else [title for page, title in starts if page < index][-1]
        footer = f"{document.title} · September 2024 Page {index + 1} of {total}"
        assert words(reader.pages[index].extract_text()).endswith(f"{section} {footer}")


def test_the_metadata_title_language_and_dates(reader: pypdf.PdfReader, document: Document) -> None:
    metadata = reader.metadata
    assert metadata is not None
    assert metadata.title == f"{document.title}: {document.subtitle}"
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert metadata["/CreationDate"] == metadata["/ModDate"] == "D:202409"  # the source's


def test_a_source_dated_by_a_range_gets_no_made_up_date(weasyprint: Any) -> None:
    newsletter = arrangements(load("isle-of-wight-2020"))
    assert newsletter.date == "2020-09 to 2020-11"
    metadata = printed.layout(newsletter).metadata
    assert metadata.created is None and metadata.modified is None
    assert "September 2020 to November 2020" in printed.print_css(newsletter)


# Nothing wider than the page --------------------------------------------------------


def test_nothing_on_any_page_is_wider_than_the_text(laid_out: Any) -> None:
    assert overflowing(laid_out) == []


def test_nothing_in_the_yearly_report_is_wider_than_the_text(weasyprint: Any, iow: Dataset) -> None:
    report = build_yearly_report(iow)
    laid_out = printed.layout(report)
    assert overflowing(laid_out) == []
    pdf = pypdf.PdfReader(io.BytesIO(laid_out.write_pdf()))
    assert "To be written:" in "".join(page.extract_text() for page in pdf.pages)


def test_the_charts_are_scaled_to_the_text(laid_out: Any, document: Document) -> None:
    if shutil.which("dot") is None:
        if os.environ.get("SAFEGUARDING_MODEL_REQUIRE_GRAPHVIZ"):
            pytest.fail("Graphviz `dot` is required here but not installed")
        pytest.skip("Graphviz `dot` is not installed (apt-get install graphviz)")
    page = printed.to_html(document)
    # each chart fills the width up to its natural size, which its max-width gives
    natural = [
        float(w) for w in re.findall(r'<svg width="100%" style="max-width: ([0-9.]+)pt"', page)
    ]
    assert natural and max(natural) > 500  # a chart wider than A4's text
    widths = replaced_widths(laid_out)
    assert len(widths) == len(natural)
    assert all(width <= page + 0.5 for width, page in widths)
    # the widest upright chart fills the text exactly: scaled down to it, no further
    upright = [width for width, page in widths if page == text_width(laid_out)]
    assert max(upright) == pytest.approx(text_width(laid_out), abs=0.5)
    assert overflowing(laid_out) == []


def test_a_page_made_too_wide_fails_the_check(weasyprint: Any) -> None:
    chart = '<svg xmlns="http://www.w3.org/2000/svg" width="1500pt" height="200pt"></svg>'
    wide = weasyprint.HTML(string=f"<p>A chart:</p>{chart}").render()
    assert [problem for problem in overflowing(wide) if problem.startswith("page 1: svg")]
    # the long address and the table of twelve columns, without the print style sheet
    plain = weasyprint.HTML(
        string=printed.to_html(too_wide()).replace("overflow-wrap: break-word;", "")
    ).render()
    assert overflowing(plain)


def test_long_words_and_wide_tables_are_fitted_to_the_page(weasyprint: Any) -> None:
    laid_out = printed.layout(too_wide())
    assert overflowing(laid_out) == []
    text = words(
        " ".join(
            page.extract_text() for page in pypdf.PdfReader(io.BytesIO(laid_out.write_pdf())).pages
        )
    )
    assert "Column 12" in text and "example.org" in text


def test_the_footer_prints_any_title_as_written(weasyprint: Any) -> None:
    title = 'A "Quoted" \\ Partnership; } @page (x)\u00b7y – Ynys Môn'
    document = Document(kind="arrangements", title=title, date="2024-09")
    pdf = pypdf.PdfReader(io.BytesIO(printed.to_pdf(document)))
    assert f"{title} · September 2024" in words(pdf.pages[0].extract_text())
    assert printed.css_string('a"b\nc') == '"a\\22 b c"'


# The command line -------------------------------------------------------------------


def test_the_command_writes_to_a_pipe_the_same_bytes(
    weasyprint: Any, pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    buffer = io.BytesIO()
    stdout = io.TextIOWrapper(buffer)
    monkeypatch.setattr(sys, "stdout", stdout)
    assert main(["export", "isle-of-wight-2024", "--to", "pdf", "-o", "-"]) == 0
    stdout.flush()
    assert buffer.getvalue() == pdf  # the same dataset gives the same bytes


def test_a_folder_that_is_not_there_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "missing" / "arrangements.pdf"
    status = main(["export", "isle-of-wight-2024", "--to", "pdf", "-o", str(target)])
    err = capsys.readouterr().err
    assert status != 0 and "Traceback" not in err
    assert "missing" in err and not target.exists()


def test_an_unwritable_folder_is_a_clear_error(
    weasyprint: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if os.geteuid() == 0:
        target = tmp_path / "a-file" / "arrangements.pdf"  # root writes anywhere: a file
        (tmp_path / "a-file").write_text("not a folder")
    else:
        folder = tmp_path / "read-only"
        folder.mkdir(mode=0o555)
        target = folder / "arrangements.pdf"
    status = main(["export", "isle-of-wight-2024", "--to", "pdf", "-o", str(target)])
    err = capsys.readouterr().err
    assert status != 0 and "Traceback" not in err
    assert str(target.parent.name) in err and not target.exists()


def test_without_pango_the_export_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, document: Document
) -> None:
    real_import = builtins.__import__

    def no_pango(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pango)
    with pytest.raises(ExportError) as raised:
        printed.to_pdf(document)
    assert "libpango-1.0-0 libpangoft2-1.0-0" in str(raised.value)
    assert "cannot load library" in str(raised.value)
