"""The source's own words reach every document format: each name and text of the
Isle of Wight 2024 data appears in the arrangements document as Markdown, HTML and
Word (modulo escaping and white space)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from html.parser import HTMLParser

import attrs
import pytest

from safeguarding_model.exporters import export, exporter_names
from safeguarding_model.model import Dataset

TEXT_FIELDS = frozenset(
    {
        "name",
        "short_name",
        "former_names",
        "title",
        "text",
        "description",
        "footnote",
        "charging",
        "provides",
        "youth_custody_facilities",
        "contact",
    }
)
"""The fields that hold names or the source's words. Left out: ids and references,
and ``note``, the encoder's remarks about the data (not the source's words)."""


def texts(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Every (path, text) of the text fields under ``value``, items and points included."""
    if isinstance(value, tuple):
        for number, item in enumerate(value):
            yield from texts(item, f"{path}[{number}]")
        return
    if not attrs.has(type(value)):
        return
    for field in attrs.fields(type(value)):
        current = getattr(value, field.name)
        where = f"{path}.{field.name}" if path else field.name
        if field.name in TEXT_FIELDS:
            if isinstance(current, str):
                yield where, current
            elif isinstance(current, tuple):
                for number, item in enumerate(current):
                    if isinstance(item, str):
                        yield f"{where}[{number}]", item
                    else:  # a former name with its dates
                        yield from texts(item, f"{where}[{number}]")
        elif isinstance(current, tuple) or attrs.has(type(current)):
            yield from texts(current, where)


def normal(text: str) -> str:
    return " ".join(text.split())


def paragraphs_of(text: str) -> list[str]:
    """The source's paragraphs of a text (a folded text keeps one line per paragraph)."""
    return [normal(line) for line in text.splitlines() if line.strip()]


def markdown_text(markdown: str) -> str:
    return normal(re.sub(r"\\(.)", r"\1", markdown))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(page: str) -> str:
    parser = _Text()
    parser.feed(page)
    parser.close()
    return normal("".join(parser.parts))


def word_text(data: bytes) -> str:
    docx = pytest.importorskip("docx")
    word = docx.Document(io.BytesIO(data))
    parts = [p.text for p in word.paragraphs]
    parts += [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    return normal("\n".join(parts))


def rendered(iow: Dataset, format: str) -> str:
    """The arrangements in ``format`` as plain text; the Word format is the optional
    plugin's, so without it that case is skipped (its own tests cover it)."""
    if format == "docx" and "docx" not in exporter_names():
        pytest.skip("the Word plugin (plugins/safeguarding-model-docx) is not installed")
    content = export(iow, format)
    if format == "docx":
        assert isinstance(content, bytes)
        return word_text(content)
    assert isinstance(content, str)
    return markdown_text(content) if format == "markdown" else html_text(content)


def test_the_walk_finds_the_texts_the_review_named(iow: Dataset) -> None:
    paths = [path for path, _ in texts(iow)]
    assert "partnerships[0].scrutineers[0].text" in paths
    assert "partnerships[0].escalates_to[0].text" in paths
    assert "partnerships[0].groups[0].chairs[0].text" in paths
    assert "partnerships[0].groups[2].reports_to[0].text" in paths
    assert len(paths) > 250


@pytest.mark.parametrize("format", ["markdown", "html", "docx"])
def test_every_text_of_the_data_reaches_the_document(iow: Dataset, format: str) -> None:
    document = rendered(iow, format)
    missing = [
        (path, paragraph)
        for path, text in texts(iow)
        for paragraph in paragraphs_of(text)
        if paragraph not in document
    ]
    assert missing == []
