"""``yaml``: the dataset in the native file format, as YAML (loads back unchanged).

An export taken on a date begins with a comment that says so ("# The arrangements as
they stood on 2021-06."): the dataset is the view on that date, and the comment is
the one place the format has for it (a comment does not change what loads).
"""

from __future__ import annotations

from collections.abc import Iterator

from ...hooks.specs import hookimpl
from ...io.files import dump_pieces
from ...model import Dataset
from ..exporter import Exporter, Register, joined
from ..options import ExportOptions


def stream(dataset: Dataset, options: ExportOptions) -> Iterator[str]:
    """The YAML text a few entries at a time (written to a file as it comes)."""
    if options.on is not None:
        yield f"# The arrangements as they stood on {options.on}.\n"
    yield from dump_pieces(dataset, "yaml")


render = joined(stream)


@hookimpl
def register_exporters(register: Register) -> None:
    register(
        Exporter(
            name="yaml",
            media_type="application/yaml",
            extension="yaml",
            description="the dataset in the native format, as YAML",
            render=render,
            stream=stream,
        )
    )
