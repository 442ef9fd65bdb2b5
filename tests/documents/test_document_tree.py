"""The neutral document tree and its small helpers."""

from __future__ import annotations

import pytest

from safeguarding_model.documents import (
    Document,
    ItemList,
    Paragraph,
    Placeholder,
    Section,
    Span,
    Table,
    build,
)
from safeguarding_model.documents.tree import item_list, paragraphs
from safeguarding_model.errors import UsageError
from safeguarding_model.model import Dataset, Item


def test_each_line_of_a_text_is_a_paragraph() -> None:
    found = paragraphs("One  line.\nTwo.\r\n\r\nThree.\n")
    assert [p.text for p in found] == ["One line.", "Two.", "Three."]
    assert paragraphs(None) == ()


def test_item_lists_keep_points_nested_and_in_order() -> None:
    listed = item_list((Item(text="a", points=(Item(text="a1"), Item(text="a2"))), Item(text="b")))
    assert [i.text for i in listed.items] == ["a", "b"]
    assert [c.text for c in listed.items[0].children] == ["a1", "a2"]


def test_paragraph_content_accepts_text_and_spans() -> None:
    paragraph = Paragraph(content=("The chair is ", Span(text="Ashley", strong=True), "."))
    assert paragraph.text == "The chair is Ashley."
    assert paragraph.content[1].strong


def test_a_table_row_must_fit_the_header() -> None:
    with pytest.raises(ValueError, match="2 cells, the header 3"):
        Table(header=("a", "b", "c"), rows=(("1", "2"),))


def test_walk_visits_sections_depth_first_with_levels() -> None:
    document = Document(
        kind="arrangements",
        title="T",
        sections=(
            Section(title="A", sections=(Section(title="A1", blocks=(Placeholder(prompt="p"),)),)),
            Section(title="B", blocks=(Placeholder(prompt="q"), ItemList(items=()))),
        ),
    )
    assert [(level, s.title) for level, s in document.walk()] == [(1, "A"), (2, "A1"), (1, "B")]
    assert [p.prompt for p in document.blocks_of(Placeholder)] == ["p", "q"]  # type: ignore[union-attr]


def test_build_names_the_documents(iow: Dataset) -> None:
    assert build("arrangements", iow).kind == "arrangements"
    assert build("yearly-report", iow).kind == "yearly-report"
    with pytest.raises(UsageError, match="the documents are: arrangements, yearly-report"):
        build("minutes", iow)
