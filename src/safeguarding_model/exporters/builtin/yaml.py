"""``yaml``: the dataset in the native file format, as YAML (loads back unchanged)."""

from __future__ import annotations

from ...hooks.specs import hookimpl
from ...io import dumps
from ...model import Dataset
from ..exporter import Exporter, Register
from ..options import ExportOptions


def render(dataset: Dataset, options: ExportOptions) -> str:
    return dumps(dataset, "yaml")


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
