"""The Word exporter, read back by python-docx: it opens the file and finds the
headings, lists, tables and pictures of the arrangements document."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import docx
import pytest

from safeguarding_model.documents import arrangements, yearly_report
from safeguarding_model.exporters import ExporterManager, export, export_to
from safeguarding_model.io import load
from safeguarding_model.model import Dataset


@pytest.fixture(scope="module")
def iow() -> Dataset:
    return load("isle-of-wight-2024")


def opened(data: object) -> docx.document.Document:
    assert isinstance(data, bytes)
    return docx.Document(io.BytesIO(data))


def headings(word: docx.document.Document) -> list[str]:
    return [
        p.text
        for p in word.paragraphs
        if p.style is not None and p.style.name.startswith("Heading")
    ]


def test_the_plugin_is_found_through_its_entry_point() -> None:
    manager = ExporterManager()
    exporter = manager.get("docx")
    assert exporter.distribution == "safeguarding-model-docx"
    assert exporter.options == {"document", "partnership", "previous", "template"}
    assert manager.problems() == []


@pytest.mark.slow
def test_python_docx_opens_the_arrangements_and_finds_every_heading(iow: Dataset) -> None:
    word = opened(export(iow, "docx"))
    title = next(p for p in word.paragraphs if p.style is not None and p.style.name == "Title")
    assert title.text == "Isle of Wight Safeguarding Children Partnership (IOWSCP)"
    assert headings(word) == [section.title for _, section in arrangements(iow).walk()]
    levels = {p.text: p.style.name for p in word.paragraphs if p.style is not None}
    assert levels["Partnership Structure and Subgroups"] == "Heading 1"
    assert levels["Learning Inquiry Group (LIG)"] == "Heading 2"
    assert word.core_properties.title == title.text


@pytest.mark.slow
def test_lists_and_tables(iow: Dataset) -> None:
    word = opened(export(iow, "docx"))
    bullets = [
        p.text for p in word.paragraphs if p.style is not None and p.style.name == "List Bullet"
    ]
    assert "Cafcass" in bullets
    numbered = [p.text for p in word.paragraphs if p.style is not None and p.style.name == "List"]
    assert numbered[0].startswith("1. Work effectively and collaboratively")
    delegated = word.tables[0]
    assert [c.text for c in delegated.rows[0].cells] == [
        "Name",
        "Post",
        "Organisation",
        "Speaks for",
    ]
    assert delegated.rows[1].cells[0].text == "Ashley Whittaker"


@pytest.mark.slow
def test_the_charts_are_pictures_when_graphviz_is_installed(iow: Dataset) -> None:
    if shutil.which("dot") is None:
        if os.environ.get("SAFEGUARDING_MODEL_REQUIRE_GRAPHVIZ"):
            pytest.fail("Graphviz `dot` is required here but not installed")
        pytest.skip("Graphviz `dot` is not installed (apt-get install graphviz)")
    word = opened(export(iow, "docx"))
    assert len(word.inline_shapes) == 7  # two bodies' charts, each split to fit a page
    captions = [
        p.text for p in word.paragraphs if p.style is not None and p.style.name == "Caption"
    ]
    assert captions[0] == "Figure 1: The structure of the IOWSCP and its reporting lines"


def test_the_yearly_report_skeleton_marks_where_to_write(iow: Dataset) -> None:
    word = opened(export(iow, "docx", document="yearly-report"))
    assert headings(word) == [section.title for _, section in yearly_report(iow).walk()]
    marked = [p.text for p in word.paragraphs if p.text.startswith("To be written: ")]
    assert len(marked) >= 8


@pytest.mark.slow
def test_the_same_dataset_gives_the_same_bytes(iow: Dataset) -> None:
    assert export(iow, "docx") == export(iow, "docx")


def test_export_to_writes_the_file(iow: Dataset, tmp_path: Path) -> None:
    path = export_to(iow, "docx", tmp_path / "arrangements.docx")
    assert docx.Document(str(path)).paragraphs


@pytest.mark.slow
def test_names_that_need_escaping_survive(iow: Dataset) -> None:
    import attrs

    nasty = 'The "Quoted" <Board> & \\ back slash Группа'
    partnership = attrs.evolve(iow.partnerships[0], name=nasty, short_name=None)
    dataset = attrs.evolve(iow, partnerships=(partnership,))
    word = opened(export(dataset, "docx"))
    assert word.paragraphs[0].text == nasty
    with_control = attrs.evolve(partnership, name="bell\x07ring")
    word = opened(export(attrs.evolve(iow, partnerships=(with_control,)), "docx"))
    assert word.paragraphs[0].text == "bell\ufffdring"


def test_a_graphviz_failure_gives_the_chart_in_words(
    iow: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    false = shutil.which("false")
    if false is None:
        pytest.skip("no `false` program to stand in for a failing Graphviz")
    monkeypatch.setattr("shutil.which", lambda name: false)
    word = opened(export(iow, "docx"))
    assert len(word.inline_shapes) == 0
    notes = [p.text for p in word.paragraphs if p.text.startswith("The chart could not be drawn")]
    assert len(notes) == 7
    texts = [p.text for p in word.paragraphs]
    assert "Learning Inquiry Group reports to Partnership Board (quarterly)." in texts


def test_the_plugin_shares_the_document_options_and_the_zip_writer() -> None:
    import safeguarding_model_docx
    from safeguarding_model_docx import word

    from safeguarding_model.exporters import DOCUMENT_OPTIONS, get_exporter

    options = get_exporter("docx").options
    assert get_exporter("markdown").options == DOCUMENT_OPTIONS
    assert list(options) == [*DOCUMENT_OPTIONS, "template"]
    for name in DOCUMENT_OPTIONS:
        assert options[name] is DOCUMENT_OPTIONS[name]
    assert "zip_archive" in vars(word)
    assert not hasattr(word, "_ZIP_DATE")
    assert "document_renderer" in vars(safeguarding_model_docx)


@pytest.mark.slow
def test_the_writer_needs_the_document_only(iow: Dataset) -> None:
    from safeguarding_model_docx.word import to_docx

    document = arrangements(iow)
    assert to_docx(document) == export(iow, "docx")


def test_an_export_builds_the_governance_graph_once(
    iow: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two charts (the partnership's and the HIPS appendix's), one graph."""
    import safeguarding_model.graph

    real = safeguarding_model.graph.build_graph
    calls: list[Dataset] = []

    def counting(dataset: Dataset, on: object = None, **keywords: object) -> object:
        calls.append(dataset)
        return real(dataset, on, **keywords)  # type: ignore[arg-type]

    monkeypatch.setattr(safeguarding_model.graph, "build_graph", counting)
    export(iow, "docx")
    assert calls == [iow]


def test_the_charts_are_drawn_without_the_exporter_manager(
    iow: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The writer draws each figure's own chart through the plugin API's ``draw_chart``:
    it asks the exporter manager for nothing (not for ``png``)."""
    from safeguarding_model_docx import word

    from safeguarding_model.exporters import ExporterManager

    assert "get_exporter" not in vars(word) and "figure_options" not in vars(word)
    document = arrangements(iow)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the Word writer asked the exporter manager for an exporter")

    monkeypatch.setattr(ExporterManager, "get", refuse)
    monkeypatch.setattr(ExporterManager, "exporters", refuse)
    written = opened(word.to_docx(document))
    if shutil.which("dot") is not None:
        assert len(written.inline_shapes) == 7


def test_on_a_date_the_document_says_so(iow: Dataset) -> None:
    word = opened(export(iow, "docx", on="2024-10"))
    texts = [p.text for p in word.paragraphs]
    assert "The arrangements as they stood on 2024-10." in texts
    assert word.core_properties.created is not None
    assert word.core_properties.created.year == 2024  # the source's date, not the view's


def test_a_source_dated_by_a_bound_gets_no_made_up_day(iow: Dataset) -> None:
    import attrs

    from safeguarding_model.model import PartialDate

    partnership = iow.partnerships[0]
    assert partnership.source is not None
    source = attrs.evolve(partnership.source, published=PartialDate.from_string("by 2024-12"))
    bounded = attrs.evolve(iow, partnerships=(attrs.evolve(partnership, source=source),))
    word = opened(export(bounded, "docx"))
    assert word.core_properties.created is not None
    assert word.core_properties.created.year == 2000  # the fixed undated moment
