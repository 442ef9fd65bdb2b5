"""The Word file laid out on pages by a real word processor: LibreOffice (headless)
prints it to PDF, and pypdf reads the pages back. Every page is A4, the wide groups
table has a landscape page, every heading of the document tree is a bookmark on the
page that shows it, the footer numbers every page "Page X of Y", and no text runs off
a page.

LibreOffice is Debian's ``libreoffice-writer-nogui``. Where it is not installed the
tests are skipped, saying so; CI installs it and sets
``SAFEGUARDING_MODEL_REQUIRE_LIBREOFFICE=1``, under which they fail instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from safeguarding_model.documents import Document, Figure, Section, arrangements
from safeguarding_model.exporters import export
from safeguarding_model.exporters.graphviz import place_figures
from safeguarding_model.io import load

pypdf = pytest.importorskip("pypdf")

A4 = (595, 842)
"""A4 in points, the shorter side first."""


def soffice() -> str:
    """The LibreOffice program, or a skip (a failure where CI requires it)."""
    if os.environ.get("SAFEGUARDING_MODEL_SKIP_LIBREOFFICE"):
        pytest.skip("LibreOffice is still being installed (SAFEGUARDING_MODEL_SKIP_LIBREOFFICE)")
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("SAFEGUARDING_MODEL_REQUIRE_LIBREOFFICE"):
            pytest.fail("LibreOffice (soffice) is required here but not installed")
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
    return found


def printed(word: bytes, folder: Path) -> Any:
    """``word`` printed to PDF by LibreOffice, opened with pypdf."""
    source = folder / "document.docx"
    source.write_bytes(word)
    profile = folder / "profile"  # its own profile: no clash with another LibreOffice
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return pypdf.PdfReader(str(folder / "document.pdf"))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Document, Any]:
    """The Isle of Wight's arrangements, printed once (the yearly report is written by
    the same code, and the XML tests read both)."""
    dataset = load("isle-of-wight-2024")
    word = export(dataset, "docx")
    assert isinstance(word, bytes)
    return arrangements(dataset), printed(word, tmp_path_factory.mktemp("arrangements"))


def flat(text: str) -> str:
    return " ".join(text.split())


def headings(document: Document) -> Iterator[tuple[int, str]]:
    def walk(sections: tuple[Section, ...], level: int) -> Iterator[tuple[int, str]]:
        for section in sections:
            yield level, section.title
            yield from walk(section.sections, level + 1)

    yield from walk(document.sections, 1)


def outline(reader: Any) -> list[tuple[int, str, int]]:
    """The PDF's bookmarks in order: level, title and the page (from 0) each opens."""
    found: list[tuple[int, str, int]] = []

    def walk(items: list[Any], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, flat(item.title), reader.get_destination_page_number(item)))

    walk(reader.outline, 1)
    return found


def test_every_page_is_a4_and_wide_tables_and_charts_have_landscape_pages(
    rendered: tuple[Document, Any],
) -> None:
    document, reader = rendered
    shapes = []
    for page in reader.pages:
        width, height = round(float(page.mediabox.width)), round(float(page.mediabox.height))
        assert tuple(sorted((width, height))) == A4
        shapes.append("landscape" if width > height else "portrait")
    assert shapes[0] == "portrait"
    placed = place_figures(document).blocks_of(Figure)
    turned = [f.caption for f in placed if isinstance(f, Figure) and f.landscape]
    if shutil.which("dot") is not None:
        assert turned  # the Isle of Wight's chart of joint working, at 6.8 points upright
    for caption in turned:  # each chart too small upright is on a page on its side
        page = next(
            n for n, p in enumerate(reader.pages) if flat(caption) in flat(p.extract_text())
        )
        assert shapes[page] == "landscape", caption
    header = "Group Kind Chair Meets Reports to Escalates to Joint with"
    tables = [n for n, page in enumerate(reader.pages) if header in flat(page.extract_text())]
    assert tables  # the header row of the groups table, with its seven columns
    for number in tables:
        assert shapes[number] == "landscape"


def test_every_heading_is_a_bookmark_on_the_page_that_shows_it(
    rendered: tuple[Document, Any],
) -> None:
    document, reader = rendered
    marks = outline(reader)
    wanted = list(headings(document))
    titles = [title for _, title, _ in marks]
    position = 0
    for level, title in wanted:  # every heading, in order (the title page may come first)
        assert flat(title) in titles[position:], f"no bookmark for {title!r}"
        position = titles.index(flat(title), position) + 1
        page = marks[position - 1][2]
        words = flat(reader.pages[page].extract_text())
        assert flat(title) in words, f"{title!r} is not on page {page + 1}"
        assert marks[position - 1][0] >= 1 and level >= 1


def test_the_footer_numbers_every_page(rendered: tuple[Document, Any]) -> None:
    document, reader = rendered
    total = len(reader.pages)
    assert total > 3
    for number, page in enumerate(reader.pages, start=1):
        words = flat(page.extract_text())
        assert f"Page {number} of {total}" in words
        assert flat(document.title) in words


def test_no_text_runs_off_a_page(rendered: tuple[Document, Any]) -> None:
    _, reader = rendered
    for number, page in enumerate(reader.pages, start=1):
        width = float(page.mediabox.width)
        outside: list[tuple[float, str]] = []

        def seen(
            text: str,
            matrix: list[float],
            at: list[float],
            font: object,
            size: float,
            width: float = width,
            outside: list[tuple[float, str]] = outside,
        ) -> None:
            x = at[4] * matrix[0] + matrix[4] if matrix else at[4]
            if text.strip() and not -1 <= x <= width:
                outside.append((x, text))

        page.extract_text(visitor_text=seen)
        assert not outside, f"page {number}: text placed outside the page: {outside[:3]}"
