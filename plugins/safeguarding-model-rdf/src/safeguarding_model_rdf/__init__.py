"""safeguarding-model-rdf: the W3C Organization Ontology as Turtle and JSON-LD.

A plugin like any third party's: it registers two exporters through the
``register_exporters`` hook, found through the ``safeguarding_model`` entry-point
group. rdflib is imported only when an export runs. The JSON-LD ``@context`` holds
the prefixes the output uses and no other.
"""

from __future__ import annotations

from collections.abc import Iterator

from safeguarding_model.plugin import (
    Dataset,
    Exporter,
    ExportOptions,
    Register,
    collector_paused,
    hookimpl,
    joined,
)

__all__ = [
    "register_exporters",
    "render_jsonld",
    "render_turtle",
    "stream_jsonld",
    "stream_turtle",
]


def stream_turtle(dataset: Dataset, options: ExportOptions) -> Iterator[str]:
    """The Turtle text a few hundred subjects at a time (written to a file as it
    comes): the triples are all made first, as the order of the subjects needs them."""
    from .org import PREFIXES, organisation_triples
    from .write import turtle_pieces

    with collector_paused():  # hundreds of thousands of small objects, no cycles
        triples = organisation_triples(dataset, options.on, options.today)
        pieces = turtle_pieces(triples, PREFIXES)
    del triples
    yield from pieces


def stream_jsonld(dataset: Dataset, options: ExportOptions) -> Iterator[str]:
    """The JSON-LD text a few hundred nodes at a time (written to a file as it comes),
    each node made from the triples as it is written."""
    from .org import PREFIXES, organisation_triples
    from .write import jsonld_pieces

    with collector_paused():  # hundreds of thousands of small objects, no cycles
        triples = organisation_triples(dataset, options.on, options.today)
        pieces = jsonld_pieces(triples, dict(sorted(PREFIXES.items())))
    del triples
    yield from pieces


render_turtle = joined(stream_turtle)
render_jsonld = joined(stream_jsonld)


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
            stream=stream_turtle,
        )
    )
    register(
        Exporter(
            name="jsonld",
            media_type="application/ld+json",
            extension="jsonld",
            description="the W3C Organization Ontology (ORG) as JSON-LD",
            render=render_jsonld,
            stream=stream_jsonld,
        )
    )
