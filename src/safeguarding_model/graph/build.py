"""Build the governance graph from a dataset.

One node per entity with an id (organisations, people, posts, partnerships,
collaborations, groups), in the dataset's order; one edge per reference in the
model, plus the edges the model implies (``derived`` true): memberships expanded
from roles and chairs, the partnership chair in the chair of a group, and the
accountable-to lines. Edges are keyed by their ``EdgeKind`` value; when the same
(source, target, kind) arises twice the first one is kept. The build is linear in
the size of the model and deterministic: two builds of one dataset are identical,
node, edge and attribute order included.

A dataset made in code without loading may hold references that name nothing; the
build leaves those edges out and reports them (``GovernanceGraph.problems``).
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from ..model import (
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
from .answers import Finding, Ref
from .governance import GovernanceGraph
from .index import ModelIndex, role_words
from .kinds import EdgeKind, NodeKind

__all__ = ["build_graph", "node_attributes"]

_NODE_KIND: dict[type, NodeKind] = {
    Organisation: NodeKind.ORGANISATION,
    Person: NodeKind.PERSON,
    Post: NodeKind.POST,
    Partnership: NodeKind.PARTNERSHIP,
    Collaboration: NodeKind.COLLABORATION,
    Group: NodeKind.GROUP,
}

Attrs = dict[str, Any]


def build_graph(dataset: Dataset) -> GovernanceGraph:
    """The governance graph of ``dataset``."""
    index = ModelIndex(dataset)
    builder = _Builder(index)
    builder.run()
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(builder.nodes.items())
    graph.add_edges_from((u, v, k, data) for (u, v, k), data in builder.edges.items())
    return GovernanceGraph(graph=graph, index=index, problems=tuple(builder.problems))


def node_attributes(entity: Entity, index: ModelIndex) -> Attrs:
    """The attributes of an entity's node: ``kind``, ``label`` and ``name`` first."""
    kind = _NODE_KIND[type(entity)].value
    if isinstance(entity, Post):
        return {
            "kind": kind,
            "label": entity.title,
            "name": index.dataset.name_of(entity.id, index.entities),
            "independent": entity.independent,
            "vacant": entity.vacant,
            "acting": entity.acting,
        }
    if isinstance(entity, Person):
        return {"kind": kind, "label": entity.name, "name": entity.name}
    data: Attrs = {"kind": kind, "label": entity.label, "name": entity.name}
    if isinstance(entity, Organisation):
        data["organisation_kind"] = entity.kind.value
    elif isinstance(entity, Group):
        data["group_kind"] = entity.kind.value
        data["meets"] = entity.meets.value if entity.meets else None
    elif isinstance(entity, Partnership):
        data["guidance"] = entity.guidance.value
    return data


class _Builder:
    def __init__(self, index: ModelIndex) -> None:
        self.index = index
        self.entities = index.entities
        self.nodes: dict[str, Attrs] = {}
        self.edges: dict[tuple[str, str, str], Attrs] = {}
        self.problems: list[Finding] = []

    def run(self) -> None:
        for key, entity in self.entities.items():
            self.nodes[key] = node_attributes(entity, self.index)
        for entity in self.index.duplicates:
            self.problems.append(
                Finding(
                    code="duplicate-id",
                    severity="error",
                    message=f"the id `{entity.id}` is used by more than one entity; "
                    "the graph keeps the first",
                    bodies=(self.ref(entity.id),),
                )
            )
        dataset = self.index.dataset
        for organisation in dataset.organisations:
            if organisation.parent:
                self.edge(organisation.id, organisation.parent, EdgeKind.PART_OF, ref="parent")
        for post in dataset.posts:
            if post.holder:
                self.edge(post.holder, post.id, EdgeKind.HOLDS_POST, ref="holder", subject=post.id)
            if post.organisation:
                self.edge(post.id, post.organisation, EdgeKind.POST_IN, ref="organisation")
        for partnership in dataset.partnerships:
            self.partnership(partnership)
        for collaboration in dataset.collaborations:
            self.collaboration(collaboration)
        for owner, group in self.index.groups:
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
    ) -> None:
        """Add an edge unless it is there already; ``ref`` names the field that holds
        the reference, ``subject`` the entity holding it (the source by default)."""
        entities = self.entities
        if source not in entities or target not in entities:
            missing = [n for n in (source, target) if n not in entities]
            holder = subject or (target if source in missing else source)
            for key in missing:
                self.dangling(holder, key, ref)
            return
        value: str = kind._value_  # the plain attribute: ``.value`` is a slow property
        edge_key = (source, target, value)
        if edge_key in self.edges:
            return
        self.edges[edge_key] = {
            "kind": value,
            "cadence": cadence,
            "text": text,
            "capacity": capacity,
            "derived": derived,
            "via": via,
            "start": None if start is None else str(start),
            "end": None if end is None else str(end),
        }

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
            role = delegated.acts_for.value
            dates: dict[str, Any] = {"start": delegated.start, "end": delegated.end}
            self.edge(
                delegated.post,
                pid,
                EdgeKind.DELEGATED_PARTNER_OF,
                ref="delegated_partners",
                subject=pid,
                capacity=role,
                **dates,
            )
            acts_for = self.index.lead_target(p, delegated)
            if acts_for is not None:
                via = f"acts for the {role.replace('-', ' ')}"
                for kind in (EdgeKind.DELEGATES_FOR, EdgeKind.ACCOUNTABLE_TO):
                    self.edge(
                        delegated.post,
                        acts_for,
                        kind,
                        ref="delegated_partners",
                        subject=pid,
                        capacity=role,
                        derived=True,
                        via=via,
                        **dates,
                    )
        for chair in p.chairs:
            self.chair_edges(chair, pid, None, "chairs")
        for scrutineer in p.scrutineers:
            text = "\n".join(item.text for item in scrutineer.functions) or None
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
            )

    # --- groups -----------------------------------------------------------------------

    def chair_edges(
        self, chair: Any, body: str, owner: Partnership | Collaboration | None, field: str
    ) -> None:
        common: dict[str, Any] = {
            "subject": body,
            "text": chair.text,
            "capacity": chair.role.value,
            "start": chair.start,
            "end": chair.end,
        }
        if chair.post:
            self.edge(chair.post, body, EdgeKind.CHAIRS, ref=f"{field}.post", **common)
        if chair.partnership_chair:
            for node in self.index.chair_nodes.get(body, []):
                if node.chair is chair and node.derived and node.node:
                    self.edge(
                        node.node,
                        body,
                        EdgeKind.CHAIRS,
                        ref=f"{field}.partnership_chair",
                        derived=True,
                        via="the partnership chair",
                        **common,
                    )
        for org in chair.rotates_among:
            self.edge(
                org,
                body,
                EdgeKind.CHAIRS,
                ref=f"{field}.rotates_among",
                via="a chair that rotates",
                **common,
            )
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
            )

    def group(self, owner: Partnership | Collaboration, g: Group) -> None:
        gid = g.id
        self.edge(gid, owner.id, EdgeKind.PART_OF, ref="groups")
        if g.parent:
            self.edge(gid, g.parent, EdgeKind.PART_OF, ref="parent")
        for other in g.joint_with:
            self.edge(gid, other, EdgeKind.JOINT_WITH, ref="joint_with", text=g.description)
        for chair in g.chairs:
            self.chair_edges(chair, gid, owner, "chairs")
        for member, resolved in self.index.members.get(gid, []):
            common: dict[str, Any] = {
                "subject": gid,
                "text": member.text,
                "capacity": member.capacity.value,
                "start": member.start,
                "end": member.end,
            }
            for group_id in member.chair_of:
                self.edge(group_id, gid, EdgeKind.CHAIR_MEMBER_OF, ref="members.chair_of", **common)
            for entry in resolved:
                if entry.node is None:
                    continue
                via = None
                if entry.named_as == "role" and entry.detail:
                    via = "named as " + role_words_value(entry.detail)
                elif entry.named_as == "chair-of" and entry.detail:
                    via = f"named as the chair of the {self.index.name(entry.detail)}"
                self.edge(
                    entry.node,
                    gid,
                    EdgeKind.MEMBER_OF,
                    ref=f"members.{entry.named_as}",
                    derived=entry.derived,
                    via=via,
                    **common,
                )
        for line in g.reports_to:
            self.edge(
                gid,
                line.to,
                EdgeKind.REPORTS_TO,
                ref="reports_to",
                cadence=line.cadence.value if line.cadence else None,
                text=line.text,
                start=line.start,
                end=line.end,
            )
        for line in g.escalates_to:
            self.edge(
                gid,
                line.to,
                EdgeKind.ESCALATES_TO,
                ref="escalates_to",
                cadence=line.cadence.value if line.cadence else None,
                text=line.text,
                start=line.start,
                end=line.end,
            )
        self.accountability(owner, g)

    def accountability(self, owner: Partnership | Collaboration, g: Group) -> None:
        if g.reports_to:
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
                )
        elif g.parent:
            self.edge(
                g.id,
                g.parent,
                EdgeKind.ACCOUNTABLE_TO,
                ref="parent",
                derived=True,
                via="a group with no reporting line answers to the group it sits under",
            )
        else:
            kind = "partnership" if isinstance(owner, Partnership) else "collaboration"
            self.edge(
                g.id,
                owner.id,
                EdgeKind.ACCOUNTABLE_TO,
                ref="groups",
                derived=True,
                via=f"a group with no reporting line answers to its {kind}",
            )


def role_words_value(value: str) -> str:
    """A ``PartnershipRole`` value in words."""
    return role_words(PartnershipRole(value))
