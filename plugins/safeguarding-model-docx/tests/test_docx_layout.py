"""The Word file as a partnership would publish it, read back as Word reads it (python-docx
and the raw XML): an A4 page in British English, a table of contents, a footer with the
title, the date and the page numbers, tables whose columns fit their words and the page,
charts inside the text area, and a template whose styles are honoured."""

from __future__ import annotations

import io
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from safeguarding_model.cli import main
from safeguarding_model.documents import (
    Document,
    Figure,
    Section,
    Table,
    arrangements,
    yearly_report,
)
from safeguarding_model.errors import UsageError
from safeguarding_model.exporters import export
from safeguarding_model.io import load
from safeguarding_model.model import Dataset

EMU_PER_TWIP = 635
CHARACTER = 0.6
"""A conservative width of a character, in ems, for the check that words fit."""


@pytest.fixture(scope="module")
def iow() -> Dataset:
    return load("isle-of-wight-2024")


@pytest.fixture(scope="module", params=["arrangements", "yearly-report"])
def data(request: pytest.FixtureRequest, iow: Dataset) -> bytes:
    content = export(iow, "docx", document=request.param)
    assert isinstance(content, bytes)
    return content


@pytest.fixture(scope="module")
def arrangements_data(iow: Dataset) -> bytes:
    content = export(iow, "docx")
    assert isinstance(content, bytes)
    return content


def opened(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode("utf-8")


def near(value: int | None, millimetres: float) -> bool:
    return value is not None and abs(value - Mm(millimetres)) < Mm(0.5)


# -- the page and the language -------------------------------------------------------


@pytest.mark.slow
def test_every_page_is_a4_with_sensible_margins(data: bytes) -> None:
    word = opened(data)
    for section in word.sections:
        width, height = section.page_width, section.page_height
        assert width is not None and height is not None
        assert {round(width / Mm(1)), round(height / Mm(1))} == {210, 297}
        for margin in (section.left_margin, section.right_margin):
            assert margin is not None and Mm(15) <= margin <= Mm(30)
        for margin in (section.top_margin, section.bottom_margin):
            assert margin is not None and Mm(15) <= margin <= Mm(30)
    first = word.sections[0]
    assert near(first.page_width, 210) and near(first.page_height, 297)  # portrait


def test_the_language_is_british_english(data: bytes) -> None:
    word = opened(data)
    styles = word.styles.element
    default = styles.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}"
    )
    assert default is not None and default.get(qn("w:val")) == "en-GB"
    languages = {lang.get(qn("w:val")) for lang in styles.iter(qn("w:lang"))}
    assert languages == {"en-GB"}
    theme = word.settings.element.find(qn("w:themeFontLang"))
    assert theme is not None and theme.get(qn("w:val")) == "en-GB"
    assert word.core_properties.language == "en-GB"
    assert "en-US" not in part(data, "word/styles.xml")


# -- headings and the table of contents ----------------------------------------------


def tree(iow: Dataset, name: str) -> Document:
    return arrangements(iow) if name == "arrangements" else yearly_report(iow)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["arrangements", "yearly-report"])
def test_every_heading_has_the_heading_style_of_its_level(iow: Dataset, name: str) -> None:
    word = opened(export(iow, "docx", document=name))  # type: ignore[arg-type]
    document = tree(iow, name)
    styled = [
        (p.style.name, p.text)
        for p in word.paragraphs
        if p.style is not None and (p.style.name.startswith("Heading") or p.style.name == "Title")
    ]
    assert styled == [
        ("Title", document.title),
        *((f"Heading {level}", section.title) for level, section in document.walk()),
    ]
    for level in range(1, 10):  # the navigation pane finds them in any reader
        outline = word.styles[f"Heading {level}"].element.find(
            f"{qn('w:pPr')}/{qn('w:outlineLvl')}"
        )
        assert outline is not None and outline.get(qn("w:val")) == str(level - 1)


def field_instructions(xml_root: object) -> list[str]:
    return [text.text or "" for text in xml_root.iter(qn("w:instrText"))]  # type: ignore[attr-defined]


@pytest.mark.slow
def test_a_table_of_contents_field_that_word_updates(
    arrangements_data: bytes, iow: Dataset
) -> None:
    word = opened(arrangements_data)
    body = word.element.body
    instructions = [i.strip() for i in field_instructions(body)]
    assert instructions == ['TOC \\o "1-3" \\h \\z \\u']
    chars = [c.get(qn("w:fldCharType")) for c in body.iter(qn("w:fldChar"))]
    assert chars == ["begin", "separate", "end"]
    begin = next(body.iter(qn("w:fldChar")))
    assert begin.get(qn("w:dirty")) == "true"
    update = word.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"
    # until Word updates it, the field's result lists the headings, each a link to its own
    entries = [
        (p.style.name, p.text)
        for p in word.paragraphs
        if p.style is not None and p.style.name.startswith("toc ")
    ]
    assert entries == [
        (f"toc {level}", section.title) for level, section in arrangements(iow).walk() if level <= 3
    ]
    bookmarks = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
    anchors = [h.get(qn("w:anchor")) for h in body.iter(qn("w:hyperlink")) if h.get(qn("w:anchor"))]
    assert len(anchors) == len(entries) and set(anchors) <= bookmarks
    heading = next(
        p for p in word.paragraphs if p.style is not None and p.style.name == "TOC Heading"
    )
    assert heading.text == "Contents"


def test_a_document_without_sections_has_no_table_of_contents() -> None:
    from safeguarding_model_docx.word import to_docx

    word = opened(to_docx(Document(kind="arrangements", title="Only a title")))
    assert field_instructions(word.element.body) == []
    assert [p.text for p in word.paragraphs] == ["Only a title"]


# -- the footer ----------------------------------------------------------------------


def test_the_footer_has_the_title_the_date_and_page_x_of_y(arrangements_data: bytes) -> None:
    word = opened(arrangements_data)
    footer = word.sections[0].footer
    assert not footer.is_linked_to_previous
    text = "\n".join(p.text for p in footer.paragraphs)
    assert "Isle of Wight Safeguarding Children Partnership (IOWSCP)" in text
    assert "September 2024" in text  # as precise as the source: a month
    assert "Page  of " in text  # the numbers are fields Word fills in
    assert [i.strip() for i in field_instructions(footer._element)] == ["PAGE", "NUMPAGES"]
    for section in word.sections[1:]:  # every later section shows the same footer
        assert section.footer.is_linked_to_previous


def test_the_footer_says_no_date_the_source_does_not_give(iow: Dataset) -> None:
    import attrs

    partnership = iow.partnerships[0]
    assert partnership.source is not None
    undated = attrs.evolve(partnership.source, published=None)
    dataset = attrs.evolve(iow, partnerships=(attrs.evolve(partnership, source=undated),))
    word = opened(export(dataset, "docx"))  # type: ignore[arg-type]
    text = "\n".join(p.text for p in word.sections[0].footer.paragraphs)
    assert "Local Safeguarding Arrangements · Page" in text
    assert "2024" not in text


def test_the_footer_gives_a_bound_as_the_data_does() -> None:
    from safeguarding_model_docx.word import to_docx

    document = Document(kind="arrangements", title="T", date="by 2024-12")
    word = opened(to_docx(document))
    text = "\n".join(p.text for p in word.sections[0].footer.paragraphs)
    assert "by December 2024 · Page" in text


# -- tables ---------------------------------------------------------------------------


def sections_of_tables(
    word: docx.document.Document,
) -> Iterator[tuple[object, docx.section.Section]]:
    """Each table with the section it is in (the next section break after it)."""
    body = word.element.body
    pending: list[object] = []
    sections = iter(word.sections)
    for element in body.iterchildren():
        if element.tag == qn("w:tbl"):
            pending.append(element)
        breaks = (
            element.findall(f"{qn('w:pPr')}/{qn('w:sectPr')}") if element.tag == qn("w:p") else []
        )
        if breaks or element.tag == qn("w:sectPr"):
            section = next(sections)
            for table in pending:
                yield table, section
            pending = []


def table_font_size(word: docx.document.Document) -> float:
    style = word.styles["Table Text"]
    while style is not None:
        if style.font.size is not None:
            return float(style.font.size.pt)
        style = style.base_style
    return 11.0


def test_every_table_fits_the_page_and_its_words_fit_their_columns(data: bytes) -> None:
    word = opened(data)
    size = table_font_size(word)
    found = list(sections_of_tables(word))
    assert len(found) == len(word.tables) >= 2
    for element, section in found:
        table = docx.table.Table(element, word)  # type: ignore[arg-type]
        assert section.page_width and section.left_margin and section.right_margin
        text_width = (
            section.page_width - section.left_margin - section.right_margin
        ) // EMU_PER_TWIP
        widths = [int(col.get(qn("w:w"))) for col in element.iter(qn("w:gridCol"))]  # type: ignore[attr-defined]
        assert sum(widths) <= text_width
        layout = element.find(f"{qn('w:tblPr')}/{qn('w:tblLayout')}")  # type: ignore[attr-defined]
        assert layout is not None and layout.get(qn("w:type")) == "fixed"
        for row_number, row in enumerate(table.rows):
            properties = row._tr.trPr
            assert properties is not None and properties.find(qn("w:cantSplit")) is not None
            assert (properties.find(qn("w:tblHeader")) is not None) == (row_number == 0)
            for cell, width in zip(row.cells, widths, strict=True):
                assert cell.width == width * EMU_PER_TWIP
                for word_text in cell.text.split():
                    needed = len(word_text) * CHARACTER * size * 20 + 2 * 108
                    assert width >= needed, (word_text, width, needed)
        header = table.rows[0].cells[0].paragraphs[0]
        assert header.paragraph_format.keep_with_next  # the header row is not left alone
        before = element.getprevious()  # type: ignore[attr-defined]
        if before.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is None:
            assert docx.text.paragraph.Paragraph(before, word).paragraph_format.keep_with_next


def test_the_seven_column_table_gets_a_landscape_page(arrangements_data: bytes) -> None:
    word = opened(arrangements_data)
    by_columns = {len(docx.table.Table(t, word).columns): s for t, s in sections_of_tables(word)}  # type: ignore[arg-type]
    assert by_columns[4].orientation == docx.enum.section.WD_ORIENT.PORTRAIT
    assert by_columns[7].orientation == docx.enum.section.WD_ORIENT.LANDSCAPE
    assert near(by_columns[7].page_width, 297)
    assert word.sections[-1].orientation == docx.enum.section.WD_ORIENT.PORTRAIT


def test_a_prose_column_is_wider_than_a_column_of_short_words(arrangements_data: bytes) -> None:
    word = opened(arrangements_data)
    table = next(t for t in word.tables if len(t.columns) == 4)
    widths = [int(c.get(qn("w:w"))) for c in table._tbl.iter(qn("w:gridCol"))]
    assert table.rows[0].cells[1].text == "Post"
    assert widths[1] > widths[0]  # posts are long titles, names are short


def wide_document() -> Document:
    header = tuple(f"Column heading {n}" for n in range(12))
    rows = (tuple(f"Interdisciplinarity{n}" for n in range(12)),)
    table = Table(header=header, rows=rows, caption="Every fact at once")
    section = Section(title="A very wide table", blocks=(table,))
    return Document(kind="arrangements", title="Wide", sections=(section,))


def test_a_table_too_wide_for_any_page_is_given_row_by_row() -> None:
    from safeguarding_model_docx.word import to_docx

    word = opened(to_docx(wide_document()))
    assert word.tables == []
    texts = [p.text for p in word.paragraphs]
    start = texts.index("Every fact at once")
    assert texts[start + 1] == "Interdisciplinarity0"
    assert texts[start + 2 : start + 4] == [
        "Column heading 1: Interdisciplinarity1",
        "Column heading 2: Interdisciplinarity2",
    ]
    assert all(s.orientation == docx.enum.section.WD_ORIENT.PORTRAIT for s in word.sections)


def test_column_widths_never_go_below_the_longest_word() -> None:
    from safeguarding_model_docx.layout import column_widths, word_width

    header = ["Name", "What it does"]
    rows = [["Board", "Leads the partnership and agrees the plan with every partner"]]
    widths = column_widths(header, rows, size=10, width=9000, padding=256)
    assert widths is not None and 8990 <= sum(widths) <= 9000  # the table fills the width
    assert widths[1] > widths[0]
    assert widths[0] >= word_width("Board", 10) + 256
    assert column_widths(header, rows, size=10, width=500, padding=256) is None


# -- charts ---------------------------------------------------------------------------


def picture_areas(word: docx.document.Document) -> Iterator[tuple[int, int]]:
    """The text area (width and height, in EMU) of the section each picture is in, in
    the pictures' order: a section's pictures come before the paragraph that ends it."""
    pictures = 0
    for element in word.element.body:
        pictures += len(element.findall(".//" + qn("wp:inline")))
        ended = element.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
        if ended is None and element.tag == qn("w:sectPr"):
            ended = element
        if ended is not None and pictures:
            size, margins = ended.find(qn("w:pgSz")), ended.find(qn("w:pgMar"))
            width = (
                int(size.get(qn("w:w")))
                - int(margins.get(qn("w:left")))
                - int(margins.get(qn("w:right")))
            )
            height = (
                int(size.get(qn("w:h")))
                - int(margins.get(qn("w:top")))
                - int(margins.get(qn("w:bottom")))
            )
            for _ in range(pictures):
                yield width * 635, height * 635  # twips to EMU
            pictures = 0


def test_charts_fit_the_text_area_and_keep_their_proportions(arrangements_data: bytes) -> None:
    if shutil.which("dot") is None:
        pytest.skip("Graphviz `dot` is not installed (apt-get install graphviz)")
    from docx.image.image import Image

    word = opened(arrangements_data)
    figures = [b for _, s in arrangements(load("isle-of-wight-2024")).walk() for b in s.blocks]
    assert len(word.inline_shapes) == sum(isinstance(b, Figure) for b in figures) > 1
    areas = list(picture_areas(word))
    assert len(areas) == len(word.inline_shapes)
    assert any(width > height for width, height in areas)  # a chart on a page on its side
    for shape, (text_width, text_height) in zip(word.inline_shapes, areas, strict=True):
        assert 0 < shape.width <= text_width and 0 < shape.height <= text_height
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip
        image = Image.from_blob(word.part.related_parts[blip.embed].blob)
        assert abs(shape.width / shape.height - image.width / image.height) < 0.01
        assert shape.width <= image.width  # made smaller, never larger


# -- the template --------------------------------------------------------------------


def restyled_template(path: Path) -> Path:
    """The default template, restyled as a partnership would in Word: Heading 1 in
    Georgia and green, on US Letter."""
    from safeguarding_model_docx import default_template

    template = docx.Document(io.BytesIO(default_template()))
    heading = template.styles["Heading 1"]
    heading.font.name = "Georgia"
    heading.font.size = Pt(20)
    heading.font.color.rgb = docx.shared.RGBColor(0x00, 0x66, 0x33)
    template.sections[0].page_width = docx.shared.Inches(8.5)
    template.sections[0].page_height = docx.shared.Inches(11)
    template.add_paragraph("This text of the template is not kept.")
    template.save(str(path))
    return path


def test_the_default_template_is_a4_british_english_and_has_every_style() -> None:
    from safeguarding_model_docx import default_template
    from safeguarding_model_docx.template import STYLES

    template = docx.Document(io.BytesIO(default_template()))
    assert near(template.sections[0].page_width, 210)
    assert template.core_properties.language == "en-GB"
    names = {style.name for style in template.styles}
    assert set(STYLES) <= names
    assert default_template() == default_template()


@pytest.mark.slow
def test_a_template_s_styles_and_page_are_used(iow: Dataset, tmp_path: Path) -> None:
    template = restyled_template(tmp_path / "ours.docx")
    data = export(iow, "docx", template=str(template))
    assert isinstance(data, bytes)
    word = opened(data)
    heading = word.styles["Heading 1"]
    assert heading.font.name == "Georgia" and heading.font.size == Pt(20)
    assert heading.font.color.rgb == docx.shared.RGBColor(0x00, 0x66, 0x33)
    assert word.sections[0].page_width == docx.shared.Inches(8.5)
    texts = [p.text for p in word.paragraphs]
    assert "This text of the template is not kept." not in texts
    assert texts[0] == "Isle of Wight Safeguarding Children Partnership (IOWSCP)"
    assert word.core_properties.language == "en-GB"
    assert export(iow, "docx", template=str(template)) == data  # same input, same bytes
    assert data != export(iow, "docx")


def test_a_template_that_lacks_styles_gets_them_from_the_default(
    iow: Dataset, tmp_path: Path
) -> None:
    from safeguarding_model_docx import default_template

    bare = docx.Document(io.BytesIO(default_template()))
    for name in ("Heading 1", "List Bullet", "Table Text", "toc 1"):
        element = bare.styles[name].element
        element.getparent().remove(element)
    bare.save(str(tmp_path / "bare.docx"))
    word = opened(export(iow, "docx", template=str(tmp_path / "bare.docx")))  # type: ignore[arg-type]
    names = [p.style.name for p in word.paragraphs if p.style is not None]
    assert {"Heading 1", "List Bullet", "toc 1"} <= set(names)
    bullet = word.styles["List Bullet"].element.find(f".//{qn('w:numId')}")
    assert bullet is not None
    numbers = {n.get(qn("w:numId")) for n in word.part.numbering_part.element.iter(qn("w:num"))}
    assert bullet.get(qn("w:val")) in numbers  # its bullets came with it


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda path: None, "no file"),
        (lambda path: path.write_text("not a word file"), "is not a Word file (.docx)"),
        (lambda path: path.mkdir(), "is a folder"),
        (
            lambda path: zipfile.ZipFile(path, "w").writestr("a.txt", "zip, not Word"),
            "is not a Word document that can be read",
        ),
    ],
)
def test_a_bad_template_is_a_clear_error(
    iow: Dataset, tmp_path: Path, make: object, said: str
) -> None:
    path = tmp_path / "template.docx"
    make(path)  # type: ignore[operator]
    with pytest.raises(UsageError) as caught:
        export(iow, "docx", template=str(path))
    message = str(caught.value)
    assert message.startswith("template: ") and said in message
    assert str(path) in message and "restyle it in Word" in message


def export_with_template(out: Path, template: Path) -> int:
    """``safeguarding-model export isle-of-wight-2024 --to docx -o OUT -O template=PATH``."""
    return main(
        [
            "export",
            "isle-of-wight-2024",
            "--to",
            "docx",
            "-o",
            str(out),
            "-O",
            f"template={template}",
        ]
    )


def test_the_command_refuses_a_bad_template_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.docx"
    out = tmp_path / "out.docx"
    status = export_with_template(out, missing)
    _, err = capsys.readouterr()
    assert status != 0 and not out.exists()
    assert str(missing) in err and "Traceback" not in err


@pytest.mark.slow
def test_the_command_takes_a_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = restyled_template(tmp_path / "ours.docx")
    out = tmp_path / "out.docx"
    status = export_with_template(out, template)
    assert status == 0, capsys.readouterr().err
    assert docx.Document(str(out)).styles["Heading 1"].font.name == "Georgia"
