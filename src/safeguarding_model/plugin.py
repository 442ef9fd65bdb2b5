"""The plugin API: everything a plugin imports from ``safeguarding_model``, and only that.

A plugin imports from this module alone (a test holds the plugins in this repository
to it), so that the package can rearrange its inside without breaking plugins:

>>> from safeguarding_model.plugin import Exporter, Option, hookimpl

- the hook marker and the ``register`` callbacks: :data:`hookimpl`,
  :data:`RegisterExporter` (also called :data:`Register`), :data:`RegisterRule`, and
  :class:`PluginError`;
- exporters: :class:`Exporter`, :data:`Content`, :class:`ExportOptions`, the option
  declarations (:class:`Option`, :class:`Options`, :data:`SHARED_OPTIONS`,
  :data:`CHART_OPTIONS`, :data:`DOCUMENT_OPTIONS`) and their ready-made parsers
  (:func:`text`, :func:`whole_number`, :func:`choice`, :func:`comma_separated`);
- what exporters build on: :func:`document_renderer` (a document format, around a
  writer that takes the document alone), :func:`joined` (the ``render`` of a format
  written a piece at a time, :data:`StreamFunction`), :func:`zip_archive`
  (deterministic zips),
  :func:`draw_chart` (an org chart drawn as SVG or PNG by Graphviz), the errors an
  export raises (:class:`ExportError`, :class:`GraphvizNotFoundError`), and the
  escaping helpers (:func:`clean`, :func:`html_text`, :func:`markdown_text`...);
  :func:`collector_paused` (Python's garbage collector held off while an exporter
  builds a large structure that makes no reference cycles);
  the HTML page the ``html`` format writes for a document (:func:`to_html`, for a
  writer that prints it), and a date in words (:func:`date_words`);
- the document tree the document formats write (:class:`Document`, :class:`Section`,
  :class:`Paragraph`, :class:`Span`, :class:`Figure`...), whose figures carry their
  :class:`OrgChart`;
- the model a plugin reads (:class:`Dataset`, :class:`Partnership`, :class:`Group`,
  :class:`Post`..., the allowed values such as :class:`GroupKind` and
  :class:`ChairRole`, and what the model means, :class:`ModelIndex`, and how a dated
  entry stands on a date, :func:`standing` and :func:`reference_span`);
- the governance graph (:func:`build_graph`, :class:`GovernanceGraph`,
  :class:`EdgeKind`, :class:`NodeKind`), imported on first use;
- statutory rules: :class:`Rule` (with :class:`Modality` and :class:`Evidence`), the
  :class:`RuleContext` a rule's check receives, and the :class:`RuleFinding` it makes,
  imported on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeAlias

from ._collector import collector_paused
from .documents import (
    Block,
    Document,
    Figure,
    ItemList,
    ListItem,
    OrgChart,
    Paragraph,
    Placeholder,
    Section,
    Span,
    Table,
)
from .documents._common import date_text as date_words
from .exporters import (
    CHART_OPTIONS,
    DOCUMENT_OPTIONS,
    SHARED_OPTIONS,
    Content,
    DocumentWriter,
    Exporter,
    ExportError,
    ExportOptions,
    GraphvizNotFoundError,
    Option,
    Options,
    Register,
    RegisterExporter,
    StreamFunction,
    document_renderer,
    joined,
    zip_archive,
)
from .exporters.escape import (
    clean,
    dot_string,
    html_text,
    markdown_cell,
    markdown_line,
    markdown_text,
    mermaid_string,
    one_line,
)
from .exporters.graphviz import draw_chart, place_figures
from .exporters.options import choice, comma_separated, text, whole_number
from .hooks import PluginError, hookimpl
from .model import (
    Cadence,
    Chair,
    ChairRole,
    Collaboration,
    Dataset,
    Group,
    GroupKind,
    Line,
    Member,
    MemberCapacity,
    Organisation,
    OrganisationKind,
    PartialDate,
    Partnership,
    PartnershipRole,
    Person,
    Post,
    StatutoryRole,
)
from .model.meaning import ModelIndex, Standing, reference_span, standing

if TYPE_CHECKING:
    from .graph import EdgeKind, GovernanceGraph, NodeKind, build_graph
    from .rules import Context as RuleContext
    from .rules import Evidence, Modality, Rule, RuleFinding

__all__ = [
    "CHART_OPTIONS",
    "DOCUMENT_OPTIONS",
    "SHARED_OPTIONS",
    "Block",
    "Cadence",
    "Chair",
    "ChairRole",
    "Collaboration",
    "EdgeKind",
    "Evidence",
    "GovernanceGraph",
    "GroupKind",
    "MemberCapacity",
    "ModelIndex",
    "Modality",
    "NodeKind",
    "Organisation",
    "PartnershipRole",
    "Person",
    "Standing",
    "StatutoryRole",
    "build_graph",
    "reference_span",
    "standing",
    "Content",
    "Dataset",
    "Document",
    "DocumentWriter",
    "ExportError",
    "ExportOptions",
    "Exporter",
    "Figure",
    "GraphvizNotFoundError",
    "Group",
    "ItemList",
    "Line",
    "ListItem",
    "Member",
    "Option",
    "Options",
    "OrgChart",
    "OrganisationKind",
    "Paragraph",
    "PartialDate",
    "Partnership",
    "Placeholder",
    "PluginError",
    "Post",
    "Register",
    "RegisterExporter",
    "RegisterRule",
    "Rule",
    "RuleContext",
    "RuleFinding",
    "Section",
    "Span",
    "StreamFunction",
    "Table",
    "choice",
    "clean",
    "collector_paused",
    "comma_separated",
    "date_words",
    "document_renderer",
    "joined",
    "dot_string",
    "draw_chart",
    "hookimpl",
    "html_text",
    "markdown_cell",
    "markdown_line",
    "markdown_text",
    "mermaid_string",
    "one_line",
    "place_figures",
    "text",
    "to_html",
    "whole_number",
    "zip_archive",
]

_GRAPH = ("EdgeKind", "GovernanceGraph", "NodeKind", "build_graph")
_RULES = {
    "Evidence": "Evidence",
    "Modality": "Modality",
    "Rule": "Rule",
    "RuleContext": "Context",
    "RuleFinding": "RuleFinding",
}


def __getattr__(name: str) -> Any:
    """The graph's and the rules' names, imported on first use (listing exporters
    stays light)."""
    if name in _GRAPH:
        from . import graph

        value = getattr(graph, name)
        globals()[name] = value
        return value
    if name in _RULES:
        from . import rules

        value = getattr(rules, _RULES[name])
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def to_html(document: Document) -> str:
    """``document`` as the self-contained HTML page the ``html`` format writes (charts as
    inline SVG where Graphviz is installed), for a writer that lays it out again, as the
    PDF plugin prints it. The HTML writer is imported on first use."""
    from .exporters.builtin.html import to_html as write

    return write(document)


RegisterRule: TypeAlias = Callable[["Rule"], None]
"""The ``register`` function that the ``register_rules`` hook receives: call it with
each :class:`Rule` the plugin provides."""
