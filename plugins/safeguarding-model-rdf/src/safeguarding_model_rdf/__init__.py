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
    import json

    from .org import PREFIXES, organisation_triples
    from .write import jsonld_data

    with collector_paused():  # hundreds of thousands of small objects, no cycles
        triples = organisation_triples(dataset, options.on, options.today)
        data = jsonld_data(triples, dict(sorted(PREFIXES.items())))
        del triples
        every = data["@context"]
        used = _prefixes_used(data, set(every))
        data["@context"] = {prefix: iri for prefix, iri in every.items() if prefix in used}
        return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _prefixes_used(data: object, prefixes: set[str]) -> set[str]:
    """The prefixes that compact IRIs (``org:Post``) in the JSON-LD use, outside its
    ``@context``: in keys, in ``@id`` and ``@type`` values, and in datatypes."""
    found: set[str] = set()

    def visit(value: object) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "@context":
                    continue
                note(key)
                visit(item)
        elif isinstance(value, list):
            for item in value:
                visit(item)
        elif isinstance(value, str):
            note(value)

    def note(text: str) -> None:
        prefix, colon, _ = text.partition(":")
        if colon and prefix in prefixes:
            found.add(prefix)

    visit(data)
    return found


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
