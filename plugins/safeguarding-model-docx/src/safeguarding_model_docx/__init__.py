"""safeguarding-model-docx: the arrangements document, or the yearly report skeleton,
as Word through python-docx.

A plugin like any third party's: it registers the ``docx`` exporter through the
``register_exporters`` hook, found through the ``safeguarding_model`` entry-point
group. python-docx is imported only when an export runs. The document is chosen and
built exactly as the built-in ``markdown`` and ``html`` formats do it
(:func:`~safeguarding_model.exporters.document_renderer`).
"""

from __future__ import annotations

from safeguarding_model.plugin import (
    DOCUMENT_OPTIONS,
    Document,
    Exporter,
    Register,
    document_renderer,
    hookimpl,
)

__all__ = ["MEDIA_TYPE", "register_exporters", "render"]

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _write(document: Document) -> bytes:
    from .word import to_docx

    return to_docx(document)


render = document_renderer(_write)


@hookimpl
def register_exporters(register: Register) -> None:
    register(
        Exporter(
            name="docx",
            media_type=MEDIA_TYPE,
            extension="docx",
            description="the arrangements document or yearly report skeleton as Word",
            render=render,
            options=DOCUMENT_OPTIONS,
        )
    )
