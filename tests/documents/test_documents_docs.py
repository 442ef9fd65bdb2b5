"""The examples of the documents in docs/exporters.md print what the page says they
print: each python block followed by a text block is run (after the page's earlier
blocks, as a reader would) and its output compared."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

PAGE = Path(__file__).parents[2] / "docs" / "exporters.md"
BLOCK = re.compile(r"^```python\n(.*?)^```\n(?:\n```text\n(.*?)^```)?", re.DOTALL | re.MULTILINE)


@pytest.mark.slow
def test_the_documents_examples_print_what_the_page_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    compared = 0
    for number, (code, shown) in enumerate(BLOCK.findall(PAGE.read_text("utf-8")), start=1):
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(code, f"exporters.md block {number}", "exec"), namespace)
        if shown:
            assert printed.getvalue() == shown, f"block {number}"
            compared += 1
    assert compared >= 1
