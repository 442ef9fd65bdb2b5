"""Build the governance graph from a dataset.

One node per entity with an id (organisations, people, posts, partnerships,
collaborations, groups, governed documents), in the dataset's order; one edge per
reference in the model, plus the edges the model implies (``derived`` true, with the
rule in ``via``): memberships expanded from roles and chairs, chairs expanded from
the role a chair is one of, the partnership chair in the chair of a group, and the
accountable-to lines. No fact is dropped: the first edge of a kind between two nodes
is keyed by the kind, a repeat ``kind#2``, ``kind#3`` (see ``kinds``); only an edge
identical in every attribute to one already there (it would say nothing new) is not
added again. The build is linear in the size of the model and deterministic: two
builds of one dataset are identical, node, edge and attribute order included.

Every edge has the attributes of :data:`EDGE_ATTRIBUTES`, ``None`` where the model
says nothing; ``planned`` is true for a planned chair, member, line or relevant agency,
for whatever a planned group or document holds or is held by, and for what the model
derives from planned entries only; a planned entry is never an edge of the structure
as it stands. Groups and documents carry ``planned`` too.

A line (a reporting line, a line for information, of advice, of escalation or of a
meaning the document does not state) is an edge of the kind its meaning gives
(:data:`LINE_EDGES`), from the body whose list holds it or from its ``by``, one to
each body it names (``to`` and each of its ``alternatives``). Accountability is
derived along lines of accountability only; see ``EdgeKind.ACCOUNTABLE_TO``.

``on`` builds the structure as it stood on a date (see ``dates``), which leaves out
everything planned; the networkx graph's ``on`` attribute is that date, as written.
A dataset made in code without loading may hold references that name nothing, ids used twice, or
delegated partners whose lead partner cannot be told; the build leaves those edges
out and reports them (``GovernanceGraph.problems``).
"""

from __future__ import annotations

import datetime
from typing import Any

import networkx as nx

from .._collector import collector_paused
from ..model import (
    Chair,
    Collaboration,
    Dataset,
    Entity,
    GovernedDocument,
    Group,
    GroupKind,
    Line,
    LineKind,
    Objective,
    Organisation,
    PartialDate,
    Partnership,
    PartnershipRole,
    Person,
    Plan,
    Post,
    ReportingLine,
)
from ..model.dates import OnDate, as_of, date_text, earlier, later, span_of, written
from ..model.meaning import (
    ModelIndex,
    resolved_planned,
)
from ..model.names import kind_word
from ..model.values import with_article
from .answers import Finding, Ref
from .governance import GovernanceGraph
from .kinds import EDGE_ATTRIBUTES, LINE_EDGES, EdgeKind, edge_key

__all__ = ["EDGE_ATTRIBUTES", "LINE_EDGES", "build_graph", "node_attributes"]

Attrs = dict[str, Any]
Owner = Partnership | Collaboration
Body = Group | Partnership | Collaboration

ANSWERS_TO = "answers to the bodies it reports to"
"""The end of the ``via`` of an accountable-to edge that follows a stated line: "a
group answers to the bodies it reports to"."""


def build_graph(
    dataset: Dataset, on: OnDate | None = None, *, today: datetime.date | None = None
) -> GovernanceGraph:
    """The governance graph of ``dataset``; with ``on`` (a ``PartialDate``, a
    ``datetime.date`` or text such as ``2023-06``), of the structure as it stood on that
    date: groups, posts, members, chairs, lines and partners whose start and end dates
    exclude it are left out, and what is planned. ``today`` (by default the day it is
    built) is the day against which answers about everything in the data read an end
    as passed ("ended") or still to come."""
    source = dataset
    excluded: tuple[str, ...] = ()
    if on is not None:
        span_of(on)  # a clear error for a bad date
        dataset, excluded = as_of(dataset, on)
    with collector_paused():  # many small long-lived objects: passes would find nothing
        index = ModelIndex(dataset)
        builder = _Builder(index)
        builder.run()
    graph = builder.graph
    if on is not None:
        graph.graph["on"] = date_text(on)
    return GovernanceGraph(
        graph=graph,
        index=index,
        sequence=builder.sequence,
        problems=tuple(builder.problems),
        on=on,
        excluded=excluded,
        source=source,
        today=today,
    )


_BLANK: Attrs = dict.fromkeys(EDGE_ATTRIBUTES)
"""An edge's attributes before any is given: each one, in order, ``None``, and
``derived`` and ``planned`` false."""
_BLANK["derived"] = _BLANK["planned"] = False
_MEMBER_OF: str = EdgeKind.MEMBER_OF._value_
_CHAIR_MEMBER_OF: str = EdgeKind.CHAIR_MEMBER_OF._value_


def node_attributes(entity: Entity, index: ModelIndex) -> Attrs:
    """The attributes of an entity's node: ``kind``, ``label`` and ``name`` first."""
    kind = kind_word(entity)
    if isinstance(entity, Organisation):  # most nodes: made in one go
        start, end, label, called = entity.start, entity.end, entity.label, entity.name
        return {
            "kind": kind,
            "label": label,
            "name": label if called is None else called,
            "organisation_kind": entity.kind._value_,  # ``.value`` is a slow property
            "collective": entity.collective,
            "count": entity.count,
            "start": None if start is None else str(start),
            "end": None if end is None else str(end),
        }
    if isinstance(entity, Post):
        return {
            "kind": kind,
            "label": entity.title,
            "name": index.dataset.name_of(entity.id, index.entities),
            "independent": entity.independent,
            "vacant": entity.vacant,
            "acting": entity.acting,
            "elected": entity.elected,
            "start": written(entity.start),
            "end": written(entity.end),
            "known_on": written(entity.known_on),
        }
    if isinstance(entity, Person):
        return {"kind": kind, "label": entity.name, "name": entity.name}
    name = entity.name  # a collaboration the source does not name is called by its label
    data: Attrs = {
        "kind": kind,
        "label": entity.label,
        "name": entity.label if name is None else name,
    }
    if isinstance(entity, Group):  # (``._value_``: ``.value`` is a slow property)
        data["group_kind"] = entity.kind._value_
        data["meets"] = entity.meets._value_ if entity.meets else None
        data["scope"] = entity.scope._value_ if entity.scope else None
        data["start"] = written(entity.start)
        data["end"] = written(entity.end)
        data["planned"] = entity.planned
    elif isinstance(entity, Partnership):
        data["guidance"] = entity.guidance.value if entity.guidance else None
        data["regimes"] = " ".join(r.instrument.value for r in entity.regimes) or None
        data["scope"] = entity.scope.value
        data["start"] = written(entity.start)
        data["end"] = written(entity.end)
    elif isinstance(entity, Collaboration):
        data["start"] = written(entity.start)
        data["end"] = written(entity.end)
        data["named"] = entity.named
    elif isinstance(entity, GovernedDocument):
        data["document_kind"] = entity.kind._value_
        data["period"] = written(entity.period)
        data["start"] = written(entity.start)
        data["end"] = written(entity.end)
        data["planned"] = entity.planned
    elif isinstance(entity, Plan):
        data["period"] = written(entity.period)
    elif isinstance(entity, Objective):
        data["part"] = entity.part._value_
    return data


def _noun(entity: Entity | None) -> str:
    return "body" if entity is None else kind_word(entity)


class _Builder:
    def __init__(self, index: ModelIndex) -> None:
        self.index = index
        self.entities = index.entities
        # The graph is filled in place, as ``add_nodes_from`` and then ``add_edges_from``
        # would fill it, in the same order, but holding each node's and edge's
        # attributes themselves rather than a copy, and without their checks (every
        # node is added before any edge, and an edge only between nodes): networkx's
        # documented adjacency structure, a dictionary of each node's attributes and of
        # each node's successors and predecessors, where ``succ[u][v]`` and
        # ``pred[v][u]`` are one dictionary of the edges' attributes by key.
        self.graph = nx.MultiDiGraph()
        self.nodes: dict[str, Attrs] = self.graph._node
        self.succ: dict[str, dict[str, dict[str, Attrs]]] = self.graph._succ
        self.pred: dict[str, dict[str, dict[str, Attrs]]] = self.graph._pred
        self.sequence: list[str] = []
        """Each edge's source, target and key in turn, in the order they were added."""
        self.problems: list[Finding] = []
        self.documents = [d for d in index.dataset.documents if index.kept(d)]
        self.planned_nodes = {g.id for _, g in index.groups if g.planned}
        self.planned_nodes |= {d.id for d in self.documents if d.planned}

    def run(self) -> None:
        for key, entity in self.entities.items():
            self.nodes[key] = node_attributes(entity, self.index)
            self.succ[key] = {}
            self.pred[key] = {}
        for entity in self.index.duplicates:
            kind = kind_word(entity)
            self.problems.append(
                Finding(
                    code="duplicate-id",
                    severity="error",
                    message=f"the id `{entity.id}` is used by more than one entity; the graph "
                    f"keeps the first, {self.index.name(entity.id)}, and leaves out the later "
                    f"{kind}",
                    bodies=(self.ref(entity.id),),
                )
            )
        index = self.index
        for organisation in index.organisations:
            oid = organisation.id
            if organisation.parent:
                self.edge(oid, organisation.parent, EdgeKind.PART_OF, ref="parent")
            for other in organisation.owned_by:
                self.edge(oid, other, EdgeKind.OWNED_BY, ref="owned_by")
            for council in organisation.delivers_for:
                self.edge(oid, council, EdgeKind.DELIVERS_SERVICES_FOR, ref="delivers_for")
        for post in index.posts:
            if post.holder:
                self.edge(post.holder, post.id, EdgeKind.HOLDS_POST, ref="holder", holder=post.id)
            if post.organisation:
                self.edge(post.id, post.organisation, EdgeKind.POST_IN, ref="organisation")
            for body in post.also_chairs:
                self.edge(post.id, body, EdgeKind.CHAIRS, ref="also_chairs")
        for partnership in index.partnerships:
            self.partnership(partnership)
        for collaboration in index.collaborations:
            self.collaboration(collaboration)
        for owner, group in index.groups:
            self.group(owner, group)
        # The lines the partnerships and collaborations give apart (their ``lines``)
        # follow every body's own lists, so a body's own line is keyed first.
        owners: list[Owner] = [*index.partnerships, *index.collaborations]
        for owner in owners:
            self.line_edges(owner.id, "lines", owner.lines)
        for document in self.documents:
            self.document(document)
        for plan in index.dataset.plans:
            if index.kept(plan):
                self.plan(plan)
        self.communications(index.dataset)

    # --- helpers ----------------------------------------------------------------------

    def ref(self, key: str) -> Ref:
        data = self.nodes.get(key)
        if data is None:
            return Ref(id=key, kind="unknown", name=key)
        return Ref(id=key, kind=data["kind"], name=data["name"])

    def edge(
        self,
        source: str,
        target: str,
        kind: EdgeKind,
        *,
        ref: str,
        holder: str | None = None,
        start: PartialDate | None = None,
        end: PartialDate | None = None,
        planned: bool = False,
        quiet: bool = False,
        **values: Any,
    ) -> None:
        """Add an edge; ``ref`` names the field that holds the reference, ``holder`` the
        entity holding it (the source by default). ``planned``: the entry is planned (an
        edge to or from a planned group or document is planned too). ``quiet``: a
        reference that names nothing was reported where it is stated, so a derived edge
        does not repeat it. ``values`` are the other attributes of
        :data:`EDGE_ATTRIBUTES` (``derived``, ``cadence``, ``text``, ``via``, ...)."""
        value: str = kind._value_  # the plain attribute: ``.value`` is a slow property
        data = _BLANK.copy()  # (a copy is quicker than a display of twenty entries)
        if values:
            data.update(values)
        data["kind"] = value
        if start is not None:
            data["start"] = str(start)
        if end is not None:
            data["end"] = str(end)
        if planned:
            data["planned"] = planned
        self.put(source, target, value, data, ref, holder, quiet)

    def put(
        self,
        source: str,
        target: str,
        value: str,
        data: Attrs,
        ref: str,
        holder: str | None,
        quiet: bool,
    ) -> None:
        """Add an edge of the kind whose value is ``value``, with the attributes ``data``
        (every one of :data:`EDGE_ATTRIBUTES`, in order: ``planned`` is set true here
        for an edge to or from a planned group or document); the rest as for
        :meth:`edge`."""
        out = self.succ.get(source)  # (a node for each entity: None, for an id of none)
        into = self.pred.get(target)
        if out is None or into is None:
            if quiet:
                return
            entities = self.entities
            missing = [n for n in (source, target) if n not in entities]
            who = holder or (target if source in missing else source)
            for key in missing:
                self.dangling(who, key, ref)
            return
        if not data["planned"]:
            planned_nodes = self.planned_nodes
            data["planned"] = source in planned_nodes or target in planned_nodes
        keyed = out.get(target)
        if keyed is None:
            keyed = out[target] = into[source] = {}
        key = value
        number = 1
        while key in keyed:  # the edges of this kind already between the two
            if keyed[key] == data:
                return  # an edge equal to one already there is not added again
            number += 1
            key = edge_key(value, number)
        keyed[key] = data
        self.sequence.extend((source, target, key))

    def dangling(self, holder: str, key: str, field: str) -> None:
        member = field.startswith("members")
        self.problems.append(
            Finding(
                code="dangling-member" if member else "dangling-reference",
                severity="error",
                message=f"{self.index.name(holder)} ({holder}): {field} names `{key}`, "
                "which is nothing in this data",
                bodies=(self.ref(holder),),
            )
        )

    def holders(self, owner: Owner | None, role: PartnershipRole) -> list[str]:
        """The posts or organisations holding ``role`` in the partnership, or in a
        collaboration's member partnerships, each once."""
        return [] if owner is None else self.index.role_nodes(owner, role)

    # --- lines ------------------------------------------------------------------------

    def line_edges(self, body: str, field: str, lines: tuple[Line, ...]) -> None:
        """The edges of ``lines`` (a list ``field`` of ``body``; a ``ReportingLine`` is
        from its ``by``): one to each body a line names, of the kind its meaning gives."""
        for line in lines:
            meaning = line.meaning(field)
            source = line.by if isinstance(line, ReportingLine) else body
            targets = line.targets
            for number, target in enumerate(targets):
                others = [other for other in targets if other != target]
                self.edge(
                    source,
                    target,
                    LINE_EDGES[meaning],
                    ref=f"{field}.alternatives" if number else field,
                    holder=body,
                    cadence=line.cadence.value if line.cadence else None,
                    cadence_text=line.cadence_text,
                    text=line.text,
                    line_kind=meaning.value,
                    alternatives=" ".join(others) or None,
                    condition=line.condition,
                    subject=line.subject,
                    through=" ".join(line.via) or None,
                    start=line.start,
                    end=line.end,
                    planned=line.planned,
                )

    def stated_lines(self, body: str, own: tuple[Line, ...]) -> list[Line]:
        """``body``'s lines: its own list ``own`` (its ``reports_to``), then the lines of
        a partnership's or collaboration's ``lines`` that are from it."""
        return [*own, *self.index.lines_by.get(body, ())]

    def accountable_along(self, body: str, lines: list[Line], noun: str) -> bool:
        """The derived accountable-to edges along ``body``'s lines of accountability
        (never along a line for information, of advice, of escalation or of a meaning
        not stated); whether one of them is in place (not planned, to a body that is not
        planned)."""
        in_place = False
        planned_nodes = self.planned_nodes
        for line in lines:
            if line.meaning() is not LineKind.ACCOUNTABLE_TO:
                continue
            targets = line.targets
            field = "lines" if isinstance(line, ReportingLine) else "reports_to"
            for target in targets:
                others = [other for other in targets if other != target]
                via = f"{with_article(noun)} {ANSWERS_TO}"
                if others:
                    names = " and/or ".join(self.index.name(key) for key in targets)
                    via += (
                        f"; one of alternatives: it reports to {names}, and the data does not "
                        "say which"
                    )
                self.edge(
                    body,
                    target,
                    EdgeKind.ACCOUNTABLE_TO,
                    ref=field,
                    cadence=line.cadence.value if line.cadence else None,
                    cadence_text=line.cadence_text,
                    text=line.text,
                    line_kind=LineKind.ACCOUNTABLE_TO.value,
                    alternatives=" ".join(others) or None,
                    condition=line.condition,
                    through=" ".join(line.via) or None,
                    derived=True,
                    via=via,
                    start=line.start,
                    end=line.end,
                    planned=line.planned,
                    quiet=True,
                )
            if not line.planned and any(t not in planned_nodes for t in targets):
                in_place = True
        return in_place

    def owner_lines(self, owner: Owner) -> None:
        """The accountable-to edges along the lines of ``owner``'s ``lines`` that are from
        a post or an organisation (a group's, partnership's or collaboration's own lines
        are followed where that body is built)."""
        for line in owner.lines:
            by = self.entities.get(line.by)
            if by is None or isinstance(by, Group | Partnership | Collaboration):
                continue
            self.accountable_along(line.by, [line], _noun(by))

    # --- partnerships and collaborations -------------------------------------------

    def partnership(self, p: Partnership) -> None:
        pid = p.id
        if p.area:
            for org in p.area.local_authorities:
                self.edge(
                    org,
                    pid,
                    EdgeKind.AREA_OF,
                    ref="area.local_authorities",
                    holder=pid,
                    text=p.area.text,
                )
        for lead in p.lead_partners:
            common: dict[str, Any] = {
                "holder": pid,
                "text": lead.text,
                "capacity": lead.role.value,
                "start": lead.start,
                "end": lead.end,
            }
            if lead.organisation is not None:  # else known by its role (and post) only
                self.edge(
                    lead.organisation, pid, EdgeKind.LEAD_PARTNER_OF, ref="lead_partners", **common
                )
            if lead.post:
                self.edge(lead.post, pid, EdgeKind.LEAD_PARTNER_OF, ref="lead_partners", **common)
            if lead.through:
                self.edge(
                    lead.through,
                    pid,
                    EdgeKind.LEAD_PARTNER_THROUGH,
                    ref="lead_partners.through",
                    **common,
                )
        for delegated in p.delegated_partners:
            role = delegated.acts_for
            if delegated.post is None:  # its post is not stated: no node stands for it
                continue
            self.edge(
                delegated.post,
                pid,
                EdgeKind.DELEGATED_PARTNER_OF,
                ref="delegated_partners",
                holder=pid,
                capacity=role.value,
                start=delegated.start,
                end=delegated.end,
            )
            found = self.index.delegation(p, delegated)
            if found.lead is None:
                assert found.problem is not None and found.message is not None
                severity = "info" if found.problem == "no-lead-for-delegation" else "error"
                self.problems.append(
                    Finding(
                        code=found.problem,
                        severity=severity,
                        message=found.message,
                        bodies=(self.ref(delegated.post), self.ref(pid)),
                    )
                )
                continue
            lead = found.lead
            answers_to = lead.post or lead.organisation
            if answers_to is None:  # the lead partner is known by its role only
                continue
            via = f"acts for the {role.label}"
            if delegated.organisation is not None:
                via += f", {self.index.name(delegated.organisation)}"
            for kind in (EdgeKind.DELEGATES_FOR, EdgeKind.ACCOUNTABLE_TO):
                self.edge(
                    delegated.post,
                    answers_to,
                    kind,
                    ref="delegated_partners",
                    holder=pid,
                    capacity=role.value,
                    derived=True,
                    via=via,
                    start=later(delegated.start, lead.start),
                    end=earlier(delegated.end, lead.end),
                    quiet=True,
                )
        self.chair_edges(pid, p.chairs)
        self.member_edges(pid, p)  # the partnership's own members, where it gives them
        for scrutineer in p.scrutineers:
            text = "\n".join(item.text for item in scrutineer.functions) or scrutineer.text
            self.edge(
                scrutineer.post,
                pid,
                EdgeKind.SCRUTINISES,
                ref="scrutineers",
                holder=pid,
                text=text,
                start=scrutineer.start,
                end=scrutineer.end,
            )
        self.scrutiny(p)
        for agency in p.relevant_agencies:
            self.edge(
                agency.organisation,
                pid,
                EdgeKind.RELEVANT_AGENCY_OF,
                ref="relevant_agencies",
                holder=pid,
                text=agency.footnote,
                start=agency.start,
                end=agency.end,
                planned=agency.planned,
            )
        for rep in p.sector_representation:
            field = "sector_representation"
            self.edge(
                rep.sector, pid, EdgeKind.REPRESENTED_IN, ref=field, holder=pid, text=rep.text
            )
            if rep.via:
                self.edge(
                    rep.via, rep.sector, EdgeKind.REPRESENTS, ref=field, holder=pid, text=rep.text
                )
            for group_id in rep.groups:
                self.edge(
                    rep.sector,
                    group_id,
                    EdgeKind.MEMBER_OF,
                    ref=field,
                    holder=pid,
                    text=rep.text,
                    capacity="representative",
                    via="sector representation",
                )
        for observer in p.observers:
            node = observer.post or observer.organisation
            if node:
                self.edge(
                    node, pid, EdgeKind.OBSERVES, ref="observers", holder=pid, text=observer.text
                )
        for link in p.functional_links:
            self.edge(
                pid, link.organisation, EdgeKind.LINKED_TO, ref="functional_links", text=link.text
            )
        if p.procedures and p.procedures.collaboration:
            self.edge(
                pid,
                p.procedures.collaboration,
                EdgeKind.FOLLOWS_PROCEDURES_OF,
                ref="procedures.collaboration",
                text=p.procedures.text or p.procedures.name,
            )
        self.funding(p)
        self.events_and_approval(p)
        self.line_edges(pid, "reports_to", p.reports_to)
        self.line_edges(pid, "escalates_to", p.escalates_to)
        for lead in p.lead_partners:
            answers_to = lead.post or lead.organisation
            if answers_to is None:  # known by its role only: no node to answer to
                continue
            self.edge(
                pid,
                answers_to,
                EdgeKind.ACCOUNTABLE_TO,
                ref="lead_partners",
                text=lead.text,
                capacity=lead.role.value,
                derived=True,
                via="a partnership answers to its lead safeguarding partners",
                start=lead.start,
                end=lead.end,
                quiet=True,
            )
        self.accountable_along(pid, self.stated_lines(pid, p.reports_to), "partnership")
        self.owner_lines(p)

    def scrutiny(self, p: Partnership) -> None:
        for mechanism in p.scrutiny:
            common: dict[str, Any] = {
                "holder": p.id,
                "capacity": mechanism.kind.value,
                "subject": mechanism.name,
                "text": mechanism.text,
                "start": mechanism.start,
                "end": mechanism.end,
            }
            for who in mechanism.by:
                self.edge(who, p.id, EdgeKind.SCRUTINISES, ref="scrutiny.by", **common)
            if mechanism.by_role is not None:
                for who in self.holders(p, mechanism.by_role):
                    self.edge(
                        who,
                        p.id,
                        EdgeKind.SCRUTINISES,
                        ref="scrutiny.by_role",
                        derived=True,
                        via=f"named as the {mechanism.by_role.label}",
                        quiet=True,
                        **common,
                    )

    def funding(self, p: Partnership) -> None:
        funding = p.funding
        if funding is None:
            return
        pid = p.id
        for support in funding.support_in_kind:
            self.edge(
                support.organisation,
                pid,
                EdgeKind.SUPPORTS_IN_KIND,
                ref="funding.support_in_kind",
                holder=pid,
                text=", ".join(support.provides) or None,
            )
        for contribution in funding.contributions:
            percent = contribution.percent
            self.edge(
                contribution.organisation,
                pid,
                EdgeKind.FUNDS,
                ref="funding.contributions",
                holder=pid,
                text=contribution.text,
                amount=contribution.amount,
                percent=None if percent is None else float(percent),
                in_kind="; ".join(contribution.in_kind) or None,
                period=written(contribution.period),
                subject=" ".join(contribution.on_behalf_of) or None,
            )
            for other in contribution.on_behalf_of:
                self.edge(
                    contribution.organisation,
                    other,
                    EdgeKind.PAYS_ON_BEHALF_OF,
                    ref="funding.contributions.on_behalf_of",
                    holder=pid,
                    subject=pid,
                    text=contribution.text,
                )
        if funding.hosted_by:
            self.edge(
                funding.hosted_by, pid, EdgeKind.HOSTS_BUDGET, ref="funding.hosted_by", holder=pid
            )
        shares = {share.body: share for share in funding.split}
        for body in funding.shared_with:
            share = shares.get(body)
            self.edge(
                pid,
                body,
                EdgeKind.SHARES_BUDGET,
                ref="funding.shared_with",
                text=share.text if share else None,
                amount=share.amount if share else None,
                percent=None if share is None or share.percent is None else float(share.percent),
            )
        common: dict[str, Any] = {
            "holder": pid,
            "text": funding.rule,
            "cadence_text": funding.agreed_every,
        }
        for who in funding.agreed_by:
            self.edge(who, pid, EdgeKind.AGREES_BUDGET, ref="funding.agreed_by", **common)
        if funding.agreed_by_role is not None:
            role = funding.agreed_by_role
            for who in self.holders(p, role):
                self.edge(
                    who,
                    pid,
                    EdgeKind.AGREES_BUDGET,
                    ref="funding.agreed_by_role",
                    derived=True,
                    via=f"named as the {role.label}",
                    quiet=True,
                    **common,
                )

    def events_and_approval(self, p: Partnership) -> None:
        pid = p.id
        for event in p.events:
            common: dict[str, Any] = {
                "holder": pid,
                "capacity": event.kind.value,
                "subject": event.name,
                "text": event.text,
                "cadence": event.every.value if event.every else None,
                "cadence_text": event.every_text,
                "start": event.start,
                "end": event.end,
            }
            for who in event.by:
                self.edge(who, pid, EdgeKind.HOLDS_EVENT, ref="events.by", **common)
            for who in event.to:
                self.edge(who, pid, EdgeKind.RECEIVES_EVENT, ref="events.to", **common)
        for duty in p.duties:
            if duty.post:
                items = "\n".join(item.text for item in duty.items) or None
                self.edge(
                    duty.post,
                    pid,
                    EdgeKind.HAS_DUTIES_IN,
                    ref="duties.post",
                    text=items or duty.text,
                )
        approval = p.approval
        if approval is None:
            return
        common = {
            "holder": pid,
            "subject": approval.instrument,
            "text": approval.text,
            "period": written(approval.date),
        }
        for who in approval.by:
            self.edge(who, pid, EdgeKind.APPROVED, ref="approval.by", **common)
        if approval.by_role is not None:
            role = approval.by_role
            for who in self.holders(p, role):
                self.edge(
                    who,
                    pid,
                    EdgeKind.APPROVED,
                    ref="approval.by_role",
                    derived=True,
                    via=f"named as the {role.label}",
                    quiet=True,
                    **common,
                )

    def collaboration(self, c: Collaboration) -> None:
        # its members: those it lists, then the partnerships that say they take part
        for member in self.index.dataset.members_of(c):
            if member in c.members:
                self.edge(member, c.id, EdgeKind.COLLABORATES_IN, ref="members", holder=c.id)
            else:
                self.edge(member, c.id, EdgeKind.COLLABORATES_IN, ref="collaborations")
        for area in c.areas:
            self.edge(area, c.id, EdgeKind.AREA_OF, ref="areas", holder=c.id)
        # A collaboration answers to no one but the bodies a stated line says it reports
        # to: taking part in it makes no partnership's group accountable to another's.
        self.accountable_along(c.id, self.stated_lines(c.id, ()), "collaboration")
        self.owner_lines(c)

    # --- chairs -----------------------------------------------------------------------

    def chair_edges(self, body: str, chairs: tuple[Chair, ...]) -> None:
        """The chairs edges of ``body``: one from each node its chairs name
        (``ModelIndex.chair_nodes``: a post, person or organisation; each a rotation
        passes between, with its period and place; derived, each holder of the role a
        chair is one of, and the partnership chair's nodes for a body chaired by the
        partnership chair); and an edge from the body that nominates a chair."""
        for entry in self.index.chair_nodes.get(body, []):
            if entry.node is None:
                continue
            chair, source = entry.chair, entry.source
            giver = chair if source is None else source  # whose entry names the node
            start, end, planned = chair.start, chair.end, chair.planned
            if source is not None:
                ref = "chairs.partnership_chair"
                start = later(start, source.start)
                end = earlier(end, source.end)
                planned = planned or source.planned
            else:
                ref = f"chairs.{entry.field}"
            extra: Attrs = {}
            if entry.field == "rotates_among":
                extra = self.rotation(giver, entry.node)
            elif entry.field == "one_of":
                extra = {"period": giver.rotation_period}
            self.edge(
                entry.node,
                body,
                EdgeKind.CHAIRS,
                ref=ref,
                holder=body,
                text=chair.text,
                capacity=entry.role.value,
                derived=entry.derived,
                via=entry.via,
                start=start,
                end=end,
                planned=planned,
                quiet=entry.derived,
                **extra,
            )
        for chair in chairs:
            if chair.nominated_by:
                self.edge(
                    chair.nominated_by,
                    body,
                    EdgeKind.NOMINATES_CHAIR,
                    ref="chairs.nominated_by",
                    holder=body,
                    text=chair.text,
                    start=chair.start,
                    end=chair.end,
                    planned=chair.planned,
                )

    @staticmethod
    def rotation(chair: Chair, node: str) -> Attrs:
        """A rotating chair's period and, when the rotation is in order, the place of
        ``node`` in it (from 1)."""
        order = None
        if chair.rotation_in_order and node in chair.rotates_among:
            order = chair.rotates_among.index(node) + 1
        return {"period": chair.rotation_period, "order": order}

    # --- groups -----------------------------------------------------------------------

    def group(self, owner: Owner, g: Group) -> None:
        gid = g.id
        self.edge(gid, owner.id, EdgeKind.PART_OF, ref="groups")
        if g.parent:
            self.edge(gid, g.parent, EdgeKind.PART_OF, ref="parent")
        for other in g.joint_with:
            self.edge(gid, other, EdgeKind.JOINT_WITH, ref="joint_with", text=g.description)
        for area in g.covers:
            self.edge(area, gid, EdgeKind.AREA_OF, ref="covers", holder=gid)
        self.chair_edges(gid, g.chairs)
        self.member_edges(gid, owner)
        self.line_edges(gid, "reports_to", g.reports_to)
        self.line_edges(gid, "escalates_to", g.escalates_to)
        self.accountability(owner, g)

    def member_edges(self, body: str, owner: Owner) -> None:
        """The member-of edges of a group's (or a partnership's own) members, expanded by
        the index (``ModelIndex.members``), and a chair-member-of edge from each group
        whose chair is named as a member."""
        index = self.index
        put = self.put
        for member, resolved in index.members.get(body, ()):
            # the attributes of every edge of the entry, as ``edge`` would give them
            start, end, planned = member.start, member.end, member.planned
            shared = _BLANK.copy()
            shared["text"] = member.text
            shared["capacity"] = member.capacity._value_  # ``.value`` is a slow property
            shared["start"] = None if start is None else str(start)
            shared["end"] = None if end is None else str(end)
            shared["planned"] = planned
            for group_id in member.chair_of:
                data = shared.copy()
                data["kind"] = _CHAIR_MEMBER_OF
                put(group_id, body, _CHAIR_MEMBER_OF, data, "members.chair_of", body, False)
            for entry in resolved:
                node = entry.node
                if node is None:
                    continue
                named_as, derived = entry.named_as, entry.derived
                data = shared.copy()
                data["kind"] = _MEMBER_OF
                data["derived"] = derived
                if entry.detail:
                    if named_as == "role":
                        data["via"] = "named as " + index.role_entry_words(entry)
                    elif named_as == "chair-of":
                        data["via"] = f"named as the chair of the {index.name(entry.detail)}"
                if derived and not planned:
                    data["planned"] = resolved_planned(index, owner, entry)
                put(node, body, _MEMBER_OF, data, f"members.{named_as}", body, derived)

    def accountability(self, owner: Owner, g: Group) -> None:
        lines = self.stated_lines(g.id, g.reports_to)
        if self.accountable_along(g.id, lines, "group"):
            return  # (a planned line is not yet a line: the group answers as if it had none)
        stated = "reports_to" not in g.not_stated
        reason = (
            "a group with no reporting line answers to"
            if stated
            else "the source does not state its reporting line; a group answers to"
        )
        accountable = [line for line in lines if line.meaning() is LineKind.ACCOUNTABLE_TO]
        if accountable:
            reason = "a group whose reporting lines are only planned answers to"
        elif any(line.meaning() is LineKind.REPORTS_TO for line in lines):
            reason = (
                "a group with no line of accountability (its lines are for information, of "
                "advice or of a meaning the source does not state) answers to"
            )
        elif lines:
            reason = (
                "a group with no line of accountability (its lines are for information or "
                "advice only) answers to"
            )
        kind = "partnership" if isinstance(owner, Partnership) else "collaboration"
        planned = self.planned_nodes
        if g.parent:
            self.edge(
                g.id,
                g.parent,
                EdgeKind.ACCOUNTABLE_TO,
                ref="parent",
                derived=True,
                via=f"{reason} the group it sits under",
                quiet=True,
            )
        if g.kind is GroupKind.LEADERSHIP_GROUP:
            return  # the top: never accountable to the partnership it leads
        if g.parent in planned:
            reason = "a group that sits under a planned group answers to"
        if not g.parent or g.parent in planned:
            self.edge(
                g.id,
                owner.id,
                EdgeKind.ACCOUNTABLE_TO,
                ref="groups",
                derived=True,
                via=f"{reason} its {kind}",
                quiet=True,
            )

    # --- documents --------------------------------------------------------------------

    def document(self, d: GovernedDocument) -> None:
        did = d.id
        self.edge(did, d.owner, EdgeKind.OWNED_BY, ref="owner", text=d.text)
        for body in d.monitored_by:
            self.edge(body, did, EdgeKind.MONITORS, ref="monitored_by", holder=did)
        for body in d.delivered_by:
            self.edge(body, did, EdgeKind.DELIVERS, ref="delivered_by", holder=did)
        if d.delivers:
            self.edge(did, d.delivers, EdgeKind.DELIVERS, ref="delivers")

    # --- plans ------------------------------------------------------------------------

    def plan(self, plan: Plan) -> None:
        """A business plan's edges: the plan to the partnership (or collaboration) whose
        plan it is; who reviews its progress; each objective to the plan, from its
        owners (and the owners of its actions), to the partnerships it is run jointly
        with and to the objectives it links to."""
        pid = plan.id
        self.edge(pid, plan.partnership, EdgeKind.OWNED_BY, ref="partnership", text=plan.text)
        for review in plan.reviews:
            for who in review.by:
                self.edge(
                    who,
                    pid,
                    EdgeKind.MONITORS,
                    ref="reviews.by",
                    holder=pid,
                    cadence=review.every.value if review.every else None,
                    cadence_text=review.every_text,
                    subject=review.what,
                    text=review.text,
                )
        for objective in plan.objectives:
            if self.index.kept(objective):
                self.objective(pid, objective)

    def objective(self, plan: str, objective: Objective) -> None:
        oid = objective.id
        self.edge(oid, plan, EdgeKind.PART_OF, ref="objectives", holder=plan)
        for owner in objective.owners:
            self.edge(owner, oid, EdgeKind.OWNS, ref="owners", holder=oid)
        for action in objective.actions:
            for owner in action.owners:
                self.edge(
                    owner,
                    oid,
                    EdgeKind.OWNS,
                    ref="actions.owners",
                    holder=oid,
                    subject=action.text,
                    period=written(action.year),
                    capacity="action",
                )
        for other in objective.joint_with:
            self.edge(oid, other, EdgeKind.JOINT_WITH, ref="joint_with", text=objective.text)
        for link in objective.links:
            self.edge(oid, link.to, EdgeKind.LINKS_TO, ref="links", text=link.text)

    # --- meetings and communications -------------------------------------------------

    def communications(self, dataset: Dataset) -> None:
        """The edges of meetings (to the body that met, from who brought each item),
        courses (from who offers them), practice tools (from who adopted them, to the
        tools they replaced) and contacts (to whom they reach)."""
        kept = self.index.kept
        for meeting in dataset.meetings:
            if not kept(meeting):
                continue
            mid = meeting.id
            self.edge(mid, meeting.body, EdgeKind.MEETING_OF, ref="body", period=str(meeting.date))
            for item in meeting.items:
                for who in item.by:
                    self.edge(
                        who, mid, EdgeKind.BROUGHT_TO, ref="items.by", holder=mid, subject=item.text
                    )
        for course in dataset.courses:
            if kept(course):
                for who in course.by:
                    self.edge(who, course.id, EdgeKind.OFFERS, ref="by", holder=course.id)
        for tool in dataset.tools:
            if not kept(tool):
                continue
            dates: dict[str, Any] = {"start": tool.start, "end": tool.end}
            for who in tool.adopted_by:
                self.edge(who, tool.id, EdgeKind.ADOPTS, ref="adopted_by", holder=tool.id, **dates)
            for older in tool.replaces:
                self.edge(tool.id, older, EdgeKind.REPLACES, ref="replaces", start=tool.start)
        for contact in dataset.contacts:
            if kept(contact):
                self.edge(contact.id, contact.of, EdgeKind.CONTACT_FOR, ref="of", text=contact.text)
