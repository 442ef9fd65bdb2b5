"""safeguarding-model-pdf: the arrangements document, or the yearly report skeleton,
printed as PDF through WeasyPrint.

A plugin like any third party's: it registers the ``pdf`` exporter through the
``register_exporters`` hook, found through the ``safeguarding_model`` entry-point
group. WeasyPrint is imported only when an export runs. The document is chosen and
built exactly as the built-in ``markdown`` and ``html`` formats do it
(:func:`~safeguarding_model.plugin.document_renderer`), and printed from the page the
``html`` format writes (:mod:`.printed`).
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

MEDIA_TYPE = "application/pdf"


def _write(document: Document) -> bytes:
    from .printed import to_pdf

    return to_pdf(document)


render = document_renderer(_write)


@hookimpl
def register_exporters(register: Register) -> None:
    register(
        Exporter(
            name="pdf",
            media_type=MEDIA_TYPE,
            extension="pdf",
            description="the arrangements document or yearly report skeleton printed as PDF",
            render=render,
            options=DOCUMENT_OPTIONS,
        )
    )
