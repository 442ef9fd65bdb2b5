"""Text is written a chunk at a time: a large export is never held twice in memory.

``write_file`` (and so ``export_to``, ``dump`` and the command line's ``-o``) takes
text and writes it as UTF-8 a chunk at a time, rather than encoding all of it first:
the bytes written are the same, and the memory it takes to write is a chunk's, not a
second copy of the output.
"""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import safeguarding_model as sm
from safeguarding_model.exporters import export, export_to
from safeguarding_model.io import writing
from safeguarding_model.io.writing import write_all, write_file


def test_text_across_chunks_is_written_as_its_utf8(tmp_path: Path) -> None:
    # characters of one, two, three and four bytes, across chunk boundaries
    text = "aé€😀" * (writing._CHUNK // 2 + 3) + "end\n"
    target = write_file(tmp_path / "out.txt", text)
    assert target.read_bytes() == text.encode("utf-8")


def test_write_all_takes_text_or_bytes(tmp_path: Path) -> None:
    path = tmp_path / "out.bin"
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT)
    try:
        write_all(descriptor, "Général ")
        write_all(descriptor, b"\x00\xff")
    finally:
        os.close(descriptor)
    assert path.read_bytes() == "Général ".encode() + b"\x00\xff"


def test_writing_text_does_not_hold_a_second_copy(tmp_path: Path) -> None:
    text = "Général " * 2_500_000  # 20 million characters, 22.5 MB as UTF-8
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        write_file(tmp_path / "big.txt", text)
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    assert (tmp_path / "big.txt").stat().st_size == len(text.encode("utf-8"))
    assert peak < 4 * writing._CHUNK + 1_000_000  # a chunk's bytes, not the output's


def test_an_export_to_a_file_is_the_export(tmp_path: Path) -> None:
    dataset = sm.load("hips")
    for format in ("json", "yaml", "graphml"):
        written = export_to(dataset, format, tmp_path / f"hips.{format}")
        assert written.read_text(encoding="utf-8") == export(dataset, format)
