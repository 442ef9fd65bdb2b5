"""Reading YAML and JSON text into plain data, and finding where a path is.

The readers themselves are :mod:`.yaml_reading` and :mod:`.json_reading`; what they
share (the limits, paths, values no file may hold) is in :mod:`.text`.
"""

from __future__ import annotations

import contextlib
from typing import Any

from ..errors import LoadError
from .json_reading import json_positions, read_json
from .text import DEFAULT_LIMITS, Limits, Path, locate, path_text
from .yaml_reading import read_yaml

__all__ = [
    "DEFAULT_LIMITS",
    "Limits",
    "Path",
    "locate",
    "path_text",
    "positions_of",
    "read_json",
    "read_text",
    "read_yaml",
]


def read_text(text: str, *, format: str, name: str, limits: Limits = DEFAULT_LIMITS) -> Any:
    """Read YAML or JSON text into plain data."""
    if format == "json":
        return read_json(text, name=name, limits=limits)
    return read_yaml(text, name=name, limits=limits)


def positions_of(
    text: str, *, name: str, format: str = "yaml", limits: Limits = DEFAULT_LIMITS
) -> dict[Path, tuple[int, int]]:
    """Every path in a YAML or JSON document with its (line, column), as far as the
    document can be read."""
    if format == "json":
        return json_positions(text, limits=limits)
    positions: dict[Path, tuple[int, int]] = {}
    with contextlib.suppress(LoadError):
        read_yaml(text, name=name, limits=limits, positions=positions)
    return positions
