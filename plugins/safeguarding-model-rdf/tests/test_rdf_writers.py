"""The Turtle and JSON-LD the plugin writes itself are rdflib's, byte for byte.

:mod:`safeguarding_model_rdf.write` writes the export's triples directly, as rdflib's
serializers would; these tests hold it to that on every shipped dataset (on several
dates) and on hand-made triples that exercise each rule it copies: quoting, typed and
language-tagged literals, the order of subjects, predicates and objects, IRIs outside
the bound namespaces, and the terms it hands to rdflib instead.
"""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

import pytest
from rdflib import RDF, RDFS, XSD, Literal, Namespace, URIRef
from safeguarding_model_rdf import _prefixes_used, render_jsonld
from safeguarding_model_rdf.org import ID, NODE, PREFIXES, SMV, organisation_triples
from safeguarding_model_rdf.write import (
    Triples,
    jsonld_data,
    jsonld_pieces,
    jsonld_text,
    rdflib_jsonld_data,
    rdflib_turtle,
    turtle,
)

from safeguarding_model.exporters import ExportOptions
from safeguarding_model.io import example_names, load
from safeguarding_model.model import PartialDate

TODAY = datetime.date(2025, 1, 1)
SHIPPED = example_names()
ON = [None, "2019-09", "2021", "2024-10"]


def _rdflib_jsonld_text(triples: Triples) -> str:
    """The JSON-LD export's text made from rdflib's data, as the plugin made it before
    it wrote the text itself: its context the prefixes the data uses."""
    every = {prefix: str(namespace) for prefix, namespace in sorted(PREFIXES.items())}
    data = rdflib_jsonld_data(triples, dict(sorted(PREFIXES.items())))
    used = _prefixes_used(data, set(every))
    data["@context"] = {prefix: iri for prefix, iri in every.items() if prefix in used}
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _same(triples: Triples) -> None:
    assert turtle(triples, PREFIXES) == rdflib_turtle(triples, PREFIXES)
    prefixes = dict(sorted(PREFIXES.items()))
    assert jsonld_data(triples, prefixes) == rdflib_jsonld_data(triples, prefixes)
    expected = _rdflib_jsonld_text(triples)
    assert jsonld_text(triples, prefixes) == expected
    assert "".join(jsonld_pieces(triples, prefixes)) == expected


@pytest.mark.parametrize("name", SHIPPED)
@pytest.mark.parametrize("on", ON)
def test_every_shipped_dataset_is_written_as_rdflib_writes_it(name: str, on: str | None) -> None:
    dataset = load(name)
    if on is not None:
        dataset = dataset.as_of(on)
    date = PartialDate.from_string(on) if on else None
    _same(organisation_triples(dataset, date, TODAY))


def test_the_jsonld_export_is_rdflibs_to_the_byte() -> None:
    """The exporter's own text, made from rdflib's data as it was before."""
    dataset = load("isle-of-wight-2024")
    triples = organisation_triples(dataset, None, TODAY)
    expected = _rdflib_jsonld_text(triples)
    assert render_jsonld(dataset, ExportOptions(today=TODAY)) == expected


@pytest.mark.parametrize("value", [float("inf"), float("nan")])
def test_a_value_json_writes_otherwise_is_written_by_json(value: float) -> None:
    """A double JSON has no number for: the text is ``json.dumps``'s (``Infinity``)."""
    triples = _tricky()
    triples.add((ID["a-body"], SMV.ratio, Literal(value)))
    prefixes = dict(sorted(PREFIXES.items()))
    text = "".join(jsonld_pieces(triples, prefixes))
    assert text == jsonld_text(triples, prefixes)
    assert ("Infinity" if value > 0 else "NaN") in text


def test_one_subject_a_piece_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    from safeguarding_model_rdf import write

    triples = _tricky()
    prefixes = dict(sorted(PREFIXES.items()))
    whole = turtle(triples, PREFIXES), "".join(jsonld_pieces(triples, prefixes))
    monkeypatch.setattr(write, "_SUBJECTS", 1)
    monkeypatch.setattr(write, "_NODES", 1)
    assert len(list(write.turtle_pieces(triples, PREFIXES))) > 2
    assert len(list(jsonld_pieces(triples, prefixes))) > 2
    assert (turtle(triples, PREFIXES), "".join(jsonld_pieces(triples, prefixes))) == whole


TEXTS = [
    "plain",
    'with "quotes" inside',
    'a backslash \\ and a quote \\"',
    "two\nlines",
    'ends with a quote\nthen"',
    'three """ quotes\nand a line',
    "a carriage\rreturn",
    "a carriage return\r\nand a line",
    "tab\tand form feed\x0c",
    "Général, Children’s, 日本",
    "a line separator\u2028here",
    "",
    "ends with a backslash \\",
    'trailing escaped quote \\"\nx\\"',
]


def _tricky() -> Triples:
    triples = Triples()
    subject = ID["a-body"]
    for number, text in enumerate(TEXTS):
        triples.add((subject, SMV[f"text{number}"], Literal(text)))
        triples.add((NODE[f"a-body.note.{number}"], RDFS.label, Literal(text)))
    triples.add((subject, RDF.type, SMV.Thing))
    triples.add((subject, RDF.type, SMV.Another))
    triples.add((subject, RDFS.label, Literal("b")))
    triples.add((subject, RDFS.label, Literal("a")))
    triples.add((subject, SMV.flag, Literal(True)))
    triples.add((subject, SMV.flag, Literal(False)))
    triples.add((subject, SMV["count"], Literal(3)))
    triples.add((subject, SMV["count"], Literal(12)))
    triples.add((subject, SMV.share, Literal(Decimal("33.5"))))
    triples.add((subject, SMV.ratio, Literal(2.5)))
    triples.add((subject, SMV.start, Literal("2024-09", datatype=XSD.gYearMonth)))
    triples.add((subject, SMV.start, Literal("2024-09-01", datatype=XSD.date)))
    triples.add((subject, SMV.start, Literal("2024", datatype=XSD.gYear)))
    triples.add((subject, SMV.said, Literal("hello", lang="en")))
    triples.add((subject, SMV.said, Literal("bonjour", lang="fr")))
    triples.add((subject, SMV.mixed, ID["z"]))
    triples.add((subject, SMV.mixed, Literal("z")))
    triples.add((subject, SMV.mixed, ID["b"]))
    triples.add((subject, SMV.other, URIRef("https://example.org/a/page")))
    triples.add((subject, SMV.other, URIRef("urn:elsewhere:thing")))
    triples.add((subject, SMV.datatype, Literal("x", datatype=URIRef("urn:types:own"))))
    triples.add((subject, SMV.string, Literal("s", datatype=XSD.string)))
    triples.add((ID["z"], SMV.seen, subject))
    triples.add((ID["b"], SMV.seen, subject))
    triples.add((ID["b"], SMV.seen, ID["z"]))
    triples.add((SMV.Thing, RDF.type, RDFS.Class))
    triples.add((subject, SMV.text0, Literal("plain")))  # twice: kept once
    return triples


def test_tricky_terms_are_written_as_rdflib_writes_them() -> None:
    _same(_tricky())


@pytest.mark.parametrize(
    "iri",
    [
        "urn:safeguarding-model:id:ends-with-a-dot.",
        "urn:safeguarding-model:id:has(parens)",
        "urn:safeguarding-model:id:per%20cent",
        "urn:safeguarding-model:id:-starts-with-a-hyphen",
        "urn:safeguarding-model:id:a/b",
        "urn:safeguarding-model:id:",
    ],
)
def test_iris_rdflib_splits_elsewhere_are_written_by_rdflib(iri: str) -> None:
    triples = Triples()
    triples.add((URIRef(iri), RDFS.label, Literal("x")))
    triples.add((ID["a"], SMV.to, URIRef(iri)))
    _same(triples)


def test_an_empty_graph_and_a_single_subject() -> None:
    _same(Triples())
    one = Triples()
    one.add((ID["only"], RDFS.label, Literal("alone")))
    _same(one)


def test_other_namespaces_bound() -> None:
    triples = _tricky()
    prefixes = {"ex": Namespace("https://example.org/a/"), **PREFIXES}
    assert turtle(triples, prefixes) == rdflib_turtle(triples, prefixes)
    assert jsonld_data(triples, prefixes) == rdflib_jsonld_data(triples, prefixes)


def test_the_triples_make_the_same_rdflib_graph() -> None:
    triples = _tricky()
    graph = triples.graph(PREFIXES)
    assert len(graph) == len(triples) == len(list(triples))
    assert set(graph) == set(triples)


def _dumped(triples: Triples) -> str:
    """The JSON-LD text as it was written before: rdflib's data, its context cut to the
    prefixes used, through ``json.dumps``."""
    prefixes = dict(sorted(PREFIXES.items()))
    data = rdflib_jsonld_data(triples, prefixes)
    every = {prefix: str(namespace) for prefix, namespace in prefixes.items()}
    used = _prefixes_used(data, set(every))
    data["@context"] = {prefix: iri for prefix, iri in every.items() if prefix in used}
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def test_the_jsonld_text_is_json_dumps_to_the_byte() -> None:
    """Tricky terms (native values, languages, datatypes, text that looks like a
    compact IRI), one subject and none, each as ``json.dumps`` writes the data."""
    tricky = _tricky()
    tricky.add((ID["a-body"], SMV.looks, Literal("org:not-an-iri")))
    tricky.add((ID["a-body"], SMV.number, Literal(-0.5)))
    one = Triples()
    one.add((ID["only"], RDFS.label, Literal("alone")))
    for triples in (tricky, one, Triples()):
        assert jsonld_text(triples, PREFIXES) == _dumped(triples)
    for name in SHIPPED:
        triples = organisation_triples(load(name), None, TODAY)
        assert jsonld_text(triples, PREFIXES) == _dumped(triples)
