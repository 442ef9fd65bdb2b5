"""``yaml``: the dataset in the native file format, as YAML (loads back unchanged).

An export taken on a date begins with a comment that says so ("# The arrangements as
they stood on 2021-06."): the dataset is the view on that date, and the comment is
the one place the format has for it (a comment does not change what loads).
"""

from __future__ import annotations

from ...hooks.specs import hookimpl
from ...io import dumps
from ...model import Dataset
from ..exporter import Exporter, Register
from ..options import ExportOptions


def render(dataset: Dataset, options: ExportOptions) -> str:
    text = dumps(dataset, "yaml")
    if options.on is None:
        return text
    return f"# The arrangements as they stood on {options.on}.\n{text}"


@hookimpl
def register_exporters(register: Register) -> None:
    register(
        Exporter(
            name="yaml",
            media_type="application/yaml",
            extension="yaml",
            description="the dataset in the native format, as YAML",
            render=render,
        )
    )
