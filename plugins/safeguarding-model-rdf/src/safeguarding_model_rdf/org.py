"""A dataset as an rdflib graph in the W3C Organization Ontology (ORG).

The graph binds only the prefixes this module names (:data:`PREFIXES`), not rdflib's
defaults, so the Turtle and JSON-LD do not change with rdflib's choice of defaults.
Every resource the export makes (a membership, a line, a membership's interval) has
an IRI derived from ids and positions in the data (``smn:isle-of-wight-scp.lead.1``),
never from a counter over the whole export, so one change in the data changes the
IRIs of that part only.

Dates: ``smv:start``, ``smv:end`` and ``smv:effective`` hold a typed date (``xsd:gYear``,
``xsd:gYearMonth`` or ``xsd:date``, as precise as the data); a bound or a range (``by
2024-12``, ``2023 to 2024``), which no XSD type holds, is kept as written in
``smv:startText``, ``smv:endText`` or ``smv:effectiveText`` instead, never made more
precise. What is planned is never stated as in place: a planned membership is an
``smv:PlannedMembership`` (not an ``org:Membership``), a planned group an
``smv:PlannedUnit`` (not an ``org:OrganizationalUnit``), both with ``smv:planned
true``; a line is stated directly (``org:reportsTo``, ``smv:escalatesTo``) only while it
is in place on the date the export is read against (the export's date, else today),
and otherwise only as an ``smv:Line`` with its dates. An export taken on a date has
``smn:export smv:on`` that date.
"""

from __future__ import annotations

import datetime

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG

from safeguarding_model.plugin import (
    Chair,
    Collaboration,
    Dataset,
    Group,
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

__all__ = ["ID", "NODE", "PREFIXES", "SMV", "TIME", "organisation_graph"]

ID = Namespace("urn:safeguarding-model:id:")
"""Entities: the namespace followed by the entity's id (unique in a dataset)."""

NODE = Namespace("urn:safeguarding-model:node:")
"""Resources the export makes (memberships, lines), apart from the entities' ids."""

SMV = Namespace("urn:safeguarding-model:vocab#")
"""The few terms the Organization Ontology lacks."""

TIME = Namespace("http://www.w3.org/2006/time#")
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

ROLES = {
    "lead": SMV.LeadSafeguardingPartner,
    "delegated": SMV.DelegatedSafeguardingPartner,
    "scrutineer": SMV.IndependentScrutineer,
    "relevant": SMV.RelevantAgency,
    "observer": SMV.ParticipatingObserver,
}
_SECTORS = {
    OrganisationKind.SCHOOL_SECTOR,
    OrganisationKind.EARLY_YEARS_SECTOR,
    OrganisationKind.VOLUNTARY_SECTOR,
    OrganisationKind.FAITH_SECTOR,
}


def _camel(value: str) -> str:
    return "".join(part.capitalize() for part in value.split("-"))


def _text(value: str) -> Literal:
    return Literal(clean(value))


def _date(value: PartialDate) -> Literal:
    """An exact date as a typed literal (the caller keeps bounds and ranges apart)."""
    if value.day is not None:
        return Literal(str(value), datatype=XSD.date)
    if value.month is not None:
        return Literal(str(value), datatype=XSD.gYearMonth)
    return Literal(str(value), datatype=XSD.gYear)


_TEXT = {"start": SMV.startText, "end": SMV.endText, "effective": SMV.effectiveText}


class _Builder:
    def __init__(
        self, dataset: Dataset, on: PartialDate | None, today: datetime.date | None
    ) -> None:
        self.dataset = dataset
        self.on = on
        self.at = reference_span(on, today or datetime.date.today())
        self.index = dataset.index()
        self.graph = Graph(bind_namespaces="none")
        for prefix, namespace in PREFIXES.items():
            self.graph.bind(prefix, namespace, override=True)

    def add(self, subject: URIRef, predicate: URIRef, value: object) -> None:
        if value is None:
            return
        if isinstance(value, URIRef | Literal):
            self.graph.add((subject, predicate, value))
        elif isinstance(value, PartialDate):
            if value.exact:
                self.graph.add((subject, predicate, _date(value)))
            else:  # no XSD type holds a bound or a range: the text, as written
                text = _TEXT.get(str(predicate).rpartition("#")[2], SMV.dateText)
                self.graph.add((subject, text, _text(str(value))))
        elif isinstance(value, bool):
            self.graph.add((subject, predicate, Literal(value)))
        else:
            self.graph.add((subject, predicate, _text(str(value))))

    def labels(self, subject: URIRef, name: str, short: str | None = None) -> None:
        self.add(subject, SKOS.prefLabel, name)
        self.add(subject, RDFS.label, name)
        self.add(subject, SKOS.altLabel, short)

    def membership(
        self,
        key: str,
        organisation: str,
        role: URIRef,
        *,
        member: str | None = None,
        post: str | None = None,
        text: str | None = None,
        start: PartialDate | None = None,
        end: PartialDate | None = None,
        planned: bool = False,
    ) -> URIRef:
        """An ``org:Membership`` whose IRI is ``key`` in :data:`NODE` (an
        ``smv:PlannedMembership`` when ``planned``); a post's holder is the member
        where the data names one."""
        node = NODE[key]
        held = self.index.get(post) if post else None
        if member is None and isinstance(held, Post) and held.holder:
            member = held.holder
        self.add(node, RDF.type, SMV.PlannedMembership if planned else ORG.Membership)
        self.add(node, SMV.planned, True if planned else None)
        self.add(node, ORG.organization, ID[organisation])
        self.add(node, ORG.role, role)
        self.add(node, ORG.member, ID[member] if member else None)
        self.add(node, SMV.post, ID[post] if post else None)
        self.add(node, DCTERMS.description, text)
        if start or end:
            interval = NODE[f"{key}.interval"]
            self.add(node, ORG.memberDuring, interval)
            self.add(interval, RDF.type, TIME.Interval)
            self.add(interval, SMV.start, start)
            self.add(interval, SMV.end, end)
        return node

    # -- entities ----------------------------------------------------------------------

    def organisations(self) -> None:
        for o in self.dataset.organisations:
            node = ID[o.id]
            self.add(node, RDF.type, ORG.Organization)
            if o.kind not in _SECTORS:
                self.add(node, RDF.type, ORG.FormalOrganization)
            self.labels(node, o.name, o.short_name)
            self.add(node, ORG.classification, SMV[_camel(o.kind.value)])
            for former in o.former_names:
                self.add(node, SMV.formerName, former.name)
            self.add(node, SMV.start, o.start)
            self.add(node, SMV.end, o.end)
            if o.parent:
                self.add(node, RDF.type, ORG.OrganizationalUnit)
                self.add(node, ORG.unitOf, ID[o.parent])
            self.add(node, SKOS.note, o.note)
        for person in self.dataset.people:
            self.add(ID[person.id], RDF.type, FOAF.Person)
            self.add(ID[person.id], FOAF.name, person.name)
        for post in self.dataset.posts:
            node = ID[post.id]
            self.add(node, RDF.type, ORG.Post)
            self.labels(node, post.title)
            self.add(node, ORG.postIn, ID[post.organisation] if post.organisation else None)
            self.add(node, ORG.heldBy, ID[post.holder] if post.holder else None)
            self.add(node, SMV.vacant, True if post.vacant else None)
            self.add(node, SMV.acting, True if post.acting else None)
            self.add(node, SMV.independent, True if post.independent else None)
            self.add(node, SMV.start, post.start)
            self.add(node, SMV.end, post.end)
            self.add(node, SMV.holderKnownOn, post.known_on)
            self.add(node, SKOS.note, post.note)

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
        role = SMV[_camel(chair.role.value)]
        node = self.membership(
            f"{body}.chair.{number}",
            body,
            role,
            post=chair.post,
            text=chair.text,
            start=chair.start,
            end=chair.end,
            planned=planned or chair.planned,
        )
        self.add(node, SMV.partnershipChair, True if chair.partnership_chair else None)
        self.add(node, SMV.nominatedBy, ID[chair.nominated_by] if chair.nominated_by else None)
        for organisation in chair.rotates_among:
            self.add(node, SMV.rotatesAmong, ID[organisation])

    def member(self, member: Member, group: str, number: int, planned: bool = False) -> None:
        role = SMV[_camel(member.capacity.value)]
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
            self.add(node, SMV.chairOf, ID[chaired])
        self.add(node, SMV.partnershipRole, SMV[_camel(member.role.value)] if member.role else None)

    def line(self, body: str, kind: str, number: int, line: Line, planned: bool = False) -> None:
        predicate = ORG.reportsTo if kind == "reports-to" else SMV.escalatesTo
        planned = planned or line.planned
        if not planned and self.in_place(line):
            self.add(ID[body], predicate, ID[line.to])
        if line.cadence or line.text or line.start or line.end or planned:
            node = NODE[f"{body}.{kind}.{number}"]
            self.add(node, RDF.type, SMV.Line)
            self.add(node, SMV.lineKind, SMV[_camel(kind)])
            self.add(node, SMV.source, ID[body])
            self.add(node, SMV.target, ID[line.to])
            self.add(node, SMV.cadence, SMV[_camel(line.cadence.value)] if line.cadence else None)
            self.add(node, DCTERMS.description, line.text)
            self.add(node, SMV.start, line.start)
            self.add(node, SMV.end, line.end)
            self.add(node, SMV.planned, True if planned else None)

    def group(self, owner: Partnership | Collaboration, group: Group) -> None:
        node = ID[group.id]
        planned = group.planned
        self.add(node, RDF.type, SMV.PlannedUnit if planned else ORG.OrganizationalUnit)
        self.add(node, SMV.planned, True if planned else None)
        if isinstance(owner, Collaboration) and not planned:
            self.add(node, RDF.type, ORG.OrganizationalCollaboration)
        self.labels(node, group.name, group.short_name)
        self.add(node, ORG.classification, SMV[_camel(group.kind.value)])
        self.add(node, ORG.unitOf, ID[owner.id])
        self.add(node, ORG.subOrganizationOf, ID[group.parent] if group.parent else None)
        self.add(node, DCTERMS.description, group.description)
        self.add(node, SMV.meets, SMV[_camel(group.meets.value)] if group.meets else None)
        for other in group.joint_with:
            self.add(node, SMV.jointWith, ID[other])
        self.add(node, SMV.start, group.start)
        self.add(node, SMV.end, group.end)
        for number, chair in enumerate(group.chairs, start=1):
            self.chair(chair, group.id, number, planned)
        for number, member in enumerate(group.members, start=1):
            self.member(member, group.id, number, planned)
        self.not_stated(node, group.not_stated)
        for kind, lines in (("reports-to", group.reports_to), ("escalates-to", group.escalates_to)):
            for number, line in enumerate(lines, start=1):
                self.line(group.id, kind, number, line, planned or not self.in_place(group))

    def partnership(self, p: Partnership) -> None:
        node = ID[p.id]
        self.add(node, RDF.type, ORG.OrganizationalCollaboration)
        self.labels(node, p.name, p.short_name)
        for number, regime in enumerate(p.regimes, start=1):
            self.add(node, SMV.guidance, SMV[_camel(regime.instrument.value)])
            if regime.start or regime.end:
                dated = NODE[f"{p.id}.regime.{number}"]
                self.add(node, SMV.regime, dated)
                self.add(dated, RDF.type, SMV.Regime)
                self.add(dated, SMV.instrument, SMV[_camel(regime.instrument.value)])
                self.add(dated, SMV.start, regime.start)
                self.add(dated, SMV.end, regime.end)
        self.add(node, SMV.effective, p.effective)
        self.add(node, SMV.start, p.start)
        self.add(node, SMV.end, p.end)
        if p.source:
            self.add(node, DCTERMS.source, p.source.title)
            self.add(node, DCTERMS.issued, p.source.published)
        for number, lead in enumerate(p.lead_partners, start=1):
            self.membership(
                f"{p.id}.lead.{number}",
                p.id,
                ROLES["lead"],
                member=lead.organisation,
                text=lead.text,
                start=lead.start,
                end=lead.end,
            )
            if self.in_place(lead):
                self.add(ID[lead.organisation], ORG.memberOf, node)
            if lead.post:
                self.add(ID[lead.post], ORG.role, ROLES["lead"])
        for number, delegated in enumerate(p.delegated_partners, start=1):
            membership = self.membership(
                f"{p.id}.delegated.{number}",
                p.id,
                ROLES["delegated"],
                post=delegated.post,
                start=delegated.start,
                end=delegated.end,
            )
            self.add(membership, SMV.actsFor, SMV[_camel(delegated.acts_for.value)])
            acts_for = p.lead_for(delegated)
            self.add(membership, SMV.onBehalfOf, ID[acts_for.organisation] if acts_for else None)
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
                self.add(membership, SMV.function, function.text)
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
            self.add(node, ORG.linkedTo, ID[link.organisation])
        for number, line in enumerate(p.escalates_to, start=1):
            self.line(p.id, "escalates-to", number, line)
        for aim in p.aims:
            self.add(node, ORG.purpose, aim.text)
        self.add(node, SMV.contact, p.contact)
        self.not_stated(node, p.not_stated)

    def not_stated(self, node: URIRef, fields: tuple[str, ...]) -> None:
        """The fields the source does not give, so that "not said" is not read as "none"."""
        for field in fields:
            self.add(node, SMV.notStated, field)

    def collaboration(self, c: Collaboration) -> None:
        node = ID[c.id]
        self.add(node, RDF.type, ORG.OrganizationalCollaboration)
        self.labels(node, c.name, c.short_name)
        self.add(node, DCTERMS.description, c.description)
        for member in c.members:
            self.add(node, ORG.hasMember, ID[member])

    def build(self) -> Graph:
        if self.on is not None:
            self.add(NODE["export"], SMV.on, self.on)
        self.organisations()
        for partnership in self.dataset.partnerships:
            self.partnership(partnership)
        for collaboration in self.dataset.collaborations:
            self.collaboration(collaboration)
        for owner, group in self.dataset.groups():
            self.group(owner, group)
        return self.graph


def organisation_graph(
    dataset: Dataset, on: PartialDate | None = None, today: datetime.date | None = None
) -> Graph:
    """The dataset in the Organization Ontology, with no blank nodes: ``dataset`` as it
    stood on ``on`` when that is given (the view: the export says the date), its lines
    read against ``on``, else ``today`` (by default, the day of the export)."""
    return _Builder(dataset, on, today).build()
