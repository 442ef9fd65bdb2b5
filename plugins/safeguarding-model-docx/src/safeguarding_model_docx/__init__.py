"""safeguarding-model-docx: the arrangements document, or the yearly report skeleton,
as Word through python-docx.

A plugin like any third party's: it registers the ``docx`` exporter through the
``register_exporters`` hook, found through the ``safeguarding_model`` entry-point
group. python-docx is imported only when an export runs.
"""

from __future__ import annotations

from safeguarding_model.exporters import Exporter, ExportOptions, Register, hookimpl
from safeguarding_model.model import Dataset

__all__ = ["MEDIA_TYPE", "register_exporters", "render"]

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def render(dataset: Dataset, options: ExportOptions) -> bytes:
    from safeguarding_model.documents import build

    from .word import to_docx

    document = build(options.document or "arrangements", dataset, options.partnership)
    return to_docx(document, dataset)


@hookimpl
def register_exporters(register: Register) -> None:
    register(
        Exporter(
            name="docx",
            media_type=MEDIA_TYPE,
            extension="docx",
            description="the arrangements document or yearly report skeleton as Word",
            render=render,
            options=frozenset({"document", "partnership"}),
        )
    )
