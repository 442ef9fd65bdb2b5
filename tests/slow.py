"""The ``slow`` mark, for tests that take seconds: printing PDF, writing Word, drawing
charts with Graphviz, starting processes, running many generated models.

CI runs the whole suite with the newest releases, and then again, without these, with
the lowest releases the project allows (``-m "not slow"``, see ``.ci/run``): that run is
about the dependencies' versions, which the quick tests reach as well. Every other run
takes them.
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
