"""The example in docs/data.md prints what the page says it prints."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

PAGE = Path(__file__).parents[2] / "docs" / "data.md"
EXAMPLE = re.compile(r"```python\n(.*?)```\n\nprints\n\n```\n(.*?)```", re.DOTALL)


def test_the_2024_example_prints_what_the_page_shows() -> None:
    examples = EXAMPLE.findall(PAGE.read_text(encoding="utf-8"))
    assert examples, "docs/data.md has no example followed by what it prints"
    for code, shown in examples:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(code, "docs/data.md", "exec"), {"__name__": "__docs__"})
        assert out.getvalue() == shown
