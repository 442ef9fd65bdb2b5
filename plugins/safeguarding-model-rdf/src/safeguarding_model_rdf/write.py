"""The export's triples, and Turtle and JSON-LD written from them directly.

rdflib's graph indexes every triple three ways, and its Turtle serializer works out
each term's prefixed name and compares terms one by one: for a national dataset
(hundreds of thousands of triples) that takes far longer than writing the text. The
export's graph is simple (every subject an IRI, no blank nodes, no lists, every IRI in
one of the bound namespaces), so this module keeps the triples as the builder adds them
(:class:`Triples`) and writes them as rdflib's Turtle and JSON-LD serializers would,
byte for byte: the same prefixes, the same order of subjects, predicates and objects,
the same quoting. Where a term falls outside what it handles that way (an IRI whose
local name rdflib would split elsewhere, an IRI that is not valid), the whole export is
handed to rdflib instead, so the output never depends on which path wrote it. The tests
compare the two paths on every shipped dataset and on generated ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.term import _is_valid_uri

__all__ = ["Triples", "jsonld_data", "rdflib_jsonld_data", "rdflib_turtle", "turtle"]

_TYPE = str(RDF.type)
_LABEL = str(RDFS.label)
_NIL = str(RDF.nil)
_CLASS = str(RDFS.Class)
# A local name that rdflib's split_uri leaves whole after a namespace ending in one of
# "/#:", and that its Turtle serializer writes as it is (no escapes, no final dot).
_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?\Z")
# The datatypes rdflib's JSON-LD serializer writes as native JSON values.
_NATIVE = {XSD.boolean, XSD.integer, XSD.double, XSD.string}
_JSONLD_DELIMITERS = ("#", "/", ":")

# An object's key: its IRI for an IRI; for a literal, what rdflib's literals compare
# equal by (the text, the datatype and the language, in lower case).
_Key = str | tuple[str, str | None, str | None]


class Triples:
    """Triples in the order they were first added, each once (as rdflib's memory store
    keeps them): subject, then predicate, then object. IRIs are kept as plain text,
    which hashes and compares far faster than rdflib's terms; each object keeps the
    term it was added as."""

    def __init__(self) -> None:
        self.spo: dict[str, dict[str, dict[_Key, URIRef | Literal]]] = {}
        self.count = 0

    def add(self, triple: tuple[URIRef, URIRef, URIRef | Literal]) -> None:
        subject, predicate, value = triple
        if type(subject) is not URIRef or type(predicate) is not URIRef:
            raise TypeError(f"expected IRIs as subject and predicate, found {triple!r}")
        key: _Key
        if type(value) is URIRef:
            key = str(value)
        elif isinstance(value, Literal):
            language = value.language
            datatype = value.datatype
            key = (
                str(value),
                None if datatype is None else str(datatype),
                None if language is None else language.lower(),
            )
        else:
            raise TypeError(f"expected an IRI or a literal as object, found {value!r}")
        predicates = self.spo.get(str(subject))
        if predicates is None:
            predicates = self.spo[str(subject)] = {}
        objects = predicates.get(str(predicate))
        if objects is None:
            objects = predicates[str(predicate)] = {}
        if key not in objects:
            objects[key] = value
            self.count += 1

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[tuple[URIRef, URIRef, URIRef | Literal]]:
        for subject, predicates in self.spo.items():
            s = URIRef(subject)
            for predicate, objects in predicates.items():
                p = URIRef(predicate)
                for value in objects.values():
                    yield s, p, value

    def graph(self, prefixes: Mapping[str, Namespace]) -> Graph:
        """An rdflib graph of these triples, binding ``prefixes`` and no other."""
        graph = Graph(bind_namespaces="none")
        for prefix, namespace in prefixes.items():
            graph.bind(prefix, namespace, override=True)
        for triple in self:
            graph.add(triple)
        return graph


class _Fallback(Exception):
    """A term this module does not write as rdflib would: rdflib writes the export."""


class _Names:
    """Prefixed names of IRIs, as rdflib's Turtle serializer gives them, and the
    prefixes used."""

    def __init__(self, prefixes: Mapping[str, Namespace]) -> None:
        self.namespaces = sorted(
            ((str(namespace), prefix) for prefix, namespace in prefixes.items()),
            key=lambda pair: -len(pair[0]),
        )
        if any(namespace[-1:] not in ("/", "#", ":") for namespace, _ in self.namespaces):
            raise _Fallback
        self.labels: dict[str, str] = {}
        self.used: set[str] = set()

    def label(self, iri: str) -> str:
        """``iri`` as rdflib writes it: a prefixed name (noting the prefix used), or
        the IRI in angle brackets where no bound namespace holds it."""
        try:
            return self.labels[iri]
        except KeyError:
            pass
        shown = None
        for namespace, prefix in self.namespaces:
            if iri.startswith(namespace):
                local = iri[len(namespace) :]
                if not _LOCAL.match(local):
                    raise _Fallback
                shown = f"{prefix}:{local}"
                self.used.add(prefix)
                break
        if shown is None:
            if not _is_valid_uri(iri):
                raise _Fallback
            shown = f"<{iri}>"
        self.labels[iri] = shown
        return shown


def _quoted(text: str) -> str:
    """A plain literal as rdflib's Turtle serializer quotes it."""
    if "\n" in text:
        encoded = text.replace("\\", "\\\\")
        if '"""' in text:
            encoded = encoded.replace('"""', '\\"\\"\\"')
        if encoded[-1] == '"' and encoded[-2] != "\\":
            encoded = encoded[:-1] + "\\" + '"'
        return '"""' + encoded.replace("\r", "\\r") + '"""'
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r") + '"'


def turtle(triples: Triples, prefixes: Mapping[str, Namespace]) -> str:
    """``triples`` as rdflib's Turtle serializer writes them with ``prefixes`` bound."""
    try:
        return _turtle(triples, prefixes)
    except _Fallback:
        return rdflib_turtle(triples, prefixes)


def rdflib_turtle(triples: Triples, prefixes: Mapping[str, Namespace]) -> str:
    """``triples`` written by rdflib's Turtle serializer itself."""
    return triples.graph(prefixes).serialize(format="turtle")


def _turtle(triples: Triples, prefixes: Mapping[str, Namespace]) -> str:
    names = _Names(prefixes)
    label = names.label
    references: dict[_Key, int] = {}
    literals: dict[_Key, str] = {}
    for subject, predicates in triples.spo.items():
        label(subject)
        for predicate, objects in predicates.items():
            if predicate != _TYPE:
                label(predicate)
            for key, value in objects.items():
                references[key] = references.get(key, 0) + 1
                if type(key) is str:
                    if key == _NIL:
                        raise _Fallback
                    label(key)
                else:
                    assert isinstance(value, Literal)
                    if value.datatype is None and value.language is None:
                        literals[key] = _quoted(str(value))
                        continue
                    if value.datatype is not None:
                        label(str(value.datatype))
                    literals[key] = value._literal_n3(
                        use_plain=True, qname_callback=lambda iri: label(str(iri))
                    )
    classes = sorted(s for s, p in triples.spo.items() if _CLASS in p.get(_TYPE, ()))
    first = set(classes)
    ordered = classes + sorted(
        (s for s in triples.spo if s not in first), key=lambda s: (references.get(s, 0), s)
    )
    out = [f"@prefix {prefix}: <{prefixes[prefix]}> .\n" for prefix in sorted(names.used)]
    labels = names.labels
    for subject in ordered:
        predicates = triples.spo[subject]
        order = [p for p in (_TYPE, _LABEL) if p in predicates]
        order += sorted(p for p in predicates if p != _TYPE and p != _LABEL)
        parts = ["\n", labels[subject]]
        for number, predicate in enumerate(order):
            parts.append(" " if number == 0 else " ;\n    ")
            parts.append("a" if predicate == _TYPE else labels[predicate])
            objects = predicates[predicate]
            keys = list(objects)
            if len(keys) > 1:
                if all(type(k) is str for k in keys):
                    keys.sort()
                else:  # rdflib's order of terms: IRIs first, literals by value
                    keys = [_key_of(v) for v in sorted(objects.values())]
            for index, key in enumerate(keys):
                parts.append(" " if index == 0 else ",\n        ")
                parts.append(labels[key] if type(key) is str else literals[key])
        parts.append(" .\n")
        out.append("".join(parts))
    out.append("\n")
    # rdflib encodes what it writes as UTF-8, replacing what cannot be encoded
    return "".join(out).encode("utf-8", "replace").decode("utf-8")


def _key_of(value: URIRef | Literal) -> _Key:
    if type(value) is URIRef:
        return str(value)
    assert isinstance(value, Literal)
    language, datatype = value.language, value.datatype
    return (
        str(value),
        None if datatype is None else str(datatype),
        None if language is None else language.lower(),
    )


class _Symbols:
    """IRIs as rdflib's JSON-LD serializer shortens them with a context of prefixes:
    :meth:`shrink` for a node's ``@id``, :meth:`symbol` for a key, a type or a
    datatype (where an IRI that is a namespace itself is its prefix, a term of the
    context)."""

    def __init__(self, prefixes: Mapping[str, Namespace]) -> None:
        self.prefixes = {str(namespace): prefix for prefix, namespace in prefixes.items()}
        self.known: dict[str, str] = {}

    def symbol(self, iri: str) -> str:
        return self.prefixes.get(iri) or self.shrink(iri)

    def shrink(self, iri: str) -> str:
        try:
            return self.known[iri]
        except KeyError:
            pass
        shown = iri
        for delimiter in _JSONLD_DELIMITERS:
            at = iri.rfind(delimiter)
            if at > -1:
                prefix = self.prefixes.get(iri[: at + 1])
                if prefix:
                    shown = f"{prefix}:{iri[at + 1 :]}"
                break
        self.known[iri] = shown
        return shown


def jsonld_data(triples: Triples, prefixes: Mapping[str, Namespace]) -> dict[str, Any]:
    """The JSON-LD data rdflib's serializer makes of ``triples`` with a context of
    ``prefixes`` (native JSON values for booleans, integers, doubles and strings, each
    property's values in the order the triples were added), its ``@graph`` sorted by
    ``@id``."""
    symbols = _Symbols(prefixes)
    symbol, shrink = symbols.symbol, symbols.shrink
    nodes: list[dict[str, Any]] = []
    for subject, predicates in triples.spo.items():
        node: dict[str, Any] = {"@id": shrink(subject)}
        for predicate, objects in predicates.items():
            is_type = predicate == _TYPE
            key = "@type" if is_type else symbol(predicate)
            for iri, value in objects.items():
                shown: Any
                if type(iri) is str:
                    shown = symbol(iri) if is_type else {"@id": shrink(iri)}
                else:
                    assert isinstance(value, Literal)
                    datatype = value.datatype
                    if datatype is None:
                        if value.language is None:
                            shown = str(value)
                        else:
                            shown = {"@language": value.language, "@value": str(value)}
                    elif datatype in _NATIVE:
                        shown = value.toPython()
                    else:
                        shown = {"@type": symbol(str(datatype)), "@value": str(value)}
                before = node.get(key)
                if before:
                    if not isinstance(before, list):
                        node[key] = before = [before]
                    before.append(shown)
                else:
                    node[key] = shown
        nodes.append(node)
    nodes.sort(key=lambda n: str(n["@id"]))
    context = {prefix: str(namespace) for prefix, namespace in prefixes.items()}
    if len(nodes) == 1:
        return {**nodes[0], "@context": context}
    return {"@context": context, "@graph": nodes}


def rdflib_jsonld_data(triples: Triples, prefixes: Mapping[str, Namespace]) -> dict[str, Any]:
    """The data of :func:`jsonld_data` made by rdflib's JSON-LD serializer itself."""
    import json

    context = {prefix: str(namespace) for prefix, namespace in prefixes.items()}
    data: dict[str, Any] = json.loads(
        triples.graph(prefixes).serialize(format="json-ld", context=context, indent=2)
    )
    if isinstance(data.get("@graph"), list):
        data["@graph"].sort(key=lambda node: str(node.get("@id", "")))
    return data
