"""The ``slow`` mark, for tests that take seconds: printing PDF, writing Word, drawing
charts with Graphviz, starting processes, running many generated models.

CI runs the suite twice: first with the lowest releases the project allows, without
these (``-m "not slow"``, see ``.ci/run``), a run about the dependencies' versions,
which the quick tests reach as well; then whole, with the newest releases. Every other
run takes them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest

SLOW_FORMATS = frozenset({"pdf", "docx", "png", "svg", "html"})
"""The formats that print, write Word or start Graphviz for each chart."""


def formats(names: Iterable[str]) -> list[Any]:
    """``names`` as parameters, those in :data:`SLOW_FORMATS` marked slow."""
    return [pytest.param(n, marks=pytest.mark.slow) if n in SLOW_FORMATS else n for n in names]
