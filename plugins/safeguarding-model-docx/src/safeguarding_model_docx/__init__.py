"""safeguarding-model-docx: the arrangements document, or the yearly report skeleton,
as Word through python-docx.

A plugin like any third party's: it registers the ``docx`` exporter through the
``register_exporters`` hook, found through the ``safeguarding_model`` entry-point
group. python-docx is imported only when an export runs. The document is chosen and
built exactly as the built-in ``markdown`` and ``html`` formats do it
(:func:`~safeguarding_model.exporters.document_renderer`); the format's own option,
``template``, names a Word file whose styles and page the document takes.
"""

from __future__ import annotations

import os

from safeguarding_model.plugin import (
    DOCUMENT_OPTIONS,
    Content,
    Dataset,
    Document,
    Exporter,
    ExportOptions,
    Option,
    Options,
    Register,
    document_renderer,
    hookimpl,
)

__all__ = ["MEDIA_TYPE", "OPTIONS", "TEMPLATE", "default_template", "register_exporters", "render"]

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _template(value: object) -> str:
    """A template's path, checked to be a Word file that can be read (a ``ValueError``
    that says which file and what to do, otherwise)."""
    if not isinstance(value, str | os.PathLike):
        raise ValueError(f"expected the path of a Word file (.docx), found {value!r}")
    from .template import check_template

    return check_template(value)


TEMPLATE = Option(
    "template",
    "a Word file (.docx) whose styles, page and header the document takes (default: A4, "
    "British English); export one, restyle it in Word and save it",
    parse=_template,
    metavar="PATH",
)

OPTIONS = Options([*DOCUMENT_OPTIONS, TEMPLATE])
"""The document options every document format takes, and ``template``."""


def _write(document: Document, template: str | None = None) -> bytes:
    from .word import to_docx

    return to_docx(document, template)


def render(dataset: Dataset, options: ExportOptions) -> Content:
    """The document the options ask for, chosen and built as every document format
    does (:func:`~safeguarding_model.exporters.document_renderer`), in the template's
    styles."""
    template = options.get("template")
    return document_renderer(lambda document: _write(document, template))(dataset, options)


def default_template() -> bytes:
    """The default template (A4, 25 mm margins, British English, the styles the
    document uses) as the bytes of a Word file, to restyle and pass as ``template``."""
    from .template import default_template as build

    return build()


@hookimpl
def register_exporters(register: Register) -> None:
    register(
        Exporter(
            name="docx",
            media_type=MEDIA_TYPE,
            extension="docx",
            description="the arrangements document or yearly report skeleton as Word",
            render=render,
            options=OPTIONS,
        )
    )
