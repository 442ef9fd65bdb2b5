"""``json``: the dataset in the native file format, as JSON (loads back unchanged).

An export taken on a date is the dataset as it stood then; the native format has no
place to say the date (it refuses keys it does not know, and JSON has no comments),
so the file does not say it: the command line's ``--on`` names it, and the ``yaml``
format says it in a comment.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...hooks.specs import hookimpl
from ...io.files import dump_pieces
from ...model import Dataset
from ..exporter import Exporter, Register, joined
from ..options import ExportOptions


def stream(dataset: Dataset, options: ExportOptions) -> Iterator[str]:
    """The JSON text an entry at a time (written to a file as it comes)."""
    return dump_pieces(dataset, "json")


render = joined(stream)


@hookimpl
def register_exporters(register: Register) -> None:
    register(
        Exporter(
            name="json",
            media_type="application/json",
            extension="json",
            description="the dataset in the native format, as JSON",
            render=render,
            stream=stream,
        )
    )
