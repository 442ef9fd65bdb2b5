"""Exports written to a file a piece at a time are the same bytes as ``export()`` gives.

The formats whose output grows with the dataset (``json``, ``yaml``, ``popolo``,
``graphml``, and the RDF plugin's ``turtle`` and ``jsonld``) give ``stream``: their
output a piece at a time, which ``export_to`` writes as it comes, so that a national
export is never held whole. The pieces joined are ``render``'s text, and the file
``export_to`` writes is ``export()``'s, for every format; the writers whose pieces are
made a few entries at a time write the same text with one entry (line, subject, node) a piece.
"""

from __future__ import annotations

import datetime
import importlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from consumers import need_dot
from hypothesis import given, settings

from safeguarding_model.errors import UsageError
from safeguarding_model.exporters import (
    Exporter,
    ExportOptions,
    PluginError,
    export,
    export_to,
    exporter_names,
    get_exporter,
    joined,
)
from safeguarding_model.io import dump_pieces, dumps, example_names, load
from safeguarding_model.io.converter import converter
from safeguarding_model.io.files import YAML_STYLE
from safeguarding_model.io.writing import write_file
from safeguarding_model.model import Dataset
from slow import formats
from strategies import rich_datasets

TODAY = datetime.date(2025, 1, 1)
STREAMED = ["json", "yaml", "popolo", "graphml", "turtle", "jsonld"]


def _bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


# (pdf, which takes seconds to print, is compared by the PDF plugin's own tests)
@pytest.mark.parametrize("name", formats(n for n in exporter_names() if n != "pdf"))
@pytest.mark.parametrize("example", ["isle-of-wight-2024", "hips"])
def test_the_file_export_to_writes_is_exports_output(
    name: str, example: str, tmp_path: Path
) -> None:
    if name in ("svg", "png"):
        need_dot()
    dataset = load(example)
    exporter = get_exporter(name)
    target = tmp_path / f"out.{exporter.extension}"
    options: dict[str, object] = {"today": TODAY}
    if "document" in exporter.options:  # a document is of one partnership
        options["partnership"] = dataset.partnerships[-1].id
    assert export_to(dataset, name, target, **options) == target
    assert target.read_bytes() == _bytes(export(dataset, name, **options))


@pytest.mark.parametrize("name", [n for n in STREAMED if n in exporter_names()])
def test_a_streamed_export_on_a_date_is_the_same_in_a_file(name: str, tmp_path: Path) -> None:
    dataset = load("hips")
    target = tmp_path / f"out.{get_exporter(name).extension}"
    export_to(dataset, name, target, on="2021-06", today=TODAY)
    assert target.read_bytes() == _bytes(export(dataset, name, on="2021-06", today=TODAY))


# the module and the name of the number of entries, lines, subjects or nodes written
# together, for the formats that write more than one a piece
TOGETHER = {
    "yaml": ("safeguarding_model.io.files", "_BATCH"),
    "graphml": ("safeguarding_model.exporters.builtin.graphml", "_LINES"),
    "turtle": ("safeguarding_model_rdf.write", "_SUBJECTS"),
    "jsonld": ("safeguarding_model_rdf.write", "_NODES"),
}


@pytest.mark.parametrize("name", [n for n in STREAMED if n in exporter_names()])
def test_the_large_formats_come_in_pieces_that_join_to_the_whole(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    exporter = get_exporter(name)
    assert exporter.stream is not None
    dataset = load("hips")
    whole = exporter.run(dataset, ExportOptions(today=TODAY))
    if name in TOGETHER:  # one a piece: the joins between pieces are everywhere
        module, together = TOGETHER[name]
        monkeypatch.setattr(importlib.import_module(module), together, 1)
    pieces = list(exporter.run_stream(dataset, ExportOptions(today=TODAY)))
    assert len(pieces) > 50
    assert "".join(pieces) == whole  # type: ignore[arg-type]


def _old_dumps(dataset: Dataset, format: str) -> str:
    """The native text as it was made before: the whole dataset's data written at once."""
    data = converter.unstructure(dataset)
    if format == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    written: str = yaml.dump(data, Dumper=dumper, **YAML_STYLE)
    return written


@pytest.mark.parametrize("name", example_names())
@pytest.mark.parametrize("format", ["json", "yaml"])
def test_the_native_text_an_entry_at_a_time_is_the_whole_datas(name: str, format: str) -> None:
    dataset = load(name)
    assert dumps(dataset, format) == _old_dumps(dataset, format)
    assert "".join(dump_pieces(dataset, format)) == _old_dumps(dataset, format)


@pytest.mark.slow
@settings(max_examples=20)
@given(rich_datasets())
def test_the_native_text_of_generated_datasets_is_the_whole_datas(dataset: Dataset) -> None:
    for format in ("json", "yaml"):
        assert dumps(dataset, format) == _old_dumps(dataset, format)


def test_options_are_checked_before_a_piece_is_made() -> None:
    made: list[str] = []

    def stream(dataset: Dataset, options: ExportOptions) -> Iterator[str]:
        made.append("started")
        yield "text"

    exporter = Exporter(
        name="pieces",
        media_type="text/plain",
        extension="txt",
        description="text in pieces",
        render=joined(stream),
        stream=stream,
    )
    with pytest.raises(UsageError, match="does not take the option 'depth'"):
        exporter.run_stream(load("isle-of-wight-2024"), ExportOptions(depth=2))
    assert made == []


def test_pieces_of_text_and_bytes_mixed_are_refused() -> None:
    def stream(dataset: Dataset, options: ExportOptions) -> Iterator[str | bytes]:
        yield "text"
        yield b"bytes"

    exporter = Exporter(
        name="mixed",
        media_type="text/plain",
        extension="txt",
        description="text and bytes",
        render=lambda dataset, options: "text",
        stream=stream,
    )
    with pytest.raises(PluginError, match="gave bytes among its pieces"):
        list(exporter.run_stream(load("isle-of-wight-2024")))


def test_joined_joins_bytes_too() -> None:
    def stream(dataset: Dataset, options: ExportOptions) -> Iterator[bytes]:
        yield b"a"
        yield b"b"

    assert joined(stream)(load("isle-of-wight-2024"), ExportOptions()) == b"ab"


def test_a_failure_while_the_pieces_are_made_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")

    def pieces() -> Iterator[str]:
        yield "new " * 300_000  # more than a chunk: written before the failure
        raise RuntimeError("the export failed part way")

    with pytest.raises(RuntimeError, match="part way"):
        write_file(target, pieces())
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_pieces_are_written_as_utf8_whatever_their_sizes(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    pieces = ["Général ", "Children’s " * 200_000, "日本", ""]
    write_file(target, iter(pieces))
    assert target.read_bytes() == "".join(pieces).encode("utf-8")
    write_file(target, iter([b"\x00\x01", b"", b"\xff" * 2_000_000]))
    assert target.read_bytes() == b"\x00\x01" + b"\xff" * 2_000_000
