"""What the model's references mean, worked out once: who holds a partnership role,
who chairs each body, and what each membership entry expands to.

The graph build and the queries share this, so an edge and the answer that explains
it always agree. Everything here is linear in the size of the model.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from ..model import (
    Chair,
    Collaboration,
    Dataset,
    DelegatedPartner,
    Entity,
    Group,
    GroupKind,
    LeadPartner,
    Member,
    Observer,
    Organisation,
    Partnership,
    PartnershipRole,
    Post,
    RelevantAgency,
    Scrutineer,
    SectorRepresentation,
)

__all__ = ["ChairNode", "ModelIndex", "Resolved", "Roles", "TOP_KINDS"]

Owner = Partnership | Collaboration

TOP_KINDS = (GroupKind.EXECUTIVE_GROUP, GroupKind.PARTNERSHIP_BOARD)
"""The kinds of group that may stand at the top of a partnership's structure."""


@attrs.frozen(kw_only=True)
class Resolved:
    """What one membership entry names: a node, or nobody the data can name.

    ``named_as`` is ``post``, ``organisation``, ``role``, ``chair-of`` or ``text``;
    ``detail`` the role's value or the id of the group whose chair is meant.
    """

    node: str | None
    named_as: str
    detail: str | None = None
    derived: bool = False
    note: str | None = None


@attrs.frozen(kw_only=True)
class ChairNode:
    """One node that chairs a body because of ``chair`` (``node`` is None when the data
    names no post: a nominated chair, or a partnership chair it does not name)."""

    node: str | None
    chair: Chair
    derived: bool = False
    via: str | None = None


@attrs.define
class Roles:
    """The nodes that hold each partnership role of one partnership, in order."""

    lead: list[tuple[str, LeadPartner]] = attrs.Factory(list)
    delegated: list[tuple[str, DelegatedPartner]] = attrs.Factory(list)
    chairs: list[tuple[str, Chair]] = attrs.Factory(list)
    scrutineers: list[tuple[str, Scrutineer]] = attrs.Factory(list)
    relevant: list[tuple[str, RelevantAgency]] = attrs.Factory(list)
    observers: list[tuple[str, Observer]] = attrs.Factory(list)

    def nodes(self, role: PartnershipRole) -> list[str]:
        """The posts or organisations holding ``role``."""
        table: dict[PartnershipRole, list[tuple[str, object]]] = {
            PartnershipRole.LEAD_SAFEGUARDING_PARTNERS: list(self.lead),
            PartnershipRole.DELEGATED_SAFEGUARDING_PARTNERS: list(self.delegated),
            PartnershipRole.PARTNERSHIP_CHAIR: list(self.chairs),
            PartnershipRole.INDEPENDENT_SCRUTINEER: list(self.scrutineers),
            PartnershipRole.RELEVANT_AGENCIES: list(self.relevant),
            PartnershipRole.PARTICIPATING_OBSERVERS: list(self.observers),
        }
        return list(dict.fromkeys(node for node, _ in table[role]))


def role_words(role: PartnershipRole) -> str:
    """A role in words: ``the delegated safeguarding partners``."""
    return "the " + role.value.replace("-", " ")


class ModelIndex:
    """The dataset's entities by id and the meaning of its references."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.entities: dict[str, Entity] = {}
        self.duplicates: list[Entity] = []
        for entity in dataset.entities():
            if entity.id in self.entities:
                self.duplicates.append(entity)
            else:
                self.entities[entity.id] = entity
        self.owner: dict[str, Owner] = {}
        self.groups: list[tuple[Owner, Group]] = []
        for owner, group in dataset.groups():
            self.groups.append((owner, group))
            self.owner.setdefault(group.id, owner)
        self.roles: dict[str, Roles] = {p.id: self._roles(p) for p in dataset.partnerships}
        self.chair_nodes: dict[str, list[ChairNode]] = {}
        for partnership in dataset.partnerships:
            self.chair_nodes[partnership.id] = self._chairs(partnership.chairs, None)
        for owner, group in self.groups:
            self.chair_nodes.setdefault(group.id, self._chairs(group.chairs, owner))
        self.sector_groups: dict[str, list[tuple[Partnership, SectorRepresentation]]] = {}
        self.sector_via: dict[tuple[str, str], list[str]] = {}
        for partnership in dataset.partnerships:
            for rep in partnership.sector_representation:
                if rep.via:
                    self.sector_via.setdefault((partnership.id, rep.sector), []).append(rep.via)
                for group_id in rep.groups:
                    self.sector_groups.setdefault(group_id, []).append((partnership, rep))
        self.members: dict[str, list[tuple[Member, list[Resolved]]]] = {}
        for owner, group in self.groups:
            if group.id not in self.members:
                self.members[group.id] = [(m, self._expand(m, owner)) for m in group.members]
        self.top: dict[str, list[str]] = {}
        for kind in TOP_KINDS:
            for owner, group in self.groups:
                if group.kind is kind and is_top(group):
                    self.top.setdefault(owner.id, []).append(group.id)

    # --- partnerships -----------------------------------------------------------------

    def _roles(self, partnership: Partnership) -> Roles:
        roles = Roles()
        for lead in partnership.lead_partners:
            roles.lead.append((lead.post or lead.organisation, lead))
        for delegated in partnership.delegated_partners:
            roles.delegated.append((delegated.post, delegated))
        for chair in partnership.chairs:
            if chair.post:
                roles.chairs.append((chair.post, chair))
            for org in chair.rotates_among:
                roles.chairs.append((org, chair))
        for scrutineer in partnership.scrutineers:
            roles.scrutineers.append((scrutineer.post, scrutineer))
        for agency in partnership.relevant_agencies:
            roles.relevant.append((agency.organisation, agency))
        for observer in partnership.observers:
            node = observer.post or observer.organisation
            if node:
                roles.observers.append((node, observer))
        return roles

    def partnerships_of(self, owner: Owner) -> list[Partnership]:
        """The partnership itself, or a collaboration's member partnerships in the data."""
        if isinstance(owner, Partnership):
            return [owner]
        found = []
        for key in owner.members:
            entity = self.entities.get(key)
            if isinstance(entity, Partnership):
                found.append(entity)
        return found

    def lead_target(self, partnership: Partnership, delegated: DelegatedPartner) -> str | None:
        """The lead partner's post (else organisation) that a delegated partner acts for."""
        for lead in partnership.lead_partners:
            if lead.role is delegated.acts_for:
                return lead.post or lead.organisation
        return None

    # --- chairs -----------------------------------------------------------------------

    def _chairs(self, chairs: tuple[Chair, ...], owner: Owner | None) -> list[ChairNode]:
        found: list[ChairNode] = []
        for chair in chairs:
            named = False
            if chair.post:
                found.append(ChairNode(node=chair.post, chair=chair))
                named = True
            if chair.partnership_chair and owner is not None:
                for partnership in self.partnerships_of(owner):
                    for node, _ in self.roles[partnership.id].chairs:
                        found.append(
                            ChairNode(
                                node=node, chair=chair, derived=True, via="the partnership chair"
                            )
                        )
                        named = True
            for org in chair.rotates_among:
                found.append(ChairNode(node=org, chair=chair, via="a chair that rotates"))
                named = True
            if not named:
                found.append(ChairNode(node=None, chair=chair))
        return found

    # --- members ----------------------------------------------------------------------

    def name(self, key: str) -> str:
        entity = self.entities.get(key)
        if entity is None:
            return key
        return self.dataset.name_of(key, self.entities)

    def _expand(self, member: Member, owner: Owner) -> list[Resolved]:
        if member.post:
            return [Resolved(node=member.post, named_as="post")]
        if member.organisation:
            return [Resolved(node=member.organisation, named_as="organisation")]
        if member.chair_of:
            found: list[Resolved] = []
            seen: set[str] = set()
            for group_id in member.chair_of:
                nodes = [c.node for c in self.chair_nodes.get(group_id, []) if c.node]
                if not nodes:
                    found.append(
                        Resolved(
                            node=None,
                            named_as="chair-of",
                            detail=group_id,
                            derived=True,
                            note=f"the chair of the {self.name(group_id)}: the data names no post",
                        )
                    )
                for node in nodes:
                    if node not in seen:
                        seen.add(node)
                        found.append(
                            Resolved(node=node, named_as="chair-of", detail=group_id, derived=True)
                        )
            return found
        if member.role is not None:
            nodes = []
            for partnership in self.partnerships_of(owner):
                nodes += self.roles[partnership.id].nodes(member.role)
            nodes = list(dict.fromkeys(nodes))
            if not nodes:
                return [
                    Resolved(
                        node=None,
                        named_as="role",
                        detail=member.role.value,
                        derived=True,
                        note=f"{role_words(member.role)}: none in the data",
                    )
                ]
            return [
                Resolved(node=n, named_as="role", detail=member.role.value, derived=True)
                for n in nodes
            ]
        return [Resolved(node=None, named_as="text")]

    def represented_by(self, owner: Owner, organisation: str) -> list[str]:
        """The organisations through which a sector is represented, where stated."""
        found: list[str] = []
        for partnership in self.partnerships_of(owner):
            found += self.sector_via.get((partnership.id, organisation), [])
        return list(dict.fromkeys(found))

    def expanded_members(self, group_id: str) -> Iterator[tuple[str, str, bool]]:
        """Every (node, how it is named, derived) among a group's members, sectors included."""
        for _, resolved in self.members.get(group_id, []):
            for entry in resolved:
                if entry.node is not None:
                    yield entry.node, entry.named_as, entry.derived
        for _, rep in self.sector_groups.get(group_id, []):
            yield rep.sector, "sector", False

    # --- helpers ----------------------------------------------------------------------

    def organisation_chain(self, organisation: str) -> list[str]:
        """An organisation and the organisations it is part of, nearest first."""
        chain: list[str] = []
        current: str | None = organisation
        while current is not None and current not in chain:
            chain.append(current)
            entity = self.entities.get(current)
            current = entity.parent if isinstance(entity, Organisation) else None
        return chain

    def post_organisation(self, post_id: str) -> str | None:
        entity = self.entities.get(post_id)
        return entity.organisation if isinstance(entity, Post) else None


def is_top(group: Group) -> bool:
    """Whether a group stands at the top of its structure: an executive group or a
    partnership board with no reporting line and no parent group."""
    return group.kind in TOP_KINDS and not group.reports_to and group.parent is None
