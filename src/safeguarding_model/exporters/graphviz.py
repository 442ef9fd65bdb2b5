"""Drawing DOT through the Graphviz ``dot`` program, when it is installed."""

from __future__ import annotations

import shutil
import subprocess

from .errors import ExportError, GraphvizNotFoundError

__all__ = ["TIMEOUT", "draw", "graphviz_available"]

TIMEOUT = 120
"""Seconds ``dot`` may take before the export gives up."""


def graphviz_available() -> bool:
    """Whether the Graphviz ``dot`` program is on ``PATH``."""
    return shutil.which("dot") is not None


def draw(source: str, format: str) -> bytes:
    """The DOT ``source`` drawn as ``svg`` or ``png`` by Graphviz.

    Raises :class:`GraphvizNotFoundError` when ``dot`` is not installed, and
    :class:`ExportError` when it fails.
    """
    program = shutil.which("dot")
    if program is None:
        raise GraphvizNotFoundError(format)
    result = _run([program, f"-T{format}"], source)
    if result.returncode != 0:
        # Graphviz's spline router fails on some layouts with clusters ("triangulation
        # failed", "lost ... edge"); straight lines need no routing.
        retry = _run([program, f"-T{format}", "-Gsplines=line"], source)
        if retry.returncode == 0:
            return retry.stdout
        message = result.stderr.decode("utf-8", "replace").strip()
        message = message or f"`dot` stopped with status {result.returncode}"
        raise ExportError(f"Graphviz could not draw the chart: {message}")
    return result.stdout


def _run(command: list[str], source: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            command, input=source.encode("utf-8"), capture_output=True, timeout=TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired:
        raise ExportError(f"Graphviz took more than {TIMEOUT} seconds to draw the chart") from None
    except OSError as error:
        raise ExportError(f"Graphviz could not be run: {error.strerror}") from None
