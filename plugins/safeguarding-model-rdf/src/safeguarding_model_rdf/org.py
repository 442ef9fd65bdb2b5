"""A dataset as an rdflib graph in the W3C Organization Ontology (ORG).

The graph binds only the prefixes this module names (:data:`PREFIXES`), not rdflib's
defaults, so the Turtle and JSON-LD do not change with rdflib's choice of defaults.
Every resource the export makes (a membership, a line, a membership's interval) has
an IRI derived from ids and positions in the data (``smn:isle-of-wight-scp.lead.1``),
never from a counter over the whole export, so one change in the data changes the
IRIs of that part only.

Dates: ``smv:start``, ``smv:end``, ``smv:effective``, ``smv:date``, ``smv:period``,
``smv:reviewed``, ``smv:nextReview`` and ``smv:knownOn`` hold a typed date
(``xsd:gYear``, ``xsd:gYearMonth`` or ``xsd:date``, as precise as the data); a bound or
a range (``by 2024-12``, ``2023 to 2024``), which no XSD type holds, is kept as written
in the matching ``...Text`` property (``smv:startText``, ``smv:periodText``;
``smv:dateText`` for ``smv:date``) instead, never made more
precise. What is planned is never stated as in place: a planned membership is an
``smv:PlannedMembership`` (not an ``org:Membership``), a planned group an
``smv:PlannedUnit`` (not an ``org:OrganizationalUnit``), both with ``smv:planned
true``. An export taken on a date has ``smn:export smv:on`` that date.

Lines say no more than the data: every line is an ``smv:Line`` resource with what it
means (``smv:lineKind``), its target and alternatives, condition, cadence and subject;
it is also stated directly, by what it means (``org:reportsTo`` for accountability
only; ``smv:reportsForInformationTo``, ``smv:advises``, ``smv:escalatesTo``), only while
it is in place on the date the export is read against (the export's date, else today)
and only when it goes to one body: a line "to A and/or B" is never stated as a line to
each. A leadership group above the partnership is not an ``org:OrganizationalUnit``
of it: it ``smv:leads`` it. The vocabulary is described in the plugin's README.
"""

from __future__ import annotations

import datetime
import decimal
import functools
from collections.abc import Iterable
from typing import Protocol

from rdflib import RDF as _RDF
from rdflib import RDFS as _RDFS
from rdflib import SKOS as _SKOS
from rdflib import XSD as _XSD
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS as _DCTERMS
from rdflib.namespace import FOAF as _FOAF
from rdflib.namespace import ORG as _ORG

from safeguarding_model.plugin import (
    Chair,
    Collaboration,
    Dataset,
    Group,
    GroupKind,
    Line,
    Member,
    OrganisationKind,
    PartialDate,
    Partnership,
    Post,
    clean,
    reference_span,
    standing,
)

from .write import IRI, Key, LiteralKey, Triples, add_object

__all__ = ["ID", "NODE", "PREFIXES", "SMV", "TIME", "organisation_graph", "organisation_triples"]


class _Terms(Namespace):
    """A namespace whose named terms (``SMV.reportsTo``, ``SMV["Subgroup"]``) are each
    made once: rdflib makes a new IRI at every use, which an export of a national
    dataset pays for hundreds of thousands of times. The same IRIs."""

    def __getattr__(self, name: str) -> URIRef:
        term = super().__getattr__(name)
        self.__dict__[name] = term  # found by ordinary lookup from now on
        return term

    def __getitem__(self, key: str) -> URIRef:  # type: ignore[override]
        made: dict[str, URIRef] = self.__dict__.setdefault("_made", {})
        term = made.get(key)
        if term is None:
            term = made[key] = self.term(key)
        return term


DCTERMS = _Terms(str(_DCTERMS))
FOAF = _Terms(str(_FOAF))
ORG = _Terms(str(_ORG))
RDF = _Terms(str(_RDF))
RDFS = _Terms(str(_RDFS))
SKOS = _Terms(str(_SKOS))
XSD = _Terms(str(_XSD))

ID = Namespace("urn:safeguarding-model:id:")
"""Entities: the namespace followed by the entity's id (unique in a dataset)."""

NODE = Namespace("urn:safeguarding-model:node:")
"""Resources the export makes (memberships, lines), apart from the entities' ids."""

SMV = _Terms("urn:safeguarding-model:vocab#")
"""The few terms the Organization Ontology lacks."""

TIME = _Terms("http://www.w3.org/2006/time#")
"""OWL-Time, for the intervals of memberships."""

PREFIXES: dict[str, Namespace] = {
    "dcterms": Namespace(str(DCTERMS)),
    "foaf": Namespace(str(FOAF)),
    "org": Namespace(str(ORG)),
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "skos": Namespace(str(SKOS)),
    "sm": ID,
    "smn": NODE,
    "smv": SMV,
    "time": TIME,
    "xsd": Namespace(str(XSD)),
}
"""Every prefix the export may use, and no other."""


class _Plain:
    """A namespace for the builder: its terms as plain text (:class:`.write.IRI`),
    made without rdflib's checks and objects (the builder makes hundreds of thousands
    for a national dataset); each named term (``_smv.Line``) made once."""

    def __init__(self, base: str) -> None:
        self.base = base

    def __getattr__(self, name: str) -> IRI:
        if name.startswith("__"):
            raise AttributeError(name)
        term = self.__dict__[name] = IRI(self.base + name)
        return term

    def __getitem__(self, key: str) -> IRI:
        return IRI(self.base + key)


_dcterms = _Plain(str(DCTERMS))
_foaf = _Plain(str(FOAF))
_org = _Plain(str(ORG))
_rdf = _Plain(str(RDF))
_rdfs = _Plain(str(RDFS))
_skos = _Plain(str(SKOS))
_xsd = _Plain(str(XSD))
_id = _Plain(str(ID))
_node = _Plain(str(NODE))
_smv = _Plain(str(SMV))
_time = _Plain(str(TIME))

ROLES = {
    "lead": _smv.LeadSafeguardingPartner,
    "delegated": _smv.DelegatedSafeguardingPartner,
    "scrutineer": _smv.IndependentScrutineer,
    "relevant": _smv.RelevantAgency,
    "observer": _smv.ParticipatingObserver,
}
_SECTORS = {
    OrganisationKind.SCHOOL_SECTOR,
    OrganisationKind.EARLY_YEARS_SECTOR,
    OrganisationKind.VOLUNTARY_SECTOR,
    OrganisationKind.FAITH_SECTOR,
}


@functools.cache  # a few dozen values, asked for at every membership and group
def _camel(value: str) -> str:
    return "".join(part.capitalize() for part in value.split("-"))


@functools.cache  # a few hundred values at most: dates, positions, amounts
def _typed(lexical: str, datatype: str) -> LiteralKey:
    """A typed literal's key, its text as rdflib gives it (in canonical form)."""
    made = Literal(lexical, datatype=URIRef(datatype))
    return (str(made), datatype, None)


_BOOLEANS = {True: _typed("true", _xsd.boolean), False: _typed("false", _xsd.boolean)}


def _date(value: PartialDate) -> LiteralKey:
    """An exact date as a typed literal (the caller keeps bounds and ranges apart)."""
    if value.day is not None:
        return _typed(str(value), _xsd.date)
    if value.month is not None:
        return _typed(str(value), _xsd.gYearMonth)
    return _typed(str(value), _xsd.gYear)


_TEXT = {
    "start": _smv.startText,
    "end": _smv.endText,
    "effective": _smv.effectiveText,
    "period": _smv.periodText,
    "reviewed": _smv.reviewedText,
    "nextReview": _smv.nextReviewText,
    "knownOn": _smv.knownOnText,
}

LINE_PREDICATES = {
    "accountable-to": _org.reportsTo,
    "for-information": _smv.reportsForInformationTo,
    "advises": _smv.advises,
    "escalates-to": _smv.escalatesTo,
    "reports-to": _smv.reportsTo,
}
"""What a line in place states directly, by what it means: only a line of
accountability is ``org:reportsTo``; a line whose meaning the document does not state
is ``smv:reportsTo``, never read as accountability."""


class _Item(Protocol):
    """A piece of the document's text with the points under it (the model's ``Item``)."""

    @property
    def text(self) -> str: ...

    @property
    def points(self) -> tuple[_Item, ...]: ...


class _Dated(Protocol):
    @property
    def start(self) -> PartialDate | None: ...

    @property
    def end(self) -> PartialDate | None: ...


def _integer(value: int) -> LiteralKey:
    return _typed(str(value), _xsd.integer)


def _decimal(value: float) -> LiteralKey:
    """A number as ``xsd:decimal``, written as the data gives it (``33.5``)."""
    return _typed(format(decimal.Decimal(repr(value)), "f"), _xsd.decimal)


class _Builder:
    def __init__(
        self, dataset: Dataset, on: PartialDate | None, today: datetime.date | None
    ) -> None:
        self.dataset = dataset
        self.on = on
        self.at = reference_span(on, today or datetime.date.today())
        self.index = dataset.index()
        self.graph = Triples()
        self.spo = self.graph.spo
        self.plains: dict[str, LiteralKey] = {}

    def add(self, subject: str, predicate: str, value: object) -> None:
        """The triple of ``value`` (None: none): an IRI, a literal's key, a date, a
        flag, or text (a plain literal)."""
        if value is None:
            return
        kind = type(value)
        key: Key
        if kind is IRI:
            key = value  # type: ignore[assignment]
        elif kind is str:
            key = self.plain(clean(value))  # type: ignore[arg-type]
        elif kind is tuple:
            key = value  # type: ignore[assignment]
        elif kind is bool:
            key = _BOOLEANS[value]  # type: ignore[index]
        elif isinstance(value, PartialDate):
            if value.exact:
                key = _date(value)
            else:  # no XSD type holds a bound or a range: the text, as written
                predicate = _TEXT.get(predicate.rpartition("#")[2], _smv.dateText)
                key = self.plain(clean(str(value)))
        else:
            key = self.plain(clean(str(value)))
        predicates = self.spo.get(subject)
        if predicates is None:
            self.spo[subject] = {predicate: key}
        else:
            add_object(predicates, predicate, key)

    def plain(self, text: str) -> LiteralKey:
        """A plain literal's key, made once for each text (a name is often a label
        twice over, and a region's shared entries repeat in each partnership)."""
        key = self.plains.get(text)
        if key is None:
            key = self.plains[text] = (text, None, None)
        return key

    def labels(self, subject: str, name: str, short: str | None = None) -> None:
        self.add(subject, _skos.prefLabel, name)
        self.add(subject, _rdfs.label, name)
        self.add(subject, _skos.altLabel, short)

    def membership(
        self,
        key: str,
        organisation: str,
        role: str,
        *,
        member: str | None = None,
        post: str | None = None,
        text: str | None = None,
        start: PartialDate | None = None,
        end: PartialDate | None = None,
        planned: bool = False,
    ) -> str:
        """An ``org:Membership`` whose IRI is ``key`` in :data:`NODE` (an
        ``smv:PlannedMembership`` when ``planned``); a post's holder is the member
        where the data names one."""
        node = _node[key]
        held = self.index.get(post) if post else None
        if member is None and isinstance(held, Post) and held.holder:
            member = held.holder
        self.add(node, _rdf.type, _smv.PlannedMembership if planned else _org.Membership)
        self.add(node, _smv.planned, True if planned else None)
        self.add(node, _org.organization, _id[organisation])
        self.add(node, _org.role, role)
        self.add(node, _org.member, _id[member] if member else None)
        self.add(node, _smv.post, _id[post] if post else None)
        self.add(node, _dcterms.description, text)
        if start or end:
            interval = _node[f"{key}.interval"]
            self.add(node, _org.memberDuring, interval)
            self.add(interval, _rdf.type, _time.Interval)
            self.add(interval, _smv.start, start)
            self.add(interval, _smv.end, end)
        return node

    # -- entities ----------------------------------------------------------------------

    def organisations(self) -> None:
        for o in self.dataset.organisations:
            node = _id[o.id]
            self.add(node, _rdf.type, _org.Organization)
            if o.kind not in _SECTORS:
                self.add(node, _rdf.type, _org.FormalOrganization)
            self.labels(node, o.name, o.short_name)
            self.add(node, _org.classification, _smv[_camel(o.kind.value)])
            for former in o.former_names:
                self.add(node, _smv.formerName, former.name)
            self.add(node, _smv.start, o.start)
            self.add(node, _smv.end, o.end)
            if o.parent:
                self.add(node, _rdf.type, _org.OrganizationalUnit)
                self.add(node, _org.unitOf, _id[o.parent])
            for owner in o.owned_by:
                self.add(node, _smv.ownedBy, _id[owner])
            for served in o.delivers_for:
                self.add(node, _smv.deliversFor, _id[served])
            self.add(node, _smv.collective, True if o.collective else None)
            self.add(node, _smv["count"], _integer(o.count) if o.count is not None else None)
            self.add(node, _skos.note, o.note)
        for person in self.dataset.people:
            self.add(_id[person.id], _rdf.type, _foaf.Person)
            self.add(_id[person.id], _foaf.name, person.name)
        for post in self.dataset.posts:
            node = _id[post.id]
            self.add(node, _rdf.type, _org.Post)
            self.labels(node, post.title)
            self.add(node, _org.postIn, _id[post.organisation] if post.organisation else None)
            self.add(node, _org.heldBy, _id[post.holder] if post.holder else None)
            self.add(node, _smv.vacant, True if post.vacant else None)
            self.add(node, _smv.acting, True if post.acting else None)
            self.add(node, _smv.independent, True if post.independent else None)
            self.add(node, _smv.elected, True if post.elected else None)
            for number, chaired in enumerate(post.also_chairs, start=1):
                self.add(node, _smv.alsoChairs, _id[chaired])
                self.membership(
                    f"{post.id}.also-chairs.{number}", chaired, _smv.Chair, post=post.id
                )
            self.add(node, _smv.start, post.start)
            self.add(node, _smv.end, post.end)
            self.add(node, _smv.holderKnownOn, post.known_on)
            self.add(node, _skos.note, post.note)

    def in_place(self, entry: object) -> bool:
        """Whether an entry with dates stands on the date the export is read against."""
        found = standing(
            getattr(entry, "start", None),
            getattr(entry, "end", None),
            self.at,
            planned=getattr(entry, "planned", False),
        )
        return found.value == "current"

    def chair(self, chair: Chair, body: str, number: int, planned: bool = False) -> None:
        """A chair as the data gives it: a post (its holder the member), a person, an
        organisation, one of a partnership role (``smv:oneOf``, no member: only one of
        them chairs), the partnership chair, a rotation (in order: ``smv:turn``s), or
        only who nominates the chair, or only words."""
        key = f"{body}.chair.{number}"
        role = _smv[_camel(chair.role.value)]
        node = self.membership(
            key,
            body,
            role,
            member=chair.person or chair.organisation,
            post=chair.post,
            text=chair.text,
            start=chair.start,
            end=chair.end,
            planned=planned or chair.planned,
        )
        self.add(node, _smv.knownOn, chair.known_on)
        self.add(node, _smv.partnershipChair, True if chair.partnership_chair else None)
        self.add(node, _smv.oneOf, _smv[_camel(chair.one_of.value)] if chair.one_of else None)
        self.add(node, _smv.nominatedBy, _id[chair.nominated_by] if chair.nominated_by else None)
        for organisation in chair.rotates_among:
            self.add(node, _smv.rotatesAmong, _id[organisation])
        self.add(node, _smv.rotating, True if chair.rotating else None)
        self.add(node, _smv.rotationPeriod, chair.rotation_period)
        self.add(node, _smv.rotationInOrder, True if chair.rotation_in_order else None)
        if chair.rotation_in_order:
            for position, taker in enumerate(chair.rotates_among, start=1):
                turn = _node[f"{key}.turn.{position}"]
                self.add(node, _smv.turn, turn)
                self.add(turn, _rdf.type, _smv.Turn)
                self.add(turn, _smv.position, _integer(position))
                self.add(turn, _smv.by, _id[taker])

    def member(self, member: Member, group: str, number: int, planned: bool = False) -> None:
        role = _smv[_camel(member.capacity.value)]
        node = self.membership(
            f"{group}.member.{number}",
            group,
            role,
            member=member.organisation,
            post=member.post,
            text=member.text,
            start=member.start,
            end=member.end,
            planned=planned or member.planned,
        )
        for chaired in member.chair_of:
            self.add(node, _smv.chairOf, _id[chaired])
        self.add(
            node, _smv.partnershipRole, _smv[_camel(member.role.value)] if member.role else None
        )
        self.add(
            node, _smv.actsFor, _smv[_camel(member.acts_for.value)] if member.acts_for else None
        )
        self.add(node, _smv.some, True if member.some else None)

    def line(
        self,
        body: str,
        field: str,
        key: str,
        line: Line,
        planned: bool = False,
    ) -> None:
        """A line from ``body``, given in the list ``field`` (``reports_to``,
        ``escalates_to`` or ``lines``), as an ``smv:Line`` resource ``key`` with all it
        says; while it is in place, and only when it goes to one body (not "to A and/or
        B"), also stated directly by what it means (:data:`LINE_PREDICATES`)."""
        meaning = line.meaning(field).value
        planned = planned or line.planned
        if not planned and not line.alternatives and self.in_place(line):
            self.add(_id[body], LINE_PREDICATES[meaning], _id[line.to])
        node = _node[key]
        self.add(node, _rdf.type, _smv.Line)
        self.add(node, _smv.lineKind, _smv[_camel(meaning)])
        self.add(node, _smv.source, _id[body])
        self.add(node, _smv.target, _id[line.to])
        for other in line.alternatives:
            self.add(node, _smv.alternative, _id[other])
        for position, through in enumerate(line.via, start=1):
            self.add(node, _smv.via, _id[through])
            if len(line.via) > 1:  # the route, in order
                step = _node[f"{key}.via.{position}"]
                self.add(node, _smv.step, step)
                self.add(step, _rdf.type, _smv.Step)
                self.add(step, _smv.position, _integer(position))
                self.add(step, _smv.by, _id[through])
        self.add(node, _smv.cadence, _smv[_camel(line.cadence.value)] if line.cadence else None)
        self.add(node, _smv.cadenceText, line.cadence_text)
        self.add(node, _smv.condition, line.condition)
        self.add(node, _smv.subject, line.subject)
        self.add(node, _dcterms.description, line.text)
        self.add(node, _smv.start, line.start)
        self.add(node, _smv.end, line.end)
        self.add(node, _smv.planned, True if planned else None)

    def lines(self, body: str, field: str, lines: Iterable[Line], planned: bool = False) -> None:
        slug = field.replace("_", "-")
        for number, line in enumerate(lines, start=1):
            self.line(body, field, f"{body}.{slug}.{number}", line, planned)

    def given_lines(self, owner: str, lines: Iterable[Line]) -> None:
        """The lines a partnership or collaboration gives from other bodies (``by``)."""
        for number, line in enumerate(lines, start=1):
            by: str = getattr(line, "by")  # noqa: B009 (a ReportingLine's)
            group = self.index.get(by)
            planned = isinstance(group, Group) and (group.planned or not self.in_place(group))
            self.line(by, "lines", f"{owner}.line.{number}", line, planned)

    def items(self, subject: str, predicate: str, key: str, items: Iterable[_Item]) -> None:
        """Items of text in order: each an ``smv:Item`` with its ``smv:position`` and
        ``rdf:value``, its points under it by ``smv:point``."""
        for position, item in enumerate(items, start=1):
            node = _node[f"{key}.{position}"]
            self.add(subject, predicate, node)
            self.add(node, _rdf.type, _smv.Item)
            self.add(node, _smv.position, _integer(position))
            self.add(node, _rdf.value, item.text)
            self.items(node, _smv.point, f"{key}.{position}", item.points)
            self.partial(node, f"{key}.{position}", item)

    def statement(self, subject: str, field: str, key: str, item: _Item | None) -> None:
        """A vision or a purpose: its text as ``smv:vision`` (``smv:purpose``), and the
        points the document lists under it as ``smv:visionPoint`` (``smv:purposePoint``)
        items, with what they leave out where the source gives them in part."""
        if item is None:
            return
        self.add(subject, _smv[field], item.text)
        self.items(subject, _smv[f"{field}Point"], f"{key}.point", item.points)
        self.partial(subject, key, item)

    def dated(self, node: str, entry: _Dated) -> None:
        self.add(node, _smv.start, entry.start)
        self.add(node, _smv.end, entry.end)

    def partial(self, node: str, key: str, entity: object) -> None:
        """The lists the source gives only in part (of a partnership, collaboration or
        group, or of an entry they hold: a duty's items, an item's points), and the
        fields it does not give for good (``smv:notStated``) or for a period
        (``smv:notStatedFor``)."""
        entries = getattr(entity, "partial", ())
        for entry in entries:
            partial = _node[f"{key}.partial.{entry.field}"]
            self.add(node, _smv.partialList, partial)
            self.add(partial, _rdf.type, _smv.PartialList)
            self.add(partial, _smv.listField, entry.field)
            self.add(partial, _smv.further, _integer(entry.further) if entry.further else None)
            self.add(partial, _dcterms.description, entry.text)
        for field in getattr(entity, "not_stated", ()):
            self.add(node, _smv.notStated, field)
        for number, period in enumerate(getattr(entity, "not_stated_for", ()), start=1):
            unstated = _node[f"{key}.not-stated-for.{number}"]
            self.add(node, _smv.notStatedFor, unstated)
            self.add(unstated, _rdf.type, _smv.UnstatedPeriod)
            self.add(unstated, _smv.field, period.field)
            self.dated(unstated, period)
            self.add(unstated, _dcterms.description, period.text)

    def group(self, owner: Partnership | Collaboration, group: Group) -> None:
        """A group: an ``org:OrganizationalUnit`` of its partnership or collaboration,
        except a leadership group above the partnership, which is not a part of what it
        leads (an ``org:Organization`` that ``smv:leads`` it)."""
        node = _id[group.id]
        planned = group.planned
        leads = group.kind is GroupKind.LEADERSHIP_GROUP and group.parent is None
        if planned:
            self.add(node, _rdf.type, _smv.PlannedUnit)
        else:
            self.add(node, _rdf.type, _org.Organization if leads else _org.OrganizationalUnit)
        self.add(node, _smv.planned, True if planned else None)
        if isinstance(owner, Collaboration) and not planned:
            self.add(node, _rdf.type, _org.OrganizationalCollaboration)
        self.labels(node, group.name, group.short_name)
        self.add(node, _org.classification, _smv[_camel(group.kind.value)])
        self.add(node, _smv.leads if leads else _org.unitOf, _id[owner.id])
        self.add(node, _org.subOrganizationOf, _id[group.parent] if group.parent else None)
        self.add(node, _dcterms.description, group.description)
        self.add(node, _smv.meets, _smv[_camel(group.meets.value)] if group.meets else None)
        self.add(node, _smv.meetsText, group.meets_text)
        for other in group.joint_with:
            self.add(node, _smv.jointWith, _id[other])
        for area in group.covers:
            self.add(node, _smv.covers, _id[area])
        self.add(node, _smv.scope, _smv[_camel(group.scope.value)] if group.scope else None)
        self.add(node, _smv.endsWhen, group.ends_when)
        self.add(node, _smv.start, group.start)
        self.add(node, _smv.end, group.end)
        for number, chair in enumerate(group.chairs, start=1):
            self.chair(chair, group.id, number, planned)
        for number, member in enumerate(group.members, start=1):
            self.member(member, group.id, number, planned)
        self.partial(node, group.id, group)
        off = planned or not self.in_place(group)
        self.lines(group.id, "reports_to", group.reports_to, off)
        self.lines(group.id, "escalates_to", group.escalates_to, off)

    def partnership(self, p: Partnership) -> None:
        node = _id[p.id]
        self.add(node, _rdf.type, _org.OrganizationalCollaboration)
        self.labels(node, p.name, p.short_name)
        for number, regime in enumerate(p.regimes, start=1):
            self.add(node, _smv.guidance, _smv[_camel(regime.instrument.value)])
            if regime.start or regime.end:
                dated = _node[f"{p.id}.regime.{number}"]
                self.add(node, _smv.regime, dated)
                self.add(dated, _rdf.type, _smv.Regime)
                self.add(dated, _smv.instrument, _smv[_camel(regime.instrument.value)])
                self.add(dated, _smv.start, regime.start)
                self.add(dated, _smv.end, regime.end)
        self.add(node, _smv.effective, p.effective)
        self.add(node, _smv.start, p.start)
        self.add(node, _smv.end, p.end)
        if p.source:
            self.add(node, _dcterms.source, p.source.title)
            self.add(node, _dcterms.issued, p.source.published)
        for number, lead in enumerate(p.lead_partners, start=1):
            led = self.membership(
                f"{p.id}.lead.{number}",
                p.id,
                ROLES["lead"],
                member=lead.organisation,
                post=lead.post if lead.organisation is None else None,
                text=lead.text,
                start=lead.start,
                end=lead.end,
            )
            self.add(led, _smv.statutoryRole, _smv[_camel(lead.role.value)])
            if lead.organisation is None:  # known by its role only: no member is invented
                self.add(led, _smv.organisationNotStated, True)
                if lead.post:
                    self.add(_id[lead.post], _org.role, ROLES["lead"])
                continue
            self.add(led, _smv.through, _id[lead.through] if lead.through else None)
            if self.in_place(lead):
                self.add(_id[lead.organisation], _org.memberOf, node)
            if lead.post:
                self.add(_id[lead.post], _org.role, ROLES["lead"])
        for number, delegated in enumerate(p.delegated_partners, start=1):
            membership = self.membership(
                f"{p.id}.delegated.{number}",
                p.id,
                ROLES["delegated"],
                post=delegated.post,
                text=delegated.text,
                start=delegated.start,
                end=delegated.end,
            )
            if delegated.post is None:  # its post is not stated
                self.add(membership, _smv.postNotStated, True)
            self.add(membership, _smv.actsFor, _smv[_camel(delegated.acts_for.value)])
            acts_for = p.lead_for(delegated)
            whom = acts_for.organisation if acts_for else None  # None: known by its role only
            self.add(membership, _smv.onBehalfOf, _id[whom] if whom else None)
        for number, chair in enumerate(p.chairs, start=1):
            self.chair(chair, p.id, number)
        for number, scrutineer in enumerate(p.scrutineers, start=1):
            membership = self.membership(
                f"{p.id}.scrutineer.{number}",
                p.id,
                ROLES["scrutineer"],
                post=scrutineer.post,
                text=scrutineer.text,
                start=scrutineer.start,
                end=scrutineer.end,
            )
            for function in scrutineer.functions:
                self.add(membership, _smv.function, function.text)
            self.partial(membership, f"{p.id}.scrutineer.{number}", scrutineer)
        for number, agency in enumerate(p.relevant_agencies, start=1):
            self.membership(
                f"{p.id}.relevant-agency.{number}",
                p.id,
                ROLES["relevant"],
                member=agency.organisation,
                text=agency.footnote,
                start=agency.start,
                end=agency.end,
                planned=agency.planned,
            )
        for number, observer in enumerate(p.observers, start=1):
            self.membership(
                f"{p.id}.observer.{number}",
                p.id,
                ROLES["observer"],
                member=observer.organisation,
                post=observer.post,
                text=observer.text,
            )
        for link in p.functional_links:
            self.add(node, _org.linkedTo, _id[link.organisation])
        for number, member in enumerate(p.members, start=1):
            self.member(member, p.id, number)
        self.add(node, _smv.meets, _smv[_camel(p.meets.value)] if p.meets else None)
        self.add(node, _smv.meetsText, p.meets_text)
        self.lines(p.id, "reports_to", p.reports_to)
        self.lines(p.id, "escalates_to", p.escalates_to)
        self.given_lines(p.id, p.lines)
        self.statement(node, "vision", f"{p.id}.vision", p.vision)
        self.statement(node, "purpose", f"{p.id}.purpose", p.purpose)
        self.items(node, _smv.statedValue, f"{p.id}.value", p.values)
        self.items(node, _smv.principle, f"{p.id}.principle", p.principles)
        for aim in p.aims:
            self.add(node, _org.purpose, aim.text)
        self.items(node, _smv.aim, f"{p.id}.aim", p.aims)
        self.scrutiny(p)
        self.duties(p)
        self.events(p)
        self.approval(p)
        self.funding(p)
        self.add(node, _smv.contact, p.contact)
        self.partial(node, p.id, p)

    def scrutiny(self, p: Partnership) -> None:
        for number, mechanism in enumerate(p.scrutiny, start=1):
            key = f"{p.id}.scrutiny.{number}"
            node = _node[key]
            self.add(_id[p.id], _smv.scrutiny, node)
            self.add(node, _rdf.type, _smv.ScrutinyMechanism)
            self.add(node, _smv.scrutinyKind, _smv[_camel(mechanism.kind.value)])
            self.add(node, _rdfs.label, mechanism.name)
            for by in mechanism.by:
                self.add(node, _smv.by, _id[by])
            role = mechanism.by_role
            self.add(node, _smv.byRole, _smv[_camel(role.value)] if role else None)
            self.items(node, _smv.input, f"{key}.input", mechanism.inputs)
            self.add(node, _dcterms.description, mechanism.text)
            self.dated(node, mechanism)
            self.partial(node, key, mechanism)

    def duties(self, p: Partnership) -> None:
        for number, duty in enumerate(p.duties, start=1):
            key = f"{p.id}.duty.{number}"
            node = _node[key]
            self.add(_id[p.id], _smv.duty, node)
            self.add(node, _rdf.type, _smv.Duty)
            self.add(node, _smv.of, _smv[_camel(duty.of.value)] if duty.of else None)
            self.add(node, _smv.post, _id[duty.post] if duty.post else None)
            self.items(node, _smv.item, f"{key}.item", duty.items)
            self.add(node, _dcterms.description, duty.text)
            self.partial(node, key, duty)

    def events(self, p: Partnership) -> None:
        for number, event in enumerate(p.events, start=1):
            node = _node[f"{p.id}.event.{number}"]
            self.add(_id[p.id], _smv.recurs, node)
            self.add(node, _rdf.type, _smv.RecurringEvent)
            self.add(node, _smv.eventKind, _smv[_camel(event.kind.value)])
            self.add(node, _rdfs.label, event.name)
            self.add(node, _smv.every, _smv[_camel(event.every.value)] if event.every else None)
            self.add(node, _smv.everyText, event.every_text)
            for by in event.by:
                self.add(node, _smv.by, _id[by])
            for to in event.to:
                self.add(node, _smv.recipient, _id[to])
            self.add(node, _dcterms.description, event.text)
            self.dated(node, event)

    def approval(self, p: Partnership) -> None:
        approval = p.approval
        if approval is None:
            return
        node = _node[f"{p.id}.approval"]
        self.add(_id[p.id], _smv.approval, node)
        self.add(node, _rdf.type, _smv.Approval)
        for by in approval.by:
            self.add(node, _smv.by, _id[by])
        role = approval.by_role
        self.add(node, _smv.byRole, _smv[_camel(role.value)] if role else None)
        self.add(node, _smv.date, approval.date)
        self.add(node, _smv.instrument, approval.instrument)
        self.add(node, _dcterms.description, approval.text)

    def funding(self, p: Partnership) -> None:
        """The funding: the rule in the document's words, who agrees the budget, and
        each contribution, its ``smv:amount`` in whole pounds (``xsd:integer``) or its
        ``smv:percent`` of the budget (``xsd:decimal``), or what it gives in kind."""
        funding = p.funding
        if funding is None:
            return
        key = f"{p.id}.funding"
        node = _node[key]
        self.add(_id[p.id], _smv.funding, node)
        self.add(node, _rdf.type, _smv.Funding)
        self.add(node, _smv.rule, funding.rule)
        self.add(node, _dcterms.description, funding.text)
        for by in funding.agreed_by:
            self.add(node, _smv.agreedBy, _id[by])
        role = funding.agreed_by_role
        self.add(node, _smv.agreedByRole, _smv[_camel(role.value)] if role else None)
        self.add(node, _smv.agreedEvery, funding.agreed_every)
        self.add(node, _smv.hostedBy, _id[funding.hosted_by] if funding.hosted_by else None)
        for body in funding.shared_with:
            self.add(node, _smv.sharedWith, _id[body])
        for number, portion in enumerate(funding.split, start=1):
            share = _node[f"{key}.share.{number}"]
            self.add(node, _smv.share, share)
            self.add(share, _rdf.type, _smv.BudgetShare)
            self.add(share, _smv.position, _integer(number))
            self.add(share, _smv.by, _id[portion.body])
            self.money(share, portion.amount, portion.percent)
            self.add(share, _dcterms.description, portion.text)
        self.partial(node, key, funding)
        for number, given in enumerate(funding.contributions, start=1):
            contribution = _node[f"{key}.contribution.{number}"]
            self.add(node, _smv.contribution, contribution)
            self.add(contribution, _rdf.type, _smv.Contribution)
            self.add(contribution, _smv.position, _integer(number))
            self.add(contribution, _smv.organisation, _id[given.organisation])
            self.money(contribution, given.amount, given.percent)
            for service in given.in_kind:
                self.add(contribution, _smv.inKind, service)
            for other in given.on_behalf_of:
                self.add(contribution, _smv.onBehalfOf, _id[other])
            self.add(contribution, _smv.period, given.period)
            self.add(contribution, _dcterms.description, given.text)

    def money(self, node: str, amount: int | None, percent: float | None) -> None:
        """An ``smv:amount`` in whole pounds (``xsd:integer``) and an ``smv:percent`` of
        the budget (``xsd:decimal``), each where the data gives it."""
        self.add(node, _smv.amount, None if amount is None else _integer(amount))
        self.add(node, _smv.percent, None if percent is None else _decimal(percent))

    def collaboration(self, c: Collaboration) -> None:
        node = _id[c.id]
        self.add(node, _rdf.type, _org.OrganizationalCollaboration)
        if c.name is not None:
            self.labels(node, c.name, c.short_name)
        else:  # one the document mentions without a name: no name is made up for it
            self.add(node, _rdfs.label, c.label)
            self.add(node, _smv.unnamed, True)
        self.add(node, _dcterms.description, c.description)
        for member in self.dataset.members_of(c):  # listed, or saying they take part
            self.add(node, _org.hasMember, _id[member])
        for area in c.areas:
            self.add(node, _smv.area, _id[area])
        self.statement(node, "purpose", f"{c.id}.purpose", c.purpose)
        self.items(node, _smv.principle, f"{c.id}.principle", c.principles)
        self.items(node, _smv.outcome, f"{c.id}.outcome", c.outcomes)
        self.given_lines(c.id, c.lines)
        self.partial(node, c.id, c)

    def documents(self) -> None:
        """The governed documents (strategies, plans, frameworks): who owns, monitors
        and delivers each, the document a delivery plan delivers, its period."""
        for document in self.dataset.documents:
            node = _id[document.id]
            planned = document.planned
            self.add(node, _rdf.type, _smv.GovernedDocument)
            self.add(node, _smv.planned, True if planned else None)
            self.labels(node, document.title)
            self.add(node, _dcterms.title, document.title)
            self.add(node, _smv.documentKind, _smv[_camel(document.kind.value)])
            self.add(node, _smv.owner, _id[document.owner])
            for body in document.monitored_by:
                self.add(node, _smv.monitoredBy, _id[body])
            for body in document.delivered_by:
                self.add(node, _smv.deliveredBy, _id[body])
            self.add(node, _smv.delivers, _id[document.delivers] if document.delivers else None)
            self.add(node, _smv.period, document.period)
            self.add(node, _smv.reviewed, document.reviewed)
            self.add(node, _smv.nextReview, document.next_review)
            self.items(node, _smv.item, f"{document.id}.item", document.items)
            self.add(node, _dcterms.description, document.text)
            self.dated(node, document)
            self.partial(node, document.id, document)

    def build(self) -> Triples:
        if self.on is not None:
            self.add(_node["export"], _smv.on, self.on)
        self.organisations()
        for partnership in self.dataset.partnerships:
            self.partnership(partnership)
        for collaboration in self.dataset.collaborations:
            self.collaboration(collaboration)
        for owner, group in self.dataset.groups():
            self.group(owner, group)
        self.documents()
        return self.graph


def organisation_graph(
    dataset: Dataset, on: PartialDate | None = None, today: datetime.date | None = None
) -> Graph:
    """The dataset in the Organization Ontology, with no blank nodes: ``dataset`` as it
    stood on ``on`` when that is given (the view: the export says the date), its lines
    read against ``on``, else ``today`` (by default, the day of the export)."""
    return organisation_triples(dataset, on, today).graph(PREFIXES)


def organisation_triples(
    dataset: Dataset, on: PartialDate | None = None, today: datetime.date | None = None
) -> Triples:
    """The triples of :func:`organisation_graph`, in the order they were made, for the
    writers of :mod:`.write`."""
    return _Builder(dataset, on, today).build()
