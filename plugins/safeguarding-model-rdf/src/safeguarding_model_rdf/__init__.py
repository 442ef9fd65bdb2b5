"""safeguarding-model-rdf: the W3C Organization Ontology as Turtle and JSON-LD.

A plugin like any third party's: it registers two exporters through the
``register_exporters`` hook, found through the ``safeguarding_model`` entry-point
group. rdflib is imported only when an export runs. The JSON-LD ``@context`` holds
the prefixes the output uses and no other.
"""

from __future__ import annotations

from safeguarding_model.plugin import (
    Dataset,
    Exporter,
    ExportOptions,
    Register,
    collector_paused,
    hookimpl,
)

__all__ = ["register_exporters", "render_jsonld", "render_turtle"]


def render_turtle(dataset: Dataset, options: ExportOptions) -> str:
    from .org import PREFIXES, organisation_triples
    from .write import turtle

    with collector_paused():  # hundreds of thousands of small objects, no cycles
        return turtle(organisation_triples(dataset, options.on, options.today), PREFIXES)


def render_jsonld(dataset: Dataset, options: ExportOptions) -> str:
    from .org import PREFIXES, organisation_triples
    from .write import jsonld_data, jsonld_written

    with collector_paused():  # hundreds of thousands of small objects, no cycles
        triples = organisation_triples(dataset, options.on, options.today)
        data = jsonld_data(triples, dict(sorted(PREFIXES.items())))
        del triples  # freed before the text is written
        return jsonld_written(data)


def _prefixes_used(data: object, prefixes: set[str]) -> set[str]:
    """The prefixes that compact IRIs in the JSON-LD use, outside its ``@context``."""
    from .write import prefixes_used

    return prefixes_used(data, prefixes)


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
