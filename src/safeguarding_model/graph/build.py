"""Build the governance graph from a dataset.

One node per entity with an id (organisations, people, posts, partnerships,
collaborations, groups), in the dataset's order; one edge per reference in the
model, plus the edges the model implies (``derived`` true): memberships expanded
from roles and chairs, the partnership chair in the chair of a group, and the
accountable-to lines. No fact is dropped: the first edge of a kind between two nodes
is keyed by the kind, a repeat ``kind#2``, ``kind#3`` (see ``kinds``); only an edge
identical in every attribute to one already there (it would say nothing new) is not
added again. The build is linear in the size of the model and deterministic: two
builds of one dataset are identical, node, edge and attribute order included.

Every edge has ``planned`` (true for a planned chair, member, line or relevant
agency, for whatever a planned group holds or is held by, and for what the model
derives from planned entries only) and its ``start`` and ``end`` as written; a planned
entry is never an edge of the structure as it stands. Groups carry ``planned`` too.

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

from ..model import (
    Chair,
    Collaboration,
    Dataset,
    Entity,
    Group,
    Organisation,
    PartialDate,
    Partnership,
    PartnershipRole,
    Person,
    Post,
)
from ..model.dates import OnDate, as_of, date_text, earlier, later, span_of, written
from ..model.meaning import PARTNERSHIP_CHAIR, ROTATES, ModelIndex, Resolved, resolved_planned
from ..model.names import kind_word
from .answers import Finding, Ref
from .governance import GovernanceGraph
from .kinds import EdgeKind, edge_key

__all__ = ["build_graph", "node_attributes"]

Attrs = dict[str, Any]


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
    index = ModelIndex(dataset)
    builder = _Builder(index)
    builder.run()
    graph = nx.MultiDiGraph()
    if on is not None:
        graph.graph["on"] = date_text(on)
    graph.add_nodes_from(builder.nodes.items())
    graph.add_edges_from(builder.edges)
    return GovernanceGraph(
        graph=graph,
        index=index,
        sequence=[(u, v, k) for u, v, k, _ in builder.edges],
        problems=tuple(builder.problems),
        on=on,
        excluded=excluded,
        source=source,
        today=today,
    )


def node_attributes(entity: Entity, index: ModelIndex) -> Attrs:
    """The attributes of an entity's node: ``kind``, ``label`` and ``name`` first."""
    kind = kind_word(entity)
    if isinstance(entity, Post):
        return {
            "kind": kind,
            "label": entity.title,
            "name": index.dataset.name_of(entity.id, index.entities),
            "independent": entity.independent,
            "vacant": entity.vacant,
            "acting": entity.acting,
            "start": written(entity.start),
            "end": written(entity.end),
            "known_on": written(entity.known_on),
        }
    if isinstance(entity, Person):
        return {"kind": kind, "label": entity.name, "name": entity.name}
    data: Attrs = {"kind": kind, "label": entity.label, "name": entity.name}
    if isinstance(entity, Organisation):
        data["organisation_kind"] = entity.kind.value
        data["start"] = written(entity.start)
        data["end"] = written(entity.end)
    elif isinstance(entity, Group):
        data["group_kind"] = entity.kind.value
        data["meets"] = entity.meets.value if entity.meets else None
        data["start"] = written(entity.start)
        data["end"] = written(entity.end)
        data["planned"] = entity.planned
    elif isinstance(entity, Partnership):
        data["guidance"] = entity.guidance.value if entity.guidance else None
        data["regimes"] = " ".join(r.instrument.value for r in entity.regimes) or None
        data["start"] = written(entity.start)
        data["end"] = written(entity.end)
    elif isinstance(entity, Collaboration):
        data["start"] = written(entity.start)
        data["end"] = written(entity.end)
    return data


class _Builder:
    def __init__(self, index: ModelIndex) -> None:
        self.index = index
        self.entities = index.entities
        self.nodes: dict[str, Attrs] = {}
        self.edges: list[tuple[str, str, str, Attrs]] = []
        self.counts: dict[tuple[str, str, str], int] = {}
        self.seen: set[tuple[Any, ...]] = set()
        self.problems: list[Finding] = []
        self.planned_groups = {g.id for _, g in index.groups if g.planned}

    def run(self) -> None:
        for key, entity in self.entities.items():
            self.nodes[key] = node_attributes(entity, self.index)
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
            if organisation.parent:
                self.edge(organisation.id, organisation.parent, EdgeKind.PART_OF, ref="parent")
        for post in index.posts:
            if post.holder:
                self.edge(post.holder, post.id, EdgeKind.HOLDS_POST, ref="holder", subject=post.id)
            if post.organisation:
                self.edge(post.id, post.organisation, EdgeKind.POST_IN, ref="organisation")
        for partnership in index.partnerships:
            self.partnership(partnership)
        for collaboration in index.collaborations:
            self.collaboration(collaboration)
        for owner, group in index.groups:
            self.group(owner, group)

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
        subject: str | None = None,
        cadence: str | None = None,
        text: str | None = None,
        capacity: str | None = None,
        derived: bool = False,
        via: str | None = None,
        start: PartialDate | None = None,
        end: PartialDate | None = None,
        planned: bool = False,
        quiet: bool = False,
    ) -> None:
        """Add an edge; ``ref`` names the field that holds the reference, ``subject`` the
        entity holding it (the source by default). ``planned``: the entry is planned (an
        edge to or from a planned group is planned too). ``quiet``: a reference that
        names nothing was reported where it is stated, so a derived edge does not repeat
        it."""
        entities = self.entities
        if source not in entities or target not in entities:
            if quiet:
                return
            missing = [n for n in (source, target) if n not in entities]
            holder = subject or (target if source in missing else source)
            for key in missing:
                self.dangling(holder, key, ref)
            return
        value: str = kind._value_  # the plain attribute: ``.value`` is a slow property
        first = None if start is None else str(start)
        last = None if end is None else str(end)
        planned = planned or source in self.planned_groups or target in self.planned_groups
        identity = (
            source,
            target,
            value,
            cadence,
            text,
            capacity,
            derived,
            via,
            first,
            last,
            planned,
        )
        if identity in self.seen:
            return
        self.seen.add(identity)
        pair = (source, target, value)
        number = self.counts.get(pair, 0) + 1
        self.counts[pair] = number
        key = value if number == 1 else edge_key(value, number)
        data = {
            "kind": value,
            "cadence": cadence,
            "text": text,
            "capacity": capacity,
            "derived": derived,
            "via": via,
            "start": first,
            "end": last,
            "planned": planned,
        }
        self.edges.append((source, target, key, data))

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

    def line_edges(self, body: str, field: str, kind: EdgeKind, lines: tuple[Any, ...]) -> None:
        for line in lines:
            self.edge(
                body,
                line.to,
                kind,
                ref=field,
                cadence=line.cadence.value if line.cadence else None,
                text=line.text,
                start=line.start,
                end=line.end,
                planned=line.planned,
            )

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
                    subject=pid,
                    text=p.area.text,
                )
        for lead in p.lead_partners:
            common: dict[str, Any] = {
                "subject": pid,
                "text": lead.text,
                "capacity": lead.role.value,
                "start": lead.start,
                "end": lead.end,
            }
            self.edge(
                lead.organisation, pid, EdgeKind.LEAD_PARTNER_OF, ref="lead_partners", **common
            )
            if lead.post:
                self.edge(lead.post, pid, EdgeKind.LEAD_PARTNER_OF, ref="lead_partners", **common)
        for delegated in p.delegated_partners:
            role = delegated.acts_for
            self.edge(
                delegated.post,
                pid,
                EdgeKind.DELEGATED_PARTNER_OF,
                ref="delegated_partners",
                subject=pid,
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
            via = f"acts for the {role.label}"
            if delegated.organisation is not None:
                via += f", {self.index.name(lead.organisation)}"
            for kind in (EdgeKind.DELEGATES_FOR, EdgeKind.ACCOUNTABLE_TO):
                self.edge(
                    delegated.post,
                    lead.post or lead.organisation,
                    kind,
                    ref="delegated_partners",
                    subject=pid,
                    capacity=role.value,
                    derived=True,
                    via=via,
                    start=later(delegated.start, lead.start),
                    end=earlier(delegated.end, lead.end),
                    quiet=True,
                )
        self.chair_edges(pid, p.chairs, "chairs")
        for scrutineer in p.scrutineers:
            text = "\n".join(item.text for item in scrutineer.functions) or scrutineer.text
            self.edge(
                scrutineer.post,
                pid,
                EdgeKind.SCRUTINISES,
                ref="scrutineers",
                subject=pid,
                text=text,
                start=scrutineer.start,
                end=scrutineer.end,
            )
        for agency in p.relevant_agencies:
            self.edge(
                agency.organisation,
                pid,
                EdgeKind.RELEVANT_AGENCY_OF,
                ref="relevant_agencies",
                subject=pid,
                text=agency.footnote,
                start=agency.start,
                end=agency.end,
                planned=agency.planned,
            )
        for rep in p.sector_representation:
            field = "sector_representation"
            self.edge(
                rep.sector, pid, EdgeKind.REPRESENTED_IN, ref=field, subject=pid, text=rep.text
            )
            if rep.via:
                self.edge(
                    rep.via, rep.sector, EdgeKind.REPRESENTS, ref=field, subject=pid, text=rep.text
                )
            for group_id in rep.groups:
                self.edge(
                    rep.sector,
                    group_id,
                    EdgeKind.MEMBER_OF,
                    ref=field,
                    subject=pid,
                    text=rep.text,
                    capacity="representative",
                    via="sector representation",
                )
        for observer in p.observers:
            node = observer.post or observer.organisation
            if node:
                self.edge(
                    node, pid, EdgeKind.OBSERVES, ref="observers", subject=pid, text=observer.text
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
        if p.funding:
            for support in p.funding.support_in_kind:
                self.edge(
                    support.organisation,
                    pid,
                    EdgeKind.SUPPORTS_IN_KIND,
                    ref="funding.support_in_kind",
                    subject=pid,
                    text=", ".join(support.provides) or None,
                )
        self.line_edges(pid, "escalates_to", EdgeKind.ESCALATES_TO, p.escalates_to)
        for lead in p.lead_partners:
            self.edge(
                pid,
                lead.post or lead.organisation,
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

    def collaboration(self, c: Collaboration) -> None:
        for member in c.members:
            self.edge(member, c.id, EdgeKind.COLLABORATES_IN, ref="members", subject=c.id)
        for member in c.members:
            self.edge(
                c.id,
                member,
                EdgeKind.ACCOUNTABLE_TO,
                ref="members",
                derived=True,
                via="a collaboration answers to its members",
                quiet=True,
            )

    # --- groups -----------------------------------------------------------------------

    def chair_edges(self, body: str, chairs: tuple[Chair, ...], field: str) -> None:
        for entry in self.index.chair_nodes.get(body, []):
            if entry.node is None:
                continue
            chair = entry.chair
            start, end = chair.start, chair.end
            planned = chair.planned
            via = entry.via
            if entry.source is not None:
                ref = f"{field}.partnership_chair"
                start = later(start, entry.source.start)
                end = earlier(end, entry.source.end)
                planned = planned or entry.source.planned
                owner = self.index.owner.get(body)
                if isinstance(owner, Collaboration) and entry.partnership is not None:
                    via = f"{PARTNERSHIP_CHAIR} of {entry.partnership.label}"
            elif via == ROTATES:
                ref = f"{field}.rotates_among"
            else:
                ref = f"{field}.post"
            self.edge(
                entry.node,
                body,
                EdgeKind.CHAIRS,
                ref=ref,
                subject=body,
                text=chair.text,
                capacity=entry.role.value,
                derived=entry.derived,
                via=via,
                start=start,
                end=end,
                planned=planned,
                quiet=entry.derived,
            )
        for chair in chairs:
            if chair.nominated_by:
                self.edge(
                    chair.nominated_by,
                    body,
                    EdgeKind.NOMINATES_CHAIR,
                    ref=f"{field}.nominated_by",
                    subject=body,
                    text=chair.text,
                    start=chair.start,
                    end=chair.end,
                    planned=chair.planned,
                )

    def group(self, owner: Partnership | Collaboration, g: Group) -> None:
        gid = g.id
        self.edge(gid, owner.id, EdgeKind.PART_OF, ref="groups")
        if g.parent:
            self.edge(gid, g.parent, EdgeKind.PART_OF, ref="parent")
        for other in g.joint_with:
            self.edge(gid, other, EdgeKind.JOINT_WITH, ref="joint_with", text=g.description)
        self.chair_edges(gid, g.chairs, "chairs")
        for member, resolved in self.index.members.get(gid, []):
            common: dict[str, Any] = {
                "subject": gid,
                "text": member.text,
                "capacity": member.capacity.value,
                "start": member.start,
                "end": member.end,
            }
            for group_id in member.chair_of:
                self.edge(
                    group_id,
                    gid,
                    EdgeKind.CHAIR_MEMBER_OF,
                    ref="members.chair_of",
                    planned=member.planned,
                    **common,
                )
            for entry in resolved:
                if entry.node is None:
                    continue
                via = None
                if entry.named_as == "role" and entry.detail:
                    via = f"named as the {PartnershipRole(entry.detail).label}"
                elif entry.named_as == "chair-of" and entry.detail:
                    via = f"named as the chair of the {self.index.name(entry.detail)}"
                self.edge(
                    entry.node,
                    gid,
                    EdgeKind.MEMBER_OF,
                    ref=f"members.{entry.named_as}",
                    derived=entry.derived,
                    via=via,
                    planned=member.planned or self.index_planned(owner, entry),
                    quiet=entry.derived,
                    **common,
                )
        self.line_edges(gid, "reports_to", EdgeKind.REPORTS_TO, g.reports_to)
        self.line_edges(gid, "escalates_to", EdgeKind.ESCALATES_TO, g.escalates_to)
        self.accountability(owner, g)

    def index_planned(self, owner: Partnership | Collaboration, entry: Resolved) -> bool:
        """Whether a member entry expanded from a role or a chair names ``entry.node``
        only through planned entries (a planned relevant agency, a planned chair)."""
        return resolved_planned(self.index, owner, entry)

    def accountability(self, owner: Partnership | Collaboration, g: Group) -> None:
        for line in g.reports_to:
            self.edge(
                g.id,
                line.to,
                EdgeKind.ACCOUNTABLE_TO,
                ref="reports_to",
                cadence=line.cadence.value if line.cadence else None,
                text=line.text,
                derived=True,
                via="a group answers to the bodies it reports to",
                start=line.start,
                end=line.end,
                planned=line.planned,
                quiet=True,
            )
        planned = self.planned_groups
        if any(not (line.planned or line.to in planned) for line in g.reports_to):
            return  # (a planned line is not yet a line: the group answers as if it had none)
        stated = "reports_to" not in g.not_stated
        reason = (
            "a group with no reporting line answers to"
            if stated
            else "the source does not state its reporting line; a group answers to"
        )
        if g.reports_to:
            reason = "a group whose reporting lines are only planned answers to"
        kind = "partnership" if isinstance(owner, Partnership) else "collaboration"
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
