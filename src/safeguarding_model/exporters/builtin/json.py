"""``json``: the dataset in the native file format, as JSON (loads back unchanged)."""

from __future__ import annotations

from ...hooks.specs import hookimpl
from ...io import dumps
from ...model import Dataset
from ..exporter import Exporter, Register
from ..options import ExportOptions


def render(dataset: Dataset, options: ExportOptions) -> str:
    return dumps(dataset, "json")


@hookimpl
def register_exporters(register: Register) -> None:
    register(
        Exporter(
            name="json",
            media_type="application/json",
            extension="json",
            description="the dataset in the native format, as JSON",
            render=render,
        )
    )
