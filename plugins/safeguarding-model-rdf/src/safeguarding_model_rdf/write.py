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

import json
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.term import _is_valid_uri

try:  # what json.dumps writes a string as (without ensure_ascii), in C where it can
    from _json import encode_basestring as _string
except ImportError:  # pragma: no cover - CPython has it
    from json.encoder import py_encode_basestring as _string

__all__ = [
    "IRI",
    "Key",
    "LiteralKey",
    "Objects",
    "Spo",
    "Triples",
    "add_object",
    "jsonld_data",
    "jsonld_pieces",
    "jsonld_text",
    "jsonld_written",
    "objects_of",
    "prefixes_used",
    "rdflib_jsonld_data",
    "rdflib_turtle",
    "turtle",
    "turtle_pieces",
]

_TYPE = str(RDF.type)
_LABEL = str(RDFS.label)
_NIL = str(RDF.nil)
_CLASS = str(RDFS.Class)
# A local name that rdflib's split_uri leaves whole after a namespace ending in one of
# "/#:", and that its Turtle serializer writes as it is (no escapes, no final dot).
_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?\Z")
# The datatypes rdflib's JSON-LD serializer writes as native JSON values.
_NATIVE = {XSD.boolean, XSD.integer, XSD.double, XSD.string}
# What UTF-8 cannot encode: a lone surrogate.
_SURROGATE = re.compile("[\ud800-\udfff]")
_NATIVE_IRIS = {str(datatype) for datatype in _NATIVE}
_JSONLD_DELIMITERS = ("#", "/", ":")


class IRI(str):
    """An IRI as plain text, told apart from text that is a literal's: what the
    export's builder makes, far cheaper than rdflib's terms, which check each IRI."""

    __slots__ = ()


LiteralKey = tuple[str, str | None, str | None]
"""A literal as what rdflib's literals compare equal by: its text, its datatype's IRI
and its language, in lower case."""

Key = str | LiteralKey
"""An object's key: its IRI (text), or a literal's :data:`LiteralKey` (a tuple)."""


Objects = Key | dict[Key, Literal | None]
"""The objects of a subject's predicate: one object's :data:`Key` alone (most have
one, and a dictionary for each would take more memory than the rest of the triples),
or each object's key with its rdflib term (None: made from the key when needed), in
the order they were added. :func:`objects_of` gives either as the dictionary."""

Spo = dict[str, dict[str, Objects]]
"""Triples by subject, then predicate, then object (:attr:`Triples.spo`)."""


def objects_of(objects: Objects) -> dict[Key, Literal | None]:
    """The objects of a predicate as a dictionary: key to term (or None)."""
    return objects if type(objects) is dict else {objects: None}  # type: ignore[dict-item]


def add_object(predicates: dict[str, Objects], predicate: str, key: Key) -> None:
    """Add the object ``key`` (without a term) to ``predicate``'s, once."""
    objects = predicates.get(predicate)
    if objects is None:
        predicates[predicate] = key
    elif type(objects) is dict:
        if key not in objects:
            objects[key] = None
    elif objects != key:
        predicates[predicate] = {objects: None, key: None}  # type: ignore[dict-item]


def _items(objects: Objects) -> Iterable[tuple[Key, Literal | None]]:
    """Each object's key and term (or None)."""
    if isinstance(objects, dict):
        return objects.items()
    return ((objects, None),)


class Triples:
    """Triples in the order they were first added, each once (as rdflib's memory store
    keeps them): subject, then predicate, then object, each object by its
    :data:`Key` (IRIs as plain text, which hashes and compares far faster than
    rdflib's terms). A literal added as an rdflib term keeps the term (its language
    as written); a literal added by its key alone (None) is made from it when needed.
    The export's builder fills :attr:`spo` directly (with :func:`add_object`)."""

    def __init__(self) -> None:
        self.spo: Spo = {}

    def add(self, triple: tuple[URIRef, URIRef, URIRef | Literal]) -> None:
        subject, predicate, value = triple
        if type(subject) is not URIRef or type(predicate) is not URIRef:
            raise TypeError(f"expected IRIs as subject and predicate, found {triple!r}")
        key: Key
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
        predicates = self.spo.setdefault(str(subject), {})
        if isinstance(value, Literal):  # the term is kept, with its language as written
            objects = objects_of(predicates.get(str(predicate), {}))
            if key not in objects:
                predicates[str(predicate)] = {**objects, key: value}
            return
        add_object(predicates, str(predicate), key)

    def __len__(self) -> int:
        return sum(
            len(objects) if type(objects) is dict else 1
            for p in self.spo.values()
            for objects in p.values()
        )

    def __iter__(self) -> Iterator[tuple[URIRef, URIRef, URIRef | Literal]]:
        for subject, predicates in self.spo.items():
            s = URIRef(subject)
            for predicate, objects in predicates.items():
                p = URIRef(predicate)
                for key, term in objects_of(objects).items():
                    yield s, p, _term(key, term)

    def graph(self, prefixes: Mapping[str, Namespace]) -> Graph:
        """An rdflib graph of these triples, binding ``prefixes`` and no other."""
        graph = Graph(bind_namespaces="none")
        for prefix, namespace in prefixes.items():
            graph.bind(prefix, namespace, override=True)
        for triple in self:
            graph.add(triple)
        return graph


def _term(key: Key, term: Literal | None) -> URIRef | Literal:
    """The rdflib term of an object's key (``term``, where it was added as one)."""
    if term is not None:
        return term
    if not isinstance(key, tuple):
        return URIRef(key)
    text, datatype, language = key
    if datatype is None:
        return Literal(text, lang=language, normalize=False)
    return Literal(text, datatype=URIRef(datatype), lang=language)


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
    return "".join(turtle_pieces(triples, prefixes))


def turtle_pieces(triples: Triples, prefixes: Mapping[str, Namespace]) -> Iterator[str]:
    """:func:`turtle` a few hundred subjects at a time. What decides whether rdflib
    writes the text instead is found before this returns, so that no piece is made
    that rdflib would have written otherwise."""
    try:
        return _turtle(triples, prefixes)
    except _Fallback:
        return iter((rdflib_turtle(triples, prefixes),))


def rdflib_turtle(triples: Triples, prefixes: Mapping[str, Namespace]) -> str:
    """``triples`` written by rdflib's Turtle serializer itself."""
    return triples.graph(prefixes).serialize(format="turtle")


_SUBJECTS = 512  # subjects written together


def _turtle(triples: Triples, prefixes: Mapping[str, Namespace]) -> Iterator[str]:
    names = _Names(prefixes)
    label = names.label
    # each term's text: an IRI's (by its text) and a literal's (by its key), each once
    shown: dict[Any, str] = names.labels
    spo = triples.spo
    references: dict[str, int] = {}  # how often each IRI is an object
    for subject, predicates in spo.items():
        if subject not in shown:
            label(subject)
        for predicate, objects in predicates.items():
            if predicate not in shown and predicate != _TYPE:
                label(predicate)
            for key, term in _items(objects):
                if isinstance(key, tuple):
                    if key not in shown:
                        shown[key] = _literal(key, term, label)
                else:
                    references[key] = references.get(key, 0) + 1
                    if key not in shown:
                        label(key)
    if _NIL in references:
        raise _Fallback
    classes = sorted(s for s, p in spo.items() if _CLASS in p.get(_TYPE, ()))
    first = set(classes)
    ordered = classes + sorted(
        (s for s in spo if s not in first), key=lambda s: (references.get(s, 0), s)
    )
    head = "".join(f"@prefix {prefix}: <{prefixes[prefix]}> .\n" for prefix in sorted(names.used))
    return _turtle_subjects(head, ordered, spo, shown)


def _turtle_subjects(
    head: str, ordered: list[str], spo: Spo, shown: dict[Any, str]
) -> Iterator[str]:
    out = [head]
    put = out.append
    for number, subject in enumerate(ordered, 1):
        predicates = spo[subject]
        order = sorted(predicates)
        if _LABEL in predicates:
            order.remove(_LABEL)
            order.insert(0, _LABEL)
        if _TYPE in predicates:
            order.remove(_TYPE)
            order.insert(0, _TYPE)
        put("\n")
        put(shown[subject])
        between = " "
        for predicate in order:
            put(between)
            between = " ;\n    "
            put("a" if predicate == _TYPE else shown[predicate])
            objects = predicates[predicate]
            if type(objects) is not dict:
                put(" ")
                put(shown[objects])
                continue
            if len(objects) == 1:
                put(" ")
                put(shown[next(iter(objects))])
                continue
            keys = sorted(objects, key=_plain_order)
            if _plain_order(keys[-1])[0] == 2:
                # rdflib's order of terms: IRIs first, literals by value
                keys = [_key_of(term) for term in sorted(_term(k, t) for k, t in objects.items())]
            put(" ")
            put(",\n        ".join([shown[key] for key in keys]))
        put(" .\n")
        if number % _SUBJECTS == 0:
            yield _encodable("".join(out))
            out.clear()
    out.append("\n")
    yield _encodable("".join(out))


def _encodable(text: str) -> str:
    """``text`` as rdflib writes it: encoded as UTF-8, what cannot be encoded (a lone
    surrogate) replaced."""
    if _SURROGATE.search(text):
        return text.encode("utf-8", "replace").decode("utf-8")
    return text


def _plain_order(key: Key) -> tuple[int, str]:
    """rdflib's order of IRIs and plain literals (no datatype, no language): IRIs
    first, each kind by its text. A typed or tagged literal sorts last (2), so the
    caller sees it there and asks rdflib's own order instead."""
    if type(key) is tuple:
        return (2, "") if key[1] or key[2] else (1, key[0])
    return (0, key)  # type: ignore[return-value]


def _literal(key: LiteralKey, term: Literal | None, label: Callable[[str], str]) -> str:
    """A literal as rdflib's Turtle serializer writes it (naming the datatype's prefix
    as used)."""
    text, datatype, language = key
    if datatype is None and language is None:
        return _quoted(text)
    value = _term(key, term)
    assert isinstance(value, Literal)
    if datatype is not None:
        label(datatype)
    return value._literal_n3(use_plain=True, qname_callback=lambda iri: label(str(iri)))


def _key_of(value: URIRef | Literal) -> Key:
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
    node = _JsonldNodes(prefixes).node
    nodes = [node(subject, predicates) for subject, predicates in triples.spo.items()]
    nodes.sort(key=lambda n: str(n["@id"]))
    context = {prefix: str(namespace) for prefix, namespace in prefixes.items()}
    if len(nodes) == 1:
        return {**nodes[0], "@context": context}
    return {"@context": context, "@graph": nodes}


class _JsonldNodes:
    """The nodes of rdflib's JSON-LD data, one subject at a time (:meth:`node`), and
    the text in them that may name a prefix (:meth:`note_texts`)."""

    def __init__(self, prefixes: Mapping[str, Namespace]) -> None:
        symbols = _Symbols(prefixes)
        self.symbol, self.shrink = symbols.symbol, symbols.shrink
        self.natives: dict[Any, Any] = {}  # each native value once

    def native(self, key: LiteralKey, term: Literal | None) -> Any:
        """The native JSON value of a literal of a native datatype."""
        natives = self.natives
        shown = natives.get(key, natives)
        if shown is natives:
            shown = natives[key] = _term(key, term).toPython()
        return shown

    def node(self, subject: str, predicates: dict[str, Objects]) -> Any:
        symbol, shrink = self.symbol, self.shrink
        node: dict[str, Any] = {"@id": shrink(subject)}
        for predicate, objects in predicates.items():
            is_type = predicate == _TYPE
            key = "@type" if is_type else symbol(predicate)
            for iri, term in _items(objects):
                shown: Any
                if not isinstance(iri, tuple):
                    shown = symbol(iri) if is_type else {"@id": shrink(iri)}
                else:
                    text, datatype, language = iri
                    if datatype is None:
                        if language is None:
                            shown = text
                        else:
                            value = _term(iri, term)
                            assert isinstance(value, Literal)
                            shown = {"@language": value.language, "@value": text}
                    elif datatype in _NATIVE_IRIS:
                        shown = self.native(iri, term)
                    else:
                        shown = {"@type": symbol(datatype), "@value": text}
                before = node.get(key)
                if before:
                    if not isinstance(before, list):
                        node[key] = before = [before]
                    before.append(shown)
                else:
                    node[key] = shown
        return node

    def note_texts(self, subject: str, predicates: dict[str, Objects], note: Note) -> None:
        """Note each text :meth:`node` would put in the subject's node (keys and
        values: the ``@`` keywords name no prefix); raise :class:`_Fallback` for a
        value :func:`_json` does not write as ``json.dumps`` does."""
        symbol, shrink = self.symbol, self.shrink
        note(shrink(subject))
        for predicate, objects in predicates.items():
            is_type = predicate == _TYPE
            if not is_type:
                note(symbol(predicate))
            for iri, term in _items(objects):
                if not isinstance(iri, tuple):
                    note(symbol(iri) if is_type else shrink(iri))
                    continue
                text, datatype, language = iri
                if datatype is None:
                    note(text)
                    if language is not None:
                        value = _term(iri, term)
                        assert isinstance(value, Literal)
                        if isinstance(value.language, str):
                            note(value.language)
                elif datatype in _NATIVE_IRIS:
                    shown = self.native(iri, term)
                    if isinstance(shown, str):
                        note(shown)
                    elif not (
                        type(shown) in (bool, int)
                        or (type(shown) is float and math.isfinite(shown))
                    ):
                        raise _Fallback
                else:
                    note(symbol(datatype))
                    note(text)


def _plain_json(value: object) -> bool:
    """Whether :func:`_json` writes ``value`` (not text) as ``json.dumps`` does."""
    kind = type(value)
    return kind is bool or kind is int or (kind is float and math.isfinite(value))  # type: ignore[arg-type]


def jsonld_pieces(triples: Triples, prefixes: Mapping[str, Namespace]) -> Iterator[str]:
    """:func:`jsonld_text` a node at a time: each node made from its subject's triples
    when it is written, in the order of their ``@id``. The prefixes the nodes use,
    which the ``@context`` at the head names, are found first, in one pass over the
    triples; so is anything that makes the text ``json.dumps``'s own (a value it
    writes as this module does not), before this returns."""
    spo = triples.spo
    every = {prefix: str(namespace) for prefix, namespace in prefixes.items()}
    if len(spo) > 1:  # (one node or none is written without a "@graph": in one piece)
        nodes = _JsonldNodes(prefixes)
        used: set[str] = set()
        note = _noter(set(every), used)
        try:
            for subject, predicates in spo.items():
                nodes.note_texts(subject, predicates, note)
        except _Fallback:
            pass
        else:
            ordered = sorted(spo, key=nodes.shrink)
            context = {prefix: iri for prefix, iri in every.items() if prefix in used}
            return _jsonld_nodes(nodes, ordered, spo, _json(context, 1, _ignore))
    return iter((jsonld_written(jsonld_data(triples, prefixes)),))


_NODES = 256  # nodes written together


def _jsonld_nodes(nodes: _JsonldNodes, ordered: list[str], spo: Spo, context: str) -> Iterator[str]:
    out = ['{\n  "@context": ', context, ',\n  "@graph": [\n    ']
    between = ""
    for number, subject in enumerate(ordered, 1):
        out.append(between)
        between = ",\n    "
        out.append(_json(nodes.node(subject, spo[subject]), 2, _ignore))
        if number % _NODES == 0:
            yield "".join(out)
            out.clear()
    out.append("\n  ]\n}\n")
    yield "".join(out)


def jsonld_text(triples: Triples, prefixes: Mapping[str, Namespace]) -> str:
    """The JSON-LD export: :func:`jsonld_data` of ``triples``, its ``@context`` holding
    the prefixes it uses (:func:`prefixes_used`) and no other, as ``json.dumps`` writes
    it with ``indent=2, ensure_ascii=False, sort_keys=True`` (and a final newline), byte
    for byte, written here because that indented form is json's pure-Python encoder,
    which takes far longer than the data."""
    return jsonld_written(jsonld_data(triples, dict(sorted(prefixes.items()))))


def jsonld_written(data: dict[str, Any]) -> str:
    """:func:`jsonld_text` of the data :func:`jsonld_data` made, which it takes apart
    as it writes it (each node's data freed once written)."""
    every: dict[str, str] = data["@context"]
    nodes = data.get("@graph")
    if nodes:
        used: set[str] = set()
        note = _noter(set(every), used)
        written: list[str] = []
        try:
            for number, node in enumerate(nodes):
                written.append(_json(node, 2, note))
                nodes[number] = None
        except _Fallback:
            nodes[: len(written)] = [json.loads(text) for text in written]
        else:
            context = {prefix: iri for prefix, iri in every.items() if prefix in used}
            return (
                '{\n  "@context": '
                + _json(context, 1, _ignore)
                + ',\n  "@graph": [\n    '
                + ",\n    ".join(written)
                + "\n  ]\n}\n"
            )
    used = prefixes_used(data, set(every))
    data["@context"] = {prefix: iri for prefix, iri in every.items() if prefix in used}
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


Note = Callable[[str], None]
"""Notes a text that may name a prefix."""


def _noter(prefixes: set[str], found: set[str]) -> Note:
    """What notes the prefix a text starts with (``org:Post``) in ``found``."""
    seen: set[str] = set()

    def note(text: str) -> None:
        if text not in seen:
            seen.add(text)
            prefix, colon, _ = text.partition(":")
            if colon and prefix in prefixes:
                found.add(prefix)

    return note


def _ignore(text: str) -> None:
    return None


def _json(value: Any, level: int, note: Callable[[str], None]) -> str:
    """``value`` (JSON data) as ``json.dumps`` writes it with ``indent=2,
    ensure_ascii=False, sort_keys=True`` at depth ``level``, noting each string."""
    if isinstance(value, str):
        note(value)
        return _string(value)
    kind = type(value)
    if kind is dict:
        if not value:
            return "{}"
        inner = "\n" + "  " * (level + 1)
        parts = []
        for key in sorted(value):
            if not isinstance(key, str):
                raise _Fallback
            note(key)
            parts.append(f"{_string(key)}: {_json(value[key], level + 1, note)}")
        return "{" + inner + ("," + inner).join(parts) + "\n" + "  " * level + "}"
    if kind is list:
        if not value:
            return "[]"
        inner = "\n" + "  " * (level + 1)
        items = [_json(item, level + 1, note) for item in value]
        return "[" + inner + ("," + inner).join(items) + "\n" + "  " * level + "]"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if kind is int:
        return int.__repr__(value)
    if kind is float and math.isfinite(value):
        return float.__repr__(value)
    raise _Fallback  # anything else as json itself writes it


def prefixes_used(data: object, prefixes: set[str]) -> set[str]:
    """The prefixes that compact IRIs (``org:Post``) in the JSON-LD use, outside its
    ``@context``: in keys, in ``@id`` and ``@type`` values, and in datatypes."""
    found: set[str] = set()
    note = _noter(prefixes, found)

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

    visit(data)
    return found


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
