"""safeguarding-model-rdf: the W3C Organization Ontology as Turtle and JSON-LD.

A plugin like any third party's: it registers two exporters through the
``register_exporters`` hook, found through the ``safeguarding_model`` entry-point
group. rdflib is imported only when an export runs.
"""

from __future__ import annotations

from safeguarding_model.exporters import Exporter, ExportOptions, Register, hookimpl
from safeguarding_model.model import Dataset

__all__ = ["register_exporters", "render_jsonld", "render_turtle"]


def render_turtle(dataset: Dataset, options: ExportOptions) -> str:
    from .org import organisation_graph

    return organisation_graph(dataset).serialize(format="turtle")


def render_jsonld(dataset: Dataset, options: ExportOptions) -> str:
    import json

    from .org import organisation_graph

    graph = organisation_graph(dataset)
    context = {prefix: str(namespace) for prefix, namespace in graph.namespaces() if prefix}
    text = graph.serialize(format="json-ld", context=dict(sorted(context.items())), indent=2)
    data = json.loads(text)
    if isinstance(data.get("@graph"), list):
        data["@graph"].sort(key=lambda node: str(node.get("@id", "")))
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


@hookimpl
def register_exporters(register: Register) -> None:
    register(
        Exporter(
            name="turtle",
            media_type="text/turtle",
            extension="ttl",
            description="the W3C Organization Ontology (ORG) as Turtle",
            render=render_turtle,
        )
    )
    register(
        Exporter(
            name="jsonld",
            media_type="application/ld+json",
            extension="jsonld",
            description="the W3C Organization Ontology (ORG) as JSON-LD",
            render=render_jsonld,
        )
    )
